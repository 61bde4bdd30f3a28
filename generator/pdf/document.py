"""A report's print page as an HTML document for paged media: a cover, a paginated contents, tables that fit.

The PDF is made from the same HTML the reader's page shows (MkDocs' output of
the report's print page): its article is taken out of the theme, the page's
own title block and unnumbered contents are replaced by a cover and a
contents whose page numbers the engine fills in (target-counter), links to
other pages of the site carry their address for paper, and every table is
given a size class by its estimated width (see `generator.pdf.tables`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import tinyhtml5
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.pdf.links import paper_links
from generator.pdf.tables import Table, wrap_tables
from generator.render.environment import TEMPLATES
from generator.render.printed import PdfSource
from generator.render.sections import SECTION

ARTICLE = re.compile(r"<article\b[^>]*\bmd-content__inner\b[^>]*>")
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
TOC_TITLE = "Innehållsförteckning"
ALIGNMENT = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*")  # a table cell's alignment from Markdown
BOOKMARK = "data-vb-bokmarke"  # a heading's text, for its bookmark (templates/pdf/report.css)
PDF_TEMPLATES = TEMPLATES / "pdf"


class DocumentError(Exception):
    """The print page cannot be made into a document (the message is Swedish)."""


@dataclass(frozen=True)
class TocLine:
    """One line of the contents: its depth (1 = a top section), its heading's text and the heading's id."""

    level: int
    title: str
    anchor: str


@dataclass
class PdfDocument:
    """The context of templates/pdf/document.html.j2: cover, the report before and after its contents."""

    TEMPLATE: ClassVar[str] = "document.html.j2"
    source: PdfSource
    before: list[ET.Element]  # what precedes the contents (a council report's Förslag till beslut …)
    toc: list[TocLine]
    after: list[ET.Element]
    tables: list[Table] = field(default_factory=list)

    @property
    def meeting(self) -> str:
        """The meeting's date as on the report: 2021-05-27."""
        return self.source.meeting.isoformat() if isinstance(self.source.meeting, date) else ""


def article_of(page_html: str) -> str:
    """The report's own content in a page MkDocs wrote (the theme's article), without the theme around it."""
    start = ARTICLE.search(page_html)
    end = page_html.rfind("</article>")
    if start is None or end < start.end():
        raise DocumentError("sidan saknar rapportens innehåll (temats <article>)")
    return page_html[start.end() : end]


def document(source: PdfSource, page_html: str, page_url: str, site_url: str = "") -> PdfDocument:
    """The print page at `page_url` (site-absolute, "/2021/t1/x/utskrift/") as a document for the PDF."""
    body = tinyhtml5.parse(article_of(page_html), namespace_html_elements=False).find("body")
    assert body is not None  # the HTML parser always makes a body
    unwrap_sections(body)
    container = _container(body)
    _remove_page_furniture(container)
    alignment_classes(body)
    label_headings(container)
    ids = {e.get("id") for e in body.iter() if e.get("id")}
    paper_links(body, page_url, source.target.rsplit("/", 1)[0], ids, site_url)
    tables = wrap_tables(container)
    children = list(container)
    at = _toc_position(children)
    before, after = children[:at], children[at:]
    if at < len(children) and _text(children[at]) == TOC_TITLE:
        after = after[2:] if len(after) > 1 and after[1].tag in ("ul", "ol") else after[1:]
    return PdfDocument(source, before, _toc_lines(after), after, tables)


def html_of(doc: PdfDocument) -> str:
    """The document's HTML, with its tables at their current sizes."""
    return _environment().get_template(doc.TEMPLATE).render(c=doc)


def alignment_classes(body: ET.Element) -> None:
    """A cell's `style="text-align: right"` becomes a class of the print stylesheet.

    The engine parses every style attribute as a stylesheet of its own: a council report has a thousand.
    """
    for element in body.iter():
        style = element.get("style")
        if style is None:
            continue
        found = ALIGNMENT.fullmatch(style)
        if found:
            del element.attrib["style"]
            classes = (element.get("class") or "").split()
            element.set("class", " ".join([*classes, f"vb-{found[1]}"]))


