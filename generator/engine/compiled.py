"""The theme's templates compiled once per machine, not on every `vb build` (a third of a second of the build).

Jinja keeps each compiled template with a checksum of its source and the Python version, so an edited template
or another Python compiles it again. The cache is the user's (XDG_CACHE_HOME, else ~/.cache), never the site's
or the content's; where it cannot be read or written, the templates are compiled as if there were none.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache

FOLDER = "vb/mallar"  # under the user's cache folder


def cache_folder() -> Path:
    """Where the compiled templates are kept: XDG_CACHE_HOME/vb/mallar, else ~/.cache/vb/mallar."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / FOLDER


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, which a missing, unreadable or unwritable folder never fails."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 (a damaged file: the template is compiled from its source)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full disk or a read-only home: the next build compiles it again
            pass


def compiled_templates() -> CompiledTemplates | None:
    """The cache in the user's cache folder, or None where that folder cannot be made."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return CompiledTemplates(str(folder))
