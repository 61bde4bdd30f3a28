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
from typing import TextIO

from generator.build.sitefolder import (
    BUILDING,
    FOLDER_MODE,
    OLD,
    clear_dead_builds,
    exchange,
    neighbour,
    one_build_at_a_time,
)


class PublishError(Exception):
    """The site could not be built; the message is Swedish and says what to do."""


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
