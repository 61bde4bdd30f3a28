"""Economy pages built from the aggregate: one page per period with the units' income statements summed.

The units' resultaträkningar are added up line by line (in tkr, whole
thousands), in total, per avdelning and per verksamhetsområde. The council's
driftbudget is shown with its total recomputed from the rows, and the
resultatenheter with each transfer recomputed and the 5 % and 10 % rules
applied. Avvikelse is favourable-positive throughout.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from generator.content.models import TERTIALS, Driftbudget
from generator.render import format as fmt
from generator.render import paths
from generator.render.context import LinkList, Part, Section, Table, TableRow, TocEntry
from generator.render.economy import (
    DRIFT_DEFAULT,
    FAVOURABLE_POSITIVE,
    SURPLUS_NEGATIVE,
    SURPLUS_POSITIVE,
    amounts_in,
    operating_budget,
)
from generator.render.environment import render_context
from generator.render.nav import NavNode, Page, relative
from generator.render.rollup_context import PeriodData, RollupPage
from generator.render.text import md_escape, tidy
from generator.rollup.aggregate import BUDGET_COLUMNS, RESULT_COLUMNS, IncomeStatementSum, ResultUnits
from generator.rollup.economy import half_up

RESULT_NAMES = [
    "Resultatenhet",
    "Bruttobudget",
    "5 % av bruttobudgeten",
    "Resultatöverföring från föregående år",
    "Resultat",
    "Resultatöverföring till nästa år",
    "Regler",
]
RESULT_SIGNS = ["", "", "", SURPLUS_NEGATIVE, SURPLUS_NEGATIVE, SURPLUS_POSITIVE, ""]
RESULT_HEADER = [f"{name} {sign}".strip() for name, sign in zip(RESULT_NAMES, RESULT_SIGNS)]
WITHIN_RULES = "✓ inom gränserna"
OVER_5 = "! resultatet är mer än 5 % av bruttobudgeten"
OVER_10 = "! fonden är mer än 10 % av bruttobudgeten"
INTRO = (
    "Enheternas resultaträkningar är summerade rad för rad, i tkr. Nämndens tabeller är i mnkr, utom "
    "resultatenheterna som är i tkr: varje tabell anger sin enhet och vad tecknen betyder."
)


def tkr(value: float) -> Markup:
    """A sum in whole tkr, the Swedish way."""
    return md_escape(fmt.number(half_up(value)))


def bold(value: Markup) -> Markup:
    """**value**, leaving empty cells empty."""
    return Markup(f"**{value}**") if value else value


def outcome_label(period: str) -> str:
    """Units report a full-year forecast in tertial reports and the outcome in a VB."""
    return "Prognos helår" if period in TERTIALS else "Utfall"


def total_table(total: IncomeStatementSum, period: str) -> Table:
    """Summa intäkter, Summa kostnader and Summa netto of every unit together, with avvikelse."""
    income, cost, net = total.intakter, total.kostnader, total.netto
    rows = [
        TableRow(
            [md_escape("Summa intäkter"), tkr(income.utfall), tkr(income.budget), tkr(income.utfall - income.budget)]
        ),
        TableRow([md_escape("Summa kostnader"), tkr(cost.utfall), tkr(cost.budget), tkr(cost.avvikelse)]),
        TableRow(
            [bold(md_escape("Summa netto")), bold(tkr(net.utfall)), bold(tkr(net.budget)), bold(tkr(net.avvikelse))]
        ),
    ]
    return Table(
        amounts_in("tkr", FAVOURABLE_POSITIVE),
        ["Tkr", outcome_label(period), "Budget", "Avvikelse"],
        [False, True, True, True],
        rows,
    )


def group_table(groups: list[IncomeStatementSum], title: str, period: str) -> Table:
    """One row per group of units: how many units, income, cost, net against budget."""
    label = outcome_label(period).lower()
    rows = [
        TableRow(
            [
                md_escape(g.namn),
                md_escape(len(g.enheter)),
                tkr(g.intakter.utfall),
                tkr(g.kostnader.utfall),
                tkr(g.netto.utfall),
                tkr(g.netto.budget),
                tkr(g.netto.avvikelse),
            ]
        )
        for g in groups
    ]
    header = [
        title,
        "Enheter",
        f"Intäkter, {label}",
        f"Kostnader, {label}",
        f"Netto, {label}",
        "Netto, budget",
        "Avvikelse",
    ]
    return Table(amounts_in("tkr", FAVOURABLE_POSITIVE), header, [False] + [True] * 6, rows)


def budget_check(computed: dict[str, float | None], stated: dict[str, float | None]) -> Table:
    """The driftbudget's total row against the sum of its rows (varav rows are not added again)."""
    rows = [
        TableRow(
            [
                md_escape(name),
                md_escape(fmt.number(computed[key])),
                md_escape(fmt.number(stated[key])),
                md_escape(fmt.number(_difference(stated[key], computed[key]))),
            ]
        )
        for key, name in zip(BUDGET_COLUMNS, DRIFT_DEFAULT[1:])
    ]
    return Table(
        amounts_in("mnkr"),
        ["Mnkr", "Summan av raderna", "Totalraden i rapporten", "Skillnad"],
        [False, True, True, True],
        rows,
    )


