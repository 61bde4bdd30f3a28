"""The MkDocs plugin `vb`: checks the content, adds the generated pages and their navigation.

All rendering lives in `generator.build` and `generator.render`; this module
only connects them to MkDocs: `on_config` checks the content (errors stop the
build with the Swedish messages) and sets the navigation, `on_files` adds the
generated pages and the site's stylesheet, `on_page_markdown` makes links from
the static guides to project files outside docs/ (e.g. ../README.md) point at
the repository, and `on_serve` rebuilds on changes to content/ and templates/.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.build import Site, SiteError, build_site, nav_config
from generator.check import check_paths
from generator.output import as_text
from generator.problems import Severity
from generator.render.environment import TEMPLATES

log = get_plugin_logger("vb")
STYLESHEET = "assets/vb.css"
STYLESHEET_SOURCE = TEMPLATES / "assets" / "print.css"
HELP_TITLE = "Hjälp"
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class VbConfig(base.Config):
    """Plugin options: where the content is (relative to mkdocs.yml) and whether to check it first."""

    content = c.Type(str, default="content")
    check = c.Type(bool, default=True)


class VbPlugin(BasePlugin[VbConfig]):
    """Generated report pages for MkDocs."""

    site: Site | None = None
    content_root: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the content, build the pages and set the navigation and stylesheet."""
        root = Path(config.config_file_path or ".").resolve().parent / self.config.content
        self.content_root = root
        if self.config.check:
            _stop_on_errors(root)
        try:
            self.site = build_site(root)
        except SiteError as exc:
            raise PluginError(str(exc)) from None
        config.nav = nav_config(self.site.nav)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (they replace static files of the same name) and the stylesheet."""
        assert self.site is not None
        static = [f.src_uri for f in files.documentation_pages() if f.src_uri not in self.site.pages]
        for path, text in self.site.pages.items():
            _replace(files, File.generated(config, path, content=text))
        _replace(files, File.generated(config, STYLESHEET, content=STYLESHEET_SOURCE.read_text(encoding="utf-8")))
        if static and isinstance(config.nav, list):
            config.nav.append({HELP_TITLE: sorted(static)})
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Static pages may link to project files outside docs/; those links go to the repository, or become text."""
        if self.site is None or page.file.src_uri in self.site.pages or not page.file.abs_src_path:
            return markdown
        project = Path(config.config_file_path or ".").resolve().parent
        fixed, dropped = outside_links(markdown, Path(page.file.abs_src_path).parent, Path(config.docs_dir),
                                       project, config.repo_url)
        for target in dropped:
            log.info("%s: länken till %s leder utanför webbplatsen och visas som text (ange repo_url i mkdocs.yml "
                     "för att länka till projektets filer).", page.file.src_uri, target)
        return fixed

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """`mkdocs serve` rebuilds when content or templates change."""
        if self.content_root is not None:
            server.watch(str(self.content_root))
        server.watch(str(TEMPLATES))
        return server


def _replace(files: Files, new: File) -> None:
    """Add a file, removing one with the same path first."""
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        log.info("Den genererade sidan %s ersätter filen med samma namn i docs/.", new.src_uri)
        files.remove(old)
    files.append(new)


def outside_links(markdown: str, page_dir: Path, docs_dir: Path, project: Path,
                  repo_url: str | None) -> tuple[str, list[str]]:
    """Rewrite links that leave docs/: to `repo_url` for files in the project, else keep only the link text."""
    dropped: list[str] = []

    def fix(match: re.Match[str]) -> str:
        """One link: left alone inside the site, pointed at the repository, or reduced to its text."""
        text, target = match.group(1), match.group(2)
        if SCHEME.match(target) or target.startswith(("#", "/")):
            return match.group(0)
        path, hash_sign, anchor = target.partition("#")
        resolved = (page_dir / path).resolve()
        if resolved.is_relative_to(docs_dir.resolve()):
            return match.group(0)
        if repo_url and resolved.is_relative_to(project) and resolved.exists():
            relative = resolved.relative_to(project).as_posix()
            return f"[{text}]({repo_url.rstrip('/')}/blob/HEAD/{relative}{hash_sign}{anchor})"
        dropped.append(target)
        return text

    return MARKDOWN_LINK.sub(fix, markdown), dropped


def _stop_on_errors(root: Path) -> None:
    """Errors in the content stop the build with their Swedish messages; warnings do not."""
    result = check_paths([root])
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if errors:
        raise PluginError("Innehållet har fel och webbplatsen byggs inte. Rätta felen och bygg igen.\n"
                          + as_text(errors, result.files))
    if result.problems:
        log.info("Innehållet har %d varningar (kör `vb check` för att se dem).", len(result.problems))
