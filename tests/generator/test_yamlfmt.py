"""The canonical layout (`vb fmt`): the same bytes as the browser editor's serialiser, and never a changed value.

The comparison runs the editor's own serialiser (editor/vb-yaml.js) in Node on
the real reports and on generated documents full of awkward text. It needs
Node and `npm ci` in editor/; without them it is skipped with the reason,
except where VB_BROWSER_REQUIRED=1 (CI), where it must run.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.authoring.yamlfmt import Figure, comments, dump, figures, key_order, layout, number_text, ordered
from generator.authoring.yamlwrite import dump as write_dump
from generator.cli import main
from generator.content.models import Rapport
from generator.content.yamlread import parse

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ROOT / "editor"
REPORTS = sorted((ROOT / "content" / "rapporter").glob("*/*.yml"))


def node_missing() -> str | None:
    if shutil.which("node") is None:
        return "Node saknas (apt-get install npm)."
    if not (EDITOR / "node_modules" / "yaml").is_dir():
        return f"Redigerarens paket saknas (kör npm ci i {EDITOR})."
    return None


@pytest.fixture(scope="module")
def editor_dump(tmp_path_factory):
    """The editor's serialiser: texts in, the editor's saved texts out (one Node process per call)."""
    reason = node_missing()
    if reason and os.environ.get("VB_BROWSER_REQUIRED") == "1":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
    order = tmp_path_factory.mktemp("nycklar") / "nycklar.json"
    order.write_text(json.dumps(key_order(Rapport)), encoding="utf-8")

    def run(texts: dict[str, str]) -> dict[str, str]:
        done = subprocess.run(
            ["node", str(EDITOR / "runda.mjs"), str(order)],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            cwd=EDITOR,
        )
        return json.loads(done.stdout)

    return run


def ours(text: str) -> str:
    return dump(ordered(figures(text, parse(text, "x.yml").data), Rapport))


def test_the_real_reports_are_written_as_the_editor_writes_them(editor_dump):
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in REPORTS}
    saved = editor_dump(texts)
    for name, text in texts.items():
        assert ours(text) == saved[name], name


AWKWARD = [
    "",
    " ",
    "a",
    "1",
    "1.5",
    "07",
    "0x1F",
    "yes",
    "no",
    "null",
    "~",
    "true",
    "True",
    "-",
    "- a",
    "? x",
    "a: b",
    "a:b",
    "#x",
    "a #b",
    "a#b",
    "'q'",
    '"dq"',
    "it's",
    'say "hi"',
    "both ' and \"",
    "---",
    "...",
    "--- x",
    "% x",
    "@x",
    "`x",
    "|",
    ">",
    "*x",
    "&x",
    "!x",
    "[a]",
    "{a}",
    "a, b",
    "trailing ",
    " leading",
    "tab\there",
    "ä ö å ♀ €",
    "2021-05-27",
    "12:30",
    "1e3",
    ".inf",
    "-.5",
    "+1",
    "x\n",
    "x\ny",
    "x\n\n",
    "\nx",
    " x\ny",
    "x\n ",
    "x \ny",
    "### Rubrik\n\n- punkt\n- punkt\n",
    "a\n\n\nb\n\n",
    "ctrl\x07char",
    "nbsp\u00a0x",
    "x" * 120,
    "\u2028sep",
    "rad\u2028rad",
    "stycke\u2029",
    " \u2028 ",
    "nel\x85x",
    "Inklistrat från Word:\u2028första raden\u2028andra raden\n\nmer",
]
# Not here: an escaped carriage return ("\r"), which vb reads as a line break (generator/content/yamlread.py) and the
# editor keeps; after `vb fmt` the file has a plain line break, which both read alike.


def _document(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth < 3 and roll < 0.25:
        return {
            rng.choice(["analys", "text", "a b", "1", "nr", "id", "2021-05-2"]) + str(i): _document(rng, depth + 1)
            for i in range(rng.randint(0, 4))
        }
    if depth < 3 and roll < 0.4:
        return [_document(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if roll < 0.5:
        return rng.choice([0, -3, 7.5, 0.1, 1e-7, 123456789.25, 1e21, -0.0, 5.0, True, False, None])
    return "".join(rng.choice(AWKWARD) for _ in range(rng.randint(1, 3)))


def test_awkward_texts_and_numbers_are_written_as_the_editor_writes_them(editor_dump):
    rng = random.Random(17)
    documents = {
        f"d{i}": {"organisation": "x", "analys": _document(rng), "lista": [_document(rng), _document(rng)]}
        for i in range(400)
    }
    texts = {name: json.dumps(data) for name, data in documents.items()}  # JSON is YAML; escaped: no raw U+2028
    saved = editor_dump(texts)
    for name, text in texts.items():
        assert ours(text) == saved[name], text
        read = parse(saved[name], "x.yml")
        assert not [p for p in read.problems if p.severity.value == "fel"], saved[name]
        assert read.data == parse(text, "x.yml").data, saved[name]


LINE_SEPARATORS = [
    "a\u2028b",
    "\u2028",
    "slut\u2028",
    "a \u2028 b",
    "a\u2029b",
    "a\x85b",
    "två rader\nmed\u2028separator i en text som är längre än fyrtio tecken",
    "'citat'\u2028",
    "a: b\u2028c",
]


def test_a_text_that_looks_like_a_date_is_quoted_and_a_date_is_not(editor_dump):
    """vb reads a plain 2021-05-27 as a date: in a text field it must stay text, in a date field a date."""
    text = json.dumps(
        {
            "organisation": "x",
            "datum": "2021-05-27",
            "sammanfattning": "2021-05-28",
            "bilagor": ["2021-05-29", "text"],
            "godkannanden": [{"datum": "2021-06-01"}],
        }
    )
    with_date = text.replace('"datum": "2021-05-27"', '"datum": 2021-05-27').replace(
        '"datum": "2021-06-01"', '"datum": 2021-06-01'
    )
    saved = editor_dump({"x": text})["x"]
    assert saved == ours(with_date)
    read = parse(saved, "x.yml")
    assert not read.problems
    assert read.data["datum"] == date(2021, 5, 27) and read.data["godkannanden"][0]["datum"] == date(2021, 6, 1)
    assert read.data["sammanfattning"] == "2021-05-28" and read.data["bilagor"][0] == "2021-05-29"


def test_line_separators_are_written_as_the_editor_writes_them_and_read_back(editor_dump):
    """U+2028, U+2029 (and NEL) pasted from Word: a line break to vb's YAML 1.1 reader, text to the editor's 1.2."""
    documents = {f"v{i}": {"organisation": "x", "analys": v, v: 1} for i, v in enumerate(LINE_SEPARATORS)}
    texts = {name: json.dumps(data) for name, data in documents.items()}
    saved = editor_dump(texts)
    for (name, text), data in zip(texts.items(), documents.values(), strict=True):
        assert ours(text) == saved[name], text
        assert not set("\x85\u2028\u2029") & set(saved[name]), saved[name]
        read = parse(saved[name], "x.yml")
        assert read.problems == [] and read.data == data, saved[name]
    assert editor_dump(saved) == saved  # the editor reads its own escapes back and saves the same file again


def test_authoring_commands_write_line_separators_so_they_read_back():
    """`vb import`, `vb new` and `vb adopt` save through yamlwrite: the same text must come back, with no problem."""
    data = {"analys": LINE_SEPARATORS, "nyckel\u2028": "x"}
    written = write_dump(data)
    assert not set("\x85\u2028\u2029") & set(written), written
    read = parse(written, "x.yml")
    assert read.problems == [] and read.data == data, written


ONE_LINE = [text for text in AWKWARD if "\n" not in text]


@given(
    st.dictionaries(
        st.sampled_from(["a", "b"]),
        st.sampled_from(ONE_LINE) | st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=12),
        min_size=1,
        max_size=2,
    )
)
@example({"a": "1e3", "b": "2021-05-27"})
def test_authoring_commands_write_a_one_line_text_so_it_reads_back_as_that_text(data):
    """A text that looks like a number or a date is quoted by yamlwrite, as vb fmt and the editor quote it."""
    written = write_dump(data)
    read = parse(written, "x.yml")
    assert read.problems == [] and read.data == data, written


@given(
    st.dictionaries(
        st.sampled_from(["analys", "text"]),
        st.sampled_from(AWKWARD) | st.text(st.characters(codec="utf-8"), max_size=20),  # as a UTF-8 file holds
        min_size=1,
    )
)
@example({"analys": "Första raden  \nandra raden, efter en hård radbrytning"})
@example({"analys": "Rad\t\nrad  \n"})
def test_authoring_commands_write_every_text_so_it_reads_back_as_that_text(data):
    """`vb new` carries texts over from the last report: a Markdown hard break (two blanks at a line's end) and
    every other character must come back as written, never trimmed (a carriage return is read as a line break)."""
    written = write_dump(data)
    read = parse(written, "x.yml")
    as_read = {key: text.replace("\r\n", "\n").replace("\r", "\n") for key, text in data.items()}
    assert read.problems == [] and read.data == as_read, written


def test_blank_lines_are_written_as_the_editor_writes_them_and_read_back(editor_dump):
    """Only blanks and line breaks: both write double quotes, since a block (|) would drop the blanks."""
    values = [" \n", "\t\n", "\n \n", " \n ", "\n", "\n\n", " "]
    texts = {f"v{i}": json.dumps({"organisation": "x", "analys": value}) for i, value in enumerate(values)}
    saved = editor_dump(texts)
    for (name, text), value in zip(texts.items(), values, strict=True):
        assert ours(text) == saved[name], value
        assert parse(saved[name], "x.yml").data["analys"] == value


def test_a_line_indented_with_a_tab_is_written_as_the_editor_writes_it_and_passes_the_check(editor_dump):
    """A block (|) would hold the tab as the line's indentation, which the check refuses (VB006)."""
    values = ["\n\t0", "a\n\tb", "a\n  \tb c\nd", "a\n\t\nb", "\tbara första raden"]
    texts = {f"v{i}": json.dumps({"organisation": "x", "analys": value}) for i, value in enumerate(values)}
    saved = editor_dump(texts)
    for (name, text), value in zip(texts.items(), values, strict=True):
        assert ours(text) == saved[name], value
        read = parse(saved[name], "x.yml")
        assert read.data["analys"] == value
        assert not [p for p in read.problems if p.severity.value == "fel"], saved[name]


def test_numbers_are_written_as_javascript_writes_them():
    assert [number_text(v) for v in (5.0, -8.0, 0.1, 1e-7, 0.000001, 1e21, 123e18, 2.5e-3, 60225, -0.0)] == [
        "5",
        "-8",
        "0.1",
        "1e-7",
        "0.000001",
        "1e+21",
        "123000000000000000000",
        "0.0025",
        "60225",
        "-0",
    ]


def test_numbers_keep_the_zeros_they_were_written_with():
    text = "a: 0.0\nb: [-8.0, 2.50, 2.5, 7, '1.0']\nc: 1.\n"
    data = figures(text, parse(text, "x.yml").data)
    assert isinstance(data["a"], Figure) and not isinstance(data["b"][2], Figure)
    assert dump(data) == "a: 0.0\nb:\n- -8.0\n- 2.50\n- 2.5\n- 7\n- '1.0'\nc: 1\n"


# Figures as reports have them (JavaScript, and so the editor, holds whole numbers exactly only below 2**53);
# text without control characters, which the reader refuses (VB005) however they are written, but with the line
# separators U+2028, U+2029 and NEL that text pasted from Word or a web page brings.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.dates(date(1990, 1, 1), date(2040, 1, 1)),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f == 0 or 1e-12 < abs(f) < 1e15),
    st.text(
        st.characters(
            exclude_categories=["Cs", "Cc"], include_characters="\n\t\x85\u2028\u2029", exclude_characters="\ufeff"
        ),
        max_size=30,
    ),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text("abcdeåä_ 1:", min_size=1, max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text("abcdef_", min_size=1, max_size=8), trees, min_size=1, max_size=4))
