"""The MkDocs plugin `vb`: checks the content, adds the generated pages and their navigation.

All rendering lives in `generator.build.pages` and `generator.render`; this module
only connects them to MkDocs: `on_config` checks the content (errors stop the
build with the Swedish messages) and sets the navigation, `on_files` adds the
generated pages and the site's stylesheet (the static guides stay out of the
menu; the about page lists them), `on_page_markdown` makes links from
the static guides to project files outside docs/ (e.g. ../README.md) point at
the repository, `on_pre_build` puts the site's theme additions (templates/theme:
search field, search page, script) before the theme's templates, `on_post_build`
writes the search index (Pagefind) for the built pages (while serving, in the
background: generator.engine.serve_kept), and `on_serve` rebuilds on changes
to content/ and templates/; a rebuild while serving writes only the files whose
bytes changed (generator.engine.serve_files).

Every page's HTML comes from the core (`generator.render.html`, the parser `vb check`
reads with): MkDocs gets an empty Markdown body in `on_page_markdown`, and
`on_page_content` hands it the page's HTML, table of contents, title and ids.
The generated pages arrive rendered; the static guides are rendered here, the same way.
Speed (generator.engine.prerender): `on_env` fills the theme's template for the
generated pages in processes forked from the build (one per core); memory: a
page made by `vb build` reaches MkDocs with its HTML compressed (generator.render.packed).
Moved pages (a unit's former print view) get a small page at their old address.
"""

from __future__ import annotations

import re
import tempfile
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme
from mkdocs.utils import get_relative_url

from generator.engine.compiled import compiled_templates
from generator.engine.menu import install as install_menu
from generator.engine.prerender import page_outputs, use_outputs
from generator.engine.reuse import PageReuse
from generator.engine.search import SearchIndexError, build_search_index
from generator.engine.serve_files import ServedFolder, written_by
from generator.engine.serve_kept import BackgroundSearch, KeptBytecode, KeptStylesheet, empty_render
from generator.engine.theme_css import site_names, write_theme_stylesheet
from generator.engine.theme_html import site_name, valid_theme_html
from generator.parallel import cores
from generator.render.environment import TEMPLATES
from generator.render.html import Heading, PageHtml, render_page
from generator.render.nav import Redirect
from generator.render.packed import PackedPage
from generator.render.page_memo import remember
from generator.render.redirect import redirect_html
from generator.render.site import Site, SiteError, nav_config
from generator.render.site_pages import ABOUT, guide_title, with_guides

log = get_plugin_logger("vb")
STYLESHEET = "assets/vb.css"
STYLESHEET_SOURCE = TEMPLATES / "assets" / "print.css"
THEME_ADDITIONS = TEMPLATES / "theme"
SEARCH_PAGE = "sok.html"
SITE_MAP = "karta.html"  # every page, once: the menu on each page shows only the way to it
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class VbConfig(base.Config):
    """Plugin options: where the content is (relative to mkdocs.yml) and how many processes work."""

    content = c.Type(str, default="content")
    processes = c.Type(int, default=0)  # processes that build and convert pages; 0: one per core


