"""Adopted reports, tried on the real content: adopt, change a figure and be refused, record a rättelse and see
the check accept it and the page and the diff say so."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from generator.authoring.adopt import correction_item, with_correction
from generator.check.run import check_paths
from generator.cli import main
from generator.content.adoption import adopted_copy_path, checksum, recorded
from generator.content.load import load_content
from generator.render.site import Site
from tests.site_pages import site_of

ROOT = Path(__file__).resolve().parents[2]
UNIT = "rapporter/glasade-gangen/2021-vb.yml"
COUNCIL = "rapporter/hagersten-alvsjo/2021-t1.yml"
ROW = "Andel brukare som är nöjd med sin insats - Funktionsnedsättning (stöd och service till personer med funktionsnedsättning)"
FIGURE_BEFORE = "      utfall: 95\n      utfall_man: 92\n"
FIGURE_AFTER = "      utfall: 96\n      utfall_man: 92\n"
DECISION = "Fastställd av nämnden 2022-02-17 § 12, dnr HÄ 2022/45"
WHAT = "Andel nöjda brukare: 96 %, inte 95 %."
WHY = "Fel i sammanställningen av enkäten."
NB = "\u00a0"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the real content/."""
    return Path(shutil.copytree(ROOT / "content", tmp_path / "content"))


def adopt(content: Path, relative: str = UNIT) -> int:
    return main(
        ["faststall", str(content / relative), "--datum", "2022-02-17", "--paragraf", "12", "--dnr", "HÄ 2022/45"]
    )


def correct(content: Path, relative: str = UNIT) -> int:
    return main(["rattelse", str(content / relative), "--vad", WHAT, "--varfor", WHY, "--datum", "2022-03-01"])


def change_figure(content: Path) -> None:
    path = content / UNIT
    text = path.read_text(encoding="utf-8")
    assert text.count(FIGURE_BEFORE) == 1
    path.write_text(text.replace(FIGURE_BEFORE, FIGURE_AFTER), encoding="utf-8")


def errors(content: Path, *paths: Path) -> list[tuple[str, str, int | None]]:
    """(code, file name, line) of every error `vb check` finds."""
    result = check_paths(list(paths) or [content])
    return [(p.code, Path(p.file).name, p.line) for p in result.problems if p.severity.value == "fel"]


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def row(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(f"| {ROW} |"))


# --- adopting, refusing, correcting --------------------------------------------


def test_adopting_a_real_report_saves_the_adopted_copy_and_stays_valid(content, capsys):
    assert adopt(content) == 0
    report, copy = content / UNIT, Path(adopted_copy_path(str(content / UNIT)))
    assert copy.read_bytes() == report.read_bytes()
    assert errors(content) == []
    loaded = load_content(content).reports
    model = next(r.model for r in loaded if r.file.endswith(UNIT))
    assert (model.faststalld.datum, model.faststalld.paragraf, model.faststalld.diarienummer) == (
        date(2022, 2, 17),
        12,
        "HÄ 2022/45",
    )
    assert recorded(model) == checksum(model)
    assert "git add" in capsys.readouterr().out


def test_a_changed_figure_in_an_adopted_report_is_refused(content, capsys):
    adopt(content)
    change_figure(content)
    assert errors(content) == [("VB221", "2021-vb.yml", line_of(content / UNIT, "faststalld:"))]
    capsys.readouterr()
    assert main(["check", str(content / UNIT)]) == 1
    out = capsys.readouterr().out
    assert "VB221" in out and f"vb rattelse {content / UNIT}" in out


def test_the_same_figure_changed_before_adoption_is_not_refused(content):
    change_figure(content)
    assert errors(content) == []


def test_a_recorded_rattelse_is_accepted(content):
    adopt(content)
    change_figure(content)
    assert correct(content) == 0
    assert errors(content) == []
    model = next(r.model for r in load_content(content).reports if r.file.endswith(UNIT))
    assert [(c.datum, c.vad, c.varfor) for c in model.rattelser] == [(date(2022, 3, 1), WHAT, WHY)]


