"""5 000 small reports: `vb build` of a district with that many short unit reports, its time and memory.

The synthetic district (generator.synth) gets as many units as it takes to make `--reports` unit reports over
`--periods` (default VB alone: 5 000 units), and each unit's report is cut to the least the check accepts (who
and which report), so that the build's cost per page and its navigation are what is measured, not the text.
The council's report stays as the synthesis wrote it. Then `vb build --utan-pdf` (search index included) runs in
a process of its own. Prints wall and CPU time, the largest process's peak memory, vb's main process's own peak,
and the most memory the build's processes held together (sampled; pages the forked processes share with the
main process are counted in each, so this is an upper bound), against the target: under 120 s and 2 GB.

Run: .venv/bin/python benchmarks/many_reports.py [--reports 5000] [--periods VB] [--processes 0]
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from measure import build_arguments, size_mb

from generator.synth.district import synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 120
TARGET_MB = 2000
OWN_PEAK = "huvudprocessens högsta minne MB: "
PAGE = os.sysconf("SC_PAGE_SIZE")


def small_district(reports: int, periods: list[str], root: Path) -> int:
    """The district with `reports` unit reports (rounded up to whole units), each as short as the check accepts;
    the number of report files written."""
    units = math.ceil(reports / len(periods))
    files = synthesize(units, [2021], periods, 1)
    council = yaml.safe_load(files["organisation.yml"])["namnd"]["id"]
    for path in files:
        parts = path.split("/")
        if parts[0] == "rapporter" and parts[1] != council:
            period = parts[2].removesuffix(".yml").split("-")[1].upper()
            files[path] = f"organisation: {parts[1]}\nar: 2021\nperiod: {period}\n"
    write_tree(files, root)
    return sum(1 for path in files if path.startswith("rapporter/"))


def tree_rss_mb(top: int) -> float:
    """Resident MB of process `top` and every process below it (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    family, grown = {top}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in family} - family
        family |= below
        grown = bool(below)
    total = 0
    for pid in family:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            continue
    return total / 1e6


def run_sampled(command: list[str]) -> tuple[float, float, float, int, str, float]:
    """(wall s, CPU s, largest process's peak MB, exit code, output, the most MB the processes held together)."""
    import subprocess

    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        most = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.5):
                most[0] = max(most[0], tree_rss_mb(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, output, most[0]


def vb_build(content: Path, site: Path, processes: int) -> int:
    """`vb build --utan-pdf` here (the benchmark's child process), then this process's own peak memory."""
    from generator.cli import main as vb_main

    code = vb_main([*build_arguments(content, site, processes), "--utan-pdf"])
    print(f"{OWN_PEAK}{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    return code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--periods", nargs="+", default=["VB"], choices=["T1", "T2", "VB"])
    parser.add_argument("--processes", type=int, default=0, help="vb:s processer (0: en per kärna)")
    parser.add_argument("--vb-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.vb_build:
        return vb_build(*args.vb_build, args.processes)
    with tempfile.TemporaryDirectory() as folder:
        content, site = Path(folder) / "content", Path(folder) / "site"
        written = small_district(args.reports, args.periods, content)
        print(f"distrikt: {written} rapporter ({', '.join(args.periods)}), korta enhetsrapporter", flush=True)
        command = [sys.executable, __file__, "--vb-build", str(content), str(site), "--processes", str(args.processes)]
        seconds, cpu, peak, code, output, together = run_sampled(command)
        if code != 0:
            print(f"MISSLYCKADES\n{output[-3000:]}")
            return 1
        own = [ln for ln in output.splitlines() if ln.startswith(OWN_PEAK)]
        pages = sum(1 for _ in site.rglob("index.html"))
        print(f"sidor: {pages}, webbplatsen {size_mb(site):.0f} MB")
        print(f"vägg: {seconds:.1f} s, CPU: {cpu:.1f} s")
        print(f"minne: största processen {peak:.0f} MB, huvudprocessen {own[-1][len(OWN_PEAK) :] if own else '?'} MB")
        print(f"  processerna tillsammans högst {together:.0f} MB (delade sidor räknas i varje process)")
        met = seconds < TARGET_SECONDS and together < TARGET_MB
        print(f"mål under {TARGET_SECONDS} s och {TARGET_MB / 1000:.0f} GB: {'uppfyllt' if met else 'INTE uppfyllt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
