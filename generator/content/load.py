"""Load stage: files under content/ become typed models, or coded problems.

Layout of a content tree:
    organisation.yml
    webbplats.yml                 the site's publisher and accessibility statement (generator.content.webbplats)
    katalog/<år>.yml
    rapporter/<organisation-id>/<år>-<period>.yml
    rapporter/<organisation-id>/<år>-<period>.faststalld.yml   (the report as adopted, see adoption.py)
Nothing here raises for bad input: every failure is a `Problem`.
"""

from __future__ import annotations

import math
import os
import re
import typing
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from pathlib import PurePath
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.content.adoption import ADOPTED_NAME, adopted_copy_name, report_name_of
from generator.content.layout import CATALOGUE_FOLDER, ORGANISATION_FILE, REPORTS_FOLDER
from generator.content.models import Katalog, Organisation, Rapport
from generator.content.report_places import Hidden, hidden_keys
from generator.content.salvage import salvage
from generator.content.webbplats import SETTINGS_FILE, Webbplats
from generator.content.yamlread import MAX_BYTES, Document, SourceMap, read_file, too_large
from generator.fsio import Entry, Read, entry_of, link_between, read_bounded, reason, walk_tree
from generator.problems import Location, Problem, odd_characters, problem, suggestion

REPORT_NAME = re.compile(r"^(?P<year>[0-9]{4})-(?P<period>vp|t1|t2|vb)\.ya?ml$")
CATALOGUE_NAME = re.compile(r"^(?P<year>[0-9]{4})\.ya?ml$")
IGNORED = {"README.md", "LASMIG.md", ".gitkeep"}


@dataclass
class Loaded:
    """One model read from one file, with the file's positions."""

    file: str
    model: Any
    source: SourceMap
    partial: bool = False  # parts with errors were left out (see generator.salvage)


@dataclass
class Content:
    """Everything read from a content tree, and what was wrong with it."""

    root: str
    organisation: Loaded | None = None
    webbplats: Loaded | None = None
    catalogues: dict[int, Loaded] = field(default_factory=dict)
    reports: list[Loaded] = field(default_factory=list)
    adopted: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source_maps: dict[str, SourceMap] = field(default_factory=dict)
    broken_years: set[int] = field(default_factory=set)

    @property
    def files(self) -> int:
        """How many content files were read."""
        return len(self.source_maps)

    def catalogue(self, year: int) -> Katalog | None:
        """The goal catalogue of `year`, if there is one."""
        found = self.catalogues.get(year)
        return found.model if found else None

    def forget_positions(self) -> None:
        """Free the files' positions (most of the loaded tree's memory) once no problem will need a line number."""
        for loaded in [self.organisation, self.webbplats, *self.catalogues.values(), *self.reports, *self.adopted]:
            if loaded is not None:
                loaded.source = SourceMap()
        self.source_maps = {name: SourceMap() for name in self.source_maps}  # the count of files read stays

    def sources(self) -> dict[str, SourceMap]:
        """Every read file's positions, to give problems a line and column."""
        return self.source_maps


def find_root(start: FsPath) -> FsPath | None:
    """The content root at or above `start`: the folder holding organisation.yml."""
    probe = start if start.is_dir() else start.parent
    for folder in [probe, *probe.parents]:
        if (folder / ORGANISATION_FILE).is_file():
            return folder
    return None


def classify(relative: PurePath) -> str:
    """'organisation', 'katalog', 'rapport', 'faststalld', 'ignored' or 'unknown' for a path inside the root."""
    parts = [unicodedata.normalize("NFC", p) for p in relative.parts]
    if parts == [ORGANISATION_FILE]:
        return "organisation"
    if parts == [SETTINGS_FILE]:
        return "webbplats"
    if len(parts) == 2 and parts[0] == CATALOGUE_FOLDER and CATALOGUE_NAME.match(parts[1]):
        return "katalog"
    if len(parts) == 3 and parts[0] == REPORTS_FOLDER and REPORT_NAME.match(parts[2].lower()):
        return "rapport"
    if len(parts) == 3 and parts[0] == REPORTS_FOLDER and ADOPTED_NAME.match(parts[2].lower()):
        return "faststalld"
    if parts[-1] in IGNORED or parts[-1].startswith("."):
        return "ignored"
    return "unknown"


def content_files(root: FsPath) -> list[FsPath]:
    """All regular files of a content tree in a stable order (symbolic links are not followed)."""
    return [entry.path for entry in walk_tree(root) if entry.kind == "file"]


