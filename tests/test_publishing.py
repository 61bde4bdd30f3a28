"""Publishing site/: one step, nothing lost when a build is killed at any point, one build at a time, normal modes.

The kills run a build of a stand-in site in a process of its own (python -c) that kills itself
with SIGKILL at a chosen point of the swap; the test then looks at what is left and builds again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.build.publish import staged, swap
from generator.build.sitefolder import one_build_at_a_time
from tests.render.tree import write_tree
from tests.test_build import _config

ROOT = Path(__file__).resolve().parents[1]

DRIVER = """
import os, signal, sys
from pathlib import Path
import generator.build.publish as publish

site, config, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]


def die():
    os.kill(os.getpid(), signal.SIGKILL)


real_rename, real_exchange = os.rename, publish.exchange


def rename(old, new):
    real_rename(old, new)
    if point == "between-renames" and Path(old) == site:
        die()
    if point == "after-renames" and Path(new) == site:
        die()


def exchange(first, second):
    if point in ("between-renames", "after-renames"):
        return False  # as on a system that cannot exchange two paths
    done = real_exchange(first, second)
    if point == "after-exchange":
        die()
    return done


os.rename, publish.exchange = rename, exchange
with publish.staged(site, config) as staging:
    (staging / "index.html").write_text("nytt bygge", encoding="utf-8")
    (staging / "sida").mkdir()
    (staging / "sida" / "index.html").write_text("nytt bygge", encoding="utf-8")
    if point == "building":
        die()
"""

POINTS = ["building", "after-exchange", "between-renames", "after-renames", "none"]


def _old_site(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    (site / "sida").mkdir(parents=True)
    (site / "index.html").write_text("förra bygget", encoding="utf-8")
    (site / "sida" / "index.html").write_text("förra bygget", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: prov\n", encoding="utf-8")
    return site, config


def _run_driver(site: Path, config: Path, point: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(site), str(config), point],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode


def _neighbours(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site"))


def _whole(site: Path) -> str:
    """The one build site/ holds: both of its pages are from the same build."""
    texts = {
        (site / "index.html").read_text(encoding="utf-8"),
        (site / "sida" / "index.html").read_text(encoding="utf-8"),
    }
    assert len(texts) == 1, texts
    return texts.pop()


@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_at_any_point_loses_no_site_and_the_next_build_clears_up(tmp_path, point):
    site, config = _old_site(tmp_path)
    code = _run_driver(site, config, point)
    assert code == (0 if point == "none" else -signal.SIGKILL)
    if point != "between-renames":  # only a system without an exchange has this moment, mended below
        assert _whole(site) == ("förra bygget" if point == "building" else "nytt bygge")
    with pytest.raises(RuntimeError), staged(site, config):  # the next build fails: the site it finds stays
        raise RuntimeError("bygget misslyckades")
    assert _whole(site) in ("förra bygget", "nytt bygge")
    assert _neighbours(tmp_path) == []
    with staged(site, config) as staging:
        (staging / "index.html").write_text("tredje", encoding="utf-8")
    assert (site / "index.html").read_text(encoding="utf-8") == "tredje"
    assert _neighbours(tmp_path) == []


def test_the_swap_is_one_step_where_the_system_can_exchange(tmp_path, monkeypatch):
    """No moment without site/: nothing renames site/ aside; it and the new build trade places."""
    site, _ = _old_site(tmp_path)
    new = tmp_path / ".site-bygge-x"
    new.mkdir()
    (new / "index.html").write_text("nytt bygge", encoding="utf-8")
    renamed = []
    monkeypatch.setattr(os, "rename", lambda *paths: renamed.append(paths))
    swap(new, site)
    assert renamed == []
    assert (site / "index.html").read_text(encoding="utf-8") == "nytt bygge"
    assert (new / "index.html").read_text(encoding="utf-8") == "förra bygget"


def test_the_site_gets_normal_modes(tmp_path):
    site, config = _old_site(tmp_path)
    previous = os.umask(0o022)
    try:
        with staged(site, config) as staging:
            (staging / "sida").mkdir()
            (staging / "sida" / "index.html").write_text("nytt", encoding="utf-8")
    finally:
        os.umask(previous)
    assert os.stat(site).st_mode & 0o777 == 0o755
    assert os.stat(site / "sida").st_mode & 0o777 == 0o755
    assert os.stat(site / "sida" / "index.html").st_mode & 0o777 == 0o644


def test_leftovers_of_builds_are_ignored_by_git(tmp_path):
    for name in (
        ".site-bygge-abc123/index.html",
        ".site-gammal-42/index.html",
        ".site-las",
        ".vb-skriver-1a2b-CODEOWNERS",
    ):
        assert subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT).returncode == 0, name


def _vb_build(tmp_path: Path, config: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--content",
            str(tmp_path / "content"),
            "--site",
            str(tmp_path / "site"),
            "--config",
            str(config),
            "--processes",
            "1",
            "--utan-pdf",  # the PDFs' own publishing is tested in tests/pdf/
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow  # whole site builds
def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    site = tmp_path / "site"
    with one_build_at_a_time(site):  # a build that is running
        waiting = _vb_build(tmp_path, config)
        said = waiting.stderr.readline()
        assert "Ett annat bygge" in said and "väntar" in said
        assert waiting.poll() is None and not site.exists()
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert (site / "index.html").is_file()
    assert _neighbours(tmp_path) == []


@pytest.mark.slow  # whole site builds
def test_two_builds_at_once_both_finish_and_leave_one_whole_site(tmp_path):
    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    builds = [_vb_build(tmp_path, config) for _ in range(2)]
    results = [b.communicate(timeout=180) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], results
    assert (tmp_path / "site" / "index.html").is_file()
    assert _neighbours(tmp_path) == []


def test_a_lock_left_by_a_killed_build_does_not_stop_the_next(tmp_path):
    site, config = _old_site(tmp_path)
    (tmp_path / ".site-las").write_text("", encoding="utf-8")  # its process is gone, and so is its lock
    done = threading.Event()

    def build() -> None:
        with staged(site, config) as staging:
            (staging / "index.html").write_text("nytt", encoding="utf-8")
        done.set()

    worker = threading.Thread(target=build)
    worker.start()
    worker.join(timeout=30)
    assert done.is_set()
    assert _neighbours(tmp_path) == []
