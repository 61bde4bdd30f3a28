"""Property tests of the Markdown checks (generator/check/narrative.py) with hypothesis.

They never raise, whatever the text; and any text they accept (no error, e.g. VB601-VB604) is
harmless where the site shows it: no raw HTML from the text, no handler attribute, no
javascript:, vbscript: or data: address, judged by tests/security/oracle.py, which renders the
text as the site does without asking the checker.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check.narrative import _check_token, check_markdown, needs_parse, safe_url, todo_markers
from generator.content.markdown_parser import parser as _parser
from generator.problems import CATALOGUE, Severity
from tests.security.oracle import harms

# Pieces of Markdown, HTML and addresses that parsers read differently; texts are strings of them.
PIECES = [
    "<",
    ">",
    "/",
    "script",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "<a href=",
    "[",
    "]",
    "(",
    ")",
    "[x]",
    "[x]: ",
    "![",
    "](",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "java\nscript:",
    "data:",
    "vbscript:",
    "&#106;",
    "&colon;",
    "&lt;",
    "\\",
    "`",
    "``",
    "```",
    "~~~",
    "    ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "- ",
    "1. ",
    "> ",
    "# ",
    "### ",
    "=",
    "---",
    "|",
    '"',
    "'",
    "onclick=",
    "https://example.se",
    "mailto:a@b.se",
    "<https://example.se>",
    "<a@b.se>",
    "x",
    "text",
    "{.no-toc}",
    "{{ 7*7 }}",
    "]]>",
    "\x00",
    "\u2028",
    "\ufeff",
]
markdownish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=24).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(st.text(), markdownish))
def test_the_checks_never_raise(text):
    for finding in check_markdown(text):
        assert finding.code in CATALOGUE
        assert 0 <= finding.line <= text.count("\n")
    _parser().parse(text)
    list(todo_markers(text))


@SETTINGS
@example("```\n<script>alert(1)</script>")  # a fence the site does not close
@example("Se [här][k]\n[k]: javascript:alert(1)")  # a link definition inside a paragraph
@example("- punkt\n\n      <img src=x onerror=alert(1)>")  # HTML indented under a list item
@example("\\<script>alert(1)\\</script>")  # "\<" is no escape for the site
@example("[x](<java\nscript:alert(1)>)")  # a line break inside an address
@example("    <b>fet</b>")  # indented code here, a cell's text there
@example("[&#16[&")  # harmless: Python-Markdown only writes the character reference differently
@example("<b[](\t&#10)))))6?#y:")  # harmless: an empty link whose address is a line break
@given(markdownish)
def test_a_text_the_checks_accept_is_harmless_on_the_site(text):
    if any(CATALOGUE[f.code].severity is Severity.ERROR for f in check_markdown(text)):
        return  # refused: the site is never built from it
    assert harms(text) == []


@SETTINGS
@given(
    st.text(),
    st.sampled_from(["javascript", "JavaScript", "vbscript", "data", "file"]),
    st.sampled_from(["", " ", "\t", "\n", "\x01", "\x1f"]),
    st.sampled_from(["", "\t", "\n", "\r"]),
    st.integers(0, 10),
)
def test_a_script_address_is_unsafe_however_it_is_hidden(rest, scheme, lead, inner, at):
    """Browsers drop control characters and spaces in front, and tabs and line breaks anywhere."""
    hidden = lead + scheme[:at] + inner + scheme[at:] + ":" + rest
    assert not safe_url(hidden)


@SETTINGS
@given(st.sampled_from(["https://", "http://", "mailto:", "", "/", "#", "../", "?"]), st.text())
def test_web_and_relative_addresses_are_safe(start, rest):
    rest = rest.replace(":", "")
    if start in ("", "/"):  # a page of the site: no second slash (nor a backslash) may follow, however hidden
        rest = rest.translate({ord(c): None for c in "\t\n\r"}).lstrip("".join(map(chr, range(0x21))) + "/\\")
    assert safe_url(start + rest)


@SETTINGS
@given(
    st.text(),
    st.sampled_from(["", " ", "\t", "\x01", "\n"]),
    st.sampled_from(["/", "\\"]),
    st.sampled_from(["", "\t", "\n", "\r"]),
    st.sampled_from(["/", "\\"]),
)
def test_an_address_of_another_host_without_a_scheme_is_refused(rest, lead, first, inner, second):
    """README: links go to https://, http://, mailto: or a page of the site; "//host" is another site."""
    assert not safe_url(lead + first + inner + second + rest)


@SETTINGS
@given(
    st.sampled_from(["http", "https", "HTTP", "Https"]),
    st.text().filter(lambda t: not t.startswith(("/", "\\"))),
    st.sampled_from(["", "/", "\\"]),
)
def test_a_web_address_without_two_slashes_is_refused(scheme, rest, one):
    if (one + rest).translate({ord(c): None for c in "\t\n\r"}).startswith(("//", "/\\", "\\/", "\\\\")):
        return  # two slashes after all, once a browser has dropped tabs and line breaks
    assert not safe_url(f"{scheme}:{one}{rest}")


HEADING_PIECES = [
    "#",
    "##",
    "###",
    "####",
    " ",
    "\t",
    "\n",
    "=",
    "==",
    "-",
    "--",
    "---",
    "> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "x",
    "Rubrik",
    "    ",
    "`",
    "```",
    "~~~",
    "\\",
    "*",
    "_",
    "|",
    ":",
    "<",
    "[",
]


@SETTINGS
@example("Rubrik\n=")
@example("> Rubrik\n> ---")
@example("- Rubrik\n  ---")
@example("1. > Rubrik\n   > ===")
@example("#Rubrik\n\n## Rubrik")
@given(st.one_of(st.lists(st.sampled_from(HEADING_PIECES), max_size=30).map("".join), markdownish))
def test_a_text_read_without_the_parser_has_nothing_the_parser_finds(text):
    """check_markdown skips CommonMark for texts where needs_parse says it can find nothing: it must be so."""
    if needs_parse(text):
        return
    assert [f for token in _parser().parse(text) for f in _check_token(token, 0)] == []
