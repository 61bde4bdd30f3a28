"""A page's HTML kept compressed reaches the theme's template as the same text."""

from __future__ import annotations

from jinja2 import Environment

from generator.render.html import render_page
from generator.render.packed import PackedHtml, PackedPage, pack

MARKDOWN = "# Hemtjänsten\n\nMålet nås − nästan → helt: 92,5 %.\n\n## Analys\n\nText <em>kvar</em>.\n"


def test_a_packed_page_keeps_everything_but_its_text_and_gives_the_text_back():
    page = render_page(MARKDOWN, "2021/vb/hemtjansten/index.md")
    packed = pack(page)
    assert isinstance(packed, PackedPage) and packed.html == ""
    assert (packed.toc, packed.title, packed.ids, packed.targets) == (page.toc, page.title, page.ids, page.targets)
    assert str(packed.content()) == page.html
    assert len(packed.packed) < len(page.html.encode("utf-8"))


def test_the_theme_prints_the_packed_text_and_finds_its_heading():
    html = render_page(MARKDOWN, "a.md").html
    content = pack(render_page(MARKDOWN, "a.md")).content()
    template = '{% if "\\u003ch1" not in page.content %}<h1>T</h1>{% endif %}{{ page.content }}'
    for autoescape in (True, False):
        shown = Environment(autoescape=autoescape).from_string(template).render(page={"content": content})
        assert shown == html
    assert "<h2" in content and "<h3" not in content
    assert "x" + content == "x" + html and content + "y" == html + "y"
    assert content == PackedHtml(content.packed) and len(content) == len(html)
