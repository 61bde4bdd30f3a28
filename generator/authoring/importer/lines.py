"""An export's text as numbered lines: markup of the export tool removed, wrapped lines joined into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

WRAP_WIDTH = 78  # a line at least this long was wrapped by the PDF; a shorter one ends its paragraph
_MARKUP = re.compile(r"</?b>|\*\*|^#{1,6}\s*|<(?!/?(?:i|em)>)[^<>]{1,40}>")
_ITALIC = re.compile(r"</?(?:i|em)>")
_BOLD = re.compile(r"</?b>")
_KEPT = "\x00"  # bold marks kept through the removal of the export's markup
_SENTENCE_END = re.compile(r"[.!?:;)\"”]$")


@dataclass(frozen=True)
class Line:
    """One line of the export: its 1-based number in the file and its text without layout spaces."""

    number: int
    text: str
    raw: str = ""  # the line with its layout spaces, which tell where table cells were empty
    source: str = ""  # the line as exported, markup and tabs kept: tab-separated cells, bold labels, headings


def clean(text: str) -> list[Line]:
    """Every line, stripped of export markup (<b>, **, leading #) and surrounding spaces; blank lines kept."""
    found = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = _ITALIC.sub("*", _MARKUP.sub("", _inline_bold(raw.replace("\u00a0", " ")))).strip()
        line = line.replace(_KEPT, "**")
        laid_out = _ITALIC.sub("*", _MARKUP.sub("", raw)).rstrip()
        found.append(Line(number, re.sub(r"[ \t]+", " ", line), laid_out, raw.replace("\u00a0", " ").rstrip(" ")))
    return found


def _inline_bold(raw: str) -> str:
    """Bold inside a line kept as Markdown (**ord**); a line bold from end to end is a heading, its marks go."""
    text = _BOLD.sub("**", re.sub(r"^\s*#{1,6}\s*", "", raw)).strip()
    if "**" not in text or re.fullmatch(r"\*\*[^*]*\*\*", text) or text.count("**") % 2:
        return raw
    return text.replace("**", _KEPT)


def joined(lines: list[Line]) -> list[Line]:
    """Wrapped lines joined into paragraphs (numbered by their first line); a hyphen at a break is mended."""
    paragraphs: list[Line] = []
    current: list[Line] = []
    for index, line in enumerate(lines):
        if not line.text:
            if not _goes_on(current, lines[index + 1 :]):
                _flush(paragraphs, current)
            continue
        current.append(line)
        if line.text.endswith("-") and not line.text.endswith(" -"):
            continue  # a word or compound broken at the line's end goes on on the next line
        if len(line.text) < WRAP_WIDTH and (_SENTENCE_END.search(line.text) or len(line.text) < WRAP_WIDTH * 0.7):
            _flush(paragraphs, current)
    _flush(paragraphs, current)
    return paragraphs


def _goes_on(current: list[Line], rest: list[Line]) -> bool:
    """A paragraph broken by a page break: it stops without a full stop and the next text starts in lower case."""
    if not current or _SENTENCE_END.search(current[-1].text):
        return False
    following = next((line.text for line in rest if line.text), "")
    return following[:1].islower()


def _flush(paragraphs: list[Line], current: list[Line]) -> None:
    if not current:
        return
    text = current[0].text
    for line in current[1:]:
        first = line.text.split(" ", 1)[0]
        if (
            text.endswith("-")
            and first[:1].islower()
            and first not in ("och", "eller", "samt")
            and not text.endswith(" -")
        ):
            text = text[:-1] + line.text  # a word broken over two lines
        else:
            text = f"{text} {line.text}"
    paragraphs.append(Line(current[0].number, text))
    current.clear()
