"""Numbers written in prose, checked against the data ("tio resultatenheter" beside a table of 13).

Pure: a text and the counts it may speak of in, the claims that disagree out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
}
_NUMBER = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_STATUS_AFTER = re.compile(r"\s*(kommer att |bedöms |bedöms att )?(uppfyll|uppnå)", re.I)


@dataclass(frozen=True)
class Claim:
    """A number in the text that disagrees with the data."""

    text: str
    written: str
    counted: str
    what: str


def number(word: str) -> int:
    """'tio' -> 10, '16' -> 16."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _scoped(clause: str, scopes: dict[str, int], default: int) -> int:
    """The count for the area a clause names (e.g. "förskoleverksamheten"), else the default."""
    lowered = clause.lower()
    for stem, count in scopes.items():
        if re.search(r"\b" + re.escape(stem), lowered):
            return count
    return default


def check_counts(text: str, noun: str, total: int, scopes: dict[str, int] | None = None) -> list[Claim]:
    """Every '<number> <noun>' whose number differs from the data's count for its clause."""
    found = []
    pattern = re.compile(_NUMBER + r"\s+" + re.escape(noun) + r"\b", re.I)
    for sentence in _SENTENCE.findall(text or ""):
        for match in pattern.finditer(sentence):
            if _STATUS_AFTER.match(sentence[match.end() :]):
                continue  # "fem nämndmål kommer att uppfyllas helt" is a status claim, checked separately
            clause = re.split(r"[,;:]", sentence[: match.start()])[-1]
            counted = _scoped(clause, scopes or {}, total)
            written = number(match.group(1))
            if written != counted:
                found.append(Claim(sentence.strip(), str(written), str(counted), noun))
    return found


def check_status_split(text: str, noun: str, full: int, partly: int) -> list[Claim]:
    """'<n> <noun> kommer att uppfyllas helt och <m> delvis' against the statuses."""
    found = []
    pattern = re.compile(
        _NUMBER + r"\s+" + re.escape(noun) + r"[^.]*?uppfyllas helt(?:\s+och\s+" + _NUMBER + r"\s+delvis)?", re.I
    )
    for sentence in _SENTENCE.findall(text or ""):
        for match in pattern.finditer(sentence):
            written_full = number(match.group(1))
            written_partly = number(match.group(2)) if match.group(2) else 0
            if (written_full, written_partly) != (full, partly):
                found.append(
                    Claim(
                        sentence.strip(),
                        f"{written_full} helt och {written_partly} delvis",
                        f"{full} helt och {partly} delvis",
                        noun,
                    )
                )
    return found
