"""The theme's stylesheet cut down to the rules the built site can use, so that a page waits for little CSS.

The theme's stylesheet is made for every feature it has (code, admonitions,
tabs, its own search …) and most of it styles nothing on these pages. After the
pages are written, the rules whose selectors name a class, id, element or
attribute that occurs in no page of the site (nor in the site's own script,
which adds classes) are left out; @media and @supports blocks are cut the same
way and emptied ones dropped. A selector is kept when in doubt: what the
negations (`:not(…)`) name need not occur, and of a list in `:is(…)` or
`:where(…)` one alternative is enough.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tinycss2

from generator.parallel import fork_map

THEME_STYLESHEET = "assets/stylesheets/vb-tema.css"
SKIPPED_FOLDERS = ("pagefind/", "redigera/", "assets/")
_CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
_ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
_ATTRIBUTE_NAME = re.compile(r"\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?==|\s|/?$)")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_SELECTOR_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_SELECTOR_ATTRIBUTE = re.compile(r"\[\s*([-\w]+)")
_ATTRIBUTE_TEST = re.compile(r"\[\s*([-\w]+)[^\]]*\]")
_SELECTOR_TAG = re.compile(r"(?:^|[\s>+~(,])([a-zA-Z][a-zA-Z0-9]*)")
_PSEUDO = re.compile(r"::?[-\w]+")
_GROUPING = ("is", "where", "matches", "-webkit-any", "-moz-any")
_ALWAYS = {"html", "body", "*"}
# A custom property's declaration in a serialized rule: from its name to the ; or } that ends it.
_CUSTOM_DECLARATION = re.compile(r"(?<=[{;])\s*(--[-\w]+)\s*:((?:[^;}(]|\([^)]*\))*);?")
_EMPTY_RULE = re.compile(r"(?:(?<=[{}])|^)[^{}@;]+\{[\s;]*\}")
_VAR = re.compile(r"var\(\s*(--[-\w]+)")


Names = Callable[[Path, list[Path]], "Used"]
Cut = Callable[[str, "Used", str], str]


@dataclass
class Used:
    """The names the site's pages and script use: classes, ids, element names and attribute names."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=lambda: set(_ALWAYS))
    attributes: set[str] = field(default_factory=set)

    def read_html(self, html: str, seen: set[str] | None = None) -> None:
        """Add the names one page uses; with `seen`, the pieces of markup of the pages read before, the parts it
        shares with them (the theme's frame, the menu) are not read again: a page is cut after each `>`, which no
        tag and no class or id the site writes holds."""
        if seen is not None:
            new = set(html.split(">")) - seen
            seen |= new
            html = ">".join(new) + ">"
        for match in _CLASS_ATTRIBUTE.finditer(html):
            self.classes.update(match.group(1).split())
        self.ids.update(m.group(1) for m in _ID_ATTRIBUTE.finditer(html))
        for match in _TAG.finditer(html):
            self.tags.add(match.group(1).lower())
            self.attributes.update(name.lower() for name in _ATTRIBUTE_NAME.findall(match.group(2)))

    def merge(self, other: Used) -> None:
        """Add the names another reading found."""
        self.classes |= other.classes
        self.ids |= other.ids
        self.tags |= other.tags
        self.attributes |= other.attributes

    def read_script(self, script: str) -> None:
        """A script may add any class, id or element it names: every word of it counts as used."""
        words = set(_WORD.findall(script))
        self.classes |= words
        self.ids |= words
        self.tags |= {word.lower() for word in words}
        self.attributes |= {word.lower() for word in words}


