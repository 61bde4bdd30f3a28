"""A heading's tokens are copied as markdown-it copies them: equal, attributes shared unless empty."""

from __future__ import annotations

from generator.content.markdown_parser import parser
from generator.render.html import _copied


def test_a_copied_token_equals_markdown_its_copy_and_owns_an_empty_attribute_dict():
    tokens = parser().parse("## Rubrik\n\n[länk](a.md)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    every = tokens + [child for t in tokens for child in t.children or []]
    assert any(t.attrs for t in every) and any(not t.attrs for t in every)
    for token in every:
        made, theirs = _copied(token), token.copy()
        assert made == theirs and made is not token
        assert (made.attrs is token.attrs) == (theirs.attrs is token.attrs)
        assert made.children is token.children and made.meta is token.meta
