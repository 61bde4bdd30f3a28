"""`vb diff`: changes between two git revisions, matched by report identity and said in Swedish."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from generator.authoring.diff import Change, Kind, compare, number, render_markdown, snapshot
from generator.cli import main
from generator.render.text import md_escape
from tests.conftest import COUNCIL_T1_PATH, UNIT_VB, UNIT_VB_PATH, VALID_FILES, write_tree

NB = "\u00a0"  # numbers are written with non-breaking spaces: 8 000 tkr, 92,5 %
UNIT_TITLE = "Enhet A – Verksamhetsberättelse 2021"


def git(repo: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.se",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.se",
        "HOME": str(repo),
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit, tagged `base`, holds the valid content tree in content/."""
    write_tree(tmp_path / "content")
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "--quiet", "-m", "Första versionen")
    git(tmp_path, "tag", "base")
    return tmp_path


def edit(repo: Path, relative: str, old: str, new: str) -> None:
    path = repo / "content" / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit(repo: Path, message: str = "Ändring") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", message)


def run_diff(repo: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args, "--content", str(repo / "content")])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_status_change_between_two_commits(repo, capsys):
    edit(repo, UNIT_VB_PATH, "status: Uppfylls delvis\n    ", "status: Uppfylls helt\n    ")
    commit(repo)
    code, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert code == 0
    assert out.splitlines() == [
        "Ändringar i innehållet från base till HEAD:",
        "",
        f"{UNIT_TITLE} (content/{UNIT_VB_PATH})",
        '  - Enhetsmålet "Personalen går utbildning i bemötande": Uppfylls delvis → Uppfylls helt',
    ]


def test_indicator_values_and_economy_amounts_in_swedish(repo, capsys):
    edit(repo, UNIT_VB_PATH, "utfall: 92.5", "utfall: 88")
    edit(repo, UNIT_VB_PATH, "{namn: Personal, utfall: 8000", "{namn: Personal, utfall: 8100")
    commit(repo)
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert f"  - Andel nöjda äldre, utfall: 92,5{NB}% → 88{NB}%" in out.splitlines()
    assert (
        f"  - Analys av resultaträkning - uppföljning av driftbudget: resultaträkning, Personal, utfall: "
        f"8{NB}000{NB}tkr → 8{NB}100{NB}tkr"
    ) in out.splitlines()


def test_working_tree_is_the_default_head(repo, capsys):
    edit(repo, UNIT_VB_PATH, "utfall: 130", "utfall: 141")
    _, out, _ = run_diff(repo, capsys, "base")
    assert out.splitlines()[0] == "Ändringar i innehållet från base till arbetskopian:"
    assert f"  - Antal förebyggande hembesök, utfall: 130{NB}st → 141{NB}st" in out.splitlines()
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")  # the commit itself has not changed
    assert "Inga ändringar" in out


def test_added_and_renamed_units_in_the_organisation(repo, capsys):
    edit(repo, "organisation.yml", "  - id: enhet-c\n", "  - id: enhet-c2\n")
    with (repo / "content/organisation.yml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: enhet-d\n    namn: Enhet D\n    avdelning: ifo\n    verksamhetsomrade: individ-familj\n")
    edit(repo, "organisation.yml", "    namn: Enhet B\n", "    namn: Enhet Bäcken\n")
    commit(repo)
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert out.splitlines()[2:] == [
        "Organisationen (content/organisation.yml)",
        "  - Enheten enhet-b har bytt namn: Enhet B → Enhet Bäcken",
        '  - Enheten "Enhet C" har fått nytt id: enhet-c → enhet-c2',
        "  - Enheten enhet-d har lagts till (Enhet D)",
    ]


def test_a_moved_report_is_matched_by_organisation_year_and_period(repo, capsys):
    git(repo, "mv", f"content/{COUNCIL_T1_PATH}", "content/rapporter/namnden/2021-t1.yaml")
    edit(repo, "rapporter/namnden/2021-t1.yaml", "prognos: 55", "prognos: 52")
    commit(repo, "Flytta")
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert out.splitlines()[2:] == [
        "Testnämnden – Tertialrapport 1 2021 (content/rapporter/namnden/2021-t1.yaml)",
        f"  - Filen har flyttats: content/{COUNCIL_T1_PATH} → content/rapporter/namnden/2021-t1.yaml",
        f"  - Väntetid till särskilt boende, prognos helår: 55{NB}dagar → 52{NB}dagar",
    ]


