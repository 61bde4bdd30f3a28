"""An "unseen" report of the same template, made from a source export and its hand-made file.

What changes: the unit's name and its people, many words of every text, the order of
the sentences in each paragraph, the order of the rows of each activity table, and every
outcome figure of the indicator tables (each one raised by the same step). The hand-made
file is changed the same way, so that it stays the right answer.
"""

from __future__ import annotations

import re
from typing import Any

WORDS = {  # whole words swapped in the texts (both ways round would undo itself: one way only)
    "enheten": "verksamheten",
    "Enheten": "Verksamheten",
    "medarbetare": "anställda",
    "medarbetarna": "de anställda",
    "arbetet": "uppdraget",
    "under": "genom",
    "året": "perioden",
    "pandemin": "smittspridningen",
    "handläggare": "utredare",
    "också": "dessutom",
    "stadsdelen": "området",
    "verksamheter": "enheter",
}
STEP = 3  # each outcome figure is raised by this much
_FIGURE = re.compile(r"^(?P<number>-?[0-9]+(?:,[0-9]+)?)(?P<unit>.*)$")
_OUTCOMES = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")
_TEXT_KEYS = ("analys", "forvantat_resultat", "text", "sammanfattande_analys", "ovrigt", "avvikelse")


def words(text: str) -> str:
    """The texts' word swaps."""
    return re.sub(r"\b(" + "|".join(WORDS) + r")\b", lambda match: WORDS[match.group(1)], text)


def _sentences_turned(line: str) -> str:
    parts = re.split(r"(?<=[.!?]) (?=[A-ZÅÄÖ])", line)
    return " ".join(reversed(parts)) if len(parts) > 1 else line


def _raised(cell: str) -> str:
    match = _FIGURE.match(cell.strip())
    if match is None:
        return cell
    value = float(match.group("number").replace(",", ".")) + STEP
    number = f"{value:g}".replace(".", ",")
    return f"{number}{match.group('unit')}"


def export(source: str, name: str, new_name: str) -> str:
    """The export with its names, words, sentence order, activity order and figures changed."""
    lines = source.replace(name, new_name).split("\n")
    out: list[str] = []
    outcome_columns: list[int] = []
    activities: list[str] = []
    for line in lines:
        cells = line.split("\t")
        is_activity = len(cells) > 2 and any(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", c) for c in cells)
        if activities and not is_activity:
            out += reversed(activities)
            activities = []
        if "\t" not in line and line.strip():
            outcome_columns = []  # text after the table: its rows have ended
        if cells[0].strip() == "Indikator" and len(cells) > 3:
            outcome_columns = [i for i, c in enumerate(cells) if c.startswith(("Periodens", "Utfall", "Progno"))]
            out.append(line)
        elif is_activity:
            activities.append(line)
        elif outcome_columns and len(cells) > 3 and re.search(r"20[0-9]{2}$", cells[-1].strip()):
            shift = 1 if len(cells) > max(outcome_columns) + 4 and not cells[0].strip() else 0
            out.append("\t".join(_raised(c) if i - shift in outcome_columns else c for i, c in enumerate(cells)))
        elif "\t" not in line and len(line) > 80 and not re.match(r"[#*<0-9a-zåäö]", line) and line.endswith("."):
            out.append(_sentences_turned(words(line)))
        else:
            out.append(words(line))
    out += reversed(activities)
    return "\n".join(out)


def answer(data: Any, name: str, new_name: str, key: str = "", figures: bool = True) -> Any:
    """The hand-made file changed as the export was: the right answer for the unseen report (the economy
    tables' figures stay as they were)."""
    if isinstance(data, dict):
        return {k: answer(v, name, new_name, k, figures and k != "ekonomi") for k, v in data.items()}
    if isinstance(data, list):
        return [answer(v, name, new_name, key, figures) for v in data]
    if figures and key in _OUTCOMES and isinstance(data, (int, float)) and not isinstance(data, bool):
        return data + STEP
    if isinstance(data, str) and key == "titel":
        return words(data.replace(name, new_name))
    if isinstance(data, str) and key in _TEXT_KEYS:
        return "\n\n".join(_sentences_turned(words(p.replace(name, new_name))) for p in data.split("\n\n"))
    return data
