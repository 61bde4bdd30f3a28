"""Scale of the site build: 1×, 2×, 4× and 8× a district of 150 units with three periods (T1, T2, VB).

Each phase runs in a process of its own, so its peak memory is its own:
  load+check  `vb check` of the tree (load_content and every rule)
  aggregate   every period aggregated (generator.rollup.aggregate; loading not counted; the fastest of 3 runs)
  render      every page as Markdown (generator.render.site.build_pages, one process; loading not counted)
  mkdocs      the whole `vb build` (check, pages, MkDocs, search index, PDFs unless --utan-pdf) into a site folder
It prints wall time, CPU time, peak memory and output size of each phase at each size, and how much each
grew per doubling of the content: linear growth multiplies by about 2 (at most 2.3 counts as linear).
Growth is judged on CPU time, which other work on the (shared) machine disturbs far less than wall time.

Run: .venv/bin/python benchmarks/scale.py [--units 150] [--max 8] [--phases load+check aggregate render mkdocs] [--utan-pdf]
(--max 4 stops at 4× when time is short)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from measure import Measured, growth, run_measured, size_mb, verdict

from generator.check.run import check_paths
from generator.content.load import Content, load_content
from generator.render.html import heading_anchors
from generator.render.site import build_pages, site_data
from generator.rollup.aggregate import Rollup, aggregate

ROOT = Path(__file__).resolve().parents[1]
PERIODS = ["T1", "T2", "VB"]
PHASES = ("load+check", "aggregate", "render", "mkdocs")
AGGREGATE_RUNS = 3


def phase(name: str, root: Path) -> dict[str, float]:
    """Run one phase here (in the phase's own process) and return its own seconds and output bytes."""
    if name == "load+check":
        start, cpu = time.perf_counter(), time.process_time()
        result = check_paths([root])
        return {
            "seconds": time.perf_counter() - start,
            "cpu": time.process_time() - cpu,
            "bytes": 0,
            "problems": len(result.problems),
        }
    content = load_content(root)
    start, cpu = time.perf_counter(), time.process_time()
    if name == "aggregate":
        return _aggregated(content)
    site = build_pages(site_data(content, Rollup.of(content).every_period(), heading_anchors))
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "bytes": sum(len(t.encode("utf-8")) for t in site.pages.values()),
    }


def measure(name: str, root: Path, work: Path, pdfs: bool = True) -> tuple[Measured, float, float, float]:
    """(the process, the phase's own wall seconds and CPU seconds, its output in MB)."""
    if name == "mkdocs":
        site = work / "site"
        done = run_measured(
            [
                sys.executable,
                "-m",
                "generator",
                "build",
                "--content",
                str(root),
                "--site",
                str(site),
                "--config",
                str(ROOT / "mkdocs.yml"),
                *([] if pdfs else ["--utan-pdf"]),
            ],
            cwd=ROOT,
        )
        return done, done.seconds, done.cpu, size_mb(site) if site.exists() else 0.0
    done = run_measured([sys.executable, __file__, "--phase", name, "--content", str(root)], cwd=ROOT)
    found = json.loads(done.output.strip().splitlines()[-1]) if done.code == 0 else {"seconds": 0, "cpu": 0, "bytes": 0}
    return done, found["seconds"], found["cpu"], found["bytes"] / 1e6


def _aggregated(content: Content) -> dict[str, float]:
    """Every period aggregated, the fastest of AGGREGATE_RUNS runs: a phase this short is otherwise mostly noise."""
    reports = [r.model for r in content.reports]
    keys = sorted({(r.ar, r.period) for r in reports})
    runs = []
    for _ in range(AGGREGATE_RUNS):
        start, cpu = time.perf_counter(), time.process_time()
        for year, period in keys:
            aggregate(content.organisation.model, content.catalogue(year), reports, year, period)
        runs.append((time.process_time() - cpu, time.perf_counter() - start))
    fastest = min(runs)
    return {"seconds": fastest[1], "cpu": fastest[0], "bytes": 0}


def write_district(units: int, root: Path) -> int:
    """A synthetic district of `units` units and three periods; the number of reports."""
    from generator.synth.district import synthesize, write_tree

    write_tree(synthesize(units, [2021], PERIODS, seed=1), root)
    return sum(1 for _ in (root / "rapporter").rglob("*.yml"))


def report(rows: dict[str, list[tuple[float, float, float, float]]], factors: list[int]) -> None:
    """Growth per doubling of every phase's CPU time, wall time, memory and output."""
    print("\nTillväxt per fördubbling (CPU-tid avgör; väggtid, minne och storlek visas också):")
    for name in rows:
        cpus = [row[1] for row in rows[name]]
        walls = [row[0] for row in rows[name]]
        memory = [row[2] for row in rows[name]]
        sizes = [row[3] for row in rows[name]]
        print(f"  {name:11} CPU {' '.join(f'×{g:.2f}' for g in growth(cpus)):24} {verdict(growth(cpus))}")
        print(
            f"  {'':11} vägg {' '.join(f'×{g:.2f}' for g in growth(walls)):23} "
            f"minne {' '.join(f'×{g:.2f}' for g in growth(memory))}"
        )
        if any(sizes):
            print(f"  {'':11} storlek {' '.join(f'×{g:.2f}' for g in growth(sizes)):24} {verdict(growth(sizes))}")
    print(f"  (faktorer: {', '.join(f'{f}×' for f in factors)})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--max", type=int, default=8, choices=[1, 2, 4, 8])
    parser.add_argument("--phases", nargs="+", choices=PHASES, default=list(PHASES), help="bara dessa faser")
    parser.add_argument("--utan-pdf", action="store_true", help="bygg utan PDF:er i fasen mkdocs (de mäts i pdf.py)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--content", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.content)))
        return 0
    factors = [f for f in (1, 2, 4, 8) if f <= args.max]
    rows: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in args.phases}
    print(f"{'storlek':>8} {'fas':11} {'tid':>8} {'CPU':>8} {'minne':>8} {'utdata':>9}  övrigt")
    for factor in factors:
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            reports = write_district(args.units * factor, work / "content")
            for name in args.phases:
                done, seconds, cpu, output = measure(name, work / "content", work, not args.utan_pdf)
                rows[name].append((seconds, cpu, done.peak_mb, output))
                extra = "" if done.code == 0 else f"MISSLYCKADES: {done.output[-400:]}"
                if name == "mkdocs" and done.code == 0:
                    pages = sum(1 for _ in (work / "site").rglob("index.html"))
                    extra = (
                        f"{pages} sidor, {output * 1000 / pages:.0f} kB/sida, {output * 1000 / reports:.0f} kB/rapport"
                    )
                print(
                    f"{factor:>7}× {name:11} {seconds:7.1f}s {cpu:7.1f}s {done.peak_mb:6.0f}MB {output:7.1f}MB  "
                    f"{extra}",
                    flush=True,
                )
    report(rows, factors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
