"""Nothing lost: every text a unit wrote in content/ reaches the built HTML of the site.

Both sides are compared as skeletons (letters and digits only), so Markdown marks, list
numbers rendered by <ol>, escaping and line breaks do not count, while a missing word does.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from tests.content.test_completeness import _strings, skeleton

pytestmark = pytest.mark.slow  # builds whole sites

ROOT = Path(__file__).resolve().parents[1]
_MARKER = re.compile(r"^\s*(\d+\.|[-*+])\s+")


@pytest.fixture(scope="module")
def site_text(built_real_site: Path) -> str:
    site = built_real_site
    texts = []
    for page in site.rglob("*.html"):
        markup = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        texts.append(skeleton(html.unescape(re.sub(r"<[^>]+>", " ", markup))))
    return "\n".join(texts)


def paragraphs(text: str) -> list[str]:
    """Paragraphs and list items of a content string, without their list numbers or bullets."""
    parts = re.split(r"\n\s*\n|\n(?=\s*(?:[-*+#]|\d+\.)\s)", text)
    return [_MARKER.sub("", part) for part in parts if len(part.split()) >= 3]


def test_every_text_in_content_is_on_the_site(site_text):
    missing = []
    for path in sorted((ROOT / "content").rglob("*.yml")):
        for value in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            missing += [(path.name, part[:80]) for part in paragraphs(value) if skeleton(part) not in site_text]
    assert missing == []


def test_paragraphs_drop_list_marks_only():
    assert paragraphs("1. Ett två tre.\n2. Fyra fem sex.") == ["Ett två tre.", "Fyra fem sex."]
    assert paragraphs("kort") == []
