"""The `vb` plugin of mkdocs.yml: the engine's plugin with the stages before the engine behind it.

`mkdocs build` and `mkdocs serve` find the plugin by this entry point; it makes
the pages with the same stages as `vb build` (`generator.build.site.prepare`);
while serving, with each stage's results kept by their inputs (`generator.build.incremental`).
"""

from __future__ import annotations

import io
from pathlib import Path

from generator.build.collector import rare_collections
from generator.build.incremental import Kept, prepare_kept
from generator.build.publish import PublishError
from generator.build.site import prepare
from generator.engine.plugin import SitePlugin
from generator.render.site import Site, SiteError


class VbPlugin(SitePlugin):
    """Generated report pages for MkDocs, made by the build's stages; content errors stop the build in Swedish."""

    kept: Kept | None = None  # while serving: the stages' results of the last build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        super().on_startup(command=command, dirty=dirty)
        self.kept = Kept() if self.serving else None

    def on_shutdown(self) -> None:
        super().on_shutdown()
        self.kept = None

    def make_site(self, root: Path, processes: int) -> Site:
        shown = io.StringIO()
        try:
            with rare_collections():
                if self.kept is not None:
                    return prepare_kept(root, self.kept, shown)
                return prepare(root, processes, shown)
        except PublishError as exc:
            raise SiteError(f"{exc}\n{shown.getvalue()}".rstrip()) from None
