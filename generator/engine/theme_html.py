"""What the site changes in the theme's finished pages, where the theme writes markup outside any template block
that templates/theme could replace, and the site's name."""

from __future__ import annotations

import re
from html import escape

# The theme's hidden checkboxes (menu and search toggles) carry autocomplete="off", which HTML allows only on
# text-like inputs (the W3C checker reports it on every page).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
DEFAULT_NAME = "Uppföljningsrapporter"


def valid_theme_html(html: str) -> str:
    """The page without the attributes the theme writes where HTML does not allow them."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def site_name(configured: str, council: str) -> str:
    """The site's name says whose reports they are: "Uppföljningsrapporter – Hägersten-Älvsjö stadsdelsnämnd".

    HTML-escaped: the theme prints the site's name as HTML, and the council's name comes from the content."""
    if not council or council in configured:
        return escape(configured)
    return escape(f"{configured} – {council}")  # quotes too: the theme also prints it in attributes
