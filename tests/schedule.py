"""The order in which a run hands its modules to the pytest-xdist workers (`-n auto --dist loadscope`).

The tour of every kind of page in a browser (tests/browser/tour.py) is the longest piece of work of the run: the
module that takes it goes first, so that it runs beside the rest instead of after it. The slow modules come next
(each keeps one worker busy while the other takes the rest), those that read the run's shared builds after them
(the builds are made by then), then those that read the tour, and the quick ones last, to even out the workers' ends.
"""

from __future__ import annotations

import pytest

TAKES_THE_TOUR = "tests/browser/test_public.py"
SHARED_BUILDS = {"built_real_site", "mkdocs_real_site"}
TOUR = "tour"


def _reads(item: pytest.Item, names: set[str]) -> bool:
    return bool(names & set(getattr(item, "fixturenames", ())))


def _rank(module: str, items: list[pytest.Item]) -> int:
    """0 takes the tour, 1 slow, 2 slow and reads a shared build, 3 reads the tour, 4 quick."""
    if module == TAKES_THE_TOUR:
        return 0
    if any(_reads(item, {TOUR}) for item in items):
        return 3
    if not any(item.get_closest_marker("slow") for item in items):
        return 4
    return 2 if any(_reads(item, SHARED_BUILDS) for item in items) else 1


def in_schedule_order(items: list[pytest.Item]) -> list[pytest.Item]:
    """The items by their module's rank, modules otherwise as collected; in a module, those that read a shared build
    last (the first worker to get there builds while the other still runs the rest)."""
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    ranks = {module: _rank(module, members) for module, members in modules.items()}
    order = {module: index for index, module in enumerate(modules)}
    place = {id(item): index for index, item in enumerate(items)}

    def key(item: pytest.Item) -> tuple[int, int, bool, int]:
        module = item.nodeid.split("::", 1)[0]
        return ranks[module], order[module], _reads(item, SHARED_BUILDS), place[id(item)]

    return sorted(items, key=key)


def keep_the_order(config: pytest.Config) -> None:
    """pytest-xdist hands out modules in the order collected, not by their number of tests."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