def test_a_second_change_after_a_rattelse_needs_a_second_rattelse(content):
    adopt(content)
    change_figure(content)
    correct(content)
    path = content / UNIT
    path.write_text(
        path.read_text(encoding="utf-8").replace("      utfall: 96\n", "      utfall: 97\n"), encoding="utf-8"
    )
    found = check_paths([content]).problems
    assert [p.code for p in found if p.code == "VB221"] == ["VB221"]
    assert "sedan rättelsen 2022-03-01" in next(p.message for p in found if p.code == "VB221")


def test_rattelse_refuses_when_nothing_changed_and_when_not_adopted(content, capsys):
    assert correct(content) == 1
    assert "VB812" in capsys.readouterr().err
    adopt(content)
    before = (content / UNIT).read_bytes()
    assert correct(content) == 1
    assert "VB813" in capsys.readouterr().err
    assert (content / UNIT).read_bytes() == before


def test_faststall_refuses_an_adopted_report_and_a_report_with_errors(content, capsys):
    adopt(content)
    capsys.readouterr()
    assert adopt(content) == 1
    assert "VB811" in capsys.readouterr().err
    path = content / COUNCIL
    path.write_text(path.read_text(encoding="utf-8").replace("period: T1\n", "period: T3\n", 1), encoding="utf-8")
    assert adopt(content, COUNCIL) == 1
    captured = capsys.readouterr()
    assert "VB814" in captured.err and "VB105" in captured.out
    assert not Path(adopted_copy_path(str(path))).exists()


def test_checking_only_the_report_also_checks_its_adopted_copy(content):
    adopt(content)
    copy = Path(adopted_copy_path(str(content / UNIT)))
    copy.write_text(copy.read_text(encoding="utf-8").replace(FIGURE_BEFORE, FIGURE_AFTER), encoding="utf-8")
    assert ("VB226", copy.name, line_of(copy, "faststalld:")) in errors(content, content / UNIT)


def test_the_checksum_ignores_how_the_file_is_written_but_not_a_figure(content):
    path = content / UNIT
    adopt(content)
    text = path.read_text(encoding="utf-8")
    path.write_text("# En kommentar\n" + text.replace("period: VB\n", "period: 'VB'  # perioden\n"), encoding="utf-8")
    assert errors(content) == []
    change_figure(content)
    assert [code for code, *_ in errors(content)] == ["VB221"]


# --- the site ---------------------------------------------------------------------


@dataclass(frozen=True)
class Adopted:
    """The real content with the unit's VB adopted, changed and corrected and the council's T1 adopted, and its pages."""

    content: Path
    site: Site


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Adopted:
    """Every page of that content, rendered once for the tests that only read them."""
    content = Path(shutil.copytree(ROOT / "content", tmp_path_factory.mktemp("faststalld") / "content"))
    assert adopt(content) == 0
    assert adopt(content, COUNCIL) == 0
    change_figure(content)
    assert correct(content) == 0
    return Adopted(content, site_of(content))


@pytest.mark.slow  # renders every page of the real content
def test_the_page_says_adopted_lists_the_rattelse_and_links_the_adopted_version(adopted):
    page = adopted.site.pages["2021/vb/glasade-gangen/index.md"]
    adopted_page = adopted.site.pages["2021/vb/glasade-gangen/faststalld/index.md"]
    assert f"**{DECISION}.** [Den fastställda versionen](faststalld/index.md)" in page
    assert f"- 2022-03-01: {WHAT} Varför: {WHY}" in page
    assert row(page).startswith(f"| {ROW} | 96{NB}% |")
    assert row(adopted_page).startswith(f"| {ROW} | 95{NB}% |")
    copy = next(c.model for c in load_content(adopted.content).adopted if Path(c.file).parent.name == "glasade-gangen")
    assert f"`{copy.faststalld.kontrollsumma}`" in adopted_page
    assert "search:\n  exclude: true" in adopted_page.split("\n---\n")[0]
    assert "[Den gällande versionen, med rättelser efter fastställandet](../index.md)" in adopted_page
    assert "Varför" not in adopted_page


