"""Units in the navigation grouped by avdelning, so that no level of the menu lists every unit of a district.

Every page shows the levels of the menu on its own path (MkDocs Material with
navigation.prune), so a level of 150 units would put 150 links on each of the
units' pages and make the site grow with the square of its size. A large
avdelning is cut into runs of consecutive units, each titled by its first and
last unit. Page addresses do not depend on the grouping.
"""

from __future__ import annotations

from math import ceil

from generator.content.models import Organisation
from generator.render.nav import NavNode

RUN_LIMIT = 40  # most units on one level of the menu


def department_sections(organisation: Organisation, nodes: dict[str, NavNode], limit: int = RUN_LIMIT) -> list[NavNode]:
    """Units' entries (by unit id) under their avdelning in organisation.yml's order; unplaced units last."""
    sections: list[NavNode] = []
    placed: set[str] = set()
    for department in organisation.avdelningar:
        ids = [u.id for u in organisation.enheter if u.avdelning == department.id and u.id in nodes]
        placed.update(ids)
        if ids:
            sections.append(NavNode(department.namn, None, in_runs([own_section(nodes[i]) for i in ids], limit)))
    return sections + [own_section(node) for unit_id, node in nodes.items() if unit_id not in placed]


def own_section(node: NavNode) -> NavNode:
    """A one-page entry whose page is an index.md, as a section of its own with that page as its index.

    With navigation.indexes the theme takes an index.md among a section's entries as the section's own page;
    a unit's report (<år>/<period>/<enhet>/index.md) directly under its avdelning would take the avdelning's place.
    """
    if node.children or node.page is None or not node.page.path.endswith("/index.md"):
        return node
    return NavNode(node.title, None, [node])


def in_runs(nodes: list[NavNode], limit: int = RUN_LIMIT) -> list[NavNode]:
    """The entries as they are when at most `limit`, else as runs of nearly equal length, none over `limit`."""
    if len(nodes) <= limit:
        return nodes
    count = ceil(len(nodes) / limit)
    size = ceil(len(nodes) / count)
    runs = [nodes[start : start + size] for start in range(0, len(nodes), size)]
    return [NavNode(run_title(run), None, run) for run in runs]


def run_title(run: list[NavNode]) -> str:
    """ "Alby förskolor – Hökarängens förskolor": the first and last entry of a run."""
    return run[0].title if len(run) == 1 else f"{run[0].title} – {run[-1].title}"
