"""An adopted report is a public record: once the nämnd has adopted it, its content changes only with a correction.

Pure: the version before the change and the version after it in, problems out
(the git reading is `generator.authoring.adopted`). A change to an adopted
report's content must add a rättelse; the adoption itself and the corrections
already made are never changed or removed.
"""

from __future__ import annotations

from typing import Any

from generator.content.models import Rapport
from generator.problems import Problem, problem

ADOPTION = ("faststallelse",)


def adoption_problems(previous: Rapport | None, current: Rapport, file: str, revision: str) -> list[Problem]:
    """What is wrong with `current` as a change of `previous` (its version in `revision`), if that was adopted."""
    if previous is None or previous.faststallelse is None:
        return []
    adopted = previous.faststallelse
    args = {"date": adopted.datum.isoformat(), "paragraph": adopted.paragraf, "revision": revision}
    kept = previous.rattelser
    if current.faststallelse != adopted or current.rattelser[:len(kept)] != kept:
        return [problem("VB807", file, ADOPTION if current.faststallelse else (), on_key=True, **args)]
    if _content(current) != _content(previous) and len(current.rattelser) == len(kept):
        return [problem("VB806", file, ADOPTION, on_key=True, **args)]
    return []


def _content(report: Rapport) -> dict[str, Any]:
    """What the report says, without its adoption and corrections."""
    return report.model_dump(exclude={"faststallelse", "rattelser"})
