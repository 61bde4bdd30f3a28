"""How much `vb new` writes for each unit of the real content: lines, ids and TODO markers.

A new report should hold what concerns the unit, not the whole catalogue (the
whole 2021 catalogue as one report was 1 057 lines with 239 ids and 160 TODO).
Run: .venv/bin/python benchmarks/new_report_size.py [--year 2021] [--period VB]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from generator.check.run import check_paths
from generator.cli import main as vb

ROOT = Path(__file__).resolve().parents[1]


def measure(content: Path, unit: str, year: int, period: str) -> tuple[int, int, int] | None:
    """(lines, ids, TODO warnings) of a new report for `unit`, or None when it already has one."""
    target = content / "rapporter" / unit / f"{year}-{period.lower()}.yml"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        made = (
            not target.exists()
            and vb(["new", "--unit", unit, "--year", str(year), "--period", period, "--content", str(content)]) == 0
        )
    if not made:
        return None
    text = target.read_text(encoding="utf-8")
    todo = sum(p.code == "VB503" for p in check_paths([target]).problems)
    return len(text.splitlines()), len(re.findall(r"^\s*-? ?id: ", text, re.M)), todo


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2021)
    parser.add_argument("--period", default="VB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content)
        from generator.content.load import load_content

        organisation = load_content(content).organisation.model
        by_area: Counter[str] = Counter()
        print(f"{'enhet':<45} {'område':<36} {'rader':>6} {'id':>5} {'TODO':>5}")
        for unit in organisation.enheter:
            found = measure(content, unit.id, args.year, args.period)
            if found is None:
                continue
            by_area[unit.verksamhetsomrade] += 1
            lines, ids, todo = found
            print(f"{unit.namn[:44]:<45} {unit.verksamhetsomrade[:35]:<36} {lines:>6} {ids:>5} {todo:>5}")
    print(f"enheter per verksamhetsområde: {dict(by_area)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
