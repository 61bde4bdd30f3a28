"""`vb build`: check the content, build the site with MkDocs next to site/, and swap it in only on success.

A failed check or a failed MkDocs build never touches the last good site/:
MkDocs writes into a temporary folder beside it, which replaces site/ only
when the whole build succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from generator.build.pages import PAGE_BUILDERS, Site, SiteError, assemble, builder_parts, joined, site_data
from generator.check.run import check_paths
from generator.content.load import Content, load_content
from generator.check.output import as_text
from generator.parallel import cores, fork_map
from generator.problems import Problem, Severity
from generator.build.sitefolder import BUILDING, FOLDER_MODE, OLD, clear_dead_builds, exchange, neighbour, one_build_at_a_time
from generator.check.validate import validate

PLUGIN = "vb"
ORGANISATION = "organisation.yml"


class PublishError(Exception):
    """The site could not be built; the message is Swedish and says what to do."""


@dataclass(frozen=True)
class Built:
    """A finished build: where it is, how many pages, how long it took."""

    site: Path
    pages: int
    seconds: float


def check_content(content: Path, out: TextIO | None = None) -> bool:
    """Run `vb check`; print its problems; True when there are no errors."""
    result = check_paths([content])
    if result.problems:
        print(as_text(result.problems, result.files), file=out or sys.stdout)
    return not result.failed(strict=False)


def publish(content: Path, site: Path, config_file: Path, out: TextIO | None = None, processes: int = 0) -> Built:
    """Check, build (in `processes` processes; 0: one per core) into a temporary folder beside `site`, then swap."""
    started = time.perf_counter()  # the whole build, the check and the pages included
    workers = processes if processes > 0 else cores()
    if (content / ORGANISATION).is_file():
        prepared: Site | None = checked_pages(content, workers, site, out)
    elif check_content(content, out):  # not a tree's own folder: MkDocs' plugin finds what is wrong
        prepared = None
    else:
        raise PublishError(_content_errors(site))
    site = site.resolve()
    with staged(site, config_file) as staging:
        run_mkdocs(config_file, content, staging, workers, prepared)
        pages = sum(1 for _ in staging.rglob("index.html"))
    return Built(site, pages, time.perf_counter() - started)


@contextmanager
def staged(site: Path, config_file: Path, out: TextIO | None = None) -> Iterator[Path]:
    """A folder beside `site` that replaces it in one step only if the block succeeds; removed in any case.

    One build at a time: a second build of the same site waits; what killed builds left is cleared first.
    """
    if not config_file.is_file():
        raise PublishError(f"Hittar inte {config_file}. Kör `vb build` i projektets mapp eller ange --config.")
    site.parent.mkdir(parents=True, exist_ok=True)
    with one_build_at_a_time(site, out):
        clear_dead_builds(site)
        staging = Path(tempfile.mkdtemp(prefix=neighbour(site, BUILDING).name + "-", dir=site.parent))
        staging.chmod(FOLDER_MODE)  # a web server running as another user reads the site
        try:
            yield staging
            swap(staging, site)
        finally:
            if os.path.lexists(staging):
                shutil.rmtree(staging, ignore_errors=True)


def checked_pages(content: Path, processes: int, site: Path, out: TextIO | None = None) -> Site:
    """Load the tree once; check it and build its pages at the same time; its problems are printed.

    The pages are thrown away if the check finds errors (a page builder may then fail, too: the check says why).
    """
    loaded = load_content(content)
    problems, built = check_and_build(loaded, processes)
    if problems:
        print(as_text(problems, loaded.files), file=out or sys.stdout)
    if any(p.severity is Severity.ERROR for p in problems):
        raise PublishError(_content_errors(site))
    if isinstance(built, str):
        raise PublishError(f"Sidorna kunde inte skapas ({built}). Den förra webbplatsen är oförändrad. "
                           "Kör `vb check` och rätta det som rapporteras, och kör `vb build` igen.")
    return built


def check_and_build(content: Content, processes: int) -> tuple[list[Problem], Site | str]:
    """Every problem of the content, and its site (or why it could not be made), made side by side."""
    try:
        data = site_data(content)
    except SiteError as exc:
        return validate(content), str(exc)
    parts = builder_parts(data, PAGE_BUILDERS)

    def task(number: int) -> Any:
        """Task 0 checks the content; task n runs part n of the page builders."""
        if number == 0:
            return validate(content)
        try:
            return parts[number - 1][1](data)
        except Exception as exc:  # noqa: BLE001 (content with errors may break a builder; the check tells why)
            return BuilderFailure(f"{type(exc).__name__}: {exc}")

    problems, *built = fork_map(task, len(parts) + 1, processes)
    failed = [b.reason for b in built if isinstance(b, BuilderFailure)]
    if failed:
        return problems, failed[0]
    try:
        return problems, assemble(data, joined(data, PAGE_BUILDERS, parts, built))
    except SiteError as exc:
        return problems, str(exc)


@dataclass(frozen=True)
class BuilderFailure:
    """A page builder stopped (in another process): why."""

    reason: str


def _content_errors(site: Path) -> str:
    return (f"Innehållet har fel, så webbplatsen byggs inte och {site} är oförändrad. "
            "Rätta felen ovan och kör `vb build` igen.")


def run_mkdocs(config_file: Path, content: Path, target: Path, processes: int = 0, pages: Site | None = None) -> None:
    """MkDocs build in strict mode into `target`, with the vb plugin reading `content` (already checked).

    `pages` are the site's pages made beforehand (the plugin then does not make them again).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _show_mkdocs_warnings()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(target), strict=True)
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            raise PublishError(f"Insticksprogrammet {PLUGIN} saknas under plugins i {config_file}. Lägg till \"- {PLUGIN}\".")
        plugin.config.content = str(content.resolve())
        plugin.config.check = False
        plugin.config.processes = processes
        plugin.prebuilt = pages
        plugin.serving = False
        build(config)
    except MkDocsException as exc:
        raise PublishError(f"Webbplatsen kunde inte byggas ({exc}). Den förra webbplatsen är oförändrad. "
                           "Rätta det som MkDocs rapporterar ovan och kör `vb build` igen.") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


def _show_mkdocs_warnings() -> logging.Handler:
    """MkDocs' warnings and errors go to stderr while it builds."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    return handler


def swap(new: Path, site: Path) -> None:
    """Put the new build in place of site/ in one step; the old site ends up at `new`'s path, to be removed.

    Where the system cannot exchange two paths, site/ is moved aside first; if the build is killed
    between the two renames, the next build puts the old site back before it starts.
    """
    if not os.path.lexists(site):
        os.rename(new, site)
        return
    if exchange(new, site):
        return
    old = neighbour(site, OLD, str(os.getpid()))
    os.rename(site, old)
    os.rename(new, site)
    shutil.rmtree(old, ignore_errors=True)
