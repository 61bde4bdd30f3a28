"""`vb codeowners`: report folders owned by the unit's and the avdelning's reviewers."""

from __future__ import annotations

import subprocess

import yaml

from generator.authoring.codeowners import codeowners
from generator.cli import main
from generator.content.models import Organisation
from tests.conftest import ORGANISATION

# Avdelning aldre: controller-anna (and an e-mail address); ifo: nobody.
# enhet-a: its own reviewer and anna again (written with @, must not be repeated); enhet-b: none of its own;
# enhet-c: nobody at all.
WITH_REVIEWERS = ORGANISATION.replace(
    "      - controller-anna\n", "      - controller-anna\n      - ekonomi@example.se\n"
).replace(
    "    enhetschef: Anna Andersson\n",
    "    enhetschef: Anna Andersson\n    granskare:\n      - chef-a\n      - '@controller-anna'\n",
)

EXPECTED = """\
# Skapad av `vb codeowners` från organisation.yml: ändra granskare där och kör kommandot igen.
# Den som äger en mapp måste godkänna ändringar i den innan de slås ihop.

# Organisationen, målkatalogerna och nämndens rapporter: alla avdelningars granskare.
/content/organisation.yml @controller-anna ekonomi@example.se
/content/katalog/ @controller-anna ekonomi@example.se
/content/rapporter/namnden/ @controller-anna ekonomi@example.se

# Enheternas rapporter: enhetens granskare och avdelningens granskare.
/content/rapporter/enhet-a/ @chef-a @controller-anna ekonomi@example.se
/content/rapporter/enhet-b/ @controller-anna ekonomi@example.se
# /content/rapporter/enhet-c/ har ingen granskare: lägg till granskare för Enhet C (enhet-c) i organisation.yml.
"""


def organisation(text: str = WITH_REVIEWERS) -> Organisation:
    return Organisation.model_validate(yaml.safe_load(text))


def test_codeowners_text_matches_the_hand_written_file():
    assert codeowners(organisation()) == EXPECTED


def test_without_any_reviewers_every_line_is_a_comment():
    text = codeowners(
        organisation(ORGANISATION.replace("    granskare:\n      - controller-anna\n", "")), "rapportering/content"
    )
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules == []
    assert (
        "# /rapportering/content/katalog/ har ingen granskare: lägg till granskare för avdelningarna i organisation.yml."
        in text
    )


def test_handles():
    from generator.check.reviewers import owner

    assert [owner(h) for h in ("anna", "@anna", "@org/controllers", "a@b.se", "@grupp/under/team")] == [
        "@anna",
        "@anna",
        "@org/controllers",
        "a@b.se",
        "@grupp/under/team",
    ]


def test_command_writes_the_file_with_paths_from_the_repository_root(make_tree, tmp_path, capsys):
    root = make_tree({"organisation.yml": WITH_REVIEWERS}, name="content")
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)
    out = tmp_path / ".github" / "CODEOWNERS"
    assert main(["codeowners", "--content", str(root), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == EXPECTED
    assert "Skrev" in capsys.readouterr().out


def test_command_prints_with_dash_and_reports_a_broken_organisation(make_tree, capsys):
    root = make_tree({"organisation.yml": WITH_REVIEWERS.replace("namnd:\n", "namnd:\n  okand: 1\n")})
    assert main(["codeowners", "--content", str(root), "--out", "-"]) == 1
    err = capsys.readouterr().err
    assert "fel VB102" in err and '"okand"' in err


def test_outside_git_paths_are_relative_to_the_current_folder(make_tree, tmp_path, monkeypatch, capsys):
    make_tree({"organisation.yml": WITH_REVIEWERS}, name="content")
    monkeypatch.chdir(tmp_path)
    assert main(["codeowners", "--out", "-"]) == 0
    assert capsys.readouterr().out == EXPECTED
