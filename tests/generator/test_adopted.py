"""Adopted is adopted: `vb check` refuses a change to an adopted report's content unless it adds a rättelse.

The real reports are copied into a git repository of the test's own; one is marked adopted and committed,
then changed as a unit would change it.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.check.adopted import adoption_problems
from generator.cli import main
from generator.content.models import Rapport

pytestmark = pytest.mark.slow  # git repositories of the real content

ROOT = Path(__file__).resolve().parents[2]
REPORT = "content/rapporter/glasade-gangen/2021-vb.yml"
ADOPTION = """faststallelse:
  datum: 2022-02-10
  paragraf: "12"
  diarienummer: 1.2-34/2022
"""
CORRECTION = """rattelser:
  - datum: 2022-03-15
    vad: Utfallet av indikatorn i mål 1.4
    varfor: Fel siffra skrevs av från systemet.
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=vb@example.se", "-c", "user.name=Prov", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """The real content in a git repository, with Glasade Gången's VB 2021 adopted in the last commit."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    report = tmp_path / REPORT
    report.write_text(report.read_text(encoding="utf-8") + ADOPTION, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "fastställd")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _change_a_figure(repo: Path) -> None:
    report = repo / REPORT
    text = report.read_text(encoding="utf-8")
    assert text.count("utfall: 95\n") == 1
    report.write_text(text.replace("utfall: 95\n", "utfall: 96\n"), encoding="utf-8")


def _check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "content", *args])
    return code, capsys.readouterr().out


def test_an_unchanged_adopted_report_passes(repo, capsys):
    code, out = _check(capsys)
    assert code == 0 and "VB806" not in out


def test_a_changed_figure_in_an_adopted_report_is_refused_at_the_adoption(repo, capsys):
    _change_a_figure(repo)
    code, out = _check(capsys)
    assert code == 1
    line = (repo / REPORT).read_text(encoding="utf-8").split("\n").index("faststallelse:") + 1
    assert f"{REPORT}:{line}:1: fel VB806" in out.replace(str(repo) + "/", "")
    assert "fastställdes av nämnden 2022-02-10 § 12" in out and "rättelse" in out


def test_the_change_passes_with_a_rattelse_and_the_page_says_so(repo, capsys):
    _change_a_figure(repo)
    report = repo / REPORT
    report.write_text(report.read_text(encoding="utf-8") + CORRECTION, encoding="utf-8")
    code, out = _check(capsys)
    assert code == 0, out
    from tests.site_pages import site_of

    page = site_of(repo / "content").pages["2021/vb/glasade-gangen/index.md"]
    assert "**Fastställd av nämnden 2022-02-10 § 12, dnr 1.2-34/2022**" in page
    assert "- 2022-03-15: Utfallet av indikatorn i mål 1.4. Skäl: Fel siffra skrevs av från systemet." in page


def test_removing_the_adoption_or_an_earlier_rattelse_is_refused(repo, capsys):
    report = repo / REPORT
    report.write_text(report.read_text(encoding="utf-8") + CORRECTION, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "rättelse")
    report.write_text(report.read_text(encoding="utf-8").replace(CORRECTION, ""), encoding="utf-8")
    code, out = _check(capsys)
    assert code == 1 and "VB807" in out
    report.write_text(report.read_text(encoding="utf-8").replace(ADOPTION, "") + CORRECTION, encoding="utf-8")
    code, out = _check(capsys)
    assert code == 1 and "VB807" in out


def test_a_report_not_adopted_may_change(repo, capsys):
    other = repo / "content/rapporter/bestallarenheten-aldre/2020-vb.yml"
    other.write_text(other.read_text(encoding="utf-8").replace("Beställarenheten svarar", "Enheten svarar", 1),
                     encoding="utf-8")
    code, out = _check(capsys)
    assert "VB806" not in out and "VB807" not in out


def test_against_a_named_revision_and_one_that_does_not_exist(repo, capsys):
    _change_a_figure(repo)
    _git(repo, "commit", "-q", "-am", "ändrad utan rättelse")
    assert _check(capsys)[0] == 0  # HEAD already has the change
    code, out = _check(capsys, "--mot", "HEAD~1")
    assert code == 1 and "VB806" in out and "HEAD~1" in out
    code, out = _check(capsys, "--mot", "finns-inte")
    assert code == 1 and "VB802" in out


def test_outside_git_there_is_nothing_to_compare(tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert _check(capsys)[0] == 0


def _report(**changes) -> Rapport:
    base = {"organisation": "enhet", "ar": 2021, "period": "VB", "sammanfattande_analys": "Text."}
    return Rapport.model_validate({**base, **changes})


def test_the_rule_compares_content_not_the_adoption_and_corrections():
    adopted = {"faststallelse": {"datum": date(2022, 2, 10), "paragraf": "12", "diarienummer": "1/2022"}}
    fixed = {"rattelser": [{"datum": date(2022, 3, 1), "vad": "Texten", "varfor": "Fel"}]}
    before = _report(**adopted)
    assert adoption_problems(None, before, "f.yml", "HEAD") == []
    assert adoption_problems(_report(), _report(sammanfattande_analys="Annan."), "f.yml", "HEAD") == []
    assert adoption_problems(before, _report(**adopted), "f.yml", "HEAD") == []
    assert [p.code for p in adoption_problems(before, _report(**adopted, sammanfattande_analys="Annan."),
                                              "f.yml", "HEAD")] == ["VB806"]
    assert adoption_problems(before, _report(**adopted, **fixed, sammanfattande_analys="Annan."), "f.yml", "HEAD") == []
    assert [p.code for p in adoption_problems(_report(**adopted, **fixed), before, "f.yml", "HEAD")] == ["VB807"]


def test_vb_diff_shows_the_adoption_and_a_rattelse_first(repo, capsys):
    _git(repo, "tag", "fastställd")
    _change_a_figure(repo)
    report = repo / REPORT
    report.write_text(report.read_text(encoding="utf-8") + CORRECTION, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "rättelse")
    capsys.readouterr()
    assert main(["diff", "fastställd", "HEAD"]) == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("- ")]
    assert lines[0] == ("- RÄTTELSE av fastställd rapport 2022-03-15 har lagts till (Utfallet av indikatorn i mål 1.4. "
                        "Skäl: Fel siffra skrevs av från systemet.)")
    assert any("utfall: 95" in line and "→ 96" in line for line in lines[1:])
