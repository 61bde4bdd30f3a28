"""Reviewers (`granskare`): a user name, an @organisation/team group or an e-mail address, nothing else.

A value is written into CODEOWNERS as it stands, so anything else could add owners or rules of its
own ("chef\\n* @attacker", "chef @attacker # x"). `vb check` reports it (VB109) and `vb codeowners`
refuses it, also when check was not run.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring.codeowners import codeowners
from generator.check.reviewers import NotAReviewer, is_reviewer
from generator.cli import main
from generator.content.models import Organisation
from tests.conftest import ORGANISATION

ATTACKS = [
    "chef\n* @attacker",
    "chef @attacker # x",
    "chef\r* @attacker",
    "chef\t@attacker",
    "*",
    "@attacker *",
    "# kommentar",
    "",
    " ",
    "chef\u2028* @attacker",
    "chef\x85* @attacker",
    "@org/",
    "@/team",
    "a@b",
    "a@b.se x",
    "Anna Andersson",
    "@",
    "anna@",
    "@anna@b.se",
    "chef\\n* @attacker",
    "@org/team/",
    "anna.",
    "-anna",
    "ännä",
    "@org/team # x",
    "chef\n",
]
GOOD = [
    "anna",
    "@anna",
    "anna-andersson",
    "anna_a",
    "a.b",
    "@org/controllers",
    "@grupp/under/team",
    "anna@example.se",
    "ekonomi.controller+pr@stockholm.se",
    "A1",
]


def organisation(unit_reviewers: list[str], department_reviewers: list[str]) -> Organisation:
    data = yaml.safe_load(ORGANISATION)
    data["enheter"][0]["granskare"] = unit_reviewers
    data["avdelningar"][0]["granskare"] = department_reviewers
    return Organisation.model_validate(data)


@pytest.mark.parametrize("value", ATTACKS)
def test_anything_but_a_handle_or_an_address_is_refused(value):
    assert not is_reviewer(value)
    with pytest.raises(NotAReviewer):
        codeowners(organisation([value], []))
    with pytest.raises(NotAReviewer):
        codeowners(organisation([], [value]))


@pytest.mark.parametrize("value", GOOD)
def test_user_names_groups_and_addresses_are_reviewers(value):
    assert is_reviewer(value)


@pytest.mark.parametrize("value", ["chef\n* @attacker", "chef @attacker # x"])
def test_the_command_writes_nothing_and_says_why(make_tree, tmp_path, capsys, value):
    text = ORGANISATION.replace("      - controller-anna\n", f"      - {json.dumps(value)}\n")  # line 21
    root = make_tree({"organisation.yml": text})
    out = tmp_path / "CODEOWNERS"
    out.write_text("# den förra filen\n", encoding="utf-8")
    assert main(["codeowners", "--content", str(root), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert out.read_text(encoding="utf-8") == "# den förra filen\n"
    assert "fel VB109" in captured.err and "organisation.yml:21:" in captured.err
    assert "CODEOWNERS skrevs inte" in captured.err
    assert "@attacker" not in captured.out
    assert main(["check", str(root)]) == 1
    assert "fel VB109" in capsys.readouterr().out


# --- any value ---------------------------------------------------------------------------------

PIECES = [
    "@",
    "/",
    ".",
    "-",
    "_",
    "+",
    "#",
    "*",
    " ",
    "\t",
    "\n",
    "\r",
    "\u2028",
    "\x85",
    "\x0b",
    "\x0c",
    "!",
    "a",
    "Z",
    "9",
    "å",
    "example.se",
    "org",
    "team",
    "\\",
    "`",
    ":",
    "=",
    "[",
    "]",
]
values = st.one_of(
    st.text(max_size=12), st.lists(st.sampled_from(PIECES), max_size=8).map("".join), st.sampled_from(GOOD + ATTACKS)
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(values, max_size=3), st.lists(values, max_size=3))
def test_codeowners_has_exactly_the_intended_lines(unit, department):
    """Whatever passes the rule, each rule line is one path and its owners, one word each; nothing else."""
    org = organisation(unit, department)
    if not all(map(is_reviewer, [*unit, *department])):
        with pytest.raises(NotAReviewer):
            codeowners(org)
        return
    owners = [v if v.startswith("@") or "@" in v else f"@{v}" for v in department]
    unit_owners = list(dict.fromkeys([*(v if v.startswith("@") or "@" in v else f"@{v}" for v in unit), *owners]))
    owners = list(dict.fromkeys(owners))
    expected = {f"/content/{path}": owners for path in ("organisation.yml", "katalog/", "rapporter/namnden/")}
    expected["/content/rapporter/enhet-a/"] = unit_owners
    expected["/content/rapporter/enhet-b/"] = owners
    text = codeowners(org)
    rules = {}
    for line in text.split("\n"):  # GitHub and GitLab read a line up to "\n"; nothing else may start one
        assert all(c not in line for c in "\r\u2028\x85\x0b\x0c")
        if line and not line.startswith("#"):
            path, *named = line.split(" ")
            rules[path] = named
    assert rules == {path: named for path, named in expected.items() if named}
