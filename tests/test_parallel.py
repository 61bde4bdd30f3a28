"""Building in several processes gives exactly the site that one process gives, and fails where one process fails."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures.process import _ExecutorManagerThread
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.build.site import prepare
from generator.cli import main
from generator.content.load import load_content
from generator.parallel import WorkerDied, cores, fork_map
from generator.render.site import PAGE_BUILDERS, assemble, nav_config
from tests.render.tree import UNIT_VB, UNIT_VB_PATH, write_tree
from tests.site_pages import data_of, site_of
from tests.test_build import _config


def test_fork_map_keeps_the_order_of_the_tasks():
    squares = fork_map(lambda number: number * number, 7, processes=3)
    assert squares == [0, 1, 4, 9, 16, 25, 36]
    assert fork_map(lambda number: number, 0, processes=2) == []
    assert fork_map(lambda number: number + 1, 2, processes=1) == [1, 2]
    assert cores() >= 1


def test_an_error_in_a_forked_task_is_raised_here():
    def task(number: int) -> int:
        if number == 2:
            raise ValueError("uppgift 2")
        return number

    with pytest.raises(ValueError, match="uppgift 2"):
        fork_map(task, 4, processes=2)


def test_a_map_leaves_no_thread_of_its_pool_behind():
    # A pool thread still running at exit makes Python print a traceback after a quiet Ctrl-C.
    def task(number: int) -> int:
        if number == 1:
            raise ValueError("uppgift 1")
        time.sleep(0.2)
        return number

    for _ in range(5):
        fork_map(lambda number: number, 3, processes=2)
        assert _pool_threads() == []
        with pytest.raises(ValueError, match="uppgift 1"):
            fork_map(task, 6, processes=2)
        assert _pool_threads() == []


def _pool_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread) and t.is_alive()]


def test_page_builders_in_two_processes_make_the_same_pages_and_navigation(tmp_path):
    tree = write_tree(tmp_path / "content")
    alone, together = site_of(tree, processes=1), site_of(tree, processes=2)
    assert together.pages == alone.pages
    assert nav_config(together.nav) == nav_config(alone.nav)
    assert together.redirects == alone.redirects


@pytest.mark.parametrize("per_part", [1, 2, 1000])
def test_builders_split_into_parts_make_the_pages_the_whole_builders_make(tmp_path, monkeypatch, per_part):
    tree = write_tree(tmp_path / "content")
    data = data_of(load_content(tree))
    whole = assemble(data, [builder(data) for builder in PAGE_BUILDERS])
    monkeypatch.setattr("generator.render.site.REPORTS_PER_PART", per_part)
    for split in (site_of(tree, processes=2), prepare(tree, 2)):
        assert list(split.pages) == list(whole.pages) and split.pages == whole.pages
        assert nav_config(split.nav) == nav_config(whole.nav)


def _pages(site: Path) -> dict[str, bytes]:
    """Every HTML page of a built site (the search index is left out: it is made by another program)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*.html")
        if "pagefind" not in p.relative_to(site).parts
    }


def _build(root: Path, config: Path, name: str, processes: int) -> int:
    return main(
        [
            "build",
            "--content",
            str(root / "content"),
            "--site",
            str(root / name),
            "--config",
            str(config),
            "--processes",
            str(processes),
            "--utan-pdf",  # the PDFs are made side by side in tests/pdf/
        ]
    )


@pytest.mark.slow
def test_pages_converted_in_two_processes_are_the_pages_mkdocs_makes_alone(tmp_path):
    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    assert _build(tmp_path, config, "ett", 1) == 0
    assert _build(tmp_path, config, "tva", 2) == 0
    alone, together = _pages(tmp_path / "ett"), _pages(tmp_path / "tva")
    assert sorted(together) == sorted(alone)
    assert [path for path in alone if together[path] != alone[path]] == []


def test_a_broken_link_found_while_converting_in_two_processes_still_stops_the_strict_build(tmp_path, capsys):
    broken = UNIT_VB.replace(
        "analys: Vandringarna genomfördes varje månad.", "analys: Vandringarna genomfördes enligt [planen](planen.md)."
    )
    assert broken != UNIT_VB
    write_tree(tmp_path / "content", {UNIT_VB_PATH: broken})
    site = tmp_path / "site"
    assert _build(tmp_path, _config(tmp_path), "site", 2) == 1
    assert not site.exists()
    err = capsys.readouterr().err
    assert "planen.md" in err
    assert "Webbplatsen kunde inte byggas" in err


@pytest.mark.slow
def test_a_later_build_in_the_same_process_reads_the_content_again(tmp_path):
    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    assert _build(tmp_path, config, "forsta", 2) == 0
    report = tmp_path / "content" / UNIT_VB_PATH
    report.write_text(report.read_text(encoding="utf-8").replace("varje månad", "varje vecka"), encoding="utf-8")
    build(load_config(config_file=str(config), site_dir=str(tmp_path / "andra")))  # MkDocs keeps the vb plugin
    page = (tmp_path / "andra" / "2021/vb/hemtjansten/index.html").read_text(encoding="utf-8")
    assert "varje vecka" in page and "varje månad" not in page


def test_a_page_builder_that_stops_in_another_process_stops_the_build_with_a_swedish_message(
    tmp_path, monkeypatch, capsys
):
    def broken(_site):
        raise KeyError("saknad-nyckel")

    monkeypatch.setattr("generator.render.site.PAGE_BUILDERS", [*PAGE_BUILDERS, broken])
    write_tree(tmp_path / "content")
    assert _build(tmp_path, _config(tmp_path), "site", 2) == 1
    assert not (tmp_path / "site").exists()
    err = capsys.readouterr().err
    assert "Sidorna kunde inte skapas (KeyError: 'saknad-nyckel')" in err
    assert "Traceback" not in err


def test_a_forked_process_that_dies_fails_the_map_instead_of_leaving_it_waiting():
    def task(number: int) -> int:
        if number == 1:
            os._exit(3)  # as a crash or the kernel's out-of-memory killer would end it
        return number

    with pytest.raises(WorkerDied, match="avslutades oväntat"):
        fork_map(task, 4, processes=2)
    assert fork_map(lambda number: number, 3, processes=2) == [0, 1, 2]  # the next map starts afresh
