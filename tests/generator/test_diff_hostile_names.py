"""`vb diff` with file names made to fool it: newlines, object ids, bytes that are not UTF-8, controls.

Each test makes a real git repository in tmp_path. A name vb cannot show safely must be named in
the diff (escaped, in Swedish), never crash it (VB900) and never make another path read another
file's contents.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import UNIT_VB_PATH
from tests.generator.test_diff import commit, edit, git, repo, run_diff  # noqa: F401 (repo is a fixture)

CHANGED_STATUS = 'Enhetsmålet "Personalen går utbildning i bemötande": Uppfylls delvis → Uppfylls helt'
UNIT = "content/rapporter/enhet-a"


def write_raw(folder: Path, name: bytes, data: bytes) -> None:
    """Write a file whose name is exactly these bytes (not UTF-8, newlines and all)."""
    descriptor = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def change_status(repo: Path) -> None:
    edit(repo, UNIT_VB_PATH, "status: Uppfylls delvis\n    ", "status: Uppfylls helt\n    ")


def test_a_newline_and_an_object_id_in_a_name_cannot_hide_a_change(repo, capsys):
    """Asked for by path, "<name>\\n<id>" made git answer for the id too: the report read as its old version."""
    old_report = git(repo, "rev-parse", f"HEAD:{UNIT}/2021-vb.yml").strip()
    (repo / UNIT / "0").write_text("anteckning\n", encoding="utf-8")
    write_raw(repo / UNIT, b"0\n" + old_report.encode(), b"x\n")
    change_status(repo)
    commit(repo)
    code, out, err = run_diff(repo, capsys, "base", "HEAD")
    assert code == 0, err
    assert CHANGED_STATUS in out
    assert f"{UNIT}/0\\n{old_report}" in out
    assert "Visas inte här: namnet innehåller en radbrytning" in out
    assert "Inga ändringar" not in out


@pytest.mark.parametrize(
    "name, shown",
    [
        (b"2021-t1\n.yml", "2021-t1\\n.yml"),
        (b"\xff\xfe.yml", "\\xff\\xfe.yml"),
        (b"anteckning-\xe5.yml", "anteckning-\\xe5.yml"),  # Latin-1, as an old Windows tool writes it
        (b"\x1b[31mr\xc3\xb6d\x1b[0m.yml", "\\x1b[31mröd\\x1b[0m.yml"),  # terminal colours
        (b"\xe2\x80\xaelmy.yml", "\\u202elmy.yml"),  # right-to-left override
    ],
)
def test_a_name_that_cannot_be_shown_is_named_escaped_in_both_formats(repo, capsys, name, shown):
    write_raw(repo / UNIT, name, b"organisation: enhet-a\n")
    change_status(repo)
    commit(repo)
    for head in (["HEAD"], []):  # a commit, and the working tree
        code, out, err = run_diff(repo, capsys, "base", *head)
        assert code == 0 and "VB900" not in out + err, err
        assert CHANGED_STATUS in out
        assert f"{UNIT}/{shown} (" not in out  # named as its own group, not as a report
        assert f"{UNIT}/{shown}" in out and "Visas inte här" in out
        assert "\x1b" not in out and "\u202e" not in out and "\n.yml" not in out
        code, markdown, err = run_diff(repo, capsys, "base", *head, "--format", "markdown")
        assert code == 0 and "Uppfylls delvis → Uppfylls helt" in markdown
        assert "\x1b" not in markdown and "\u202e" not in markdown


def test_a_name_only_in_the_base_is_named_too(repo, capsys):
    write_raw(repo / UNIT, b"gammal\nfil.yml", b"x\n")
    commit(repo)
    git(repo, "tag", "med-namnet")
    git(repo, "rm", "--quiet", "-r", "--cached", UNIT)
    (repo / UNIT).joinpath("gammal\nfil.yml").unlink()
    git(repo, "add", "-A")
    commit(repo)
    code, out, _ = run_diff(repo, capsys, "med-namnet", "HEAD")
    assert code == 0 and f"{UNIT}/gammal\\nfil.yml" in out


def test_a_symbolic_link_is_named_not_followed(repo, capsys, tmp_path_factory):
    secret = tmp_path_factory.mktemp("utanfor") / "hemligt.yml"
    secret.write_text("losenord: hemligt\n", encoding="utf-8")
    os.symlink(secret, repo / UNIT / "2021-t2.yml")
    code, out, _ = run_diff(repo, capsys, "base")
    assert code == 0 and "hemligt" not in out.replace("hemligt.yml", "")
    assert (
        f"{UNIT}/2021-t2.yml: Visas inte här: det är en symbolisk länk" in out
        or f"{UNIT}/2021-t2.yml\n  - Visas inte här: det är en symbolisk länk" in out
    )
    commit(repo)
    code, out, _ = run_diff(repo, capsys, "base", "HEAD")
    assert code == 0 and "symbolisk länk" in out and "losenord" not in out


def test_a_code_span_in_the_comment_cannot_be_closed_by_a_name(repo, capsys):
    (repo / "content/rapporter/x`[klicka](https:__example.se)`").mkdir()
    (repo / "content/rapporter/x`[klicka](https:__example.se)`/2021-vb.yml").write_text(
        (repo / "content" / UNIT_VB_PATH)
        .read_text(encoding="utf-8")
        .replace("organisation: enhet-a", "organisation: enhet-b"),
        encoding="utf-8",
    )
    code, markdown, _ = run_diff(repo, capsys, "base", "--format", "markdown")
    assert code == 0
    assert "``content/rapporter/x`[klicka](https:__example.se)`/2021-vb.yml``" in markdown


# --- any name ----------------------------------------------------------------------------------

NAME_PIECES = [
    b"\n",
    b"\r",
    b"\t",
    b"\x1b",
    b"\x7f",
    b"\xff",
    b"\xc3",
    b"\xe5",
    b"\xe2\x80\xae",
    b" ",
    b"a",
    b"0",
    b"-",
    b".yml",
    b"2021-vb.yml",
    b":",
    b"HEAD",
    b"^{tree}",
    b"\\",
    b"`",
    b"\xc3\xa5",
]


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(
        st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=6).map(b"".join),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_any_names_keep_every_file_its_own_contents(names, tmp_path_factory):
    """Read back from a commit and from disk, each file has its own bytes; each unsafe name is set aside."""
    from generator.authoring.gitread import files_at, files_on_disk, printable
    from tests.conftest import write_tree

    root = tmp_path_factory.mktemp("repo")
    content = write_tree(root / "content")
    git(root, "init", "--quiet", "--initial-branch=main")
    made: dict[bytes, bytes] = {}
    for number, name in enumerate(names):
        if b"/" in name or name in (b".", b"..") or name.startswith(b".git"):
            continue
        data = b"fil %d\n" % number
        write_raw(content / "rapporter" / "enhet-a", name, data)
        made[b"rapporter/enhet-a/" + name] = data
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "Namn")
    expected_files = {os.fsencode(k): v for k, v in files_on_disk(content).files.items()}
    for found in (files_at(root, "HEAD", "content"), files_on_disk(content)):
        read = {os.fsencode(k): v for k, v in found.files.items()}
        for name, data in made.items():
            if name in read:
                assert read[name] == data
            else:
                assert printable(name) in found.unsafe
        assert read[b"rapporter/enhet-a/2021-vb.yml"] == expected_files[b"rapporter/enhet-a/2021-vb.yml"]
        assert all(printable(os.fsencode(k)) == k for k in found.files)  # what is read shows as it is


def test_a_fifo_in_the_working_tree_is_named_and_never_opened(repo, capsys):
    """Opening a FIFO waits for a writer forever: it is named instead."""
    os.mkfifo(repo / UNIT / "2021-t1.yml")
    code, out, _ = run_diff(repo, capsys, "base")
    assert code == 0 and f"{UNIT}/2021-t1.yml" in out and "något annat än en vanlig fil" in out


def test_a_content_folder_whose_name_is_not_utf8_is_compared(tmp_path, capsys):
    from tests.conftest import write_tree

    folder = os.fsdecode(b"inneh\xe5ll")  # Latin-1, as an old Windows tool writes it
    content = write_tree(tmp_path / folder)
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    commit(tmp_path)
    git(tmp_path, "tag", "base")
    (content / UNIT_VB_PATH).write_text(
        (content / UNIT_VB_PATH)
        .read_text(encoding="utf-8")
        .replace("status: Uppfylls delvis\n    ", "status: Uppfylls helt\n    "),
        encoding="utf-8",
    )
    commit(tmp_path)
    code = __import__("generator.cli", fromlist=["main"]).main(["diff", "base", "HEAD", "--content", str(content)])
    out, err = capsys.readouterr()
    assert code == 0 and CHANGED_STATUS in out, err
