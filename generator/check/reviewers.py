"""Who may be named as a reviewer (`granskare` in organisation.yml): one rule for `vb check` and CODEOWNERS.

A reviewer is written into CODEOWNERS as it stands, so a value with a space, a `#` or a line
break could add owners or whole rules of its own. Only three forms are allowed: a GitHub or
GitLab user name (with or without a leading @), a group as @organisation/team (GitLab also
@grupp/undergrupp/team), or an e-mail address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.content.models import Avdelning, Enhet, Organisation
from generator.problems import Problem, problem
from generator.visible import visible

_NAME = r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,253}[A-Za-z0-9_-])?"
_DOMAIN_PART = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
USER = re.compile(rf"@?{_NAME}")
TEAM = re.compile(rf"@{_NAME}(?:/{_NAME})+")
EMAIL = re.compile(rf"[A-Za-z0-9._%+-]{{1,64}}@{_DOMAIN_PART}(?:\.{_DOMAIN_PART})+")


class NotAReviewer(ValueError):
    """A value that is no user name, group or e-mail address: it must never reach CODEOWNERS."""


def is_reviewer(value: str) -> bool:
    """True for a user name (@ optional), an @organisation/team group or an e-mail address; nothing else."""
    return any(form.fullmatch(value) for form in (USER, TEAM, EMAIL))


def owner(value: str) -> str:
    """A reviewer as CODEOWNERS writes it: @user, @org/team or the e-mail address; anything else is refused."""
    if not is_reviewer(value):
        raise NotAReviewer(f'"{visible(value)}" är inget användarnamn, ingen grupp och ingen e-postadress')
    return value if value.startswith("@") or EMAIL.fullmatch(value) else f"@{value}"


def check_reviewers(organisation: Organisation, file: str) -> list[Problem]:
    """VB109 for every `granskare` of an avdelning or a unit that is not a reviewer."""
    found = []
    groups: list[tuple[str, Sequence[Avdelning | Enhet]]] = [
        ("avdelningar", organisation.avdelningar),
        ("enheter", organisation.enheter),
    ]
    for key, items in groups:
        for index, item in enumerate(items):
            for number, value in enumerate(item.granskare):
                if not is_reviewer(value):
                    found.append(problem("VB109", file, (key, index, "granskare", number), value=visible(value)))
    return found
