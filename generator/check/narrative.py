"""Checks on the Markdown that units write: no HTML, safe links, headings inside their section.

Pure functions: text in, findings out. Lines are relative to the text; the
caller turns them into file lines. A text is read with the site's own parser
(`generator.content.markdown_parser`, the one the pages are rendered with), in
both forms the site shows texts in: as a block, and squeezed into a table cell.
Link reference definitions count too, used or not: a page shows several texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.content.text import MAYBE_UNDERLINE, MIN_HEADING_LEVEL, shows_nothing, todo_lines
from generator.problems import odd_characters

SAFE_SCHEMES = ("http", "https", "mailto")
WEB_SCHEMES = ("http", "https")  # only with "//" and a host after the colon
_TWO_SLASHES = re.compile(r"[/\\]{2}")  # a browser reads a backslash as "/": the start of another host
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_BROWSER_DROPS = {ord("\t"): None, ord("\n"): None, ord("\r"): None}  # the URL standard removes these anywhere
_LEADING_CONTROLS = "".join(map(chr, range(0x21)))  # ... and C0 controls and spaces in front
UNSAFE_CODES = ("VB601", "VB602", "VB603", "VB605")
_SCRIPTY = re.compile(r"<\s*/?\s*script|\bon[a-z]+\s*=|javascript:|<\s*iframe|<\s*object|<\s*embed", re.I)
# What any HTML, link, image or heading above MIN_HEADING_LEVEL in CommonMark needs: "<", "[", a run of one or
# two "#", or a possible setext underline.
_MAY_HAVE_FINDINGS = re.compile(rf"[<\[]|(?<!#)#{{1,2}}(?!#)|{MAYBE_UNDERLINE.pattern}", re.MULTILINE)
_INVISIBLE_CHARACTERS = "\u00ad\u200b-\u200d\u2060\ufeff"  # soft hyphen, zero-width characters, BOM
# A line that ends in "#" and blanks: perhaps a heading with nothing to show (a separate pattern: it starts at a
# "#", where the one above would be tried at every line's start, a fifth slower over all texts).
_MAY_BE_EMPTY_HEADING = re.compile(rf"#(?:[^\S\n]|[{_INVISIBLE_CHARACTERS}])*$", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    """A problem in a Markdown text: code, 0-based line within the text, and message arguments."""

    code: str
    line: int
    args: dict[str, Any]


def check_markdown(text: str) -> list[Finding]:
    """Every HTML, unsafe link, climbing heading and TODO marker in `text`, as the site's parser reads it."""
    if not text:
        return []
    found: list[Finding] = []
    if needs_parse(text):
        from generator.content.markdown_parser import cell_table, parse  # loaded only for texts that need it

        tokens, env = parse(text)
        for token in tokens:
            found.extend(_check_token(token, 0))
        found.extend(_empty_headings(tokens))
        found.extend(_definitions(text, env))
        unsafe = any(f.code in UNSAFE_CODES for f in found)
        if not unsafe and ("<" in text or "[" in text):  # the text squeezed into a table cell, as some pages show it
            cell_tokens, cell_env = parse(cell_table(text))
            in_cell = [f for token in cell_tokens for f in _check_token(token, 0)] + _definitions(text, cell_env)
            found.extend(_located(text, in_cell))
    found = _unique(found)
    found.extend(todo_markers(text))
    found.extend(invisible_characters(text))
    return found


_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")


def invisible_characters(text: str) -> Iterator[Finding]:
    """Characters that do not show (from Word or a web page) in a text, one finding per line: the site's search
    does not find a word that has one (VB607)."""
    if _INVISIBLE.search(text) is None:
        return
    for number, line in enumerate(text.split("\n")):
        hit = _INVISIBLE.search(line)
        if hit is None:
            continue
        start = line.rfind(" ", 0, hit.start()) + 1
        end = line.find(" ", hit.end())
        word = _INVISIBLE.sub("", line[start : len(line) if end == -1 else end])[:40]
        odd = odd_characters("".join(dict.fromkeys(_INVISIBLE.findall(line))))
        yield Finding("VB607", number, {"odd": odd, "word": word})