def test_changed_added_and_removed_analyses_with_excerpts(repo, capsys):
    edit(
        repo,
        UNIT_VB_PATH,
        "analys: Hälften av personalen har gått utbildningen.",
        "analys: Tre fjärdedelar av personalen har gått utbildningen.",
    )
    edit(repo, UNIT_VB_PATH, "analys: Målet uppfylls.", 'analys: ""')
    edit(
        repo,
        UNIT_VB_PATH,
        "systematiskt_kvalitetsarbete: Enheten följer upp kvaliteten varje månad.",
        "systematiskt_kvalitetsarbete: Enheten följer upp kvaliteten varje månad.\novrigt: Inga klagomål har kommit in.",
    )
    commit(repo)
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert out.splitlines()[3:] == [
        "  - Mål 1.1, analys: texten har tagits bort (var: ”Målet uppfylls.”)",
        '  - Enhetsmålet "Personalen går utbildning i bemötande", analys: ändrad text: '
        "”Tre fjärdedelar av personalen har gått utbildningen.”",
        "  - Övrigt: ny text: ”Inga klagomål har kommit in.”",
    ]


def test_reports_added_and_removed(repo, capsys):
    (repo / "content" / UNIT_VB_PATH).unlink()
    target = repo / "content/rapporter/enhet-b/2021-vb.yml"
    target.parent.mkdir(parents=True)
    target.write_text(UNIT_VB.replace("organisation: enhet-a", "organisation: enhet-b"), encoding="utf-8")
    commit(repo)
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert out.splitlines()[2:7] == [
        f"{UNIT_TITLE} (content/{UNIT_VB_PATH})",
        "  - Rapporten har tagits bort",
        "",
        "Enhet B – Verksamhetsberättelse 2021 (content/rapporter/enhet-b/2021-vb.yml)",
        "  - Rapporten har lagts till (1 mål, 2 enhetsmål)",
    ]  # the new report's content follows (tests/generator/test_diff_new_report.py)


def test_catalogue_changes(repo, capsys):
    edit(repo, "katalog/2021.yml", "arsmal: 120", "arsmal: 125")
    edit(repo, "katalog/2021.yml", "                galler:\n                  - enhet-c\n", "")
    commit(repo)
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert out.splitlines()[2:] == [
        "Målkatalogen 2021 (content/katalog/2021.yml)",
        f"  - Indikatorn antal-besok, årsmål: 120{NB}st → 125{NB}st",
        "  - Aktiviteten akt-foraldraskap, gäller: enhet-c → alla",
    ]


def test_an_unreadable_file_is_reported_not_taken_as_removed(repo, capsys):
    edit(repo, UNIT_VB_PATH, "organisation: enhet-a\n", "organisation: enhet-a\n  fel: [\n")
    _, out, _ = run_diff(repo, capsys, "base")
    assert "Filen kan inte läsas: YAML-filen kan inte tolkas" in out
    assert "har tagits bort" not in out


def test_markdown_for_a_pull_request_comment(repo, capsys):
    edit(repo, UNIT_VB_PATH, "analys: Målet uppfylls.", "analys: Se [<b>sidan</b>](https://example.se).")
    _, out, _ = run_diff(repo, capsys, "base", "--format", "markdown")
    lines = out.splitlines()
    assert lines[:4] == [
        "<!-- vb diff -->",
        "### Ändringar i rapporterna",
        "",
        "Från `base` till `arbetskopian`: 1 ändring i 1 fil.",
    ]
    assert f"#### {UNIT_TITLE}" in lines and f"`content/{UNIT_VB_PATH}`" in lines
    assert lines[-1] == r"- Mål 1.1, analys: ändrad text: ”Se \[&lt;b&gt;sidan&lt;/b&gt;\](https://example.se).”"
    html = MarkdownIt("commonmark").enable("table").render(lines[-1])  # as GitHub shows the comment: no link, no HTML
    assert "<a" not in html and "<b>" not in html and "&lt;b&gt;sidan" in html


def test_unknown_revision_and_no_repository_are_coded_messages(repo, tmp_path_factory, capsys):
    code, _, err = run_diff(repo, capsys, "no-such-branch")
    assert code == 1 and "fel VB802" in err and "no-such-branch kan inte läsas ur git" in err
    elsewhere = write_tree(tmp_path_factory.mktemp("utan-git") / "content")
    code = main(["diff", "HEAD", "--content", str(elsewhere)])
    err = capsys.readouterr().err
    assert code == 1 and "fel VB803" in err and "git-arkiv" in err


