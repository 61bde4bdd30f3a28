"""An export's text as numbered lines: markup of the export tool removed, wrapped lines joined into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

WRAP_WIDTH = 78  # a line at least this long was wrapped by the PDF; a shorter one ends its paragraph
_MARKUP = re.compile(r"</?b>|\*\*|^#{1,6}\s*|<(?!/?(?:i|em)>)[^<>]{1,40}>")
_ITALIC = re.compile(r"</?(?:i|em)>")
_SENTENCE_END = re.compile(r"[.!?:;)\"”]$")


@dataclass(frozen=True)
class Line:
    """One line of the export: its 1-based number in the file and its text without layout spaces."""

    number: int
    text: str
    raw: str = ""  # the line with its layout spaces, which tell where table cells were empty


def clean(text: str) -> list[Line]:
    """Every line, stripped of export markup (<b>, **, leading #) and surrounding spaces; blank lines kept."""
    found = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = _ITALIC.sub("*", _MARKUP.sub("", raw.replace("\u00a0", " "))).strip()
        found.append(Line(number, re.sub(r"[ \t]+", " ", line), _ITALIC.sub("*", _MARKUP.sub("", raw)).rstrip()))
    return found


def joined(lines: list[Line]) -> list[Line]:
    """Wrapped lines joined into paragraphs (numbered by their first line); a hyphen at a break is mended."""
    paragraphs: list[Line] = []
    current: list[Line] = []
    for line in lines:
        if not line.text:
            _flush(paragraphs, current)
            continue
        current.append(line)
        if line.text.endswith("-") and not line.text.endswith(" -"):
            continue  # a word or compound broken at the line's end goes on on the next line
        if len(line.text) < WRAP_WIDTH and (_SENTENCE_END.search(line.text) or len(line.text) < WRAP_WIDTH * 0.7):
            _flush(paragraphs, current)
    _flush(paragraphs, current)
    return paragraphs


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
