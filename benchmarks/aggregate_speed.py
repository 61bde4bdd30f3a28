"""Aggregation of a synthetic district: 150 units, three periods. Target: under 2 s in all.

Run: .venv/bin/python benchmarks/aggregate_speed.py [--units 150]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from generator.content.load import load_content
from generator.rollup.aggregate import aggregate
from generator.synth.district import synthesize, write_tree

PERIODS = ["T1", "T2", "VB"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(synthesize(args.units, [2021], PERIODS, seed=1), root)
        start = time.perf_counter()
        content = load_content(root)
        loaded = time.perf_counter() - start
        reports = [r.model for r in content.reports]
        start = time.perf_counter()
        for period in PERIODS:
            result = aggregate(content.organisation.model, content.catalogue(2021), reports, 2021, period)
        spent = time.perf_counter() - start
    print(f"enheter: {args.units}, perioder: {len(PERIODS)}, rapporter: {len(reports)}")
    print(f"inläsning (ingår inte i målet): {loaded:.2f} s")
    print(
        f"sammanställning av {len(PERIODS)} perioder: {spent:.2f} s (mål < 2 s: {'ok' if spent < 2 else 'över målet'})"
    )
    print(
        f"indikatorer i sista perioden: {len(result.indikatorer)}, nämndmål: {sum(len(g.namndmal) for g in result.mal)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
