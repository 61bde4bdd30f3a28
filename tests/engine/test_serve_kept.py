"""While serving: the search index is made in the background after a build, and a new build stops an unfinished one."""

from __future__ import annotations

import json
import logging
import subprocess

from generator.engine import serve_kept
from generator.engine.serve_kept import BackgroundSearch
from tests.generator.test_search_index import _page


def test_the_search_index_of_the_served_site_is_made_in_the_background(tmp_path):
    _page(tmp_path, "hemtjanst", "Hemtjänsten besöker äldre i hemmet.")
    search = BackgroundSearch()
    search.start(tmp_path)
    assert search.waiter is not None
    search.waiter.join(timeout=120)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 1
    search.stop()
    assert search.process is None


def test_a_new_build_stops_the_unfinished_index_and_says_nothing_of_it(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(serve_kept, "pagefind_command", lambda _exe, _site: ["sleep", "60"])
    search = BackgroundSearch()
    search.start(tmp_path)
    running = search.process
    assert running is not None and running.poll() is None
    with caplog.at_level(logging.INFO):
        search.stop()
    assert running.returncode is not None and running.returncode < 0  # stopped, not finished
    assert caplog.records == []


def test_a_failed_index_is_told_in_swedish(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(serve_kept, "pagefind_command", lambda _exe, _site: ["sh", "-c", "echo trasig; exit 3"])
    search = BackgroundSearch()
    with caplog.at_level(logging.WARNING):
        search.start(tmp_path)
        assert search.waiter is not None
        search.waiter.join(timeout=60)
    assert "Sökindexet kunde inte skapas" in caplog.text and "kod 3" in caplog.text and "trasig" in caplog.text
    assert isinstance(search.process, subprocess.Popen)