@pytest.mark.slow  # renders every page of the real content
def test_an_adopted_council_report_shows_it_on_its_front_page_and_print_view(adopted):
    base = "2021/t1/hagersten-alvsjo"
    for path in (f"{base}/index.md", f"{base}/utskrift.md"):
        assert f"**{DECISION}.** [Den fastställda versionen](faststalld/index.md)" in adopted.site.pages[path]
    assert f"{base}/faststalld/index.md" in adopted.site.pages
    assert "Rättelser efter fastställandet" not in adopted.site.pages[f"{base}/index.md"]


@pytest.mark.slow  # renders every page of the real content
def test_every_link_of_a_site_with_adopted_reports_reaches_a_page(adopted):
    from tests.render.test_pages import _broken_links

    assert _broken_links(adopted.site) == []


# --- vb diff ----------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.se",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.se",
        "HOME": str(repo),
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def diff(content: Path, capsys, *args: str) -> str:
    capsys.readouterr()
    assert main(["diff", "adopted", *args, "--content", str(content)]) == 0
    return capsys.readouterr().out


def test_diff_shows_a_change_to_an_adopted_report_and_its_rattelse(content, capsys):
    repo = content.parent
    adopt(content)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Fastställd")
    git(repo, "tag", "adopted")
    change_figure(content)
    unrecorded = diff(content, capsys)
    assert "  ** Ändring i fastställd rapport (fastställd av nämnden 2022-02-17 § 12, dnr HÄ 2022/45) **" in unrecorded
    assert "  ! Ingen rättelse är antecknad: vb check godtar inte ändringen." in unrecorded
    correct(content)
    recorded_text = diff(content, capsys)
    assert f"  ! Rättelse 2022-03-01: {WHAT} Varför: {WHY}" in recorded_text.splitlines()
    assert "Ingen rättelse" not in recorded_text
    assert f"utfall: 95{NB}% → 96{NB}%" in recorded_text
    markdown = diff(content, capsys, "--format", "markdown")
    assert "##### ⚠️ Ändring i fastställd rapport (fastställd av nämnden 2022-02-17 § 12, dnr HÄ 2022/45)" in markdown
    assert f"- **Rättelse 2022-03-01: {WHAT} Varför: {WHY}**" in markdown


def test_diff_names_a_change_to_the_adopted_copy(content, capsys):
    repo = content.parent
    adopt(content)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Fastställd")
    git(repo, "tag", "adopted")
    copy = Path(adopted_copy_path(str(content / UNIT)))
    copy.write_text(copy.read_text(encoding="utf-8").replace(FIGURE_BEFORE, FIGURE_AFTER), encoding="utf-8")
    out = diff(content, capsys)
    assert re.search(r"! Den fastställda versionen \S*2021-vb\.faststalld\.yml har ändrats; den ska aldrig ändras", out)
    copy.unlink()
    assert "2021-vb.faststalld.yml har tagits bort" in diff(content, capsys)


def test_diff_says_when_a_report_is_adopted(content, capsys):
    repo = content.parent
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Före")
    git(repo, "tag", "adopted")
    adopt(content)
    out = diff(content, capsys)
    assert "  - Rapporten har fastställts av nämnden 2022-02-17 § 12, dnr HÄ 2022/45" in out.splitlines()
    assert "Ändring i fastställd rapport" not in out


# --- writing the rättelse into the YAML text ----------------------------------------


ITEM = correction_item(date(2022, 3, 1), "Vad", "Varför", "sha256:" + "0" * 64)


def test_a_rattelse_is_added_to_a_list_in_the_middle_of_the_file():
    text = "a: 1\nrattelser:\n- datum: 2022-02-20\n  vad: Första\n\n# om b\nb: 2\n"
    assert with_correction(text, ITEM) == (
        "a: 1\nrattelser:\n- datum: 2022-02-20\n  vad: Första\n- datum: 2022-03-01\n  vad: Vad\n  varfor: Varför\n"
        f"  kontrollsumma: sha256:{'0' * 64}\n\n# om b\nb: 2\n"
    )