@example({"_": " \n"})  # only blanks and a line break: a block (|) would drop the space
@example({"_": "\n\t0"})  # a line indented with a tab: the reader refuses a block (|) so indented
@example({"_": "a\u2028b"})  # a line separator: YAML 1.1 reads it as a line break outside double quotes
def test_the_layout_never_changes_a_value(data):
    read = parse(dump(data), "x.yml")
    assert not [p for p in read.problems if p.severity.value == "fel"]
    assert read.data == data


def test_keys_follow_the_model_and_unknown_keys_keep_their_place():
    data = {"period": "VB", "zz": 1, "organisation": "x", "ar": 2021, "ekonomi": {"ovrigt": [], "driftbudget": []}}
    assert list(ordered(data, Rapport)) == ["organisation", "ar", "period", "ekonomi", "zz"]
    assert list(ordered(data, Rapport)["ekonomi"]) == ["driftbudget", "ovrigt"]


def test_comments_are_found_outside_texts_only():
    text = "a: 1 # efter\nb: 'inte # här'\n# egen rad\nc: |\n  ### rubrik, ingen kommentar\n"
    assert comments(text) == [(1, 6, "efter"), (3, 1, "egen rad")]


def test_a_file_out_of_layout_is_reported_at_its_first_different_line():
    raw = b'organisation: x\nar: 2021\nperiod: VB\nbilagor:\n  - "Bilaga 1"\n'
    canonical, found = layout(raw, "r.yml", Rapport)
    assert canonical == "organisation: x\nar: 2021\nperiod: VB\nbilagor:\n- Bilaga 1\n"
    assert [(p.code, p.line) for p in found] == [("VB804", 5)]
    assert '"- Bilaga 1"' in found[0].message and "vb fmt r.yml" in found[0].fix
    assert layout(canonical.encode(), "r.yml", Rapport)[1] == []


