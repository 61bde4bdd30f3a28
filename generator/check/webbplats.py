"""Rules for content/webbplats.yml: the accessibility statement's stated compliance agrees with its listed
deficiencies. (Without the file the statement says that no assessment has been made.)"""

from __future__ import annotations

from generator.content.webbplats import Webbplats
from generator.problems import Problem, problem


def check_webbplats(settings: Webbplats, file: str) -> list[Problem]:
    """A site that is fully compliant has no known deficiencies; one that is not lists them."""
    statement = settings.tillganglighet
    if statement.efterlevnad == "helt förenlig" and statement.brister:
        return [
            problem(
                "VB110",
                file,
                ("tillganglighet", "efterlevnad"),
                stated=statement.efterlevnad,
                count=len(statement.brister),
            )
        ]
    if statement.efterlevnad != "helt förenlig" and not statement.brister:
        return [problem("VB111", file, ("tillganglighet", "efterlevnad"), stated=statement.efterlevnad)]
    return []
