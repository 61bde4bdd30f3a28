"""The plain-text shortcut changes nothing but speed: the same HTML and TOC with it as without it."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as etree

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import InlineProcessor

from generator.engine.markdown_plain import NEEDS_INLINE, PlainTextExtension, is_plain, only_known_patterns
from generator.engine.markdown_toc import NoTocExtension
from tests.site_pages import site_of

ROOT = Path(__file__).resolve().parents[2]
SITE = ["tables", "toc", "fenced_code", NoTocExtension()]


def _convert(text: str, shortcut: bool) -> tuple[str, list]:
    md = markdown.Markdown(
        extensions=SITE + ([PlainTextExtension()] if shortcut else []), extension_configs={"toc": {"permalink": True}}
    )
    return md.convert(text), md.toc_tokens


@pytest.fixture(scope="module")
def real_pages() -> dict[str, str]:
    return site_of(ROOT / "content").pages


@pytest.mark.slow
def test_every_page_of_the_real_content_converts_the_same(real_pages: dict[str, str]):
    assert len(real_pages) > 100
    different = [path for path, text in real_pages.items() if _convert(text, True) != _convert(text, False)]
    assert different == []


def test_the_shortcut_skips_most_texts_of_a_report_page(real_pages: dict[str, str]):
    """It must actually mark texts (else the build is no faster): most texts of a unit report are plain."""
    md = markdown.Markdown(extensions=SITE + [PlainTextExtension()])
    marked = []
    md.treeprocessors.register(_Spy(md, marked), "spy", 19)
    md.convert(real_pages["2021/vb/glasade-gangen/index.md"])
    assert sum(marked) > 0.6 * len(marked)


class _Spy:
    """Notes, after the inline step, which texts were left atomic (True) or went through the patterns."""

    def __init__(self, md: markdown.Markdown, marked: list[bool]) -> None:
        self.md, self.marked = md, marked

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for text in (element.text, element.tail):
                if text and text.strip():
                    self.marked.append(type(text) is not str)


MARKDOWN_PIECES = st.sampled_from(
    [
        "a",
        "ö",
        " ",
        "  ",
        "\n",
        "\n\n",
        "*",
        "**",
        "_",
        "`",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "#",
        "|",
        "-",
        "1.",
        ":",
        "http://x.se",
        "<b>",
        "&amp;",
        "[x](y)",
        "  \n",
        "\t",
        "---",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "{.no-toc}",
        "~",
        "=",
        "'",
        '"',
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_any_text_converts_the_same(text: str):
    assert _convert(text, True) == _convert(text, False)


@pytest.mark.parametrize("text", ["8,6 %", "Hemtjänst Fruängen", "a - b: c (d)", "60 225 tkr", "3 + 4 = 7 # ok"])
def test_text_without_inline_syntax_is_plain(text: str):
    assert is_plain(text)


@pytest.mark.parametrize("text", ["a*b", "a_b", "`x`", "a\\b", "[x]", "!", "<x>", "&amp;", "rad  \nny", "\x02"])
def test_text_with_inline_syntax_is_not_plain(text: str):
    assert not is_plain(text) and NEEDS_INLINE.search(text)


class _Percent(InlineProcessor):
    """An extension's inline pattern that starts with a character the shortcut does not know."""

    def handleMatch(self, m: re.Match[str], data: str):
        element = etree.Element("mark")
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


@pytest.mark.parametrize("name", ["percent", "backtick"])
def test_a_foreign_inline_pattern_turns_the_shortcut_off(name: str):
    """An added pattern, or one put in place of Python-Markdown's own, may start with any character."""
    md = markdown.Markdown(extensions=SITE + [PlainTextExtension()])
    md.inlinePatterns.register(_Percent(r"%%(.+?)%%", md), name, 75)
    assert md.convert("Ett %%viktigt%% ord") == "<p>Ett <mark>viktigt</mark> ord</p>"


def test_the_sites_markdown_settings_keep_the_shortcut_on():
    """mkdocs.yml names the extension, and no other extension there adds an inline pattern that turns it off."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "generator.engine.markdown_plain" in config["markdown_extensions"]
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    assert only_known_patterns(md)
