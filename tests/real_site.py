"""The real content built once by `vb build` for the whole test run, shared by every pytest-xdist worker.

Building content/ with its PDFs is the costliest step of the suite; every test
that only reads the published site (browser, PDF, wording, links) reads this one.
The first worker to ask builds it under a lock; the others wait and read it.
A failed build is remembered, so every test that needs it fails with the same output.
"""

from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAILED = "bygget-misslyckades.txt"


def shared_root(basetemp: Path, worker: str) -> Path:
    """The folder every worker of this run sees: the run's own temp folder, above the workers' folders."""
    return basetemp if worker == "master" else basetemp.parent


def real_site(root: Path) -> Path:
    """content/ built by `vb build` (checks, pages, PDFs, search, editor) in `root`, once per run."""
    site = root / "verklig-webbplats" / "site"
    with (root / "verklig-webbplats.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        failed = site.parent / FAILED
        if failed.exists():
            raise AssertionError(failed.read_text(encoding="utf-8"))
        if not (site / "index.html").is_file():
            _build(site)
    return site


def _build(site: Path) -> None:
    """One `vb build` of content/ in a process of its own; its output is kept if it fails."""
    site.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        output = f"vb build av content/ misslyckades ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        (site.parent / FAILED).write_text(output, encoding="utf-8")
        raise AssertionError(output)
