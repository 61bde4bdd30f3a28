"""The page builder of the rolled-up follow-up: Mål, Indikatorer and Ekonomi, from one aggregate per period.

Each (year, period) with a goal catalogue is aggregated once here; the goal,
indicator and economy pages all read that one result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.rollup.aggregate import aggregate
from generator.content.lookup import index
from generator.render.economy_pages import economy_nav
from generator.render.goal_pages import goals_nav
from generator.render.indicator_pages import indicators_nav
from generator.render.nav import NavNode
from generator.render.rollup_context import PeriodData

if TYPE_CHECKING:  # build.py imports this module
    from generator.build.pages import SiteData


def period_data(site: SiteData) -> list[PeriodData]:
    """Every period with reports and a catalogue, newest first, each aggregated once."""
    found = []
    for key in site.periods:
        catalogue = site.content.catalogue(key.year)
        if catalogue is None:
            continue
        infos = site.reports_in(key)
        rolled = aggregate(site.organisation, catalogue, [i.report for i in infos], key.year, key.period)
        found.append(PeriodData(key, rolled, index(catalogue), site.organisation,
                                {i.report.organisation: f"{i.base}/index.md" for i in infos},
                                next((i for i in infos if i.is_council), None)))
    return found


def rollup_pages(site: SiteData) -> list[NavNode]:
    """Mål, Indikatorer and Ekonomi as navigation sections, in that order."""
    periods = period_data(site)
    return [goals_nav(site.env, periods), indicators_nav(site.env, periods), economy_nav(site.env, periods)]
