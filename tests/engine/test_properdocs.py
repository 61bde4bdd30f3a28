"""ProperDocs, the maintained fork of MkDocs, builds the same site from the same mkdocs.yml.

Moving the engine to it is then a change of the command (`properdocs build`); the plugin, the theme
and the Markdown extensions run unchanged (ProperDocs serves their `mkdocs.*` imports).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')

pytestmark = pytest.mark.slow  # two builds of the real content


def _build(engine: str, site: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]


# Pagefind writes its filter indexes in an arbitrary order (one engine building twice differs too, as Pagefind's
# maintainers say), and names them, the meta index and the entry file's hash by their bytes: counted, not compared.
UNORDERED = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site; the generator's name in the pages' meta tag is the one expected difference."""
    return {
        p.relative_to(site).as_posix(): GENERATOR_META.sub(b"", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file() and not UNORDERED.match(p.relative_to(site).as_posix())
    }


def _unordered(site: Path) -> Counter[str]:
    """How many of Pagefind's order-dependent files there are, by folder and suffix."""
    return Counter(
        f"{p.parent.relative_to(site).as_posix()}/*{p.suffix}"
        for p in site.rglob("*")
        if p.is_file() and UNORDERED.match(p.relative_to(site).as_posix())
    )


def test_properdocs_builds_the_real_content_as_mkdocs_does(tmp_path, mkdocs_real_site):
    _build("properdocs", tmp_path / "properdocs")
    assert _unordered(mkdocs_real_site) == _unordered(tmp_path / "properdocs")
    with_mkdocs, with_properdocs = _files(mkdocs_real_site), _files(tmp_path / "properdocs")
    assert sorted(with_properdocs) == sorted(with_mkdocs)
    assert [path for path in with_mkdocs if with_properdocs[path] != with_mkdocs[path]] == []
    assert len([path for path in with_mkdocs if path.endswith(".html")]) > 200
    marked = (tmp_path / "properdocs" / "index.html").read_bytes()
    assert b"ProperDocs" in GENERATOR_META.search(marked).group(0)  # it really was ProperDocs that built it
