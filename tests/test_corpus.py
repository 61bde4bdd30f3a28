"""The corpus of bad (and tricky but valid) content: every case must be reported at its exact line.

A case is a folder in tests/corpus/. Its files (all but expected.txt) replace
the files of the valid tree at the same relative path; a few cases are
changed or built in code below (byte-level encodings, huge or binary files,
file names in NFD). expected.txt holds one expectation per line:

    VB007 12                          code at line 12 of the case's only file
    VB007 12 rapporter/x/2021-vb.yml  code at line 12 of that file (relative to the tree root)
    !contains VB102 Menade du         some VB102 message contains the text
    !fix VB103 citattecken            some VB103 problem's fix ("Så rättar du") contains the text
    !absent VB402                     the code is not reported
    !none                             nothing at all is reported
    # comment

Expected lines were written by reading the case files, never copied from the
tool's output. Cases that once showed bugs are also named by the regression tests in tests/regressions/.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import pytest

from generator.check.run import check_paths
from generator.cli import main
from generator.content.yamlread import MAX_BYTES
from generator.problems import CATALOGUE, Severity
from tests.conftest import TEXT_LINE, UNIT_VB, UNIT_VB_PATH, write_tree

SECRET = "hemligt-lösenord-4711"

CORPUS = Path(__file__).parent / "corpus"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- byte-level changes to a case's files, applied after copying them ---------


def _crlf(raw: bytes) -> bytes:
    assert b"\r" not in raw
    return raw.replace(b"\n", b"\r\n")


def _bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw


def _cp1252(raw: bytes) -> bytes:
    changed = raw.decode("utf-8").encode("cp1252")
    assert changed != raw, "the case must contain characters outside ASCII"
    return changed


def _nfd(raw: bytes) -> bytes:
    changed = nfd(raw.decode("utf-8")).encode("utf-8")
    assert changed != raw, "the case must contain å, ä or ö"
    return changed


def _utf16(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("utf-16")  # with a byte order mark, as Windows Notepad saves "Unicode"


def _tabs(raw: bytes) -> bytes:
    assert b"<TAB>" in raw
    return raw.replace(b"<TAB>", b"\t")


def _bell(raw: bytes) -> bytes:
    assert b"<BEL>" in raw
    return raw.replace(b"<BEL>", b"\x07")


def _separators(raw: bytes) -> bytes:
    assert b"<LS>" in raw and b"<PS>" in raw
    return raw.replace(b"<LS>", "\u2028".encode()).replace(b"<PS>", "\u2029".encode())


def _nul(raw: bytes) -> bytes:
    assert b"<NUL>" in raw
    return raw.replace(b"<NUL>", b"\x00")


TRANSFORMS: dict[str, Callable[[bytes], bytes]] = {
    "bom-valid-report": _bom,
    "bom-line-numbers": _bom,
    "crlf-valid-report": _crlf,
    "crlf-line-numbers": _crlf,
    "nfd-in-values": _nfd,
    "vb003-windows-1252": _cp1252,
    "vb006-tab-indentation": _tabs,
    "vb005-control-character": _bell,
    "vb005-control-character-reported": _bell,
    "vb003-utf16-reported-as-binary": _utf16,
    "vb019-line-separator-from-word": _separators,
    "vb019-with-other-problems": _separators,
    "vb005-stray-nul-in-a-text": _nul,
}


# --- cases whose files are made in code ------------------------------------------


def _too_large(root: Path) -> None:
    head = UNIT_VB.encode("utf-8")
    filler = b"# " + b"x" * 1000 + b"\n"
    body = head + filler * ((MAX_BYTES - len(head)) // len(filler) + 2)
    assert len(body) > MAX_BYTES
    (root / UNIT_VB_PATH).write_bytes(body)


def _binary(root: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    (root / UNIT_VB_PATH).write_bytes(png)


def _nfd_file_name(root: Path) -> None:
    (root / "rapporter" / "enhet-a" / nfd("anteckningar-åäö.txt")).write_text("Anteckningar\n", encoding="utf-8")


def _link(root: Path, relative: str, target: str | Path) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / relative)


def _outside(root: Path, relative: str, text: str) -> Path:
    """A file beside the tree (in the test's own temporary folder), never inside content/."""
    path = root.parent / "utanfor" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _link_to_secret(root: Path) -> None:
    _link(root, "rapporter/enhet-a/2022-vb.yml", _outside(root, "hemligt.txt", SECRET))


def _link_to_report(root: Path) -> None:
    report = UNIT_VB.replace("organisation: enhet-a", "organisation: enhet-b")
    _link(root, "rapporter/enhet-b/2021-vb.yml", _outside(root, "2021-vb.yml", report))


def _unit_folder_outside(root: Path) -> None:
    report = UNIT_VB.replace("organisation: enhet-a", "organisation: enhet-b")
    _link(root, "rapporter/enhet-b", _outside(root, "enhet-b/2021-vb.yml", report).parent)


def _catalogue_outside(root: Path) -> None:
    copy = _outside(root, "2021.yml", (root / "katalog" / "2021.yml").read_text(encoding="utf-8"))
    (root / "katalog" / "2021.yml").unlink()
    _link(root, "katalog/2021.yml", copy)


def _organisation_outside(root: Path) -> None:
    copy = _outside(root, "organisation.yml", (root / "organisation.yml").read_text(encoding="utf-8"))
    (root / "organisation.yml").unlink()
    _link(root, "organisation.yml", copy)


def _fifo(root: Path) -> None:
    (root / "rapporter" / "enhet-b").mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / "rapporter" / "enhet-b" / "2021-vb.yml")


