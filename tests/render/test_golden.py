"""Golden pages: the small tree renders to the saved Markdown under tests/render/expected/.

After an intended change to the output, regenerate with
    VB_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_golden.py
and read the diff of tests/render/expected/ before committing it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from generator.render.site import nav_config
from tests.site_pages import site_of

EXPECTED = Path(__file__).parent / "expected"
NAV = "nav.json"


def _update(pages: dict[str, str], nav: str) -> None:
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for path, text in pages.items():
        target = EXPECTED / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (EXPECTED / NAV).write_text(nav, encoding="utf-8")


def _saved() -> dict[str, str]:
    return {p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8") for p in EXPECTED.rglob("*.md")}


def test_pages_of_the_small_tree_match_the_saved_markdown(tree):
    site = site_of(tree)
    nav = json.dumps(nav_config(site.nav), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("VB_UPDATE_GOLDEN") == "1":
        _update(site.pages, nav)
    saved = _saved()
    assert sorted(saved) == sorted(site.pages)
    for path, text in site.pages.items():
        assert text == saved[path], f"{path} skiljer sig från tests/render/expected/{path}"
    assert nav == (EXPECTED / NAV).read_text(encoding="utf-8")
