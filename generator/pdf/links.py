"""Links in a report's PDF: inside the report they stay live; to other pages they carry their address for paper."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

ADDRESS_CLASS = "vb-adress"


def paper_links(body: ET.Element, page_url: str, report_folder: str, ids: set[str], site_url: str = "") -> None:
    """Rewrite every link of the document in place.

    A link to a heading of this report (on the print page, or on the report's other pages where the print
    page has the same heading) becomes a link inside the PDF. A link to another page of the site points at
    `site_url` when one is configured, and its address is printed after the link text either way. A link
    to another site keeps its address and prints it too.
    """
    for parent in list(body.iter()):
        for link in list(parent):
            href = link.get("href") if link.tag == "a" else None
            if href is None:
                continue
            address = _rewrite(link, href, page_url, report_folder, ids, site_url)
            if address and address != _text(link):
                _add_address(parent, link, address)


def _rewrite(link: ET.Element, href: str, page_url: str, report_folder: str, ids: set[str], site_url: str) -> str:
    """Set the link's target; the address to print after it ("" for a link inside the report)."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "mailto", "tel"):
        return href.removeprefix("mailto:").removeprefix("tel:")
    target = urlsplit(urljoin(page_url, href))
    folder = "/" + report_folder.strip("/") + "/"
    if target.fragment in ids and (target.path in ("", page_url) or target.path.startswith(folder)):
        link.set("href", f"#{target.fragment}")
        return ""
    if not parts.path and not parts.fragment:
        return ""
    path = _page_path(target.path) + (f"#{target.fragment}" if target.fragment else "")
    if site_url:
        absolute = site_url.rstrip("/") + path
        link.set("href", absolute)
        return absolute
    link.attrib.pop("href", None)
    link.tag = "span"  # not a link on paper: the text and the address after it
    return f"på webbplatsen: {path}"


def _page_path(path: str) -> str:
    """A site path as a reader types it: "/mal/2021/t1/x/" (no index.html, no ..)."""
    normal = posixpath.normpath(path) if path else "/"
    if normal.endswith("/index.html"):
        normal = normal.removesuffix("index.html")
    elif not posixpath.splitext(normal)[1] and not normal.endswith("/"):
        normal += "/"
    return normal


def _add_address(parent: ET.Element, link: ET.Element, address: str) -> None:
    """Print the address after the link: "Nämndmålet (på webbplatsen: /mal/2021/t1/x/)"."""
    note = ET.Element("span", {"class": ADDRESS_CLASS})
    note.text = f" ({address})"
    note.tail = link.tail
    link.tail = None
    parent.insert(list(parent).index(link) + 1, note)


def _text(element: ET.Element) -> str:
    return "".join(element.itertext()).strip()
