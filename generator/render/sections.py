"""A long page's content in blocks, one per heading, so that a phone lays out only the part of the page it shows.

A goal or report page is tens of thousands of pixels tall on a phone, mostly
tables and analyses; laid out at once it is one long task before the reader can
scroll. `sectioned` puts a long page's top-level content in blocks (`<div
class="vb-avsnitt">`), each from a heading to the next one (a heading right after
another stays with it), and the site's stylesheet (vb.css) lets the browser skip
the layout and painting of every block but the first until it comes near the
screen (`content-visibility: auto`). The first block holds at least the page's
first LEAD characters, more than any screen shows at once, so that nothing on the
first screen waits for its block and nothing there moves when a block below is
laid out. The text stays in the page: search, find in the page, links to
headings and printing see all of it. A short page, and one whose markup cannot be
read safely (an unclosed element), is left as it is.
"""

from __future__ import annotations

import re

SECTION = "vb-avsnitt"
OPEN = f'<div class="{SECTION}">'
CLOSE = "</div>"
LEAD = 16_000  # characters of HTML in the first block, laid out at once
LEAST = 48_000  # characters of HTML a page needs to come in blocks: a shorter one is laid out quickly anyway
_HEADING = {"h2", "h3", "h4", "h5", "h6"}  # a block starts at one of these; an h1 is the page's title, first
_HEADINGS = _HEADING | {"h1"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_RAW_TEXT = {"script", "style", "textarea", "title"}
# A tag's attributes: runs of plain characters between quoted values (unrolled: the regex engine loops less).
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>", re.S)


def _starts(html: str) -> list[int] | None:
    """Where each block starts: at a top-level heading that does not follow another heading; None when the
    markup's elements do not close as they open at the top level."""
    starts: list[int] = []
    depth = 0
    previous = ""  # the name of the last top-level element
    position: int | None = 0
    lowered = ""  # the page in lower case, made when a raw-text element is first met
    while position is not None:
        resume = None
        for match in _TAG.finditer(html, position):
            closing, name, rest = match.group(1, 2, 3)
            if name is None:  # a comment
                continue
            if closing:
                depth -= 1
                if depth < 0:
                    return None
                continue
            name = name.lower()
            if depth == 0:
                if name in _HEADING and previous not in _HEADINGS:
                    starts.append(match.start())
                previous = name
            if name in _RAW_TEXT:
                lowered = lowered or html.lower()
                resume = lowered.find(f"</{name}", match.end())
                if resume == -1:
                    return None
                depth += 1
                break
            if name not in _VOID and not rest.rstrip().endswith("/"):
                depth += 1
        position = resume
    return starts if depth == 0 else None


def sectioned(html: str, lead: int = LEAD, least: int = LEAST) -> str:
    """A long page's HTML in blocks: the first from the start to the first heading past `lead` characters, then
    one per heading; a page shorter than `least` characters, or with one block, is left as it is."""
    if len(html) < least or OPEN in html:
        return html
    starts = [at for at in _starts(html) or [] if at >= lead]
    if not starts:
        return html
    cuts = sorted({0, *starts})
    blocks = [html[a:b] for a, b in zip(cuts, [*cuts[1:], len(html)])]
    return "".join(f"{OPEN}{block}{CLOSE}\n" for block in blocks)
