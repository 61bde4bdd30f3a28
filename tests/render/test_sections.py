"""A page's content comes in blocks, one per heading, that the browser lays out as they come near the screen."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.html import render_page
from generator.render.sections import CLOSE, LEAD, LEAST, OPEN, _starts, sectioned

PAGE = (
    '<h1 id="t">Titel</h1>\n<p>Inledning</p>\n<h2 id="a">A</h2>\n<p>Text a</p>\n'
    '<h3 id="b">B</h3>\n<div class="md-typeset__scrollwrap"><table><tr><td>1</td></tr></table></div>\n'
    '<h2 id="c">C</h2>\n<h3 id="d">D</h3>\n<p>Text d</p>\n'
)


def blocks(html: str) -> list[str]:
    """Each block's content, in order; the HTML between blocks must be empty."""
    parts = html.split(OPEN)
    assert not parts[0].strip()
    inner = []
    for part in parts[1:]:
        content, _, rest = part.rpartition(CLOSE)
        assert not rest.strip()
        inner.append(content)
    return inner


def every(html: str) -> str:
    """`html` in blocks however short it is, from its first heading on."""
    return sectioned(html, lead=0, least=0)


def test_each_heading_starts_a_block_and_what_precedes_the_first_is_one_too():
    found = blocks(every(PAGE))
    assert [re.match(r"<(h\d) id=\"(\w)\"", b).groups() for b in found] == [
        ("h1", "t"),
        ("h2", "a"),
        ("h3", "b"),
        ("h2", "c"),  # D follows C directly: a heading is never alone in its block
    ]
    assert "".join(found) == PAGE  # nothing lost, nothing moved


def test_a_heading_inside_another_element_starts_no_block():
    html = '<h2 id="a">A</h2>\n<details><summary>Mer</summary>\n<h3 id="b">B</h3><p>x</p></details>\n<h2 id="c">C</h2>'
    assert len(blocks(every(html))) == 2


def test_elements_that_hold_no_others_and_comments_do_not_confuse_the_reading():
    html = (
        '<h2 id="a">A</h2><p>x<br>y<img src="a.png" alt="a"></p><!-- <div> -->'
        '<figure class="vb-diagram"><svg viewBox="0 0 1 1"><path d="M0 0"/></svg></figure>'
        '<p title="a > b">z</p><h2 id="c">C</h2><p>w</p>'
    )
    assert len(blocks(every(html))) == 2


def test_markup_that_does_not_close_or_has_a_single_block_is_left_as_it_is():
    assert (
        sectioned('<h2 id="a">A</h2><div><p>x</p>\n<h2 id="c">C</h2>')
        == '<h2 id="a">A</h2><div><p>x</p>\n<h2 id="c">C</h2>'
    )
    assert sectioned('<h2 id="a">A</h2><p>x</p></div><h2 id="c">C</h2>').count(OPEN) == 0
    assert sectioned('<h2 id="a">A</h2><p>x</p>') == '<h2 id="a">A</h2><p>x</p>'
    assert sectioned("<p>Bara text</p>") == "<p>Bara text</p>"


def test_a_page_in_blocks_is_left_as_it_is():
    once = every(PAGE)
    assert every(once) == once


def test_a_short_page_is_left_as_it_is_and_a_long_one_is_laid_out_at_once_as_far_as_any_screen_shows():
    section = '<h2 id="a">A</h2>\n<p>' + "ord " * 500 + "</p>\n"  # about 2 000 characters
    assert sectioned(section * (LEAST // len(section) - 1)).count(OPEN) == 0
    long = section * (LEAST // len(section) + 1)
    found = blocks(sectioned(long))
    assert len(found[0]) >= LEAD > len(found[0]) - len(section)  # the first block: the headings up to LEAD
    assert all(block == section for block in found[1:]) and "".join(found) == long


def test_the_rendered_page_comes_in_blocks_with_its_tables_inside_them():
    text = "ord " * (LEAD // 2)
    made = render_page(
        f"# Mål\n\n{text}\n\n## Analys\n\n{text}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Nästa\n\n{text}\n"
    )
    found = blocks(made.html)
    assert len(found) == 3
    assert "<table>" in found[1] and 'class="vb-rulla"' in found[1]
    assert made.ids >= {"mal", "analys", "nasta"}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def plain_starts(html: str) -> list[int] | None:
    """Where the blocks start, read the plainest way: tag by tag, depth counted, raw text skipped to its end tag."""
    tag = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
    starts, depth, previous, position = [], 0, "", 0
    while (match := tag.search(html, position)) is not None:
        position = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue
        if closing:
            depth -= 1
            if depth < 0:
                return None
            continue
        if depth == 0:
            if name in {"h2", "h3", "h4", "h5", "h6"} and previous not in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                starts.append(match.start())
            previous = name
        if name in {"script", "style", "textarea", "title"}:
            end = html.lower().find(f"</{name}", position)
            if end == -1:
                return None
            position, depth = end, depth + 1
        elif name not in VOID and not match.group(3).rstrip().endswith("/"):
            depth += 1
    return starts if depth == 0 else None


LEAVES = st.sampled_from(
    ["text", "<br>", "<img/>", "<x/ >", "<!-- <div> -->", '<a href=">">x</a>', "İ", "\n", ">", "< p>", "<"]
    + ["<title>t</title>", "<TITLE>t</title>", "<title>t</TITLE>", "<script><p></script>", "<style>", "<!--"]
)
NAMES = st.sampled_from(["h1", "h2", "H3", "h6", "div", "p", "svg", "table", "td", "title"])


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """An element around a list of children, its end tag sometimes missing or upper case."""
    return st.tuples(
        NAMES, st.lists(children, max_size=4), st.sampled_from(["</{}>", "</{}>", "</{}>", "", "</X>"])
    ).map(lambda parts: f"<{parts[0]} id='i'>{''.join(parts[1])}{parts[2].format(parts[0].upper())}")


MARKUP = st.lists(st.recursive(LEAVES, element, max_leaves=12), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(MARKUP)
def test_the_blocks_start_where_a_plain_reading_of_the_markup_says(html):
    assert _starts(html) == plain_starts(html)
