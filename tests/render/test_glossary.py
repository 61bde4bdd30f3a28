"""The glossary: a page with every term, and the abbreviations marked where they first appear on a page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.glossary import ABBREVIATIONS, TERMS
from generator.render.html import TERM, render_page, term_matches


def html(text: str) -> str:
    return render_page(text).html


def test_the_glossary_has_the_reports_abbreviations_and_terms():
    assert {"VB", "T1", "T2", "VP", "KF", "BJ"} <= set(ABBREVIATIONS)
    assert {"Nämndmål", "Enhetsmål", "Resultatenhet"} <= {t.term for t in TERMS}


def test_an_abbreviation_is_marked_where_it_first_appears_and_only_there():
    page = html("Det här är VB 2021 och KF:s mål, VB igen.\n\nSedan *T1* och T1.")
    assert page.count('<abbr title="Verksamhetsberättelse">VB</abbr>') == 1
    assert '<abbr title="Kommunfullmäktige">KF</abbr>:s' in page
    assert '<em><abbr title="Tertialrapport 1">T1</abbr></em> och T1.' in page


def test_parts_of_words_and_code_are_not_marked():
    page = html("VBX och T10 och `VP` och foo-BJ.")
    assert "<abbr" not in page


def test_the_glossary_page_and_the_footer_link_to_it(small_site):
    page = small_site.pages["ordlista/index.md"]
    assert "## VB" in page and "**Verksamhetsberättelse.**" in page


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*ABBREVIATIONS, "-", "_", "x", "Ä", "1", " ", "\n", ":", "VBK", "KFT1"]), max_size=12))
def test_the_abbreviations_are_found_where_the_terms_pattern_finds_them(parts):
    text = "".join(parts)
    assert [(m.span(), m.group(1)) for m in term_matches(text)] == [(m.span(), m.group(1)) for m in TERM.finditer(text)]
