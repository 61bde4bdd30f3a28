"""`vb build` and the MkDocs plugin: a site from a small tree, a failed build never touches site/, the real content builds strictly."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.build.plugin import VbPlugin
from generator.cli import main
from generator.content.load import load_content
from generator.engine.plugin import outside_links
from generator.render.environment import TEMPLATES
from tests.content.conftest import report_of
from tests.render.tree import UNIT_VB, UNIT_VB_PATH, write_tree
from tests.toc import table_of_contents

ROOT = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"


def _config(root: Path, docs: dict[str, str] | None = None) -> Path:
    """The project's mkdocs.yml with docs_dir pointing at a docs folder of the test's own."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs_dir = root / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    (root / "README.md").write_text("# Projektet\n", encoding="utf-8")
    default = {"om.md": "# Om webbplatsen\n\nFormatet beskrivs i [README.md](../README.md#format).\n"}
    for name, text in (docs if docs is not None else default).items():
        (docs_dir / name).write_text(text, encoding="utf-8")
    settings["docs_dir"] = str(docs_dir)
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config


def _vb_build(root: Path, config: Path, *options: str) -> int:
    return main(
        ["build", "--content", str(root / "content"), "--site", str(root / "site"), "--config", str(config), *options]
    )


def _staging_left(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if p.name.startswith(".site-")]


class _NavTexts(HTMLParser):
    """Link texts (Material's md-ellipsis spans) inside the first <nav> whose class includes `wanted`."""

    def __init__(self, wanted: str) -> None:
        super().__init__()
        self.wanted = wanted
        self.depth = 0  # nav nesting inside the wanted nav; 0 when outside
        self.done = False
        self.in_text = False
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and not self.done and (self.depth or self.wanted in classes):
            self.depth += 1
        elif tag == "span" and self.depth and "md-ellipsis" in classes:
            self.in_text = True
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1
            self.done = self.depth == 0
        elif tag == "span":
            self.in_text = False

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.texts[-1] += data.strip()


def _nav_texts(page: str, wanted: str) -> list[str]:
    parser = _NavTexts(wanted)
    parser.feed(page)
    assert parser.done, f"the page has no <nav class={wanted}>"
    return parser.texts


def _secondary_toc(page: str) -> list[str]:
    """The page's table of contents as Material shows it."""
    return _nav_texts(page, "md-nav--secondary")


def _breadcrumbs(page: str) -> list[str]:
    """The page's breadcrumbs (navigation.path)."""
    return _nav_texts(page, "md-path")


