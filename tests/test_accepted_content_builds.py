"""What `vb check` accepts, `vb build` and `vb export` must publish: property tests with hypothesis.

Content is made by changing the small valid trees of the tests (tests/conftest.py and
tests/render/tree.py) a few values at a time: other text, numbers, dates and booleans, keys
left out, lists emptied or cut. Whatever the check accepts (no errors; warnings are allowed)
must give every page of the site (the page builders, as `vb build` runs them before MkDocs)
and every export file for each of the tree's periods, without an exception.
"""

from __future__ import annotations

import copy
import datetime
import re
import tempfile
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import HealthCheck, event, example, given, note, settings
from hypothesis import strategies as st
from pydantic import BaseModel, StringConstraints

from generator.authoring.yamlwrite import dump
from generator.check.validate import validate
from generator.commands.common import require_catalogue
from generator.content.load import load_content
from generator.content.models import DriftbudgetRad, Katalog, Organisation, Rapport
from generator.content.yamlread import read_file
from generator.ids import ID_PATTERN
from generator.problems import Severity
from generator.rollup.aggregate import aggregate
from generator.rollup.export import export_files
from tests import conftest
from tests.render import tree
from tests.site_pages import site_of

TREES = {"conftest": conftest.VALID_FILES, "render": tree.FILES}
DATA = {
    name: {path: read_file(text.encode("utf-8"), path).data for path, text in files.items()}
    for name, files in TREES.items()
}

# Texts that mean something to Markdown, YAML, tables, HTML or number parsing.
ODD_TEXTS = [
    "",
    " ",
    "0",
    "-",
    "-1",
    "1.",
    "1,5",
    "#",
    "# Rubrik",
    "|",
    "| a | b |",
    "*",
    "**",
    "_",
    "[x]",
    "<b>",
    "&amp;",
    "null",
    "~",
    "true",
    "TODO",
    "\n",
    "a\nb",
    "- punkt",
    "> citat",
    "```",
    "    kod",
    "\\",
    "%",
    "—",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "x" * 300,
    "Uppfylls helt",
    "Uppfylls delvis",
    "Uppfylls ej",
    "Ingen",
    "e",
    "1e309",
    "=SUMMA(A1)",
    "+1",
    "@x",
    "åäö ÅÄÖ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "a|b",
    "{{ x }}",
    "{% x %}",
    "<!-- x -->",
    "\t",
    "\r",
]
texts = st.one_of(st.sampled_from(ODD_TEXTS), st.text(max_size=40))
numbers = st.one_of(
    st.integers(-(10**12), 10**12),
    st.sampled_from([0, 1, -1, 100, 101, 10**15, -(10**15)]),
    st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            0.0,
            -0.0,
            0.5,
            1e-9,
            99.99,
            100.0,
            1e15,
            1e300,
            -1e300,
            1.7976931348623157e308,
            5e-324,
            10**30,
            -(10**30),
            2**63,
            123456789.123456789,
        ]
    ),
)
dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))


