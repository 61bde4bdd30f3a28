"""How long `vb check` takes for each case of the bad-input corpus (tests/corpus/).

Targets: every case under 10 s; the alias bomb (vb008-alias-bomb) refused in under 2 s, i.e.
without expanding its 9**9 strings. Run: .venv/bin/python benchmarks/corpus_speed.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.check.run import check_paths  # noqa: E402
from tests.test_corpus import CASES, load_case  # noqa: E402

TARGET = 10.0  # seconds for one check of one small tree
TARGETS = {"vb008-alias-bomb": 2.0}


def main() -> int:
    slowest: list[tuple[float, str]] = []
    over = []
    with tempfile.TemporaryDirectory() as folder:
        for number, case_folder in enumerate(CASES):
            case = load_case(case_folder)
            root = case.build(Path(folder) / str(number))
            started = time.perf_counter()
            check_paths([root])
            seconds = time.perf_counter() - started
            slowest.append((seconds, case.name))
            if seconds >= TARGETS.get(case.name, TARGET):
                over.append(case.name)
    slowest.sort(reverse=True)
    print(f"{len(slowest)} fall, sammanlagt {sum(s for s, _ in slowest):.2f} s; långsammast:")
    for seconds, name in slowest[:5]:
        print(f"  {name:50} {seconds:6.3f} s (mål {TARGETS.get(name, TARGET):.0f} s)")
    print("alla inom målet" if not over else f"över målet: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
