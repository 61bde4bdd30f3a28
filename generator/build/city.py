"""`vb build` of a city: one site per district council, built in parallel, published together or not at all.

A content folder whose subfolders each hold a district's content tree
(<mapp>/<district-id>/organisation.yml, as `vb synth --districts` writes them)
is built as one site per district in site/<district-id>/, with a start page
site/index.html that lists the districts. Each district is built by its own
`vb build` process (as many at a time as there are cores), into a temporary
folder beside site/. Only when every district has built is that folder swapped
in; if one fails, site/ stays as it was and the message names the district.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from generator.build.publish import PublishError, staged
from generator.check.output import shown
from generator.content.layout import ORGANISATION_FILE
from generator.content.yamlread import MAX_BYTES, read_file
from generator.fsio import read_bounded, write_atomic
from generator.pdf.make import CACHE_FOLDER
from generator.problems import problem
from generator.render.districts import District, districts_page

START_PAGE = "index.html"
OUTPUT_LINES = 40  # the last lines of a failed district's output that are shown


@dataclass(frozen=True)
class DistrictBuild:
    """How one district's build went: pages, seconds, peak memory (MB), when it ran, and its output."""

    district: District
    ok: bool
    pages: int
    seconds: float
    peak_mb: float
    started: float
    ended: float
    output: str


@dataclass(frozen=True)
class CityBuilt:
    """A finished city build: where it is, each district's build and the whole time."""

    site: Path
    districts: list[DistrictBuild]
    seconds: float


def district_roots(content: Path) -> list[Path]:
    """The district folders of a city's content (subfolders with organisation.yml); none for one district's tree."""
    if not content.is_dir() or (content / ORGANISATION_FILE).is_file():
        return []
    return sorted(p for p in content.iterdir() if p.is_dir() and (p / ORGANISATION_FILE).is_file())


def district_of(root: Path) -> District:
    """A district's folder and its council's name from organisation.yml (the folder name if it cannot be read)."""
    read = read_bounded(root / ORGANISATION_FILE, MAX_BYTES)
    data = read_file(read.raw, ORGANISATION_FILE).data if read.raw is not None else None
    council = data.get("namnd") if isinstance(data, dict) else None
    name = council.get("namn") if isinstance(council, dict) else None
    return District(root.name, name if isinstance(name, str) and name.strip() else root.name)


def publish_city(
    roots: list[Path],
    site: Path,
    config_file: Path,
    processes: int,
    out: TextIO | None = None,
    pdfs: bool = True,
    pdf_cache: Path | None = None,
) -> CityBuilt:
    """Build every district beside `site`, then swap the whole city in; any failure leaves `site` untouched.

    With `pdfs`, every district's reports get their PDFs, kept in `pdf_cache` (.vb-pdf-cache beside `site`).
    """
    site = site.resolve()
    started = time.perf_counter()
    linked = [root for root in roots if root.is_symlink()]
    if linked:  # as in a district's own content: a link is never followed
        raise PublishError(linked_message(linked, site))
    with staged(site, config_file) as staging:
        cache = (pdf_cache or site.parent / CACHE_FOLDER) if pdfs else None
        builds = build_districts(roots, staging, config_file.resolve(), processes, cache)
        builds = [shown_at(b, staging, site) for b in builds]
        failed = [b for b in builds if not b.ok]
        if failed:
            raise PublishError(failure_message(failed, site))
        write_atomic(staging / START_PAGE, districts_page([b.district for b in builds]))
    return CityBuilt(site, builds, time.perf_counter() - started)


def build_districts(
    roots: list[Path], staging: Path, config_file: Path, processes: int, pdf_cache: Path | None = None
) -> list[DistrictBuild]:
    """Each district into staging/<district-id>/, `processes` at a time, in the order of `roots`.

    Without a `pdf_cache` the districts are built without PDFs.

    With fewer districts than processes, each district's build uses several processes itself.
    """
    together = max(1, min(processes, len(roots)))
    each = max(1, processes // together)
    with ThreadPoolExecutor(max_workers=together) as pool:
        return list(
            pool.map(lambda root: build_district(root, staging / root.name, config_file, each, pdf_cache), roots)
        )


def build_district(
    root: Path, target: Path, config_file: Path, processes: int = 1, pdf_cache: Path | None = None
) -> DistrictBuild:
    """One district's `vb build` (check, MkDocs, PDFs, search index) in a process of its own, using `processes`
    processes; its PDFs are kept in `pdf_cache` (the city's, beside its site) for the next build, and without
    a `pdf_cache` it is built without PDFs."""
    command = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--content",
        str(root.resolve()),
        "--site",
        str(target),
        "--config",
        str(config_file),
        "--processes",
        str(processes),
    ]
    command += ["--pdf-cache", str(pdf_cache)] if pdf_cache is not None else ["--utan-pdf"]
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        ended = time.perf_counter()
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    ok = child.returncode == 0 and target.is_dir()
    pages = sum(1 for _ in target.rglob("index.html")) if ok else 0
    return DistrictBuild(district_of(root), ok, pages, ended - started, usage.ru_maxrss / 1024, started, ended, output)


def shown_at(build: DistrictBuild, staging: Path, site: Path) -> DistrictBuild:
    """The build with its output naming the district's place in site/, not the temporary folder."""
    folder = build.district.folder
    return replace(build, output=build.output.replace(str(staging / folder), str(site / folder)))


def linked_message(linked: list[Path], site: Path) -> str:
    """Which district folders are symbolic links; nothing was built."""
    said = [problem("VB015", str(root), name=root.name) for root in linked]
    lines = "\n".join(shown(item) for item in said)
    return f"{lines}\n\nIngen stadsdel byggdes och {site} är oförändrad."


def failure_message(failed: list[DistrictBuild], site: Path) -> str:
    """Which districts failed and why (the end of their output); nothing was published."""
    parts = []
    for build in failed:
        lines = build.output.strip().splitlines()[-OUTPUT_LINES:]
        shown = "\n".join(f"    {line}" for line in lines) or "    (inga meddelanden)"
        parts.append(f"Stadsdelen {build.district.name} ({build.district.folder}) kunde inte byggas:\n{shown}")
    names = ", ".join(b.district.name for b in failed)
    return (
        "\n\n".join(parts) + f"\n\nIngen stadsdel publicerades och {site} är oförändrad. Rätta felen i {names} "
        "(kör `vb check` på stadsdelens mapp) och kör `vb build` igen."
    )


def concurrent_peak_mb(builds: list[DistrictBuild]) -> float:
    """The most memory that builds running at the same time may have held: the largest sum of their peaks."""
    best = 0.0
    for build in builds:
        running = [b.peak_mb for b in builds if b.started <= build.started < b.ended]
        best = max(best, sum(running))
    return best
