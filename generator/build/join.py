"""A city's district sites, each built on a machine of its own (a CI matrix), joined under one start page.

`vb build --content <stad>/<stadsdel> --site site/<stadsdel>` builds one district; once every
district's site lies in site/<stadsdel>/, `vb join` checks that none is missing and writes
site/index.html listing them, the same start page `vb build --content <stad>` writes.
"""

from __future__ import annotations

from pathlib import Path

from generator.build.city import START_PAGE, district_of, district_roots
from generator.fsio import write_atomic
from generator.render.districts import districts_page


class JoinError(Exception):
    """The districts' sites cannot be joined; the message is Swedish and says what to do."""


def missing_sites(roots: list[Path], site: Path) -> list[Path]:
    """The district folders whose built site (site/<stadsdel>/index.html) is not there."""
    return [root for root in roots if not (site / root.name / START_PAGE).is_file()]


def join_city(content: Path, site: Path) -> list[str]:
    """Write the start page over the built districts of the city at `content`; the districts' folders, in order."""
    roots = district_roots(content)
    if not roots:
        raise JoinError(
            f"{content} har inga stadsdelar: ange mappen med en mapp per stadsdel (med organisation.yml "
            "i varje), t.ex. `vb join --content stad --site site`."
        )
    missing = missing_sites(roots, site)
    if missing:
        names = ", ".join(f"{root.name} ({site / root.name / START_PAGE})" for root in missing)
        raise JoinError(
            f"Webbplatsen saknas för {len(missing)} stadsdel(ar): {names}. Bygg dem med "
            f"`vb build --content {content}/<stadsdel> --site {site}/<stadsdel>` och kör `vb join` igen; "
            "startsidan skrevs inte."
        )
    write_atomic(site / START_PAGE, districts_page([district_of(root) for root in roots]))
    return [root.name for root in roots]
