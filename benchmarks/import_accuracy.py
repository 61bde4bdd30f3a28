"""How much of each source report `vb import` reproduces, against the hand-made files in content/.

For each text export in tests/sources/ the report is imported into a copy of
content/ without its hand-made file, then compared with that file: the share
of sentences, statuses, indicator figures and economy figures that come out
the same. Also: whether the result passes `vb check`, and how many lines were
left unplaced. Then the same for two "unseen" reports of the template, made from
a source export with names, words, sentence order, activity order and figures
changed (tests/generator/unseen_report.py).
Run: .venv/bin/python benchmarks/import_accuracy.py
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.check.run import check_paths
from generator.cli import main as vb

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {
    "000_f43b31b7606bf8a5.txt": ("grupp-och-servicebostader", 2020, "VB"),
    "001_eb83f3cc95dc08cb.txt": ("bestallarenheten-aldre", 2020, "VB"),
    "002_e413b7b4eec749f1.txt": ("hagersten-alvsjo", 2021, "T1"),
    "003_9aa9168e8aa3441c.txt": ("glasade-gangen", 2021, "VB"),
}
TEXT_KEYS = {
    "sammanfattande_analys",
    "analys",
    "forvantat_resultat",
    "avvikelse",
    "text",
    "systematiskt_kvalitetsarbete",
    "ovrigt",
    "forslag_till_beslut",
    "sammanfattning",
    "arendets_beredning",
    "jamstalldhetsanalys",
    "sarskilda_redovisningar",
    "konsekvenser_covid19",
    "inledning",
}
FIGURES = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")


def sentences(data: Any) -> set[str]:
    """Every sentence of every text, whitespace and Markdown heading marks removed."""
    found: set[str] = set()
    for text in _texts(data):
        plain = re.sub(r"(?m)^#+\s*", "", text)
        for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", plain):
            sentence = " ".join(sentence.split())
            if len(sentence) > 3:
                found.add(sentence)
    return found


def _texts(data: Any, key: str = "") -> Iterator[str]:
    if isinstance(data, dict):
        for name, value in data.items():
            yield from _texts(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value, key)
    elif isinstance(data, str) and key in TEXT_KEYS:
        yield data


def statuses(data: dict) -> set[tuple]:
    found = set()
    for direction in data.get("inriktningsmal", []):
        for goal in direction.get("mal", []):
            found.add(("mål", goal["nr"], goal.get("status")))
            for council in goal.get("namndmal", []):
                found.add(("nämndmål", council["id"], council.get("status")))
                found |= {
                    ("enhetsmål", council["id"], " ".join(own["titel"].split()), own["status"])
                    for own in council.get("enhetsmal", [])
                }
    return found


def figures(data: dict) -> set[tuple]:
    found = set()
    for direction in data.get("inriktningsmal", []):
        for goal in direction.get("mal", []):
            for node in [goal, *goal.get("namndmal", [])]:
                for item in node.get("indikatorer", []):
                    found |= {(item["id"], name, float(item[name])) for name in FIGURES if item.get(name) is not None}
    return found


def economy(data: dict) -> set[tuple]:
    numbers: set[tuple] = set()

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key != "text":
                    walk(inner, f"{path}.{key}")
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(inner, f"{path}.{index}")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers.add((path, float(value)))

    walk(data.get("ekonomi", {}), "ekonomi")
    return numbers


def share(made: set, wanted: set) -> str:
    if not wanted:
        return "–"
    return f"{100 * len(made & wanted) / len(wanted):.0f} % ({len(made & wanted)}/{len(wanted)})"


def _import(source: Path, unit: str, year: int, period: str, content: Path) -> tuple[int, str]:
    out = io.StringIO()
    argv = ["import", str(source), "--unit", unit, "--year", str(year), "--period", period, "--content", str(content)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = vb(argv)
    return code, out.getvalue()


def _report(title: str, made: dict, wanted: dict, target: Path, out: str) -> None:
    problems = check_paths([target]).problems
    errors = sum(p.severity.value == "fel" for p in problems)
    unplaced = sum(": kunde inte placeras:" in line for line in out.splitlines())
    print(title)
    print(f"  meningar: {share(sentences(made), sentences(wanted))}")
    print(f"  statusar: {share(statuses(made), statuses(wanted))}")
    print(f"  indikatorvärden: {share(figures(made), figures(wanted))}")
    print(f"  ekonomisiffror: {share(economy(made), economy(wanted))}")
    print(f"  vb check: {errors} fel, {len(problems) - errors} varningar; ej placerade rader: {unplaced}")


def _fresh(folder: Path, unit: str, year: int, period: str) -> tuple[Path, dict]:
    """A copy of content/ without the hand-made report, and that report's data."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    target = content / "rapporter" / unit / f"{year}-{period.lower()}.yml"
    wanted = yaml.safe_load(target.read_text(encoding="utf-8"))
    target.unlink()
    return target, wanted


def run_one(name: str, unit: str, year: int, period: str, folder: Path) -> None:
    target, wanted = _fresh(folder / name, unit, year, period)
    code, out = _import(ROOT / "tests" / "sources" / name, unit, year, period, target.parents[2])
    if code != 0:
        print(f"{name}: vb import misslyckades (slutkod {code})")
        return
    made = yaml.safe_load(target.read_text(encoding="utf-8"))
    _report(f"{name} → {unit} {period} {year}", made, wanted, target, out)


def run_unseen(name: str, unit: str, year: int, period: str, folder: Path) -> None:
    """A report of the same template the importer has never seen (tests/generator/unseen_report.py)."""
    from tests.generator import unseen_report

    target, old = _fresh(folder / f"osedd-{name}", unit, year, period)
    new_name = old["till"] if unit == "hagersten-alvsjo" else "Enheten Norr"  # the council's name is its goals'
    source = (ROOT / "tests" / "sources" / name).read_text(encoding="utf-8")
    export = target.parents[3] / "tidigare.txt"
    export.write_text(unseen_report.export(source, old["till"], new_name), encoding="utf-8")
    code, out = _import(export, unit, year, period, target.parents[2])
    if code != 0:
        print(f"osedd rapport från {name}: vb import misslyckades (slutkod {code})")
        return
    made = yaml.safe_load(target.read_text(encoding="utf-8"))
    title = f"osedd rapport (namn, ord, meningsordning, aktivitetsordning och värden ändrade i {name})"
    _report(title, made, unseen_report.answer(old, old["till"], new_name), target, out)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        for name, (unit, year, period) in SOURCES.items():
            run_one(name, unit, year, period, Path(folder))
        for name in ("001_eb83f3cc95dc08cb.txt", "002_e413b7b4eec749f1.txt"):
            run_unseen(name, *SOURCES[name], Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
