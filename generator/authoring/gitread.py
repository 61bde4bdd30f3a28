"""Read the files of a content folder as they are in a git revision or in the working tree.

This is the I/O edge of `vb diff` and `vb codeowners`: files come back as
bytes keyed by their path inside the content folder, so everything after it
is pure. Git is run through `subprocess` with fixed argument lists (no shell).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.visible import has_hidden, visible

SYMLINK_MODE = "120000"
UNSAFE_NAME = (
    "namnet innehåller en radbrytning, ett annat styrtecken eller tecken som inte är UTF-8, så vb kan "
    "inte visa filen säkert. Byt namn på den (bokstäver, siffror, bindestreck och punkt) och kör vb diff igen"
)
NOT_A_FILE_IN_GIT = (
    "det är en symbolisk länk eller en undermodul, inte en fil, och vb läser den inte. "
    "Ersätt den med en vanlig fil eller ta bort den"
)
NOT_A_FILE_ON_DISK = (
    "det är en symbolisk länk eller något annat än en vanlig fil eller mapp, och vb läser den inte. "
    "Ersätt den med en vanlig fil eller ta bort den"
)


@dataclass
class Files:
    """Files read from git or disk by their path inside the content folder, and paths set aside with the reason."""

    files: dict[str, bytes] = field(default_factory=dict)
    unsafe: dict[str, str] = field(default_factory=dict)


def safe_name(raw: bytes) -> str | None:
    """The path as text when it is UTF-8 without control or format characters; otherwise None."""
    try:
        name = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if has_hidden(name) else name


def printable(raw: bytes) -> str:
    """A path shown safely on one line: bytes that are not UTF-8 and hidden characters written as escapes."""
    return visible(raw.decode("utf-8", "backslashreplace"))


class GitError(Exception):
    """Git could not answer: not a repository, unknown revision, git missing."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run git and return its output; a failure becomes a GitError with git's own first line."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("programmet git finns inte på datorn") from exc
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(lines[0] if lines else f"git {args[0]} avslutades med kod {done.returncode}")
    return done.stdout


def toplevel(start: Path) -> Path:
    """The root folder of the git repository that holds `start`."""
    folder = start if start.is_dir() else start.parent
    while not folder.exists():
        folder = folder.parent
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], folder).rstrip(b"\n").decode("utf-8", "surrogateescape"))
    except GitError as exc:
        if "not a git repository" in str(exc):
            raise GitError("mappen hör inte till något git-arkiv") from exc
        raise


def repo_relative(path: Path, root: Path) -> str:
    """`path` as a POSIX path relative to the repository root ("" for the root itself)."""
    relative = os.path.relpath(path.resolve(), root.resolve())
    return "" if relative == "." else PurePosixPath(Path(relative)).as_posix()


def verify(root: Path, revision: str) -> str:
    """The commit id of `revision`, or a GitError naming it."""
    if revision.startswith("-"):
        raise GitError(f"{revision} är inget namn på en version")
    try:
        return (
            _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], root)
            .decode()
            .strip()
        )
    except GitError as exc:
        raise GitError("det finns ingen gren, tagg eller commit med det namnet") from exc


def files_at(root: Path, revision: str, folder: str) -> Files:
    """Every file under `folder` (repository-relative) in `revision`, keyed by its path inside `folder`.

    The tree is listed NUL-separated and each blob is fetched by its object id, so no file name can
    shift what another path is read as; a name that cannot be shown safely is set aside, named.
    """
    commit = verify(root, revision)
    listing = _git(["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", folder or "."], root)
    found = Files()
    wanted: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        mode, kind, object_id = meta.decode("ascii").split(" ")
        raw_name = _inside(raw_name, os.fsencode(folder))
        name = safe_name(raw_name)
        if name is None:
            found.unsafe[printable(raw_name)] = UNSAFE_NAME
        elif kind != "blob" or mode == SYMLINK_MODE:
            found.unsafe[name] = NOT_A_FILE_IN_GIT
        else:
            wanted.append((name, object_id))
    blobs = _blobs(_git(["cat-file", "--batch"], root, stdin="".join(f"{i}\n" for _, i in wanted).encode("ascii")))
    for name, object_id in wanted:
        found.files[name] = blobs[object_id]
    return found


def _blobs(output: bytes) -> dict[str, bytes]:
    """Contents by object id from `git cat-file --batch` output ("<id> <type> <size>\\n<bytes>\\n" per object)."""
    blobs: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        header = output[position:header_end].decode("ascii").split(" ")
        if len(header) != 3:
            raise GitError(f"git kunde inte läsa objektet {header[0]}")
        start = header_end + 1
        blobs[header[0]] = output[start : start + int(header[2])]
        position = start + int(header[2]) + 1
    return blobs


def _inside(name: bytes, folder: bytes) -> bytes:
    return name[len(folder) + 1 :] if folder else name


def files_on_disk(folder: Path) -> Files:
    """Every file under `folder` on disk, keyed by its POSIX path inside `folder`; what cannot be read is named."""
    found = Files()
    if folder.is_dir():
        _walk(folder, b"", found)
    return found


def _walk(folder: Path, prefix: bytes, found: Files) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        found.unsafe[printable(prefix.rstrip(b"/")) or "."] = _os_reason(exc)
        return
    for entry in entries:
        raw_name = prefix + os.fsencode(entry.name)
        name = safe_name(raw_name)
        if name is None:
            found.unsafe[printable(raw_name)] = UNSAFE_NAME
        elif entry.is_symlink() or not (entry.is_dir() or entry.is_file()):
            found.unsafe[name] = NOT_A_FILE_ON_DISK
        elif entry.is_dir():
            _walk(Path(entry.path), raw_name + b"/", found)
        else:
            try:
                found.files[name] = Path(entry.path).read_bytes()
            except OSError as exc:
                found.unsafe[name] = _os_reason(exc)


def _os_reason(exc: OSError) -> str:
    return f"den kan inte läsas ({exc.strerror or exc}). Kontrollera behörigheten och kör vb diff igen"
