"""Every page's HTML, made here with the shared parser (`generator.content.markdown_parser`), as the reader sees it.

The page's Markdown is parsed once with the parser `vb check` reads texts with; then, in document order:
each heading gets its id (the slug of its text, made unique on the page with _1, _2 …) and a permalink, a
heading ending in `{.no-toc}` stays out of the page's table of contents, a table's header cells get
scope="col" and the first cell of each body row becomes its row header (th scope="row"), and the first
occurrence on the page of each glossary abbreviation is marked with <abbr title="…">. Links to other pages'
Markdown files point at their addresses. The finished body comes in blocks, one per heading
(generator.render.sections), that a browser lays out as they come near the screen.

A report's texts recur on the goal, indicator and period pages: each is parsed once per process
(generator.render.fragments), and a piece of a page with no heading and no link to another page is
rendered once too, and reused wherever nothing in it is the page's own (no abbreviation still to mark).
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import yaml
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token, convert_attrs
from markdown_it.utils import EnvType, OptionsDict

from generator.content.markdown_parser import parser
from generator.render.fragments import Piece, page_pieces, parse_whole, terms_in
from generator.render.glossary import ABBREVIATIONS
from generator.render.sections import sectioned
from generator.render.table_markup import finish_tables
from generator.render.text import NO_TOC

PERMALINK_TITLE = "Länk till det här avsnittet"
NO_TOC_CLASS = "no-toc"  # kept on the heading, so print styles can tell the report's own sections apart
_TERMS = "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))
TERM = re.compile(r"(?<![\w-])(" + _TERMS + r")(?![\w-])")
# TERM without its look-behind, which keeps the regex engine from skipping to a term's first letter; usable where
# every term is made of word characters and "-" (see `term_matches`).
_TERM_AHEAD = (
    re.compile("(" + _TERMS + r")(?![\w-])") if all(re.fullmatch(r"[\w-]+", t) for t in ABBREVIATIONS) else TERM
)
_WORDLIKE = re.compile(r"[\w-]")
_TAG = re.compile(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IDS = re.compile(r'\sid="([^"]+)"')  # every id on the page, the headings' and those in raw HTML
_ID_COUNT = re.compile(r"^(.*)_([0-9]+)$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PLAIN_HTML: dict[str, str] = {}  # a plain piece's HTML, by its text
_PLAIN_HTML_LIMIT = 100_000
_HEADING_TEXTS: dict[str, tuple[list[Token], str, str, bool]] = {}  # a kept heading's text, title and slug


@dataclass(frozen=True)
class Heading:
    """One entry of a page's table of contents: level, title (HTML) and id, with the entries below it."""

    level: int
    title: str
    id: str
    children: list[Heading] = field(default_factory=list)


@dataclass(frozen=True)
class PageHtml:
    """A page's HTML body, its table of contents, its title (the text of a leading h1) and every id on it."""

    html: str
    toc: list[Heading]
    title: str | None
    ids: frozenset[str]
    targets: frozenset[str] = frozenset()  # the pages' Markdown files it links to (below the site root)


