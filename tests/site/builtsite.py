"""Reading a built site: its pages, the text a reader sees or hears, its links and the ids they may point at."""

from __future__ import annotations

import posixpath
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SKIPPED_FOLDERS = ("pagefind/", "redigera/")  # redigera/: the editor, an application of its own (test_editor.py)
SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-description")
SILENT_ELEMENTS = {"script", "style", "code", "pre"}


@dataclass
class PageParts:
    """What one page shows and says (text and spoken attributes), where it links, and the ids it has."""

    texts: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts = PageParts()
        self.silent = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in SILENT_ELEMENTS:
            self.silent += 1
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.parts.ids.add(values[name])
        self.parts.texts += [values[name] for name in SPOKEN_ATTRIBUTES if values.get(name)]
        if tag == "a" and "href" in values:
            self.parts.links.append(values["href"])
        if tag in ("link", "script", "img", "source") and (values.get("href") or values.get("src")):
            self.parts.links.append(values.get("href") or values.get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in SILENT_ELEMENTS and self.silent:
            self.silent -= 1

    def handle_data(self, data: str) -> None:
        if not self.silent and data.strip():
            self.parts.texts.append(data.strip())


def read_page(html: str) -> PageParts:
    """A page's texts, links and ids."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.parts


def html_files(site: Path) -> list[Path]:
    """Every HTML file of a built site but the search index's."""
    return [p for p in sorted(site.rglob("*.html")) if not p.relative_to(site).as_posix().startswith(SKIPPED_FOLDERS)]


def target_of(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a link of `page` leads to inside the site, or None for a link that leaves it."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = urllib.parse.unquote(parts.path)
    fragment = urllib.parse.unquote(parts.fragment)
    if not path:
        return page, fragment
    base = page.parent.relative_to(site).as_posix()
    joined = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
    target = site / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, fragment


def broken_links(site: Path) -> list[str]:
    """Every link inside the site that leads to no file, or to an id its target page does not have."""
    pages = {file: read_page(file.read_text(encoding="utf-8")) for file in html_files(site)}
    broken = []
    for file, parts in pages.items():
        for href in parts.links:
            found = target_of(site, file, href)
            if found is None:
                continue
            target, fragment = found
            shown = f"{file.relative_to(site)}: {href}"
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                broken.append(f"{shown} (ingen fil)")
            elif fragment and target.suffix == ".html" and fragment not in _ids(target, pages):
                broken.append(f"{shown} (inget id {fragment})")
    return broken


def _ids(target: Path, pages: dict[Path, PageParts]) -> set[str]:
    if target not in pages:
        pages[target] = read_page(target.read_text(encoding="utf-8"))
    return pages[target].ids