def _leaves(data: Any, path: tuple = ()) -> list[tuple]:
    """Every path in the data: to scalars, lists and mappings alike."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _leaves(value, (*path, index))
    return found


def _at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def _model_of(relative: str) -> type[BaseModel]:
    return Organisation if relative == "organisation.yml" else Katalog if relative.startswith("katalog/") else Rapport


def _annotation_at(model: type[BaseModel], path: tuple) -> Any:
    """The type the model gives the value at `path` (None where the path leaves the model)."""
    current: Any = model
    for step in path:
        if isinstance(step, int):
            items = [a for a in _members(current) if get_origin(a) is list]
            current = get_args(items[0])[0] if items else None
        else:
            models = [a for a in _members(current) if isinstance(a, type) and issubclass(a, BaseModel)]
            if not models or step not in models[0].model_fields:
                return None
            current = models[0].model_fields[step].annotation
    return current


def _members(annotation: Any) -> list[Any]:
    """The types inside X | Y and Annotated[X, ...], flattened."""
    if get_origin(annotation) is Annotated:
        return _members(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    if isinstance(annotation, str):  # a forward reference, e.g. "list[DriftbudgetRad]"
        return [list[DriftbudgetRad]] if "DriftbudgetRad" in annotation else []
    return [annotation]


def _pattern(annotation: Any) -> str | None:
    if get_origin(annotation) is Annotated:
        for extra in get_args(annotation)[1:]:
            if isinstance(extra, StringConstraints):
                return extra.pattern
    if get_origin(annotation) in (Union, UnionType):
        return next((p for p in map(_pattern, get_args(annotation)) if p), None)
    return None


def _ids(trees: dict[str, dict[str, Any]]) -> list[str]:
    found = {
        value
        for files in trees.values()
        for data in files.values()
        for value in _scalars(data)
        if isinstance(value, str) and re.fullmatch(ID_PATTERN, value)
    }
    return sorted(found)


def _scalars(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _scalars(value)]
    if isinstance(data, list):
        return [v for value in data for v in _scalars(value)]
    return [data]


IDS = _ids(DATA)
GOAL_NUMBERS = [str(n) for n in range(1, 10)]
KF_GOAL_NUMBERS = [f"{a}.{b}" for a in range(1, 4) for b in range(1, 4)]


def _value_for(annotation: Any) -> st.SearchStrategy | None:
    """Values of the type the model asks for (references among the trees' ids); None for a whole sub-model."""
    pattern = _pattern(annotation)
    if pattern == ID_PATTERN:
        return st.one_of(st.sampled_from(IDS), st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda t: len(t) <= 80))
    if pattern is not None:
        return st.sampled_from(KF_GOAL_NUMBERS if "." in pattern else GOAL_NUMBERS)
    kinds = []
    for member in _members(annotation):
        if get_origin(member) is Literal:
            kinds.append(st.sampled_from(get_args(member)))
        elif member is type(None):
            kinds.append(st.none())
        elif member is bool:
            kinds.append(st.booleans())
        elif member in (int, float):
            kinds.append(numbers)
        elif member is str:
            kinds.append(texts)
        elif member is datetime.date:
            kinds.append(dates)
        elif get_origin(member) is list:
            inner = _value_for(get_args(member)[0])
            kinds.append(st.lists(inner, max_size=3) if inner is not None else st.just([]))
    return st.one_of(kinds) if kinds else None


def _change(draw, relative: str, data: Any) -> tuple[tuple, Any] | None:
    """One change to one file's data: a value, a key added or left out, a list cut or grown."""
    model = _model_of(relative)
    paths = _leaves(data)
    mappings = [()] + [p for p in paths if isinstance(_at(data, p), dict)]
    kind = draw(st.sampled_from(["value", "value", "value", "add", "drop", "list", "other-kind"]))
    if kind == "add":
        where = draw(st.sampled_from(mappings))
        missing = [name for name in _fields(model, where) if name not in _at(data, where)]
        if not missing:
            return None
        name = draw(st.sampled_from(missing))
        strategy = _value_for(_annotation_at(model, (*where, name)))
        return ((*where, name), draw(strategy)) if strategy is not None else None
    if kind == "drop":
        keys = [p for p in paths if isinstance(p[-1], str)]
        return (draw(st.sampled_from(keys)), DROP) if keys else None
    if kind == "list":
        lists = [p for p in paths if isinstance(_at(data, p), list)]
        return (draw(st.sampled_from(lists)), draw(st.sampled_from(LIST_CHANGES))) if lists else None
    if not paths:
        return None
    path = draw(st.sampled_from(paths))
    strategy = _value_for(_annotation_at(model, path)) if kind == "value" else None
    return path, draw(strategy if strategy is not None else st.one_of(texts, numbers, st.none(), st.booleans(), dates))


