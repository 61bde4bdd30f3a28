"""A page's tokens from the shared parser, each recurring text parsed once per process.

The pages repeat the units' texts: an analysis stands on the report, on its goal's page and on the
indicator's page, a table on the period's page and the goal's. A page is cut into pieces at its
top-level ATX headings that follow a blank line, which is where CommonMark starts afresh anyway: the
heading line closes every open list, quote, table and paragraph, and nothing before it reaches past it
unless a fenced code block or a raw HTML block that ignores blank lines is open, or a link reference
definition applies to the whole page. A page with any of those is parsed whole. Each piece's tokens are
kept by its text, so a piece that recurs is not parsed again; the inline content of paragraphs, cells and
headings is kept the same way for the pages parsed whole.

Kept tokens are shared between pages: the renderer copies what it changes per page (headings).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markdown_it.rules_core import StateCore, block, normalize
from markdown_it.rules_core import inline as core_inline
from markdown_it.token import Token

from generator.content.markdown_parser import parser
from generator.render.table_piece import TableCells, read_table

_HEADING_LINE = re.compile(r"#{1,6}(?:[ \t]|$)")
# What may run past a heading line: a fence, or an HTML block of the kinds that end only at their closing
# marker (script, pre, style, textarea, comments, processing instructions, declarations, CDATA), also one
# opened inside a list item or a quote (whose blank lines before the heading are then part of it).
_REACHES_ON = re.compile(
    r"^[ \t>*+\-\d.)]*(?:```|~~~|<(?:script|pre|style|textarea|!|\?))", re.IGNORECASE | re.MULTILINE
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_TERMS_OF: dict[str, frozenset[str]] = {}
_CACHE_LIMIT = 200_000
_INLINE: dict[str, list[Token]] = {}
_PIECES: dict[str, Piece] = {}
_TABLES: dict[str, TableCells | None] = {}


@dataclass(frozen=True)
class Piece:
    """A part of a page and its tokens; `plain`: no heading and no link to another page's Markdown, so its HTML
    depends only on which glossary abbreviations are still to be marked on the page."""

    text: str
    tokens: list[Token]
    plain: bool


def page_pieces(text: str) -> list[Piece] | None:
    """The page's pieces (their tokens kept where they recur), or None when the page must be parsed whole."""
    if _REACHES_ON.search(text):
        return None
    pieces = []
    for part, cells in _parts(text):
        found = _PIECES.get(part)
        if found is None:
            if cells is not None:
                found = _table_piece(part, cells)
            else:
                tokens, env = parse_whole(part)
                if env.get("references"):
                    return None
                found = Piece(part, tokens, _is_plain(tokens))
            if len(_PIECES) < _CACHE_LIMIT:
                _PIECES[part] = found
        pieces.append(found)
    return pieces


def terms_in(piece: Piece, terms: Callable[[str], Iterable[re.Match[str]]]) -> frozenset[str]:
    """The glossary abbreviations in a piece's text tokens (kept per piece)."""
    found = _TERMS_OF.get(piece.text)
    if found is None:
        found = frozenset(
            match.group(1)
            for token in piece.tokens
            for child in token.children or []
            if child.type == "text"
            for match in terms(child.content)
        )
        if len(_TERMS_OF) < _CACHE_LIMIT:
            _TERMS_OF[piece.text] = found
    return found


def _is_plain(tokens: list[Token]) -> bool:
    """No heading and no link or image with a relative address (both are made per page)."""
    for token in tokens:
        if token.type == "heading_open":
            return False
        for child in token.children or []:
            address = child.attrGet("href") if child.type == "link_open" else child.attrGet("src")
            if child.type in ("link_open", "image") and _relative(str(address or "")):
                return False
    return True


def _relative(address: str) -> bool:
    """Whether an address is relative to the page (not another site's, the site root's or the page's own)."""
    return not (_SCHEME.match(address) or address.startswith(("/", "\\", "#")))


