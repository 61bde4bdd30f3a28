"""Files that cannot escape and writes that cannot lose.

Nothing read from outside content/ is ever shown; a huge file is refused before it is read;
`vb new` never writes through a symbolic link; every file vb writes replaces the old one in one
step, so a full or read-only disk leaves it as it was; the file system's refusals and Ctrl-C are
told in Swedish (or quietly), never as an internal error. The small disks are real tmpfs mounts
where the tests may mount them (CI runs as root) and a stand-in for the error elsewhere.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.check.run import check_paths
from generator.cli import main
from generator.fsio import write_atomic
from tests.conftest import UNIT_VB_PATH, write_tree
from tests.test_corpus import SECRET, _link, _link_to_secret, _outside

ROOT = Path(__file__).resolve().parents[1]
UNITS = 300  # enough units that CODEOWNERS fills several pages of a small disk


# --- text from outside content/ ------------------------------------------------------------


@pytest.mark.parametrize("form", ["text", "github", "json"])
def test_text_behind_a_link_is_never_shown(tmp_path, capsys, form):
    root = write_tree(tmp_path / "content")
    _link_to_secret(root)
    _link(root, "organisation-kopia", _outside(root, "mer.txt", SECRET))
    for asked in (root, root / "rapporter" / "enhet-a" / "2022-vb.yml"):
        assert main(["check", "--format", form, str(asked)]) == 1
        out = capsys.readouterr()
        assert "VB015" in out.out
        assert SECRET not in out.out + out.err


def test_a_file_of_one_long_text_is_shown_by_an_excerpt(tmp_path, capsys):
    root = write_tree(tmp_path / "content", {UNIT_VB_PATH: "hemlig " * 200 + "\n"})
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "VB011" in out
    assert "hemlig " * 10 not in out


def test_a_linked_report_is_not_published(tmp_path):
    from tests.site_pages import site_of

    root = write_tree(tmp_path / "content")
    report = (root / UNIT_VB_PATH).read_text(encoding="utf-8").replace("organisation: enhet-a", "organisation: enhet-b")
    _link(root, "rapporter/enhet-b/2021-vb.yml", _outside(root, "2021-vb.yml", report))
    assert check_paths([root]).failed(strict=False)
    pages = site_of(root).pages
    assert not any("enhet-b" in name and "2021" in name for name in pages)


# --- size before reading -----------------------------------------------------------------------


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    root = write_tree(tmp_path / "content")
    with open(root / UNIT_VB_PATH, "r+b") as report:
        report.truncate(1_500_000_000)  # sparse: costs no disk, but 1.5 GB if read
    tracemalloc.start()
    try:
        result = check_paths([root])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000
    [found] = [p for p in result.problems if p.code == "VB002"]
    assert "1500.0 MB" in found.message


# --- vb new and symbolic links -------------------------------------------------------------------


def _new(root: Path, unit: str) -> int:
    return main(["new", "--unit", unit, "--year", "2021", "--period", "T2", "--content", str(root)])


def test_vb_new_does_not_write_through_a_dangling_link(tmp_path, capsys):
    root = write_tree(tmp_path / "content")
    target = tmp_path / "utanfor" / "ny.yml"
    target.parent.mkdir()
    _link(root, "rapporter/enhet-b/2021-t2.yml", target)
    assert _new(root, "enhet-b") == 1
    assert not target.exists()
    assert "VB015" in capsys.readouterr().err


def test_vb_new_does_not_write_into_a_linked_unit_folder(tmp_path, capsys):
    root = write_tree(tmp_path / "content")
    outside = tmp_path / "utanfor"
    outside.mkdir()
    _link(root, "rapporter/enhet-c", outside)
    assert _new(root, "enhet-c") == 1
    assert list(outside.iterdir()) == []
    assert "rapporter/enhet-c" in capsys.readouterr().err


def test_vb_new_writes_a_whole_file_and_nothing_beside_it(tmp_path):
    root = write_tree(tmp_path / "content")
    assert _new(root, "enhet-b") == 0
    assert sorted(p.name for p in (root / "rapporter" / "enhet-b").iterdir()) == ["2021-t2.yml"]


# --- small and read-only disks ------------------------------------------------------------------


@contextmanager
def small_disk(folder: Path, size: str = "64k"):
    """A tmpfs of `size` at `folder`; the test is skipped where mounting is not allowed (not root)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here (not root?): {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(disk: Path) -> None:
    """Take every free byte of the disk."""
    filler = os.open(disk / "fyllnad", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(filler, b"x" * 512)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(filler)


def _big_organisation(root: Path) -> None:
    text = (root / "organisation.yml").read_text(encoding="utf-8")
    units = "".join(
        f"  - id: enhet-{n}\n    namn: Enhet {n}\n    avdelning: aldre\n    verksamhetsomrade: aldreomsorg\n"
        f"    granskare:\n      - chef-{n}\n"
        for n in range(UNITS)
    )
    (root / "organisation.yml").write_text(text + units, encoding="utf-8")


def _codeowners(root: Path, out: Path) -> int:
    return main(["codeowners", "--content", str(root), "--out", str(out)])


OLD = "# den förra filen\n* @controller-anna\n"


def _assert_told(err: str, path: Path, words: str) -> None:
    assert "VB018" in err and words in err and str(path) in err and "Så rättar du" in err
    assert "VB900" not in err and "Traceback" not in err


def test_a_full_disk_leaves_codeowners_as_it_was(tmp_path, capsys):
    root = write_tree(tmp_path / "content")
    _big_organisation(root)
    with small_disk(tmp_path / "disk") as disk:
        out = disk / "CODEOWNERS"
        out.write_text(OLD, encoding="utf-8")
        _fill(disk)
        assert _codeowners(root, out) == 1
        assert out.read_text(encoding="utf-8") == OLD
        assert sorted(p.name for p in disk.iterdir()) == ["CODEOWNERS", "fyllnad"]
    _assert_told(capsys.readouterr().err, out, "disken är full")


def test_a_full_disk_stand_in_leaves_every_written_file_as_it_was(tmp_path, capsys, monkeypatch):
    """Where no tmpfs can be mounted too: the disk fills half-way through each file vb writes."""
    root = write_tree(tmp_path / "content")
    _big_organisation(root)
    real_write = os.write

    def half_then_full(descriptor: int, data) -> int:
        if len(data) > 64:
            return real_write(descriptor, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "ut"
    commands = {
        "CODEOWNERS": ["codeowners", "--content", str(root), "--out", str(out / "CODEOWNERS")],
        "2021-vb/aggregat.json": [
            "export",
            "--year",
            "2021",
            "--period",
            "VB",
            "--content",
            str(root),
            "--out",
            str(out),
        ],
        "organisation.schema.json": ["schema", "--out", str(out)],
    }
    for name, command in commands.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(OLD, encoding="utf-8")
        with monkeypatch.context() as patched:
            patched.setattr(os, "write", half_then_full)
            assert main(command) == 1, name
        assert (out / name).read_text(encoding="utf-8") == OLD, name
        assert not [p for p in out.rglob(".vb-skriver-*")], name
        _assert_told(capsys.readouterr().err, out, "disken är full")


def test_every_file_vb_writes_goes_through_one_replace(tmp_path, monkeypatch):
    """CODEOWNERS, the export, a new report and the schemas: each is renamed into place, never written where it lies."""
    root = write_tree(tmp_path / "content")
    replaced: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda old, new: (replaced.append(Path(new).name), real_replace(old, new)))
    assert main(["codeowners", "--content", str(root), "--out", str(tmp_path / "CODEOWNERS")]) == 0
    assert (
        main(["export", "--year", "2021", "--period", "VB", "--content", str(root), "--out", str(tmp_path / "ut")]) == 0
    )
    assert _new(root, "enhet-b") == 0
    assert main(["schema", "--out", str(tmp_path / "scheman")]) == 0
    written = {p.name for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(root)} | {"2021-t2.yml"}
    assert written <= set(replaced)
    assert {"CODEOWNERS", "2021-t2.yml"} <= set(replaced)


def test_a_read_only_disk_is_told_in_swedish(tmp_path, capsys):
    root = write_tree(tmp_path / "content")
    with small_disk(tmp_path / "disk") as disk:
        (disk / "CODEOWNERS").write_text(OLD, encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        assert _codeowners(root, disk / "CODEOWNERS") == 1
        assert (disk / "CODEOWNERS").read_text(encoding="utf-8") == OLD
    _assert_told(capsys.readouterr().err, disk / "CODEOWNERS", "skrivskyddat")


@pytest.mark.parametrize(
    "number, words",
    [(errno.EROFS, "skrivskyddat"), (errno.EACCES, "behörighet saknas"), (errno.ENOSPC, "disken är full")],
)
def test_operating_system_errors_are_told_in_swedish(tmp_path, capsys, monkeypatch, number, words):
    root = write_tree(tmp_path / "content")
    real_open = os.open
    target = tmp_path / "ut"

    def refusing(path, flags, *rest, **named):
        if Path(path).parent == target / "2021-vb":
            raise OSError(number, os.strerror(number), str(path))
        return real_open(path, flags, *rest, **named)

    monkeypatch.setattr(os, "open", refusing)
    assert main(["export", "--year", "2021", "--period", "VB", "--content", str(root), "--out", str(target)]) == 1
    _assert_told(capsys.readouterr().err, target / "2021-vb", words)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a folder of mode 0555; the stand-in above covers root")
def test_a_folder_without_write_permission_is_told_in_swedish(tmp_path, capsys):
    root = write_tree(tmp_path / "content")
    locked = tmp_path / "las"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert main(["codeowners", "--content", str(root), "--out", str(locked / "CODEOWNERS")]) == 1
    finally:
        locked.chmod(0o755)
    _assert_told(capsys.readouterr().err, locked / "CODEOWNERS", "behörighet saknas")


def test_a_missing_file_is_told_in_swedish(tmp_path, capsys):
    missing = tmp_path / "finns-inte" / "README.md"
    assert main(["felkoder", "--readme", str(missing)]) == 1
    _assert_told(capsys.readouterr().err, missing, "finns inte")


# --- Ctrl-C ------------------------------------------------------------------------------------

STOPPED_BUILD = """
import sys, time
import generator.parallel as parallel
import generator.render.site as site
real_map = parallel.fork_map
def slow(number):
    print("bygger", flush=True)
    time.sleep(120)
site.fork_map = lambda task, count, processes: real_map(slow, count, processes)  # the page builders' processes wait
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow  # a site build
def test_ctrl_c_stops_a_build_quietly_with_130(tmp_path):
    from tests.test_build import _config

    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("förra bygget", encoding="utf-8")
    build = subprocess.Popen(
        [
            sys.executable,
            "-c",
            STOPPED_BUILD,
            "build",
            "--content",
            str(tmp_path / "content"),
            "--site",
            str(site),
            "--config",
            str(config),
            "--processes",
            "2",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert build.stdout.readline().startswith("bygger")  # the page builders have started (two may print at once)
        os.killpg(build.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to every process of the build
        out, err = build.communicate(timeout=60)
    finally:
        if build.poll() is None:  # nothing is left running, whatever failed above
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    assert build.returncode == 130
    assert err == ""
    assert (site / "index.html").read_text(encoding="utf-8") == "förra bygget"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_ctrl_c_in_any_command_is_quiet(capsys, monkeypatch):
    import generator.commands.schema as schema

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(schema, "run", interrupted)
    assert main(["schema"]) == 130
    out = capsys.readouterr()
    assert out.out == out.err == ""


def test_write_atomic_replaces_a_link_instead_of_writing_through_it(tmp_path):
    outside = tmp_path / "utanfor.txt"
    outside.write_text("orörd", encoding="utf-8")
    (tmp_path / "fil").symlink_to(outside)
    write_atomic(tmp_path / "fil", "ny")
    assert outside.read_text(encoding="utf-8") == "orörd"
    assert not (tmp_path / "fil").is_symlink() and (tmp_path / "fil").read_text(encoding="utf-8") == "ny"


# --- vb fmt and vb import-report and symbolic links -----------------------------------------------------

OUT_OF_LAYOUT = 'organisation: enhet-b\nar: 2021\nperiod: VB\novrigt: "x"\n'


@pytest.mark.parametrize("given", ["folder", "file"])
def test_vb_fmt_never_writes_through_a_link(tmp_path, capsys, given):
    root = write_tree(tmp_path / "content")
    outside = _outside(root, "2021-vb.yml", OUT_OF_LAYOUT)
    _link(root, "rapporter/enhet-b/2021-vb.yml", outside)
    asked = root if given == "folder" else root / "rapporter" / "enhet-b" / "2021-vb.yml"
    assert main(["fmt", str(asked)]) == 1
    assert outside.read_text(encoding="utf-8") == OUT_OF_LAYOUT
    assert (root / "rapporter" / "enhet-b" / "2021-vb.yml").is_symlink()
    assert "VB015" in capsys.readouterr().err


def test_vb_fmt_replaces_a_report_in_one_step(tmp_path, monkeypatch):
    root = write_tree(tmp_path / "content", {"rapporter/enhet-b/2021-vb.yml": OUT_OF_LAYOUT})
    replaced: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda old, new: (replaced.append(Path(new).name), real_replace(old, new)))
    assert main(["fmt", str(root / "rapporter" / "enhet-b" / "2021-vb.yml")]) == 0
    assert replaced == ["2021-vb.yml"]
    assert (root / "rapporter" / "enhet-b" / "2021-vb.yml").read_text(encoding="utf-8").endswith("ovrigt: x\n")


def test_vb_import_report_does_not_write_through_a_dangling_link(tmp_path, capsys):
    root = write_tree(tmp_path / "content")
    target = tmp_path / "utanfor" / "ny.yml"
    target.parent.mkdir()
    _link(root, "rapporter/enhet-b/2021-t2.yml", target)
    export = tmp_path / "export.txt"
    export.write_text("Verksamhetsberättelse\n", encoding="utf-8")
    code = main(
        ["import", "--unit", "enhet-b", "--year", "2021", "--period", "T2", "--content", str(root), str(export)]
    )
    assert code == 1
    assert not target.exists()
    assert "VB015" in capsys.readouterr().err
