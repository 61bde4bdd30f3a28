"""Full site build (`vb build`): the real content and a synthetic district of 150 units and three periods.

Prints wall time, peak memory and output size, and the size per page and per report (the site must grow
linearly with the number of reports: compare with benchmarks/scale.py). Target: the synthetic district in
under 30 s. Each build runs `--repeat` times (the machine is shared); the median run is shown.
Run: .venv/bin/python benchmarks/site_build.py [--units 150] [--repeat 3] [--processes 0]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from measure import Measured, build_command, run_measured, size_mb

from generator.synth.district import synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]


def build(content: Path, site: Path, processes: int, repeat: int) -> tuple[Measured, list[float]]:
    """The median of `repeat` builds, and every run's wall time."""
    runs = []
    for _ in range(max(1, repeat)):
        shutil.rmtree(site, ignore_errors=True)
        runs.append(
            run_measured(
                build_command(content, site, processes),
                cwd=ROOT,
            )
        )
    ordered = sorted(runs, key=lambda m: m.seconds)
    return ordered[(len(ordered) - 1) // 2], [m.seconds for m in runs]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, default=0, help="0: en per kärna")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        synthetic = tmp / "content"
        write_tree(synthesize(args.units, [2021], ["T1", "T2", "VB"], seed=1), synthetic)
        print(
            f"{'innehåll':30} {'tid':>7} {'minne':>8} {'storlek':>9} {'sidor':>6} {'rapporter':>9} "
            f"{'kB/sida':>8} {'kB/rapport':>10}  körningar"
        )
        targets = (("verkligt innehåll", ROOT / "content"), (f"syntetiskt, {args.units} enheter × 3", synthetic))
        for name, content in targets:
            site = tmp / f"site-{len(name)}"
            done, walls = build(content, site, args.processes, args.repeat)
            pages = sum(1 for _ in site.rglob("index.html")) if site.exists() else 0
            reports = sum(1 for _ in (content / "rapporter").rglob("*.yml"))
            size = size_mb(site) if site.exists() else 0.0
            per_page = size * 1000 / pages if pages else 0.0
            print(
                f"{name:30} {done.seconds:6.1f}s {done.peak_mb:6.0f}MB {size:7.1f}MB {pages:6} {reports:9} "
                f"{per_page:8.0f} {size * 1000 / reports:10.0f}  {' '.join(f'{w:.1f}' for w in walls)}"
                + ("" if done.code == 0 else f"  MISSLYCKADES\n{done.output[-2000:]}"),
                flush=True,
            )
    print("Mål: syntetiskt distrikt under 30 s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
