"""Every id on a page is found, also in raw HTML, as a plain reading of the whole page with the id pattern finds it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.html import page_ids, render_page

PLAIN = re.compile(r'\sid="([^"]+)"')
HTML = st.lists(
    st.sampled_from([" ", "\n", "\u00a0", "-", "id=", '"', "a", "b", 'id="x"', ' id="', "data-"]), max_size=30
)


@settings(max_examples=1000, deadline=None)
@given(HTML.map("".join))
def test_the_ids_are_those_the_pattern_finds_reading_the_whole_page(html):
    assert page_ids(html) == PLAIN.findall(html)


def test_a_page_names_its_headings_ids_and_those_of_its_raw_html():
    page = render_page('# Titel\n\n<div id="egen" data-id="inte"></div>\n\n## Avsnitt\n')
    assert page.ids == {"titel", "egen", "avsnitt"}
