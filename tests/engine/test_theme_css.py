"""The theme's stylesheet cut to what the site uses: rules for names no page has are left out, doubtful ones kept."""

from __future__ import annotations

from generator.engine.theme_css import Used, cut_stylesheet, selector_used


def _used(html: str, script: str = "") -> Used:
    used = Used()
    used.read_html(html)
    used.read_script(script)
    return used


PAGE = '<body><nav class="md-nav md-nav--primary" id="x"><a class="md-nav__link" href="/">a</a></nav><table></table>'


def test_a_rule_for_a_class_no_page_has_is_left_out_and_one_for_a_class_a_page_has_is_kept():
    css = ".md-nav__link{color:red}.admonition{color:blue}.md-nav .md-nav__link,.md-tabs{margin:0}"
    assert cut_stylesheet(css, _used(PAGE)) == ".md-nav__link{color:red}.md-nav .md-nav__link{margin:0}"


def test_media_blocks_are_cut_and_dropped_when_empty():
    css = "@media screen{.md-nav{a:b}.md-search{c:d}}@media print{.md-search{e:f}}"
    assert cut_stylesheet(css, _used(PAGE)) == "@media screen{.md-nav{a:b}}"


def test_negations_need_nothing_and_one_alternative_of_is_is_enough():
    used = _used(PAGE)
    assert selector_used("table:not([class])", used)
    assert selector_used(".md-nav:not(.md-nav--secondary)", used)
    assert selector_used(".md-nav :is(.admonition,.md-nav__link)", used)
    assert not selector_used(".md-nav :is(.admonition,details)", used)
    assert not selector_used("details summary", used)
    assert not selector_used("#y", used) and selector_used("#x", used)
    assert not selector_used("[data-md-state]", used) and selector_used("a[href]", used)


def test_classes_the_sites_script_adds_are_kept():
    assert selector_used(".vb-rulla", _used(PAGE, 'p.className = "vb-rulla";'))
    assert not selector_used(".vb-rulla", _used(PAGE))


def test_custom_properties_nobody_reads_are_left_out():
    css = ":root{--a:1px;--b:var(--c);--c:2px;--d:3px}.md-nav{margin:var(--b)}"
    kept = cut_stylesheet(css, _used(PAGE), "x{padding:var(--a)}")
    assert kept == ":root{--a:1px;--b:var(--c);--c:2px;}.md-nav{margin:var(--b)}"
    assert cut_stylesheet(":root{--d:3px}.md-nav{a:b}", _used(PAGE)) == ".md-nav{a:b}"  # an emptied rule goes


def test_pages_that_share_their_frame_give_every_name_of_each_page():
    frame = '<body><nav class="md-nav" id="meny"><a class="md-nav__link" href="/">a</a></nav>'
    used = _used(frame + '<main><p class="forsta">x</p></main>')
    used.read_html(frame + '<main><p\n  class="andra ovanlig" id="del">y</p><details open>z</details></main>')
    used.read_html(frame + "<main><table></table></main>")
    assert {"md-nav", "md-nav__link", "forsta", "andra", "ovanlig"} <= used.classes
    assert {"meny", "del"} <= used.ids and {"details", "table", "nav", "p"} <= used.tags
    assert {"open", "href", "class", "id"} <= used.attributes
    assert not selector_used(".saknas", used) and selector_used("details[open] .andra", used)
