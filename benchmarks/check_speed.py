"""How long `vb check` takes, start-up included: the whole real content and one unit file.

Targets: whole content under 1 s, one unit file under 0.3 s. Run: .venv/bin/python benchmarks/check_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VB = [sys.executable, "-m", "generator", "check"]
CASES = {
    "hela content/": (["content"], 1.0),
    "en enhets rapport": (["content/rapporter/glasade-gangen/2021-vb.yml"], 0.3),
    "start utan filer (python -m generator --help)": (None, None),
}
RUNS = 7


def timed(arguments: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(arguments, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    # The installed state: `make` writes the package's bytecode (PYTHONDONTWRITEBYTECODE may keep imports from it).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    print(f"{'fall':48} {'median':>8} {'bäst':>8} {'mål':>6}")
    for name, (paths, target) in CASES.items():
        command = [*VB, *paths] if paths else [sys.executable, "-m", "generator", "--help"]
        runs = [timed(command) for _ in range(RUNS)]
        goal = f"{target:.1f} s" if target else "-"
        verdict = "" if target is None else ("  ok" if statistics.median(runs) < target else "  över målet")
        print(f"{name:48} {statistics.median(runs):7.2f}s {min(runs):7.2f}s {goal:>6}{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
