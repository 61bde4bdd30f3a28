"""The Markdown check reads a text with the parser the site renders it with, as a block and in a table cell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.check.narrative import check_markdown
from generator.content.markdown_parser import cell_table
from generator.render.html import render_page
from tests.security.htmlscan import scan
from tests.security.oracle import forms, harms

ROOT = Path(__file__).resolve().parents[2]


def test_no_content_page_is_left_to_python_markdown():
    """mkdocs.yml adds no Markdown extension: every page's HTML comes from the core (generator.render.html)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert not set(config["markdown_extensions"]) - {"toc", "tables", "fenced_code"}  # MkDocs' own defaults


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("Läs mer.\n\n[k]: javascript:alert(1)", "VB603", 2),
        ("- punkt\n\n      <b>fet</b>", "VB601", 2),  # code in the list item, HTML when squeezed into a cell
        ("Text\n\n~~~~\n<img src=x onerror=alert(1)>\n~~~", "VB602", 3),  # the fence is never closed
        ("[k]: javascript:alert(1)", "VB603", 0),  # defined but never used: another text on the page may use it
        ("    <i>kod</i>", "VB601", 0),  # code as a block, but not squeezed into a table cell
    ],
)
def test_what_the_site_would_publish_as_html_or_a_link_is_refused(text, code, line):
    found = [(f.code, f.line) for f in check_markdown(text)]
    assert found == [(code, line)]


@pytest.mark.parametrize(
    "text",
    [
        "Först.\n\nSe \\<script>alert(1)\\</script> här.",  # "\<" is an escape: the tag is text
        "Läs [mer][k]\n[k]: javascript:alert(1)",  # no definition inside a paragraph: plain text
        "[x](<java\nscript:alert(1)>)",  # no line break inside <...>: plain text
        "Läs [mer](/\\example.se/sida).",  # the backslash is published encoded: a path on this site
    ],
)
def test_what_the_check_accepts_the_site_publishes_as_it_was_checked(text):
    """Texts a second parser once read as HTML or a link: one parser, and both the check and the page agree."""
    assert check_markdown(text) == []
    assert harms(text) == []  # no raw HTML, script, handler or unsafe address in either form's page
    for form in forms(text):
        found = scan(render_page(form).html)
        assert found.scripts == [] and found.handlers == [] and found.urls == []


@pytest.mark.parametrize(
    "text",
    [
        "Ingen HTML: 5 < 7 och 9 > 8, [ingen länk] och a <= b.",
        "[Stadens webbplats](https://example.se) och <https://example.se> och <namn@example.se>.",
        "```\n<script>alert(1)</script>\n```",  # a closed fence is code for both readers, as a block and in a cell
        "`<b>` är en tagg.",
        "&lt;script&gt; skrivet med tecken&shy;referenser",
    ],
)
def test_harmless_texts_pass(text):
    assert check_markdown(text) == []


def test_a_cell_keeps_the_text_on_one_line_with_its_pipes_escaped():
    assert cell_table("a | b\n\n    c") == "| Text |\n| --- |\n| a \\| b c |\n"


def test_plain_prose_is_checked_without_loading_a_parser():
    code = (
        "import sys; from generator.check.narrative import check_markdown; "
        "check_markdown('Text med *kursiv*, 5 % och en TODO'); print('markdown_it' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
