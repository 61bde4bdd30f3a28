"""Rules for adopted reports: the content changes only by a recorded rättelse, and the adopted copy never changes.

Pure: loaded reports and adopted copies in, problems out. A report is paired
with its copy by file name (`2021-t1.yml` and `2021-t1.faststalld.yml` in the
same folder).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from generator.content.adoption import adopted_copy_path, adoption_line, checksum, is_checksum, recorded, report_name_of
from generator.content.load import Loaded
from generator.content.models import Rapport
from generator.problems import Location, Problem, problem


def check_adoption(reports: list[Loaded], copies: list[Loaded], known: Collection[str]) -> list[Problem]:
    """Every adoption problem of the reports and their adopted copies; `known` names every file that was read."""
    by_name = {copy.file: copy for copy in copies}
    found: list[Problem] = []
    for loaded in reports:
        if loaded.partial:
            continue  # parts with errors were left out: its checksum says nothing, and the errors are reported
        copy_file = adopted_copy_path(loaded.file)
        found += _check_report(loaded, by_name.get(copy_file), copy_file, copy_file in known)
    names = {loaded.file for loaded in reports}
    for copy in copies:
        report_file = _report_path(copy.file)
        if report_file not in names and report_file not in known:
            found.append(problem("VB228", copy.file, ("faststalld",), report=report_file, on_key=True))
    return found


def _report_path(copy_file: str) -> str:
    """The report's path for an adopted copy's path, in the same folder."""
    head, sep, name = copy_file.replace("\\", "/").rpartition("/")
    return copy_file[: len(head) + len(sep)] + report_name_of(name)


def _check_report(loaded: Loaded, copy: Loaded | None, copy_file: str, copy_read: bool) -> list[Problem]:
    report, file = loaded.model, loaded.file
    if report.faststalld is None:
        found = [problem("VB223", file, ("rattelser",), on_key=True)] if report.rattelser else []
        if copy is not None and copy.model.faststalld is not None:
            found.append(
                problem(
                    "VB227", file, (), copy=copy_file, expected=adoption_line(copy.model), found="saknar faststalld"
                )
            )
        return found
    found = _record_problems(report, file) + _date_problems(report, file)
    if not found and checksum(report) != recorded(report):
        since = f"sedan rättelsen {report.rattelser[-1].datum.isoformat()}" if report.rattelser else "sedan dess"
        found.append(
            problem(
                "VB221",
                file,
                ("faststalld",),
                adopted=_decision(report),
                since=since,
                target=file,
                copy=copy_file,
                on_key=True,
            )
        )
    if copy is None:
        return found + ([] if copy_read else [problem("VB225", file, ("faststalld",), copy=copy_file, on_key=True)])
    return found + _copy_problems(report, file, copy)


def _decision(report: Rapport) -> str:
    """ "2021-05-27 § 45 (dnr HÄ 2021/123)"."""
    adopted = report.faststalld
    assert adopted is not None
    return f"{adopted.datum.isoformat()} § {adopted.paragraf} (dnr {adopted.diarienummer})"


def _record_problems(report: Rapport, file: str) -> list[Problem]:
    """Checksums that are missing or not written as `vb faststall` and `vb rattelse` write them."""
    assert report.faststalld is not None
    records: list[tuple[Location, str, str | None]] = [
        (("faststalld",), "fastställandet", report.faststalld.kontrollsumma)
    ]
    records += [
        (("rattelser", n), f"rättelsen {r.datum.isoformat()}", r.kontrollsumma) for n, r in enumerate(report.rattelser)
    ]
    found = []
    for path, what, value in records:
        if is_checksum(value):
            continue
        state = "saknas" if value is None else f'är felskriven ("{value[:20]}")'
        where = (*path, "kontrollsumma") if value is not None else path
        found.append(problem("VB222", file, where, what=what, state=state, target=file, on_key=value is None))
    return found


def _date_problems(report: Rapport, file: str) -> list[Problem]:
    """Rättelser dated before the adoption or before the rättelse above them."""
    assert report.faststalld is not None
    found = []
    earlier: tuple[date, str] = (report.faststalld.datum, f"fastställandet {report.faststalld.datum.isoformat()}")
    for n, correction in enumerate(report.rattelser):
        if correction.datum < earlier[0]:
            found.append(
                problem("VB224", file, ("rattelser", n, "datum"), date=correction.datum.isoformat(), earlier=earlier[1])
            )
        else:
            earlier = (correction.datum, f"rättelsen ovanför ({correction.datum.isoformat()})")
    return found


def _copy_problems(report: Rapport, file: str, copy: Loaded) -> list[Problem]:
    """The copy must hold the content its adoption's checksum names, and the same adoption as the report."""
    adopted = copy.model.faststalld
    found = []
    if adopted is None or checksum(copy.model) != adopted.kontrollsumma:
        found.append(
            problem("VB226", copy.file, ("faststalld",) if adopted else (), target=copy.file, report=file, on_key=True)
        )
    if adopted is not None and adopted != report.faststalld:
        line = adoption_line(report)
        said = "har en annan kontrollsumma" if line == adoption_line(copy.model) else f'anger "{line}"'
        found.append(
            problem(
                "VB227",
                file,
                ("faststalld",),
                copy=copy.file,
                expected=adoption_line(copy.model),
                found=said,
                on_key=True,
            )
        )
    return found
