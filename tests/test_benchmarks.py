"""Every benchmark script still imports what it uses: the scripts are run by hand, so nothing else would notice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py"))
LOAD = "import runpy, sys; sys.path[:0] = [sys.argv[2], sys.argv[3]]; runpy.run_path(sys.argv[1], run_name='benchmark')"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_a_benchmark_script_loads(script):
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(script), str(script.parent), str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_a_broken_import_is_found(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("from generator.check import check_paths\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(broken), str(tmp_path), str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "ImportError" in done.stderr