def test_vb_build_makes_the_site_from_a_small_tree(tmp_path, capsys):
    write_tree(tmp_path / "content")
    assert _vb_build(tmp_path, _config(tmp_path), "--utan-pdf") == 0  # a build with its PDFs: tests/pdf/
    site = tmp_path / "site"
    for page in (
        "index.html",
        "2021/vb/index.html",
        "2021/vb/hemtjansten/index.html",
        "2021/vb/hemtjansten/utskrift/index.html",
        "2021/t1/provnamnden/index.html",
        "2021/t1/provnamnden/mal/1/index.html",
        "2021/t1/provnamnden/ekonomi/index.html",
        "2021/t1/provnamnden/utskrift/index.html",
        "enheter/index.html",
        "enheter/hemtjansten/index.html",
        "om/index.html",
        "assets/vb.css",
    ):
        assert (site / page).is_file(), page
    assert "Webbplatsen är byggd" in capsys.readouterr().out
    assert _staging_left(tmp_path) == []
    goal_page = (site / "2021/t1/provnamnden/mal/1/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in goal_page
    assert _breadcrumbs(goal_page) == [
        "Start",
        "T1 2021",
        "Provnämnden",
        "Uppföljning av Kommunfullmäktiges inriktningsmål",
    ]
    assert _secondary_toc(goal_page) == ["1.1. Äldre har en trygg vardag"]
    economy = (site / "2021/t1/provnamnden/ekonomi/index.html").read_text(encoding="utf-8")
    assert f'<td style="text-align:right">2{NBSP}784,9</td>' in economy
    assert "@media print" in (site / "assets/vb.css").read_text(encoding="utf-8")
    about = (site / "om/index.html").read_text(encoding="utf-8")
    assert "Formatet beskrivs i README.md." in about  # a link out of docs/ would be broken on the site


def test_links_from_guides_to_project_files_go_to_the_repository_or_become_text(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "README.md").write_text("# Projektet\n", encoding="utf-8")
    text = (
        "Se [README](../README.md#felkoder), [sida](annan.md), [webb](https://x.se), [här](#del) och ![bild](../b.png)."
    )
    kept = "[sida](annan.md), [webb](https://x.se), [här](#del) och ![bild](../b.png)."
    assert outside_links(text, docs, docs, tmp_path, None) == (f"Se README, {kept}", ["../README.md#felkoder"])
    linked = "Se [README](https://example.org/vb/blob/HEAD/README.md#felkoder), " + kept
    assert outside_links(text, docs, docs, tmp_path, "https://example.org/vb/") == (linked, [])
    assert outside_links("[x](../saknas.md)", docs, docs, tmp_path, "https://example.org/vb") == ("x", ["../saknas.md"])


def test_a_failing_check_leaves_the_last_site_untouched(tmp_path, capsys):
    broken = UNIT_VB.replace("status: klar", "status: klart")
    write_tree(tmp_path / "content", {UNIT_VB_PATH: broken})
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("förra bygget", encoding="utf-8")
    assert _vb_build(tmp_path, _config(tmp_path)) == 1
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "förra bygget"
    output = capsys.readouterr()
    assert "VB105" in output.out
    assert "webbplatsen byggs inte" in output.err
    assert _staging_left(tmp_path) == []


def test_a_failing_mkdocs_build_leaves_the_last_site_untouched(tmp_path, capsys):
    write_tree(tmp_path / "content")
    config = _config(tmp_path, {"trasig.md": "# Trasig\n\nSe [sidan](finns-inte.md).\n"})
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("förra bygget", encoding="utf-8")
    assert _vb_build(tmp_path, config) == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "förra bygget"
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert "Webbplatsen kunde inte byggas" in capsys.readouterr().err
    assert _staging_left(tmp_path) == []


def test_mkdocs_stops_on_content_errors_with_the_swedish_messages(tmp_path):
    write_tree(tmp_path / "content", {UNIT_VB_PATH: UNIT_VB.replace("status: klar", "status: klart")})
    config = _config(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "Innehållet har fel, så webbplatsen byggs inte" in result.stderr
    assert "VB105" in result.stderr and "Så rättar du" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.slow
def test_mkdocs_build_strict_of_the_real_content(mkdocs_real_site):
    site = mkdocs_real_site  # built with --strict: any warning fails it
    content = load_content(ROOT / "content")
    report = report_of(content, "hagersten-alvsjo", 2021, "T1")
    printed = (site / "2021/t1/hagersten-alvsjo/utskrift/index.html").read_text(encoding="utf-8")
    assert _secondary_toc(printed) == [title for _, title in table_of_contents(report, content.catalogue(2021), True)]
    unit = (site / "2020/vb/bestallarenheten-aldre/index.html").read_text(encoding="utf-8")
    # units' reports by avdelning; a report is its own section, so its name ends the path
    assert _breadcrumbs(unit) == ["Start", "VB 2020", "Avdelningen för äldreomsorg", "Beställarenheten äldre"]
    assert _secondary_toc(unit) == [
        title
        for _, title in table_of_contents(
            report_of(content, "bestallarenheten-aldre", 2020, "VB"), content.catalogue(2020), False
        )
    ]
    assert (site / "enheter/glasade-gangen/index.html").is_file()


class _Server:
    """Stands in for MkDocs' live-reload server: records what is watched."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_content_and_templates(tmp_path):
    plugin = VbPlugin()
    plugin.content_root = tmp_path / "content"
    server = _Server()
    assert plugin.on_serve(server, config=None, builder=None) is server
    assert server.watched == [str(tmp_path / "content"), str(TEMPLATES)]
