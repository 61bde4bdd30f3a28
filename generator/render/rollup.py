"""The rolled-up follow-up's pages: Mål, Indikatorer and Ekonomi, each from its period's one aggregate."""

from __future__ import annotations

from jinja2 import Environment

from generator.content.lookup import index
from generator.content.models import Katalog, Organisation
from generator.render.economy_pages import economy_nav
from generator.render.goal_pages import goals_nav
from generator.render.indicator_pages import indicators_nav
from generator.render.info import ReportInfo
from generator.render.nav import NavNode
from generator.render.overview import PeriodKey
from generator.render.rollup_context import PeriodData
from generator.rollup.aggregate import Aggregate


def period_data(
    key: PeriodKey, rolled: Aggregate, catalogue: Katalog, organisation: Organisation, infos: list[ReportInfo]
) -> PeriodData:
    """What the roll-up pages of one period read: its aggregate and where each report's page is."""
    return PeriodData(
        key,
        rolled,
        index(catalogue),
        organisation,
        {i.report.organisation: f"{i.base}/index.md" for i in infos},
        next((i for i in infos if i.is_council), None),
    )


def rollup_nav(env: Environment, periods: list[PeriodData]) -> list[NavNode]:
    """Mål, Indikatorer and Ekonomi as navigation sections, in that order."""
    return [goals_nav(env, periods), indicators_nav(env, periods), economy_nav(env, periods)]
