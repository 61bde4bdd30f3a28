"""Read the files of a content folder as they are in a git revision or in the working tree.

This is the I/O edge of `vb diff` and `vb codeowners`: files come back as
bytes keyed by their path inside the content folder, so everything after it
is pure. Git is run through `subprocess` with fixed argument lists (no shell).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

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
        return Path(_git(["rev-parse", "--show-toplevel"], folder).decode("utf-8").strip())
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
        return _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], root).decode().strip()
    except GitError as exc:
        raise GitError("det finns ingen gren, tagg eller commit med det namnet") from exc


def files_at(root: Path, revision: str, folder: str) -> dict[str, bytes]:
    """Every file under `folder` (repository-relative) in `revision`, keyed by its path inside `folder`."""
    commit = verify(root, revision)
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", "--name-only", commit, "--", folder or "."], root)
    names = [n for n in listing.decode("utf-8").split("\0") if n]
    if not names:
        return {}
    request = "".join(f"{commit}:{name}\n" for name in names).encode("utf-8")
    output = _git(["cat-file", "--batch"], root, stdin=request)
    return {_inside(name, folder): blob for name, blob in zip(names, _blobs(output))}


def _blobs(output: bytes) -> list[bytes]:
    """Split `git cat-file --batch` output ("<id> <type> <size>\\n<bytes>\\n" per object) into contents."""
    blobs = []
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        start = header_end + 1
        blobs.append(output[start:start + size])
        position = start + size + 1
    return blobs


def _inside(name: str, folder: str) -> str:
    return name[len(folder) + 1:] if folder else name


def files_on_disk(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` on disk, keyed by its POSIX path inside `folder`."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