class SitePlugin(BasePlugin[VbConfig]):
    """Generated report pages for MkDocs; `make_site` says where pages come from when none were handed over."""

    site: Site | None = None
    content_root: Path | None = None
    serving = False
    prepared: Site | None = None  # the pages `vb build` made before the engine ran
    index_search = True  # `vb build` indexes the built site itself, as a stage of its own
    nav: Navigation | None = None
    core: dict[str, PageHtml]  # each page's HTML from the core, from on_page_markdown to on_page_content
    outputs: tempfile.TemporaryDirectory[str] | None = None  # the pages' finished HTML until MkDocs writes them
    reuse: PageReuse | None = None  # while serving: each page's finished HTML, kept while its inputs stay the same
    stylesheet: KeptStylesheet | None = None  # while serving: the pages' names and the cut stylesheet
    search: BackgroundSearch | None = None  # while serving: the search index, made after each build
    bytecode: KeptBytecode | None = None  # while serving: the theme's templates, compiled once
    served: ServedFolder | None = None  # while serving: the files of the served folder that a rebuild keeps

    def make_site(self, root: Path, processes: int) -> Site:
        """The pages of the content tree at `root` (the build stage's subclass makes them; raise SiteError if not)."""
        raise SiteError(f"Insticksprogrammet kan inte skapa sidor av {root} på egen hand: använd `vb build`.")

    def use_prepared(self, site: Site, content_root: Path, processes: int) -> None:
        """`vb build`: lay out these pages (already checked and made) and leave the search index to the build."""
        self.prepared = site
        self.content_root = content_root
        self.config.content = str(content_root)
        self.config.processes = processes
        self.serving = False
        self.index_search = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """`mkdocs serve` builds in one process (its server threads must not be forked)."""
        self.serving = command == "serve"
        self.reuse = PageReuse() if self.serving else None
        self.stylesheet = KeptStylesheet() if self.serving else None
        self.search = BackgroundSearch() if self.serving else None
        self.bytecode = KeptBytecode() if self.serving else None
        self.served = ServedFolder() if self.serving else None
        if self.served is not None:
            self.served.install()
        remember(self.serving)

    def on_shutdown(self) -> None:
        """The end of `mkdocs serve` or `mkdocs build`: a later build in this process starts afresh."""
        self.serving = False
        self.reuse = None
        self.stylesheet = None
        self.bytecode = None
        if self.served is not None:
            self.served.uninstall()
            self.served = None
        if self.search is not None:
            self.search.stop()
            self.search = None
        remember(False)
        if self.outputs is not None:  # a build that stopped before writing its pages
            self.outputs.cleanup()
            self.outputs = None

    @property
    def processes(self) -> int:
        """How many processes build and convert the pages."""
        if self.serving:
            return 1
        return self.config.processes if self.config.processes > 0 else cores()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the content, build the pages and set the navigation and stylesheet."""
        root = Path(config.config_file_path or ".").resolve().parent / self.config.content
        self.content_root = root
        self.core = {}
        if self.reuse is not None:
            self.reuse.start()
        try:
            self.site = self.prepared or self.make_site(root, self.processes)
            self.prepared = None  # MkDocs keeps this plugin across builds in one process: use the pages once
        except SiteError as exc:
            raise PluginError(str(exc)) from None
        config.nav = html_titles(nav_config(self.site.nav))
        config.site_name = site_name(config.site_name, self.site.council)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (they replace static files of the same name), the stylesheet and redirects."""
        assert self.site is not None
        static = {
            f.src_uri: guide_title(f.content_string, f.src_uri)
            for f in files.documentation_pages()
            if f.src_uri not in self.site.pages
        }
        for path, text in self.site.pages.items():
            _replace(files, File.generated(config, path, content=with_guides(text, static) if path == ABOUT else text))
        for path, content in self.site.files.items():  # the open data under data/, copied as they are
            _replace(files, File.generated(config, path, content=content))
        _replace(files, File.generated(config, STYLESHEET, content=STYLESHEET_SOURCE.read_text(encoding="utf-8")))
        for moved in self.site.redirects:
            _replace(files, redirect_file(config, moved))
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep the navigation, for filling the theme's template in parallel."""
        self.nav = nav
        return nav

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Fill the theme's template for the generated pages in parallel, before MkDocs writes them one by one;
        while serving, pages whose inputs are unchanged keep their HTML from the last build. The templates do not
        change during a build (a rebuild makes a new environment), so they are not looked at again on every page."""
        env.auto_reload = False
        install_menu(env)
        env.bytecode_cache = self.bytecode if self.bytecode is not None else compiled_templates()
        if self.reuse is not None:
            documents = [f.page for f in files.documentation_pages() if f.page is not None]
            kept = self.reuse.choose(documents, config, env)
            log.info("%d av %d sidor är oförändrade sedan förra bygget.", kept, len(documents))
        if self.site is not None and self.processes > 1 and not self.serving and self.nav is not None:
            pages = [
                f.page
                for f in files.documentation_pages()
                if f.src_uri in self.site.pages and f.page is not None and f.page.content is not None
            ]
            self.outputs = tempfile.TemporaryDirectory(prefix="vb-sidor-")
            folder = Path(self.outputs.name)
            use_outputs(page_outputs(pages, config, files, self.nav, env, self.processes, folder), files, env)
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Take the page's HTML from the core; MkDocs converts only an empty body.

        Static pages may link to project files outside docs/; those links go to the repository, or become text.
        """
        empty_render(page)  # the body MkDocs converts is empty: no Markdown converter is made for it
        src = page.file.src_uri
        if self.site is not None and src in self.site.pages:
            made = self.site.html.get(src)
            self.core[src] = made if made is not None and src != ABOUT else render_page(markdown, src)
            return ""
        if self.site is None or not page.file.abs_src_path:
            self.core[src] = render_page(markdown, src)
            return ""
        project = Path(config.config_file_path or ".").resolve().parent
        fixed, dropped = outside_links(
            markdown, Path(page.file.abs_src_path).parent, Path(config.docs_dir), project, config.repo_url
        )
        for target in dropped:
            log.info(
                "%s: länken till %s leder utanför webbplatsen och visas som text (ange repo_url i mkdocs.yml "
                "för att länka till projektets filer).",
                page.file.src_uri,
                target,
            )
        self.core[src] = render_page(fixed, src)
        return ""

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The core's HTML for the page, with its table of contents, its title and the ids it holds."""
        made = self.core.pop(page.file.src_uri, None)
        if made is None:
            return html
        page.toc = get_toc([toc_token(entry) for entry in made.toc])
        page._title_from_render = made.title
        page.present_anchor_ids = set(made.ids)
        if self.reuse is not None:
            self.reuse.note_core(page.file.src_uri, made, dict(page.meta))
        for target in sorted(made.targets):  # as MkDocs warns (strict mode fails the build) for a missing page
            if target not in files.src_uris and files.get_file_from_path(target) is None:
                log.warning(
                    "Doc file '%s' contains a link to '%s', which is not found among documentation files.",
                    page.file.src_uri,
                    target,
                )
        return made.content() if isinstance(made, PackedPage) else made.html  # type: ignore[return-value]

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """`mkdocs serve` rebuilds when content or templates change."""
        if self.content_root is not None:
            server.watch(str(self.content_root))
        server.watch(str(TEMPLATES))
        return server

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """The site's theme additions apply with any mkdocs.yml that uses the plugin; while serving, an unfinished
        search index of the last build stops before the site's folder is emptied."""
        add_theme_additions(config.theme)
        if self.search is not None:
            self.search.stop()
        if self.served is not None:
            self.served.begin(config.site_dir)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The theme's markup made valid HTML where no template block can change it."""
        if self.reuse is not None and page.file.src_uri in self.reuse.reused:
            return output
        finished = valid_theme_html(output)
        if self.reuse is not None:
            self.reuse.finished(page.file.src_uri, finished)
        return finished

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """The same for the pages made from templates alone (the search page, the 404 page)."""
        return valid_theme_html(output_content)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the theme's stylesheet cut to the built pages; index them for search (unless `vb build` does);
        a failed index fails the build in Swedish."""
        if self.outputs is not None:
            self.outputs.cleanup()
            self.outputs = None
        if self.served is not None and self.stylesheet is not None:
            left = self.served.sweep()  # what this build did not write goes first; the pages' names from what is left
            self.served.root = None
            names = self.stylesheet.names_by(written_by(self.served), left)
            write_theme_stylesheet(Path(config.site_dir), names, self.stylesheet.cut)
        elif self.stylesheet is not None:
            write_theme_stylesheet(Path(config.site_dir), self.stylesheet.names, self.stylesheet.cut)
        else:
            write_theme_stylesheet(Path(config.site_dir), partial(site_names, processes=self.processes))
        if not self.index_search:
            return
        try:
            if self.search is not None:
                self.search.start(Path(config.site_dir))
            else:
                build_search_index(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None


def toc_token(entry: Heading) -> Any:
    """A table-of-contents entry in the form MkDocs reads (level, id, name as HTML, children)."""
    return {
        "level": entry.level,
        "id": entry.id,
        "name": entry.title,
        "children": [toc_token(c) for c in entry.children],
    }


def html_titles(entries: list[Any]) -> list[Any]:
    """The navigation with its titles HTML-escaped: MkDocs' themes print nav and page titles as HTML, unescaped."""
    escaped: list[Any] = []
    for entry in entries:
        if isinstance(entry, dict):
            escaped.append(
                {
                    escape(title, quote=False): html_titles(value) if isinstance(value, list) else value
                    for title, value in entry.items()
                }
            )
        else:
            escaped.append(entry)
    return escaped


def add_theme_additions(theme: Theme) -> None:
    """templates/theme comes before the theme's own templates (after a custom_dir); sok.html and karta.html are
    rendered as pages."""
    folder = str(THEME_ADDITIONS)
    if folder not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, folder)
    theme.static_templates.add(SEARCH_PAGE)
    theme.static_templates.add(SITE_MAP)


def redirect_file(config: MkDocsConfig, moved: Redirect) -> File:
    """A static page at a moved page's former address (e.g. 2021/vb/x/utskrift/index.html) leading to it."""
    source = File.generated(config, moved.source, content="")
    target = File.generated(config, moved.target, content="")
    html = redirect_html(moved.title, get_relative_url(target.url, source.url))
    return File.generated(config, source.dest_uri, content=html)


def _replace(files: Files, new: File) -> None:
    """Add a file, removing one with the same path first."""
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        log.info("Den genererade sidan %s ersätter filen med samma namn i docs/.", new.src_uri)
        files.remove(old)
    files.append(new)


def outside_links(
    markdown: str, page_dir: Path, docs_dir: Path, project: Path, repo_url: str | None
) -> tuple[str, list[str]]:
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
