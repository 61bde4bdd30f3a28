"""The atheris fuzz scripts (tests/fuzz/) run briefly in the suite; run them by hand for longer.

atheris has wheels for Linux x86-64 only, so it is the extra `fuzz` (`pip install -e '.[fuzz]'`): without
it these tests are skipped with the reason, except where VB_FUZZ_REQUIRED=1 (as in .ci/run).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
SECONDS = 4


@pytest.fixture(autouse=True)
def atheris_installed() -> None:
    if importlib.util.find_spec("atheris") is not None:
        return
    reason = "atheris saknas (installera med pip install -e '.[fuzz]'; hjulen finns för Linux x86-64)."
    if os.environ.get("VB_FUZZ_REQUIRED") == "1":
        pytest.fail(f"{reason} VB_FUZZ_REQUIRED=1, så fuzztesterna måste köras.", pytrace=False)
    pytest.skip(reason)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("script", "words"),
    [("fuzz_markdown.py", "markdown.dict"), ("fuzz_loader.py", "yaml.dict"), ("fuzz_import.py", "import.dict")],
)
def test_a_short_fuzz_run_finds_nothing(tmp_path, script, words):
    done = subprocess.run(
        [
            sys.executable,
            str(FUZZ / script),
            f"-dict={FUZZ / words}",
            f"-max_total_time={SECONDS}",
            "-runs=20000",
            "-max_len=256",
            "-seed=1",
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done" in done.stderr
    assert list(tmp_path.iterdir()) == []  # no crash file
