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
import sys
import tempfile
import time
from pathlib import Path

import yaml
from pypdf import PdfReader
from measure import Measured, run_measured

from generator.build import build_site
from generator.pdf import engine
from generator.pdf.document import document
from generator.synth import synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]
COUNCIL_TARGET_S = 10.0
ADDED_TARGET = 0.30


def config(folder: Path, pdf: bool) -> Path:
    """The project's mkdocs.yml with PDFs on or off (docs/ read from the project)."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(ROOT / "docs")
    settings["plugins"] = [{"vb": {"content": "content", "pdf": pdf}}]
    path = folder / f"mkdocs-{'pdf' if pdf else 'utan-pdf'}.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def vb_build(content: Path, site: Path, config_file: Path, processes: int) -> Measured:
    """One `vb build` in a process of its own."""
    done = run_measured([sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(site),
                         "--config", str(config_file), "--processes", str(processes)], cwd=ROOT)
    if done.code != 0:
        raise SystemExit(f"vb build misslyckades:\n{done.output[-3000:]}")
    return done


def real_reports(folder: Path, processes: int) -> None:
    """Each real report's PDF made in this process, from a site built without PDFs."""
    site = folder / "verkligt"
    vb_build(ROOT / "content", site, config(folder, pdf=False), processes)
    print(f"{'rapport (verkligt innehåll)':60} {'tid':>7} {'cpu':>7} {'sidor':>6} {'storlek':>9}")
    for source in build_site(ROOT / "content").documents:
        page = source.source.removesuffix("index.md") + "index.html" if source.source.endswith("index.md") \
            else source.source[:-3] + "/index.html"
        started, cpu = time.perf_counter(), time.process_time()
        data = engine.pdf_bytes(document(source, (site / page).read_text(encoding="utf-8"), "/" + page))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        pages = len(PdfReader(io.BytesIO(data)).pages)
        mark = f"  (mål < {COUNCIL_TARGET_S:.0f} s: {'uppfyllt' if seconds < COUNCIL_TARGET_S else 'EJ uppfyllt'})" \
            if source.writer == source.council else ""
        print(f"{source.title[:60]:60} {seconds:6.1f}s {cpu:6.1f}s {pages:6} {len(data) / 1000:7.0f}kB{mark}",
              flush=True)


def median(runs: list[Measured]) -> float:
    return statistics.median(run.seconds for run in runs)


def district(folder: Path, units: int, repeat: int, processes: int) -> None:
    """A synthetic district built without PDFs, with PDFs the first time, and again unchanged and with one change."""
    content = folder / "distrikt"
    write_tree(synthesize(units, [2021], ["T1", "T2", "VB"], seed=1), content)
    reports = sum(1 for _ in (content / "rapporter").rglob("*.yml"))
    without, with_pdf = config(folder, pdf=False), config(folder, pdf=True)
    plain = [vb_build(content, folder / "utan" / "site", without, processes) for _ in range(repeat)]
    site = folder / "med" / "site"
    cold = vb_build(content, site, with_pdf, processes)
    unchanged = [vb_build(content, site, with_pdf, processes) for _ in range(repeat)]
    changed = []
    for number in range(repeat):
        one = sorted((content / "rapporter").rglob("*-vb.yml"))[number]
        one.write_text(one.read_text(encoding="utf-8").replace("sammanfattande_analys: |-",
                       f"sammanfattande_analys: |-\n  Ändrad i mätning {number}.\n", 1), encoding="utf-8")
        changed.append(vb_build(content, site, with_pdf, processes))
    base = median(plain)
    print(f"\nsyntetiskt distrikt: {units} enheter × 3 perioder, {reports} rapporter")
    print(f"{'bygge':44} {'tid':>7} {'tillägg':>8}")
    for name, seconds in (("utan PDF", base), ("med PDF, första bygget (alla PDF görs)", cold.seconds),
                          ("med PDF, inget ändrat", median(unchanged)), ("med PDF, en rapport ändrad", median(changed))):
        added = (seconds - base) / base
        print(f"{name:44} {seconds:6.1f}s {added:+7.0%}", flush=True)
    worst = (max(median(unchanged), median(changed)) - base) / base
    print(f"Mål: PDF lägger till under {ADDED_TARGET:.0%} vid omb. bygge: {'uppfyllt' if worst < ADDED_TARGET else 'EJ uppfyllt'}"
          f" ({worst:+.0%}).")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, default=0, help="0: en per kärna")
    parser.add_argument("--bara-verkligt", action="store_true", help="bara det verkliga innehållets PDF")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        real_reports(folder, args.processes)
        if not args.bara_verkligt:
            district(folder, args.units, args.repeat, args.processes)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
