"""How wide text is set in the PDF's typeface (Liberation Sans), read from the font files fontconfig finds.

Tables are sized from these widths before the engine lays out a page (see
`generator.pdf.tables`), so the engine need not measure every cell's text
itself. When the typeface is not installed, `advances` is None and the
engine sizes the tables as it would any other.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

FAMILY = "Liberation Sans"  # the first family of templates/pdf/report.css
UNKNOWN_EM = 1.0  # a character the font lacks is set in a fallback font: take it as wide as a wide letter


class Advances:
    """The advance width of each character in em, regular and bold."""

    def __init__(self, regular: dict[int, float], bold: dict[int, float]) -> None:
        self.regular = regular
        self.bold = bold

    def width(self, text: str, bold: bool) -> float:
        """The width of `text` in em (kerning ignored: it only ever narrows Liberation Sans' figures and words)."""
        table = self.bold if bold else self.regular
        return sum(table.get(ord(char), UNKNOWN_EM) for char in text)


@lru_cache(maxsize=1)
def advances() -> Advances | None:
    """The typeface's widths, read once per process; None when fontconfig does not have the family."""
    regular, bold = _font_file(FAMILY), _font_file(f"{FAMILY}:bold")
    if regular is None or bold is None:
        return None
    try:
        return Advances(_read(regular), _read(bold))
    except Exception:  # noqa: BLE001 (a font file fontTools cannot read: the engine sizes the tables instead)
        return None


def _font_file(pattern: str) -> Path | None:
    """The file fontconfig gives for a pattern, when it is of the family asked for (not a substitute)."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    found = subprocess.run(
        [program, "--format", "%{family}\n%{file}", pattern], capture_output=True, text=True, check=False
    ).stdout.split("\n")
    if len(found) != 2 or FAMILY not in found[0].split(","):
        return None
    return Path(found[1])


def _read(path: Path) -> dict[int, float]:
    """Each character's advance width in em, from a TrueType file."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {code: metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
