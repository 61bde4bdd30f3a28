"""The editor under /redigera/ in Chromium: a unit changes a report in the form and the save is a two-line diff.

The editor built by `vb build` is served with its local backend (decap-server,
in git mode as the editorial workflow needs) working on a temporary git copy
of content/. Saving makes a branch with one commit, as a pull request would
have on GitHub; the test reads that commit.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.browser.conftest import ROOT, _QuietHandler
from tests.browser.test_site import serious_violations

pytestmark = pytest.mark.slow  # builds the site and runs the editor in a browser
EDITOR = ROOT / "editor"
SERVER = EDITOR / "node_modules" / "decap-server" / "dist" / "index.js"
REPORT = "content/rapporter/glasade-gangen/2021-vb.yml"
GOAL_TITLE = "Medarbetare på Glasade Gångens dagliga verksamhet förbereds"
ADDED = " Under hösten fick två medarbetare sitt första CV."
BRANCH = "cms/glasade-gangen/2021-vb"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A git repository with a copy of content/ on main, for the local backend to read and commit to."""
    if shutil.which("node") is None or not SERVER.is_file():
        reason = f"decap-server saknas (kör npm ci i {EDITOR})."
        if os.environ.get("VB_BROWSER_REQUIRED") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    target = tmp_path_factory.mktemp("arkiv") / "rapporter"
    shutil.copytree(ROOT / "content", target / "content")
    subprocess.run(["git", "init", "-q", "-b", "main", str(target)], check=True)
    _git(target, "config", "user.name", "Test")
    _git(target, "config", "user.email", "test@example.org")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "Rapporterna")
    return target


@pytest.fixture(scope="module")
def backend(repo: Path) -> Iterator[str]:
    """decap-server in git mode on a free port, working in the copy."""
    port = _free_port()
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)}
    log = repo.parent / "decap-server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(["node", str(SERVER)], cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor_url(site: Path, backend: str, tmp_path_factory) -> Iterator[str]:
    """The built site's /redigera/, its local backend pointed at the test's server, over HTTP on localhost."""
    served = tmp_path_factory.mktemp("redigera")
    shutil.copytree(site / "redigera", served / "redigera")
    config_path = served / "redigera" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["local_backend"] = {"url": backend}
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/redigera/"
    server.shutdown()
    thread.join()
    server.server_close()


def test_the_build_puts_the_editor_and_its_generated_config_in_the_site(site: Path):
    folder = site / "redigera"
    assert (folder / "index.html").is_file() and (folder / "decap-cms.js").is_file()
    assert (folder / "yaml" / "index.js").is_file() and (folder / "vb-yaml.js").is_file()
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow"
    assert "https://" not in (folder / "index.html").read_text(encoding="utf-8")  # nothing from a CDN


def _log_in(page, editor_url: str) -> None:
    page.goto(editor_url)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Glasade Gången").first.wait_for()


def _expand(page, scope, label: str):
    """Open the collapsed list item whose heading starts with `label` (list items are collapsed in the form)."""
    heading = page.locator(
        f'xpath=./div[contains(@class, "NestedObjectLabel")][starts-with(normalize-space(.), "{label}")]'
    )
    item = scope.locator('[class*="ListItem-listControlItem"]', has=heading).first
    item.locator('[class*="TopBar"] button').first.click()
    return item


def _open_goal(page, editor_url: str):
    page.goto(editor_url + "#/collections/glasade-gangen/entries/2021-vb")
    direction = _expand(page, page.locator("body"), "1")
    goal = _expand(page, direction, "1.1")
    council_goal = _expand(page, goal, "invanarna")
    return _expand(page, council_goal, GOAL_TITLE)


