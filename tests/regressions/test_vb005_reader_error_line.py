"""Regression (fixed) (generator/content/yamlread.py, parse): a control character gives VB005 at line 1, in English.

Input: a report whose line 6 contains U+0007 (corpus case vb005-control-character).
Expected: VB005 at line 6 (PyYAML's ReaderError knows the position) with a Swedish reason.
Happened: VB005 at line 1, column 1; the reason is PyYAML's English text
"unacceptable character #x0007: control characters are not allowed". The
`except yaml.YAMLError` branch creates the problem without `.at(...)`, so `locate`
falls back to the start of the file.
"""

from tests.test_corpus import CASE_BY_NAME, run_check_case, run_cli_case


def test_check_paths(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb005-control-character"], tmp_path, capsys)


def test_cli(tmp_path, capsys):
    run_cli_case(CASE_BY_NAME["vb005-control-character"], tmp_path, capsys)


def test_reason_is_swedish():
    from generator.content.yamlread import read_file

    found = read_file(b"a: 1\nb: x\x07y\n", "f.yml").problems
    assert [(p.code, p.line) for p in found] == [("VB005", 2)]
    assert "control characters" not in found[0].message
