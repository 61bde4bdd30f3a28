"""While serving: the theme's cut stylesheet kept by the pages' names, its templates compiled once, no Markdown
converter made for a page whose Markdown is empty, and the search index made after the build.

After a rebuild most pages are the same bytes as before; the names each page
uses (classes, ids, elements, attributes) are kept by a hash of its text, and
the cut stylesheet by the theme's stylesheet and every name used, so an edit that
brings no new name leaves the stylesheet as it was.

Pagefind cannot update an index: its word chunks, filters and page list cover
the whole site at once (it has no way to add or remove one page's entries), so
every change means indexing all pages again. While serving this runs in the
background after each build, and the served pages do not wait for it; search
finds the edit a few seconds later. A new build stops an unfinished run first.
"""

from __future__ import annotations

import hashlib
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.engine.search import ENTRY, INDEX_DIR, entry_problem, pagefind_command, pagefind_executable
from generator.engine.theme_css import Used, cut_stylesheet, site_pages, site_pages_of

log = get_plugin_logger("vb")


def _hash(*parts: str) -> str:
    sha = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", errors="surrogatepass")
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


def empty_render(page: Page) -> None:
    """Let MkDocs skip converting the page's Markdown, which the plugin has emptied (its HTML comes from the core):
    the page gets what converting an empty text gives, without a Markdown converter made for it."""

    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = ""
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    page.render = render  # type: ignore[method-assign]


@dataclass
class KeptStylesheet:
    """The names of each page of the last build, by a hash of the page's bytes, and the last cut stylesheet."""

    pages: dict[bytes, Used] = field(default_factory=dict)
    cut_css: tuple[str, str] | None = None  # (hash of its inputs, the cut stylesheet)

    def names(self, site_dir: Path, scripts: list[Path]) -> Used:
        """`site_names`: each page read again, its names found again only when its text changed."""
        return self.names_by(None)(site_dir, scripts)

    def names_by(
        self, known: Callable[[str], bytes | None] | None = None, files: list[str] | None = None
    ) -> Callable[[Path, list[Path]], Used]:
        """`names`, where `known` gives the hash of a page's bytes without reading it, when it knows it, and `files`
        are the site's files (else the site's folder is listed)."""
        return partial(self._names, known or (lambda _path: None), files)

    def _names(
        self, known: Callable[[str], bytes | None], files: list[str] | None, site_dir: Path, scripts: list[Path]
    ) -> Used:
        used, seen = Used(), dict[bytes, Used]()
        for page in site_pages(site_dir) if files is None else site_pages_of(site_dir, files):
            key = known(str(page)) or hashlib.sha256(page.read_bytes()).digest()
            own = seen.get(key) or self.pages.get(key)
            if own is None:  # read as site_names reads it
                own = Used()
                own.read_html(page.read_text(encoding="utf-8", errors="replace"))
            seen[key] = own
            used.classes |= own.classes
            used.ids |= own.ids
            used.tags |= own.tags
            used.attributes |= own.attributes
        self.pages = seen
        for script in scripts:
            used.read_script(script.read_text(encoding="utf-8"))
        return used

    def cut(self, css: str, used: Used, other_css: str) -> str:
        """`cut_stylesheet`, kept while the stylesheets and the names used are the same."""
        names = [sorted(used.classes), sorted(used.ids), sorted(used.tags), sorted(used.attributes)]
        key = _hash(css, other_css, *("\n".join(group) for group in names))
        if self.cut_css is None or self.cut_css[0] != key:
            self.cut_css = (key, cut_stylesheet(css, used, other_css))
        return self.cut_css[1]


class KeptBytecode(BytecodeCache):
    """The theme's compiled templates, from build to build (Jinja compiles a template again when its source
    changed: each is kept with a checksum of its source)."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


@dataclass
class BackgroundSearch:
    """The search index of the served site, made by one Pagefind process at a time after each build."""

    process: subprocess.Popen[str] | None = None
    waiter: threading.Thread | None = None

    def start(self, site: Path) -> None:
        """Index the built site in the background (an unfinished run is stopped first)."""
        self.stop()
        command = pagefind_command(pagefind_executable(), site)
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True
        )
        self.waiter = threading.Thread(target=_report, args=(self.process, site), daemon=True)
        self.waiter.start()

    def stop(self) -> None:
        """Stop an unfinished run and wait for it (before the site's folder is emptied for the next build)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
        if self.waiter is not None:
            self.waiter.join()
        self.process = self.waiter = None


def _report(process: subprocess.Popen[str], site: Path) -> None:
    """Wait for Pagefind; say in Swedish when it failed (a run stopped for the next build says nothing)."""
    said, _ = process.communicate()
    if process.returncode < 0:
        return
    if process.returncode != 0:
        last = "\n".join(said.strip().splitlines()[-10:])
        log.warning("Sökindexet kunde inte skapas: Pagefind avslutades med kod %d:\n%s", process.returncode, last)
        return
    entry = site / INDEX_DIR / ENTRY
    problem = entry_problem(entry.read_text(encoding="utf-8") if entry.is_file() else None)
    if problem:
        log.warning("Sökindexet blev fel: %s", problem)
    else:
        log.info("Sökindexet är uppdaterat.")
