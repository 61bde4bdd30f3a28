"""A long page comes in blocks (generator.render.sections) that the browser lays out as they come near the screen:
checked structurally, without timing, with what a reader sees and can do unchanged (layout, links to headings,
find in page, the keyboard, printing)."""

from __future__ import annotations

import pytest

from tests.browser.tour import SETTLED, WIDTHS

pytestmark = pytest.mark.slow  # builds the whole site

LONG_PAGE = "/2021/t1/hagersten-alvsjo/mal/1/"  # the district's T1 goal page: tens of thousands of pixels on a phone
BLOCK = ".vb-avsnitt"

# How many blocks the browser has laid out: a block it skips hides its content from checkVisibility.
LAID_OUT = f"""() => [...document.querySelectorAll("{BLOCK}")]
    .filter(b => b.firstElementChild.checkVisibility({{contentVisibilityAuto: true}})).length"""
# Every element of the article (blocks left out) with its place on the page, and the page's height.
PLACES = f"""() => [[document.documentElement.scrollHeight],
    ...[...document.querySelectorAll("article *:not({BLOCK})")].map(e => {{
        const box = e.getBoundingClientRect();
        return [e.tagName, e.id, Math.round(box.top + scrollY), Math.round(box.left), Math.round(box.width),
                Math.round(box.height)];
    }})]"""
# Every block laid out, as it is once the reader has scrolled to it (content-visibility: auto keeps the containment).
ALL_LAID_OUT = f"{BLOCK} {{ content-visibility: visible !important; contain: layout style paint !important; }}"
UNWRAP = f"""() => document.querySelectorAll("{BLOCK}").forEach(b => b.replaceWith(...b.childNodes))"""
# Boxes that reach past their block's sides (a block clips what it holds to its own box).
CUT_OFF = f"""() => [...document.querySelectorAll("{BLOCK} .md-typeset__scrollwrap, {BLOCK} .vb-diagram")]
    .filter(w => {{
        const box = w.getBoundingClientRect(), block = w.closest("{BLOCK}").getBoundingClientRect();
        return box.left < block.left - 0.5 || box.right > block.right + 0.5;
    }}).map(w => w.outerHTML.slice(0, 80))"""
WIDE_WITHOUT_TAB = """() => [...document.querySelectorAll(".md-typeset__scrollwrap")]
    .filter(w => w.scrollWidth > w.clientWidth + 1 && w.getAttribute("tabindex") !== "0").length"""


def on_a_phone(page) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["telefon"])))


def test_on_a_phone_a_long_page_is_laid_out_only_near_the_screen(page):
    on_a_phone(page)
    page.goto(LONG_PAGE)
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)
    blocks = page.locator(BLOCK).count()
    laid_out = page.evaluate(LAID_OUT)
    assert blocks >= 20 and 0 < laid_out <= blocks // 5, (blocks, laid_out)


def what_the_blocks_change(page) -> tuple[bool, list[str], list | None]:
    """On the open page: whether it has blocks, the boxes they cut off, and the first element (place on the page) that
    is elsewhere once every block is laid out and then unwrapped (None if none is). Taken in the tour (its last step,
    as it takes the blocks apart), where every kind of page is open at each width. A page without blocks has nothing
    for them to move or cut off."""
    if page.locator(BLOCK).count() == 0:
        return False, [], None
    page.add_style_tag(content=ALL_LAID_OUT)
    page.evaluate(SETTLED)
    cut = page.evaluate(CUT_OFF)
    places = page.evaluate(PLACES)
    page.evaluate(UNWRAP)
    page.evaluate(SETTLED)
    flat = page.evaluate(PLACES)
    if places == flat:
        return True, cut, None
    return True, cut, next(([a, b] for a, b in zip(places, flat) if a != b), [len(places), len(flat)])


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_blocks_move_nothing_and_cut_nothing_off(tour, width):
    visits = tour(width).visits
    in_blocks = [path for path, seen in visits.items() if seen.has_blocks]
    moved = {path: seen.moved for path, seen in visits.items() if seen.moved is not None}
    cut = {path: seen.cut_off for path, seen in visits.items() if seen.cut_off}
    assert LONG_PAGE in visits and LONG_PAGE in in_blocks, sorted(visits)
    assert len(in_blocks) >= 3 and not moved and not cut, (in_blocks, moved, cut)


def test_a_link_to_a_heading_far_down_a_long_page_shows_that_heading(page):
    on_a_phone(page)
    page.goto(LONG_PAGE)
    anchor = page.evaluate(f"""() => {{ const h = [...document.querySelectorAll("{BLOCK} h3[id]")];
        return h[Math.floor(h.length * 0.8)].id; }}""")
    page.goto(f"{LONG_PAGE}#{anchor}")
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)
    page.evaluate(SETTLED)
    top = page.evaluate(f"() => document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < WIDTHS["telefon"][1] / 3, (anchor, top)


def test_find_in_page_finds_the_text_of_a_block_not_laid_out(page):
    on_a_phone(page)
    page.goto(LONG_PAGE)
    page.evaluate(SETTLED)
    last = page.locator(BLOCK).last
    assert not last.evaluate("b => b.firstElementChild.checkVisibility({contentVisibilityAuto: true})")
    text = max(last.locator("p, td").all_text_contents(), key=len)
    words = " ".join(text.split()[:4])
    assert page.evaluate("words => window.find(words)", words)
    page.evaluate(SETTLED)
    assert last.evaluate("b => b.firstElementChild.checkVisibility({contentVisibilityAuto: true})")


def test_printing_lays_out_every_block(page):
    page.goto(LONG_PAGE)
    page.emulate_media(media="print")
    page.evaluate(SETTLED)
    assert page.evaluate(LAID_OUT) == page.locator(BLOCK).count() > 0


def test_the_keyboard_reaches_a_wide_table_in_a_block_not_laid_out_yet(page):
    on_a_phone(page)
    page.goto(LONG_PAGE)
    page.evaluate(SETTLED)
    waiting = page.evaluate(f"""() => [...document.querySelectorAll("{BLOCK} .md-typeset__scrollwrap")]
        .filter(w => !w.checkVisibility({{contentVisibilityAuto: true}})).length""")
    assert waiting > 0 and page.evaluate(WIDE_WITHOUT_TAB) == 0, waiting
