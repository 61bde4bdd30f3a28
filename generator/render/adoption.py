"""What a report's page (and its PDF) says about its adoption: the decision, the corrections, the adopted version.

`adoption_notice` is the one place that turns a report's `faststalld` and
`rattelser` into display-ready text; the site's pages render it with
templates/adoption.md.j2, and a printed document can read its fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from generator.content.adoption import adoption_line, is_checksum
from generator.content.models import Rapport
from generator.render import format as fmt
from generator.render.context import Link

ADOPTED_FOLDER = "faststalld"  # the adopted version's folder under the report's: …/2021/vb/<enhet>/faststalld/
ADOPTED_TITLE = "Fastställd version"


@dataclass(frozen=True)
class CorrectionLine:
    """One rättelse as shown: its date, what was corrected and why."""

    date: str
    what: str
    why: str


@dataclass
class AdoptionNotice:
    """ "Fastställd av nämnden 2022-02-17 § 12, dnr HÄ 2022/45", the corrections since, and the other version's link.

    On the adopted version's own page (`adopted_version`) it says so, shows the checksum and links to the current
    version; on the report's page it links to the adopted version.
    """

    TEMPLATE: ClassVar[str] = "adoption.md.j2"
    line: str
    checksum: str
    corrections: list[CorrectionLine] = field(default_factory=list)
    link: Link | None = None
    adopted_version: bool = False


def adoption_notice(report: Rapport, adopted_version: bool = False) -> AdoptionNotice | None:
    """The adoption notice of a report, or None when it is not adopted.

    Links are relative to a page in the report's folder (index.md, utskrift.md) or, for the adopted version,
    to its own page in the folder `faststalld/`.
    """
    adopted = report.faststalld
    if adopted is None:
        return None
    corrections = [
        CorrectionLine(fmt.iso_date(c.datum), _one_line(c.vad), _one_line(c.varfor)) for c in report.rattelser
    ]
    checksum = adopted.kontrollsumma if is_checksum(adopted.kontrollsumma) else ""
    if adopted_version:
        link = Link("Den gällande versionen, med rättelser efter fastställandet", "../index.md")
        return AdoptionNotice(adoption_line(report), checksum or "", [], link, True)
    link = Link("Den fastställda versionen", f"{ADOPTED_FOLDER}/index.md")
    return AdoptionNotice(adoption_line(report), checksum or "", corrections, link)


def _one_line(text: str) -> str:
    """A rättelse's text as one line (it stands in a list item)."""
    return " ".join(text.split())
