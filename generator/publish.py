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
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.check import check_paths
from generator.output import as_text

PLUGIN = "vb"


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


def publish(content: Path, site: Path, config_file: Path, out: TextIO | None = None) -> Built:
    """Check, build into a temporary folder beside `site`, then swap it in."""
    if not check_content(content, out):
        raise PublishError(f"Innehållet har fel, så webbplatsen byggs inte och {site} är oförändrad. "
                           "Rätta felen ovan och kör `vb build` igen.")
    if not config_file.is_file():
        raise PublishError(f"Hittar inte {config_file}. Kör `vb build` i projektets mapp eller ange --config.")
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-bygge-", dir=site.parent))
    try:
        run_mkdocs(config_file, content, staging)
        pages = sum(1 for _ in staging.rglob("index.html"))
        swap(staging, site)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return Built(site, pages, time.perf_counter() - started)


def run_mkdocs(config_file: Path, content: Path, target: Path) -> None:
    """MkDocs build in strict mode into `target`, with the vb plugin reading `content` (already checked)."""
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
    """Put the new build in place of site/; the old one is removed only after the new one is there."""
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}-gammal-{os.getpid()}")
        site.rename(old)
    new.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
