"""The search index: Pagefind indexes the built pages in Swedish, and a failure stops `vb build` with a Swedish message."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.theme import Theme

from generator.authoring.cms import EDITOR_PATH
from generator.cli import main
from generator.engine import search as search_index
from generator.engine.plugin import SEARCH_PAGE, SITE_MAP, THEME_ADDITIONS, add_theme_additions
from generator.engine.search import SearchIndexError, build_search_index, entry_problem, pagefind_command
from tests.render.tree import write_tree

ROOT = Path(__file__).resolve().parents[2]
BODY = '<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body><nav>Meny</nav>{main}</body></html>'


def _page(folder: Path, name: str, text: str, *, lang: str = "sv", indexed: bool = True) -> None:
    main_part = f"<main data-pagefind-body><h1>{name}</h1><p>{text}</p></main>" if indexed else f"<p>{text}</p>"
    (folder / name).mkdir(parents=True)
    (folder / name / "index.html").write_text(BODY.format(lang=lang, title=name, main=main_part), encoding="utf-8")


def _entry(site: Path) -> dict:
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_entry_problem_accepts_a_swedish_index_with_pages():
    assert entry_problem('{"languages": {"sv": {"hash": "sv_1", "page_count": 3}}}') is None


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (None, "skrev ingen pagefind-entry.json"),
        ("{inte json", "kan inte läsas"),
        ('{"languages": {"en": {"page_count": 3}}}', "inget svenskt språk (hittade: en)"),
        ('{"languages": {}}', "hittade: inget"),
        ('{"languages": {"sv": {"page_count": 0}}}', "inga sidor"),
    ],
)
def test_entry_problem_says_what_is_wrong(entry, said):
    assert said in entry_problem(entry)


def test_pagefind_command_indexes_the_site_without_heading_anchors():
    command = pagefind_command(Path("/bin/pagefind"), Path("/tmp/webbplats"))
    assert command[:3] == ["/bin/pagefind", "--site", "/tmp/webbplats"]
    assert command[command.index("--exclude-selectors") + 1] == ".headerlink"
    assert command[command.index("--output-subdir") + 1] == "pagefind"


def test_a_swedish_site_gets_an_index_of_the_pages_marked_for_search(tmp_path):
    _page(tmp_path, "hemtjanst", "Hemtjänsten besöker äldre i hemmet.")
    _page(tmp_path, "ekonomi", "Resultatenheterna redovisar ett överskott.")
    _page(tmp_path, "utskrift", "Samma text igen, för utskrift.", indexed=False)
    build_search_index(tmp_path)
    entry = _entry(tmp_path)
    assert list(entry["languages"]) == ["sv"]
    assert entry["languages"]["sv"]["page_count"] == 2  # the page without data-pagefind-body is left out
    assert len(list((tmp_path / "pagefind" / "fragment").iterdir())) == 2


def test_a_site_that_is_not_swedish_fails_with_a_swedish_message(tmp_path):
    _page(tmp_path, "home", "Home care visits older people.", lang="en")
    with pytest.raises(SearchIndexError, match="inget svenskt språk .*theme.language: sv"):
        build_search_index(tmp_path)


def test_a_failing_pagefind_fails_with_its_own_words_and_a_swedish_message(tmp_path, monkeypatch):
    program = tmp_path / "pagefind"
    program.write_text("#!/bin/sh\necho 'Error: kan inte skriva' >&2\nexit 3\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(search_index, "pagefind_executable", lambda: program)
    with pytest.raises(SearchIndexError) as raised:
        build_search_index(tmp_path)
    assert "Sökindexet kunde inte skapas: Pagefind avslutades med kod 3" in str(raised.value)
    assert "Error: kan inte skriva" in str(raised.value)


def test_theme_additions_come_before_the_theme_and_after_a_custom_dir(tmp_path):
    plain = Theme(name="material")
    add_theme_additions(plain)
    add_theme_additions(plain)  # MkDocs serve builds again with the same config
    assert plain.dirs.count(str(THEME_ADDITIONS)) == 1 and plain.dirs[0] == str(THEME_ADDITIONS)
    assert SEARCH_PAGE in plain.static_templates
    own = Theme(name="material", custom_dir=str(tmp_path))
    add_theme_additions(own)
    assert own.dirs[:2] == [str(tmp_path), str(THEME_ADDITIONS)]


def _vb_build(tmp_path: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    return main(
        [
            "build",
            "--content",
            str(tmp_path / "content"),
            "--site",
            str(tmp_path / "site"),
            "--config",
            str(config),
            "--utan-pdf",  # the index covers pages; PDFs are tested in tests/pdf/
        ]
    )


def test_vb_build_indexes_every_page_but_print_views_and_links_the_search_page(tmp_path):
    write_tree(tmp_path / "content")
    assert _vb_build(tmp_path) == 0
    site = tmp_path / "site"
    pages = [
        p
        for p in site.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8") and p.relative_to(site).parts[0] != EDITOR_PATH
    ]  # the editor is an application, not a page to search
    pages += [site / SITE_MAP, site / SEARCH_PAGE]  # the theme's own pages at the root
    assert (site / EDITOR_PATH / "index.html").is_file()
    marked = [p for p in pages if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    printed = [p for p in pages if p.parent.name == "utskrift"]
    assert printed and not set(printed) & set(marked)
    assert set(marked) == set(pages) - set(printed) - {site / SEARCH_PAGE}  # the search page finds, it is not found
    assert _entry(site)["languages"]["sv"]["page_count"] == len(marked)
    assert (site / SEARCH_PAGE).is_file() and (site / "assets" / "vb.js").is_file()
    assert not (site / "search" / "search_index.json").exists()  # one search: the theme's own is not built
    for path in pages:
        assert 'role="search"' in path.read_text(encoding="utf-8"), path


def test_vb_build_fails_in_swedish_and_keeps_the_last_site_when_indexing_fails(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path / "content")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("förra webbplatsen", encoding="utf-8")
    monkeypatch.setattr(search_index, "pagefind_executable", lambda: Path("/bin/false"))
    assert _vb_build(tmp_path) == 1
    err = capsys.readouterr().err
    assert "Sökindexet kunde inte skapas: Pagefind avslutades med kod 1" in err
    assert "Den förra webbplatsen är oförändrad" in err and "Traceback" not in err
    assert (site / "index.html").read_text(encoding="utf-8") == "förra webbplatsen"


def _fragments(site: Path) -> dict[str, dict]:
    """The text Pagefind keeps of each indexed page (what a hit shows), by the page's address."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        found[fragment["url"]] = fragment
    return found


