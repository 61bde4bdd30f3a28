"""Publish stage: a build is written beside site/ and takes its place only when the whole build succeeded.

A failed check or a failed engine run never touches the last good site/:
everything is written into a temporary folder beside it, which replaces site/
only at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class PublishError(Exception):
    """The site could not be built; the message is Swedish and says what to do."""


@contextmanager
def staged(site: Path, config_file: Path) -> Iterator[Path]:
    """A temporary folder beside `site` that replaces it only if the block succeeds; it is removed in any case."""
    if not config_file.is_file():
        raise PublishError(f"Hittar inte {config_file}. Kör `vb build` i projektets mapp eller ange --config.")
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-bygge-", dir=site.parent))
    try:
        yield staging
        swap(staging, site)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def swap(new: Path, site: Path) -> None:
    """Put the new build in place of site/; the old one is removed only after the new one is there."""
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}-gammal-{os.getpid()}")
        site.rename(old)
    new.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