def _parts(text: str) -> list[tuple[str, TableCells | None]]:
    """The page cut before each top-level ATX heading that follows a blank line, the heading line on its own, and
    around each table that stands alone between blank lines (generator.render.table_piece): each part with the
    table's cells where it is such a table."""
    lines = text.split("\n")
    parts: list[tuple[str, TableCells | None]] = []
    start = 0
    number = 0
    while number < len(lines):
        line = lines[number]
        if _HEADING_LINE.match(line) and (number == 0 or not lines[number - 1].strip()):
            parts += [("\n".join(lines[start:number]), None), (line, None)]
            start = number + 1
        elif line.startswith("|") and (number == start or _blank(lines[number - 1])):
            end = number + 1
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            block = "\n".join(lines[number:end])
            cells = _table(block) if end == len(lines) or _blank(lines[end]) else None
            if cells is not None:
                parts += [("\n".join(lines[start:number]), None), (block, cells)]
                start = number = end
                continue
        number += 1
    parts.append(("\n".join(lines[start:]), None))
    return [(part, cells) for part, cells in parts if part.strip()]


def _blank(line: str) -> bool:
    """A blank line as the parser sees one: nothing but spaces and tabs."""
    return not line.strip(" \t")


def _table(block: str) -> TableCells | None:
    """`read_table` of a block of lines, once per distinct block."""
    if block in _TABLES:
        return _TABLES[block]
    found = read_table(block.split("\n"))
    if len(_TABLES) < _CACHE_LIMIT:
        _TABLES[block] = found
    return found


def _table_piece(part: str, cells: TableCells) -> Piece:
    """A table alone (see `_parts`) as one `vb_table` token, its cells' inline content parsed as the parser would:
    its meta holds the cells' inline tokens in rows, its children all of them in order."""
    contents = [*cells.header, *(cell for row in cells.rows for cell in row)]
    new = [Token("inline", "", 0, content=text, children=[]) for text in dict.fromkeys(contents) if text not in _INLINE]
    if new:
        _inline_steps(new)
    made = {token.content: token.children or [] for token in new}
    inline = {text: made[text] if text in made else _INLINE[text] for text in contents}
    table = Token(
        "vb_table",
        "table",
        0,
        block=True,
        meta={
            "aligns": cells.aligns,
            "header": [inline[text] for text in cells.header],
            "rows": [[inline[text] for text in row] for row in cells.rows],
        },
        children=[child for text in contents for child in inline[text]],
    )
    return Piece(part, [table], _is_plain([table]))


def _cached_inline(state: StateCore) -> list[Token]:
    """The parser's inline step, once per distinct inline text (while the text defines no link references);
    the inline tokens it parsed anew are returned, to be kept once the remaining steps have run."""
    md = state.md
    references = bool(state.env.get("references"))
    parsed = []
    for token in state.tokens:
        if token.type != "inline":
            continue
        known = None if references else _INLINE.get(token.content)
        if known is not None:
            token.children = known
            continue
        children: list[Token] = []
        md.inline.parse(token.content, md, state.env, children)
        token.children = children
        parsed.append(token)
    return [] if references else parsed


def parse_whole(text: str) -> tuple[list[Token], dict[str, Any]]:
    """The tokens of `text` as the shared parser makes them, the inline step taken from the kept ones where the
    same inline text was read before."""
    md = parser()
    env: dict[str, Any] = {}
    state = StateCore(text, md, env)
    _run(state, md.core.ruler.getRules(""))
    return state.tokens, env


def _inline_steps(tokens: list[Token]) -> None:
    """The parser's steps after the block step, run on inline tokens the block step would have made (no link
    reference definitions apply: a page that has any is parsed whole)."""
    md = parser()
    state = StateCore("", md, {})
    state.tokens = tokens
    _run(state, [rule for rule in md.core.ruler.getRules("") if rule not in (normalize, block)])


def _run(state: StateCore, rules: list[Any]) -> None:
    """Run the parser's core steps on `state`, the inline step from the kept inline tokens where it can."""
    parsed: list[Token] = []
    for rule in rules:
        if rule is core_inline:
            parsed = _cached_inline(state)
        else:
            rule(state)
    for token in parsed:  # after every step: the kept tokens are final, no later step changes them
        if len(_INLINE) < _CACHE_LIMIT:
            _INLINE.setdefault(token.content, token.children or [])