def test_the_site_map_is_in_sitemap_xml_and_found_by_searching_for_karta(tmp_path):
    """A crawler and a reader find karta.html; the search page stays out of both, the site map's list out of the index."""
    write_tree(tmp_path / "content")
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings |= {"docs_dir": str(ROOT / "docs"), "site_url": "https://rapporter.example.se/"}
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    assert _vb_build(tmp_path, config) == 0
    site = tmp_path / "site"

    for listing in ((site / "sitemap.xml").read_bytes(), gzip.decompress((site / "sitemap.xml.gz").read_bytes())):
        addresses = re.findall(r"<loc>(.*?)</loc>", listing.decode("utf-8"))
        assert "https://rapporter.example.se/karta.html" in addresses
        assert "https://rapporter.example.se/2021/vb/hemtjansten/" in addresses  # the pages MkDocs lists, as before
        assert not [a for a in addresses if SEARCH_PAGE in a]
        assert len(addresses) == len(set(addresses))

    fragment = _fragments(site)["/karta.html"]
    assert fragment["meta"]["title"] == "Alla sidor"
    assert "Webbplatskarta" in fragment["content"] and " karta " in fragment["content"]
    assert "Hemtjänsten" not in fragment["content"]  # the list of pages: a search for a unit finds the unit's pages
    assert f"/{SEARCH_PAGE}" not in _fragments(site)
