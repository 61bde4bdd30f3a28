"""Open data: an aggregate as JSON and CSV tables with Swedish column names (UTF-8)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from generator.rollup.aggregate import Aggregate, IncomeStatementSum
from generator.rollup.economy import to_mnkr

FORMAT_VERSION = 1
# A spreadsheet reads a cell that begins with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_json(result: Aggregate) -> str:
    """The whole aggregate, with a format version so consumers can detect changes."""
    data = {"format": FORMAT_VERSION, **result.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; a carriage return in a cell is then quoted too
    writer.writerow([inert(name) for name in header])
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def inert(cell: object) -> object:
    """A cell a spreadsheet shows as written: text that could start a formula gets a leading '; numbers stay numbers."""
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def goal_table(result: Aggregate) -> str:
    """One row per nämndmål: the council's status and the units' enhetsmål per status."""
    header = ["KF-mål", "Nämndmål-id", "Nämndmål", "Nämndens status", "Helt", "Delvis", "Ej", "Ej rapporterat"]
    rows = [
        [g.nr, c.id, c.titel, c.namndens_status, c.antal.helt, c.antal.delvis, c.antal.ej, c.antal.ej_rapporterat]
        for g in result.mal
        for c in g.namndmal
    ]
    return _csv(header, rows)


def unit_goal_table(result: Aggregate) -> str:
    """One row per enhetsmål."""
    header = ["KF-mål", "Nämndmål-id", "Enhet-id", "Enhet", "Enhetsmål", "Status"]
    rows = [
        [g.nr, c.id, e.enhet, e.enhet_namn, e.titel, e.status]
        for g in result.mal
        for c in g.namndmal
        for e in c.enhetsmal
    ]
    return _csv(header, rows)


def indicator_table(result: Aggregate) -> str:
    """One row per indicator and unit, plus the rolled-up and the council's own values."""
    header = [
        "Indikator-id",
        "Indikator",
        "Mått",
        "Enhet-id",
        "Enhet",
        "Utfall",
        "Utfall män",
        "Utfall kvinnor",
        "Föregående utfall",
        "Prognos helår",
        "Årsmål",
        "Bedömning",
    ]
    rows = []
    for item in result.indikatorer:
        for value in [*item.enheter, *(v for v in (item.sammanvagt, item.namndens) if v is not None)]:
            rows.append(
                [
                    item.id,
                    item.namn,
                    item.matt,
                    value.enhet,
                    value.enhet_namn,
                    value.utfall,
                    value.utfall_man,
                    value.utfall_kvinnor,
                    value.utfall_foregaende,
                    value.prognos,
                    value.arsmal,
                    value.bedomning,
                ]
            )
    return _csv(header, rows)


def _economy_row(kind: str, group: IncomeStatementSum) -> list[object]:
    net = group.netto
    return [
        kind,
        group.grupp,
        group.namn,
        len(group.enheter),
        group.intakter.utfall,
        group.intakter.budget,
        group.kostnader.utfall,
        group.kostnader.budget,
        net.utfall,
        net.budget,
        net.avvikelse,
        to_mnkr(net.utfall),
    ]


def economy_table(result: Aggregate) -> str:
    """The units' income statements summed per avdelning, per verksamhetsområde and in total (tkr)."""
    header = [
        "Nivå",
        "Id",
        "Namn",
        "Antal enheter",
        "Intäkter utfall (tkr)",
        "Intäkter budget (tkr)",
        "Kostnader utfall (tkr)",
        "Kostnader budget (tkr)",
        "Netto utfall (tkr)",
        "Netto budget (tkr)",
        "Avvikelse (tkr)",
        "Netto utfall (mnkr)",
    ]
    economy = result.ekonomi
    rows = [_economy_row("avdelning", g) for g in economy.per_avdelning]
    rows += [_economy_row("verksamhetsområde", g) for g in economy.per_verksamhetsomrade]
    rows.append(_economy_row("totalt", economy.totalt))
    return _csv(header, rows)


def result_unit_table(result: Aggregate) -> str:
    """The resultatenheter, recomputed, with the 5 % and 10 % rules."""
    header = [
        "Enhet-id",
        "Resultatenhet",
        "Bruttobudget (tkr)",
        "5 % av bruttobudget",
        "Överföring från föregående år",
        "Årets resultat",
        "Överföring till nästa år",
        "Över 5 %",
        "Över 10 %",
    ]
    table = result.ekonomi.resultatenheter
    rows = [
        [
            r.enhet,
            r.namn,
            r.bruttobudget,
            r.fem_procent,
            r.overforing_fran_fg,
            r.resultat,
            r.overforing_till_nasta,
            "ja" if r.over_5_procent else "nej",
            "ja" if r.over_10_procent else "nej",
        ]
        for r in (table.rader if table else [])
    ]
    return _csv(header, rows)


def export_files(result: Aggregate) -> dict[str, str]:
    """File name -> text for every export file."""
    return {
        "aggregat.json": as_json(result),
        "malstatus.csv": goal_table(result),
        "enhetsmal.csv": unit_goal_table(result),
        "indikatorer.csv": indicator_table(result),
        "ekonomi.csv": economy_table(result),
        "resultatenheter.csv": result_unit_table(result),
    }
