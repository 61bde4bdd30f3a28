"""`vb build`: every stage of the site in order, and nothing published unless all of them succeed.

    load → check → aggregate → pages → engine → pdf and search side by side → publish

`prepare` runs the stages before the engine (also for `mkdocs serve`, through
the plugin); `build` adds the engine, the search index and the swap into site/.
Everything is gathered and checked before a file is written.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.authoring.cms_site import EditorMissing, write_editor
from generator.build.collector import rare_collections
from generator.build.publish import PublishError, staged
from generator.check.output import as_text
from generator.check.validate import validate
from generator.content.load import Content, load_content
from generator.engine.run import EngineError, run_engine
from generator.engine.search import SearchIndexError, build_search_index
from generator.parallel import cores
from generator.pdf.make import CACHE_FOLDER, PdfError, PdfRun, site_url, written_page
from generator.problems import Problem, Severity
from generator.render.html import heading_anchors
from generator.render.site import Site, SiteData, SiteError, build_pages, site_data
from generator.rollup.aggregate import Rollup


@dataclass(frozen=True)
class Built:
    """A finished build: where it is, how many pages, how long it took."""

    site: Path
    pages: int
    seconds: float


def build(
    content_root: Path,
    site_dir: Path,
    config_file: Path,
    out: TextIO | None = None,
    processes: int = 0,
    pdfs: bool = True,
    pdf_cache: Path | None = None,
) -> Built:
    """Check the content tree at `content_root`, build its site and publish it into `site_dir` in one step.

    With `pdfs`, every report also gets its PDF, kept for reuse in `pdf_cache` (.vb-pdf-cache beside `site_dir`).
    """
    started = time.perf_counter()  # the whole build, the check and the pages included
    with rare_collections():
        pages = _build(
            content_root, site_dir, config_file, out, processes if processes > 0 else cores(), pdfs, pdf_cache
        )
    return Built(site_dir.resolve(), pages, time.perf_counter() - started)


def _build(
    content_root: Path,
    site_dir: Path,
    config_file: Path,
    out: TextIO | None,
    workers: int,
    pdfs: bool,
    pdf_cache: Path | None,
) -> int:
    """Every stage of `build` in `workers` processes; the number of HTML pages published."""
    site = prepare(content_root, workers, out, once=True)  # load → check → aggregate → pages
    with staged(site_dir.resolve(), config_file) as staging:  # publish: only if all below succeed
        pages = _engine(config_file, site, content_root, staging, workers)  # engine: theme, navigation, HTML
        cache = pdf_cache or site_dir.resolve().parent / CACHE_FOLDER
        run = PdfRun(site.documents, staging, written_page, workers, cache, site_url(config_file)) if pdfs else None
        try:
            _search(staging)  # search: the index of the pages (the PDFs, one per report, are made meanwhile)
            _editor(staging, content_root, config_file, out)  # the editor under /redigera/
        except BaseException:
            if run is not None:
                run.wait()  # nothing is written into the build's folder once it is removed
            raise
        if run is not None:
            _pdfs(run)  # pdf: every report's PDF made, or the build fails
    return pages


def prepare(content_root: Path, processes: int, out: TextIO | None = None, once: bool = False) -> Site:
    """The stages before the engine: the site's pages, or a PublishError after the content's problems are shown.

    `once` (a build that is not made again in this process) keeps only what the engine needs: the files' line
    numbers are freed once the problems are shown, and a page whose HTML is made keeps no Markdown."""
    content = load_content(content_root)  # load
    rollup = Rollup.of(content)  # (each period rolled up once)
    problems = validate(content, rolled=rollup, processes=processes)  # check
    _stop_on_errors(problems, content, out)
    if once:
        content.forget_positions()
    data = _site_data(content, rollup)  # aggregate
    return _pages(data, processes, markdown=not once)  # pages


def _stop_on_errors(problems: list[Problem], content: Content, out: TextIO | None) -> None:
    """Show the content's problems; errors stop the build before anything is written."""
    if problems:
        print(as_text(problems, content.files), file=out or sys.stdout)
    if any(p.severity is Severity.ERROR for p in problems):
        raise PublishError(
            "Innehållet har fel, så webbplatsen byggs inte och den förra webbplatsen är oförändrad. "
            "Rätta felen ovan och kör `vb build` igen."
        )


def _site_data(content: Content, rollup: Rollup) -> SiteData:
    try:
        return site_data(content, rollup.every_period(), heading_anchors)
    except SiteError as exc:
        raise PublishError(str(exc)) from None


def _pages(data: SiteData, processes: int, markdown: bool = True) -> Site:
    try:
        return build_pages(data, processes=processes, markdown=markdown)
    except Exception as exc:  # noqa: BLE001 (a page builder's failure, also in another process, told in Swedish)
        reason = str(exc) if isinstance(exc, SiteError) else f"{type(exc).__name__}: {exc}"
        raise PublishError(
            f"Sidorna kunde inte skapas ({reason}). Den förra webbplatsen är oförändrad. "
            "Kör `vb check` och rätta det som rapporteras, och kör `vb build` igen."
        ) from None


def _engine(config_file: Path, site: Site, content_root: Path, staging: Path, processes: int) -> int:
    try:
        return run_engine(config_file, site, content_root, staging, processes)
    except EngineError as exc:
        raise PublishError(str(exc)) from None


def _pdfs(run: PdfRun) -> None:
    try:
        run.finish()
    except PdfError as exc:
        raise PublishError(
            f"{exc}\nDen förra webbplatsen är oförändrad. Rätta rapporten och kör `vb build` igen."
        ) from None


def _search(staging: Path) -> None:
    try:
        build_search_index(staging)
    except SearchIndexError as exc:
        raise PublishError(f"{exc} Den förra webbplatsen är oförändrad.") from None


def _editor(staging: Path, content_root: Path, config_file: Path, out: TextIO | None) -> None:
    """The browser editor and its generated configuration; without its npm packages the site is built without it."""
    try:
        write_editor(staging, content_root, config_file.resolve().parent)
    except EditorMissing as exc:
        print(f"Varning: {exc}", file=out or sys.stderr)
