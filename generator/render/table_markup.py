"""Tables as the finished page has them: the title and its lines (unit, sign convention) as the table's own
`<caption>`, and the table inside the boxes that let it scroll sideways.

A Markdown table has no caption, so the table's template writes its lines as one
marked HTML paragraph right above the table, and `finish_tables` moves that
paragraph into the table that follows it once the page is HTML: a screen reader
then names the table by it, and the PDF and print view keep it with the table.
The theme's script used to wrap every table in its scrolling boxes after the page
had loaded; written into the page, they are there before the first paint and the
page does not shift; so is the (empty) line above each table and chart where the site's script says that it
scrolls sideways. A table's box, a chart and a code example can be reached with Tab from the start (the
script takes that away from one it finds narrow enough), so that the keyboard reaches a wide one in a part of
the page the browser has not laid out yet (generator.render.sections). The page renderer (render/html.py)
finishes every page this way, so the page the core makes is the page published.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from generator.content.markdown_parser import parser

MARK = "vb-tabelltext"
LINE = "vb-tabelltext__rad"
CUE = '<p class="vb-rulla" aria-hidden="true"></p>'  # the line where assets/vb.js says that a table scrolls
WRAP_OPEN = '<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table">'
CHART = '<figure class="vb-diagram">'
REACHABLE_CHART = '<figure class="vb-diagram" tabindex="0">'
CODE = "<pre><code"
REACHABLE_CODE = '<pre><code tabindex="0"'
WRAP_CLOSE = "</div></div>"
_MARKED = re.compile(rf'<p class="{MARK}">(?P<lines>(?:(?!</p>).)*)</p>\s*(?P<table><table>)', re.S)
_TABLE = re.compile(r"<table>.*?</table>", re.S)


def caption_block(lines: Sequence[str]) -> Markup:
    """The caption's lines (Markdown, escaped by the renderer; a plain string is escaped here) as the marked
    paragraph above the table, read by the site's one parser."""
    spans = "".join(f'<span class="{LINE}">{parser().renderInline(str(escape(line)))}</span>' for line in lines if line)
    return Markup(f'<p class="{MARK}">{spans}</p>') if spans else Markup("")


def finish_tables(html: str) -> str:
    """Every content table (one without a class) wrapped for scrolling, with the marked paragraph above it as its
    caption, and the cue's line above each table and chart; a page that has them already is left as it is."""
    if ("<table>" not in html and CHART not in html and CODE not in html) or CUE in html or REACHABLE_CODE in html:
        return html
    captioned = _MARKED.sub(lambda m: f"{m['table']}\n<caption>{m['lines']}</caption>", html)
    wrapped = _TABLE.sub(lambda m: f"{CUE}{WRAP_OPEN}{m.group(0)}{WRAP_CLOSE}", captioned)
    return wrapped.replace(CHART, CUE + REACHABLE_CHART).replace(CODE, REACHABLE_CODE)