def needs_parse(text: str) -> bool:
    """Whether the parser could find HTML, a link or a too high heading in `text` (plain prose needs no parser)."""
    return _MAY_HAVE_FINDINGS.search(text) is not None or _MAY_BE_EMPTY_HEADING.search(text) is not None


def _definitions(text: str, env: dict[str, Any]) -> list[Finding]:
    """Unsafe addresses in link reference definitions, used or not (another text on the page may use them)."""
    found = []
    for definition in env.get("references", {}).values():
        url = str(definition.get("href", ""))
        if not safe_url(url):
            found.append(Finding("VB603", _line_of(text, url), {"url": url[:80]}))
    return found


def _located(text: str, found: list[Finding]) -> list[Finding]:
    """Findings of the one-line cell form, placed on the line of the text where they occur."""
    placed = []
    for item in found:
        needle = str(item.args.get("snippet") or item.args.get("url") or "")
        placed.append(Finding(item.code, _line_of(text, needle), item.args))
    return placed


def _unique(found: list[Finding]) -> list[Finding]:
    """One finding per kind and line: the block and the cell often show the same HTML."""
    unique: dict[tuple[str, int], Finding] = {}
    for item in found:
        unique.setdefault((item.code, item.line), item)
    return list(unique.values())


def _line_of(text: str, needle: str) -> int:
    """The 0-based line of `text` where `needle` (its first line, at most 30 characters) first occurs, else 0."""
    probe = needle.strip().split("\n")[0][:30]
    return next((number for number, line in enumerate(text.split("\n")) if probe and probe in line), 0)


def _empty_headings(tokens: list[Any]) -> Iterator[Finding]:
    """Headings that show nothing: a reader of a screen reader hears an empty heading, and its id is a number."""
    for token, inline in zip(tokens, tokens[1:]):
        if token.type == "heading_open" and inline.type == "inline" and shows_nothing(inline.content):
            yield Finding("VB606", token.map[0] if token.map else 0, {})


def _check_token(token: Any, line: int) -> Iterator[Finding]:
    line = token.map[0] if token.map else line
    yield from _check_one(token, line)
    offset = 0
    for child in token.children or []:  # inline tokens: count line breaks to find the line
        yield from _check_one(child, line + offset)
        offset += child.type in ("softbreak", "hardbreak")


def _check_one(token: Any, line: int) -> Iterator[Finding]:
    if token.type in ("html_block", "html_inline"):
        snippet = token.content.strip().split("\n")[0][:60]
        yield Finding("VB602" if _SCRIPTY.search(token.content) else "VB601", line, {"snippet": snippet})
    elif token.type == "image":  # the site fetches nothing from elsewhere, and content/ holds no picture
        alt = "".join(child.content for child in token.children or [])
        yield Finding("VB605", line, {"alt": alt[:60], "url": str(token.attrGet("src") or "")[:80]})
    elif token.type == "link_open":
        url = token.attrGet("href")
        if url is not None and not safe_url(str(url)):
            yield Finding("VB603", line, {"url": str(url)[:80]})
    elif token.type == "heading_open":
        level = int(token.tag[1])
        if level < MIN_HEADING_LEVEL:
            yield Finding(
                "VB604", line, {"level": level, "min_level": MIN_HEADING_LEVEL, "hashes": "#" * MIN_HEADING_LEVEL}
            )


def safe_url(url: str) -> bool:
    """https://, http://, mailto: or a page of the site, as the README says; anything else is refused.

    Read as a browser reads it: tabs and line breaks anywhere and control characters in front are dropped,
    and a backslash counts as "/". So "//host" and "/\\host" (another site, no scheme), "http:host" (another site
    when the page is served over https), javascript:, data: and file: are all refused.
    """
    cleaned = url.translate(_BROWSER_DROPS).lstrip(_LEADING_CONTROLS)
    match = _SCHEME.match(cleaned)
    if match is None:
        return _TWO_SLASHES.match(cleaned) is None
    scheme = match.group(1).lower()
    if scheme in WEB_SCHEMES:
        return _TWO_SLASHES.match(cleaned, match.end()) is not None
    return scheme in SAFE_SCHEMES


def todo_markers(text: str) -> Iterator[Finding]:
    """TODO markers left in a text (VB503); a line scan, no Markdown parse needed."""
    for number, marker in todo_lines(text):
        yield Finding("VB503", number, {"marker": marker})
