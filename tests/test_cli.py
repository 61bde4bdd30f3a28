"""`vb check` as a user and CI see it: exit codes, the three output formats, positions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import (
    COUNCIL_T1,
    COUNCIL_T1_PATH,
    TEXT_LINE,
    UNIT_VB,
    UNIT_VB_PATH,
    edited,
    line_of,
    same_file,
)

# A warning only: the unit's nöjdhet 85 % is below the target 90 % and has no analysis (VB501).
BELOW_TARGET = edited(UNIT_VB_PATH, "utfall: 92.5", "utfall: 85")
BELOW_TARGET_LINE = line_of(UNIT_VB, "utfall: 92.5")

# Errors: the total prognos_efter 827.5 is 10 mnkr more than 508.1 + 309.4 (VB402), and the
# total row's own avvikelse 814.0 + 10.0 - 827.5 = -3.5 is not the stated 6.5 (VB402).
WRONG_TOTAL = edited(COUNCIL_T1_PATH, "prognos_efter: 817.5", "prognos_efter: 827.5")
WRONG_TOTAL_LINE = line_of(COUNCIL_T1, "prognos_efter: 817.5")
WRONG_TOTAL_DEVIATION_LINE = line_of(COUNCIL_T1, "avvikelse: 6.5")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def messages(text: str) -> list[str]:
    """The problem lines of text output (not the 'Så rättar du' lines, not the summary)."""
    return [line for line in text.splitlines() if line and not line.startswith("    ")][:-1]


# --- exit codes ------------------------------------------------------------------


def test_clean_tree_exits_0(valid_tree, capsys):
    code, out, err = run(capsys, str(valid_tree))
    assert code == 0
    assert messages(out) == []
    assert out.strip().endswith("Inga problem i 5 filer.")
    assert err == ""


def test_errors_exit_1(make_tree, capsys):
    code, out, _ = run(capsys, str(make_tree(WRONG_TOTAL)))
    assert code == 1
    assert "fel VB402" in out
    assert out.strip().splitlines()[-1].startswith("2 fel och 0 varningar")


def test_warnings_only_exit_0(make_tree, capsys):
    code, out, _ = run(capsys, str(make_tree(BELOW_TARGET)))
    assert code == 0
    found = messages(out)
    assert len(found) == 1 and "varning VB501" in found[0]
    assert out.strip().splitlines()[-1].startswith("0 fel och 1 varning ")


def test_warnings_with_strict_exit_1(make_tree, capsys):
    code, out, _ = run(capsys, "--strict", str(make_tree(BELOW_TARGET)))
    assert code == 1
    assert "varning VB501" in out


def test_strict_on_a_clean_tree_exits_0(valid_tree, capsys):
    assert run(capsys, "--strict", str(valid_tree))[0] == 0


def test_missing_path_gives_vb001_and_exit_1(tmp_path, capsys):
    missing = tmp_path / "finns-inte"
    code, out, _ = run(capsys, str(missing))
    assert code == 1
    [message] = messages(out)
    assert message.startswith(str(missing))
    assert "fel VB001" in message


def test_path_without_organisation_gives_vb001(tmp_path, capsys):
    (tmp_path / "tom").mkdir()
    code, out, _ = run(capsys, str(tmp_path / "tom"))
    assert code == 1
    assert "VB001" in out


def test_unknown_format_is_a_usage_error(valid_tree, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml", str(valid_tree)])
    assert exit_info.value.code == 2
    capsys.readouterr()


# --- positions in text output ---------------------------------------------------------


def test_text_messages_name_file_line_and_column(make_tree, capsys):
    root = make_tree({**WRONG_TOTAL, **BELOW_TARGET})
    code, out, _ = run(capsys, str(root))
    assert code == 1
    found = messages(out)
    assert len(found) == 3
    for line in found:
        match = TEXT_LINE.match(line)
        assert match, f"not file:line:column: {line!r}"
        assert int(match["column"]) >= 1
    positions = {(m["code"], int(m["line"]), Path(m["file"]).name) for m in map(TEXT_LINE.match, found)}
    assert positions == {
        ("VB402", WRONG_TOTAL_LINE, "2021-t1.yml"),
        ("VB402", WRONG_TOTAL_DEVIATION_LINE, "2021-t1.yml"),
        ("VB501", BELOW_TARGET_LINE, "2021-vb.yml"),
    }
    # every message is followed by what to do
    lines = out.splitlines()
    for index, line in enumerate(lines[:-1]):
        if TEXT_LINE.match(line):
            assert lines[index + 1].startswith("    Så rättar du: ")


def test_column_points_at_the_value(make_tree, capsys):
    root = make_tree(BELOW_TARGET)
    _, out, _ = run(capsys, str(root))
    [line] = messages(out)
    match = TEXT_LINE.match(line)
    source_line = UNIT_VB.split("\n")[BELOW_TARGET_LINE - 1].replace("92.5", "85")
    assert int(match["column"]) == source_line.index("85") + 1


def test_single_file_is_checked_alone(make_tree, capsys):
    root = make_tree({**WRONG_TOTAL, **BELOW_TARGET})
    code, out, _ = run(capsys, str(root / UNIT_VB_PATH))
    assert code == 0
    found = messages(out)
    assert len(found) == 1 and "VB501" in found[0]


# --- GitHub annotations -------------------------------------------------------------

GITHUB = re.compile(r"^::(?P<level>error|warning) (?P<props>[^:]*)::(?P<text>.*)$")


def _props(text: str) -> dict[str, str]:
    unescape = lambda v: (
        v.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    )
    return {key: unescape(value) for key, value in (item.split("=", 1) for item in text.split(","))}


def test_github_format(make_tree, capsys):
    root = make_tree({**WRONG_TOTAL, **BELOW_TARGET})
    code, out, _ = run(capsys, "--format", "github", str(root))
    assert code == 1
    lines = out.strip().splitlines()
    annotations, summary = lines[:-1], lines[-1]
    assert summary.startswith("2 fel och 1 varning")
    assert len(annotations) == 3
    seen = set()
    for line in annotations:
        assert line.startswith(("::error file=", "::warning file=")), line
        match = GITHUB.match(line)
        assert match, line
        props = _props(match["props"])
        assert {"file", "line", "col", "title"} <= set(props)
        assert props["line"].isdigit() and props["col"].isdigit()
        assert "\n" not in match["text"]
        seen.add((match["level"], props["title"].split()[0], int(props["line"]), Path(props["file"]).name))
        assert Path(props["file"]).is_file()
    assert seen == {
        ("error", "VB402", WRONG_TOTAL_LINE, "2021-t1.yml"),
        ("error", "VB402", WRONG_TOTAL_DEVIATION_LINE, "2021-t1.yml"),
        ("warning", "VB501", BELOW_TARGET_LINE, "2021-vb.yml"),
    }


def test_github_format_escapes_percent_signs(make_tree, capsys):
    # Enhet A's surplus 600 is over 5 % of 10000 (VB403): title and message contain "%".
    text = COUNCIL_T1
    for old, new in (
        ("resultat: -200", "resultat: -600"),
        ("overforing_till_nasta: 500", "overforing_till_nasta: 900"),
    ):
        assert text.count(old) == 2  # the row and the summa row
        text = text.replace(old, new)
    root = make_tree({COUNCIL_T1_PATH: text})
    code, out, _ = run(capsys, "--format", "github", str(root))
    assert code == 0
    [line] = out.strip().splitlines()[:-1]
    match = GITHUB.match(line)
    assert match and match["level"] == "warning", line
    props = _props(match["props"])
    assert props["title"].startswith("VB403 ") and "%" in props["title"]
    assert props["line"] == str(line_of(COUNCIL_T1, "resultat: -200", first=True))
    assert re.search(r"%(?!25|0A|0D)", match["text"]) is None, "an unescaped % in the message"
    assert "%25" in match["text"]


# --- JSON -------------------------------------------------------------------------------


def test_json_format(make_tree, capsys):
    root = make_tree({**WRONG_TOTAL, **BELOW_TARGET})
    code, out, _ = run(capsys, "--format", "json", str(root))
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"filer", "fel", "varningar", "problem"}
    assert (data["filer"], data["fel"], data["varningar"]) == (5, 2, 1)
    keys = {"kod", "allvarlighet", "fil", "rad", "kolumn", "sokvag", "meddelande", "atgard", "rubrik"}
    for item in data["problem"]:
        assert set(item) == keys
        assert isinstance(item["rad"], int) and isinstance(item["kolumn"], int)
        assert item["allvarlighet"] in ("fel", "varning")
        assert item["meddelande"] and item["atgard"] and item["rubrik"]
    found = {(p["kod"], p["rad"], Path(p["fil"]).name, p["sokvag"]) for p in data["problem"]}
    assert found == {
        ("VB402", WRONG_TOTAL_LINE, "2021-t1.yml", "ekonomi.driftbudget.0.driftbudget.totalt.prognos_efter"),
        ("VB402", WRONG_TOTAL_DEVIATION_LINE, "2021-t1.yml", "ekonomi.driftbudget.0.driftbudget.totalt.avvikelse"),
        ("VB501", BELOW_TARGET_LINE, "2021-vb.yml", "inriktningsmal.0.mal.0.indikatorer.0.utfall"),
    }


def test_json_of_a_clean_tree(valid_tree, capsys):
    code, out, _ = run(capsys, "--format", "json", str(valid_tree))
    assert code == 0
    assert json.loads(out) == {"filer": 5, "fel": 0, "varningar": 0, "problem": []}


def test_json_names_files_like_the_text_output(make_tree, capsys):
    root = make_tree(BELOW_TARGET)
    _, out, _ = run(capsys, "--format", "json", str(root))
    [item] = json.loads(out)["problem"]
    assert same_file(item["fil"], root / UNIT_VB_PATH)


def test_the_summary_counts_in_swedish_one_file_and_many():
    """'1 fil', never '1 filer'; '1 varning' and '2 varningar'."""
    from generator.check.output import summary
    from generator.problems import problem

    warning = problem("VB503", "x.yml", marker="TODO")
    assert summary([], 1) == "Inga problem i 1 fil."
    assert summary([warning], 1) == "0 fel och 1 varning i 1 fil."
    assert summary([warning, warning], 2) == "0 fel och 2 varningar i 2 filer."


@pytest.mark.parametrize(
    "argv", [["--help"], ["check", "--help"], ["build", "--help"], [], ["bygg"], ["check", "--format"]]
)
def test_help_and_usage_errors_are_in_swedish(argv, capsys):
    """A unit manager reads "användning", "flaggor" and "fel", never argparse's English."""
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr()
    shown = out.out + out.err
    assert "användning: vb" in shown
    english = ["usage:", "options:", "positional arguments", "show this help", "error:", "required", "invalid choice"]
    assert [word for word in english if word in shown] == [], shown


def test_other_programs_argparse_is_left_in_english_after_vb_ran(capsys):
    import argparse

    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    assert "usage:" in argparse.ArgumentParser(prog="annat").format_help()
