"""The adopted version of a report at its own permanent address: <år>/<period>/<organisation>/faststalld/.

It is made from the adopted copy beside the report (`<år>-<period>.faststalld.yml`), which never changes,
so the address shows the same content after any later rättelse.
"""

from __future__ import annotations

from jinja2 import Environment

from generator.content.load import Content
from generator.content.models import Rapport
from generator.render.adoption import ADOPTED_TITLE
from generator.render.info import ReportInfo
from generator.render.nav import NavNode, Page
from generator.render.report import NameOf, whole_page

NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"  # a search finds the current version, not this one too


def adopted_copies(content: Content) -> dict[str, Rapport]:
    """The adopted copies by their report's folder in the site (<år>/<period>/<organisation>)."""
    return {f"{c.model.ar}/{c.model.period.lower()}/{c.model.organisation}": c.model for c in content.adopted}


def adopted_info(info: ReportInfo, copy: Rapport) -> ReportInfo:
    """The adopted copy, ready to render as the report's adopted version."""
    return ReportInfo(copy, info.catalogue, info.name, info.is_council, adopted_version=True)


def with_adopted_version(
    env: Environment, node: NavNode, info: ReportInfo, copy: Rapport | None, name_of: NameOf
) -> NavNode:
    """The report's navigation node, with the adopted version's page (the whole report on one page) under it."""
    if copy is None:
        return node
    adopted = adopted_info(info, copy)
    text = NOT_SEARCHED + whole_page(env, adopted, name_of)
    node.children.append(NavNode(ADOPTED_TITLE, Page(f"{adopted.base}/index.md", text)))
    return node
