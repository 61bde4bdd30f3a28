"""The Markdown check reads a text the way the site's renderer does, with the site's own extensions.

The site renders units' Markdown with Python-Markdown as MkDocs sets it up; the check's first
reading is CommonMark. Where the two differ, the site's reading decides (generator/engine/site_markdown.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.check.narrative import check_markdown
from generator.engine.site_markdown import EXTENSIONS, as_cell, published
from tests.security.oracle import SITE_EXTENSIONS

ROOT = Path(__file__).resolve().parents[2]


def test_the_check_and_the_judges_use_the_sites_markdown_extensions():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert sorted(config["markdown_extensions"]) == sorted(EXTENSIONS) == sorted(SITE_EXTENSIONS)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("Läs [mer][k]\n[k]: javascript:alert(1)", "VB603", 1),
        ("Först.\n\nSe \\<script>alert(1)\\</script> här.", "VB602", 2),
        ("- punkt\n\n      <b>fet</b>", "VB601", 2),
        ("Text\n\n~~~~\n<img src=x onerror=alert(1)>\n~~~", "VB602", 3),
        ("[x](<java\nscript:alert(1)>)", "VB603", 0),
        ("[k]: javascript:alert(1)", "VB603", 0),  # defined but never used: another text on the page may use it
        ("    <i>kod</i>", "VB601", 0),  # code as a block, but not squeezed into a table cell
    ],
)
def test_what_only_the_sites_renderer_reads_as_html_or_a_link_is_refused(text, code, line):
    found = [(f.code, f.line) for f in check_markdown(text, published)]
    assert found == [(code, line)]


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
    assert check_markdown(text, published) == []


def test_a_cell_keeps_the_text_on_one_line_with_its_pipes_escaped():
    assert as_cell("a | b\n\n    c") == "| Text |\n| --- |\n| a \\| b c |\n"


def test_a_text_without_angle_or_square_brackets_is_not_rendered():
    assert published("# Rubrik\n\n*kursiv* och **fet**, 1. lista") == ([], [])
    code = (
        "import sys; from generator.check.narrative import check_markdown; from generator.engine import published; "
        "check_markdown('Text med *kursiv*, #-tecken och en TODO', published); print('markdown' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