def test_compare_is_pure_over_file_bytes():
    files = {name: text.encode("utf-8") for name, text in VALID_FILES.items()}
    changed = dict(files)
    changed[UNIT_VB_PATH] = UNIT_VB.replace("utfall: 45", "utfall: 61").encode("utf-8")
    assert compare(snapshot(files), snapshot(files)) == []
    assert compare(snapshot(files), snapshot(changed)) == [
        Change(
            UNIT_TITLE,
            f"content/{UNIT_VB_PATH}",
            Kind.CHANGED,
            "Väntetid till särskilt boende, utfall",
            f"45{NB}dagar",
            f"61{NB}dagar",
        ),
    ]


@pytest.mark.parametrize(
    ("swapped", "named"),
    [
        ("Hälften\u00a0av", "U+00A0 (hårt mellanslag)"),
        ("Hälften av\u200b", "U+200B (osynligt mellanrum)"),
        ("Hälften av pers\u043enalen", "U+043E (kyrillisk bokstav \u043e)"),
    ],
)
def test_a_change_a_reader_cannot_see_is_named_not_shown_as_the_same_text(swapped, named):
    """A reviewer shown the same sentence before and after would approve a change nobody can see."""
    files = {name: text.encode("utf-8") for name, text in VALID_FILES.items()}
    changed = dict(files)
    old = "Hälften av personalen" if "pers" in swapped else "Hälften av"
    assert old in UNIT_VB
    changed[UNIT_VB_PATH] = UNIT_VB.replace(old, swapped, 1).encode("utf-8")
    [change] = compare(snapshot(files), snapshot(changed))
    assert change.kind is Kind.TEXT_UNSEEN and change.after == named


def test_a_new_paragraph_is_a_change_that_shows():
    files = {name: text.encode("utf-8") for name, text in VALID_FILES.items()}
    changed = dict(files)
    block = "analys: |\n                  Hälften\n\n                  av personalen har gått utbildningen."
    assert "analys: Hälften av personalen har gått utbildningen." in UNIT_VB
    text = UNIT_VB.replace("analys: Hälften av personalen har gått utbildningen.", block, 1)
    changed[UNIT_VB_PATH] = text.encode("utf-8")
    kinds = [change.kind for change in compare(snapshot(files), snapshot(changed))]
    assert kinds == [Kind.TEXT_CHANGED]  # "Hälften" and "av personalen …" are two paragraphs now: it shows


def test_swedish_numbers_and_markdown_escaping():
    assert number(2784.9, "tkr") == f"2{NB}784,9{NB}tkr"
    assert number(-3204) == f"\u22123{NB}204"  # a true minus sign, as on the site
    assert number(8.6, "%") == f"8,6{NB}%"
    assert md_escape("*fet* <b> [x](y) a|b ~x~") == r"\*fet\* &lt;b&gt; \[x\](y) a\|b &#126;x&#126;"
    assert (
        render_markdown([], "a", "b").splitlines()[-1] == "Inga ändringar i rapporter, målkataloger eller organisation."
    )


def test_council_budget_rows_and_resultatenheter(repo, capsys):
    edit(repo, COUNCIL_T1_PATH, "prognos_efter: 208.5", "prognos_efter: 209.5")
    edit(repo, COUNCIL_T1_PATH, "            resultat: -200\n", "            resultat: -250\n")
    commit(repo)
    _, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert out.splitlines()[2:] == [
        f"Testnämnden – Tertialrapport 1 2021 (content/{COUNCIL_T1_PATH})",
        "  - Uppföljning av driftbudget: driftbudget, Äldreomsorg, varav Hemtjänst, prognos efter resultatöverföring: "
        f"208,5{NB}mnkr → 209,5{NB}mnkr",
        f"  - Resultatenheter: resultatenheter, enhet-a, resultat: \u2212200{NB}tkr → \u2212250{NB}tkr",
    ]


def test_everything_is_new_against_an_empty_revision():
    files = {name: text.encode("utf-8") for name, text in VALID_FILES.items()}
    changes = compare(snapshot({}), snapshot(files))
    assert [
        (c.group, c.kind, c.subject) for c in changes if c.kind is not Kind.STATED and c.kind is not Kind.TEXT_ADDED
    ] == [
        (UNIT_TITLE, Kind.ADDED, "Rapporten"),
        ("Testnämnden – Tertialrapport 1 2021", Kind.ADDED, "Rapporten"),
        ("Organisationen", Kind.ADDED, "Organisationen"),
        ("Målkatalogen 2021", Kind.ADDED, "Målkatalogen"),
    ]
