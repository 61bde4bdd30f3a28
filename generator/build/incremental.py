"""While serving: the stages before the engine redo only what a saved file changed.

`mkdocs serve` runs every stage again after each save. `Kept` holds, for one
serving process, each stage's result under a hash of exactly what it is made
from, so a result made from other inputs can never be found:

- a file loaded: its kind, its name, the council's id and its bytes;
- a report's own problems and its pages: the report's key (its file and
  everything shared: organisation.yml, webbplats.yml, the catalogues, the
  adopted copies, the templates and where the content is);
- a period's roll-up: the keys of that period's reports, in order;
- the roll-up pages (Mål, Indikatorer, Ekonomi, which follow goals and
  indicators over the periods) and a period's open data: the aggregates
  themselves, so an edited text that no aggregate holds leaves them as they were
  (the roll-up pages also: who reported which period, the council's reports);
- the start page: the aggregates, who reported which period and the council's reports;
- a unit's page: which reports the unit has (it lists them).

The period pages and the checks across reports are cheap and made every time.
Whatever a build does not use is dropped after it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from generator.build.publish import PublishError
from generator.build.site import _site_data, _stop_on_errors
from generator.check.validate import validate
from generator.content.load import Content, Loaded, load_content, load_read
from generator.content.models import Rapport
from generator.content.yamlread import MAX_BYTES
from generator.fsio import read_bounded
from generator.problems import Problem
from generator.render.downloads import PeriodDownloads, period_files
from generator.render.environment import TEMPLATES
from generator.render.nav import NavNode, Page
from generator.render.navgroups import department_sections
from generator.render.overview import UNITS, unit_page, unit_path, units_page
from generator.render.page_memo import page_html
from generator.render.site import (
    PAGE_BUILDERS,
    PageBuilder,
    Site,
    SiteData,
    assemble,
    home_pages,
    period_pages,
    period_sections,
    report_pages,
    rollup_pages,
    unit_pages,
)
from generator.rollup.aggregate import Aggregate, Rollup

T = TypeVar("T")
NOT_READ = b"\0not read\0"  # stands for the bytes of a file that could not be read (its problem is made anew)


def digest(*parts: str | bytes) -> str:
    """A hash of the parts, each kept apart from the next."""
    sha = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", errors="surrogatepass")
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


def templates_key(folder: Path = TEMPLATES) -> str:
    """The templates' names and bytes (the pages are made from them; they may change while serving)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return digest(*(part for path in files for part in (path.relative_to(folder).as_posix(), path.read_bytes())))


@dataclass
class Load:
    """What reading one file added to the content, to be added again while the file's bytes are the same."""

    kind: str
    scratch: Content


@dataclass
class Kept:
    """Every stage's results of the last build, each under the hash of its inputs."""

    found: dict[tuple[str, str], Any] = field(default_factory=dict)
    used: dict[tuple[str, str], Any] = field(default_factory=dict)
    files: dict[str, tuple[str, str]] = field(default_factory=dict)  # this build: shown name -> (kind, bytes' hash)
    made: list[str] = field(default_factory=list)  # this build: what was made anew, "stage" per result

    def get(self, stage: str, key: str, make: Callable[[], T]) -> T:
        """The result of `stage` for inputs hashed to `key`: kept, or made now and kept."""
        if (stage, key) in self.used:
            return self.used[(stage, key)]  # type: ignore[no-any-return]
        if (stage, key) in self.found:
            value = self.found[(stage, key)]
        else:
            value = make()
            self.made.append(stage)
        self.used[(stage, key)] = value
        return value  # type: ignore[no-any-return]

    def start(self) -> None:
        """A new build: nothing used yet."""
        self.used = {}
        self.files = {}
        self.made = []

    def finish(self) -> None:
        """Keep only what this build used (a file edited away, a report removed: its results go)."""
        self.found = self.used
        self.used = {}

    def load_one(self, content: Content, kind: str, path: Path, shown: str) -> None:
        """Read one file into the content, as `load_content` does, kept by its bytes and the council's id."""
        read = read_bounded(path, MAX_BYTES)
        raw = read.raw if read.raw is not None else NOT_READ
        council = content.organisation.model.namnd.id if content.organisation else ""
        key = digest(kind, shown, str(path), council, raw)
        self.files[shown] = (kind, digest(raw))
        if read.raw is None:  # not read or too large: said again every time
            load_read(content, kind, path, shown, read)
            return

        def loaded() -> Load:
            scratch = Content(content.root, organisation=content.organisation)
            load_read(scratch, kind, path, shown, read)
            return Load(kind, scratch)

        _add(content, self.get("load", key, loaded))


