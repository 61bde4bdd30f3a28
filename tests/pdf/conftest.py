"""The real content built once with `vb build` (its PDFs included), and readers of a PDF's text, boxes and tags."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


@dataclass(frozen=True)
class Word:
    """A word of a PDF page and its box, in points from the page's top left corner."""

    text: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class PdfPage:
    """A page's size, its words with their boxes, and its text in the order it is drawn."""

    width: float
    height: float
    words: list[Word]
    text: str


def pdf_pages(pdf: Path) -> list[PdfPage]:
    """Every page of a PDF as poppler's pdftotext reads it (the text layer a reader copies or a screen reader hears)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext saknas (apt-get install poppler-utils; .ci/run installerar det).", pytrace=False)
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    texts = raw.split("\f")
    pages = []
    for number, (width, height, inner) in enumerate(PAGE.findall(boxes)):
        words = [
            Word(unescape(m[4]), (float(m[0]), float(m[1]), float(m[2]), float(m[3]))) for m in WORD.findall(inner)
        ]
        pages.append(PdfPage(float(width), float(height), words, texts[number]))
    return pages


def outside_words(pages: list[PdfPage]) -> list[tuple[int, str]]:
    """(page number, word) for every word whose box reaches outside its page: text a reader never sees."""
    return [
        (number, word.text)
        for number, page in enumerate(pages, start=1)
        for word in page.words
        if word.box[0] < 0 or word.box[1] < 0 or word.box[2] > page.width or word.box[3] > page.height
    ]


def squeezed(text: str) -> str:
    """Text without any white space (a cell's lines may break anywhere the page is narrow)."""
    return re.sub(r"\s+", "", unescape(text))


@pytest.fixture(scope="session")
def built(built_real_site: Path) -> Path:
    """The real content as `vb build` publishes it, PDFs and all (built once for the run)."""
    return built_real_site