def _split_top(text: str, separator: str = ",") -> list[str]:
    """`text` split at `separator` outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _groups(selector: str) -> tuple[str, list[tuple[str, str]]]:
    """The selector without its parenthesised pseudo-class arguments, and those (name, argument) pairs."""
    plain, found, index = [], [], 0
    while index < len(selector):
        if selector[index] == ":" and (match := re.match(r"::?([-\w]+)\(", selector[index:])):
            depth, end = 1, index + match.end()
            while end < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[end], 0)
                end += 1
            found.append((match.group(1).lower(), selector[index + match.end() : end - 1]))
            plain.append(" ")
            index = end
        else:
            plain.append(selector[index])
            index += 1
    return "".join(plain), found


def selector_used(selector: str, used: Used) -> bool:
    """Whether every name the selector needs occurs in the site (see the module's docstring for doubts)."""
    plain, groups = _groups(selector)
    for name, argument in groups:
        if name in _GROUPING and not any(selector_used(part, used) for part in _split_top(argument)):
            return False
    plain = _ATTRIBUTE_TEST.sub(r" [\1] ", plain)  # only the attribute's name counts, not the value it tests
    if any(name not in used.classes for name in _SELECTOR_CLASS.findall(plain)):
        return False
    if any(name not in used.ids for name in _SELECTOR_ID.findall(plain)):
        return False
    if any(name.lower() not in used.attributes for name in _SELECTOR_ATTRIBUTE.findall(plain)):
        return False
    bare = _SELECTOR_ID.sub(" ", _SELECTOR_CLASS.sub(" ", _PSEUDO.sub(" ", plain)))
    return all(tag.lower() in used.tags for tag in _SELECTOR_TAG.findall(bare))


def _kept(rules: Iterable[Any], used: Used) -> list[str]:
    """The rules (tinycss2 nodes) that can apply, serialized; blocks recurse."""
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in _split_top(tinycss2.serialize(rule.prelude))]
            alive = [s for s in selectors if selector_used(s, used)]
            if alive:
                out.append(",".join(alive) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return out


def cut_stylesheet(css: str, used: Used, other_css: str = "") -> str:
    """The stylesheet with only the rules that can apply to the site, and only the custom properties
    (`--md-…`) that it or `other_css` (the site's own stylesheet) reads."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _without_unread_properties("".join(_kept(rules, used)), other_css)


def _without_unread_properties(css: str, other_css: str) -> str:
    """Custom property declarations that no `var()` reads (directly or through another read one) left out."""
    declared = {m.group(1): m.group(2) for m in _CUSTOM_DECLARATION.finditer(css)}
    outside = _CUSTOM_DECLARATION.sub("", css) + other_css
    read = set(_VAR.findall(outside))
    waiting = list(read)
    while waiting:
        for name in _VAR.findall(declared.get(waiting.pop(), "")):
            if name not in read:
                read.add(name)
                waiting.append(name)
    kept = _CUSTOM_DECLARATION.sub(lambda m: m.group(0) if m.group(1) in read else "", css)
    return _EMPTY_RULE.sub("", kept)


def site_pages(site_dir: Path) -> list[Path]:
    """The built site's pages whose names count (not the search index's, the editor's or the theme's files)."""
    return [p for p in site_dir.rglob("*.html") if not p.relative_to(site_dir).as_posix().startswith(SKIPPED_FOLDERS)]


def site_pages_of(site_dir: Path, files: Iterable[str]) -> list[Path]:
    """`site_pages` among the site's files as listed already (absolute paths)."""
    skipped = tuple(os.path.join(site_dir, folder) for folder in SKIPPED_FOLDERS)
    return [Path(f) for f in files if f.endswith(".html") and not f.startswith(skipped)]


def site_names(site_dir: Path, scripts: Iterable[Path], processes: int = 1) -> Used:
    """The names used by every page of the built site and by the given scripts; the pages read in up to
    `processes` forked processes, each a run of pages that share their frame."""
    pages = site_pages(site_dir)
    count = max(1, min(processes, len(pages)))
    size = -(-len(pages) // count)
    used = Used()
    for found in fork_map(lambda number: _page_names(pages[number * size : (number + 1) * size]), count, processes):
        used.merge(found)
    for script in scripts:
        used.read_script(script.read_text(encoding="utf-8"))
    return used


def _page_names(pages: list[Path]) -> Used:
    """The names the pages use, each piece of markup they share read once."""
    used, seen = Used(), set[str]()
    for page in pages:
        used.read_html(page.read_text(encoding="utf-8", errors="replace"), seen)
    return used


def write_theme_stylesheet(site_dir: Path, names: Names = site_names, cut: Cut = cut_stylesheet) -> Path:
    """Write THEME_STYLESHEET in a built site: the theme's stylesheet (copied there with the theme's files) cut
    down to the names the site's pages and its script (assets/vb.js) use (`names`; `cut` cuts it: `mkdocs serve`
    keeps both by their inputs)."""
    folder = site_dir / "assets" / "stylesheets"
    source = next(iter(sorted(folder.glob("main.*.css"))), None)
    if source is None:
        import material

        source = next(
            iter(
                sorted((Path(material.__file__).parent / "templates" / folder.relative_to(site_dir)).glob("main.*.css"))
            )
        )
    own = site_dir / "assets" / "vb.css"
    used = names(site_dir, [p for p in [site_dir / "assets" / "vb.js"] if p.is_file()])
    css = cut(source.read_text(encoding="utf-8"), used, own.read_text(encoding="utf-8") if own.is_file() else "")
    target = site_dir / THEME_STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, encoding="utf-8")
    return target
