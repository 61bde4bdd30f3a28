"""Regression (fixed) (generator/content/yamlread.py _scalar): an escaped carriage return in a text crashes the build.

Input: `systematiskt_kvalitetsarbete: "Text\\r\\r\\r\\r### Rubrik"` in a unit's report (double quotes,
so "\\r" is a carriage return in the value; the file itself has only "\\n" line breaks).
The check passes. markdown-it takes "\\r" for a line break and puts the heading on line 4, while
render.text.narrative splits the text on "\\n" only, so `lines[4]` does not exist.
Expected: the carriage returns are line breaks like the file's own; the page has the heading.
Happened: `vb build` stops with VB900 (IndexError: list index out of range). Found by tests/fuzz/fuzz_markdown.py.
"""

from __future__ import annotations

from generator.check.run import check_paths
from generator.content.yamlread import read_file
from tests.render.tree import FILES, UNIT_VB_PATH, write_tree
from tests.site_pages import site_of

ESCAPED = 'systematiskt_kvalitetsarbete: "Text\\r\\r\\r\\r### Rubrik\\r\\nSlut"'


def test_an_escaped_carriage_return_is_read_as_a_line_break():
    assert read_file(b'a: "x\\r\\ry\\r\\nz"\n', "f.yml").data == {"a": "x\n\ny\nz"}


def test_the_site_is_built_with_the_heading(tmp_path):
    unit = FILES[UNIT_VB_PATH].replace('systematiskt_kvalitetsarbete: ""', ESCAPED)
    assert unit != FILES[UNIT_VB_PATH]
    root = write_tree(tmp_path / "content", {UNIT_VB_PATH: unit})
    assert check_paths([root]).problems == []
    page = site_of(root).pages["2021/vb/hemtjansten/index.md"]
    assert "Text\n\n\n\n" not in page and "Rubrik {.no-toc}\nSlut" in page
