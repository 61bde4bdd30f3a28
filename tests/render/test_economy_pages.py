"""Economy pages: the units' income statements summed (tkr, whole thousands), the council's tables checked.

The district is tests/render/rollup_tree.py; every expected figure is computed there by hand.
"""

from __future__ import annotations

import pytest

from generator.render.site import Site
from tests.render.rollup_tree import write_rollup_tree
from tests.site_pages import site_of

NBSP = "\u00a0"
MINUS = "\u2212"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return site_of(write_rollup_tree(tmp_path_factory.mktemp("rollup") / "content"))


def test_economy_pages_have_stable_paths(site):
    assert sorted(p for p in site.pages if p.startswith("ekonomi/")) == [
        "ekonomi/2021/t1/index.md",
        "ekonomi/2021/vb/index.md",
        "ekonomi/index.md",
    ]
    assert (
        "- [Ekonomi VB 2021](2021/vb/index.md)\n- [Ekonomi T1 2021](2021/t1/index.md)\n"
        in site.pages["ekonomi/index.md"]
    )


def test_the_units_income_statements_are_summed(site):
    page = site.pages["ekonomi/2021/vb/index.md"]
    assert "- **Enheter med resultaträkning:** 3 av 3 enheter som har lämnat rapport\n" in page
    assert "| Tkr | Utfall | Budget | Avvikelse |" in page
    assert f"| Summa intäkter | 4{NBSP}484 | 3{NBSP}900 | 584 |" in page
    assert f"| Summa kostnader | 65{NBSP}429 | 66{NBSP}100 | 671 |" in page
    assert f"| **Summa netto** | **60{NBSP}945** | **62{NBSP}200** | **1{NBSP}255** |" in page


def test_sums_per_department_and_area_convert_mnkr_to_whole_tkr(site):
    page = site.pages["ekonomi/2021/vb/index.md"]
    assert f"| Äldreavdelningen | 2 | 3{NBSP}984 | 63{NBSP}429 | 59{NBSP}445 | 60{NBSP}500 | 1{NBSP}055 |" in page
    assert f"| Staben | 1 | 500 | 2{NBSP}000 | 1{NBSP}500 | 1{NBSP}700 | 200 |" in page  # 2.1 mnkr is 2 100 tkr
    assert f"| Administration | 1 | 500 | 2{NBSP}000 | 1{NBSP}500 | 1{NBSP}700 | 200 |" in page
    assert "Nämndens rapport för perioden har ingen driftbudget." in page


def test_a_tertial_without_statements_says_so(site):
    page = site.pages["ekonomi/2021/t1/index.md"]
    assert "- **Enheter med resultaträkning:** 0 av 3 enheter som har lämnat rapport\n" in page
    assert "Ingen enhet har lämnat någon resultaträkning för perioden." in page
    assert "Summa netto" not in page


def test_the_council_driftbudget_total_is_checked_against_its_rows(site):
    page = site.pages["ekonomi/2021/t1/index.md"]
    assert "| **Totalt** | **150,0** |" in page  # the council's own table, as written
    assert f"| Budget | 150,5 | 150,0 | {MINUS}0,5 |" in page  # 100.0 + 50.5 against the printed 150.0
    assert "| Avvikelse | 0,0 | 0,0 | 0,0 |" in page


def test_result_units_are_recomputed_with_the_rules(site):
    page = site.pages["ekonomi/2021/t1/index.md"]
    assert (
        f"| Alfa \\| \\#1 &lt;script&gt;alert(1)&lt;/script&gt; | 46{NBSP}019 | 2{NBSP}301 | {MINUS}2{NBSP}847 | "
        f"{MINUS}2{NBSP}400 | 5{NBSP}247 | ! resultatet är mer än 5 % av bruttobudgeten; "
        "! fonden är mer än 10 % av bruttobudgeten |"
    ) in page
    assert f"| **Summa** | **46{NBSP}019** | **2{NBSP}301** |" in page
    assert (
        f"*Summaraden i nämndens rapport skiljer sig: Resultatöverföring till nästa år 5{NBSP}246 "
        f"(summan av raderna 5{NBSP}247).*"
    ) in page
