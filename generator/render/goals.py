"""Goal follow-up to contexts: KF mål, nämndmål, enhetsmål, indicator and activity tables.

Names, units, targets and dates come from the year's catalogue; outcomes,
statuses and analyses from the report. A unit's analysis of an activity is
shown under the unit's name, so a rolled-up report can list several units'
analyses under one activity (`ReportInfo.extra_analyses`).
"""

from __future__ import annotations

from generator.content.models import (
    TERTIALS,
    AktivitetUppfoljning,
    IndikatorUtfall,
    MalUppfoljning,
    NamndmalUppfoljning,
)
from generator.render import format as fmt
from generator.render import paths
from generator.render.context import (
    ActivityAnalyses,
    ActivityRow,
    ActivityTable,
    Analysis,
    CouncilGoal,
    IndicatorRow,
    IndicatorTable,
    KfGoal,
    Link,
    UnitGoal,
)
from generator.render.info import ReportInfo
from generator.render.nav import relative
from generator.render.text import cell, narrative

SUMMARY_TITLE = "Nämndmålet för alla enheter: status, enhetsmål och indikatorer"


def kf_goal(goal: MalUppfoljning, title: str, level: int, info: ReportInfo, page: str) -> KfGoal:
    """A KF mål with its status, analysis, tables and nämndmål, shown on the page at `page`."""
    return KfGoal(
        level=level,
        title=title,
        status=fmt.status(goal.status),
        analysis=narrative(goal.analys, level + 1),
        indicators=indicator_table(goal.indikatorer, level + 1, info),
        activities=activity_table(goal.aktiviteter, level + 1, info),
        council_goals=[council_goal(item, goal.nr, level + 1, info, page) for item in goal.namndmal],
    )


def council_goal(goal: NamndmalUppfoljning, goal_nr: str, level: int, info: ReportInfo, page: str) -> CouncilGoal:
    """A nämndmål: the catalogue's texts, the report's status and analysis, its tables and enhetsmål.

    Its heading and each enhetsmål carry fixed anchors, and a nämndmål of the catalogue links to its page
    for all units (relative to `page`, the page it is shown on).
    """
    found = info.found
    written = found.council_goals.get((goal_nr, goal.id)) if found else None
    target = paths.council_goal_path(info.report.ar, info.report.period, goal_nr, goal.id)
    return CouncilGoal(
        level=level,
        title=written.titel if written else goal.id,
        status=fmt.status(goal.status),
        description=narrative(written.beskrivning if written else "", level + 1),
        expected=narrative(written.forvantat_resultat if written else "", level + 1),
        analysis=narrative(goal.analys, level + 1),
        indicators=indicator_table(goal.indikatorer, level + 1, info),
        activities=activity_table(goal.aktiviteter, level + 1, info),
        unit_goals=[
            UnitGoal(
                level + 1,
                item.titel,
                fmt.status(item.status),
                narrative(item.forvantat_resultat, level + 2),
                narrative(item.analys, level + 2),
                anchor=paths.unit_goal_anchor(goal.id, number),
            )
            for number, item in enumerate(goal.enhetsmal, start=1)
        ],
        anchor=paths.council_goal_anchor(goal.id),
        summary=Link(SUMMARY_TITLE, relative(page, target)) if written else None,
    )


def indicator_table(items: list[IndikatorUtfall], level: int, info: ReportInfo) -> IndicatorTable | None:
    """The indicator table of a goal, or None when the report follows no indicator there."""
    if not items:
        return None
    report = info.report
    analyses = [Analysis(_indicator_name(item, info), narrative(item.analys, level)) for item in items if item.analys]
    return IndicatorTable(
        level=level,
        previous_label=f"Periodens utfall VB {report.ar - 1}",
        show_forecast=report.period in TERTIALS,
        rows=[indicator_row(item, info) for item in items],
        analyses=analyses,
    )


def _indicator_name(item: IndikatorUtfall, info: ReportInfo) -> str:
    found = info.found
    return found.indicators[item.id][1].namn if found and item.id in found.indicators else item.id


def indicator_row(item: IndikatorUtfall, info: ReportInfo) -> IndicatorRow:
    """One row: every value with the indicator's unit; the report's own targets before the catalogue's."""
    found = info.found
    written = found.indicators[item.id][1] if found and item.id in found.indicators else None
    unit = written.enhet if written else None
    target = item.arsmal if item.arsmal is not None else (written.arsmal if written else None)
    kf_target = item.kf_arsmal if item.kf_arsmal is not None else (written.kf_arsmal if written else None)
    values = (item.utfall, item.utfall_man, item.utfall_kvinnor, item.utfall_foregaende, item.prognos)
    yearly = bool(written and written.frekvens == "år")
    period = item.period or fmt.indicator_period(info.report.period, info.report.ar, yearly)
    return IndicatorRow(
        name=written.namn if written else item.id,
        gender_equality=bool(written and written.jamstalldhet),
        outcome=not_measured(item, info.report.ar) or fmt.with_unit(item.utfall, unit),
        men=fmt.with_unit(item.utfall_man, unit),
        women=fmt.with_unit(item.utfall_kvinnor, unit),
        previous=fmt.with_unit(item.utfall_foregaende, unit),
        forecast=fmt.with_unit(item.prognos, unit),
        target=fmt.target(target, unit),
        kf_target=fmt.target(kf_target, unit),
        period=period if any(v is not None for v in values) else "",
    )


def not_measured(item: IndikatorUtfall, year: int) -> str:
    """'Mäts inte 2021: <reason>' for an indicator without outcome whose report says why; else ''."""
    reason = (item.ej_matt or "").strip()
    return f"Mäts inte {year}: {reason}" if reason and item.utfall is None else ""


def activity_table(items: list[AktivitetUppfoljning], level: int, info: ReportInfo) -> ActivityTable | None:
    """The activity table of a goal, each analysis under the name of the unit that wrote it."""
    if not items:
        return None
    found = info.found
    rows, analyses = [], []
    for item in items:
        written = found.activities[item.id][1] if found and item.id in found.activities else None
        text = written.text if written else item.id
        rows.append(
            ActivityRow(
                text,
                fmt.iso_date(written.start if written else None),
                fmt.iso_date(written.slut if written else None),
                fmt.activity_state(item.status),
                cell(item.avvikelse),
            )
        )
        written_analyses = ([(info.name, item.analys)] if item.analys else []) + info.extra_analyses.get(item.id, [])
        if written_analyses:
            analyses.append(
                ActivityAnalyses(text, [Analysis(name, narrative(body, level + 1)) for name, body in written_analyses])
            )
    return ActivityTable(level=level, rows=rows, analyses=analyses)