def _difference(stated: float | None, computed: float | None) -> float | None:
    """Stated minus computed, or None (an empty cell) when either is not given."""
    return None if stated is None or computed is None else round(stated - computed, 1)


def _rules(over_5: bool, over_10: bool) -> str:
    found = [text for flag, text in ((over_5, OVER_5), (over_10, OVER_10)) if flag]
    return "; ".join(found) if found else WITHIN_RULES


def result_units_table(units: ResultUnits) -> Table:
    """Resultatenheter with next year's transfer recomputed, the rules checked and a computed sum row."""
    rows = [
        TableRow(
            [
                md_escape(r.namn),
                *[md_escape(fmt.number(getattr(r, c))) for c in RESULT_COLUMNS],
                md_escape(_rules(r.over_5_procent, r.over_10_procent)),
            ]
        )
        for r in units.rader
    ]
    rows.append(
        TableRow(
            [
                bold(md_escape("Summa")),
                *[bold(md_escape(fmt.number(units.summa[c]))) for c in RESULT_COLUMNS],
                Markup(""),
            ]
        )
    )
    return Table(
        amounts_in("tkr"), RESULT_HEADER, [False, True, True, True, True, True, False], rows, _printed_sum_note(units)
    )


def _printed_sum_note(units: ResultUnits) -> str:
    """Where the report's own sum row differs from the sum of its rows."""
    if not units.angiven_summa:
        return ""
    names = dict(zip(RESULT_COLUMNS, RESULT_NAMES[1:]))
    differing = [
        f"{names[c]} {fmt.number(units.angiven_summa[c])} (summan av raderna {fmt.number(units.summa[c])})"
        for c in RESULT_COLUMNS
        if units.angiven_summa[c] != units.summa[c]
    ]
    return f"Summaraden i nämndens rapport skiljer sig: {'; '.join(differing)}." if differing else ""


def council_parts(period: PeriodData) -> list[Part]:
    """The council's driftbudget and resultatenheter, or a sentence saying they are missing."""
    economy = period.aggregate.ekonomi
    table: Driftbudget | None = period.council.report.ekonomi.first("driftbudget") if period.council else None
    budget: list[Part] = [md_escape("Nämndens rapport för perioden har ingen driftbudget.")]
    if table is not None and economy.driftbudget is not None:
        budget = [
            operating_budget(table),
            md_escape("Totalraden jämförd med summan av raderna:"),
            budget_check(economy.driftbudget.beraknat, economy.driftbudget.angivet),
        ]
    units: list[Part] = [md_escape("Nämndens rapport för perioden har ingen tabell över resultatenheter.")]
    if economy.resultatenheter is not None:
        units = [result_units_table(economy.resultatenheter)]
    return [Section(2, "Nämndens driftbudget", budget), Section(2, "Resultatenheter", units)]


def economy_page(env: Environment, period: PeriodData) -> str:
    """ekonomi/<år>/<period>/: the units' income statements summed, then the council's tables."""
    key, economy = period.key, period.aggregate.ekonomi
    page = paths.economy_path(key.year, key.period)
    reporting = [unit for unit in period.reports if unit in period.unit_order()]
    counted = (
        f"{len(economy.totalt.enheter)} av {len(reporting)} enheter som har lämnat rapport"
        if reporting
        else "Inga enheter har lämnat rapport för perioden"
    )
    facts = [("Period", md_escape(key.label)), ("Enheter med resultaträkning", md_escape(counted))]
    if period.council:
        council = period.council
        facts.append(
            (
                "Nämndens rapport",
                Markup(
                    f"[{md_escape(fmt.report_name(key.period, key.year))}]"
                    f"({relative(page, f'{council.base}/index.md')})"
                ),
            )
        )
    summed: Part = (
        total_table(economy.totalt, key.period)
        if economy.totalt.enheter
        else md_escape("Ingen enhet har lämnat någon resultaträkning för perioden.")
    )
    parts: list[Part] = [Section(2, "Enheternas resultaträkningar sammanlagda", [summed])]
    if economy.per_avdelning:
        parts.append(Section(2, "Per avdelning", [group_table(economy.per_avdelning, "Avdelning", key.period)]))
    if economy.per_verksamhetsomrade:
        parts.append(
            Section(
                2,
                "Per verksamhetsområde",
                [group_table(economy.per_verksamhetsomrade, "Verksamhetsområde", key.period)],
            )
        )
    parts += council_parts(period)
    return tidy(str(render_context(env, RollupPage(f"Ekonomi {key.label}", facts, [INTRO], parts))))


def economy_nav(env: Environment, periods: list[PeriodData]) -> NavNode:
    """Ekonomi: an index of the periods, then one page per period."""
    entries = [
        TocEntry(1, f"Ekonomi {p.key.label}", relative(paths.ECONOMY, paths.economy_path(p.key.year, p.key.period)))
        for p in periods
    ]
    sentences = (
        ["Enheternas resultaträkningar summerade och nämndens ekonomitabeller, per period."]
        if periods
        else ["Det finns inga rapporter ännu."]
    )
    index = tidy(str(render_context(env, RollupPage("Ekonomi", [], sentences, [LinkList(2, "", entries)]))))
    children = [
        NavNode(p.key.label, Page(paths.economy_path(p.key.year, p.key.period), economy_page(env, p))) for p in periods
    ]
    return NavNode("Ekonomi", Page(paths.ECONOMY, index), children)
