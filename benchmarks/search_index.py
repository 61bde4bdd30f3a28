"""Bytes a reader downloads before the first search hit, for built sites (Material's index or Pagefind's).

Material's search (lunr) downloads the whole index of the site before it can
show any hit, whatever the query. Pagefind downloads its entry file, program
and metadata, then only the index chunk for the words searched and the text
of each hit shown; that is measured in Chromium on the site's search page
(sok.html), counting the requests made before the first hit appears.
"gzip" is what a server that compresses would send (Pagefind's own files are
compressed already).

Run: .venv/bin/python benchmarks/search_index.py SITE [SITE ...] [--query ORD ...]
 or: .venv/bin/python benchmarks/search_index.py --content DIR
     (builds DIR once with both searches, Material's added back for the comparison, and measures both)
e.g. .venv/bin/vb synth --units 150 --out /tmp/syn && .venv/bin/python benchmarks/search_index.py --content /tmp/syn
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import yaml
from measure import served

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["hemtjänst", "sjukfrånvaro", "resultatenheter"]
LIMIT = 1_000_000  # about 1 MB compressed before the first hit is the most a reader should wait for
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIRST_HIT = """
new MutationObserver((changes, observer) => {
  const list = document.getElementById("vb-sokresultat");
  if (list && list.querySelector("li a")) { observer.disconnect(); window.vbFirstHit(); }
}).observe(document, {childList: true, subtree: true});
"""


def num(value: int) -> str:
    """A byte count with spaces between thousands."""
    return f"{value:,}".replace(",", " ")


def sizes(files: list[Path]) -> tuple[int, int]:
    """Raw bytes and bytes sent by a compressing server (never more than raw)."""
    raw = zipped = 0
    for path in files:
        data = path.read_bytes()
        raw += len(data)
        zipped += min(len(data), len(gzip.compress(data, 6)))
    return raw, zipped


def material_files(site: Path) -> list[Path]:
    """What Material's search loads before any hit: its worker, lunr's Swedish stemmer and the whole index."""
    scripts = site / "assets" / "javascripts"
    lunr = scripts / "lunr" / "min"
    return [
        site / "search" / "search_index.json",
        *sorted((scripts / "workers").glob("search.*.min.js")),
        lunr / "lunr.stemmer.support.min.js",
        lunr / "lunr.sv.min.js",
    ]


def kind(name: str) -> str:
    """The part of Pagefind's bundle a downloaded file belongs to."""
    for suffix, label in ((".pf_fragment", "träfftexter"), (".pf_index", "indexdelar"), (".pf_meta", "metadata")):
        if name.endswith(suffix):
            return label
    return "program och start"


def pagefind_downloads(browser, base: str, site: Path, query: str) -> list[Path]:
    """The Pagefind files the search page requests before its first hit appears."""
    context = browser.new_context()
    requested: list[str] = []
    at_first_hit: list[list[str]] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.expose_function("vbFirstHit", lambda: at_first_hit.append(list(requested)))
    page.add_init_script(FIRST_HIT)
    page.goto(f"{base}/sok.html?q={urllib.parse.quote(query)}")
    page.wait_for_selector("#vb-sokresultat li a", timeout=60_000)
    context.close()
    paths = [urllib.parse.unquote(urllib.parse.urlsplit(url).path) for url in at_first_hit[0]]
    return [site / p.lstrip("/") for p in dict.fromkeys(paths) if p.startswith("/pagefind/")]


def report_pagefind(site: Path, queries: list[str]) -> None:
    """Print Pagefind's downloads per query, by part of the bundle."""
    from playwright.sync_api import sync_playwright

    print(f"{'sökord':18} {'filer':>5} {'byte':>11} {'byte gzip':>11}  varav gzip per del")
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            files = pagefind_downloads(browser, base, site, query)
            raw, zipped = sizes(files)
            parts: dict[str, list[Path]] = {}
            for path in files:
                parts.setdefault(kind(path.name), []).append(path)
            detail = ", ".join(f"{label} {len(group)} st {num(sizes(group)[1])}" for label, group in parts.items())
            print(f"{query:18} {len(files):5} {num(raw):>11} {num(zipped):>11}  {detail}")
        browser.close()
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    print(
        f"hela Pagefind-mappen på disk (laddas inte ner i sin helhet): {len(bundle)} filer, "
        f"{num(sum(p.stat().st_size for p in bundle))} byte"
    )


def report(site: Path, queries: list[str]) -> bool:
    """Print what a reader of one site downloads before the first hit; False when the site has no search index."""
    print(f"\n== {site}")
    found = False
    if (site / "search" / "search_index.json").is_file():
        raw, zipped = sizes(material_files(site))
        verdict = "över" if zipped > LIMIT else "under"
        print(
            f"Material (lunr), samma för alla sökord: {num(raw)} byte, {num(zipped)} byte gzip "
            f"({verdict} gränsen {num(LIMIT)})"
        )
        found = True
    if (site / "pagefind" / "pagefind-entry.json").is_file():
        report_pagefind(site, queries)
        found = True
    if not found:
        print("Inget sökindex hittades (varken search/search_index.json eller pagefind/pagefind-entry.json).")
    return found


def build_with_both_searches(content: Path, folder: Path) -> Path:
    """`vb build` of a content tree with the project's mkdocs.yml plus Material's search plugin, for the comparison."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(ROOT / settings.get("docs_dir", "docs"))
    settings["plugins"] = [{"search": {"lang": "sv"}}, *settings.get("plugins", [])]
    config = folder / "mkdocs-jamforelse.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    site = folder / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--content",
            str(content.resolve()),
            "--site",
            str(site),
            "--config",
            str(config),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"Bygget misslyckades:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path, help="byggda webbplatser (mappen som vb build skrev)")
    parser.add_argument("--content", type=Path, help="bygg innehållet med båda sökningarna och mät dem")
    parser.add_argument("--query", action="append", help="sökord (kan anges flera gånger)")
    args = parser.parse_args()
    if not args.sites and not args.content:
        parser.error("ange byggda webbplatser eller --content MAPP")
    queries = args.query or QUERIES
    ok = [report(site.resolve(), queries) for site in args.sites]
    if args.content:
        with tempfile.TemporaryDirectory() as folder:
            ok.append(report(build_with_both_searches(args.content, Path(folder)), queries))
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