def _fields(model: type[BaseModel], where: tuple) -> list[str]:
    models = [
        a
        for a in _members(_annotation_at(model, where) if where else model)
        if isinstance(a, type) and issubclass(a, BaseModel)
    ]
    return list(models[0].model_fields) if models else []


MAX_CHANGES = 8
DROP = "<lämnas bort>"
LIST_CHANGES = ["<tom lista>", "<bara första>", "<bara sista>", "<sista två gånger>"]

Change = tuple[str, tuple, Any]  # file, path in its data, new value (or one of DROP, LIST_CHANGES)


@st.composite
def changes(draw) -> tuple[str, list[Change]]:
    """A tree and up to eight changes to it, each drawn for the tree as the changes before it left it."""
    name = draw(st.sampled_from(sorted(DATA)))
    files = copy.deepcopy(DATA[name])
    drawn = []
    for _ in range(draw(st.integers(1, MAX_CHANGES))):
        if draw(st.integers(0, 4)) == 0:
            for relative, data in _new_files(draw, files):
                files[relative] = data
                drawn.append((relative, (), data))
            continue
        relative = draw(st.sampled_from(sorted(files)))
        change = _change(draw, relative, files[relative])
        if change is None:
            continue
        _apply(files[relative], *change)
        drawn.append((relative, *change))
    return name, drawn


def _new_files(draw, files: dict[str, Any]) -> list[tuple[str, Any]]:
    """A copy of a report for another unit, year or period, and the year's catalogue if it has none."""
    reports = [r for r in sorted(files) if r.startswith("rapporter/") and isinstance(files[r], dict)]
    organisation = files.get("organisation.yml")
    if not reports or not isinstance(organisation, dict):
        return []
    units = [u.get("id") for u in organisation.get("enheter") or [] if isinstance(u, dict)]
    council = organisation.get("namnd", {}).get("id") if isinstance(organisation.get("namnd"), dict) else None
    unit = draw(st.sampled_from([u for u in [*units, council] if isinstance(u, str)] or ["x"]))
    year, period = draw(st.sampled_from([2020, 2021, 2022])), draw(st.sampled_from(["VP", "T1", "T2", "VB"]))
    report = {
        **copy.deepcopy(files[draw(st.sampled_from(reports))]),
        "organisation": unit,
        "ar": year,
        "period": period,
    }
    made = [(f"rapporter/{unit}/{year}-{period.lower()}.yml", report)]
    catalogue = files.get("katalog/2021.yml")
    if f"katalog/{year}.yml" not in files and isinstance(catalogue, dict):
        made.insert(0, (f"katalog/{year}.yml", {**copy.deepcopy(catalogue), "ar": year}))
    return made


def _apply(data: Any, path: tuple, new: Any) -> None:
    """Change one place of a file's data (a whole new file is put in place by the caller)."""
    parent, key = _at(data, path[:-1]), path[-1]
    if new == DROP:
        del parent[key]
    elif isinstance(new, str) and new in LIST_CHANGES:
        old = parent[key]
        parent[key] = dict(zip(LIST_CHANGES, ([], old[:1], old[-1:], old + old[-1:])))[new]
    else:
        parent[key] = new


def _write(root: Path, files: dict[str, Any]) -> None:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), encoding="utf-8")


def _accepted(root: Path) -> Any:
    """The loaded tree if the check accepts it (no errors; warnings allowed), else None."""
    content = load_content(root)
    problems = validate(content)
    return None if any(p.severity is Severity.ERROR for p in problems) else content


def accepted_after(files: dict[str, Any], drawn: list[Change], root: Path) -> tuple[Any, list[str]]:
    """The tree with every change the check accepts kept (one at a time; a refused change is undone), and what was kept."""
    _write(root, files)
    kept = []
    for relative, path, new in drawn:
        before = copy.deepcopy(files.get(relative))
        try:
            if path:
                _apply(files[relative], path, new)
            else:
                files[relative] = copy.deepcopy(new)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
        _write(root, {relative: files[relative]})
        if _accepted(root) is None:
            _undo(root, files, relative, before)
        else:
            kept.append(f"{relative} {path} = {new!r}"[:300])
    content = _accepted(root)
    assert content is not None
    return content, kept


