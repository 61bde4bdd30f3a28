"""A small HTML page at a former address that sends the reader on to where the page is now.

Published addresses stay valid: a unit's report was printed from .../utskrift/,
and is now printed from the report's own page. The page works without
JavaScript (meta refresh, and a plain link for those who have refresh turned off).
"""

from __future__ import annotations

from html import escape


def redirect_html(title: str, href: str) -> str:
    """The page: Swedish, with the title of the page it leads to; `href` is relative to this page."""
    target, name = escape(href, quote=True), escape(title, quote=False)
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n'
        "</head>\n"
        "<body>\n"
        f'<p>Sidan har flyttat. Rapporten skrivs nu ut från sin egen sida: <a href="{target}">{name}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )
