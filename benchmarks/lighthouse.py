"""Lighthouse on a phone for one page of every kind of the built real content: performance score and layout shift.

Builds content/ with `vb build` (or takes a built SITE), serves it on localhost
as a web server would (HTML, CSS and JavaScript gzip-compressed, as every
common server sends them) and runs Lighthouse (npm, pinned in benchmarks/lighthouse-npm, installed on
the first run outside the repository, in ~/.cache/vb-lighthouse) in Debian's Chromium with its default phone settings
(simulated slow 4G and a 4× slower CPU). Prints per kind of page the
performance score, the cumulative layout shift (CLS), first contentful paint,
largest contentful paint and total blocking time, and the bytes of the page. Targets: score ≥ 98
and CLS ≤ 0.1 on every kind of page. Scores vary from run to run on a loaded
machine: `--repeat N` runs each page N times and prints the median.

Run: .venv/bin/python benchmarks/lighthouse.py [--site SITE] [--repeat 3] [--desktop]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import QuietHandler, served

ROOT = Path(__file__).resolve().parents[1]
PINNED = ROOT / "benchmarks" / "lighthouse-npm"  # package.json and the lock; installed outside the repository
INSTALLED = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "vb-lighthouse"
LIGHTHOUSE = INSTALLED / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}
TARGET_SCORE = 98
TARGET_CLS = 0.1

# Each kind of page: the first built page (in address order) whose path matches.
KINDS = {
    "startsida": lambda p: p == "index.html",
    "nämndens rapport": lambda p: _depth(p, 4) and p.split("/")[2] == "hagersten-alvsjo",
    "enhetens rapport": lambda p: _depth(p, 4) and p.split("/")[1] in PERIODS and p.split("/")[2] != "hagersten-alvsjo",
    "målsida": lambda p: "/mal/" in p and p.split("/")[-2].isdigit(),
    "indikator med diagram": lambda p: p.startswith("indikatorer/") and _depth(p, 3),
    "ekonomisida": lambda p: p.endswith("/ekonomi/index.html") and p[:4].isdigit(),
    "sök": lambda p: p == "sok.html",
    "tillgänglighetsredogörelse": lambda p: p == "tillganglighet/index.html",
}
PERIODS = {"vp", "t1", "t2", "vb"}


def _depth(path: str, parts: int) -> bool:
    return len(path.split("/")) == parts and path.endswith("index.html")


def pages_of_each_kind(site: Path) -> dict[str, str]:
    """The address of the first page of each kind in `site`."""
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    found: dict[str, str] = {}
    for kind, matches in KINDS.items():
        for path in paths:
            chart_needed = kind == "indikator med diagram"
            if matches(path) and (not chart_needed or "<svg" in (site / path).read_text(encoding="utf-8")):
                found[kind] = "/" + path.removesuffix("index.html")
                break
    return found


class _Handler(QuietHandler):
    """Static files, text compressed with gzip when the browser accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def install_lighthouse() -> None:
    """The pinned Lighthouse, installed by `npm ci` in a cache folder outside the repository when its lock changed."""
    lock = (PINNED / "package-lock.json").read_bytes()
    if LIGHTHOUSE.is_file() and (INSTALLED / "package-lock.json").read_bytes() == lock:
        return
    INSTALLED.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        (INSTALLED / name).write_bytes((PINNED / name).read_bytes())
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=INSTALLED, check=False)
    if done.returncode != 0 or not LIGHTHOUSE.is_file():
        raise SystemExit(f"Lighthouse kunde inte installeras i {INSTALLED} (npm ci gav {done.returncode}).")


def lighthouse(url: str, desktop: bool) -> dict[str, float]:
    """One Lighthouse run of the performance category: score (0–100), CLS, FCP and LCP (ms)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    if desktop:
        command.append("--preset=desktop")
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**os.environ, "CHROME_PATH": CHROMIUM}
    )
    if done.returncode != 0:
        raise SystemExit(f"Lighthouse misslyckades för {url}: {done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
    }


def build_site(target: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stdout[-3000:] + done.stderr[-3000:])
    return target


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, help="en byggd webbplats (annars byggs content/)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--desktop", action="store_true", help="Lighthouses inställningar för dator")
    args = parser.parse_args()
    install_lighthouse()
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site or build_site(Path(temporary) / "site")
        kinds = pages_of_each_kind(site)
        worst_score, worst_cls = 100.0, 0.0
        with served(site, _Handler) as base:
            print(f"Lighthouse {'dator' if args.desktop else 'mobil'}, median av {args.repeat} körning(ar) per sida")
            for kind, path in kinds.items():
                runs = [lighthouse(base + path, args.desktop) for _ in range(max(1, args.repeat))]
                score = statistics.median(r["score"] for r in runs)
                cls = statistics.median(r["cls"] for r in runs)
                fcp = statistics.median(r["fcp"] for r in runs)
                lcp = statistics.median(r["lcp"] for r in runs)
                tbt = statistics.median(r["tbt"] for r in runs)
                weight = statistics.median(r["bytes"] for r in runs)
                worst_score, worst_cls = min(worst_score, score), max(worst_cls, cls)
                scores = ",".join(str(r["score"]) for r in runs)
                print(
                    f"{kind:28} prestanda {score:5.1f} ({scores})  CLS {cls:.3f}  FCP {fcp / 1000:.2f} s  "
                    f"LCP {lcp / 1000:.2f} s  TBT {tbt:.0f} ms  {weight / 1000:.0f} kB  {path}"
                )
    ok = worst_score >= TARGET_SCORE and worst_cls <= TARGET_CLS
    print(
        f"lägsta prestanda: {worst_score:.0f} (mål ≥ {TARGET_SCORE}), största CLS: {worst_cls:.3f} "
        f"(mål ≤ {TARGET_CLS}): {'uppfyllt' if ok else 'INTE uppfyllt'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
