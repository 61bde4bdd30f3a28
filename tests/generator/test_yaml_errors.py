"""Every kind of YAML syntax error PyYAML gives is told in Swedish, with its fix, at the place to change.

Each case is read with libyaml's parser (what vb uses when PyYAML has it) and with PyYAML's
own, whose English words differ; neither's English may reach the user.
"""

from __future__ import annotations

import re

import pytest
import yaml

from generator.content import yamlread
from generator.content.yamlread import parse

# name: (text, expected line, expected column, words in the reason, words in the fix)
CASES = {
    "colon-in-text": ("ar: 2021\nanalys: Målet: uppfyllt\n", 2, 14, "kolon", "analys: |"),
    "colon-in-list-item": ("a:\n  - titel: Mål: bra\n", 2, 15, "kolon", "titel: |"),
    "key-without-colon": ("a: 1\nb\nc: 2\n", 2, 1, "inget kolon", "nyckel: värde"),
    "key-indented-too-little": ("a:\n  b: 1\n c: 2\n", 3, 2, "indraget", "Dra in raden"),
    "list-after-key": ("a: 1\n- b\n", 2, 1, "indraget", '"- "'),
    "list-item-keys-misaligned": ("-  a: 1\n  b: 2\n", 2, 3, "listan", '"- "'),
    "unclosed-double-quote": ('a: "hej\nb: 2\n', 1, 4, "citattecken", "Avsluta texten"),
    "unclosed-single-quote": ("a: 'hej\nb: 2\n", 1, 4, "citattecken", "Avsluta texten"),
    "quote-then-document-marker": ('a: "x\n---\n', 1, 4, "citattecken", "Avsluta texten"),
    "text-after-quote": ('a: "x" y\n', 1, 8, "citattecknet", "citattecken runt hela texten"),
    "at-sign": ("a: @hej\n", 1, 4, '"@"', "citattecken runt värdet"),
    "backtick": ("a: `kod`\n", 1, 4, '"`"', "citattecken runt värdet"),
    "percent-value": ("a: %d\n", 1, 4, '"%"', "citattecken runt värdet"),
    "tab-after-colon": ("a:\tb: c\n", 1, 3, "tabbtecken", "mellanslag"),
    # libyaml takes the tab for a space and stops at the colon inside the value instead.
    "tab-after-colon/libyaml": ("a:\tb: c\n", 1, 5, "kolon", "a: |"),
    "backslash-in-double-quotes": ('a: "C:\\q"\n', 1, None, "snedstreck", "enkla citattecken"),
    "anchor-sign": ("a: & \n", 1, 5, "&", "citattecken runt värdet"),
    "alias-sign": ("a: *\n", 1, 5, "*", "citattecken runt värdet"),
    "text-beside-block-marker": ("a: | hej\n  text\n", 1, 6, '"|"', "nästa rad"),
    "flow-list-not-closed": ("a: [1, 2\nb: 3\n", 2, 2, "hakparenteser", '"]"'),
    "flow-map-not-closed": ("a: {b: 1\nc: 2\n", 2, 2, "klammerparenteser", '"}"'),
    "flow-value-missing": ("a: [1,\n", 2, 1, "värde saknas", "kommatecknet"),
    "directive-line": ("%FOO\na: 1\n", None, None, '"%"', "citattecken"),
}

ENGLISH = re.compile(r"\b(mapping|allowed|expected|found|while|scanning|parsing|could|token|character|stream)\b")
LOADERS = {"libyaml": yaml.CSafeLoader, "pyyaml": yaml.SafeLoader}


@pytest.fixture(params=list(LOADERS))
def loader(request, monkeypatch):
    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.fail("PyYAML is installed without libyaml, which vb uses in production")
    monkeypatch.setattr(yamlread, "_loader", lambda: LOADERS[request.param])
    return request.param


@pytest.mark.parametrize("name", [n for n in CASES if "/" not in n])
def test_syntax_error_is_swedish_with_its_fix_at_the_place(name, loader):
    text, line, column, reason_words, fix_words = CASES.get(f"{name}/{loader}", CASES[name])
    [found] = parse(text, "rapport.yml").problems
    assert found.code == "VB005"
    assert reason_words in found.message, found.message
    assert fix_words in found.fix, found.fix
    assert not ENGLISH.search(found.message + " " + found.fix), found.message + " / " + found.fix
    if line is not None:
        assert found.line == line
    if column is not None:
        assert found.column == column


def test_the_issue_report_line_is_swedish(loader):
    # The line a unit manager met: a text with a colon, and the README's fix (a | block) in the message.
    [found] = parse("organisation: a\nsammanfattande_analys: Resultat: bättre än väntat\n", "r.yml").problems
    assert "mapping values" not in found.message
    assert "sammanfattande_analys: |" in found.fix
    assert (found.line, found.column) == (2, 32)
