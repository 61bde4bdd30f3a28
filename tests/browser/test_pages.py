"""The helpers that choose what the browser tests visit (these need no browser)."""

from __future__ import annotations

from tests.browser.pages import ids_in, normalise, one_of_each_kind, page_paths, seed_toc, shape

TOC = """Rapport
Innehållsförteckning

Sammanfattande analys.....\t4
1.1 I Stockholm är människor självförsörjande.....\t7

Resultatenheter.....\t75
Bilagor
Utanför.....\t99
"""


def test_seed_toc_reads_the_entries_up_to_the_first_other_line():
    assert seed_toc(TOC) == [
        "Sammanfattande analys",
        "1.1 I Stockholm är människor självförsörjande",
        "Resultatenheter",
    ]


def test_normalise_writes_goal_numbers_as_the_site_does_and_drops_anchors():
    assert normalise("1.1 I Stockholm") == "1.1. I Stockholm"
    assert normalise("  Resultatenheter ¶ ") == "Resultatenheter"
    assert normalise("1. En modern storstad") == "1. En modern storstad"


def test_shape_replaces_ids_numbers_and_periods_and_keeps_the_council_apart():
    ids = ids_in({"namnd": {"id": "namnden"}, "enheter": [{"id": "glasade-gangen"}], "mal": [{"id": "mal-1"}]})
    assert ids == {"namnden", "glasade-gangen", "mal-1"}
    assert shape("/2021/vb/glasade-gangen/", "namnden", ids) == ("<nr>", "<period>", "<id>")
    assert shape("/2021/t1/namnden/mal/1/", "namnden", ids) == ("<nr>", "<period>", "<nämnd>", "mal", "<nr>")
    assert shape("/mal/2021/t1/3.2/mal-1/", "namnden", ids) == ("mal", "<nr>", "<period>", "<nr>", "<id>")
    assert shape("/", "namnden", ids) == ()


def test_one_page_of_each_kind_from_the_built_files_without_forwarding_pages(tmp_path):
    for name, text in {
        "index.html": "start",
        "2021/vb/a/index.html": "a",
        "2021/vb/b/index.html": "b",
        "2021/vb/a/utskrift/index.html": '<meta http-equiv="refresh" content="0; url=../">',
        "sok.html": "sök",
        "assets/x.html": "del av temat",
        "pagefind/y.html": "index",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = page_paths(tmp_path)
    assert paths == ["/2021/vb/a/", "/2021/vb/b/", "/", "/sok.html"]
    assert one_of_each_kind(paths, "namnden", {"a", "b"}) == {
        ("<nr>", "<period>", "<id>"): "/2021/vb/a/",
        (): "/",
        ("sok.html",): "/sok.html",
    }
