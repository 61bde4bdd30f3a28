"""Line charts as inline SVG, drawn at build time: readable without JavaScript and printable.

Pure: chart data in, one `<figure>` of markup out, every text escaped with
markupsafe. A chart never relies on colour alone: each series has its own
marker shape and line pattern and is named in the legend, the colours reach
3:1 against white, and the page shows the same numbers in a table. For
assistive technology the SVG is one image (role="img", a title and a label).
A hand-written chart keeps the output small and free of scripts, which the
chart libraries at hand (pygal, matplotlib) do not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from generator.render import format as fmt

WIDTH = 640
LEFT = 80  # room for the y-axis figures
RIGHT = 16
TOP = 32  # room for the measure above the plot
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = 220
BOTTOM = TOP + PLOT_HEIGHT
LEGEND_TOP = BOTTOM + 48
LEGEND_ROW = 24
FONT_SIZE = 17  # in the drawing's units: at least 12 px on a phone, where the drawing is 480 px wide (vb.css)
INTERVALS = 4
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
SAME = 1e-9  # values closer than this (relative to their size) are drawn as one value
DOT_COLOUR = "#595959"  # 7:1 against white
Marker = Literal["circle", "square", "bar"]


@dataclass(frozen=True)
class Style:
    """How a series is drawn: colour, line pattern ("" is solid) and marker shape."""

    colour: str
    dash: str
    marker: Marker


COUNCIL = Style("#1f4e99", "", "circle")  # 8:1 against white
COMBINED = Style("#a33c00", "7 4", "square")  # 6:1 against white
TARGET = Style("#333333", "2 3", "bar")


@dataclass(frozen=True)
class Series:
    """A named line: one value (or None) per label."""

    name: str
    values: tuple[float | None, ...]
    style: Style
    groups: tuple[object, ...] = ()  # when given, the line joins only neighbours of one group (a year's targets)


@dataclass(frozen=True)
class Chart:
    """A line chart over labelled points (periods), with optional unnamed dots per label (the units)."""

    title: str
    measure: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    dots: tuple[tuple[float, ...], ...] = ()
    dots_name: str = ""


@dataclass(frozen=True)
class Axis:
    """The y axis: from `low` to `high` in steps of `step`."""

    low: float
    high: float
    step: float

    @property
    def ticks(self) -> list[float]:
        """Every step from low to high, rounded to the step's decimals (whole steps as integers)."""
        places = decimals(self.step)
        count = round((self.high - self.low) / self.step)
        values = [round(self.low + k * self.step, places) for k in range(count + 1)]
        return [int(v) for v in values] if places == 0 else values


def decimals(step: float) -> int:
    """How many decimals a tick step needs (5 -> 0, 2.5 -> 1, 0.25 -> 2)."""
    places = 0
    while abs(step * 10**places - round(step * 10**places)) > 1e-9 and places < 10:
        places += 1
    return places


def nice_step(span: float) -> float:
    """The smallest step of 1, 2, 2.5 or 5 times a power of ten giving at most four intervals."""
    raw = span / INTERVALS
    magnitude = 10 ** math.floor(math.log10(raw))
    return float(next(m * magnitude for m in NICE_STEPS if m * magnitude >= raw - 1e-12))


def axis_for(values: list[float]) -> Axis:
    """An axis around the values, widened to whole steps; a single value gets room on both sides."""
    low, high = min(values), max(values)
    if high - low <= SAME * max(abs(low), abs(high), 1.0):  # equal, or apart by no more than a float's rounding
        pad = max(abs(low) * 0.1, 1.0)
        low, high = low - pad, high + pad
    step = nice_step(high - low)
    return Axis(math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step)


def x_at(index: int, count: int) -> float:
    """The x of the index:th of `count` labels, each in the middle of its own equal slot."""
    return LEFT + (index + 0.5) * PLOT_WIDTH / count


def y_at(value: float, axis: Axis) -> float:
    """The y of a value: the axis' high at the top of the plot, its low at the bottom."""
    return TOP + (axis.high - value) / (axis.high - axis.low) * PLOT_HEIGHT


