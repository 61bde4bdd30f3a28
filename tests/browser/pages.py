"""What the browser tests visit: one page of each kind in a built site, and a seed's Innehållsförteckning."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

PERIODS = {"vp", "t1", "t2", "vb"}
SKIPPED_FOLDERS = ("assets/", "pagefind/", "redigera/")  # redigera/: the editor, tested in test_editor.py
REDIRECT = re.compile(r"<meta\s+http-equiv=[\"']refresh", re.I)
NUMBER = re.compile(r"\d+(\.\d+)*")
TOC_LINE = re.compile(r"^(?P<title>.*?)\.{3,}\s*\d+\s*$")


def page_paths(site: Path) -> list[str]:
    """The address of every HTML page of a built site; forwarding pages (meta refresh) are not pages of their own."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith(SKIPPED_FOLDERS) or REDIRECT.search(file.read_text(encoding="utf-8")[:2000]):
            continue
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


def ids_in(data: Any) -> set[str]:
    """Every value of an `id` key anywhere in a model dump (units, avdelningar, nämndmål, indicators, activities)."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "id" and isinstance(value, str):
                found.add(value)
            found |= ids_in(value)
    elif isinstance(data, list):
        for item in data:
            found |= ids_in(item)
    return found


def shape(path: str, council: str, ids: set[str]) -> tuple[str, ...]:
    """A page's kind: its address with ids, numbers and periods replaced by placeholders (the council's kept apart)."""
    parts = []
    for segment in path.strip("/").split("/"):
        if not segment:
            continue
        if segment == council:
            parts.append("<nämnd>")
        elif segment in ids:
            parts.append("<id>")
        elif segment in PERIODS:
            parts.append("<period>")
        elif NUMBER.fullmatch(segment):
            parts.append("<nr>")
        else:
            parts.append(segment)
    return tuple(parts)


def one_of_each_kind(paths: list[str], council: str, ids: set[str]) -> dict[tuple[str, ...], str]:
    """The first page (in address order) of every kind."""
    kinds: dict[tuple[str, ...], str] = {}
    for path in paths:
        kinds.setdefault(shape(path, council, ids), path)
    return kinds


def seed_toc(text: str) -> list[str]:
    """The entries of a seed's Innehållsförteckning: lines with dot leaders and a page number, up to the first other line."""
    lines = text.splitlines()
    entries = []
    for line in lines[lines.index("Innehållsförteckning") + 1 :]:
        match = TOC_LINE.match(line)
        if match:
            entries.append(match.group("title").strip())
        elif line.strip():
            break
    return entries


def normalise(title: str) -> str:
    """Spaces collapsed, and goal numbers as the site writes them: the seeds have both "1.1 " and "1.4. "."""
    title = " ".join(title.replace("¶", "").split())
    return re.sub(r"^(\d+\.\d+)\.? ", r"\1. ", title)
