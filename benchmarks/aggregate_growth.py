"""Growth of aggregation alone: 1×, 2×, 4× and 8× a district of 150 units with three periods (T1, T2, VB).

Each size is loaded first (not counted), then every period is aggregated; CPU time (steadier than wall time on a
shared machine) and wall time are printed per size and as growth per doubling (at most ×2.3 counts as linear).

Run: .venv/bin/python benchmarks/aggregate_growth.py [--units 150] [--max 8] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from measure import growth, verdict

from generator.content.load import load_content
from generator.rollup.aggregate import aggregate
from generator.synth.district import synthesize, write_tree

PERIODS = ["T1", "T2", "VB"]


def timed(root: Path, repeat: int) -> tuple[float, float, int]:
    """(the smallest CPU seconds, the smallest wall seconds, reports) of aggregating every period of the tree."""
    content = load_content(root)
    reports = [r.model for r in content.reports]
    cpus, walls = [], []
    for _ in range(max(1, repeat)):
        start, cpu = time.perf_counter(), time.process_time()
        for period in PERIODS:
            aggregate(content.organisation.model, content.catalogue(2021), reports, 2021, period)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(cpus), min(walls), len(reports)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--max", type=int, default=8, choices=[1, 2, 4, 8])
    parser.add_argument("--repeat", type=int, default=3, help="körningar per storlek; den snabbaste räknas")
    args = parser.parse_args()
    cpus: list[float] = []
    walls: list[float] = []
    print(f"{'storlek':>8} {'enheter':>8} {'rapporter':>10} {'CPU':>8} {'vägg':>8}")
    for factor in (f for f in (1, 2, 4, 8) if f <= args.max):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            write_tree(synthesize(args.units * factor, [2021], PERIODS, seed=1), root)
            cpu, wall, reports = timed(root, args.repeat)
        cpus.append(cpu)
        walls.append(wall)
        print(f"{factor:>7}× {args.units * factor:>8} {reports:>10} {cpu:7.2f}s {wall:7.2f}s", flush=True)
    print("\nTillväxt per fördubbling av sammanställningen:")
    print(f"  CPU  {' '.join(f'×{g:.2f}' for g in growth(cpus)):24} {verdict(growth(cpus))}")
    print(f"  vägg {' '.join(f'×{g:.2f}' for g in growth(walls)):24} {verdict(growth(walls))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
