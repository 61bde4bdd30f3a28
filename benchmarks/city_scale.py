"""The whole City of Stockholm: 13 district councils of 115 units each (about 1 500 units), three periods.

Writes the city with `vb synth --districts 13 --units 115`, builds it as `vb build` does (one site per
district, as many districts at a time as there are cores) and prints the total wall time, each district's
time and peak memory, the most memory held by districts building at the same time (sum of their peaks),
and the output size; then builds one district alone with every core. Targets: under 10 minutes in all,
a district (built alone) under 30 s, peak memory under 2 GB.

Run: .venv/bin/python benchmarks/city_scale.py [--districts 13] [--units 115]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from measure import size_mb

from generator.build.city import build_district, concurrent_peak_mb, district_roots, publish_city
from generator.parallel import cores
from generator.synth.district import district_id, synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]
PERIODS = ["T1", "T2", "VB"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--districts", type=int, default=13)
    parser.add_argument("--units", type=int, default=115)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        city = Path(folder) / "stad"
        start = time.perf_counter()
        for number in range(args.districts):
            write_tree(synthesize(args.units, [2021], PERIODS, 1, number), city / district_id(number))
        print(
            f"{args.districts} stadsdelar × {args.units} enheter × {len(PERIODS)} perioder skrivna på "
            f"{time.perf_counter() - start:.1f} s; bygger med {cores()} processer samtidigt"
        )
        built = publish_city(district_roots(city), Path(folder) / "site", ROOT / "mkdocs.yml", cores())
        print(f"{'stadsdel':34} {'tid':>7} {'minne':>8} {'sidor':>6} {'storlek':>9}")
        for district in built.districts:
            size = size_mb(built.site / district.district.folder)
            print(
                f"{district.district.name:34} {district.seconds:6.1f}s {district.peak_mb:6.0f}MB "
                f"{district.pages:6} {size:7.1f}MB"
            )
        slowest = max(d.seconds for d in built.districts)
        peak = max(d.peak_mb for d in built.districts)
        together = concurrent_peak_mb(built.districts)
        print(
            f"totalt: {built.seconds:.1f} s ({built.seconds / 60:.1f} min; mål < 10 min: "
            f"{'ok' if built.seconds < 600 else 'över målet'}); långsammaste stadsdel {slowest:.1f} s "
            f"(en process var, {min(cores(), args.districts)} stadsdelar samtidigt)"
        )
        print(
            f"minne: högst {peak:.0f} MB i en process, högst {together:.0f} MB samtidigt "
            f"(mål < 2 GB: {'ok' if together < 2048 else 'över målet'})"
        )
        print(f"utdata: {size_mb(built.site):.1f} MB, {sum(d.pages for d in built.districts)} sidor")
        alone = build_district(
            district_roots(city)[0], Path(folder) / "ensam", ROOT / "mkdocs.yml", cores(), Path(folder) / "pdf-ensam"
        )
        print(
            f"en stadsdel byggd ensam ({alone.district.name}, {cores()} processer): {alone.seconds:.1f} s, "
            f"{alone.peak_mb:.0f} MB (mål < 30 s: {'ok' if alone.seconds < 30 else 'över målet'})"
            + ("" if alone.ok else f"  MISSLYCKADES\n{alone.output[-1500:]}")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
