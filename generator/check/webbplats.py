"""Rules for content/webbplats.yml: the accessibility statement's stated compliance agrees with its listed
deficiencies, and a content tree without the file is told that its statement will say no assessment was made."""

from __future__ import annotations

from pathlib import PurePath

from generator.content.webbplats import SETTINGS_FILE, Webbplats
from generator.problems import Problem, problem


def check_webbplats(settings: Webbplats, file: str) -> list[Problem]:
    """A site that is fully compliant has no known deficiencies; one that is not lists them."""
    statement = settings.tillganglighet
    if statement.efterlevnad == "helt förenlig" and statement.brister:
        return [problem("VB110", file, ("tillganglighet", "efterlevnad"), stated=statement.efterlevnad,
                        count=len(statement.brister))]
    if statement.efterlevnad != "helt förenlig" and not statement.brister:
        return [problem("VB111", file, ("tillganglighet", "efterlevnad"), stated=statement.efterlevnad)]
    return []


def missing_settings(organisation_file: str) -> Problem:
    """A content tree without webbplats.yml builds, but its statement says that no assessment has been made."""
    return problem("VB112", str(PurePath(organisation_file).with_name(SETTINGS_FILE)))
