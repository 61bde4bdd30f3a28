"""Indicator pages: values over periods and units, the chart's points computed by hand, the same numbers as tables.

The district is tests/render/rollup_tree.py; every expected figure is computed there by hand.
"""

from __future__ import annotations

import re

import pytest

from generator.render.html import render_page
from generator.render.indicator_pages import combined_row_name, rounded
from generator.render.site import Site, nav_config
from generator.rollup.aggregate import IndicatorRollup, IndicatorValue
from tests.render.rollup_tree import write_rollup_tree
from tests.site_pages import site_of

NBSP = "\u00a0"
PAGE = "indikatorer/nojd/index.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return site_of(write_rollup_tree(tmp_path_factory.mktemp("rollup") / "content"))


def test_indicator_pages_have_stable_paths_from_ids(site):
    assert sorted(p for p in site.pages if p.startswith("indikatorer/")) == [
        "indikatorer/1.1/index.md",
        "indikatorer/besok/index.md",
        "indikatorer/index.md",
        "indikatorer/nojd/index.md",
    ]
    indicators = next(entry for entry in nav_config(site.nav) if "Indikatorer" in entry)["Indikatorer"]
    assert indicators == [
        "indikatorer/index.md",
        {
            "1.1. Äldre har en trygg vardag": [
                "indikatorer/1.1/index.md",
                {"Andel nöjda": "indikatorer/nojd/index.md"},
                {"Antal besök": "indikatorer/besok/index.md"},
            ]
        },
    ]


def test_the_period_table_holds_the_charts_numbers(site):
    page = site.pages[PAGE]
    assert "| Period | Nämnden | Sammanvägt för enheterna | Årsmål |" in page
    assert f"| T1 2021 | 88{NBSP}% | 87,5{NBSP}% | 90{NBSP}% |" in page  # (80 * 1 + 90 * 3) / 4
    assert f"| VB 2021 |  | 90,0{NBSP}% | 90{NBSP}% |" in page  # (85 + 95) / 2, a mean keeps one decimal


def test_the_chart_places_the_values_as_computed_by_hand(site):
    # Values 80 … 95: axis 80..95 in steps of 5. Two labels: x = 80 + 136 = 216 and 80 + 408 = 488.
    # y = 32 + (95 - v) / 15 * 220: 87.5 -> 142, 90 -> 105.3, 88 -> 134.7, 80 -> 252, 85 -> 178.7, 95 -> 32.
    page = site.pages[PAGE]
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert '<path d="M216 142L488 105.3" fill="none" stroke="#a33c00"' in svg  # combined, dashed
    assert '<circle cx="216" cy="134.7" r="5" fill="#1f4e99"/>' in svg  # the council, T1 only
    assert '<path d="M216 252h0M216 105.3h0M488 178.7h0M488 32h0"' in svg  # the units
    assert '<path d="M216 105.3L488 105.3" fill="none" stroke="#333333"' in svg  # the target
    assert 'role="img" aria-label="Diagram: Andel nöjda: utfall per period"' in svg


def test_every_units_outcome_per_period_with_the_tertials_forecast(site):
    page = site.pages[PAGE]
    assert "| Enhet | T1 2021 | VB 2021 |" in page
    assert f"| Alfa \\| \\#1 &lt;script&gt;alert(1)&lt;/script&gt; | 80{NBSP}% | 85{NBSP}% |" in page
    assert f"| Beta | 90{NBSP}% (prognos helår 92{NBSP}%) | 95{NBSP}% |" in page
    html = render_page(page).html
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert [row.count("<td") + row.count('scope="row"') for row in rows if "Alfa" in row] == [3]


def test_the_indicator_links_to_its_goal_and_the_goal_pages_link_back(site):
    assert (
        "- **Hör till:** [1\\.1. Äldre har en trygg vardag](../../mal/2021/vb/1.1/index.md) (VB 2021)"
        in site.pages[PAGE]
    )
    assert "[Antal besök](../besok/index.md)" in site.pages["indikatorer/1.1/index.md"]
    assert "- **Sammanvägning för enheterna:** Summan av enheternas värden" in site.pages["indikatorer/besok/index.md"]


def test_computed_figures_keep_the_decimals_of_their_inputs():
    assert rounded(82.59048608226007, [82.5, 83], mean=True) == 82.6
    assert rounded(90, [85, 95], mean=True) == 90.0  # a mean shows one decimal
    assert rounded(0.30000000000000004, [0.1, 0.2], mean=False) == 0.3
    assert rounded(2784, [1200, 1500, 84], mean=False) == 2784 and isinstance(rounded(2784.0, [1200], False), int)
    assert rounded(None, [], mean=True) is None


def _rollup(*outcomes: float | None) -> IndicatorRollup:
    units = [IndicatorValue(enhet=f"e{n}", enhet_namn=f"E{n}", utfall=value) for n, value in enumerate(outcomes)]
    return IndicatorRollup(
        id="x",
        namn="X",
        matt="st",
        riktning="högre",
        aggregering="summa",
        arsmal=None,
        kf_arsmal=None,
        placering=[],
        enheter=units,
        sammanvagt=IndicatorValue(enhet="", enhet_namn="", utfall=sum(v or 0 for v in outcomes)),
        namndens=None,
    )


def test_a_combined_value_from_one_unit_says_so_and_one_from_two_does_not():
    assert combined_row_name(_rollup(5, None)) == "Sammanvägt för enheterna (bara en enhet har rapporterat)"
    assert combined_row_name(_rollup(5, 7)) == "Sammanvägt för enheterna"
