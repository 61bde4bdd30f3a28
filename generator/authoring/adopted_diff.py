"""`vb diff` for adopted reports: an adoption, a rättelse, or a change that no rättelse records, said first and loud.

Pure: the two versions of one report (and of its adopted copy) in, `Change`s
out. The renderers put these under the heading "Ändring i fastställd rapport".
"""

from __future__ import annotations

from collections.abc import Collection

from generator.authoring.diff import Change, Kind
from generator.content.adoption import adoption_line, checksum
from generator.content.models import Rapport

ALERT_TITLE = "Ändring i fastställd rapport"
ALERTS = frozenset({Kind.CORRECTED, Kind.UNRECORDED, Kind.ADOPTION_CHANGED, Kind.COPY_CHANGED})

Copy = tuple[str, Rapport]  # the adopted copy's file and model


def adoption_changes(
    group: str,
    file: str,
    old: Rapport | None,
    new: Rapport | None,
    old_copy: Copy | None,
    new_copy: Copy | None,
    unreadable: Collection[str] = (),
) -> list[Change]:
    """What happened to a report's adoption between two versions, before its other changes.

    `unreadable` names the files of the new version that could not be read (a copy there was changed, not removed).
    """
    changes: list[Change] = []
    was = old.faststalld if old else None
    now = new.faststalld if new else None
    if was is None:
        if now is not None and new is not None:
            changes.append(
                Change(group, file, Kind.ADOPTED, "Rapporten", after=adoption_line(new).removeprefix("Fastställd "))
            )
        return changes + _copy_changes(group, file, old_copy, new_copy, unreadable)
    assert old is not None
    if new is None:
        if file in unreadable:  # said already: the file cannot be read
            return changes + _copy_changes(group, file, old_copy, new_copy, unreadable)
        changes.append(
            Change(
                group,
                file,
                Kind.ADOPTION_CHANGED,
                "Den fastställda rapporten",
                adoption_line(old),
                "rapporten är borttagen",
            )
        )
        return changes + _copy_changes(group, file, old_copy, new_copy, unreadable)
    if now != was:
        changes.append(
            Change(
                group,
                file,
                Kind.ADOPTION_CHANGED,
                "Fastställandet",
                adoption_line(old),
                adoption_line(new) or "borttaget",
            )
        )
    changes += _corrections(group, file, old, new)
    return changes + _copy_changes(group, file, old_copy, new_copy, unreadable)


def _corrections(group: str, file: str, old: Rapport, new: Rapport) -> list[Change]:
    """The rättelser added, or a warning when the content changed without one."""
    changes = []
    kept = new.rattelser[: len(old.rattelser)]
    if kept != old.rattelser:
        changes.append(
            Change(
                group,
                file,
                Kind.ADOPTION_CHANGED,
                "Tidigare rättelser",
                f"{len(old.rattelser)} antecknade",
                "ändrade eller borttagna",
            )
        )
    for correction in new.rattelser[len(old.rattelser) :]:
        changes.append(
            Change(
                group,
                file,
                Kind.CORRECTED,
                correction.datum.isoformat(),
                adoption_line(old),
                f"{correction.vad.strip()} Varför: {correction.varfor.strip()}",
            )
        )
    if checksum(old) != checksum(new) and len(new.rattelser) <= len(old.rattelser):
        changes.append(Change(group, file, Kind.UNRECORDED, file, adoption_line(old)))
    return changes


def _copy_changes(
    group: str, file: str, old_copy: Copy | None, new_copy: Copy | None, unreadable: Collection[str]
) -> list[Change]:
    """The adopted copy never changes: a change to it or its removal is an alert."""
    if old_copy is None:
        return []
    if new_copy is None:
        gone = "ändrats" if old_copy[0] in unreadable else "tagits bort"
        return [Change(group, file, Kind.COPY_CHANGED, old_copy[0], after=gone)]
    same = checksum(old_copy[1]) == checksum(new_copy[1]) and old_copy[1].faststalld == new_copy[1].faststalld
    return [] if same else [Change(group, file, Kind.COPY_CHANGED, new_copy[0], after="ändrats")]


def split_alerts(items: list[Change]) -> tuple[list[Change], list[Change]]:
    """A report's changes as (alerts about its adoption, the rest), each in their order."""
    return [c for c in items if c.kind in ALERTS], [c for c in items if c.kind not in ALERTS]


def alert_heading(alerts: list[Change]) -> str:
    """ "Ändring i fastställd rapport (fastställd av nämnden 2022-02-17 § 12, dnr HÄ 2022/45)"."""
    decision = next((c.before for c in alerts if c.kind in (Kind.CORRECTED, Kind.UNRECORDED) and c.before), "")
    return f"{ALERT_TITLE} ({decision[:1].lower()}{decision[1:]})" if decision else ALERT_TITLE