def _read_for(root: FsPath, only: list[FsPath]) -> list[Entry]:
    """What checking `only` can read: organisation.yml, the catalogues and `only`, in walk_tree's order.

    The other reports are never read, so they need not be listed (a tree may hold hundreds).
    An asked-for file below a symbolic link is listed as that link.
    """
    catalogues = root / CATALOGUE_FOLDER
    listed = [_entry_at(root, root / ORGANISATION_FILE)]
    if catalogues.is_symlink() or not catalogues.is_dir():
        listed.append(_entry_at(root, catalogues))
    else:
        listed += walk_tree(catalogues)
    for asked in only:
        path = root / asked.relative_to(root)
        listed += walk_tree(path) if path.is_dir() and link_between(root, path) is None else [_entry_at(root, path)]
    unique = {str(e.path): e for e in reversed(listed) if e is not None}
    return [unique[name] for name in sorted(unique)]


def _entry_at(root: FsPath, path: FsPath) -> Entry | None:
    """The entry at `path`, a symbolic link on the way to it, or None when nothing is there."""
    link = link_between(root, path)
    if link is not None:
        return Entry(path, "link", what=link.as_posix())
    try:
        return entry_of(path, os.lstat(path).st_mode)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Entry(path, "unreadable", error=exc)


LoadOne = typing.Callable[["Content", str, FsPath, str], None]


def load_content(root: FsPath, only: list[FsPath] | None = None, load_one: LoadOne | None = None) -> Content:
    """Read a content tree; with `only`, read just those reports besides organisation and catalogues.

    `load_one` reads one file into the content (`mkdocs serve` keeps what each file's bytes gave)."""
    content = Content(str(root))
    read_one = load_one or _load_one
    only = with_companions(only) if only else only
    wanted = {p.resolve() for p in only} if only else None
    years = _years(only, root) if only else None
    for entry in _read_for(root, only) if only else walk_tree(root):
        path = entry.path
        relative = path.relative_to(root)
        kind = classify(relative)
        shown = _shown(path)
        if entry.kind != "file":
            if wanted is None or kind in ("organisation", "katalog") or path.resolve() in wanted:
                content.problems.append(not_read(entry, shown, root))
            if kind == "katalog":  # reports of that year need not say the catalogue is missing
                content.broken_years.add(int(path.name[:4]))
            continue
        if kind == "ignored" or (kind == "katalog" and years is not None and path.stem not in years):
            continue
        if kind == "unknown":
            if wanted is None or path.resolve() in wanted:
                content.problems.append(problem("VB013", shown, name=str(relative)).at(1, 1))
            continue
        if kind in ("rapport", "faststalld") and wanted is not None and path.resolve() not in wanted:
            continue
        read_one(content, kind, path, shown)
    return content


def not_read(entry: Entry, shown: str, root: FsPath) -> Problem:
    """The problem of an entry that is not a regular file: it is named, nothing behind it is read."""
    name = FsPath(os.path.abspath(entry.path)).relative_to(os.path.abspath(root)).as_posix()
    if entry.kind == "link":
        return problem("VB015", shown, name=entry.what or name).at(1, 1)
    if entry.kind == "special":
        return problem("VB016", shown, name=name, what=entry.what).at(1, 1)
    assert entry.error is not None
    return problem("VB017", shown, name=name, reason=reason(entry.error)).at(1, 1)


def with_companions(paths: list[FsPath]) -> list[FsPath]:
    """The paths with, for a report, its adopted copy and, for an adopted copy, its report (those that exist).

    The two are checked together: neither can be judged alone.
    """
    found = list(paths)
    for path in paths:
        name = path.name.lower()
        if ADOPTED_NAME.match(name):
            other = path.with_name(report_name_of(path.name))
        elif REPORT_NAME.match(name):
            other = path.with_name(adopted_copy_name(path.name))
        else:
            continue
        if other.is_file() and other not in found:
            found.append(other)
    return found


def _years(only: list[FsPath], root: FsPath) -> set[str] | None:
    """The catalogue years the given reports need, read off their file names; None means all."""
    years = set()
    for path in only:
        try:
            relative = FsPath(os.path.abspath(path)).relative_to(os.path.abspath(root))
        except ValueError:
            return None
        if classify(relative) not in ("rapport", "faststalld"):
            return None
        years.add(path.name[:4])
    return years


def _shown(path: FsPath) -> str:
    """The path as a user names it: relative to the current folder when inside it; links are not resolved."""
    absolute = FsPath(os.path.abspath(path))
    try:
        return str(absolute.relative_to(FsPath.cwd()))
    except ValueError:
        return str(path)