def _socket(root: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(root / "rapporter" / "s"))


def _unreadable_folder(root: Path) -> None:
    folder = root / "rapporter" / "enhet-b"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2021-vb.yml").write_text(
        UNIT_VB.replace("organisation: enhet-a", "organisation: enhet-b"), encoding="utf-8"
    )
    folder.chmod(0)


BUILDERS: dict[str, Callable[[Path], None]] = {
    "vb015-link-to-secret-outside": _link_to_secret,
    "vb015-link-to-report-outside": _link_to_report,
    "vb015-link-inside-content": lambda root: _link(root, "rapporter/enhet-b/2021-vb.yml", "../enhet-a/2021-vb.yml"),
    "vb015-dangling-link": lambda root: _link(root, "rapporter/enhet-b/2021-vb.yml", "../../../finns-inte/2021-vb.yml"),
    "vb015-linked-unit-folder-outside": _unit_folder_outside,
    "vb015-linked-folder-inside": lambda root: _link(root, "rapporter/enhet-c", "enhet-a"),
    "vb015-linked-catalogue": _catalogue_outside,
    "vb015-linked-organisation": _organisation_outside,
    "vb016-fifo": _fifo,
    "vb016-socket": _socket,
    "vb017-unreadable-folder": _unreadable_folder,
    "vb001-unreadable-file": lambda root: (root / UNIT_VB_PATH).chmod(0),
    "vb002-file-too-large": _too_large,
    "vb004-binary-file": _binary,
    "vb013-nfd-file-name": _nfd_file_name,
    "vb013-nfd-file-name-reported": _nfd_file_name,
}

# Folders that a case makes unreadable by their mode; root reads them anyway, so there their listing fails by a stand-in.
UNREADABLE: dict[str, str] = {"vb017-unreadable-folder": "rapporter/enhet-b", "vb001-unreadable-file": UNIT_VB_PATH}


