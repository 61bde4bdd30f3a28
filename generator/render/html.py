"""Every page's HTML, made here with the shared parser (`generator.content.markdown_parser`), as the reader sees it.

The page's Markdown is parsed once with the parser `vb check` reads texts with; then, in document order:
each heading gets its id (the slug of its text, made unique on the page with _1, _2 …) and a permalink, a
heading ending in `{.no-toc}` stays out of the page's table of contents, a table's header cells get
scope="col" and the first cell of each body row becomes its row header (th scope="row"), and the first
occurrence on the page of each glossary abbreviation is marked with <abbr title="…">. Links to other pages'
Markdown files point at their addresses.

A report's texts recur on the goal, indicator and period pages: the inline content of a paragraph, cell or
heading is parsed once per process and reused wherever the same text recurs (while no link reference
definition can change its reading).
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_core import inline as core_inline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from generator.content.markdown_parser import parser
from generator.render.glossary import ABBREVIATIONS
from generator.render.text import NO_TOC

PERMALINK_TITLE = "Länk till det här avsnittet"
NO_TOC_CLASS = "no-toc"  # kept on the heading, so print styles can tell the report's own sections apart
TERM = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True))) + r")(?![\w-])"
)
_TAG = re.compile(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IDS = re.compile(r'\sid="([^"]+)"')  # every id on the page, the headings' and those in raw HTML
_ID_COUNT = re.compile(r"^(.*)_([0-9]+)$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_INLINE_CACHE: dict[str, list[Token]] = {}
_INLINE_CACHE_LIMIT = 200_000


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


def strip_tags(text: str) -> str:
    """Text without its tags and comments, whitespace collapsed (entities stay)."""
    return " ".join(_TAG.sub("", _COMMENT.sub("", text)).split())


def _cached_inline(state: StateCore) -> list[Token]:
    """The parser's inline step, once per distinct inline text (while the page defines no link references);
    the inline tokens it parsed anew are returned, to be cached once the remaining steps have run."""
    md = state.md
    references = bool(state.env.get("references"))
    parsed = []
    for token in state.tokens:
        if token.type != "inline":
            continue
        known = None if references else _INLINE_CACHE.get(token.content)
        if known is not None:
            token.children = known
            continue
        children: list[Token] = []
        md.inline.parse(token.content, md, state.env, children)
        token.children = children
        parsed.append(token)
    return [] if references else parsed


class _PageRenderer(RendererHTML):
    """markdown-it's HTML, with the glossary marks in text and the headings' ids and permalinks."""

    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        content = tokens[idx].content
        seen: set[str] | None = env.get("vb_seen")
        if seen is None or TERM.search(content) is None:
            return html.escape(content, quote=False)
        return _marked(content, seen)

    def heading_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        classes = f' class="{NO_TOC_CLASS}"' if token.meta.get("no_toc") else ""
        return f'<{token.tag} id="{html.escape(token.meta["id"])}"{classes}>'

    def heading_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        anchor = html.escape(tokens[idx].meta["id"])
        link = f'<a class="headerlink" href="#{anchor}" title="{PERMALINK_TITLE}">&para;</a>'
        return f"{link}</{tokens[idx].tag}>\n"

    def link_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        href = token.attrGet("href")
        page = env.get("vb_page")
        if isinstance(href, str) and page:
            token = token.copy()  # inline tokens are shared between pages
            token.attrSet("href", page_url(href, page))
        return self.renderToken([token], 0, options, env)


def _marked(text: str, seen: set[str]) -> str:
    """Text with the first occurrence on the page of each abbreviation marked."""
    out: list[str] = []
    last = 0
    for match in TERM.finditer(text):
        term = match.group(1)
        if term in seen:
            continue
        seen.add(term)
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(f'<abbr title="{html.escape(ABBREVIATIONS[term])}">{html.escape(term, quote=False)}</abbr>')
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


_RENDERER = _PageRenderer()
_PLAIN = RendererHTML()  # headings' text for their ids and the table of contents: no marks, no links rewritten


def page_url(href: str, page: str) -> str:
    """A relative link to another page's Markdown file (x/index.md#a) as that page's address (x/#a)."""
    if _SCHEME.match(href) or href.startswith(("/", "\\", "#")) or "//" in href[:2]:
        return href
    path, hash_sign, anchor = href.partition("#")
    path, question, query = path.partition("?")
    if not path.endswith(".md"):
        return href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return f"{relative_url(_address(target), _address(page))}{question}{query}{hash_sign}{anchor}"


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


def _ready(text: str) -> tuple[list[Token], dict[str, Any]]:
    """The page's tokens, with the inline step taken from the cache where the text recurs."""
    md = parser()
    env: dict[str, Any] = {}
    state = StateCore(text, md, env)
    parsed: list[Token] = []
    for rule in md.core.ruler.getRules(""):
        if rule is core_inline:
            parsed = _cached_inline(state)
        else:
            rule(state)
    for token in parsed:  # after every step: the cached tokens are final, no later step changes them
        if len(_INLINE_CACHE) < _INLINE_CACHE_LIMIT:
            _INLINE_CACHE.setdefault(token.content, token.children or [])
    return state.tokens, env


def _headings(tokens: list[Token], options: OptionsDict) -> list[tuple[int, str, str, bool]]:
    """Give each heading its id and no-toc flag; (level, title, id, in toc) for each, in order."""
    used: set[str] = set()
    found = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        children = inline.children or []
        no_toc = inline.content.rstrip().endswith(NO_TOC)
        if no_toc:
            children = _without_marker(children)
            inline.children = children
        title = strip_tags(_PLAIN.renderInline(children, options, {}))
        token.meta = {"id": unique(slugify(html.unescape(title)), used), "no_toc": no_toc}
        tokens[index + 2].meta = token.meta
        found.append((int(token.tag[1]), title, token.meta["id"], not no_toc))
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
    tokens, _env = _ready(strip_front_matter(text))
    options = parser().options
    flat = _headings(tokens, options)
    _fix_row_headers(tokens)
    env: dict[str, Any] = {"vb_seen": set(), "vb_page": path}
    body = _RENDERER.render(tokens, options, env)
    title = None
    if tokens and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title = flat[0][1]
    ids = frozenset(_IDS.findall(body))
    return PageHtml(body, _nest(flat), title, ids)


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
    tokens, _env = _ready(strip_front_matter(text))
    return [
        (level, html.unescape(title), anchor)
        for level, title, anchor, shown in _headings(tokens, parser().options)
        if shown
    ]


def strip_front_matter(text: str) -> str:
    """The page without its YAML front matter (the engine reads that block itself)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text
