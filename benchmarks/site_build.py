"""Full site build (`vb build`): the real content and a synthetic district of 150 units and three periods.

Prints wall time, peak memory and output size. Target: the synthetic district in under 30 s.
Run: .venv/bin/python benchmarks/site_build.py [--units 150]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.synth import synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def build(content: Path, site: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB of the build process, and the exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(site)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    if done.returncode:
        print(done.stdout[-2000:], done.stderr[-2000:])
    return wall, peak, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        synthetic = tmp / "content"
        write_tree(synthesize(args.units, [2021], ["T1", "T2", "VB"], seed=1), synthetic)
        print(f"{'innehåll':34} {'tid':>8} {'minne':>9} {'storlek':>9} {'sidor':>6}")
        for name, content in (("verkligt innehåll", ROOT / "content"), (f"syntetiskt, {args.units} enheter × 3", synthetic)):
            site = tmp / f"site-{len(name)}"
            wall, peak, code = build(content, site)
            pages = sum(1 for _ in site.rglob("index.html")) if site.exists() else 0
            size = size_mb(site) if site.exists() else 0.0
            print(f"{name:34} {wall:7.1f}s {peak:7.0f}MB {size:7.1f}MB {pages:6}" + ("" if code == 0 else "  MISSLYCKADES"))
    print("Mål: syntetiskt distrikt under 30 s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
