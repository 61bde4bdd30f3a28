"""Ids and slugs cannot lead out of the site's folder.

Every page path the generator makes is relative, normalised, free of "..", and lies inside the
output folder, with odd but valid ids too. Ids that could climb out of it ("../x", "a/b", …)
are refused by `vb check` with VB106, so the site is never built from them.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.authoring.yamlwrite import dump
from generator.check.run import check_paths
from generator.cli import main
from generator.content.yamlread import read_file
from generator.ids import ID_PATTERN, slug
from tests.render.tree import FILES, UNIT_VB_PATH
from tests.site_pages import site_of

ROOT = Path(__file__).resolve().parents[2]
ORGANISATION, CATALOGUE = "organisation.yml", "katalog/2021.yml"
COUNCIL_T1_PATH = "rapporter/provnamnden/2021-t1.yml"

HOSTILE_IDS = [
    "../../etc/passwd",
    "..",
    ".",
    "a/b",
    "a\\b",
    "/tmp/x",
    "~/x",
    "%2e%2e",
    "a\u2215b",
    "Hemtjänsten",
    "a b",
    "-a",
    "a-",
    "a.b",
    "x" * 81,
    "A",
    "\ufb01le",
    "a\u200bb",
    "",
    "index.md",
    "a:b",
    "a?b",
    "a#b",
]
# Valid ids that read like the site's own folders and files, the shortest, the longest and one with a double dash.
ODD_IDS = {
    "hemtjansten": "0",
    "boendet": "assets",
    "kansliet": "x" * 80,
    "provnamnden": "ekonomi",
    "aldre-trygga": "mal",
    "besok": "index",
    "nojdhet": "sok",
    "vantetid": "a--b",
    "vandringar": "utskrift",
}


def inside(path: str, out: Path) -> bool:
    """True when `path` is relative, normalised, without "..", and names a file inside `out`."""
    pure = PurePosixPath(path)
    return (
        not pure.is_absolute()
        and "\\" not in path
        and ".." not in pure.parts
        and posixpath.normpath(path) == path
        and (out / path).resolve().is_relative_to(out.resolve())
    )


def _write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def _with(file: str, path: tuple[str | int, ...], value: str) -> dict[str, str]:
    """The tree with one value replaced."""
    data = read_file(FILES[file].encode("utf-8"), file).data
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return {**FILES, file: dump(data)}


def _renamed(names: dict[str, str]) -> dict[str, str]:
    """The tree with ids renamed everywhere (values, and the folder of a unit's reports)."""
    files = {}
    for relative, text in FILES.items():
        for old, new in names.items():
            text = text.replace(f": {old}\n", f': "{new}"\n').replace(f"- {old}\n", f'- "{new}"\n')
            relative = relative.replace(f"/{old}/", f"/{new}/")
        files[relative] = text
    return files


def test_inside_tells_escaping_paths_apart(tmp_path):
    assert inside("enheter/a.md", tmp_path)
    for path in ("../a.md", "a/../../b.md", "/etc/passwd", "a//b.md", "./a.md", "a\\b.md", "a/./b.md"):
        assert not inside(path, tmp_path), path


def test_every_page_of_the_tree_is_inside_the_site(tmp_path):
    site = site_of(_write(tmp_path / "content", FILES))
    assert len(site.pages) > 20
    assert all(inside(path, tmp_path / "site") for path in site.pages)
    assert all(inside(r.source, tmp_path / "site") and inside(r.target, tmp_path / "site") for r in site.redirects)


def test_odd_but_valid_ids_give_pages_inside_the_site(tmp_path):
    files = _renamed(ODD_IDS)
    root = _write(tmp_path / "content", files)
    assert [p.message for p in check_paths([root]).problems] == []
    site = site_of(root)
    clean = site_of(_write(tmp_path / "clean", FILES))
    assert len(site.pages) == len(clean.pages)
    assert all(inside(path, tmp_path / "site") for path in site.pages)
    for new in ODD_IDS.values():
        assert any(new in PurePosixPath(path).parts or PurePosixPath(path).stem == new for path in site.pages), new


@pytest.mark.parametrize("bad", HOSTILE_IDS, ids=repr)
@pytest.mark.parametrize(
    ("file", "path"),
    [
        (ORGANISATION, ("enheter", 0, "id")),
        (ORGANISATION, ("avdelningar", 0, "id")),
        (CATALOGUE, ("inriktningsmal", 0, "mal", 0, "namndmal", 0, "id")),
        (CATALOGUE, ("inriktningsmal", 0, "mal", 0, "indikatorer", 0, "id")),
        (UNIT_VB_PATH, ("organisation",)),
        (UNIT_VB_PATH, ("inriktningsmal", 0, "mal", 0, "indikatorer", 0, "id")),
    ],
    ids=lambda value: value if isinstance(value, str) else ".".join(map(str, value)),
)
def test_an_id_that_could_leave_the_site_is_refused(tmp_path, file, path, bad):
    root = _write(tmp_path / "content", _with(file, path, bad))
    found = [(p.code, Path(p.file).resolve(), p.path) for p in check_paths([root]).problems]
    assert ("VB106", (root / file).resolve(), path) in found


def test_the_site_is_not_built_from_a_climbing_id(tmp_path, capsys):
    root = _write(tmp_path / "content", _with(ORGANISATION, ("enheter", 0, "id"), "../../utanfor"))
    site = tmp_path / "site"
    assert main(["build", "--content", str(root), "--site", str(site), "--config", str(ROOT / "mkdocs.yml")]) == 1
    assert "VB106" in capsys.readouterr().out
    assert not site.exists() and not (tmp_path / "utanfor").exists()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_a_slug_is_always_a_valid_id(text):
    made = slug(text)
    assert re.fullmatch(ID_PATTERN, made) and inside(made, Path("/site"))


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda i: i not in ("boendet", "kansliet", "provnamnden")))
def test_any_valid_unit_id_gives_pages_inside_the_site(tmp_path_factory, unit):
    folder = tmp_path_factory.mktemp("unit")
    site = site_of(_write(folder / "content", _renamed({"hemtjansten": unit})))
    assert all(inside(path, folder / "site") for path in site.pages)
    assert any(unit in PurePosixPath(path).parts or PurePosixPath(path).stem == unit for path in site.pages)


def test_a_unit_called_index_does_not_replace_the_units_overview(tmp_path):
    site = site_of(_write(tmp_path / "content", _renamed({"hemtjansten": "index"})))
    assert "enheter/index/index.md" in site.pages
    overview = site.pages["enheter/index.md"]
    assert overview.startswith("# Enheter") and "(index/index.md)" in overview
