"""`vb build` of a city: one site per district in parallel, a start page listing them, all published or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.city import DistrictBuild, concurrent_peak_mb, district_of, district_roots
from generator.cli import main
from generator.render.districts import District, districts_page
from tests.test_build import _config

pytestmark = pytest.mark.slow  # builds whole sites

BROKEN = "status: trasig"


def _city(root: Path) -> Path:
    """Two tiny districts written by `vb synth` (one unit each, one period)."""
    content = root / "stad"
    assert main(["synth", "--units", "1", "--periods", "VB", "--districts", "2", "--out", str(content)]) == 0
    return content


def _break(district: Path) -> None:
    """Give one of the district's unit reports an unknown status (VB105)."""
    report = next(p for p in sorted((district / "rapporter").rglob("*.yml")) if "status: " in p.read_text("utf-8"))
    text = report.read_text(encoding="utf-8")
    start = text.index("status: ")
    end = text.index("\n", start)
    report.write_text(text[:start] + BROKEN + text[end:], encoding="utf-8")


def _build(root: Path, content: Path) -> int:
    """`vb build --utan-pdf` of the city (its PDFs are tested in tests/pdf/)."""
    site, config = str(root / "site"), str(_config(root))
    return main(["build", "--content", str(content), "--site", site, "--config", config, "--utan-pdf"])


def test_each_district_gets_its_own_site_and_the_start_page_lists_them(tmp_path, capsys):
    content = _city(tmp_path)
    (content / "skarholmen" / "organisation.yml").write_text(
        (content / "skarholmen" / "organisation.yml")
        .read_text(encoding="utf-8")
        .replace("namn: Skärholmen stadsdelsnämnd", "namn: Skärholmen & <Söder> stadsdelsnämnd", 1),
        encoding="utf-8",
    )
    assert _build(tmp_path, content) == 0
    site = tmp_path / "site"
    assert sorted(p.name for p in site.iterdir()) == ["hagersten-alvsjo", "index.html", "skarholmen"]
    for district in ("hagersten-alvsjo", "skarholmen"):
        assert (site / district / "index.html").is_file()
        assert (site / district / "2021" / "vb" / "index.html").is_file()
        assert ".vb-skriv-ut" in (site / district / "assets" / "vb.css").read_text(encoding="utf-8")  # not printed
    moved = [
        p
        for p in (site / "skarholmen" / "2021" / "vb").glob("*/utskrift/index.html")
        if p.parent.parent.name != "skarholmen"
    ]  # the council's split report keeps its print view
    assert len(moved) == 1  # the one unit's former print view leads to its report, which is its own print view
    assert '<meta http-equiv="refresh" content="0; url=../">' in moved[0].read_text(encoding="utf-8")
    assert "Skriv ut</button>" in (moved[0].parent.parent / "index.html").read_text(encoding="utf-8")
    start = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in start
    assert '<li><a href="hagersten-alvsjo/">Hägersten-Älvsjö stadsdelsnämnd</a></li>' in start
    assert '<li><a href="skarholmen/">Skärholmen &amp; &lt;Söder&gt; stadsdelsnämnd</a></li>' in start
    out = capsys.readouterr().out
    assert "Hägersten-Älvsjö stadsdelsnämnd:" in out and "2 stadsdelar" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []
    assert list(site.rglob("*.pdf")) == [] and not (tmp_path / ".vb-pdf-cache").exists()  # --utan-pdf holds


def test_a_district_with_errors_publishes_nothing_and_names_the_district(tmp_path, capsys):
    content = _city(tmp_path)
    _break(content / "skarholmen")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("förra bygget", encoding="utf-8")
    assert _build(tmp_path, content) == 1
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "förra bygget"
    err = capsys.readouterr().err
    assert "Stadsdelen Skärholmen stadsdelsnämnd (skarholmen) kunde inte byggas" in err
    assert "VB105" in err and "trasig" in err
    assert "Hägersten-Älvsjö stadsdelsnämnd (hagersten-alvsjo) kunde inte" not in err
    assert f"Ingen stadsdel publicerades och {site.resolve()} är oförändrad" in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_district_folders_are_the_subfolders_with_an_organisation(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "organisation.yml").write_text("namnd:\n  namn: Bé\n", encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "organisation.yml").write_text(": inte yaml [", encoding="utf-8")
    (tmp_path / "annat").mkdir()
    assert district_roots(tmp_path) == [tmp_path / "a", tmp_path / "b"]
    assert district_of(tmp_path / "b") == District("b", "Bé")
    assert district_of(tmp_path / "a") == District("a", "a")  # unreadable: its build will say why
    (tmp_path / "organisation.yml").write_text("namnd: {}\n", encoding="utf-8")
    assert district_roots(tmp_path) == []  # one district's own tree


def test_start_page_escapes_names_and_folders():
    page = districts_page([District("a b", 'Nämnd "1" & <2>')])
    assert '<a href="a%20b/">Nämnd "1" &amp; &lt;2&gt;</a>' in page


def _run(peak: float, started: float, ended: float) -> DistrictBuild:
    return DistrictBuild(District("x", "X"), True, 1, ended - started, peak, started, ended, "")


def test_concurrent_peak_is_the_largest_sum_of_builds_running_together():
    builds = [_run(500, 0, 10), _run(400, 1, 5), _run(300, 6, 12), _run(700, 12, 20)]
    # at t=1: 500 + 400; at t=6: 500 + 300; at t=12 the third has just ended: 700
    assert concurrent_peak_mb(builds) == 900
    assert concurrent_peak_mb(builds[2:]) == 700


@pytest.mark.parametrize("value", ["-1", "två"])
def test_processes_must_be_a_whole_number(value, capsys):
    with pytest.raises(SystemExit):
        main(["build", "--processes", value])
    assert "ange 0 (en per kärna) eller ett heltal" in capsys.readouterr().err


def test_a_district_folder_that_is_a_link_is_refused(tmp_path, capsys):
    content = _city(tmp_path)
    first = sorted(p for p in content.iterdir() if p.is_dir())[0]
    moved = tmp_path / "utanfor"
    first.rename(moved)
    first.symlink_to(moved)
    assert _build(tmp_path, content) == 1
    err = capsys.readouterr().err
    assert "VB015" in err and first.name in err
    assert not (tmp_path / "site").exists()
