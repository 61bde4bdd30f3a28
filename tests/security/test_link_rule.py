"""The README's link rule, held against what the site publishes: a text `vb check` accepts links only to
https://, http://, mailto: or a page of the site.

The judge here resolves every address on the rendered page the way a browser would (tabs and line
breaks dropped, a backslash read as "/") against the site's address, served over https and over
http, with urllib; it does not ask the checker.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check.narrative import check_markdown
from generator.problems import CATALOGUE, Severity
from tests.security.oracle import _COMMONMARK, forms, site_html

SITE = "site.example"
BASES = [f"https://{SITE}/rapporter/enhet-a/", f"http://{SITE}/rapporter/enhet-a/"]
PIECES = [
    "[x](",
    "](",
    ")",
    "[x]: ",
    "[x]",
    "![b](",
    "<",
    ">",
    "//",
    "/",
    "\\",
    "\\\\",
    "http:",
    "https:",
    "HTTP:",
    "mailto:",
    "example.se",
    "sida",
    "../",
    "#",
    "?",
    " ",
    "\t",
    "\n",
    "\n\n",
    "x",
    "%2F",
    "&#47;",
    "&#92;",
    "\x01",
    ":",
]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


class _Addresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value is not None]


def addresses(page: str) -> list[str]:
    parser = _Addresses()
    parser.feed(page)
    parser.close()
    return parser.found


def allowed(address: str) -> bool:
    """README: https://, http://, mailto: or a page of the site (whatever the page is served over)."""
    cleaned = "".join(c for c in address if c not in "\t\n\r").lstrip("".join(map(chr, range(0x21))))
    if cleaned.lower().startswith("mailto:"):
        return True
    if cleaned.lower().replace("\\", "/").startswith(("https://", "http://")):
        return True
    for base in BASES:
        resolved = urlsplit(urljoin(base, cleaned.replace("\\", "/")))
        if resolved.scheme not in ("http", "https") or resolved.netloc != SITE:
            return False
    return True


@settings(max_examples=500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@example("[x](//example.se)")
@example("[x](/\\example.se)")
@example("[x](http:example.se)")
@example("[x]\n\n[x]: //example.se")
@example("![b](//example.se/bild.png)")
@given(texts)
def test_a_text_the_check_accepts_links_only_where_the_readme_allows(text):
    if any(CATALOGUE[f.code].severity is Severity.ERROR for f in check_markdown(text)):
        return
    pages = [site_html(form) for form in forms(text)] + [_COMMONMARK.render(text)]
    refused = [a for page in pages for a in addresses(page) if not allowed(a)]
    assert refused == []


def test_the_judge_tells_the_forms_apart():
    assert [
        allowed(a) for a in ("https://example.se", "http://example.se", "mailto:a@b.se", "../sida/", "/x", "#a")
    ] == [True] * 6
    assert [allowed(a) for a in ("//example.se", "/\\example.se", "http:example.se", "javascript:x", "file:///x")] == [
        False
    ] * 5
