"""The main menu's entries away from the current page, each made once per address instead of once per page.

The menu (templates/theme/partials/nav-item.html) differs from page to page only on the way to the current page;
an entry off that way (a page other than the current one, a section the page is not in) is one link, whose markup
depends on the entry and on the address the link has from the page being filled (MkDocs' `url` filter makes it
relative to that page). `MenuEntries` keeps that markup by entry and address, so the sibling entries of a section
are made once for all its pages. The theme's environment gets a new one for each build (a rebuild while serving
makes a new environment), so nothing kept outlives the navigation it was made from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

GLOBAL = "vb_menu_entry"  # the name nav-item.html calls


def link_target(entry: Any) -> str | None:
    """The address (before the `url` filter) the entry links to when it is off the way: a page's own, a
    section's first page's; None when the entry has no such page."""
    while getattr(entry, "children", None):
        entry = entry.children[0]
    target = getattr(entry, "url", None)
    return target if isinstance(target, str) else None


class MenuEntries:
    """The markup of menu entries off the way to the current page, kept by entry and the link's address."""

    def __init__(self) -> None:
        self.kept: dict[tuple[int, str], tuple[Any, str]] = {}
        self.made = 0  # how many times the template was asked for such an entry's markup

    @pass_context
    def entry(self, context: Context, entry: Any, away: Callable[[Any], str]) -> str:
        """The entry's markup from the template's macro `away`, made once for each address it links to."""
        target = link_target(entry)
        if target is None:
            self.made += 1
            return away(entry)
        address = context.environment.call_filter("url", target, context=context)
        key = (id(entry), address)
        found = self.kept.get(key)
        if found is None or found[0] is not entry:  # the entry itself is kept too, so its id stays its own
            self.made += 1
            found = (entry, away(entry))
            self.kept[key] = found
        return found[1]


def install(env: Environment) -> MenuEntries:
    """A fresh store of menu entries for this environment's templates."""
    entries = MenuEntries()
    env.globals[GLOBAL] = entries.entry
    return entries