def _add(content: Content, done: Load) -> None:
    """Add to `content` what reading one file added to an empty content."""
    scratch = done.scratch
    content.problems.extend(scratch.problems)
    content.source_maps.update(scratch.source_maps)
    content.broken_years |= scratch.broken_years
    if done.kind == "organisation" and scratch.organisation is not None:
        content.organisation = scratch.organisation
    if done.kind == "webbplats":
        content.webbplats = scratch.webbplats
    for year, loaded in scratch.catalogues.items():
        content.catalogues.setdefault(year, loaded)
    content.adopted.extend(scratch.adopted)
    content.reports.extend(scratch.reports)


@dataclass
class Keys:
    """The hashes one build's results are kept under, from the loaded files' hashes."""

    shared: str
    reports: dict[str, str]  # shown name of a report -> its key
    periods: dict[tuple[int, str], str] = field(default_factory=dict)  # (year, period) -> its key, once made

    @classmethod
    def of(cls, kept: Kept, root: Path) -> Keys:
        """Shared: where the content is, the templates and every file but the reports; a report: shared and its file."""
        others = sorted((shown, kind, raw) for shown, (kind, raw) in kept.files.items() if kind != "rapport")
        shared = digest(str(root), templates_key(), *(part for entry in others for part in entry))
        reports = {shown: digest(shared, shown, raw) for shown, (kind, raw) in kept.files.items() if kind == "rapport"}
        return cls(shared, reports)

    def report(self, loaded: Loaded) -> str:
        return self.reports[loaded.file]

    def period(self, content: Content, year: int, period: str) -> str:
        """The reports of (year, period), in the order they were read."""
        if (year, period) not in self.periods:
            chosen = [r for r in content.reports if (r.model.ar, r.model.period) == (year, period)]
            self.periods[(year, period)] = digest(self.shared, str(year), period, *(self.report(r) for r in chosen))
        return self.periods[(year, period)]


class KeptRollup(Rollup):
    """The roll-up of each period, kept while the period's reports and the shared files are unchanged."""

    def __init__(self, content: Content, kept: Kept, keys: Keys):
        base = Rollup.of(content)
        super().__init__(base.organisation, base.catalogues, base.reports)
        self.content, self.kept, self.keys = content, kept, keys

    def get(self, year: int, period: str) -> Aggregate | None:
        key = self.keys.period(self.content, year, period)
        return self.kept.get("rollup", key, lambda: super(KeptRollup, self).get(year, period))


def aggregate_hash(kept: Kept, keys: Keys, content: Content, rolled: Aggregate) -> str:
    """A hash of the aggregate's whole content, kept with the aggregate (by its period's key)."""
    key = keys.period(content, rolled.ar, rolled.period)
    return kept.get("aggregate-hash", key, lambda: digest(rolled.model_dump_json()))


def prepare_kept(root: Path, kept: Kept, out: Any = None) -> Site:
    """`generator.build.site.prepare` for a serving process: the same pages, made again only where inputs changed."""
    kept.start()
    content = load_content(root, load_one=kept.load_one)  # load
    keys = Keys.of(kept, root)
    rollup = KeptRollup(content, kept, keys)  # (each period rolled up once, kept while its reports are unchanged)
    problems = validate(content, rolled=rollup, kept=lambda file, make: _checked(kept, keys, file, make))  # check
    _stop_on_errors(problems, content, out)
    data = _site_data(content, rollup)  # aggregate
    try:
        site = _pages(data, kept, keys)  # pages
    except Exception as exc:  # noqa: BLE001 (as `prepare` says a page builder's failure, in Swedish)
        reason = f"{type(exc).__name__}: {exc}"
        raise PublishError(
            f"Sidorna kunde inte skapas ({reason}). Kör `vb check` och rätta det som rapporteras."
        ) from None
    kept.finish()
    return site


