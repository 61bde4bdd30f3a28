"""While serving: the served folder keeps the files a rebuild would write with the same bytes.

`mkdocs serve` builds into one folder again after every save: MkDocs empties it
(every folder of every page removed) and writes each page, each of the theme's
files and each generated file anew, though after one edit nearly all of them
are the same bytes. `ServedFolder` takes MkDocs' three ways of writing there
while serving:

- emptying the folder (`mkdocs.utils.clean_directory`) only notes the time;
- a page or template written (`mkdocs.utils.write_file`) and a file copied or
  generated (`File.copy_file`) are written only when their bytes (for a copy: its
  source file's size and time of change) differ from what this process last wrote
  there and the file there is still the one it wrote (same size and time of change);
- after the build (`sweep`), every file neither written nor kept in this build and
  not changed since it began (by another writer, e.g. the gzipped sitemap) is removed,
  with the folders left empty: the folder holds exactly what an emptied build writes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import mkdocs.utils
from mkdocs.structure.files import File

Stat = tuple[int, int]  # size, time of change (ns)
_ORIGINALS: dict[str, Any] = {}  # MkDocs' own functions, while they are replaced
_active: ServedFolder | None = None  # the folder whose build writes through the replacements


def _stat(path: str) -> Stat | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


@dataclass
class ServedFolder:
    """What this process last wrote into the served folder, and what the running build wrote or kept there."""

    root: str | None = None  # the served folder (absolute); None: not building
    written: dict[str, tuple[bytes, Stat]] = field(default_factory=dict)  # path -> (its bytes' hash, its stat after)
    produced: set[str] = field(default_factory=set)  # this build: the files written or kept
    started: int = 0  # this build: when the folder would have been emptied (ns)
    saved_writes: int = 0  # this build: files not written because their bytes were there already

    def install(self) -> None:
        """Take MkDocs' writing into the served folder for this folder (until `uninstall`)."""
        global _active
        if not _ORIGINALS:
            _ORIGINALS.update(clean=mkdocs.utils.clean_directory, write=mkdocs.utils.write_file, copy=File.copy_file)
            mkdocs.utils.clean_directory = _clean
            mkdocs.utils.write_file = _write
            File.copy_file = _copy_file  # type: ignore[method-assign]
        _active = self

    def uninstall(self) -> None:
        """MkDocs writes as it always does again."""
        global _active
        if _active is self:
            _active = None
        if _active is None and _ORIGINALS:
            mkdocs.utils.clean_directory = _ORIGINALS["clean"]
            mkdocs.utils.write_file = _ORIGINALS["write"]
            File.copy_file = _ORIGINALS["copy"]  # type: ignore[method-assign]
            _ORIGINALS.clear()
        self.root = None

    def begin(self, site_dir: str) -> None:
        """A build into `site_dir` starts (before MkDocs would empty it)."""
        self.root = os.path.abspath(site_dir)
        self.produced.clear()
        self.saved_writes = 0
        self.started = time.time_ns()

    def covers(self, path: str) -> bool:
        """Whether `path` is in the folder of the running build."""
        return self.root is not None and os.path.abspath(path).startswith(self.root + os.sep)

    def _unchanged(self, path: str, key: bytes) -> bool:
        """Whether the file at `path` holds what this process wrote there under `key`."""
        self.produced.add(path)
        last = self.written.get(path)
        if last is None or last[0] != key or _stat(path) != last[1]:
            return False
        self.saved_writes += 1
        return True

    def _record(self, path: str, key: bytes) -> None:
        found = _stat(path)
        if found is None:
            self.written.pop(path, None)
        else:
            self.written[path] = (key, found)

    def put(self, path: str, content: bytes) -> None:
        """Write `content` at `path` unless the file there holds these bytes already."""
        key = hashlib.sha256(content).digest()
        if self._unchanged(path, key):
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(content)
        self._record(path, key)

    def copy(self, file: File) -> None:
        """`File.copy_file` into the folder: a generated file's bytes, or its source copied, when they changed."""
        path = os.path.abspath(file.abs_dest_path)
        content = file._content
        if content is not None:
            self.put(path, content.encode("utf-8") if isinstance(content, str) else content)
            return
        assert file.abs_src_path is not None
        source = _stat(file.abs_src_path)
        key = hashlib.sha256(repr((os.path.abspath(file.abs_src_path), source)).encode()).digest()
        if source is not None and self._unchanged(path, key):
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            shutil.copyfile(file.abs_src_path, path)
        except shutil.SameFileError:
            return  # (a plugin wrote it into the folder itself)
        self._record(path, key)

    def sweep(self) -> list[str]:
        """Remove what an emptied build would not hold (see the module's text); the files left (hidden ones aside)."""
        left: list[str] = []
        if self.root is None or not os.path.isdir(self.root):
            return left
        for top in os.listdir(self.root):
            if not top.startswith("."):  # as MkDocs empties a folder: hidden entries stay
                self._sweep(os.path.join(self.root, top), left)
        return left

    def _sweep(self, path: str, left: list[str]) -> bool:
        """Remove stale files under `path` (a file or a folder), and a folder left empty; whether `path` is gone."""
        if not os.path.isdir(path) or os.path.islink(path):
            if path in self.produced or (_stat(path) or (0, 0))[1] >= self.started:
                left.append(path)
                return False
            os.unlink(path)
            self.written.pop(path, None)
            return True
        names = os.listdir(path)
        gone = sum(self._sweep(os.path.join(path, name), left) for name in names)
        if gone and gone == len(names):
            os.rmdir(path)
            return True
        return False


def written_by(folder: ServedFolder) -> Callable[[str], bytes | None]:
    """The hash of the bytes this process last wrote at a path of the folder (None when unknown or changed)."""

    def known(path: str) -> bytes | None:
        last = folder.written.get(os.path.abspath(path))
        return last[0] if last is not None and _stat(path) == last[1] else None

    return known


def _clean(directory: str) -> None:
    """`clean_directory`: the running build's folder is not emptied (`sweep` removes what it does not write)."""
    if _active is None or _active.root is None or os.path.abspath(directory) != _active.root:
        _ORIGINALS["clean"](directory)


def _write(content: bytes, output_path: str) -> None:
    """`write_file`: into the running build's folder only when the bytes changed."""
    if _active is None or not _active.covers(output_path):
        _ORIGINALS["write"](content, output_path)
    else:
        _active.put(os.path.abspath(output_path), content)


def _copy_file(self: File, dirty: bool = False) -> None:
    """`File.copy_file`: into the running build's folder only when the file changed."""
    if _active is None or not _active.covers(self.abs_dest_path):
        _ORIGINALS["copy"](self, dirty)
    else:
        _active.copy(self)
