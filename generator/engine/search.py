"""The site's search index: Pagefind reads the built pages and writes a chunked static index to pagefind/.

A reader's browser then downloads only a small entry file, the index chunk
for the words searched and the text of the hits shown, instead of one index
of the whole site (which for a district of 150 units is several megabytes).
Pages are indexed only inside `data-pagefind-body` (set by
templates/theme/main.html), so menus and print views are left out.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

INDEX_DIR = "pagefind"
ENTRY = "pagefind-entry.json"
LANGUAGE = "sv"
EXCLUDED = ".headerlink"  # the ¶ anchor after each heading
TIMEOUT_SECONDS = 600


class SearchIndexError(Exception):
    """The search index could not be made; the message is Swedish and says what to do."""


def pagefind_executable() -> Path:
    """The Pagefind program that the pinned Python package pagefind-bin ships."""
    try:
        from pagefind_bin import get_executable

        return get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchIndexError(
            f"Sökindexet kan inte skapas: programmet Pagefind saknas ({exc}). "
            "Installera projektet igen med `pip install -e .` (eller `make site`) och bygg igen."
        ) from None


def pagefind_command(executable: Path, site: Path) -> list[str]:
    """The Pagefind command line for a built site."""
    return [
        str(executable),
        "--site",
        str(site),
        "--output-subdir",
        INDEX_DIR,
        "--exclude-selectors",
        EXCLUDED,
        "--quiet",
    ]


def run_pagefind(command: list[str]) -> None:
    """Run Pagefind; a failure becomes a Swedish message with Pagefind's own last lines."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(
            f"Sökindexet kunde inte skapas: Pagefind gick inte att köra ({exc}). "
            "Installera projektet igen med `pip install -e .` och bygg igen."
        ) from None
    if done.returncode != 0:
        said = "\n".join((done.stdout + done.stderr).strip().splitlines()[-10:])
        raise SearchIndexError(
            f"Sökindexet kunde inte skapas: Pagefind avslutades med kod {done.returncode}. "
            f"Rätta det som Pagefind skriver och bygg igen:\n{said}"
        )


def entry_problem(entry_text: str | None) -> str | None:
    """What is wrong with Pagefind's entry file, in Swedish, or None when it has a Swedish index with pages."""
    if entry_text is None:
        return f"Pagefind skrev ingen {ENTRY}."
    try:
        languages = json.loads(entry_text).get("languages", {})
    except (ValueError, AttributeError):
        return f"{ENTRY} kan inte läsas."
    if LANGUAGE not in languages:
        found = ", ".join(sorted(languages)) or "inget"
        return (
            f'Indexet har inget svenskt språk (hittade: {found}). Sidorna ska ha <html lang="sv"> '
            "(theme.language: sv i mkdocs.yml) för att sökningen ska använda svensk ordstamning."
        )
    if not languages[LANGUAGE].get("page_count"):
        return "Indexet innehåller inga sidor. Sidornas innehåll ska ligga i data-pagefind-body (templates/theme/main.html)."
    return None


def build_search_index(site: Path) -> None:
    """Index a built site in place; raises SearchIndexError with a Swedish message on any failure."""
    run_pagefind(pagefind_command(pagefind_executable(), site))
    entry = site / INDEX_DIR / ENTRY
    problem = entry_problem(entry.read_text(encoding="utf-8") if entry.is_file() else None)
    if problem:
        raise SearchIndexError(f"Sökindexet blev fel: {problem}")
