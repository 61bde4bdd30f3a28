"""The main menu's work per page does not grow with the size of the section the page is in: the entries off the way
to the current page are made once for all the pages that link to them alike (generator.engine.menu), so a page of a
section of many reports costs the menu about what a page of a small section does; and a kept entry is never shown
at an address other than its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2.runtime import Macro

from generator.cli import main
from generator.engine.menu import MenuEntries, link_target
from generator.synth.district import synthesize, write_tree
from tests.test_build import _config

PRIMARY = re.compile(r'<nav class="md-nav md-nav--primary".*?<a href="[^"]*karta\.html"', re.S)
ENTRY = re.compile(r'<li class="md-nav__item[ "]')


def _menu_work(root: Path, units: int, monkeypatch: pytest.MonkeyPatch) -> tuple[float, float]:
    """The menu template's macro calls per page and the menu entries per page, in a one-process build."""
    calls: list[int] = []
    real = Macro._invoke

    def counting(self: Macro, arguments: list[object], autoescape: bool) -> object:
        if self._func.__code__.co_filename.endswith("nav-item.html"):
            calls.append(1)
        return real(self, arguments, autoescape)

    monkeypatch.setattr(Macro, "_invoke", counting)
    write_tree(synthesize(units, [2021], ["T1"], 4), root / "content")
    config = _config(root)
    arguments = ["build", "--content", str(root / "content"), "--site", str(root / "site"), "--config", str(config)]
    assert main([*arguments, "--processes", "1", "--utan-pdf"]) == 0
    monkeypatch.undo()
    menus = [PRIMARY.search(p.read_text(encoding="utf-8")) for p in (root / "site").rglob("*.html")]
    pages = [m.group(0) for m in menus if m is not None]
    entries = sum(len(ENTRY.findall(menu)) for menu in pages)
    return len(calls) / len(pages), entries / len(pages)


def test_the_menus_work_per_page_stays_the_same_when_its_sections_grow(tmp_path, monkeypatch):
    small_calls, small_entries = _menu_work(tmp_path / "liten", 4, monkeypatch)
    large_calls, large_entries = _menu_work(tmp_path / "stor", 40, monkeypatch)
    more = large_entries - small_entries
    assert more > 3  # the larger district's pages do show more entries in their menus
    assert large_calls - small_calls < more / 2  # made once per address, not each on every page (about 3 calls)


class _Entry:
    def __init__(self, url: str, children: list[_Entry] | None = None) -> None:
        self.url, self.children = url, children


def test_a_kept_entry_is_made_again_for_another_address(monkeypatch):
    kept = MenuEntries()
    made: list[str] = []
    entry = _Entry("", [_Entry("", [_Entry("2021/t1/a/")]), _Entry("2021/t1/b/")])
    assert link_target(entry) == "2021/t1/a/"  # a section leads to its first page

    class _Env:
        def call_filter(self, name: str, value: str, context: dict[str, str]) -> str:
            return context["base"] + value

    class _Context(dict):
        environment = _Env()

    def away(found: _Entry) -> str:
        made.append(found.url)
        return f"<a href='{found.url}'>"

    here, there = _Context(base="../"), _Context(base="../../")
    assert kept.entry(here, entry, away) == kept.entry(here, entry, away)
    kept.entry(there, entry, away)
    assert len(made) == 2  # once at each address
