"""The report's cover, from the lines before its first section: handläggare, recipient, date and appendices.

The cover stands before the table of contents as short labelled lines ("Handläggare" and a
name, "Telefon: …", "Till" and a recipient, "Bilagor" and a list). What is read here leaves
the list of unplaced lines; the rest of the cover (the report's title, the council's address)
stays on it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from generator.authoring.importer.lines import Line

_DATE = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})$")
_APPENDIX = re.compile(r"^[-*•\s]*(?P<text>Bilaga\b.*?)\**$")


def cover(unplaced: list[Line]) -> tuple[dict[str, Any], list[Line]]:
    """The cover's fields, and the lines left over."""
    found: dict[str, Any] = {}
    left: list[Line] = []
    rest = [line for line in unplaced if line.text]
    index = 0
    while index < len(rest):
        text = rest[index].text
        following = rest[index + 1].text if index + 1 < len(rest) else ""
        if text == "Handläggare" and following and "handlaggare" not in found:
            found["handlaggare"] = {"namn": following}
            index += 2
            phone = rest[index].text if index < len(rest) else ""
            if phone.startswith("Telefon:"):
                found["handlaggare"]["telefon"] = phone.split(":", 1)[1].strip()
                index += 1
            continue
        if text.startswith("Telefon:") and "handlaggare" in found and "telefon" not in found["handlaggare"]:
            found["handlaggare"]["telefon"] = text.split(":", 1)[1].strip()
            index += 1
            continue
        if text == "Till" and following and "till" not in found:
            index = _recipient(rest, index + 1, found)
            continue
        if text == "Bilagor":
            items = []
            index += 1
            while index < len(rest) and _APPENDIX.match(rest[index].text):
                items.append(_APPENDIX.match(rest[index].text).group("text").strip())  # type: ignore[union-attr]
                index += 1
            if items:
                found["bilagor"] = items
                continue
            left.append(rest[index - 1])
            continue
        left.append(rest[index])
        index += 1
    return found, left


def _recipient(rest: list[Line], index: int, found: dict[str, Any]) -> int:
    """ "Till" and the recipient on one or two lines; a date at its end is the report's date."""
    parts = [rest[index].text]
    if index + 1 < len(rest) and rest[index + 1].text[:1].islower():
        parts.append(rest[index + 1].text)  # "Hägersten-Älvsjö" / "stadsdelsnämnd 2021-05-27"
    recipient = " ".join(parts)
    written = _DATE.search(recipient)
    if written:
        try:
            found["datum"] = date.fromisoformat(written.group(1))
            recipient = recipient[: written.start()].strip()
        except ValueError:
            pass  # not a date after all: it stays in the recipient's text

    found["till"] = recipient
    return index + len(parts)


def appendix_list(lines: list[Line]) -> tuple[list[str], list[Line]]:
    """The appendices listed under "Bilagor", and the lines that are none."""
    found, others = [], []
    for line in lines:
        match = _APPENDIX.match(line.text)
        if match:
            found.append(match.group("text").strip())
        elif line.text:
            others.append(line)
    return found, others