def slugify(text: str) -> str:
    """A heading's id as the site has always named it: ASCII letters, digits, "_" and "-", lower case."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def unique(slug: str, used: set[str]) -> str:
    """`slug`, or with _1, _2 … appended when the page already has it (or it is empty)."""
    if slug in used or not slug:
        match = _ID_COUNT.match(slug)
        base, count = (match.group(1), int(match.group(2))) if match else (slug, 0)
        count += 1
        while f"{base}_{count}" in used:
            count += 1
        slug = f"{base}_{count}"
    used.add(slug)
    return slug


def term_matches(text: str) -> Iterator[re.Match[str]]:
    """TERM's matches in `text`, found quicker: each match of the pattern without the look-behind that has no word
    character or "-" before it (a term made of those cannot start inside another one's match)."""
    for match in _TERM_AHEAD.finditer(text):
        start = match.start()
        if start == 0 or not _WORDLIKE.match(text, start - 1):
            yield match


def strip_tags(text: str) -> str:
    """Text without its tags and comments, whitespace collapsed (entities stay)."""
    return " ".join(_TAG.sub("", _COMMENT.sub("", text)).split())


class _PageRenderer(RendererHTML):
    """markdown-it's HTML, with the glossary marks in text and the headings' ids and permalinks."""

    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        content = tokens[idx].content
        seen: set[str] | None = env.get("vb_seen")
        if seen is None or next(term_matches(content), None) is None:
            return escapeHtml(content)
        return _marked(content, seen)

    def heading_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        _, _, anchor, shown = env["vb_heading"] = next(env["vb_headings"])  # the page's rows, in document order
        classes = "" if shown else f' class="{NO_TOC_CLASS}"'
        return f'<{tokens[idx].tag} id="{html.escape(anchor)}"{classes}>'

    def heading_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        anchor = html.escape(env["vb_heading"][2])
        link = f'<a class="headerlink" href="#{anchor}" title="{PERMALINK_TITLE}">&para;</a>'
        return f"{link}</{tokens[idx].tag}>\n"

    def link_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return self.renderToken([_addressed(tokens[idx], "href", env)], 0, options, env)

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return super().image([_addressed(tokens[idx], "src", env)], 0, options, env)

    def vb_table(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """A table read from its cells (generator.render.fragments) as the parser's tokens of it render, with the
        header cells scope="col" and each body row's first cell its row header."""
        meta = tokens[idx].meta
        styles = [f' style="text-align:{align}"' if align else "" for align in meta["aligns"]]
        out = ["<table>\n<thead>\n<tr>\n"]
        for style, cell in zip(styles, meta["header"], strict=True):
            out.append(f'<th{style} scope="col">{self.renderInline(cell, options, env)}</th>\n')
        out.append("</tr>\n</thead>\n")
        if meta["rows"]:
            out.append("<tbody>\n")
            for row in meta["rows"]:
                out.append("<tr>\n")
                for column, (style, cell) in enumerate(zip(styles, row, strict=True)):
                    tag, scope = ("th", ' scope="row"') if column == 0 else ("td", "")
                    out.append(f"<{tag}{style}{scope}>{self.renderInline(cell, options, env)}</{tag}>\n")
                out.append("</tr>\n")
            out.append("</tbody>\n")
        out.append("</table>\n")
        return "".join(out)


def _addressed(token: Token, attribute: str, env: EnvType) -> Token:
    """A link or image whose address points at another file of the site, as seen from the page (a copy: inline
    tokens are shared between pages); a page it links to is noted in env["vb_targets"]."""
    url = token.attrGet(attribute)
    page = env.get("vb_page")
    if not isinstance(url, str) or not page:
        return token
    target = linked_page(url, page)
    if target is not None:
        env["vb_targets"].add(target)
    return token.copy(attrs={**token.attrs, attribute: page_url(url, page)})  # its own attributes: not shared


def _marked(text: str, seen: set[str]) -> str:
    """Text with the first occurrence on the page of each abbreviation marked."""
    out: list[str] = []
    last = 0
    for match in term_matches(text):
        term = match.group(1)
        if term in seen:
            continue
        seen.add(term)
        out.append(escapeHtml(text[last : match.start()]))
        out.append(f'<abbr title="{escapeHtml(ABBREVIATIONS[term])}">{escapeHtml(term)}</abbr>')
        last = match.end()
    out.append(escapeHtml(text[last:]))
    return "".join(out)


_RENDERER = _PageRenderer()
_PLAIN = RendererHTML()  # headings' text for their ids and the table of contents: no marks, no links rewritten


def page_url(href: str, page: str) -> str:
    """A relative address as seen from the page's own address: another page's Markdown file (x/index.md#a) as
    that page's address (x/#a), another file from a page that is not an index (a.md is served as a/)."""
    if _SCHEME.match(href) or href.startswith(("/", "\\", "#")) or "//" in href[:2]:
        return href
    path, hash_sign, anchor = href.partition("#")
    path, question, query = path.partition("?")
    if not path.endswith(".md") and (not path or page == "index.md" or page.endswith("/index.md")):
        return href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    address = _address(target) if path.endswith(".md") else target + ("/" if path.endswith("/") else "")
    return f"{relative_url(address, _address(page))}{question}{query}{hash_sign}{anchor}"


def linked_page(href: str, page: str) -> str | None:
    """The page's Markdown file (below the site root) a relative link to a .md file leads to, else None."""
    if _SCHEME.match(href) or href.startswith(("/", "\\", "#")) or "//" in href[:2]:
        return None
    path = href.partition("#")[0].partition("?")[0]
    if not path.endswith(".md"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _address(source: str) -> str:
    """A page's address below the site root, as directory URLs give it: index.md -> ./, a/index.md -> a/."""
    if source == "index.md":
        return "./"
    if source.endswith("/index.md"):
        return source[: -len("index.md")]
    return source[: -len(".md")] + "/"


def relative_url(target: str, base: str) -> str:
    """The address `target` as seen from the page at `base` (directory addresses end in "/")."""
    relative = posixpath.relpath("/" + target, "/" + base)
    return relative + "/" if target.endswith("/") else relative


def _groups(text: str) -> list[tuple[Piece | None, list[Token]]]:
    """The page's tokens in pieces (see generator.render.fragments), or whole (piece None) where it cannot be cut."""
    pieces = page_pieces(text)
    if pieces is None:
        return [(None, parse_whole(text)[0])]
    return [(piece, piece.tokens) for piece in pieces]


_TOKEN_FIELDS = tuple(f.name for f in fields(Token))


def _copied(token: Token) -> Token:
    """`token.copy()` (a shallow copy; an empty attrs gets a dict of its own) without its generic, slower way."""
    new = object.__new__(Token)
    for name in _TOKEN_FIELDS:
        setattr(new, name, getattr(token, name))
    new.attrs = convert_attrs(token.attrs)
    return new


def _headings(
    tokens: list[Token], options: OptionsDict, used: set[str], kept: bool = False
) -> list[tuple[int, str, str, bool]]:
    """Each heading's (level, title, id unique among `used`, in toc), its no-toc marker taken off its text. `kept`:
    the tokens are a kept piece's, whose inline tokens follow from their text alone."""
    found = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        children, title, slug, no_toc = _heading_text(inline, options, kept)
        if children is not inline.children:  # without the marker: a copy, the inline token may be shared
            inline = tokens[index + 1] = _copied(inline)
            inline.children = children
        found.append((int(token.tag[1]), title, unique(slug, used), not no_toc))
    return found


def _heading_text(inline: Token, options: OptionsDict, kept: bool) -> tuple[list[Token], str, str, bool]:
    """A heading's inline tokens without the no-toc marker, its title (HTML), the slug of its id and whether it
    stays out of the table of contents; once per distinct text where `kept`."""
    known = _HEADING_TEXTS.get(inline.content) if kept else None
    if known is not None:
        return known
    children = inline.children or []
    no_toc = inline.content.rstrip().endswith(NO_TOC)
    if no_toc:
        children = _without_marker(children)
    title = strip_tags(_PLAIN.renderInline(children, options, {}))
    found = (children, title, slugify(html.unescape(title)), no_toc)
    if kept and len(_HEADING_TEXTS) < _PLAIN_HTML_LIMIT:
        _HEADING_TEXTS[inline.content] = found
    return found


def _without_marker(children: list[Token]) -> list[Token]:
    """A heading's inline tokens without the trailing ` {.no-toc}` (a copy: the tokens may be shared)."""
    if not children or children[-1].type != "text" or not children[-1].content.rstrip().endswith(NO_TOC):
        return children
    last = children[-1].copy()
    last.content = last.content.rstrip()[: -len(NO_TOC)].rstrip()
    return [*children[:-1], *([last] if last.content else [])]


def _nest(flat: list[tuple[int, str, str, bool]]) -> list[Heading]:
    """The table of contents as a tree: each heading under the nearest one above it of a higher level."""
    root: list[Heading] = []
    stack: list[Heading] = []
    for level, title, anchor, shown in flat:
        if not shown:
            continue
        entry = Heading(level, title, anchor)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else root).append(entry)
        stack.append(entry)
    return root


def render_page(text: str, path: str = "") -> PageHtml:
    """A page's Markdown (front matter removed) as HTML; `path` (e.g. 2021/vb/x/index.md) turns links to other
    pages' Markdown into their addresses."""
    options = parser().options
    used: set[str] = set()
    flat: list[tuple[int, str, str, bool]] = []
    env: dict[str, Any] = {"vb_seen": set(), "vb_page": path, "vb_targets": set()}
    out: list[str] = []
    groups = _groups(strip_front_matter(text))
    for piece, tokens in groups:
        if piece is not None and piece.plain and terms_in(piece, term_matches) <= env["vb_seen"]:
            out.append(_plain_html(piece, options))  # nothing in it is the page's own: made once, reused
            continue
        own = list(tokens)  # a heading's inline tokens may be replaced: the list may be shared
        rows = _headings(own, options, used, kept=piece is not None)
        flat += rows
        env["vb_headings"] = iter(rows)  # each heading's id and class, taken by the renderer in document order
        _fix_row_headers(own)
        out.append(_RENDERER.render(own, options, env))
    body = sectioned(finish_tables("".join(out)))
    first = groups[0][1][0] if groups and groups[0][1] else None
    title = flat[0][1] if first is not None and first.type == "heading_open" and first.tag == "h1" else None
    return PageHtml(body, _nest(flat), title, frozenset(page_ids(body)), frozenset(env["vb_targets"]))


def page_ids(html: str) -> list[str]:
    """Every id on the page (the headings' and those in raw HTML), as `_IDS.findall` finds them: only where the
    page has `id="` is the pattern tried, which is quicker than reading all of a long page with it."""
    found = []
    position = html.find('id="', 1)
    while position != -1:
        match = _IDS.match(html, position - 1)
        if match is not None:
            found.append(match.group(1))
            position = match.end()
        else:
            position += 1
        position = html.find('id="', max(position, 1))
    return found


def _plain_html(piece: Piece, options: OptionsDict) -> str:
    """A plain piece's HTML without glossary marks (every abbreviation in it is marked earlier on the page)."""
    found = _PLAIN_HTML.get(piece.text)
    if found is None:
        _fix_row_headers(piece.tokens)  # the same on every page: the shared tokens may take it
        found = _RENDERER.render(piece.tokens, options, {"vb_seen": None, "vb_page": ""})
        if len(_PLAIN_HTML) < _PLAIN_HTML_LIMIT:
            _PLAIN_HTML[piece.text] = found
    return found


def _fix_row_headers(tokens: list[Token]) -> None:
    """Header cells scope="col"; each body row's first cell becomes its row header (th scope="row")."""
    in_body = False
    open_first: Token | None = None
    row_start = False
    for token in tokens:
        kind = token.type
        if kind == "thead_open":
            in_body = False
        elif kind == "tbody_open":
            in_body = True
        elif kind == "th_open":
            token.attrSet("scope", "col")
        elif kind == "tr_open":
            row_start = in_body
        elif kind == "td_open":
            if row_start:
                token.tag = "th"
                token.attrSet("scope", "row")
                open_first = token
            row_start = False
        elif kind == "td_close" and open_first is not None:
            token.tag = "th"
            open_first = None


def heading_anchors(text: str) -> list[tuple[int, str, str]]:
    """(level, title, id) of a page's table-of-contents headings, in order, as the page's HTML names them."""
    used: set[str] = set()
    flat = [
        row
        for piece, tokens in _groups(strip_front_matter(text))
        for row in _headings(list(tokens), parser().options, used, kept=piece is not None)
    ]
    return [(level, html.unescape(title), anchor) for level, title, anchor, shown in flat if shown]


# A block between two lines of three dashes (the second may be three dots) at the very start, as the engine finds it.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def strip_front_matter(text: str) -> str:
    """The page without its YAML front matter (the engine reads that block itself): only a block that is a YAML
    mapping is front matter, as the engine reads it; other dashes (e.g. two rules) are the page's own Markdown."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return text
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return text
    return text[found.end() :].lstrip("\n") if isinstance(data, dict) else text
