"""Bytes of HTML per page in the synthetic district: an empty unit page, the unit pages, and the menu's part.

Writes the district (150 units, T1 T2 VB) with one unit's T1 report emptied (only
who and which report, as the check accepts), builds it without PDFs and prints
the empty unit page's size, the median and largest unit report page, how much
of the empty page the main menu takes, and the site map's size (the one page
that lists every page). Target: the empty unit page under 40 KB.

Run: .venv/bin/python benchmarks/page_weight.py [--units 150] [--periods T1 T2 VB]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

import yaml
from measure import build_command, run_measured

from generator.synth.district import synthesize, write_tree

TARGET = 40_000
MENU = re.compile(r'<nav class="md-nav md-nav--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")', re.S)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--periods", nargs="+", default=["T1", "T2", "VB"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        content, site = Path(folder) / "content", Path(folder) / "site"
        files = synthesize(args.units, [2021], args.periods, 1)
        council = yaml.safe_load(files["organisation.yml"])["namnd"]["id"]
        units = sorted({path.split("/")[1] for path in files if path.startswith("rapporter/")} - {council})
        empty, period = units[0], args.periods[0]
        files[f"rapporter/{empty}/2021-{period.lower()}.yml"] = f"organisation: {empty}\nar: 2021\nperiod: {period}\n"
        write_tree(files, content)
        built = run_measured([*build_command(content, site, 0), "--utan-pdf"])
        if built.code != 0:
            raise SystemExit(built.output[-3000:])
        page = site / "2021" / period.lower() / empty / "index.html"
        html = page.read_text(encoding="utf-8")
        menu = MENU.search(html)
        sizes = [
            (site / "2021" / p.lower() / u / "index.html").stat().st_size
            for u in units
            for p in args.periods
            if (site / "2021" / p.lower() / u / "index.html").is_file()
        ]
        site_map = site / "karta.html"
        print(f"distrikt: {args.units} enheter × {len(args.periods)} perioder, byggt på {built.seconds:.1f} s")
        print(
            f"tom enhetssida: {len(html.encode()) / 1000:.1f} kB ({page.relative_to(site)}; mål under {TARGET / 1000:.0f} kB)"
        )
        print(
            f"  varav huvudmenyn: {len(menu.group(0).encode()) / 1000:.1f} kB" if menu else "  huvudmenyn hittades inte"
        )
        print(
            f"enheternas rapportsidor: median {statistics.median(sizes) / 1000:.1f} kB, störst {max(sizes) / 1000:.1f} kB"
        )
        if site_map.is_file():
            print(f"webbplatskartan (alla sidor): {site_map.stat().st_size / 1000:.1f} kB")
        print("uppfyllt" if len(html.encode()) < TARGET else "INTE uppfyllt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