@contextlib.contextmanager
def unreadable_as_root(name: str, root: Path):
    """As root, the folder the case made unreadable fails to be listed, as it does for anyone else."""
    relative = UNREADABLE.get(name)
    if relative is None or os.geteuid() != 0:
        yield
        return
    blocked, real_scandir, real_open = os.path.abspath(root / relative), os.scandir, os.open

    def refused(path) -> None:
        if os.path.abspath(path) == blocked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    def scandir(path="."):
        refused(path)
        return real_scandir(path)

    def open_file(path, flags, *rest, **named):
        refused(path)
        return real_open(path, flags, *rest, **named)

    with mock.patch("os.scandir", scandir), mock.patch("os.open", open_file):
        yield


# The tree's own folder, when a case needs another name than "content".
ROOT_NAMES: dict[str, str] = {
    "nfd-folder-name": nfd("innehåll-för-älvsjö"),
}


# --- reading cases -------------------------------------------------------------------


@dataclass
class Case:
    name: str
    folder: Path
    files: list[str]
    expected: list[tuple[str, int, str]] = field(default_factory=list)
    contains: list[tuple[str, str]] = field(default_factory=list)
    fixes: list[tuple[str, str]] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    none: bool = False

    def build(self, tmp_path: Path) -> Path:
        root = tmp_path / ROOT_NAMES.get(self.name, "content")
        transform = TRANSFORMS.get(self.name, lambda raw: raw)
        overrides = {rel: transform((self.folder / rel).read_bytes()) for rel in self.files}
        write_tree(root, overrides)
        if self.name in BUILDERS:
            BUILDERS[self.name](root)
        return root


def _case_files(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "expected.txt"
    )


def load_case(folder: Path) -> Case:
    files = _case_files(folder)
    case = Case(folder.name, folder, files)
    default = files[0] if len(files) == 1 else None
    for number, raw in enumerate((folder / "expected.txt").read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #")[0].strip() if not raw.startswith(("!contains", "!fix")) else raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "!none":
            case.none = True
        elif line.startswith("!contains "):
            _, code, text = line.split(" ", 2)
            case.contains.append((code, text))
        elif line.startswith("!fix "):
            _, code, text = line.split(" ", 2)
            case.fixes.append((code, text))
        elif line.startswith("!absent "):
            case.absent.append(line.split()[1])
        else:
            parts = line.split()
            assert re.fullmatch(r"VB\d{3}", parts[0]) and parts[1].isdigit() and len(parts) in (2, 3), (
                f"{folder.name}/expected.txt:{number}: cannot read {raw!r}"
            )
            file = parts[2] if len(parts) == 3 else default
            assert file is not None, f"{folder.name}/expected.txt:{number}: name the file, the case has {len(files)}"
            case.expected.append((parts[0], int(parts[1]), file))
    assert case.none or case.expected or case.contains, f"{folder.name}: expects nothing"
    named = [c for c, *_ in case.expected] + [c for c, _ in case.contains + case.fixes] + case.absent
    assert all(c in CATALOGUE for c in named), f"{folder.name}: unknown code in expected.txt"
    return case


CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())
CASE_BY_NAME = {p.name: p for p in CASES}

CLI_KNOWN_BROKEN: dict[str, str] = {}


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


def test_every_transform_and_builder_has_a_case():
    names = {p.name for p in CASES}
    assert set(TRANSFORMS) | set(BUILDERS) | set(ROOT_NAMES) | set(UNREADABLE) <= names


def _same(problem_file: str, root: Path, relative: str) -> bool:
    left = unicodedata.normalize("NFC", str(Path(problem_file).resolve()))
    right = unicodedata.normalize("NFC", str((root / relative).resolve()))
    return left == right