def _saved_diff(repo: Path, branch: str = BRANCH, report: str = REPORT) -> str:
    """The proposal's change to the report, once the local backend has committed it on its branch."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if branch in _git(repo, "branch", "--list", branch) and _git(repo, "rev-parse", branch) != _git(
            repo, "rev-parse", "main"
        ):
            return _git(repo, "diff", "--unified=0", "main", branch, "--", report)
        time.sleep(0.3)
    return ""


def _changed(diff: str) -> list[str]:
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_changing_status_and_analysis_in_the_form_changes_exactly_those_lines(page, editor_url, repo, tmp_path):
    before = (repo / REPORT).read_text(encoding="utf-8")
    _log_in(page, editor_url)
    unit_goal = _open_goal(page, editor_url)
    status = unit_goal.locator('[aria-label="select field"]', has=page.locator("label", has_text="Status")).first
    status.locator('[class*="control"]').first.click()
    page.get_by_role("option", name="Uppfylls helt", exact=True).click()
    analysis = unit_goal.locator("textarea").last
    old_analysis = analysis.input_value()
    analysis.fill(old_analysis + ADDED)
    page.get_by_role("button", name="Spara", exact=True).click()
    diff = _saved_diff(repo)
    assert _changed(diff) == [
        "-        status: Uppfylls delvis",
        "+        status: Uppfylls helt",
        f"-        analys: {old_analysis}",
        f"+        analys: {old_analysis}{ADDED}",
    ], diff
    assert _git(repo, "diff", "--name-only", "main", BRANCH).split() == [REPORT]  # one file, one proposal
    assert _git(repo, "show", f"main:{REPORT}") == before  # main is untouched until the proposal is merged

    checked = tmp_path / "kontroll"
    shutil.copytree(repo / "content", checked / "content")
    (checked / REPORT).write_text(_git(repo, "show", f"{BRANCH}:{REPORT}"), encoding="utf-8")
    assert main(["check", str(checked / REPORT)]) == 0


def test_adding_a_text_block_to_an_economy_section_adds_only_that_block(page, editor_url, repo):
    report, branch = "content/rapporter/grupp-och-servicebostader/2020-vb.yml", "cms/grupp-och-servicebostader/2020-vb"
    text = (repo / report).read_text(encoding="utf-8")
    assert "  investeringar: []\n" in text  # the section starts empty
    _log_in(page, editor_url)
    page.goto(editor_url + "#/collections/grupp-och-servicebostader/entries/2020-vb")
    economy = page.locator('[class*="TopBar"]').filter(has_text="Uppföljning av ekonomi").last
    economy.locator("button").first.click()
    page.get_by_role("button", name="Lägg till investeringar").click()
    block = page.locator('[class*="ListItem-listControlItem"]').last
    block.locator("textarea").first.fill("Inga investeringar under året.")
    page.get_by_role("button", name="Spara", exact=True).click()
    assert _changed(_saved_diff(repo, branch, report)) == [
        "-  investeringar: []",
        "+  investeringar:",
        "+  - text: Inga investeringar under året.",
    ]


def test_no_serious_or_critical_accessibility_violations_in_the_editor(page, editor_url):
    _log_in(page, editor_url)
    page.wait_for_load_state("networkidle")  # the editor's entries loaded: axe reads the page, not a fading loader
    _settled(page)
    report = [f"samlingar: {line}" for line in serious_violations(page)]
    page.goto(editor_url + "#/collections/glasade-gangen")
    page.get_by_text("2021 VB").first.wait_for()
    report += [f"rapportlista: {line}" for line in serious_violations(page)]
    _open_goal(page, editor_url)
    report += [f"rapport: {line}" for line in serious_violations(page)]
    assert not report, "\n".join(report)


def _settled(page) -> None:
    """Every fade and move that ends has ended: a loader fading out is half transparent, and axe would read its
    contrast mid-fade."""
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect?.getComputedTiming().iterations === Infinity)"
    )


def test_the_login_page_has_no_serious_or_critical_accessibility_violations(page, editor_url):
    page.goto(editor_url)
    page.get_by_role("button", name="Logga in").wait_for()
    assert not serious_violations(page)
