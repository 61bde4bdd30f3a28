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


_SMALL_WORDS = frozenset("i med och att av for pa som de dem ska ett en till om det den inom ar har kan hur dar vid fran samt sin sina sitt".split())


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
