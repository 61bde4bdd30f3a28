"""The start page of a city's sites: one link per district council, each to its own site in <district-id>/."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:42rem;margin:2rem auto;"
    "padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}"
    "a{color:#0b4f9c;text-decoration:underline}a:focus-visible{outline:2px solid #0b4f9c;outline-offset:2px}"
    "li{margin:.3rem 0}"
)


@dataclass(frozen=True)
class District:
    """A district's site: its folder (the council's id) and the council's name."""

    folder: str
    name: str


def districts_page(districts: list[District], title: str = "Uppföljningsrapporter") -> str:
    """The page as HTML (Swedish, every name escaped, links relative so the sites can be moved together)."""
    items = "\n".join(
        f'<li><a href="{escape(quote(d.folder), quote=True)}/">{escape(d.name, quote=False)}</a></li>'
        for d in districts
    )
    heading = escape(title, quote=False)
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading} – stadsdelsnämnder</title>\n"
        f"<style>{STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"<h1>{heading}</h1>\n"
        "<p>Välj stadsdelsnämnd för att läsa nämndens och enheternas verksamhetsberättelser "
        "och tertialrapporter.</p>\n"
        '<nav aria-label="Stadsdelsnämnder">\n'
        f"<ul>\n{items}\n</ul>\n"
        "</nav>\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