def _load_one(content: Content, kind: str, path: FsPath, shown: str) -> None:
    load_read(content, kind, path, shown, read_bounded(path, MAX_BYTES))


def load_read(content: Content, kind: str, path: FsPath, shown: str, read: Read) -> None:
    """One file's bytes (or why they could not be read) into the content: its model, positions and problems."""
    if read.error is not None:
        content.problems.append(problem("VB001", shown, reason=reason(read.error)).at(1, 1))
        return
    if read.raw is None:
        content.problems.append(too_large(shown, read.size))
        return
    document = read_file(read.raw, shown)
    content.source_maps[shown] = document.source
    content.problems.extend(document.problems)
    models: dict[str, type[BaseModel]] = {
        "organisation": Organisation,
        "katalog": Katalog,
        "rapport": Rapport,
        "faststalld": Rapport,
        "webbplats": Webbplats,
    }
    model_cls = models[kind]
    council = content.organisation.model.namnd.id if content.organisation else None
    hidden = hidden_keys(document.data, council) if kind == "rapport" else {}
    model, found = to_model(model_cls, document, hidden, partial=kind == "rapport")
    content.problems.extend(found)
    if model is None:
        if kind == "katalog":  # its own problems are reported; reports of that year need not say it is missing
            content.broken_years.add(int(path.stem))
        return
    loaded = Loaded(shown, model, document.source, partial=bool(found))
    if kind == "organisation":
        content.organisation = loaded
    elif kind == "webbplats":
        content.webbplats = loaded
    elif kind == "katalog":
        content.catalogues.setdefault(model.ar, loaded)
    elif kind == "faststalld":
        content.adopted.append(loaded)
    else:
        content.reports.append(loaded)


def to_model(
    model_cls: type[BaseModel], document: Document, hidden: Hidden | None = None, partial: bool = False
) -> tuple[Any, list[Problem]]:
    """Validate plain data against a model; pydantic's errors become coded problems.

    With `partial`, a model with errors still gives its valid part, so the other rules can run on it.
    """
    data = document.data
    if data is None:
        return None, []
    if not isinstance(data, dict):
        example = next(iter(model_cls.model_fields))
        found = _describe(data)  # at most 40 characters of the text, never the whole file
        return None, [problem("VB011", document.file, example=example, found=found).at(1, 1)]
    try:
        return model_cls.model_validate(data), []
    except ValidationError as exc:
        known = {p.path for p in document.problems}
        problems = _convert(
            model_cls, data, [dict(error) for error in exc.errors()], document.file, known, hidden or {}
        )
        return (salvage(model_cls, data, exc.errors(), _data_path) if partial else None), problems


def _convert(
    model_cls: type[BaseModel], data: Any, errors: list[dict[str, Any]], file: str, known: set[Location], hidden: Hidden
) -> list[Problem]:
    """One problem per location; none where reading the file already said what is wrong."""
    located = [(_data_path(data, error["loc"]), error) for error in errors]
    paths = {path for path, _ in located}
    decimals = {path for path, error in located if error["type"] in _DECIMAL_KINDS}
    seen: set[Location] = set()
    found = []
    for path, error in located:
        deeper = any(other[: len(path)] == path and len(other) > len(path) for other in paths)
        if path in seen or path in known or (deeper and error["type"] != "missing"):
            continue  # a union reports every member; the deepest error is the telling one
        if path in decimals and error["type"] in _WHOLE_KINDS:
            continue  # a number field (int | float): "ett tal", not "ett heltal" from its first member
        seen.add(path)
        found.append(_one_error(model_cls, path, error, file, hidden))
    return found


def _data_path(data: Any, loc: tuple[Any, ...]) -> Location:
    """The part of pydantic's location that exists in the data (drops union member names)."""
    path: list[str | int] = []
    current = data
    for step in loc:
        if isinstance(current, dict) and step in current:
            current = current[step]
            path.append(step)
        elif isinstance(current, list) and isinstance(step, int) and step < len(current):
            current = current[step]
            path.append(step)
        elif (
            isinstance(current, dict)
            and isinstance(step, str)
            and not step.startswith(("list[", "function", "literal["))
        ):
            path.append(step)  # a missing or unknown key
            current = None
    return tuple(path)


_DECIMAL_KINDS = {"float_type", "float_parsing"}
_WHOLE_KINDS = {"int_type", "int_parsing", "int_from_float"}
_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "ett heltal",
    "float_type": "ett tal",
    "bool_type": "true eller false",
    "date_type": "ett datum (ÅÅÅÅ-MM-DD)",
    "list_type": 'en lista (rader som börjar med "- ")',
    "dict_type": "nycklar med värden",
    "model_type": "nycklar med värden",
    "model_attributes_type": "nycklar med värden",
    "int_from_float": "ett heltal",
    "float_parsing": "ett tal",
    "none_required": "inget värde",
}


