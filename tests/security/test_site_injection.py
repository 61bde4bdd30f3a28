"""Unit text cannot put HTML or JavaScript on the site.

Every free text of a small tree carries payloads (script tags, a handler that closes an attribute,
a javascript: link, template syntax, CDATA and table and heading marks). In Markdown fields the
check refuses what could run, with its code; what it accepts is built into a real site with
MkDocs and every page is compared with the same page built from the clean tree: no script and
no handler attribute that the clean page lacks, no javascript:/data: address, no 49 where
{{ 7*7 }} was written, and each payload shown as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.run import check_paths
from generator.cli import main
from generator.problems import Severity
from tests.security.hostile import (
    MARKDOWN_PAYLOAD,
    PLAIN_PAYLOAD,
    TEMPLATE_INJECTION,
    Field,
    hostile,
    write,
)
from tests.security.htmlscan import Scan, scan

pytestmark = pytest.mark.slow  # builds whole sites

ROOT = Path(__file__).resolve().parents[2]

# Markdown payloads the check refuses, each with its code: the check reads them with the parser the
# site renders them with, as a block and squeezed into a table cell (where a fence it does not close
# and HTML indented under a list item are HTML again).
REFUSED = [
    ("<script>alert(1)</script>", "VB602"),
    ('"><img src=x onerror=alert(1)>', "VB602"),
    ("<b>fet</b>", "VB601"),
    ("[x](javascript:alert(1))", "VB603"),
    ("![x](data:text/html;base64,PHNjcmlwdD4=)", "VB605"),
    ("![Nöjdhet](https://example.se/nojdhet.png)", "VB605"),
    ("# Rubrik", "VB604"),
    ("~~~~\n<script>alert(1)</script>\n~~~", "VB602"),
    ("Se [här]\n\n[här]: javascript:alert(1)", "VB603"),
    ("- punkt\n\n      <img src=x onerror=alert(1)>", "VB602"),
]


def _by_field(root: Path, fields: list[Field], code: str) -> tuple[set[tuple[str, tuple]], set[tuple[str, tuple]]]:
    """(fields that should have `code`, fields that got it) as (file, path) pairs."""
    problems = check_paths([root]).problems
    got = {(Path(p.file).resolve().relative_to(root.resolve()).as_posix(), p.path) for p in problems if p.code == code}
    return {(f.file, f.path) for f in fields}, got


@pytest.mark.parametrize(("payload", "code"), REFUSED, ids=[code + " " + payload[:24] for payload, code in REFUSED])
def test_the_check_refuses_runnable_markdown_in_every_markdown_field(tmp_path, payload, code):
    files, fields = hostile(None, "\n\n" + payload + "\n")
    assert len(fields) >= 25  # every Markdown field of the tree, in all three kinds of file
    wanted, got = _by_field(write(tmp_path / "content", files), fields, code)
    assert wanted - got == set()


def test_plain_texts_with_payloads_pass_the_check(tmp_path):
    files, fields = hostile(PLAIN_PAYLOAD, MARKDOWN_PAYLOAD)
    problems = check_paths([write(tmp_path / "content", files)]).problems
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    plain = {(f.file, f.path) for f in fields if not f.markdown}
    table = ("ekonomi", "driftbudget", 2, "tabell")
    assert {
        ("organisation.yml", ("enheter", 0, "namn")),
        ("organisation.yml", ("avdelningar", 1, "namn")),
        ("katalog/2021.yml", ("inriktningsmal", 0, "mal", 0, "titel")),
        ("rapporter/provnamnden/2021-t1.yml", (*table, "kolumner", 1)),
        ("rapporter/provnamnden/2021-t1.yml", (*table, "rader", 0, "varden", 2)),
    } <= plain
    assert ("organisation.yml", ("enheter", 0, "id")) not in plain  # an id keeps its value


def _build(tmp_path: Path, files: dict[str, str], name: str) -> dict[str, Scan]:
    root = write(tmp_path / name / "content", files)
    site = tmp_path / name / "site"
    config = str(ROOT / "mkdocs.yml")
    assert main(["build", "--content", str(root), "--site", str(site), "--config", config, "--utan-pdf"]) == 0
    return {page.relative_to(site).as_posix(): scan(page.read_text(encoding="utf-8")) for page in site.rglob("*.html")}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[dict[str, Scan], dict[str, Scan], list[Field]]:
    """The clean tree's site, the hostile tree's site and the fields that carry payloads."""
    folder = tmp_path_factory.mktemp("injection")
    clean, _ = hostile(None, None)
    attacked, fields = hostile(PLAIN_PAYLOAD, MARKDOWN_PAYLOAD)
    return _build(folder, clean, "clean"), _build(folder, attacked, "hostile"), fields


def test_both_sites_have_the_same_pages(sites):
    clean, attacked, _ = sites
    assert sorted(attacked) == sorted(clean)
    assert len(clean) > 20


def test_no_page_gets_a_script_or_handler_from_content(sites):
    clean, attacked, _ = sites
    for page, found in attacked.items():
        assert found.scripts == clean[page].scripts, page
        assert found.handlers == clean[page].handlers, page
        assert found.urls == [], page


def test_template_syntax_is_shown_as_written(sites):
    clean, attacked, _ = sites
    shown = [page for page, found in attacked.items() if TEMPLATE_INJECTION in found.visible]
    assert shown
    for page, found in attacked.items():
        assert found.visible.count("49") == clean[page].visible.count("49"), page


def test_every_payload_reaches_the_site_as_text(sites):
    _, attacked, fields = sites
    text = "\n".join(found.visible for found in attacked.values())
    missing = []
    for field in fields:
        plain = f'<script>alert("{field.marker}")</script>'
        markdown = f"<script>alert({field.marker})</script>"
        if (markdown if field.markdown else plain) not in text:
            missing.append((field.file, field.path))
    assert missing == []
