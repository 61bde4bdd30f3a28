"""Builds of the real content made once for the whole test run, shared by every pytest-xdist worker.

Building content/ (with its PDFs) is the costliest step of the suite; every test
that only reads a published site (browser, PDF, wording, links) reads one of these.
The first worker to ask builds under a lock; the others wait and read the result.
A failed build is remembered, so every test that needs it fails with the same output.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAILED = "bygget-misslyckades.txt"
PDF_CACHE = "pdf-cache"  # the run's PDFs by their content: a build of unchanged reports reuses them


def shared_root(basetemp: Path, worker: str) -> Path:
    """The folder every worker of this run sees: the run's own temp folder, above the workers' folders."""
    return basetemp if worker == "master" else basetemp.parent


def real_site(root: Path) -> Path:
    """content/ built by `vb build` (checks, pages, PDFs, search, editor), once per run."""
    command = ["-m", "generator", "build", "--site", "{site}", "--pdf-cache", str(root / PDF_CACHE)]
    return shared_build(root, "vb-build", command)


def mkdocs_site(root: Path) -> Path:
    """content/ built by `mkdocs build --strict` through the plugin, once per run."""
    command = ["-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", "{site}"]
    return shared_build(root, "mkdocs-build", command)


def shared_build(root: Path, name: str, arguments: list[str]) -> Path:
    """The site that `python arguments…` ({site} replaced) builds from the repository, made once per run."""
    site = root / name / "site"
    site.parent.mkdir(parents=True, exist_ok=True)
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        failed = site.parent / FAILED
        if failed.exists():
            raise AssertionError(failed.read_text(encoding="utf-8"))
        if not (site / "index.html").is_file():
            _build(site, [a.replace("{site}", str(site)) for a in arguments])
    return site


def _build(site: Path, arguments: list[str]) -> None:
    """One build in a process of its own; its output is kept if it fails."""
    done = subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if done.returncode != 0 or "Traceback" in done.stderr:
        output = (
            f"{' '.join(arguments)} misslyckades ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
        (site.parent / FAILED).write_text(output, encoding="utf-8")
        raise AssertionError(output)
