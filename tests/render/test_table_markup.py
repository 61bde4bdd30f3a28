"""A table's title, unit and sign convention become its <caption>; tables come wrapped for sideways scrolling."""

from __future__ import annotations

from markupsafe import Markup

from generator.render.context import Table, TableRow
from generator.render.environment import environment, render_context
from generator.render.html import render_page
from generator.render.table_markup import CUE, WRAP_OPEN, caption_block, finish_tables


def _page(table: Table) -> str:
    """The table as the site makes it: its Markdown, then the page the core renders from it."""
    return render_page(render_context(environment(), table)).html


def _table(caption: list[str]) -> Table:
    return Table(caption, ["Mnkr", "Budget"], [False, True], [TableRow([Markup("Avskrivningar"), Markup("1,2")])])


def test_the_lines_above_a_table_are_its_caption():
    html = _page(_table([Markup("**Tabell 3 Driftbudget**"), Markup("Beloppen anges i tkr. Överskott \\(−\\)")]))
    table = html[html.index("<table>") : html.index("</table>")]
    caption = table[table.index("<caption>") : table.index("</caption>")]
    assert "<strong>Tabell 3 Driftbudget</strong>" in caption
    assert "Beloppen anges i tkr. Överskott (−)" in caption
    assert table.index("<caption>") < table.index("<thead>")
    assert "vb-tabelltext" not in html.replace("vb-tabelltext__rad", "")  # no paragraph is left above the table


def test_a_table_without_lines_has_no_caption_and_every_table_is_wrapped_once():
    html = _page(_table([]))
    assert "<caption>" not in html
    assert html.count(WRAP_OPEN) == 1 and html.index(CUE) < html.index(WRAP_OPEN) < html.index("<table>")
    assert finish_tables(html) == html


def test_caption_text_is_escaped():
    block = caption_block([Markup("a &lt;script&gt; \\*b\\*")])
    assert "<script>" not in block and "&lt;script&gt;" in block and "*b*" in block


def test_only_the_paragraph_right_above_a_table_becomes_its_caption():
    html = finish_tables(f"{caption_block(['x'])}\n<p>mellan</p>\n<table><tr><td>1</td></tr></table>")
    assert "<caption>" not in html


def test_tables_charts_and_code_examples_can_be_reached_with_the_keyboard_from_the_start():
    html = finish_tables('<table><tr><td>1</td></tr></table><figure class="vb-diagram"><svg></svg></figure>')
    assert html.count('tabindex="0"') == 2
    code = finish_tables('<pre><code class="language-yaml">a: 1\n</code></pre>')
    assert code == '<pre><code tabindex="0" class="language-yaml">a: 1\n</code></pre>' == finish_tables(code)


def test_a_chart_gets_the_cue_line_above_it():
    html = finish_tables('<figure class="vb-diagram"><svg></svg></figure>')
    assert html.startswith(CUE)
