"""SVG line charts: positions computed by hand, escaping, and series told apart without colour."""

from __future__ import annotations

import re

import pytest

from generator.render.chart import (
    COMBINED,
    COUNCIL,
    DOT_COLOUR,
    INTERVALS,
    TARGET,
    Chart,
    Series,
    axis_for,
    line_chart,
    nice_step,
)
from generator.render.html import render_page

NBSP = "\u00a0"


def _chart(
    values: tuple[float | None, ...],
    labels: tuple[str, ...] = ("T1 2021", "T2 2021", "VB 2021"),
    title: str = "Andel nöjda",
) -> str:
    return str(line_chart(Chart(title, "%", labels, (Series("Nämnden", values, COUNCIL),))))


def test_three_points_sit_where_computed_by_hand():
    # Axis 10..30 in steps of 5 (span 20 / 4 intervals). Plot: x from 80 to 624 (544 wide), y from 32 (top) to 252.
    # x of label i of 3: 80 + (i + 0.5) * 544 / 3 -> 170.7, 352, 533.3; y of v: 32 + (30 - v) / 20 * 220.
    svg = _chart((10, 20, 30))
    assert '<path d="M170.7 252L352 142L533.3 32" fill="none" stroke="#1f4e99" stroke-width="2.5"/>' in svg
    assert re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="5"', svg)[:3] == [
        ("170.7", "252"),
        ("352", "142"),
        ("533.3", "32"),
    ]
    ticks = re.findall(r'text-anchor="end" dominant-baseline="middle" fill="currentColor">([^<]+)</text>', svg)
    assert ticks == ["10", "15", "20", "25", "30"]
    assert [label for label in ("T1 2021", "T2 2021", "VB 2021") if f">{label}</text>" in svg] == [
        "T1 2021",
        "T2 2021",
        "VB 2021",
    ]


def test_tick_figures_are_swedish():
    svg = _chart((-1.5, 2.5, None))
    ticks = re.findall(r'text-anchor="end" dominant-baseline="middle" fill="currentColor">([^<]+)</text>', svg)
    assert ticks == ["\u22122", "\u22121", "0", "1", "2", "3"]  # step 1 (span 4 / 4), true minus signs
    assert _chart((1000, 3000, None)).count(f"2{NBSP}000<") == 1


def test_nice_steps_and_axes():
    assert nice_step(15) == 5  # 3.75 -> 5
    assert nice_step(10) == 2.5
    assert nice_step(100) == 25
    assert abs(nice_step(0.4) - 0.1) < 1e-12
    assert axis_for([80, 95]).ticks == [80, 85, 90, 95]
    assert axis_for([100]).ticks == [90, 95, 100, 105, 110]  # one value gets 10 % room on both sides
    assert axis_for([-3, 7]).ticks == [-5, -2.5, 0, 2.5, 5, 7.5]


def test_a_missing_value_breaks_the_line_but_keeps_the_markers():
    svg = _chart((10, None, 30))
    assert not re.search(r'<path d="M170\.7 252', svg)  # no line: the two values are not neighbours
    assert re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="5"', svg)[:2] == [("170.7", "252"), ("533.3", "32")]
    assert '<path d="M170.7 252L352 142L533.3 32"' in _chart((10, 20, 30))


def test_texts_are_escaped_and_the_image_is_named():
    svg = _chart((1, 2, 3), labels=("A & B", "<b>", 'x"y'), title='<script>alert(1)</script> & "citat"')
    assert "<script>" not in svg and "<b>" not in svg
    assert 'aria-label="Diagram: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;citat&#34;"' in svg
    assert re.search(r'<svg [^>]*role="img"[^>]*>\n<title>Diagram: &lt;script&gt;', svg)
    assert ">A &amp; B</text>" in svg and ">&lt;b&gt;</text>" in svg


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_series_differ_by_shape_and_pattern_and_contrast_with_white():
    styles = (COUNCIL, COMBINED, TARGET)
    assert len({style.marker for style in styles}) == 3
    assert len({style.dash for style in styles}) == 3
    for colour in [style.colour for style in styles] + [DOT_COLOUR]:
        assert 1.05 / (_luminance(colour) + 0.05) >= 3.0, colour  # WCAG 1.4.11: graphics 3:1


def test_the_legend_names_every_drawn_series_and_the_dots():
    chart = Chart(
        "X",
        "st",
        ("T1 2021", "VB 2021"),
        (Series("Nämnden", (1, 2), COUNCIL), Series("Sammanvägt", (None, None), COMBINED)),
        dots=((1, 3), (2,)),
        dots_name="Enheternas utfall",
    )
    svg = str(line_chart(chart))
    assert ">Nämnden</text>" in svg and ">Enheternas utfall</text>" in svg
    assert ">Sammanvägt</text>" not in svg  # nothing drawn, so not in the legend
    assert '<path d="M216 252h0M216 32h0M488 142h0"' in svg  # axis 1..3: y = 32 + (3 - v) / 2 * 220


def test_nothing_to_draw_gives_no_chart():
    assert line_chart(Chart("X", "", ("T1 2021",), (Series("Nämnden", (None,), COUNCIL),))) == ""
    assert line_chart(Chart("X", "", (), ())) == ""


def test_the_chart_passes_through_markdown_as_a_block():
    page = "Text.\n\n" + _chart((10, 20, 30)) + "\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"
    html = render_page(page).html
    assert "<figure" in html and "&lt;svg" not in html and "<p><svg" not in html
    assert '<path d="M170.7 252L352 142L533.3 32"' in html
    assert "<table>" in html


@pytest.mark.parametrize("values", [[0.0, 5e-324], [1.0, 1.0000000000000002], [1e-320, 2e-320], [0.0, 1e-9]])
def test_values_apart_by_no_more_than_rounding_get_an_axis_of_a_few_steps(values):
    """Once a math domain error ([0, 5e-324]) or an axis of 22 steps all labelled "1"."""
    axis = axis_for(values)
    assert axis.low <= min(values) and max(values) <= axis.high
    assert 2 <= len(axis.ticks) <= INTERVALS + 2  # widening to whole steps may add one
    assert len(set(axis.ticks)) == len(axis.ticks)


def test_a_series_with_groups_is_not_joined_across_groups():
    # A year's target is one value for all its periods: the 2020 and 2021 targets are not a trend.
    series = Series("Årsmål", (10, 20, 20), TARGET, groups=(2020, 2021, 2021))
    svg = line_chart(Chart("Mål", "%", ("VB 2020", "T1 2021", "VB 2021"), (series,)))
    assert '<path d="M170.7 252M352 32L533.3 32" fill="none" stroke="#333333"' in svg
    joined = line_chart(Chart("Mål", "%", ("VB 2020", "T1 2021", "VB 2021"), (Series("Årsmål", (10, 20, 20), TARGET),)))
    assert '<path d="M170.7 252L352 32L533.3 32"' in joined
