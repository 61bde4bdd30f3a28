"""What an HTML page could run: its scripts, event handler attributes and script URLs, and its visible text.

Read with the standard library's HTML parser, which reads tags and attributes the way a browser
tokenizes them (attribute values with their character references decoded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcset"}
RUNNABLE_SCHEMES = ("javascript:", "vbscript:", "data:")
_BROWSER_DROPS = re.compile(r"[\t\n\r]")
_LEADING = "".join(map(chr, range(0x21)))


def runnable_url(value: str) -> bool:
    """True for a URL a browser would run or load as a document (javascript:, vbscript:, data:)."""
    cleaned = _BROWSER_DROPS.sub("", value).lstrip(_LEADING).lower()
    return cleaned.startswith(RUNNABLE_SCHEMES)


@dataclass
class Scan:
    """One page: its scripts (src or inline text), handler attributes, runnable URLs and text."""

    scripts: list[str] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    markup: list[str] = field(default_factory=list)  # every tag (its name) and comment, in order

    @property
    def visible(self) -> str:
        """The page's text as a reader sees it (references decoded), without scripts and styles."""
        return " ".join(self.text)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self.inside: str | None = None  # "script" or "style" while in one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.markup.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.scan.handlers.append(f"{tag} {name}={value}")
            if name in URL_ATTRIBUTES and value is not None and runnable_url(value):
                self.scan.urls.append(f"{tag} {name}={value}")
        if tag == "script":
            source = dict(attrs).get("src")
            self.scan.scripts.append(f"src={source}" if source else "")
        if tag in ("script", "style"):
            self.inside = tag

    def handle_comment(self, data: str) -> None:
        self.scan.markup.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.scan.markup.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.scan.markup.append(f"<?{data}>")

    def handle_endtag(self, tag: str) -> None:
        self.scan.markup.append(f"</{tag}>")
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside == "script" and self.scan.scripts and not self.scan.scripts[-1].startswith("src="):
            self.scan.scripts[-1] += data
        elif self.inside is None:
            self.scan.text.append(data)


def scan(page: str) -> Scan:
    """Scan one HTML page."""
    scanner = _Scanner()
    scanner.feed(page)
    scanner.close()
    return scanner.scan
