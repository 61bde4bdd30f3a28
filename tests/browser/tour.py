"""One visit of every kind of page at a width, recording all that the page-by-page browser tests look at.

The visit at each width is made once for the whole run, by whichever pytest-xdist worker asks first, and kept as
JSON beside the run's shared builds; a worker asking for a width being visited waits for it. The worker that asks
first visits the other width at the same time in a process of its own (a visit spends much of its time waiting
for the slowed network and for the page to settle).

Opening a page in Chromium is the costly part of a browser test; each kind of page is opened once per width
(as Lighthouse loads it at that width: on a phone, network and processor slowed, so that late layout shifts are
seen),
and what the tests ask about is recorded from that one visit: requests to other origins, layout shifts, axe's
findings (run at full speed), the stylesheets and scripts that held up the first paint, unsized images, the
search field, the footer's link to the accessibility statement, the cookies set by the end, and last (it takes the
page's blocks apart) what the blocks of a long page move or cut off (tests/browser/test_blocks.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import subprocess
import sys
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

WIDTHS = {"telefon": (390, 844), "dator": (1366, 768)}
ONE_PAGE = "/prov.html"

# Layout shifts recorded from the start of the page, as a browser reports them (without shifts right after input).
RECORD_SHIFTS = """
window.__vbShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__vbShifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});
"""
# How Lighthouse loads a page at each width. A phone on a slow connection (slow 4G, a 4× slower processor): the
# first paint comes before the deferred script has run, so whatever that script moves is seen as a shift. A
# laptop on a fast connection (40 ms, 10 Mbit/s) at full speed.
NETWORK = {
    "telefon": {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8},
    "dator": {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 10e6 / 8},
}
PROCESSOR = {"telefon": 4, "dator": 1}
# Starts a process that takes the tour at a width and keeps it in a file, its output written to the open file.
Elsewhere = Callable[[str, Path, Any], subprocess.Popen]
FULL_SPEED = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))))"

BLOCKING_RESOURCES = """() => Object.fromEntries(performance.getEntriesByType("resource")
    .filter(e => e.renderBlockingStatus === "blocking")
    .map(e => [new URL(e.name).pathname, e.decodedBodySize]))"""
PARSER_BLOCKING_SCRIPTS = """() => [...document.querySelectorAll("script[src]")]
    .filter(s => !s.defer && !s.async && s.type !== "module").map(s => s.getAttribute("src"))"""
UNSIZED = """() => [...document.querySelectorAll("article img, article svg:not(svg svg)")]
    .filter(e => !(e.getAttribute("width") && e.getAttribute("height")) && !e.getAttribute("viewBox"))
    .map(e => e.outerHTML.slice(0, 120))"""
STATEMENT_LINKS = """() => [...document.querySelectorAll("footer a")]
    .filter(a => a.textContent.trim() === "Tillgänglighetsredogörelse").map(a => new URL(a.href).pathname)"""


@dataclass
class Visit:
    """What one page showed while it loaded and once it had settled."""

    other_origins: list[str] = field(default_factory=list)
    shift: float = 0.0
    violations: list[str] = field(default_factory=list)
    blocking: dict[str, int] = field(default_factory=dict)
    parser_blocking: list[str] = field(default_factory=list)
    unsized: list[str] = field(default_factory=list)
    has_search_field: bool = False
    statement_links: list[str] = field(default_factory=list)
    has_blocks: bool = False
    cut_off: list[str] = field(default_factory=list)
    moved: list | None = None


@dataclass
class Tour:
    """Every kind of page visited at one width, and the cookies the site had set when the last was left."""

    visits: dict[str, Visit]
    cookies: list[dict]


def take_tour(browser, base_url: str, paths: list[str], width: str, routes: dict[str, dict] | None = None) -> Tour:
    """Each page opened once in a fresh context at the width, loaded as Lighthouse loads it there; routes answer the
    addresses they match with the given response (how a test shows that a check sees what it looks for)."""
    from tests.browser.test_blocks import what_the_blocks_change
    from tests.browser.test_site import serious_violations, visit

    size = dict(zip(("width", "height"), WIDTHS[width]))
    context = browser.new_context(base_url=base_url, viewport=size)
    for pattern, response in (routes or {}).items():
        context.route(pattern, _answer(response))
    context.set_default_timeout(60_000)
    context.add_init_script(RECORD_SHIFTS)
    tab = context.new_page()
    origin = urllib.parse.urlsplit(base_url).netloc
    current: list[str] = []
    tab.on("request", lambda request: _note_other_origin(request.url, origin, current))
    devtools = context.new_cdp_session(tab)
    devtools.send("Network.enable")
    visits = {}
    for path in paths:
        current.clear()
        _slow(devtools, width)
        visit(tab, path)
        tab.evaluate(SETTLED)
        _slow(devtools, None)
        visits[path] = Visit(
            other_origins=list(current),
            shift=sum(tab.evaluate("() => window.__vbShifts")),
            violations=serious_violations(tab),
            blocking=tab.evaluate(BLOCKING_RESOURCES),
            parser_blocking=tab.evaluate(PARSER_BLOCKING_SCRIPTS),
            unsized=tab.evaluate(UNSIZED),
            has_search_field=tab.locator("form[role=search] input[name=q]").count() > 0,
            statement_links=tab.evaluate(STATEMENT_LINKS),
        )
        visits[path].has_blocks, visits[path].cut_off, visits[path].moved = what_the_blocks_change(tab)
    tour = Tour(visits, context.cookies())
    context.close()
    return tour


def tour_of_one_page(
    browser, base_url: str, html: str, width: str, other_routes: dict[str, dict] | None = None
) -> Tour:
    """The tour of a single made-up page (/prov.html, answered with `html`): how a test shows that a check of the
    tour sees the fault the page has."""
    routes = {**(other_routes or {}), f"{base_url}{ONE_PAGE}": {"content_type": "text/html", "body": html}}
    return take_tour(browser, base_url, [ONE_PAGE], width, routes)


def _answer(response: dict):
    """A route handler that answers every request it gets with the response."""
    return lambda route, _request: route.fulfill(**response)


def _slow(devtools, width: str | None) -> None:
    """The width's network and processor while a page loads; full speed (None) while it is examined."""
    devtools.send("Network.emulateNetworkConditions", NETWORK[width] if width else FULL_SPEED)
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": PROCESSOR[width] if width else 1})


