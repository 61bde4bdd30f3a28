"""`vb faststall` and `vb rattelse`: record the council's adoption of a report, and corrections after it.

Nobody writes a checksum by hand: these commands compute it, add the block to
the report, and (`vb faststall`) save the adopted copy beside the report.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

NOT_A_REPORT = "det är ingen rapportfil (content/rapporter/<enhet>/<år>-<period>.yml)"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2021-05-27') from None


def _paragraph(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def register(commands: argparse._SubParsersAction) -> None:
    adopt = commands.add_parser(
        "faststall", help="anteckna att nämnden har fastställt en rapport och spara den fastställda versionen"
    )
    adopt.add_argument(
        "file", type=Path, metavar="FIL", help="rapportens fil, t.ex. content/rapporter/hagersten-alvsjo/2021-t1.yml"
    )
    adopt.add_argument("--datum", type=_day, required=True, metavar="ÅÅÅÅ-MM-DD", help="datum för nämndens beslut")
    adopt.add_argument(
        "--paragraf", type=_paragraph, required=True, metavar="N", help="paragrafen i protokollet, t.ex. 45"
    )
    adopt.add_argument("--dnr", required=True, metavar="DIARIENUMMER", help="ärendets diarienummer")
    adopt.set_defaults(run=run_adopt)
    correct = commands.add_parser(
        "rattelse", help="anteckna en rättelse i en fastställd rapport, efter att ändringen är gjord"
    )
    correct.add_argument("file", type=Path, metavar="FIL")
    correct.add_argument(
        "--vad", required=True, help='vad som rättades, t.ex. "Utfall för sjukfrånvaro: 6,1 % i stället för 5,1 %"'
    )
    correct.add_argument("--varfor", required=True, help="varför det rättades")
    correct.add_argument(
        "--datum", type=_day, default=None, metavar="ÅÅÅÅ-MM-DD", help="rättelsens datum (utan: i dag)"
    )
    correct.set_defaults(run=run_correct)


def run_adopt(args: argparse.Namespace) -> int:
    from generator.authoring.adopt import adoption_block, with_adoption
    from generator.content.adoption import adopted_copy_path, adoption_line, checksum

    found = _read(args.file, "fastställas", allowed=())
    if found is None:
        return 1
    loaded, copy = found
    report = loaded.model
    if report.faststalld is not None:
        return _refuse("VB811", str(args.file), target=args.file.as_posix(), adopted=_lowered(adoption_line(report)))
    text, ending = _text_of(args.file)
    new = _laid_out(text, with_adoption(text, adoption_block(args.datum, args.paragraf, args.dnr, checksum(report))))
    if not _writable(args.file, new, copy_text=new, copy=copy):
        return 1
    copy_path = Path(adopted_copy_path(str(args.file)))
    try:
        copy_path.write_bytes(_bytes_of(new, ending))  # the copy first: a report marked adopted always has its copy
        args.file.write_bytes(_bytes_of(new, ending))
    except OSError as exc:
        copy_path.unlink(missing_ok=True)
        return _refuse("VB815", str(args.file), target=args.file.as_posix(), reason=exc.strerror or str(exc))
    print(f"{args.file.as_posix()}: fastställd av nämnden {args.datum.isoformat()} § {args.paragraf}, dnr {args.dnr}.")
    print(f"Den fastställda versionen är sparad i {copy_path.as_posix()}; den filen ändras aldrig.")
    print(f"Lägg till båda filerna i git: git add {args.file.as_posix()} {copy_path.as_posix()}")
    return 0


def run_correct(args: argparse.Namespace) -> int:
    from generator.authoring.adopt import correction_item, with_correction
    from generator.content.adoption import checksum, recorded

    found = _read(args.file, "rättas", allowed=("VB221",))
    if found is None:
        return 1
    loaded, copy = found
    report = loaded.model
    if report.faststalld is None:
        return _refuse("VB812", str(args.file), target=args.file.as_posix())
    if checksum(report) == recorded(report):
        since = (
            f"vid rättelsen {report.rattelser[-1].datum.isoformat()}"
            if report.rattelser
            else "när rapporten fastställdes"
        )
        return _refuse("VB813", str(args.file), target=args.file.as_posix(), since=since)
    day = args.datum or date.today()
    text, ending = _text_of(args.file)
    new = with_correction(text, correction_item(day, args.vad, args.varfor, checksum(report)))
    new = None if new is None else _laid_out(text, new)
    if new is None:
        return _refuse(
            "VB815", str(args.file), target=args.file.as_posix(), reason="listan rattelser är skriven på en rad"
        )
    if not _writable(args.file, new, copy_text=None, copy=copy):
        return 1
    try:
        args.file.write_bytes(_bytes_of(new, ending))
    except OSError as exc:
        return _refuse("VB815", str(args.file), target=args.file.as_posix(), reason=exc.strerror or str(exc))
    print(f"{args.file.as_posix()}: rättelsen {day.isoformat()} är antecknad: {args.vad}")
    print(f"Kontrollera med: vb check {args.file.as_posix()}")
    return 0


def _read(file: Path, what: str, allowed: tuple[str, ...]):
    """The report at `file` and its adopted copy, or None after saying why it cannot be adopted or corrected."""
    from generator.check.output import as_text
    from generator.check.run import check_paths
    from generator.content.load import find_root, load_content
    from generator.problems import Severity

    root = find_root(file) if file.is_file() else None
    if root is None or file.name.count(".") != 1:
        _refuse("VB001", str(file), reason=NOT_A_REPORT)
        return None
    result = check_paths([file])
    errors = [p for p in result.problems if p.severity is Severity.ERROR and p.code not in allowed]
    if errors:
        print(as_text(errors, result.files))
        _refuse("VB814", str(file), target=file.as_posix(), what=what)
        return None
    content = load_content(root, [file])
    if not content.reports:
        _refuse("VB001", str(file), reason=NOT_A_REPORT)
        return None
    return content.reports[0], (content.adopted[0] if content.adopted else None)


def _writable(file: Path, new: str, copy_text: str | None, copy) -> bool:
    """True when the new text reads back as a report that passes the adoption rules (with its copy); else says why.

    `copy_text` is the copy about to be written (by vb faststall); otherwise `copy` is the copy already there.
    """
    from generator.check.adoption import check_adoption
    from generator.check.validate import locate
    from generator.commands.common import say
    from generator.content.adoption import adopted_copy_path
    from generator.content.load import Loaded, to_model
    from generator.content.models import Rapport
    from generator.content.yamlread import read_file

    shown, copy_file = str(file), adopted_copy_path(str(file))
    document = read_file(new.encode("utf-8"), shown)
    model, problems = to_model(Rapport, document)
    if model is None or document.problems or problems:
        _refuse("VB815", shown, target=file.as_posix(), reason="den nya texten gick inte att läsa tillbaka")
        return False
    copies = [Loaded(copy_file, model, document.source)] if copy_text is not None else []
    copies += [Loaded(copy_file, copy.model, copy.source)] if copy_text is None and copy is not None else []
    found = check_adoption([Loaded(shown, model, document.source)], copies, {shown, copy_file})
    if found:
        for item in locate(found, {shown: document.source}):
            say(item)
        _refuse("VB815", shown, target=file.as_posix(), reason="rapporten skulle inte klara kontrollen efteråt")
        return False
    return True


def _laid_out(old: str, new: str) -> str:
    """`new` in the editor's layout (`vb fmt`) when `old` was in it, so the file stays as the editor saves it."""
    from generator.authoring.yamlfmt import layout
    from generator.content.models import Rapport

    canonical, found = layout(old.encode("utf-8"), "rapport", Rapport)
    if canonical is None or found:
        return new
    laid_out, _ = layout(new.encode("utf-8"), "rapport", Rapport)
    return laid_out or new


def _text_of(file: Path) -> tuple[str, str]:
    """The file's text with "\n" line breaks, and the line break it was written with ("\r\n" or "\n")."""
    text = file.read_bytes().decode("utf-8")
    return text.replace("\r\n", "\n"), "\r\n" if "\r\n" in text else "\n"


def _bytes_of(text: str, ending: str) -> bytes:
    """The text to write, with the file's own line breaks."""
    return text.replace("\n", ending).encode("utf-8")


def _lowered(text: str) -> str:
    """A sentence continued mid-line: its first letter in lower case."""
    return text[:1].lower() + text[1:]


def _refuse(code: str, where: str, /, **args: Any) -> int:
    from generator.commands.common import say
    from generator.problems import problem

    say(problem(code, where, **args))
    return 1
