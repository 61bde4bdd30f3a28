"""The rolled-up pages as a whole: one aggregate per period, links and anchors that resolve, and the built HTML
(breadcrumbs, the chart as a named image, the anchors a goal page links to)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from generator.build.site import prepare
from generator.cli import main
from generator.render.site import nav_config
from generator.rollup import aggregate as aggregate_module
from generator.rollup.aggregate import aggregate
from tests.render.rollup_tree import write_rollup_tree
from tests.render.test_pages import _broken_links
from tests.render.tree import write_tree
from tests.site_pages import site_of
from tests.test_build import _config

ROOT = Path(__file__).resolve().parents[2]


def test_each_period_is_aggregated_once(tmp_path, monkeypatch):
    calls: list[tuple[int, str]] = []

    def counted(organisation, catalogue, reports, year, period):
        calls.append((year, period))
        return aggregate(organisation, catalogue, reports, year, period)

    monkeypatch.setattr(aggregate_module, "aggregate", counted)
    site = prepare(write_tree(tmp_path / "content"), 1, io.StringIO())  # the check reads the council's aggregate too
    assert sorted(calls) == [(2021, "T1"), (2021, "VB")]
    assert [next(iter(entry)) for entry in nav_config(site.nav)][-3:] == ["Mål", "Indikatorer", "Ekonomi"]


def test_a_period_without_a_catalogue_gets_no_rolled_up_pages(tmp_path):
    root = write_rollup_tree(tmp_path / "content")
    (root / "katalog" / "2021.yml").unlink()
    site = site_of(root)
    assert [p for p in site.pages if p.startswith(("mal/", "indikatorer/", "ekonomi/"))] == [
        "mal/index.md",
        "indikatorer/index.md",
        "ekonomi/index.md",
    ]
    assert "Det finns inga indikatorer ännu." in site.pages["indikatorer/index.md"]


def test_every_link_of_the_rolled_up_district_reaches_a_page_and_anchor(tmp_path):
    site = site_of(write_rollup_tree(tmp_path / "content"))
    assert _broken_links(site) == []


def _breadcrumbs(page: str) -> list[str]:
    """The texts of the page's breadcrumbs (Material's navigation.path)."""
    path = re.search(r'<nav class="md-path".*?</nav>', page, flags=re.S)
    assert path, "the page has no breadcrumbs"
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(r'<span class="md-ellipsis">(.*?)</span>', path.group(0), flags=re.S)
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("byggt")
    write_tree(root / "content")
    code = main(
        [
            "build",
            "--content",
            str(root / "content"),
            "--site",
            str(root / "site"),
            "--config",
            str(_config(root, {})),
            "--utan-pdf",
        ]
    )
    assert code == 0
    return root / "site"


def test_a_council_goal_page_has_breadcrumbs_down_from_mal(built):
    page = (built / "mal/2021/vb/1.1/aldre-trygga/index.html").read_text(encoding="utf-8")
    assert _breadcrumbs(page) == ["Start", "Mål", "VB 2021", "1.1. Äldre har en trygg vardag"]
    assert re.search(r'<h1 id="[^"]+">Äldre är trygga \| i hemmet #1<a class="headerlink"', page)


def test_the_goal_page_links_to_an_anchor_that_exists_in_the_built_report(built):
    page = (built / "mal/2021/vb/1.1/aldre-trygga/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../../2021/vb/hemtjansten/#enhetsmal--aldre-trygga--2"' in page
    report = (built / "2021/vb/hemtjansten/index.html").read_text(encoding="utf-8")
    assert '<span id="enhetsmal--aldre-trygga--2"></span>Enhetsmål: Personalen går utbildning' in report
    assert 'href="../../../mal/2021/vb/1.1/aldre-trygga/"' in report


def test_the_chart_is_an_inline_named_image_in_the_built_page(built):
    page = (built / "indikatorer/nojdhet/index.html").read_text(encoding="utf-8")
    svg = re.search(r'<figure class="vb-diagram"[^>]*>\n<svg [^>]*role="img".*?</svg>', page, flags=re.S)
    assert svg and "<title>Diagram: Andel nöjda äldre (*) [enkät]: utfall per period</title>" in svg.group(0)
    assert "<script" not in svg.group(0)
    assert _breadcrumbs(page) == ["Start", "Indikatorer", "1.1. Äldre har en trygg vardag"]
