"""Checks on the Markdown that units write: no HTML, safe links, headings inside their section.

Pure functions: text in, findings out. Lines are relative to the text; the
caller turns them into file lines. A text is read with CommonMark (markdown-it)
and, where that finds no HTML or unsafe link, also the way the site's renderer
reads it (generator.engine.site_markdown), since the two do not always agree.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, get_args, get_origin

from pydantic import BaseModel

from generator.content.models import Narrative

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MIN_HEADING_LEVEL = 3  # h1 is the report, h2 its top sections
SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_BROWSER_DROPS = {ord("\t"): None, ord("\n"): None, ord("\r"): None}  # the URL standard removes these anywhere
_LEADING_CONTROLS = "".join(map(chr, range(0x21)))  # ... and C0 controls and spaces in front
UNSAFE_CODES = ("VB601", "VB602", "VB603")
_SCRIPTY = re.compile(r"<\s*/?\s*script|\bon[a-z]+\s*=|javascript:|<\s*iframe|<\s*object|<\s*embed", re.I)
_TODO = re.compile(r"\b(TODO|ATT GÖRA|FYLL I)\b")
# What a line starts with inside block quotes and list items: indentation, ">" and list markers.
CONTAINER_PREFIX = r"(?:[ \t>]|[-*+][ \t]|[0-9]{1,9}[.)][ \t])*"
# A line that may underline a setext heading: only "=" or only "-", behind a container prefix.
MAYBE_UNDERLINE = re.compile(rf"^{CONTAINER_PREFIX}(?:=+|-+)[ \t]*$", re.MULTILINE)
# What any HTML, link, image or heading above MIN_HEADING_LEVEL in CommonMark needs: "<", "[", a run of one or
# two "#", or a possible setext underline.
_MAY_HAVE_FINDINGS = re.compile(rf"[<\[]|(?<!#)#{{1,2}}(?!#)|{MAYBE_UNDERLINE.pattern}", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    """A problem in a Markdown text: code, 0-based line within the text, and message arguments."""

    code: str
    line: int
    args: dict[str, Any]


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The parser, imported on first use: a file without Markdown text is checked without it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # see every link so unsafe ones are reported, not silently dropped
    return md


def check_markdown(text: str) -> list[Finding]:
    """Every HTML, unsafe link, climbing heading and TODO marker in `text`."""
    if not text:
        return []
    found: list[Finding] = []
    if needs_parse(text):
        for token in _parser().parse(text):
            found.extend(_check_token(token, 0))
    if not any(f.code in UNSAFE_CODES for f in found):  # the site's renderer may still find what CommonMark did not
        found.extend(site_findings(text))
    found.extend(todo_markers(text))
    return found


def needs_parse(text: str) -> bool:
    """Whether CommonMark could find HTML, a link or a too high heading in `text` (plain prose needs no parser)."""
    return _MAY_HAVE_FINDINGS.search(text) is not None


def site_findings(text: str) -> list[Finding]:
    """Raw HTML and unsafe links in `text` as the site's Markdown renderer reads it (see generator.engine.site_markdown)."""
    if "<" not in text and "[" not in text:  # spares loading the renderer: nothing to find
        return []
    from generator.engine.site_markdown import published

    raw, urls = published(text)
    found = [Finding("VB602" if _SCRIPTY.search(item) else "VB601", _line_of(text, item),
                     {"snippet": item.strip().split("\n")[0][:60]}) for item in raw]
    found += [Finding("VB603", _line_of(text, url), {"url": url[:80]}) for url in urls if not safe_url(url)]
    unique: dict[tuple[str, int], Finding] = {}
    for item in found:  # one per kind and line: the block and the cell often show the same HTML
        unique.setdefault((item.code, item.line), item)
    return list(unique.values())


def _line_of(text: str, needle: str) -> int:
    """The 0-based line of `text` where `needle` (its first line, at most 30 characters) first occurs, else 0."""
    probe = needle.strip().split("\n")[0][:30]
    return next((number for number, line in enumerate(text.split("\n")) if probe and probe in line), 0)


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
    elif token.type in ("link_open", "image"):
        url = token.attrGet("href") if token.type == "link_open" else token.attrGet("src")
        if url is not None and not safe_url(str(url)):
            yield Finding("VB603", line, {"url": str(url)[:80]})
    elif token.type == "heading_open":
        level = int(token.tag[1])
        if level < MIN_HEADING_LEVEL:
            yield Finding("VB604", line, {"level": level, "min_level": MIN_HEADING_LEVEL,
                                          "hashes": "#" * MIN_HEADING_LEVEL})


def safe_url(url: str) -> bool:
    """http(s), mailto or a relative link; anything else (javascript:, data:, file:) is refused.

    Read as a browser reads it: tabs and line breaks anywhere and control characters in front are dropped.
    """
    match = _SCHEME.match(url.translate(_BROWSER_DROPS).lstrip(_LEADING_CONTROLS))
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def todo_markers(text: str) -> Iterator[Finding]:
    """TODO markers left in a text (VB503); a line scan, no Markdown parse needed."""
    for number, line in enumerate(text.split("\n")):
        match = _TODO.search(line)
        if match:
            yield Finding("VB503", number, {"marker": match.group(1)})


def heading_titles(text: str) -> list[tuple[int, str]]:
    """(level, title) of every heading in a Markdown text, in order."""
    tokens = _parser().parse(text or "")
    return [(int(tok.tag[1]), tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


# --- finding the narrative fields of a model --------------------------------


def _is_narrative(annotation: Any) -> bool:
    if get_origin(annotation) is typing.Annotated:
        return any(isinstance(meta, Narrative) for meta in get_args(annotation)[1:])
    return any(_is_narrative(arg) for arg in get_args(annotation))


@functools.lru_cache(maxsize=None)
def _narrative_fields(model_cls: type[BaseModel]) -> frozenset[str]:
    return frozenset(
        name for name, info in model_cls.model_fields.items()
        if any(isinstance(m, Narrative) for m in info.metadata) or _is_narrative(info.annotation)
    )


def narratives(model: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, text) of every non-empty Markdown field in a model tree."""
    fields = _narrative_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in fields and isinstance(value, str) and value:
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from narratives(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from narratives(item, (*path, name, index))
