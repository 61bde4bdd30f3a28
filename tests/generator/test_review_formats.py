"""`vb check --format gitlab` (GitLab Code Quality) and `--format sarif` (SARIF 2.1.0)."""

from __future__ import annotations

import json

from generator.cli import main
from tests.conftest import UNIT_VB, UNIT_VB_PATH, edited, line_of, write_tree

# VB104 (error) at the "1 300" line and VB501 (warning: 85 below the target 90, no analysis).
BROKEN = {**edited(UNIT_VB_PATH, "utfall: 130", 'utfall: "1 300"')}
BROKEN_LINE = line_of(UNIT_VB, "utfall: 130")


def _run(capsys, fmt: str, root) -> tuple[int, object]:
    code = main(["check", "--format", fmt, str(root)])
    return code, json.loads(capsys.readouterr().out)


def test_gitlab_code_quality_issue_has_every_required_field(make_tree, capsys):
    code, issues = _run(capsys, "gitlab", make_tree(BROKEN))
    assert code == 1
    [issue] = [i for i in issues if i["check_name"] == "VB104"]
    assert issue["severity"] == "major"
    assert issue["location"]["path"].endswith(UNIT_VB_PATH)
    assert issue["location"]["lines"]["begin"] == BROKEN_LINE
    assert "1 300" in issue["description"] and "Så rättar du" in issue["description"]
    assert len(issue["fingerprint"]) == 64


def test_gitlab_clean_tree_is_an_empty_list(valid_tree, capsys):
    code, issues = _run(capsys, "gitlab", valid_tree)
    assert (code, issues) == (0, [])


def test_fingerprint_stays_when_lines_are_added_above(tmp_path, monkeypatch, capsys):
    moved = {
        UNIT_VB_PATH: BROKEN[UNIT_VB_PATH].replace(
            "sammanfattande_analys: |\n", "sammanfattande_analys: |\n  En ny rad.\n\n  En till.\n"
        )
    }
    sides = []
    for name, overrides in (("före", BROKEN), ("efter", moved)):
        write_tree(tmp_path / name / "content", overrides)
        monkeypatch.chdir(tmp_path / name)  # as in CI: the same relative file names on both sides
        sides.append(_run(capsys, "gitlab", "content")[1])
    before, after = sides
    first = next(i for i in before if i["check_name"] == "VB104")
    second = next(i for i in after if i["check_name"] == "VB104")
    assert second["location"]["lines"]["begin"] == first["location"]["lines"]["begin"] + 3
    assert first["fingerprint"] == second["fingerprint"]


def test_fingerprints_differ_between_problems(make_tree, capsys):
    two = edited(UNIT_VB_PATH, "utfall: 130", 'utfall: "1 300"')
    two[UNIT_VB_PATH] = two[UNIT_VB_PATH].replace("utfall: 45", 'utfall: "4 5"')
    _, issues = _run(capsys, "gitlab", make_tree(two))
    prints = [i["fingerprint"] for i in issues]
    assert len(prints) == len(set(prints)) >= 2


def test_sarif_has_a_run_rules_and_located_results(make_tree, capsys):
    code, data = _run(capsys, "sarif", make_tree(BROKEN))
    assert code == 1
    assert data["version"] == "2.1.0" and "sarif-2.1.0" in data["$schema"]
    [run] = data["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "vb"
    [result] = [r for r in run["results"] if r["ruleId"] == "VB104"]
    assert rules[result["ruleIndex"]]["id"] == "VB104"
    assert rules[result["ruleIndex"]]["defaultConfiguration"]["level"] == "error"
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == BROKEN_LINE and region["startColumn"] > 1
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(UNIT_VB_PATH)
    assert result["partialFingerprints"]