def label_headings(container: ET.Element) -> None:
    """Each heading carries its text for its bookmark, which the engine otherwise copies the heading's boxes for."""
    for element in container.iter():
        if element.tag in HEADINGS:
            element.set(BOOKMARK, _text(element))


def unwrap_sections(body: ET.Element) -> None:
    """The page's blocks (generator.render.sections) give way to what they hold: paper has its own pages, and the
    document's contents are read from the headings and blocks side by side."""
    for parent in list(body.iter()):
        for child in list(parent):
            if child.tag == "div" and SECTION in (child.get("class") or "").split():
                index = list(parent).index(child)
                inside = list(child)
                if inside:
                    inside[-1].tail = (inside[-1].tail or "") + (child.tail or "")
                _keep_text(parent, index, child.text if inside else (child.text or "") + (child.tail or ""))
                parent[index : index + 1] = inside


def _keep_text(parent: ET.Element, index: int, text: str | None) -> None:
    """Text that stood at `index` of `parent` joins what precedes it."""
    if not text:
        return
    if index:
        parent[index - 1].tail = (parent[index - 1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _container(body: ET.Element) -> ET.Element:
    """The element whose children are the report's blocks (headings, paragraphs, tables)."""
    for element in body.iter():
        if any(child.tag in ("h1", "h2") for child in element):
            return element
    raise DocumentError("sidan saknar rubriker, så den är inte en rapport")


DRAFT_NOTICE = "vb-utkast"  # the class of an unfinished report's notice (templates/report_page.md.j2)


def _remove_page_furniture(container: ET.Element) -> None:
    """The page's title block (title, facts, buttons, download link) goes: the cover replaces it; so do ¶ links.
    A draft's notice (vb-utkast) stays: the PDF of an unfinished report says so too."""
    children = list(container)
    first_section = next((n for n, child in enumerate(children) if child.tag == "h2"), len(children))
    for child in children[:first_section]:
        if DRAFT_NOTICE not in (child.get("class") or "").split():
            container.remove(child)
    for parent in list(container.iter()):
        for child in list(parent):
            classes = (child.get("class") or "").split()
            if (child.tag == "a" and "headerlink" in classes) or "vb-pdf" in classes or child.tag == "button":
                _remove(parent, child)


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Remove an element and keep the text that follows it."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _toc_position(children: list[ET.Element]) -> int:
    """Where the contents stand: where the page has its Innehållsförteckning, else before the first section."""
    for number, child in enumerate(children):
        if child.tag == "h2" and _text(child) == TOC_TITLE:
            return number
    return next((n for n, child in enumerate(children) if _in_toc(child)), len(children))


def _in_toc(element: ET.Element) -> bool:
    """A heading of the report's outline (the renderer marks the others no-toc)."""
    return element.tag in HEADINGS and "no-toc" not in (element.get("class") or "").split() and bool(element.get("id"))


def _toc_lines(blocks: list[ET.Element]) -> list[TocLine]:
    """The outline's headings among the report's blocks, in order."""
    return [TocLine(int(block.tag[1]) - 1, _text(block), block.get("id") or "") for block in blocks if _in_toc(block)]


def _text(element: ET.Element) -> str:
    """An element's text, spaces collapsed."""
    return " ".join("".join(element.itertext()).split())


def _serialise(elements: list[ET.Element]) -> Markup:
    """Parsed blocks back to HTML (already escaped by the serialiser)."""
    return Markup("".join(ET.tostring(e, encoding="unicode", method="html") for e in elements))


_ENVIRONMENTS: list[Environment] = []


def _environment() -> Environment:
    """The HTML templates of the PDF (autoescaped), made once."""
    if not _ENVIRONMENTS:
        env = Environment(
            loader=FileSystemLoader(str(PDF_TEMPLATES)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters["html"] = _serialise
        _ENVIRONMENTS.append(env)
    return _ENVIRONMENTS[0]