def _one_error(model_cls: type[BaseModel], path: Location, error: dict[str, Any], file: str, hidden: Hidden) -> Problem:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return problem("VB101", file, path, field=path[-1] if path else "")
    if kind == "extra_forbidden":
        place = tuple(step for step in path[:-1] if isinstance(step, str))
        allowed = [key for key in _allowed_keys(model_cls, path[:-1]) if key not in hidden.get(place, ())]
        return problem(
            "VB102",
            file,
            path,
            key=path[-1],
            suggestion=suggestion(str(path[-1]), allowed),
            allowed=", ".join(allowed),
            on_key=True,
        )
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", ""))
        return problem(
            "VB105",
            file,
            path,
            value=value,
            suggestion=suggestion(str(value), allowed),
            allowed=", ".join(f'"{a}"' for a in allowed),
        )
    if kind == "string_pattern_mismatch":
        return _pattern_problem(path, value, file)
    if isinstance(value, str) and kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
        number = _as_number(value)
        if number is not None:
            return problem("VB104", file, path, value=value, number=number)
    if isinstance(value, str) and kind == "date_type":
        return problem("VB107", file, path, value=value)
    expected = _TYPE_NAMES.get(kind, "ett annat slags värde")
    return problem("VB103", file, path, expected=expected, found=_describe(value), hint=_hint(kind, value))


def _pattern_problem(path: Location, value: Any, file: str) -> Problem:
    if path and path[-1] == "nr":
        return problem(
            "VB106",
            file,
            path,
            value=value,
            what="målnummer",
            hint='Skriv målets nummer som i katalogen, t.ex. "1" för ett inriktningsmål och "1.4" för ett mål för verksamhetsområdet.',
        )
    odd = odd_characters(str(value))
    return problem(
        "VB106",
        file,
        path,
        value=value,
        what="id",
        hint="Ett id består av små bokstäver a–z, siffror och bindestreck, t.ex. bestallarenheten-aldre (inga å, ä, ö, punkter eller snedstreck)."
        + (f" Det står tecken som inte syns eller liknar andra: {odd}." if odd else ""),
    )


def _as_number(text: str) -> str | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("−", "-").replace(",", ".").rstrip("%").strip()
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return str(int(number)) if number.is_integer() and "." not in cleaned else str(number)


def _describe(value: Any) -> str:
    if value is None:
        return "inget värde"
    if isinstance(value, bool):
        return f"sanningsvärdet {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"talet {value}"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "nycklar med värden"
    if isinstance(value, date):
        return f"datumet {value.isoformat()}"
    text = str(value)
    return f'texten "{text[:40]}{"…" if len(text) > 40 else ""}"'


def _hint(kind: str, value: Any) -> str:
    if kind == "bool_type":
        return "Skriv true (ja) eller false (nej); yes, no, on och off räknas som text."
    if kind == "string_type" and isinstance(value, (int, float, date)) and not isinstance(value, bool):
        shown = value.isoformat() if isinstance(value, date) else str(value)
        return f'Sätt citattecken runt värdet så att det läses som text: "{shown[:40]}".'
    if kind == "string_type" and value is None:
        return "Skriv texten efter kolonet (eller som block: | och texten på raderna under, indragna)."
    if kind in _DECIMAL_KINDS:
        return "Skriv talet med siffror och decimalpunkt, utan mellanslag, % eller tkr, t.ex. 86.5 eller -3204."
    if kind in _WHOLE_KINDS:
        return "Skriv ett heltal med siffror, utan mellanslag och decimaler, t.ex. 2021."
    if kind in ("list_type",):
        return 'Skriv varje post på en egen rad som börjar med "- ".'
    if kind in ("dict_type", "model_type"):
        return "Skriv nycklar med värden under, indragna två mellanslag."
    return "Rätta värdet så att det har rätt form."


def _allowed_keys(model_cls: type[BaseModel], path: Location) -> list[str]:
    current: Any = model_cls
    for step in path:
        if isinstance(step, int):
            continue
        model = _model_in(current)
        if model is None or step not in model.model_fields:
            return []
        current = model.model_fields[step].annotation
    model = _model_in(current)
    return list(model.model_fields) if model else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside list[...], X | None or Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    if origin in (list, Union, typing.Annotated) or str(origin) == "types.UnionType" or origin is not None:
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