def test_a_rattelse_replaces_an_empty_list_and_leaves_a_flow_list_alone():
    assert with_correction("rattelser: []\nb: 2\n", ITEM).startswith("rattelser:\n- datum: 2022-03-01\n")
    assert with_correction("rattelser: []\nb: 2\n", ITEM).endswith("\nb: 2\n")
    assert with_correction("rattelser: [{datum: 2022-02-20}]\n", ITEM) is None


def test_diff_of_an_adopted_report_that_cannot_be_read_does_not_call_it_removed(content, capsys):
    repo = content.parent
    adopt(content)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Fastställd")
    git(repo, "tag", "adopted")
    path = content / UNIT
    path.write_text(path.read_text(encoding="utf-8").replace("period: VB\n", "period: [VB\n", 1), encoding="utf-8")
    out = diff(content, capsys)
    assert "Filen kan inte läsas" in out
    assert "borttagen" not in out


def test_faststall_that_cannot_write_the_report_leaves_no_copy(content, capsys, monkeypatch):
    path = content / UNIT
    before = path.read_bytes()
    write = Path.write_bytes

    def refuse_report(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Åtkomst nekas")
        return write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_bytes", refuse_report)
    assert adopt(content) == 1
    err = capsys.readouterr().err
    assert "VB815" in err and "Åtkomst nekas" in err
    assert path.read_bytes() == before
    assert not Path(adopted_copy_path(str(path))).exists()


def only_the_adopted_report(content: Path) -> Path:
    """The content with Glasade gången's VB as its only report: the other reports' pages add nothing to what is built."""
    for report in (content / "rapporter").glob("*/*.yml"):
        if report.parent.name != "glasade-gangen":
            report.unlink()
    return content


@pytest.mark.slow  # builds a site with MkDocs
def test_vb_build_publishes_the_adopted_version_beside_the_corrected_report(content, capsys):
    import yaml

    only_the_adopted_report(content)
    adopt(content)
    change_figure(content)
    correct(content)
    root = content.parent
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (root / "docs").mkdir()
    settings["docs_dir"] = str(root / "docs")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    site = str(root / "site")
    # the adopted version's PDF, beside the corrected report's, is tests/pdf/test_adoption.py's
    assert main(["build", "--content", str(content), "--site", site, "--config", str(config), "--utan-pdf"]) == 0
    folder = root / "site/2021/vb/glasade-gangen"
    current = (folder / "index.html").read_text(encoding="utf-8")
    adopted = (folder / "faststalld/index.html").read_text(encoding="utf-8")
    assert DECISION in current and 'href="faststalld/"' in current and f"{WHAT} Varför: {WHY}" in current
    assert DECISION in adopted and 'href="../"' in adopted and WHAT not in adopted
    assert "data-pagefind-body" in current and "data-pagefind-body" not in adopted


def test_faststall_and_rattelse_keep_the_files_line_breaks(content):
    path = content / UNIT
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert adopt(content) == 0
    change_figure_crlf = path.read_bytes().replace(b"      utfall: 95\r\n", b"      utfall: 96\r\n")
    path.write_bytes(change_figure_crlf)
    assert correct(content) == 0
    for written in (path, Path(adopted_copy_path(str(path)))):
        raw = written.read_bytes()
        assert raw.count(b"\n") == raw.count(b"\r\n") > 0
    assert errors(content) == []


def test_adoption_and_rattelse_keep_a_report_in_the_editors_layout(content, capsys):
    path = content / UNIT
    assert main(["fmt", "--check", str(path)]) == 0
    adopt(content)
    change_figure(content)
    correct(content)
    capsys.readouterr()
    assert main(["fmt", "--check", str(path), adopted_copy_path(str(path))]) == 0, capsys.readouterr().err
    assert errors(content) == []


def test_an_adopted_report_with_a_type_error_is_told_the_error_not_a_missing_rattelse(content):
    adopt(content)
    path = content / UNIT
    path.write_text(
        path.read_text(encoding="utf-8").replace(FIGURE_BEFORE, '      utfall: "96,5"\n      utfall_man: 92\n'),
        encoding="utf-8",
    )
    codes = [code for code, *_ in errors(content)]
    assert "VB104" in codes and "VB221" not in codes