def _undo(root: Path, files: dict[str, Any], relative: str, before: Any) -> None:
    if before is None:
        del files[relative]
        (root / relative).unlink()
    else:
        files[relative] = before
        _write(root, {relative: before})


def publish(content: Any) -> None:
    """The site's pages (as Markdown, and their HTML as the core makes it for the engine) and every period's export
    files. That a page's HTML is its Markdown parsed whole is tests/render/test_one_parser.py's."""
    site = site_of(content)
    assert site.pages
    assert sorted(site.html) == sorted(site.pages)
    organisation = content.organisation.model
    reports = [r.model for r in content.reports]
    for year, period in sorted({(r.ar, r.period) for r in reports}):
        catalogue = require_catalogue(content, year, empty_when_unneeded=True)  # as `vb export` finds it
        assert catalogue is not None, f"vb export --year {year} finds no catalogue"
        export_files(aggregate(organisation, catalogue, reports, year, period))


SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_the_unchanged_trees_are_accepted_and_published(tmp_path):
    for name, files in DATA.items():
        _write(tmp_path / name, files)
        content = _accepted(tmp_path / name)
        assert content is not None
        publish(content)


OUTCOME = ("inriktningsmal", 0, "mal", 0, "indikatorer", 0, "utfall")
COUNCIL_GOAL_OUTCOME = ("inriktningsmal", 0, "mal", 0, "namndmal", 0, "indikatorer", 1, "utfall")


@pytest.mark.slow  # a check and a site's pages for each of 80 trees
@SETTINGS
@example(("render", [(tree.UNIT_VB_PATH, OUTCOME, 1e300)]))  # once accepted, and more digits than a figure could print
@example(
    ("render", [(tree.UNIT_VB_PATH, COUNCIL_GOAL_OUTCOME, 1.7976931348623157e308)])
)  # once beyond the chart's axis
@example(("render", [(tree.UNIT_VB_PATH, COUNCIL_GOAL_OUTCOME, 5e-324)]))  # once too small for the chart's steps
@given(changes())
def test_content_the_check_accepts_builds_and_exports(case):
    name, drawn = case
    with tempfile.TemporaryDirectory(prefix="vb-egenskap-") as folder:
        content, kept = accepted_after(copy.deepcopy(DATA[name]), drawn, Path(folder) / "content")
        note(f"tree {name}, accepted changes: " + "; ".join(kept))
        event(f"{min(len(kept), 3)}+ changes accepted" if len(kept) >= 3 else f"{len(kept)} changes accepted")
        publish(content)


def test_a_year_whose_reports_follow_up_no_goals_exports_without_a_catalogue(tmp_path, capsys):
    """The check asks for no catalogue then; `vb export` and `vb status` once stopped with VB206."""
    from generator.cli import main

    files = copy.deepcopy(DATA["render"])
    report = {**copy.deepcopy(files[tree.UNIT_VB_PATH]), "ar": 2022, "period": "T1", "inriktningsmal": []}
    files["rapporter/hemtjansten/2022-t1.yml"] = report
    root = tmp_path / "content"
    _write(root, files)
    assert main(["check", str(root)]) == 0
    assert (
        main(["export", "--year", "2022", "--period", "T1", "--content", str(root), "--out", str(tmp_path / "ut")]) == 0
    )
    assert (tmp_path / "ut" / "2022-t1" / "aggregat.json").is_file()
    assert main(["status", "--year", "2022", "--period", "T1", "--content", str(root)]) == 0
    assert "VB206" not in capsys.readouterr().err
    assert (
        main(["export", "--year", "2023", "--period", "T1", "--content", str(root), "--out", str(tmp_path / "ut")]) == 1
    )
    assert "VB206" in capsys.readouterr().err  # a year without reports still needs its catalogue
