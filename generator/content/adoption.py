"""What an adopted report's content was: a checksum of the content, and the adopted copy beside the report.

The checksum is SHA-256 over a canonical JSON form of the report model without
its adoption and corrections, and without fields left at their defaults (so a
new optional field in the format does not change the checksum of old reports,
and neither do comments, key order or quoting in the YAML file).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath

from generator.content.models import Rapport

PREFIX = "sha256:"
CHECKSUM = re.compile(r"^sha256:[0-9a-f]{64}$")
ADOPTED_NAME = re.compile(r"^(?P<year>[0-9]{4})-(?P<period>vp|t1|t2|vb)\.faststalld\.ya?ml$")
RECORD_FIELDS = {"faststalld", "rattelser"}


def checksum(report: Rapport) -> str:
    """The content's checksum, "sha256:" and 64 hex digits; the same for the same content however it is written."""
    data = report.model_dump(mode="json", exclude=RECORD_FIELDS, exclude_defaults=True)
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def is_checksum(value: str | None) -> bool:
    """True for a checksum as `checksum` writes it."""
    return value is not None and CHECKSUM.match(value) is not None


def recorded(report: Rapport) -> str | None:
    """The checksum the content must have now: the last rättelse's, or the adoption's; None if not adopted."""
    if report.faststalld is None:
        return None
    return report.rattelser[-1].kontrollsumma if report.rattelser else report.faststalld.kontrollsumma


def adopted_copy_name(report_name: str) -> str:
    """The adopted copy's file name beside a report: 2021-t1.yml -> 2021-t1.faststalld.yml."""
    stem, _, suffix = report_name.rpartition(".")
    return f"{stem}.faststalld.{suffix}"


def report_name_of(copy_name: str) -> str:
    """The report's file name for an adopted copy's: 2021-t1.faststalld.yml -> 2021-t1.yml."""
    return copy_name.replace(".faststalld.", ".", 1)


def adopted_copy_path(report_path: str) -> str:
    """The adopted copy's path for a report's path (any folder)."""
    path = PurePath(report_path)
    return str(path.with_name(adopted_copy_name(path.name)))


def adoption_line(report: Rapport) -> str:
    """ "Fastställd av nämnden 2021-05-27 § 45, dnr HÄ 2021/123" (empty when the report is not adopted)."""
    adopted = report.faststalld
    if adopted is None:
        return ""
    return f"Fastställd av nämnden {adopted.datum.isoformat()} § {adopted.paragraf}, dnr {adopted.diarienummer}"
