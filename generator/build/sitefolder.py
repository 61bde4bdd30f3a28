"""The site folder's neighbours: one build at a time, dead builds cleared away, the new site put in place in one step.

Beside site/ live, for a while, `.site-bygge-*` (a build being made, or after
the exchange the site it replaced) and `.site-las` (the lock that lets one
build at a time publish there). A build that was killed leaves its folder
behind; the next build clears it, holding the lock, so it is never another
build's folder.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

try:
    import fcntl
except ImportError:  # not on POSIX: builds are not kept apart
    fcntl = None  # type: ignore[assignment]

BUILDING = "bygge"
OLD = "gammal"
LOCK = "las"
FOLDER_MODE = 0o755

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def neighbour(site: Path, kind: str, tail: str = "") -> Path:
    """The path of one of site's neighbours: .<site>-<kind>[-<tail>]."""
    return site.with_name(f".{site.name}-{kind}" + (f"-{tail}" if tail else ""))


@contextmanager
def one_build_at_a_time(site: Path, out: TextIO | None = None) -> Iterator[None]:
    """Hold the lock of `site`; a second build waits here (saying so) until the first has finished."""
    if fcntl is None:
        yield
        return
    path = neighbour(site, LOCK)
    descriptor = _lock(path, out or sys.stderr, site)
    try:
        yield
    finally:
        try:
            os.unlink(path)  # nothing is left behind; a build waiting on this file tries the new one
        except OSError:
            pass
        os.close(descriptor)


def _lock(path: Path, out: TextIO, site: Path) -> int:
    told = False
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not told:
                print(
                    f"Ett annat bygge av {site} pågår i den här mappen. Det här bygget väntar tills det är klart "
                    "(avbryt med Ctrl-C).",
                    file=out,
                    flush=True,
                )
                told = True
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        if _same_file(descriptor, path):
            return descriptor
        os.close(descriptor)  # the build before removed the file when it finished: lock the one there now


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        return os.fstat(descriptor).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def clear_dead_builds(site: Path) -> None:
    """Remove what killed builds left beside `site`; a site that was moved aside and never replaced comes back.

    Call only while holding the lock: then no folder beside site/ belongs to a running build.
    """
    prefix = f".{site.name}-"
    found = sorted(p for p in site.parent.iterdir() if p.name.startswith((prefix + BUILDING + "-", prefix + OLD + "-")))
    if not os.path.lexists(site):
        old = [p for p in found if p.name.startswith(prefix + OLD + "-")]
        if old:
            os.rename(old[-1], site)
            found.remove(old[-1])
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    function = (
        getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform.startswith("linux") else None
    )
    if function is None:
        return False
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in _UNSUPPORTED:
        return False
    raise OSError(number, os.strerror(number), str(second))
