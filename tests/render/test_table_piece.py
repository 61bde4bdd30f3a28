"""A table alone between blank lines is read from its cells, and its HTML is what the parser makes of its Markdown.

The page renderer writes such a table's HTML from the cells (generator.render.table_piece) instead of running the
block parser over it: the page must come out exactly as the same page parsed and rendered whole, with the
glossary marks, row headers and link addresses the page renderer adds, for any table and any text around it.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it.rules_block.table import escapedSplit
from markupsafe import Markup

from generator.render import fragments
from generator.render.context import Table, TableRow
from generator.render.environment import environment, render_context
from generator.render.html import render_page
from generator.render.table_piece import read_table, split_cells

CELL_TEXT = st.lists(
    st.sampled_from(
        list("ab |\\*_`<>&#-:")
        + ["\\|", "VB", " KF ", "T1", "[x](../a/index.md#b)", "[y](https://a.se)", "`c|d`", "**f**", "\u2003", "  "]
    ),
    max_size=6,
).map("".join)
DELIMITERS = st.sampled_from(["---", "---:", ":---", ":---:", " --- ", "-", "", "- -", "--|"])
AROUND = st.sampled_from(["", "Text VB om KF", "## Rubrik", "- punkt", "> citat", "    kod", "<div>", "| a |", "1. x"])
SEPARATORS = st.sampled_from(["\n\n", "\n", "\n \n", "\n\t\n"])


def whole(page: str, path: str) -> object:
    """The page parsed and rendered whole, as the shared parser reads it."""
    with mock.patch("generator.render.html.page_pieces", return_value=None):
        return render_page(page, path)


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A table's lines: a header, a delimiter row (sometimes not a valid one) and rows of any width."""
    width = draw(st.integers(1, 4))
    header = [draw(CELL_TEXT) for _ in range(width)]
    delimiters = [draw(DELIMITERS) for _ in range(width)]
    rows = [[draw(CELL_TEXT) for _ in range(draw(st.integers(0, width + 1)))] for _ in range(draw(st.integers(0, 3)))]
    ends = draw(st.sampled_from([("| ", " |"), ("|", "|"), ("| ", ""), ("|", " \\|"), ("| ", " | ")]))

    def line(cells: list[str]) -> str:
        return ends[0] + " | ".join(cells) + ends[1]

    return "\n".join([line(header), line(delimiters), *(line(row) for row in rows)])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab|\\ ", max_size=20))
def test_cells_split_as_the_table_rule_splits_them(line):
    assert split_cells(line) == escapedSplit(line)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(AROUND, SEPARATORS, tables(), SEPARATORS, AROUND, st.sampled_from(["", "2021/vb/x/index.md", "2021/vb/x/a.md"]))
@example("Text", "\n\n", "| a | b |\n| --- | ---: |\n| VB | [x](../a/index.md) |", "\n\n", "KF", "2021/vb/x/a.md")
@example("", "\n\n", "| a |\n| --- |\n|", "\n", "## KF", "")
def test_a_table_read_from_its_cells_is_the_table_the_parser_reads(before, first, table, second, after, path):
    page = f"# Sida\n\n{before}{first}{table}{second}{after}\n\n{table}\n"
    assert render_page(page, path) == whole(page, path)


def test_a_table_of_the_generator_is_read_from_its_cells():
    """The generator's tables take the quick way (the property above would hold if none did)."""
    table = Table(
        caption=["Tabell: utfall", "kr"],
        header=["Mått", "Utfall"],
        right_aligned=[False, True],
        rows=[TableRow([Markup("VB-andel"), Markup("12,5")]), TableRow([Markup("Övrigt \\| annat"), Markup("")])],
    )
    page = f"# Sida\n\n{render_context(environment(), table)}"
    pieces = fragments.page_pieces(page)
    assert pieces is not None
    assert [token.type for piece in pieces for token in piece.tokens].count("vb_table") == 1
    assert render_page(page, "2021/vb/x/index.md") == whole(page, "2021/vb/x/index.md")


def test_lines_the_table_rule_would_not_read_as_one_table_are_left_to_the_parser():
    assert read_table(["| a |"]) is None  # no delimiter row
    assert read_table(["| a | b |", "| --- |"]) is None  # the delimiter row is narrower than the header
    assert read_table(["| a |", "| -- - |"]) is None
    assert read_table(["| a |", "|\t--- |"]) is None  # a tab moves the columns
    assert read_table(["| a |", "| --- |", "b"]) is None  # a line without a pipe first
    assert read_table(["| a |", "| --- |", "| b | c |"]) is not None
