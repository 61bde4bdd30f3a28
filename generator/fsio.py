"""Reading and writing files safely: whole files replaced in one step, content files read within a limit.

Every file vb writes goes to a temporary file in the same folder, which is
renamed into place only when all of it is on disk: a full disk or a stop
half-way leaves the old file as it was. Content files are opened without
following a symbolic link, their size is checked before they are read, and
they are read no further than the limit.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Problem, problem

TEMPORARY_PREFIX = ".vb-skriver-"


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8) to `path` through a temporary file beside it, renamed into place.

    A symbolic link at `path` is replaced by the file, never written through. The file gets the
    mode a new file gets (0644 with the usual umask), or the old file's mode when it replaces one.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    temporary = path.with_name(f"{TEMPORARY_PREFIX}{secrets.token_hex(6)}-{path.name}"[:255])
    try:
        descriptor = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o666
        )
    except OSError as exc:
        raise _naming(exc, path) from exc
    try:
        try:
            _write_all(descriptor, raw)
            _keep_mode(descriptor, path)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise _naming(exc, path) from exc
    except BaseException:
        _remove(temporary)
        raise


def _naming(exc: OSError, path: Path) -> OSError:
    """The error with the file the user asked for as its path, not the temporary file beside it."""
    return OSError(exc.errno, exc.strerror, str(path))


def _write_all(descriptor: int, raw: bytes) -> None:
    view = memoryview(raw)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _keep_mode(descriptor: int, path: Path) -> None:
    """A replaced regular file keeps its mode (an executable script stays executable)."""
    try:
        old = os.stat(path, follow_symlinks=False)
    except OSError:
        return
    if stat.S_ISREG(old.st_mode):
        os.fchmod(descriptor, stat.S_IMODE(old.st_mode))


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


@dataclass(frozen=True)
class Read:
    """A content file's bytes, or why it was not read: 'too-large' (with its size) or an OSError."""

    raw: bytes | None = None
    size: int = 0
    error: OSError | None = None
    too_large: bool = False


def read_bounded(path: Path, limit: int) -> Read:
    """The bytes of the regular file `path` if it holds at most `limit` bytes; never more than `limit` + 1 are read.

    A symbolic link is not followed (ELOOP) and anything but a regular file is not read (its open does not wait either).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        return Read(error=exc)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return Read(error=OSError(errno.EINVAL, "inte en vanlig fil", str(path)))
        if status.st_size > limit:
            return Read(size=status.st_size, too_large=True)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
        if len(raw) > limit:  # the file grew after its size was looked at
            return Read(size=max(len(raw), status.st_size), too_large=True)
        return Read(raw=raw, size=len(raw))
    except OSError as exc:
        return Read(error=exc)
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class Entry:
    """One entry under a content root: a regular file, or something that is not read and why.

    kind is 'file', 'link' (a symbolic link, never followed), 'special' (a FIFO, socket or device;
    `what` names it in Swedish) or 'unreadable' (a folder whose listing failed, with the error).
    """

    path: Path
    kind: str
    what: str = ""
    error: OSError | None = None


_SPECIAL = [
    (stat.S_ISFIFO, "en namngiven rörledning (FIFO)"),
    (stat.S_ISSOCK, "en socket"),
    (stat.S_ISCHR, "en teckenenhet"),
    (stat.S_ISBLK, "en blockenhet"),
]


def entry_of(path: Path, mode: int) -> Entry:
    """What an entry is, from its own mode (lstat: a link is not followed)."""
    if stat.S_ISLNK(mode):
        return Entry(path, "link")
    if stat.S_ISREG(mode):
        return Entry(path, "file")
    for test, what in _SPECIAL:
        if test(mode):
            return Entry(path, "special", what)
    return Entry(path, "special", "en okänd sorts fil")


def walk_tree(folder: Path) -> list[Entry]:
    """Every entry under `folder` in a stable order, without following symbolic links; folders are descended."""
    found: list[Entry] = []
    try:
        with os.scandir(folder) as listing:
            children = sorted(listing, key=lambda child: child.name)
    except OSError as exc:
        return [Entry(Path(folder), "unreadable", error=exc)]
    for child in children:
        path = Path(folder) / child.name
        try:
            mode = child.stat(follow_symlinks=False).st_mode
        except OSError as exc:
            found.append(Entry(path, "unreadable", error=exc))
            continue
        if stat.S_ISDIR(mode):
            found.extend(walk_tree(path))
        else:
            found.append(entry_of(path, mode))
    return found


def link_between(root: Path, path: Path) -> Path | None:
    """The first symbolic link on the way from `root` (not itself) down to `path`, relative to `root`, or None."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        return None
    probe = Path(os.path.abspath(root))
    for depth, part in enumerate(relative.parts, start=1):
        probe = probe / part
        try:
            if stat.S_ISLNK(os.lstat(probe).st_mode):
                return Path(*relative.parts[:depth])
        except OSError:
            return None
    return None


_REASONS = {
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.ENOENT: "filen eller mappen finns inte",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ELOOP: "det är en symbolisk länk",
    errno.EISDIR: "det är en mapp",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EIO: "läs- eller skrivfel på disken",
    errno.EINVAL: "inte en vanlig fil",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EMFILE: "för många öppna filer",
    errno.EEXIST: "det finns redan något med det namnet",
}


_TODO = {
    errno.EACCES: "Kontrollera att du har rätt att läsa och skriva där (ls -l visar ägare och behörighet), "
    "eller ange en annan mapp.",
    errno.EPERM: "Kontrollera att du har rätt att läsa och skriva där, eller ange en annan mapp.",
    errno.ENOSPC: "Frigör utrymme på disken (ta bort filer du inte behöver) och kör kommandot igen.",
    errno.EDQUOT: "Frigör utrymme inom din diskkvot och kör kommandot igen.",
    errno.EROFS: "Mappen ligger på ett skrivskyddat filsystem. Ange en mapp där du får skriva, eller be den som sköter "
    "datorn att montera filsystemet skrivbart.",
    errno.ENOENT: "Kontrollera att sökvägen är rätt stavad och att mappen finns, eller ange rätt mapp med --content, "
    "--out eller --site.",
}


def os_problem(exc: OSError) -> Problem:
    """An operating-system error as a coded Swedish problem: the path, what went wrong and what to do."""
    path = exc.filename if exc.filename is not None else "vb"
    todo = _TODO.get(exc.errno or 0, "Kontrollera sökvägen och behörigheten och kör kommandot igen.")
    return problem("VB018", str(path), where=os.fsdecode(path), reason=reason(exc), todo=todo)


def reason(exc: OSError) -> str:
    """Why an operation on a file failed, in Swedish."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc)) if exc.errno is not None else str(exc)
