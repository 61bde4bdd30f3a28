"""The atheris fuzz scripts (tests/fuzz/) run briefly in the suite; run them by hand for longer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
SECONDS = 4


@pytest.mark.parametrize(("script", "words"), [("fuzz_markdown.py", "markdown.dict"), ("fuzz_loader.py", "yaml.dict")])
def test_a_short_fuzz_run_finds_nothing(tmp_path, script, words):
    done = subprocess.run(
        [sys.executable, str(FUZZ / script), f"-dict={FUZZ / words}", f"-max_total_time={SECONDS}", "-runs=20000",
         "-max_len=256", "-seed=1", f"-artifact_prefix={tmp_path}/"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done" in done.stderr
    assert list(tmp_path.iterdir()) == []  # no crash file
