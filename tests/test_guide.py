"""The unit managers' guide: its examples are real content, its commands run and every code group is explained."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from generator.cli import build_parser
from generator.problems import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide-for-enheter.md"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", guide(), re.S)


def test_quoted_examples_are_taken_from_the_real_content():
    quoted = [b for b in blocks("yaml") if b.startswith("# Ur content/")]
    assert len(quoted) >= 4
    for block in quoted:
        source, *lines = block.splitlines()
        real = {line.strip() for line in (ROOT / source.removeprefix("# Ur ")).read_text(encoding="utf-8").splitlines()}
        missing = [line for line in lines if line.strip() and line.strip() not in real]
        assert missing == [], f"not in {source}: {missing}"


def test_every_group_of_error_codes_is_explained_and_every_named_code_exists():
    text = guide()
    groups = {code[:3] for code in CATALOGUE}  # "VB0", "VB1", ...
    assert {g for g in groups if f"| {g}xx |" not in text} == set()
    assert set(re.findall(r"VB\d{3}", text)) <= set(CATALOGUE)
    assert "(../README.md#felkoder)" in text


def test_links_to_the_readme_point_at_existing_headings():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    anchors = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in re.findall(r"^#+ (.*)$", readme, re.M)
    }
    for anchor in re.findall(r"\(\.\./README\.md#([^)]+)\)", guide()):
        assert anchor in anchors


def test_vb_commands_in_the_guide_are_valid_command_lines():
    calls = [
        shlex.split(line, comments=True)[1:]
        for block in blocks("sh")
        for line in block.splitlines()
        if line.startswith("vb ")
    ]
    assert {call[0] for call in calls} >= {"new", "check", "diff"}
    for call in calls:
        build_parser().parse_args(call)  # exits (and fails the test) on an invalid command line


def test_guide_says_how_a_unit_finds_its_id_and_whether_it_is_a_resultatenhet():
    text = guide()
    section = text.split("### Hitta enhetens id")[1].split("\n## ")[0]
    search = next(b for b in blocks("sh") if "organisation.yml" in b and "grep" in b)
    word = re.search(r'grep -i -A5 "([^"]+)"', search).group(1)
    # The search finds the unit whose organisation name differs from the report's "Hägersten-Älvsjö hemtjänst".
    organisation = (ROOT / "content" / "organisation.yml").read_text(encoding="utf-8")
    assert re.search(rf"namn: .*{word}", organisation, re.I)
    assert "id: hemtjansten" in organisation and "`id: hemtjansten`" in section
    assert "resultatenhet: true" in section and "VB405" in section
