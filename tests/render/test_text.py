"""Escaping of plain values, nesting of the authors' headings, and headings kept out of the TOC."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.render.html import render_page
from generator.render.text import cell, heading, md_escape, narrative, nest_headings, shift_amount, tidy
from tests.toc import page_toc


def _html(text: str) -> str:
    return render_page(text).html


def test_pipe_and_hash_are_escaped_in_a_table_cell():
    cell = md_escape("Ingen | avvikelse #2")
    assert cell == "Ingen \\| avvikelse \\#2"
    table = f"| A | B |\n| --- | --- |\n| {cell} | x |\n"
    html = _html(table)
    assert len(re.findall(r"<td>|<th scope=\"row\">", html)) == 2  # the pipe did not open a third column
    assert '<th scope="row">Ingen | avvikelse #2</th>' in html


def test_a_cell_keeps_text_around_escaped_and_bare_pipes():
    # A unit may write \| (an escaped pipe) or | in an analysis shown in a table: all its text stays in one cell.
    for written, shown in (("a \\| b", "a | b"), ("a | b", "a | b"), ("a \\\\| b", "a \\| b")):
        html = _html(f"| A | B |\n| --- | --- |\n| {cell(written)} | x |\n")
        assert len(re.findall(r"<td>|<th scope=\"row\">", html)) == 2, written
        assert f'<th scope="row">{shown}</th>' in html, html


def test_markdown_specials_are_literal():
    assert (
        md_escape("*fet* _kursiv_ [länk] `kod` {x} a\\b")
        == "\\*fet\\* \\_kursiv\\_ \\[länk\\] \\`kod\\` \\{x\\} a\\\\b"
    )


def test_a_leading_list_marker_is_escaped():
    assert md_escape("1. Första") == "1\\. Första"
    assert md_escape("12) Tolfte") == "12\\) Tolfte"
    assert md_escape("- punkt") == "\\- punkt"
    assert md_escape("+ plus") == "\\+ plus"
    assert md_escape("Mål 1. ett") == "Mål 1. ett"  # only at the start


def test_no_break_spaces_in_figures_are_kept():
    assert md_escape("2\u00a0784,9\u00a0mnkr") == "2\u00a0784,9\u00a0mnkr"


def test_html_is_escaped_and_lines_are_joined():
    assert md_escape('<script> & "citat"') == '&lt;script&gt; &amp; "citat"'
    assert md_escape("två\nrader") == "två rader"
    assert md_escape(None) == ""


def test_a_title_with_specials_renders_as_written():
    html = _html(heading(3, "Äldre är trygga | i hemmet #1 <b>"))
    assert 'Äldre är trygga | i hemmet #1 &lt;b&gt;<a class="headerlink"' in html


def test_headings_deeper_than_six_become_bold_paragraphs():
    assert heading(6, "Analys", toc=False) == "###### Analys {.no-toc}"
    assert heading(7, "Analys") == "**Analys**"


def test_shift_is_section_level_plus_one_minus_three():
    assert shift_amount(2) == 0
    assert shift_amount(4) == 2
    assert shift_amount(1) == -1


def test_authors_headings_nest_below_their_section():
    text = "Inledning.\n\n### Del\n\nText.\n\n#### Underdel\n\nMer."
    assert narrative(text, 2) == ("Inledning.\n\n### Del {.no-toc}\n\nText.\n\n#### Underdel {.no-toc}\n\nMer.")
    assert narrative(text, 4) == ("Inledning.\n\n##### Del {.no-toc}\n\nText.\n\n###### Underdel {.no-toc}\n\nMer.")
    assert narrative(text, 1) == ("Inledning.\n\n## Del {.no-toc}\n\nText.\n\n### Underdel {.no-toc}\n\nMer.")


def test_headings_below_h6_become_bold_paragraphs_of_their_own():
    assert narrative("### Rubrik\nText direkt under.", 5) == "###### Rubrik {.no-toc}\nText direkt under."
    assert narrative("### Rubrik\nText direkt under.", 6) == "**Rubrik**\n\nText direkt under."
    assert narrative("### **Redan fet**", 6) == "**Redan fet**\n"


def test_too_high_headings_are_treated_as_the_lowest_allowed_level():
    assert narrative("# Stor\n\n## Mellan", 2) == "### Stor {.no-toc}\n\n### Mellan {.no-toc}"


def test_setext_and_quoted_headings_are_shifted_too():
    assert narrative("Titel\n=====\n\ntext", 3) == "#### Titel {.no-toc}\n\ntext"
    assert narrative("> ### I citat\n> text", 3) == "> #### I citat {.no-toc}\n> text"


def test_code_blocks_are_left_alone():
    text = "```\n### inte en rubrik\n```"
    assert narrative(text, 5) == text


def test_empty_narratives_render_nothing():
    assert narrative("", 2) == ""
    assert narrative("  \n", 2) == ""
    assert narrative(None, 2) == ""


def test_no_toc_headings_are_left_out_of_the_page_toc_but_kept_on_the_page():
    text = "# Titel\n\n## Avsnitt\n\n### Analys {.no-toc}\n\n#### Under analys\n\n## Nästa {.no-toc}\n\n### Kvar\n"
    assert page_toc(text) == [(1, "Titel"), (2, "Avsnitt"), (4, "Under analys"), (3, "Kvar")]
    html = _html(text)
    assert '<h3 id="analys" class="no-toc">Analys<a class="headerlink"' in html
    assert "{.no-toc}" not in html


def test_an_escaped_marker_in_a_title_stays_in_the_toc():
    text = "## " + md_escape("Titel {.no-toc}") + "\n"
    assert page_toc(text) == [(2, "Titel {.no-toc}")]


def test_tidy_keeps_one_blank_line_between_blocks():
    assert tidy("a\n\n\n\nb\n  \n\nc\n\n") == "a\n\nb\n\nc\n"
    assert tidy("```\nx\n\n\ny\n```") == "```\nx\n\n\ny\n```\n"


def test_a_heading_anchor_is_a_fixed_link_target_that_keeps_the_headings_own_id():
    html = _html(heading(4, "Enhetsmål: Alla | <b>", toc=False, anchor="enhetsmal--trygga--1"))
    assert (
        '<h4 id="enhetsmal-alla-b" class="no-toc"><span id="enhetsmal--trygga--1"></span>Enhetsmål: Alla | &lt;b&gt;<a '
        in html
    )
    assert heading(7, "Analys", anchor="a--b") == '**<span id="a--b"></span>Analys**'
    assert heading(3, "Mål") == "### Mål"  # no anchor, no span


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab1.)*+-=> \t\n", max_size=60), level=st.integers(min_value=1, max_value=5))
def test_a_text_without_hash_or_underline_line_is_passed_through_as_the_full_parse_would(text, level):
    assert narrative(text, level) == (nest_headings(text, level) if text.strip() else "")


def test_setext_headings_in_lists_and_quotes_are_still_found():
    for text in ("- Rubrik\n  ---\n", "> Rubrik\n> ===\n", "1. Rubrik\n   ===", "Rubrik\n   ---   "):
        assert "{.no-toc}" in narrative(text, 2), text
    plain = "Text med *fetstil* och 1. punkt\n\n- en\n- två\n\n---\n\n> citat"
    assert narrative(plain, 2) == plain == nest_headings(plain, 2)


def test_a_setext_heading_keeps_its_list_and_quote_markers():
    assert narrative("- Rubrik\n  ------\n", 2) == "- ### Rubrik {.no-toc}"
    assert narrative("> - Rubrik\n>   ---\n", 2) == "> - ### Rubrik {.no-toc}"
    assert narrative("1. - Rubrik\n     ===\n", 3) == "1. - #### Rubrik {.no-toc}"
    assert narrative("Rad ett\nrad två\n===\n", 2) == "### Rad ett rad två {.no-toc}"


_STRUCTURE = MarkdownIt("commonmark").disable("inline")


def _blocks(text: str) -> list[tuple[str, int]]:
    """The block structure CommonMark reads: each token's type and nesting depth."""
    return [(token.type, token.level) for token in _STRUCTURE.parse(text)]


@settings(max_examples=400, deadline=None)
@example("- Rubrik\n  ---")
@example("> 1. Rubrik\n>    ===")
@given(
    st.lists(
        st.sampled_from(
            [
                "Rubrik",
                "text",
                "# ",
                "## ",
                "### ",
                "- ",
                "* ",
                "1. ",
                "2) ",
                "> ",
                "  ",
                "   ",
                "\n",
                "\n\n",
                "---",
                "===",
                "=",
                "-",
                "```",
                "    ",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_moving_headings_keeps_every_block_where_it_was(text):
    """Headings only change level (section level 2 moves none past h6): lists, quotes and paragraphs stay."""
    assert _blocks(nest_headings(text, 2)) == _blocks(text.strip("\n"))
