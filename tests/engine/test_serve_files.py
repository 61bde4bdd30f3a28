"""While serving, the served folder keeps a file whose bytes a rebuild writes again, and nothing a rebuild leaves out."""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs.utils
import pytest
from mkdocs.structure.files import File

from generator.engine.serve_files import ServedFolder, written_by


@pytest.fixture
def folder(tmp_path):
    served = ServedFolder()
    served.install()
    yield served
    served.uninstall()


def _build(folder: ServedFolder, site: Path, files: dict[str, bytes]) -> list[str]:
    """One build as MkDocs writes it: the folder emptied, each file written, then the sweep."""
    folder.begin(str(site))
    mkdocs.utils.clean_directory(str(site))
    for name, content in files.items():
        mkdocs.utils.write_file(content, str(site / name))
    left = folder.sweep()
    folder.root = None
    return left


def _inode(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_ino, found.st_mtime_ns


def test_a_file_with_the_same_bytes_is_not_written_again_and_one_with_new_bytes_is(folder, tmp_path):
    site = tmp_path / "site"
    _build(folder, site, {"a/index.html": b"<p>a</p>", "b/index.html": b"<p>b</p>"})
    before = _inode(site / "a" / "index.html")
    _build(folder, site, {"a/index.html": b"<p>a</p>", "b/index.html": b"<p>b, nytt</p>"})
    assert _inode(site / "a" / "index.html") == before
    assert (site / "b" / "index.html").read_bytes() == b"<p>b, nytt</p>"
    assert folder.saved_writes == 1


def test_a_file_changed_by_someone_else_is_written_again_though_the_build_writes_the_same_bytes(folder, tmp_path):
    site = tmp_path / "site"
    _build(folder, site, {"a/index.html": b"<p>a</p>"})
    (site / "a" / "index.html").write_text("<p>ändrad utifrån</p>", encoding="utf-8")
    _build(folder, site, {"a/index.html": b"<p>a</p>"})
    assert (site / "a" / "index.html").read_bytes() == b"<p>a</p>"


def test_a_file_the_build_leaves_out_goes_with_its_emptied_folders_but_hidden_and_new_files_stay(folder, tmp_path):
    site = tmp_path / "site"
    _build(folder, site, {"a/index.html": b"a", "gammal/sida/index.html": b"g", "data/x.csv": b"1"})
    (site / ".dold").write_text("kvar", encoding="utf-8")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "index.pf").write_bytes(b"index")  # the last build's search index
    folder.begin(str(site))
    mkdocs.utils.write_file(b"a", str(site / "a" / "index.html"))
    mkdocs.utils.write_file(b"2", str(site / "data" / "x.csv"))
    (site / "sitemap.xml.gz").write_bytes(b"gz")  # written by another writer during the build
    left = folder.sweep()
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert names == [".dold", "a", "a/index.html", "data", "data/x.csv", "sitemap.xml.gz"]
    assert sorted(Path(p).relative_to(site).as_posix() for p in left) == [
        "a/index.html",
        "data/x.csv",
        "sitemap.xml.gz",
    ]


def test_a_copied_file_is_copied_again_only_when_its_source_changed(folder, tmp_path):
    site, source = tmp_path / "site", tmp_path / "theme" / "main.css"
    source.parent.mkdir()
    source.write_text("body{}", encoding="utf-8")
    theme_file = File("main.css", str(source.parent), str(site), use_directory_urls=True)
    for text in ("body{}", "body{color:red}"):
        source.write_text(text, encoding="utf-8")
        os.utime(source, ns=(1, len(text)))  # (a new time of change, however fast the test runs)
        folder.begin(str(site))
        mkdocs.utils.clean_directory(str(site))
        theme_file.copy_file()
        folder.sweep()
        assert (site / "main.css").read_text(encoding="utf-8") == text
    for text in ("ett", "två"):
        folder.begin(str(site))
        generated = File("data/a.txt", None, str(site), use_directory_urls=True)
        generated.content_string = text
        generated.copy_file()
        assert (site / "data" / "a.txt").read_text(encoding="utf-8") == text


def test_outside_a_build_mkdocs_writes_and_empties_as_always(folder, tmp_path):
    other = tmp_path / "annan"
    (other / "gammal").mkdir(parents=True)
    (other / "gammal" / "fil").write_text("x", encoding="utf-8")
    mkdocs.utils.clean_directory(str(other))
    assert list(other.iterdir()) == []
    mkdocs.utils.write_file(b"y", str(other / "ny" / "fil"))
    assert (other / "ny" / "fil").read_bytes() == b"y"
    assert folder.written == {}


def test_the_hash_of_a_page_is_known_only_while_the_file_is_the_one_written(folder, tmp_path):
    site = tmp_path / "site"
    _build(folder, site, {"index.html": b"<p>a</p>"})
    known = written_by(folder)
    assert known(str(site / "index.html")) is not None
    (site / "index.html").write_bytes(b"<p>other bytes</p>")
    assert known(str(site / "index.html")) is None


def test_uninstalled_mkdocs_has_its_own_functions_back(tmp_path):
    own = (mkdocs.utils.clean_directory, mkdocs.utils.write_file, File.copy_file)
    served = ServedFolder()
    served.install()
    assert mkdocs.utils.write_file is not own[1]
    served.uninstall()
    assert (mkdocs.utils.clean_directory, mkdocs.utils.write_file, File.copy_file) == own