def assert_expectations(case: Case, root: Path, found: list[tuple[str, int | None, str, str]]) -> None:
    """found: (code, line, file, message) as reported."""
    problems = "\n".join(f"  {c} line {ln} {f}: {m}" for c, ln, f, m in found) or "  (nothing)"
    if case.none:
        assert found == [], f"{case.name}: expected no problems, got\n{problems}"
    for code, line, relative in case.expected:
        hits = [f for f in found if f[0] == code and f[1] == line and _same(f[2], root, relative)]
        assert hits, f"{case.name}: expected {code} at {relative}:{line}, got\n{problems}"
    for code, text in case.contains:
        assert any(f[0] == code and text in f[3] for f in found), (
            f"{case.name}: expected a {code} message containing {text!r}, got\n{problems}"
        )
    for code in case.absent:
        assert all(f[0] != code for f in found), f"{case.name}: {code} should not be reported, got\n{problems}"


def run_check_case(folder: Path, tmp_path: Path, capsys) -> None:
    """Build the case's tree, run `check_paths` on it and assert every expectation."""
    case = load_case(folder)
    root = case.build(tmp_path)
    with unreadable_as_root(case.name, root):
        result = check_paths([root])
    for item in result.problems:
        assert item.code in CATALOGUE
        item.message, item.fix  # every problem renders
    found = [(p.code, p.line, p.file, p.message) for p in result.problems]
    assert_expectations(case, root, found)
    for code, text in case.fixes:
        assert any(p.code == code and text in p.fix for p in result.problems), (
            f"{case.name}: expected a {code} fix containing {text!r}, got {[p.fix for p in result.problems]}"
        )
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err


def run_cli_case(folder: Path, tmp_path: Path, capsys) -> None:
    """The same through `vb check ROOT`: no traceback, every message at file:line:column, right exit code."""
    case = load_case(folder)
    root = case.build(tmp_path)
    with unreadable_as_root(case.name, root):
        code = main(["check", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "VB900" not in out.out + out.err, out.err
    assert out.err == ""
    found = []
    messages = [line for line in out.out.splitlines() if line and not line.startswith("    ")][:-1]
    for line in messages:
        match = TEXT_LINE.match(line)
        assert match, f"{case.name}: the message does not start with file:line:column: {line!r}"
        found.append((match["code"], int(match["line"]), match["file"], line[match.end() :]))
    assert_expectations(case, root, found)
    errors = any(CATALOGUE[c].severity is Severity.ERROR for c, *_ in found)
    assert code == (1 if errors else 0)


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_case_through_check_paths(folder: Path, tmp_path: Path, capsys):
    run_check_case(folder, tmp_path, capsys)


@pytest.mark.parametrize("folder", [c for c in CASES if c.name not in CLI_KNOWN_BROKEN], ids=lambda p: p.name)
def test_case_through_cli(folder: Path, tmp_path: Path, capsys):
    run_cli_case(folder, tmp_path, capsys)


def test_nfd_values_are_read_as_nfc(tmp_path):
    """The nfd-in-values case is saved in NFD; the loaded report holds NFC text."""
    from generator.content.load import load_content

    case = load_case(CORPUS / "nfd-in-values")
    root = case.build(tmp_path)
    raw = (root / UNIT_VB_PATH).read_bytes()
    assert nfd("Åsa Öberg").encode() in raw and "Åsa Öberg".encode() not in raw
    content = load_content(root)
    [report] = [r.model for r in content.reports if r.model.organisation == "enhet-a"]
    assert report.handlaggare.namn == "Åsa Öberg" == unicodedata.normalize("NFC", "Åsa Öberg")
    assert report.sammanfattande_analys == "Målen är nådda på Hägersten-Älvsjö."
    activity = report.inriktningsmal[0].mal[0].namndmal[0].aktiviteter[0]
    assert activity.status == "pågående"


def test_crlf_and_bom_cases_really_have_them(tmp_path):
    crlf = load_case(CORPUS / "crlf-line-numbers").build(tmp_path / "a")
    assert b"\r\n" in (crlf / UNIT_VB_PATH).read_bytes()
    bom = load_case(CORPUS / "bom-valid-report").build(tmp_path / "b")
    assert (bom / UNIT_VB_PATH).read_bytes().startswith(b"\xef\xbb\xbf")