def _tree(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "content" / "rapporter" / "enhet-a" / "2021-vb.yml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_vb_fmt_check_reports_and_vb_fmt_rewrites(tmp_path, capsys):
    path = _tree(
        tmp_path,
        "organisation: enhet-a\nar: 2021\nperiod: VB\nsammanfattande_analys: 'Text: med kolon'\novrigt: \"x\"\n",
    )
    assert main(["fmt", "--check", str(tmp_path / "content")]) == 1
    assert "VB804" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").endswith('ovrigt: "x"\n')  # --check changes nothing
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        "organisation: enhet-a\nar: 2021\nperiod: VB\nsammanfattande_analys: 'Text: med kolon'\novrigt: x\n"
    )
    assert main(["fmt", "--check", str(path)]) == 0


def test_vb_fmt_keeps_a_file_with_comments_and_says_why(tmp_path, capsys):
    text = "organisation: enhet-a  # vår enhet\nar: 2021\nperiod: 'VB'\n"
    path = _tree(tmp_path, text)
    assert main(["fmt", str(path)]) == 1  # out of layout, but rewriting it would lose the comment
    err = capsys.readouterr().err
    assert ":1:" in err and "VB805" in err and "VB804" in err
    assert path.read_text(encoding="utf-8") == text


def test_comments_alone_are_a_warning_when_the_rest_is_in_layout(tmp_path, capsys):
    """A report from `vb new`, with its TODO comments, passes the hook; the editor would drop only the comment lines."""
    text = "# Skapad med vb new\norganisation: enhet-a\nar: 2021\nperiod: VB\novrigt: ''  # TODO: skriv\n"
    path = _tree(tmp_path, text)
    assert main(["fmt", "--check", str(path)]) == 0
    err = capsys.readouterr().err
    assert "1:1: varning VB805: Filen har 2 kommentarer" in err and "VB804" not in err
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == text


def test_vb_fmt_leaves_an_unreadable_file_alone(tmp_path, capsys):
    text = "organisation: enhet-a\nar: [2021\n"
    path = _tree(tmp_path, text)
    assert main(["fmt", str(path)]) == 1
    assert "VB005" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text


def test_a_report_from_vb_new_is_in_the_editors_layout(tmp_path, capsys):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    assert (
        main(
            [
                "new",
                "--unit",
                "glasade-gangen",
                "--year",
                "2021",
                "--period",
                "T1",
                "--content",
                str(tmp_path / "content"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    made = tmp_path / "content" / "rapporter" / "glasade-gangen" / "2021-t1.yml"
    assert main(["fmt", "--check", str(made)]) == 0
    assert "VB804" not in capsys.readouterr().err
