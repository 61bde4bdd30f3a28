"""Stable ids: ASCII slugs that are safe as file names, URLs and anchors."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
ID_RE = re.compile(ID_PATTERN)

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})


def slug(text: str, words: int = 6) -> str:
    """Make an id from the first `words` words of a title, so the same title always gives the same id."""
    folded = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    parts = [p for p in re.split(r"[^a-z0-9]+", folded) if p][:words]
    return "-".join(parts)[:80].strip("-") or "x"
