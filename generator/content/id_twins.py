"""Ids a person can tell apart: the rule for near-twin ids in one catalogue.

Two ids are near-twins when
1. they are the same after a trailing number is removed from each
   (`andel-nojda` and `andel-nojda-2`, `x-2` and `x-3`): the number says nothing
   about what differs; or
2. one is the other with words added at the end and the shorter one has at least
   LONG_PREFIX_WORDS words (`forvaltningen-ska-delta-i-ett-pilotprojekt` and
   `forvaltningen-ska-delta-i-ett-pilotprojekt-kost`): a long id that another one
   continues reads as the same cut-off text. A short complete name that another
   id continues (`sjukfranvaro`, `sjukfranvaro-dag-1-14`) is told apart at a glance.
"""

from __future__ import annotations

import re

LONG_PREFIX_WORDS = 5
_NUMBER_END = re.compile(r"-[0-9]+$")


def stem(ref: str) -> str:
    """The id without a trailing number part ("-2")."""
    return _NUMBER_END.sub("", ref)


def are_twins(first: str, second: str) -> bool:
    """True when a reader cannot tell the two ids apart (see the module's rule)."""
    if first == second:
        return False
    if stem(first) == stem(second):
        return True
    shorter, longer = sorted((first, second), key=len)
    return longer.startswith(shorter + "-") and shorter.count("-") + 1 >= LONG_PREFIX_WORDS


def near_twins(refs: list[str]) -> list[tuple[int, int]]:
    """(earlier, later) positions of every near-twin pair in `refs`, in the order the later one appears."""
    found = []
    for later, ref in enumerate(refs):
        for earlier in range(later):
            if are_twins(refs[earlier], ref):
                found.append((earlier, later))
    return found


_SMALL_WORDS = frozenset(
    "i med och att av for pa som de dem ska ett en till om det den inom ar har kan hur dar vid fran samt sin sina sitt".split()
)


def suggest(name: str, other: str) -> str:
    """An id for `name` that says what tells it from `other`: its first words and the words where they differ."""
    from generator.ids import slug

    words, others = _words(name), _words(other)
    same = 0
    while same < min(len(words), len(others)) and words[same] == others[same]:
        same += 1
    head = [w for w in words[:same] if w not in _SMALL_WORDS][:2]
    tail = [w for w in words[same:] if w not in _SMALL_WORDS][:3]
    return "-".join(head + tail) or slug(name)


def _words(text: str) -> list[str]:
    from generator.ids import slug

    return [part for word in text.split() for part in slug(word, 1).split("-") if part != "x"]


_ORDINALS = ("andra", "tredje", "fjarde", "femte", "sjatte", "sjunde", "attonde", "nionde", "tionde")
MAX_LENGTH = 74


def readable_id(text: str, used: set[str], words: int = 6) -> str:
    """A new id from `text` that no id in `used` is a near-twin of: the text's first words, more of them, or its
    first and last words, until it differs. Two equal texts get an ordinal in front ("andra-…"); the id is added
    to `used`."""
    parts = _words(text) or ["x"]
    candidates = [
        "-".join(parts[:count])[:MAX_LENGTH].strip("-") for count in range(min(words, len(parts)), len(parts) + 1)
    ]
    base = candidates[0]
    significant = [word for word in parts if word not in _SMALL_WORDS] or parts
    candidates += [
        "-".join(significant[:2] + significant[-count:])[:MAX_LENGTH].strip("-")
        for count in range(1, min(4, len(significant) - 2) + 1)
    ]  # its first words and its last ones
    candidates += [f"{ordinal}-{base}"[:MAX_LENGTH].strip("-") for ordinal in _ORDINALS]
    for candidate in candidates:
        if candidate not in used and not any(are_twins(candidate, other) for other in used):
            used.add(candidate)
            return candidate
    number = len(used)
    while f"{number}-{base}" in used:
        number += 1
    used.add(f"{number}-{base}")
    return f"{number}-{base}"
