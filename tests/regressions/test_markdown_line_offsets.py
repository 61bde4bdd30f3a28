"""Regression (fixed) (generator/check/narrative.py + generator/validate/__init__.py locate): Markdown problems
get the wrong line unless they start a block in a literal (|) scalar.

1. Inline findings (html_inline, links, images) take the line of their paragraph
   (`token.map[0]` of the enclosing block; inline children have no map), so HTML or a
   javascript: link on the 2nd line of a paragraph is reported on the paragraph's 1st line.
   vb601-html-on-continuation-line: expected VB601 line 6, reported line 5.
   vb603-link-on-continuation-line: expected VB603 line 6, reported line 5.
2. In a folded (>) block or a multi-line plain scalar, YAML joins lines, so line N of the
   text is not line N of the file after the key.
   vb601-html-in-folded-block: expected VB601 line 8, reported line 5.
   vb604-heading-in-folded-block: expected VB604 line 8, reported line 6.
   vb601-html-in-multiline-plain-scalar: expected VB601 line 5, reported line 4.
"""

import pytest

from tests.test_corpus import CASE_BY_NAME, run_check_case

CASES = [
    "vb601-html-on-continuation-line",
    "vb603-link-on-continuation-line",
    "vb601-html-in-folded-block",
    "vb604-heading-in-folded-block",
    "vb601-html-in-multiline-plain-scalar",
]


@pytest.mark.parametrize("name", CASES)
def test_check_paths(name, tmp_path, capsys):
    run_check_case(CASE_BY_NAME[name], tmp_path, capsys)
