"""The engine's run: MkDocs lays out the prepared pages with the theme and navigation into a folder.

The pages come made (`generator.render.site.Site`); MkDocs adds the theme, the
navigation and the static guides in docs/, and converts the pages to HTML.
Its warnings are shown while it works; a failure is an `EngineError` in Swedish.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from generator.render.site import Site

PLUGIN = "vb"


class EngineError(Exception):
    """MkDocs could not lay out the site; the message is Swedish and says what to do."""


def run_engine(config_file: Path, site: Site, content: Path, target: Path, processes: int) -> int:
    """MkDocs in strict mode into `target` with the prepared `site`; the number of HTML pages written."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _show_mkdocs_warnings()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(target), strict=True)
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            raise EngineError(
                f'Insticksprogrammet {PLUGIN} saknas under plugins i {config_file}. Lägg till "- {PLUGIN}".'
            )
        plugin.use_prepared(site, content.resolve(), processes)
        build(config)
    except MkDocsException as exc:
        raise EngineError(
            f"Webbplatsen kunde inte byggas ({exc}). Den förra webbplatsen är oförändrad. "
            "Rätta det som MkDocs rapporterar ovan och kör `vb build` igen."
        ) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return sum(1 for _ in target.rglob("index.html"))


def _show_mkdocs_warnings() -> logging.Handler:
    """MkDocs' warnings and errors go to stderr while it builds."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    return handler
