"""The one Markdown parser of the project: what `vb check` reads is what the site publishes.

CommonMark (markdown-it-py) with tables, raw HTML recognised (so the check can report it) and every link
kept as written (so the check can report an unsafe one, rather than the parser silently dropping it). The
check reads each text with `parser()`; the renderer (`generator.render.html`) renders every page with the
same object, so no text can be read one way when checked and another when published.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore, block, normalize
from markdown_it.token import Token

OPTIONS: dict[str, Any] = {"html": True}  # raw HTML becomes html_block/html_inline tokens the check reports
RULES = ("table",)  # GitHub's pipe tables, on top of CommonMark
_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): no-break spaces in figures must stay
_BARE_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")  # a | after an even number of backslashes ends a cell


def _every_link(url: str) -> bool:
    """Every address is kept as a link: the check decides what is safe, and refuses the rest."""
    return True


@functools.lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The shared parser (made once per process); nothing may change its options after this."""
    md = MarkdownIt("commonmark", OPTIONS).enable(list(RULES))
    md.validateLink = _every_link  # type: ignore[method-assign]
    return md


def parse(text: str) -> tuple[list[Token], dict[str, Any]]:
    """The tokens of `text` and its environment (link reference definitions under "references")."""
    env: dict[str, Any] = {}
    return parser().parse(text, env), env


def blocks(text: str) -> list[Token]:
    """The block tokens of `text` (headings, paragraphs …) without reading their inline content: where the
    renderer only needs the structure (which lines are headings), read by the same parser."""
    state = StateCore(text, parser(), {})
    normalize(state)
    block(state)
    return state.tokens


def as_cell(text: str) -> str:
    """A text squeezed into one table cell, as the site shows some texts: one line, pipes escaped."""
    squeezed = _SPACES.sub(" ", text).strip()
    return _BARE_PIPE.sub(r"\1\\|", squeezed)


def cell_table(text: str) -> str:
    """A one-row table with `text` in its cell: the form the check reads for texts the site puts in cells."""
    return f"| Text |\n| --- |\n| {as_cell(text)} |\n"