def _note_other_origin(url: str, origin: str, found: list[str]) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("data", "blob", "about") and parts.netloc != origin:
        found.append(url)


def shared_tour(root: Path, width: str, take: Callable[[str], Tour], elsewhere: Elsewhere | None = None) -> Tour:
    """The tour at the width, taken once for the run under a lock (see tests/real_site.py) and read back after.

    While this worker takes a width, every width nobody has taken yet is taken at the same time by a process that
    `elsewhere` starts (a page's waits, on the network and for it to settle, leave the cores free for the other);
    while another worker takes this width, a width nobody has taken yet is taken here meanwhile."""
    root.mkdir(parents=True, exist_ok=True)
    if not _take_unless_taken(root, width, take, elsewhere, wait=False):
        for other in sorted(set(WIDTHS) - {width}):
            _take_unless_taken(root, other, take, elsewhere, wait=False)
        _take_unless_taken(root, width, take, elsewhere, wait=True)
    data = json.loads((root / f"tour-{width}.json").read_text(encoding="utf-8"))
    return Tour({path: Visit(**seen) for path, seen in data["visits"].items()}, data["cookies"])


def _take_unless_taken(
    root: Path, width: str, take: Callable[[str], Tour], elsewhere: Elsewhere | None, wait: bool
) -> bool:
    """Take the tour at the width unless it is kept already; False (without wait) if another worker is taking it."""
    with (root / f"tour-{width}.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        kept = root / f"tour-{width}.json"
        if not kept.is_file():
            with contextlib.ExitStack() as meanwhile:
                for other in sorted(set(WIDTHS) - {width}) if elsewhere else []:
                    meanwhile.enter_context(_taken_elsewhere(root, other, elsewhere))
                _keep(kept, take(width))
    return True


@contextlib.contextmanager
def _taken_elsewhere(root: Path, width: str, start: Elsewhere) -> Iterator[None]:
    """The width taken by a process of its own while the block runs, under the width's lock, unless it is kept or
    being taken already; its output is kept beside the tour if it fails."""
    with (root / f"tour-{width}.lock").open("w") as lock:
        kept = root / f"tour-{width}.json"
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            free = not kept.is_file()
        except BlockingIOError:
            free = False
        if not free:
            yield
            return
        log = root / f"tour-{width}.log"
        with log.open("w") as output:
            process = start(width, kept, output)
            try:
                yield
            finally:
                process.wait()
        if process.returncode != 0 or not kept.is_file():
            kept.unlink(missing_ok=True)
            raise AssertionError(f"Besöket i bredden {width} misslyckades:\n{log.read_text(encoding='utf-8')[-3000:]}")


def _keep(kept: Path, tour: Tour) -> None:
    kept.write_text(json.dumps(asdict(tour), ensure_ascii=False), encoding="utf-8")


def main(base_url: str, width: str, kept: str, *paths: str) -> None:
    """The tour at the width in a Chromium of its own, kept as JSON (how `elsewhere` takes a width meanwhile)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tour = take_tour(browser, base_url, list(paths), width)
        browser.close()
    _keep(Path(kept), tour)


if __name__ == "__main__":
    main(*sys.argv[1:])