def coordinate(value: float) -> str:
    """A coordinate with at most one decimal: 200.0 -> "200", 146.67 -> "146.7"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def all_values(chart: Chart) -> list[float]:
    """Every number the chart draws."""
    found = [v for s in chart.series for v in s.values if v is not None]
    return found + [v for group in chart.dots for v in group]


def line_chart(chart: Chart) -> Markup:
    """The chart as `<figure>` markup, or empty markup when there is nothing to draw."""
    values = all_values(chart)
    if not values or not chart.labels:
        return Markup("")
    axis = axis_for(values)
    legend = _legend_entries(chart)
    height = LEGEND_TOP + len(legend) * LEGEND_ROW
    parts = [
        Markup('<figure class="vb-diagram">'),
        Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            'aria-label="{label}" font-size="{size}">'
        ).format(w=WIDTH, h=height, label=f"Diagram: {chart.title}", size=FONT_SIZE),
        Markup("<title>{}</title>").format(f"Diagram: {chart.title}"),
        *_grid(axis, chart),
        *_dots(chart, axis),
        *[part for series in reversed(chart.series) for part in _series(series, axis)],  # the first on top
        *[part for row, entry in enumerate(legend) for part in _legend_row(row, *entry)],
        Markup("</svg>"),
        Markup("<figcaption>{}</figcaption>").format(chart.title),
        Markup("</figure>"),
    ]
    return Markup("\n").join(parts)


def _grid(axis: Axis, chart: Chart) -> list[Markup]:
    """Axes, dotted grid lines with the y figures, the x labels and the measure."""
    parts = [Markup('<text x="{x}" y="{y}" fill="currentColor">{m}</text>').format(x=LEFT, y=TOP - 14, m=chart.measure)]
    for tick in axis.ticks:
        y = coordinate(y_at(tick, axis))
        parts.append(
            Markup('<line x1="{l}" x2="{r}" y1="{y}" y2="{y}" stroke="#767676" stroke-dasharray="1 3"/>').format(
                l=LEFT, r=WIDTH - RIGHT, y=y
            )
        )
        parts.append(
            Markup(
                '<text x="{x}" y="{y}" text-anchor="end" dominant-baseline="middle" fill="currentColor">{t}</text>'
            ).format(x=LEFT - 8, y=y, t=fmt.number(tick))
        )
    parts.append(
        Markup('<path d="M{l} {t}V{b}H{r}" fill="none" stroke="currentColor"/>').format(
            l=LEFT, t=TOP, b=BOTTOM, r=WIDTH - RIGHT
        )
    )
    for index, label in enumerate(chart.labels):
        parts.append(
            Markup('<text x="{x}" y="{y}" text-anchor="middle" fill="currentColor">{t}</text>').format(
                x=coordinate(x_at(index, len(chart.labels))), y=BOTTOM + 22, t=label
            )
        )
    return parts


def _dots(chart: Chart, axis: Axis) -> list[Markup]:
    """The unnamed values as round dots: one path of zero-length strokes with round caps."""
    count = len(chart.labels)
    moves = "".join(
        f"M{coordinate(x_at(i, count))} {coordinate(y_at(v, axis))}h0"
        for i, group in enumerate(chart.dots)
        for v in group
    )
    if not moves:
        return []
    return [
        Markup('<path d="{d}" stroke="{c}" stroke-width="5" stroke-linecap="round" fill="none"/>').format(
            d=moves, c=DOT_COLOUR
        )
    ]


def _series(series: Series, axis: Axis) -> list[Markup]:
    """A series' line (broken where a value is missing) and a marker on every value."""
    count = len(series.values)
    points = [(x_at(i, count), y_at(v, axis)) if v is not None else None for i, v in enumerate(series.values)]
    groups = series.groups or (None,) * count
    path, pen_down = [], False
    for index, point in enumerate(points):
        if point is None:
            pen_down = False
            continue
        joined = pen_down and groups[index] == groups[index - 1]
        path.append(f"{'L' if joined else 'M'}{coordinate(point[0])} {coordinate(point[1])}")
        pen_down = True
    parts = []
    if any(p.startswith("L") for p in path):
        parts.append(
            Markup('<path d="{d}" fill="none" stroke="{c}" stroke-width="2.5"{dash}/>').format(
                d="".join(path), c=series.style.colour, dash=_dash(series.style)
            )
        )
    parts += [marker(series.style, x, y) for x, y in (p for p in points if p is not None)]
    return parts


def _dash(style: Style) -> Markup:
    return Markup(' stroke-dasharray="{}"').format(style.dash) if style.dash else Markup("")


def marker(style: Style, x: float, y: float) -> Markup:
    """A point's marker: a circle, a square or a short bar, centred on (x, y)."""
    cx, cy = coordinate(x), coordinate(y)
    if style.marker == "circle":
        return Markup('<circle cx="{x}" cy="{y}" r="5" fill="{c}"/>').format(x=cx, y=cy, c=style.colour)
    if style.marker == "square":
        return Markup('<rect x="{x}" y="{y}" width="9" height="9" fill="{c}"/>').format(
            x=coordinate(x - 4.5), y=coordinate(y - 4.5), c=style.colour
        )
    return Markup('<path d="M{x} {y}h18" stroke="{c}" stroke-width="3"/>').format(
        x=coordinate(x - 9), y=cy, c=style.colour
    )


def _legend_entries(chart: Chart) -> list[tuple[str, Style | None]]:
    entries: list[tuple[str, Style | None]] = [
        (s.name, s.style) for s in chart.series if any(v is not None for v in s.values)
    ]
    if chart.dots_name and any(chart.dots):
        entries.append((chart.dots_name, None))
    return entries


def _legend_row(row: int, name: str, style: Style | None) -> list[Markup]:
    """One legend line: a sample of the line and marker (or a dot), then the name."""
    y = LEGEND_TOP + row * LEGEND_ROW
    if style is None:
        sample = [
            Markup('<path d="M{x} {y}h0" stroke="{c}" stroke-width="5" stroke-linecap="round"/>').format(
                x=LEFT + 14, y=y, c=DOT_COLOUR
            )
        ]
    else:
        sample = [
            Markup('<path d="M{x} {y}h28" stroke="{c}" stroke-width="2.5"{dash}/>').format(
                x=LEFT, y=y, c=style.colour, dash=_dash(style)
            ),
            marker(style, LEFT + 14, y),
        ]
    label = Markup('<text x="{x}" y="{y}" dominant-baseline="middle" fill="currentColor">{t}</text>').format(
        x=LEFT + 40, y=y, t=name
    )
    return [*sample, label]
