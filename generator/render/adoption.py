"""An adopted report says so: "Fastställd av nämnden 2021-06-15 § 45, dnr 1.2-34/2021", and lists its corrections."""

from __future__ import annotations

from generator.content.models import Rapport
from generator.render import format as fmt


def adoption_line(report: Rapport) -> str:
    """The adoption as the page and the PDF show it; "" for a report the nämnd has not adopted."""
    adopted = report.faststallelse
    if adopted is None:
        return ""
    return f"Fastställd av nämnden {fmt.iso_date(adopted.datum)} § {adopted.paragraf}, dnr {adopted.diarienummer}"


def correction_lines(report: Rapport) -> list[str]:
    """Each correction made after the adoption, oldest first: "2021-07-01: what. Skäl: why"."""
    ordered = sorted(report.rattelser, key=lambda correction: correction.datum)
    return [f"{fmt.iso_date(c.datum)}: {c.vad.rstrip('.')}. Skäl: {c.varfor}" for c in ordered]
