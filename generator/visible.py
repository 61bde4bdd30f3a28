"""Text from outside vb shown on one line: control, format and line-separator characters as escapes.

A file name or a value may hold a newline, a terminal escape or a right-to-left override; shown as
it is, it could split a message in two or make it read as something else.
"""

from __future__ import annotations

import unicodedata

# Characters never shown as they are: controls, format characters (e.g. bidirectional overrides), separators.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def has_hidden(text: str) -> bool:
    """True when `text` holds a character that `visible` would escape."""
    return any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in text)


def visible(text: str) -> str:
    """`text` with every hidden character written as an escape (\\n, \\x1b, \\u202e)."""
    return "".join(_escaped(c) if unicodedata.category(c) in HIDDEN_CATEGORIES else c for c in text)


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
