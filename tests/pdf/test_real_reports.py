"""The real reports as PDFs: every table cell in the text layer, nothing off the page, a true contents, tags.

Built once with `vb build` from content/; each check reads the written PDF
with poppler (text and word boxes) or pypdf (tags, metadata, bookmarks).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import tinyhtml5
from pypdf import PdfReader

from generator.build.site import prepare
from generator.pdf.make import size_text
from tests.pdf.conftest import ROOT, outside_words, pdf_pages, squeezed

pytestmark = pytest.mark.slow  # builds the real content, PDFs and all

REPORTS = sorted((ROOT / "content" / "rapporter").rglob("*.yml"))
PDF_NAMES = [f"{path.parent.name}-{path.stem}.pdf" for path in REPORTS]  # as the site names them


@pytest.fixture(scope="session")
def sources():
    """Each report's PDF as the build describes it, by file name."""
    return {s.target.rsplit("/", 1)[1]: s for s in prepare(ROOT / "content", 1, io.StringIO()).documents}


A4 = (595.28, 841.89)


def test_every_report_in_content_has_a_pdf_source(sources):
    assert len(REPORTS) == 4
    assert sorted(sources) == sorted(PDF_NAMES)


@pytest.mark.parametrize("name", PDF_NAMES)
def test_the_reports_pages_link_the_pdf_with_its_size(built, sources, name):
    source = sources[name]
    pdf = built / source.target
    assert pdf.is_file()
    for page in source.linked_from:
        html = (built / _html_of(page)).read_text(encoding="utf-8")
        link = re.search(
            r'<a href="([^"]+)" type="application/pdf">Ladda ner som PDF</a> '
            r'<span class="vb-pdf-storlek">\(PDF, ([^)]+)\)</span>',
            html,
        )
        assert link, page
        assert (built / _html_of(page)).parent.joinpath(link.group(1)).resolve() == pdf.resolve()
        assert link.group(2) == size_text(pdf.stat().st_size)
        assert re.fullmatch(r"\d+ kB|\d+,\d MB", link.group(2))


@pytest.mark.parametrize("name", PDF_NAMES)
def test_every_table_cell_is_in_the_text_layer_row_by_row(built, sources, name):
    source = sources[name]
    text = squeezed("".join(page.text for page in pdf_pages(built / source.target)))
    html = (built / _html_of(source.source)).read_text(encoding="utf-8")
    tables = _tables(html)
    assert tables, "the report has tables"
    missing = [
        (number, row)
        for number, rows in enumerate(tables, start=1)
        for row in rows
        if squeezed("".join(row)) not in text
    ]
    assert missing == []


@pytest.mark.parametrize("name", PDF_NAMES)
def test_nothing_lies_outside_the_page_and_pages_are_a4(built, sources, name):
    source = sources[name]
    pages = pdf_pages(built / source.target)
    for page in pages:
        assert sorted((round(page.width, 1), round(page.height, 1))) == [round(A4[0], 1), round(A4[1], 1)]
    assert outside_words(pages) == []


@pytest.mark.parametrize("name", PDF_NAMES)
def test_the_contents_page_numbers_are_where_the_headings_are(built, sources, name):
    source = sources[name]
    pdf = built / source.target
    pages = pdf_pages(pdf)
    entries = _toc_entries(pages)
    expected = [line for line in _outline_titles(built / _html_of(source.source))]
    assert [title for title, _ in entries] == expected
    marks = _bookmarks(PdfReader(pdf))
    at = 0
    for title, number in entries:
        assert squeezed(title) in squeezed(pages[number - 1].text), (title, number)
        while marks[at][0] != title:
            at += 1
        assert marks[at][1] == number, title


@pytest.mark.parametrize("name", PDF_NAMES)
def test_tagged_with_title_language_and_bookmarks(built, sources, name):
    source = sources[name]
    reader = PdfReader(built / source.target)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "sv"
    assert reader.metadata.title == source.title
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "pdfuaid:part" in reader.xmp_metadata.stream.get_data().decode()  # PDF/UA-1 declared
    titles = [title for title, _ in _bookmarks(reader)]
    assert [t for t in _outline_titles(built / _html_of(source.source)) if t not in titles] == []


@pytest.mark.parametrize("name", PDF_NAMES)
def test_cover_and_running_header_and_footer(built, sources, name):
    source = sources[name]
    pages = pdf_pages(built / source.target)
    cover = squeezed(pages[0].text)
    for fact in (source.council, source.report_name, source.period):
        assert squeezed(fact) in cover
    if source.meeting:
        assert source.meeting.isoformat() in cover
    assert "Sida" not in pages[0].text
    for number, page in enumerate(pages[1:], start=2):
        assert f"Sida {number} av {len(pages)}" in page.text
        assert squeezed(f"{source.report_name} – {source.writer}") in squeezed(page.text)
        assert squeezed(f"Period: {source.period}") in squeezed(page.text)


def _html_of(page: str) -> str:
    """The file MkDocs writes for a page path (use_directory_urls)."""
    return page.removesuffix("index.md") + "index.html" if page.endswith("index.md") else page[:-3] + "/index.html"


def _tables(html: str) -> list[list[list[str]]]:
    """Every table of a built page's report: its rows, each a list of cell texts."""
    start = html.index('<article class="md-content__inner md-typeset">')
    root = tinyhtml5.parse(html[start : html.rindex("</article>")], namespace_html_elements=False)
    return [
        [["".join(cell.itertext()) for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]
        for table in root.iter("table")
    ]


def _outline_titles(page: Path) -> list[str]:
    """The headings of the report's Innehållsförteckning, as the site's page lists them."""
    html = page.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner md-typeset">')
    root = tinyhtml5.parse(html[start : html.rindex("</article>")], namespace_html_elements=False)
    return [
        " ".join("".join(h.itertext()).replace("¶", "").split())
        for h in root.iter()
        if h.tag in ("h2", "h3", "h4", "h5", "h6") and "no-toc" not in (h.get("class") or "").split()
    ]


def _toc_entries(pages) -> list[tuple[str, int]]:
    """The contents' lines as (title, page number), read from the PDF's text."""
    lines: list[str] = []
    for page in pages:
        if page.text.lstrip().startswith("Innehållsförteckning") or (lines and not _toc_line(lines[-1])):
            lines += page.text.split("\n")
        elif lines:
            break
    entries, pending = [], ""
    for line in lines[1:]:
        line = line.strip()
        if not line or line.startswith(("Sida ", "Period: ")) or line.endswith(" av " + str(len(pages))):
            continue
        found = _toc_line(f"{pending} {line}".strip())
        if found:
            entries.append(found)
            pending = ""
        elif line != "Innehållsförteckning":
            pending = f"{pending} {line}".strip()
    return entries


def _toc_line(text: str) -> tuple[str, int] | None:
    """A contents line's title and page number: the title, a leader of at least three dots, the number at the end.

    Read from the end, in one pass: a pattern with a lazy title before the leader takes minutes on a long line."""
    body = text.rstrip()
    title_and_leader = body.rstrip("0123456789")
    if title_and_leader == body:
        return None
    title = title_and_leader.rstrip(". \t")
    if title_and_leader[len(title) :].count(".") < 3:
        return None
    return " ".join(title.split()), int(body[len(title_and_leader) :])


def _bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """The PDF's bookmarks in order, with the (1-based) page each leads to."""
    found: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((" ".join(item.title.split()), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return found
