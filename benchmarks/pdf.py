"""The reports' PDFs: time per report of the real content, and what PDFs add to a synthetic district's `vb build`.

Targets: the council's report (Tertialrapport 1 2021, ~70 pages) in under 10 s; the PDFs add under 30 % to a
district build. A district's first build makes every PDF (shown, not a target: each report costs seconds of
layout); later builds reuse every PDF whose report is unchanged, which is what the 30 % is measured on: a
rebuild with nothing changed, and one with one unit's report changed, against the same build without PDFs.
The machine is shared: besides wall time the CPU time of each PDF is shown (steadier when others are busy).
Run: .venv/bin/python benchmarks/pdf.py [--units 40] [--repeat 3] [--processes 0]
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from measure import Measured, build_command, run_measured
from pypdf import PdfReader

from generator.build.site import prepare
from generator.pdf import engine
from generator.pdf.document import document
from generator.pdf.make import written_page
from generator.synth.district import synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]
COUNCIL_TARGET_S = 10.0
ADDED_TARGET = 0.30


def vb_build(content: Path, site: Path, pdf: bool, processes: int) -> Measured:
    """One `vb build` in a process of its own, with or without the PDFs."""
    done = run_measured(
        build_command(content, site, processes) + ([] if pdf else ["--utan-pdf"]),
        cwd=ROOT,
    )
    if done.code != 0:
        raise SystemExit(f"vb build misslyckades:\n{done.output[-3000:]}")
    return done


def real_reports(folder: Path, processes: int) -> None:
    """Each real report's PDF made in this process, from a site built without PDFs."""
    site = folder / "verkligt"
    vb_build(ROOT / "content", site, False, processes)
    print(f"{'rapport (verkligt innehåll)':60} {'tid':>7} {'cpu':>7} {'sidor':>6} {'storlek':>9}")
    for source in prepare(ROOT / "content", 1, io.StringIO()).documents:
        page = written_page(source.source)
        started, cpu = time.perf_counter(), time.process_time()
        data = engine.pdf_bytes(document(source, (site / page).read_text(encoding="utf-8"), "/" + page))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        pages = len(PdfReader(io.BytesIO(data)).pages)
        mark = (
            f"  (mål < {COUNCIL_TARGET_S:.0f} s: väggtid {_verdict(seconds)}, cpu-tid {_verdict(cpu)})"
            if source.writer == source.council
            else ""
        )
        print(
            f"{source.title[:60]:60} {seconds:6.1f}s {cpu:6.1f}s {pages:6} {len(data) / 1000:7.0f}kB{mark}", flush=True
        )


def _verdict(seconds: float) -> str:
    return "uppfyllt" if seconds < COUNCIL_TARGET_S else "EJ uppfyllt"


def median(runs: list[Measured]) -> float:
    return statistics.median(run.seconds for run in runs)


def median_cpu(runs: list[Measured]) -> float:
    """CPU seconds of the build and all its processes (steadier than wall time on a shared machine)."""
    return statistics.median(run.cpu for run in runs)


def district(folder: Path, units: int, repeat: int, processes: int) -> None:
    """A synthetic district built without PDFs, with PDFs the first time, and again unchanged and with one change."""
    content = folder / "distrikt"
    write_tree(synthesize(units, [2021], ["T1", "T2", "VB"], seed=1), content)
    reports = sum(1 for _ in (content / "rapporter").rglob("*.yml"))
    plain = [vb_build(content, folder / "utan" / "site", False, processes) for _ in range(repeat)]
    site = folder / "med" / "site"
    cold = vb_build(content, site, True, processes)
    unchanged = [vb_build(content, site, True, processes) for _ in range(repeat)]
    changed = []
    for number in range(repeat):
        one = sorted((content / "rapporter").rglob("*-vb.yml"))[number]
        one.write_text(
            one.read_text(encoding="utf-8").replace(
                "sammanfattande_analys: |-", f"sammanfattande_analys: |-\n  Ändrad i mätning {number}.\n", 1
            ),
            encoding="utf-8",
        )
        changed.append(vb_build(content, site, True, processes))
    base, base_cpu = median(plain), median_cpu(plain)
    print(f"\nsyntetiskt distrikt: {units} enheter × 3 perioder, {reports} rapporter")
    print(f"{'bygge':44} {'tid':>7} {'tillägg':>8} {'cpu':>7} {'tillägg':>8}")
    rows = (
        ("utan PDF", plain),
        ("med PDF, första bygget (alla PDF görs)", [cold]),
        ("med PDF, inget ändrat", unchanged),
        ("med PDF, en rapport ändrad", changed),
    )
    for name, runs in rows:
        wall, cpu = median(runs), median_cpu(runs)
        print(
            f"{name:44} {wall:6.1f}s {(wall - base) / base:+7.0%} {cpu:6.1f}s {(cpu - base_cpu) / base_cpu:+7.0%}",
            flush=True,
        )
    worst_wall = (max(median(unchanged), median(changed)) - base) / base
    worst_cpu = (max(median_cpu(unchanged), median_cpu(changed)) - base_cpu) / base_cpu
    print(
        f"Mål: PDF lägger till under {ADDED_TARGET:.0%} vid ombygge: väggtid {worst_wall:+.0%} "
        f"({'uppfyllt' if worst_wall < ADDED_TARGET else 'EJ uppfyllt'}), cpu-tid {worst_cpu:+.0%} "
        f"({'uppfyllt' if worst_cpu < ADDED_TARGET else 'EJ uppfyllt'})."
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, default=0, help="0: en per kärna")
    parser.add_argument("--bara-verkligt", action="store_true", help="bara det verkliga innehållets PDF")
    parser.add_argument("--bara-distrikt", action="store_true", help="bara det syntetiska distriktet")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if not args.bara_distrikt:
            real_reports(folder, args.processes)
        if not args.bara_verkligt:
            district(folder, args.units, args.repeat, args.processes)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