def _checked(kept: Kept, keys: Keys, file: str, make: Callable[[], list[Problem]]) -> list[Problem]:
    """A report's own problems by its key; the other files' problems by the shared key."""
    return kept.get("check", keys.reports[file] if file else keys.shared, make)


def _pages(data: SiteData, kept: Kept, keys: Keys) -> Site:
    """`build_pages` in one process, with the builders' expensive parts kept."""
    loaded = {id(r.model): r for r in data.content.reports}
    reports = [keys.report(loaded[id(info.report)]) for info in data.reports]
    built = [_builder(builder, data, kept, keys, reports)(data) for builder in PAGE_BUILDERS]
    site = assemble(data, built, lambda label, folder, rolled: _downloads(kept, keys, data, label, folder, rolled))
    site.html.update((path, page_html(text, path)) for path, text in site.pages.items())
    return site


def _builder(builder: PageBuilder, data: SiteData, kept: Kept, keys: Keys, reports: list[str]) -> PageBuilder:
    """The builder, or one that keeps its parts: a report's pages by the report (`reports`: each one's key, in
    data.reports' order), the roll-up pages by the aggregates."""
    if builder is period_pages:
        return lambda site: period_sections(
            site,
            [kept.get("report", key, partial(_one_report, site, n)) for n, key in enumerate(reports)],
        )
    if builder is unit_pages:
        return lambda site: _unit_pages(site, kept, keys)
    if builder in (rollup_pages, home_pages):  # the roll-up pages and the start page's glance read the aggregates
        made = [aggregate_hash(kept, keys, data.content, rolled) for _, rolled in sorted(data.rolled.items())]
        key = digest(keys.shared, *made, *_rollup_inputs(data, keys))
        return lambda site: kept.get(builder.__name__, key, lambda: builder(site))
    return builder


def _unit_pages(data: SiteData, kept: Kept, keys: Keys) -> list[NavNode]:
    """unit_pages, each unit's page kept by which reports it has (it lists them, nothing more)."""
    organisation = data.organisation
    units = {}
    for unit in organisation.enheter:
        reports = data.reports_of(unit.id)
        key = digest(keys.shared, unit.id, *(f"{i.report.ar}/{i.report.period}" for i in reports))
        text = kept.get("unit", key, partial(unit_page, data.env, organisation, unit, reports))
        units[unit.id] = NavNode(unit.namn, Page(unit_path(unit.id), text))
    overview = kept.get("units", keys.shared, lambda: units_page(data.env, organisation))
    return [NavNode("Enheter", Page(UNITS, overview), department_sections(organisation, units))]


def _rollup_inputs(data: SiteData, keys: Keys) -> list[str]:
    """Besides the aggregates, the roll-up pages and the start page read which organisations reported each period
    (their pages' paths) and the council's reports."""
    found = []
    for info in data.reports:
        report: Rapport = info.report
        found.append(f"{report.ar}/{report.period}/{report.organisation}")
    council = [r for r in data.content.reports if r.model.organisation == data.organisation.namnd.id]
    return found + [keys.report(r) for r in council]


def _one_report(data: SiteData, number: int) -> NavNode:
    """The navigation node of the report at `number` with its pages (and its adopted version), as report_pages
    makes it."""
    one = SiteData(data.content, data.organisation, [data.reports[number]], data.env, data.rolled, data.anchors)
    [node] = report_pages(one, 0)
    return node


def _downloads(
    kept: Kept, keys: Keys, data: SiteData, label: str, folder: str, rolled: Aggregate
) -> tuple[PeriodDownloads, dict[str, str | bytes]]:
    """A period's open data, kept by its aggregate (they hold nothing else)."""
    key = digest(label, folder, aggregate_hash(kept, keys, data.content, rolled))
    return kept.get("downloads", key, lambda: period_files(label, folder, rolled))
