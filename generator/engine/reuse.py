"""Rebuilds while serving: a page whose inputs are unchanged keeps the finished HTML of the last build.

`mkdocs serve` builds the whole site again after every saved file, and filling
the theme's template is most of what MkDocs does per page. A page's finished
HTML depends on its own HTML from the core (with its table of contents, title
and metadata) and on what every page sees alike: the navigation (titles and
addresses of all pages), mkdocs.yml, the address served and the theme's
templates. `PageReuse` keys each page's finished HTML by a hash of both, so an
edit that changes one report only fills the template for the pages it changed;
a changed title, navigation, setting or template changes every key.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from generator.render.html import Heading, PageHtml

FINISHED_TEMPLATE = "vb-sparad-sida.html"  # prints a page's finished HTML kept from the last build


def _digest(*parts: str) -> str:
    """A hash of the parts, each part kept apart from the next."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8", errors="surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


def _toc(entries: list[Heading]) -> list[object]:
    return [[e.level, e.id, e.title, _toc(e.children)] for e in entries]


def meta_text(meta: dict[str, object]) -> str:
    """A page's metadata as text (compared from build to build)."""
    return json.dumps(meta, sort_keys=True, default=repr, ensure_ascii=False)


def core_key(made: PageHtml, meta: dict[str, object] | str) -> str:
    """What the core gave a page, and its metadata, as one hash."""
    return _digest(
        made.html,
        json.dumps(_toc(made.toc), ensure_ascii=False),
        str(made.title),
        "\n".join(sorted(made.ids)),
        "\n".join(sorted(made.targets)),
        meta if isinstance(meta, str) else meta_text(meta),
    )


def _theme_files(dirs: Iterable[str]) -> str:
    """Name, size and time of change of every template file outside the installed packages (those stay put)."""
    installed = Path(sys.prefix).resolve()
    found: list[str] = []
    for folder in dirs:
        root = Path(folder).resolve()
        if root.is_relative_to(installed):
            found.append(str(root))
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            stat = path.stat()
            found.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(found)


def site_key(config: MkDocsConfig, pages: Iterable[Page]) -> str:
    """What every page's finished HTML depends on alike: navigation, settings, address, theme templates."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    settings = config_file.read_bytes().decode("utf-8", errors="replace") if config_file else ""
    listing = [[p.file.src_uri, p.url, str(p.title)] for p in pages]
    return _digest(
        json.dumps(config.nav, ensure_ascii=False, default=repr),
        json.dumps(listing, ensure_ascii=False),
        settings,
        str(config.site_url),
        str(config.site_name),
        json.dumps([str(x) for x in config.extra_css + config.extra_javascript]),
        _theme_files(config.theme.dirs),
    )


@dataclass
class PageReuse:
    """Each page's finished HTML from the last build in this process, and the hash of the inputs it was made from."""

    kept: dict[str, tuple[str, Markup]] = field(default_factory=dict)  # src_uri -> (inputs' hash, finished HTML)
    inputs: dict[str, str] = field(default_factory=dict)  # this build: src_uri -> hash of the core's part
    keys: dict[str, str] = field(default_factory=dict)  # this build: src_uri -> hash of all its inputs
    reused: set[str] = field(default_factory=set)  # this build: the pages that keep their finished HTML
    # src_uri -> (the core's page, its metadata, their hash): the core hands an unchanged page over as the same object
    cores: dict[str, tuple[PageHtml, str, str]] = field(default_factory=dict)

    def start(self) -> None:
        """A new build: forget this build's hashes (the finished pages stay)."""
        self.inputs.clear()
        self.keys.clear()
        self.reused.clear()

    def clear(self) -> None:
        """Forget everything (serving ended)."""
        self.start()
        self.kept.clear()
        self.cores.clear()

    def note_core(self, src_uri: str, made: PageHtml, meta: dict[str, object]) -> None:
        """Note the hash of what the core gave the page (hashed again only when it is another object, or its
        metadata changed: the core's pages are frozen, so the same object holds the same HTML)."""
        text = meta_text(meta)
        last = self.cores.get(src_uri)
        if last is None or last[0] is not made or last[1] != text:
            last = (made, text, core_key(made, text))
            self.cores[src_uri] = last
        self.inputs[src_uri] = last[2]

    def choose(self, pages: list[Page], config: MkDocsConfig, env: Environment) -> int:
        """Pages whose inputs are unchanged print their kept HTML; the number of such pages."""
        shared = site_key(config, pages)
        present = {page.file.src_uri for page in pages}
        for gone in self.kept.keys() - present:
            del self.kept[gone]
        for gone in self.cores.keys() - present:
            del self.cores[gone]
        for page in pages:
            src = page.file.src_uri
            if src not in self.inputs:
                continue
            self.keys[src] = _digest(shared, src, self.inputs[src])
            kept = self.kept.get(src)
            if kept is not None and kept[0] == self.keys[src]:
                page.meta["template"] = FINISHED_TEMPLATE
                page.vb_kept = kept[1]  # type: ignore[attr-defined]
                self.reused.add(src)
        if self.reused:
            loaders: list[BaseLoader] = [DictLoader({FINISHED_TEMPLATE: "{{ page.vb_kept }}"})]
            env.loader = ChoiceLoader([*loaders, *([env.loader] if env.loader else [])])
        return len(self.reused)

    def finished(self, src_uri: str, output: str) -> None:
        """Keep a page's finished HTML for the next build."""
        key = self.keys.get(src_uri)
        if key is None:
            self.kept.pop(src_uri, None)
        elif src_uri not in self.reused:
            self.kept[src_uri] = (key, Markup(output))  # (made Markup once: each copy copies the text)
