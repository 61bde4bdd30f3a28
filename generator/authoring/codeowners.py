"""CODEOWNERS from organisation.yml, so each report folder is reviewed by the right people.

Pure: organisation in, the file's text out. A unit's folder is owned by the
unit's own `granskare` and its avdelning's `granskare` (the controllers); the
council's folder, the catalogues and organisation.yml by every avdelning's
granskare. A folder nobody owns gets a comment line instead, so it is seen.
A reviewer that is no user name, group or e-mail address is refused here too
(generator.check.reviewers), also when `vb check` was not run.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.check.reviewers import owner
from generator.content.models import Organisation

HEADER = (
    "# Skapad av `vb codeowners` från organisation.yml: ändra granskare där och kör kommandot igen.\n"
    "# Den som äger en mapp måste godkänna ändringar i den innan de slås ihop."
)


def _unique(names: Iterable[str]) -> list[str]:
    """Each reviewer once, as CODEOWNERS writes it; a value that is no reviewer raises NotAReviewer."""
    return list(dict.fromkeys(owner(n) for n in names))


def _line(path: str, owners: list[str], what: str) -> str:
    if owners:
        return f"{path} {' '.join(owners)}"
    return f"# {path} har ingen granskare: lägg till granskare för {what} i organisation.yml."


def codeowners(organisation: Organisation, content: str = "content") -> str:
    """The CODEOWNERS text; `content` is the content folder relative to the repository root."""
    base = "/" + content.strip("/") + "/" if content.strip("/") else "/"
    departments = {d.id: d for d in organisation.avdelningar}
    controllers = _unique(h for d in organisation.avdelningar for h in d.granskare)
    lines = [HEADER, "", "# Organisationen, målkatalogerna och nämndens rapporter: alla avdelningars granskare."]
    for path in (f"{base}organisation.yml", f"{base}katalog/", f"{base}rapporter/{organisation.namnd.id}/"):
        lines.append(_line(path, controllers, "avdelningarna"))
    lines += ["", "# Enheternas rapporter: enhetens granskare och avdelningens granskare."]
    for unit in organisation.enheter:
        department = departments.get(unit.avdelning)
        owners = _unique([*unit.granskare, *(department.granskare if department else [])])
        lines.append(_line(f"{base}rapporter/{unit.id}/", owners, f"{unit.namn} ({unit.id})"))
    return "\n".join(lines) + "\n"
