"""Strict YAML: the rules PyYAML does not enforce, and exact positions."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.yamlread import MAX_BYTES, STRAY_NULS, read_file


def codes(raw: bytes) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in read_file(raw, "f.yml").problems]


def test_scalars_are_read_strictly():
    data = read_file(
        b"a: yes\nb: no\nc: on\nd: 08-50822517\ne: 0850822517\nf: 2021-05-27\ng: 2784.9\nh: -3204\ni: true\nj: ~\n",
        "f.yml",
    ).data
    assert data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "08-50822517",
        "e": "0850822517",
        "f": date(2021, 5, 27),
        "g": 2784.9,
        "h": -3204,
        "i": True,
        "j": None,
    }


def test_quoted_values_stay_text():
    assert read_file(b'a: "2021-01-01"\nb: "12"\n', "f.yml").data == {"a": "2021-01-01", "b": "12"}


def test_duplicate_keys_at_every_level_are_reported_with_both_lines():
    raw = b"a: 1\nb:\n  c: 1\n  c: 2\nd:\n  - e: 1\n    e: 2\na: 3\n"
    found = read_file(raw, "f.yml").problems
    assert [(p.code, p.line, p.args["first_line"]) for p in found] == [
        ("VB007", 4, 3),
        ("VB007", 7, 6),
        ("VB007", 8, 1),
    ]


def test_the_first_of_duplicate_keys_is_kept():
    assert read_file(b"a: 1\na: 2\n", "f.yml").data == {"a": 1}


def test_invalid_date_is_reported_where_it_stands():
    assert codes(b"a: 1\nstart: 2021-02-30\n") == [("VB012", 2)]


def test_alias_bomb_is_refused_without_expanding():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    found = codes("\n".join(lines).encode())
    assert found and all(code == "VB008" for code, _ in found)


def test_tags_cannot_construct_objects():
    document = read_file(b"a: !!python/object/apply:os.system ['echo hej']\n", "f.yml")
    assert [p.code for p in document.problems] == ["VB009"]
    assert document.data == {"a": ["echo hej"]}


def test_bom_crlf_and_nfd_are_handled():
    raw = "\ufeffnamn: Ha\u0308gersten\r\nort: A\u030arsta\r\n".encode()
    document = read_file(raw, "f.yml")
    assert document.problems == []
    assert document.data == {"namn": "Hägersten", "ort": "Årsta"}
    assert document.source.values[("ort",)].line == 2


def test_tabs_in_indentation_point_at_the_line():
    assert codes(b"a:\n  b: 1\n\tc: 2\n") == [("VB006", 3)]


def test_tab_inside_a_value_is_fine():
    assert read_file(b"a: 'x\ty'\n", "f.yml").data == {"a": "x\ty"}


def test_encoding_binary_size_and_empty():
    assert codes("a: å\n".encode("cp1252")) == [("VB003", 1)]
    assert codes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == [("VB004", 1)]  # a picture: binary
    assert codes(b"a: 1\n" + b"\x00" * (STRAY_NULS + 1)) == [("VB004", 1)]  # more NULs than a slip leaves
    assert codes(b"a: 1\nb: x\x00\x01") == [("VB005", 2)]  # a stray NUL in a text: at its line, to be deleted
    assert codes(b"a: b\n" + b"#" * MAX_BYTES) == [("VB002", 1)]
    assert codes(b"# bara en kommentar\n") == [("VB010", 1)]
    assert codes(b"") == [("VB010", 1)]


def test_positions_are_one_based_and_block_text_is_marked():
    document = read_file(b"a:\n  b: |\n    rad ett\n    rad tva\n  c: 7\n", "f.yml")
    position = document.source.values[("a", "b")]
    assert (position.line, position.block) == (2, True)
    assert (document.source.values[("a", "c")].line, document.source.values[("a", "c")].column) == (5, 6)


def test_several_documents_are_refused():
    assert [c for c, _ in codes(b"a: 1\n---\nb: 2\n")] == ["VB014"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_data_or_coded_problems(raw):
    document = read_file(raw, "f.yml")
    assert all(p.code.startswith("VB") for p in document.problems)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -\n\t'\"[]{}&*!#|>%@`,?åÄ0123")), max_size=120))
def test_any_yaml_like_text_gives_data_or_coded_problems(text):
    document = read_file(text.encode(), "f.yml")
    assert all(p.code.startswith("VB") for p in document.problems)
