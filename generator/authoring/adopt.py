"""Record an adoption or a rättelse in a report's YAML text, keeping everything else as written.

Pure text in, text out: the block is added at the end of the file (or at the
end of an existing `rattelser` list), so comments, order and quoting of the
rest stay untouched. The command reads the result back before writing it.
"""

from __future__ import annotations

import re
from datetime import date

from generator.authoring.yamlwrite import dump

_TOP_KEY = re.compile(r"^rattelser:[ \t]*(?P<rest>.*?)[ \t]*$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)- ")
ADOPTION_COMMENT = "# Fastställd av nämnden. Ändringar efter fastställandet antecknas med vb rattelse."


def adoption_block(day: date, paragraph: int | str, registration: str, checksum: str) -> str:
    """The `faststalld:` block as YAML text, with a comment that says how the report may change now."""
    data = {
        "faststalld": {"datum": day, "paragraf": paragraph, "diarienummer": registration, "kontrollsumma": checksum}
    }
    return f"{ADOPTION_COMMENT}\n{dump(data)}"


def correction_item(day: date, what: str, why: str, checksum: str) -> str:
    """One rättelse as a YAML list item ("- datum: …"), not indented."""
    return dump([{"datum": day, "vad": what, "varfor": why, "kontrollsumma": checksum}])


def with_adoption(text: str, block: str) -> str:
    """The report's text with the adoption block added at its end."""
    return _ended(text) + "\n" + block


def with_correction(text: str, item: str) -> str | None:
    """The report's text with one more rättelse; None when the `rattelser` list is written in a way not handled."""
    lines = text.splitlines(keepends=True)
    start = next((n for n, line in enumerate(lines) if _TOP_KEY.match(line.rstrip("\r\n"))), None)
    if start is None:
        return _ended(text) + "rattelser:\n" + item  # a list not indented under its key, as the editor writes it
    rest = _TOP_KEY.match(lines[start].rstrip("\r\n"))["rest"]  # type: ignore[index]
    if rest not in ("", "[]") and not rest.startswith("#"):
        return None
    end = _list_end(lines, start)
    indent = next((m["indent"] for line in lines[start + 1 : end] if (m := _ITEM.match(line))), "")
    head = lines[:start] + (["rattelser:\n"] if rest == "[]" else [lines[start]]) + lines[start + 1 : end]
    tail = lines[end:]
    return _ended("".join(head)) + _indent(item, indent) + "".join(tail)


def _list_end(lines: list[str], start: int) -> int:
    """The line after the last line of the list under the key at `start` (blank lines and comments below it excluded)."""
    end = start + 1
    last = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line[0].isspace() and not line.startswith(("-", "#")):
            break
        end += 1
        if line.strip() and not line.startswith("#"):
            last = end
    return last


def _indent(block: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in block.splitlines(keepends=True))


def _ended(text: str) -> str:
    """The text ending with exactly one line break (or empty)."""
    return text.rstrip("\r\n") + "\n" if text.strip() else ""
