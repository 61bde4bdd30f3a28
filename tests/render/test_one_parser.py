"""One Markdown parser: `vb check` reads texts with the parser, and the options, the site's HTML is made with.

What passes the check is what is published: the check and the page renderer share one parser object
(generator/content/markdown_parser.py), no other module makes one, the page renderer's additions (heading
ids and permalinks, row headers, glossary marks) leave the parser's reading as it is, and the built site
shows each page's HTML exactly as the core made it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check.narrative import check_markdown
from generator.cli import main
from generator.content import markdown_parser
from generator.render.html import render_page
from generator.render.text import narrative
from tests.site_pages import site_of

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generator"

# Markdown's special characters, lines and blanks; lower case only, so no glossary abbreviation (VB, T1 …) occurs.
ALPHABET = st.sampled_from(
    list("ab c*_`[]()<>!#-+.:/\\&;\"'\n") + ["\n\n", "    ", "> ", "- ", "1. ", "```", "~~~", "[a]: /x", "http://a.se"]
)
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)
# With glossary abbreviations and links to other pages, which the page renderer treats per page.
PAGE_TEXTS = st.lists(
    st.one_of(ALPHABET, st.sampled_from(["VB ", " KF", "T1", "[x](../a/index.md#b)", "![y](bild.png)"])), max_size=30
).map("".join)
PAGE_ADDITIONS = [
    (re.compile(r'<a class="headerlink" href="#[^"]*" title="[^"]*">&para;</a>'), ""),
    (re.compile(r'(<h[1-6]) id="[^"]*"(?: class="no-toc")?>'), r"\1>"),
    (re.compile(r'<pre><code tabindex="0"'), "<pre><code"),  # a code example reachable with Tab, as a wide table is
]


def without_page_additions(html: str) -> str:
    """A page's HTML without what the page renderer adds to the parser's HTML (ids, permalinks, Tab stops)."""
    for pattern, replacement in PAGE_ADDITIONS:
        html = pattern.sub(replacement, html)
    return html


def test_only_the_shared_module_makes_a_markdown_parser():
    makers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "MarkdownIt":
                makers.append(path.relative_to(PACKAGE).as_posix())
    assert makers == ["content/markdown_parser.py"]


def test_the_check_and_the_pages_change_together_when_the_parsers_options_do(monkeypatch):
    """Both read the one parser's options: with raw HTML off, the check sees no HTML and the page escapes it."""
    text = "Text med <b>fet</b> stil."
    assert [f.code for f in check_markdown(text)] == ["VB601"]
    assert "<b>fet</b>" in render_page(text).html
    monkeypatch.setitem(markdown_parser.parser().options, "html", False)
    other = "Annan text med <b>fet</b> stil."  # not yet read by the page renderer in this process
    assert check_markdown(other) == []
    assert "&lt;b&gt;fet&lt;/b&gt;" in render_page(other).html


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, TEXTS)
@example(first="---", second="---")  # rules at the page's start are not front matter: it must be a YAML mapping
def test_a_page_shows_each_text_as_the_parser_reads_it(first, second):
    """Page HTML is the shared parser's HTML of the same Markdown, also where texts recur (read once, reused)."""
    md = markdown_parser.parser()
    for text in (first, f"{first}\n\n{second}\n\n{first}", second):
        page = str(narrative(text, 2))  # authors' headings moved below the section, marked {.no-toc}
        assert without_page_additions(render_page(page).html) == md.render(page.replace(" {.no-toc}", ""))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_a_text_the_check_accepts_reaches_the_page_without_raw_html(text):
    if any(f.code in ("VB601", "VB602", "VB603") for f in check_markdown(text)):
        return
    page = render_page(str(narrative(text, 2))).html
    tokens, _ = markdown_parser.parse(str(narrative(text, 2)))
    assert not any(t.type == "html_block" for t in tokens)
    assert not any(c.type == "html_inline" for t in tokens for c in t.children or [])
    assert "<script" not in page


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PAGE_TEXTS, min_size=1, max_size=4), st.lists(PAGE_TEXTS, min_size=1, max_size=4))
@example(texts=["- ```"], others=[""])  # a fence left open in a list item holds the blank line before the heading
@example(texts=["> <pre>"], others=[""])
def test_a_page_made_of_recurring_pieces_is_the_page_parsed_whole(texts, others):
    """Pages cut at their headings and made from kept pieces equal the same pages parsed and rendered whole."""
    pages = [
        "# Sida\n\n" + "\n\n".join(f"## Rubrik {n % 2}\n\n{narrative(text, 2)}" for n, text in enumerate(chosen))
        for chosen in (texts, others, texts + others)
    ]
    paths = ["2021/vb/x/index.md", "2021/vb/x/utskrift.md"]  # an index page and one served as …/utskrift/
    pieced = [render_page(page, path) for page in pages for path in paths]
    with mock.patch("generator.render.html.page_pieces", return_value=None):
        whole = [render_page(page, path) for page in pages for path in paths]
    assert pieced == whole


def test_every_page_of_the_pages_stage_is_rendered_by_the_shared_renderer(tree):
    site = site_of(tree)
    assert sorted(site.html) == sorted(site.pages)
    for path, text in site.pages.items():
        assert site.html[path] == render_page(text, path), path


@pytest.mark.slow
def test_the_built_site_shows_each_pages_html_as_the_core_made_it(tree, tmp_path):
    site = site_of(tree)
    target = tmp_path / "site"
    assert main(["build", "--content", str(tree), "--site", str(target), "--utan-pdf"]) == 0
    shown = 0
    for path, made in site.html.items():
        if path == "om-webbplatsen/index.md":  # lists the guides in docs/ besides, rendered with them by the engine
            continue
        page = path[: -len(".md")] + (".html" if path.endswith("index.md") else "/index.html")
        html = (target / page).read_text(encoding="utf-8")
        assert made.html in html, path
        for heading in made.toc:
            assert f'href="#{heading.id}"' in html, (path, heading.id)  # the table of contents in the sidebar
        shown += 1
    assert shown > 30
