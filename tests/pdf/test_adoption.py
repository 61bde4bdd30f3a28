"""An adopted report's PDF says so on its cover, with the corrections made since and the diarienummer."""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.load import load_content
from generator.content.models import Rapport
from generator.pdf.document import document, html_of
from generator.pdf.engine import pdf_bytes
from generator.pdf.make import size_text
from generator.render.info import ReportInfo
from generator.render.printed import PdfSource, pdf_source
from tests.generator.test_adoption import DECISION, ROW, WHAT, adopt, change_figure, correct, only_the_adopted_report
from tests.pdf.conftest import ROOT, pdf_pages, squeezed
from tests.pdf.test_document import SOURCE
from tests.test_build import _config

LINE = "Fastställd av nämnden 2022-02-10 § 12, dnr 1.2-34/2022"


def test_the_pdf_of_an_adopted_report_carries_its_adoption_corrections_and_registration_number():
    report = Rapport.model_validate(
        {
            "organisation": "enhet",
            "ar": 2021,
            "period": "VB",
            "faststalld": {"datum": date(2022, 2, 10), "paragraf": 12, "diarienummer": "1.2-34/2022"},
            "rattelser": [{"datum": date(2022, 3, 1), "vad": "Stavning i analysen.", "varfor": "Skrivfel."}],
        }
    )
    source = pdf_source(ReportInfo(report, None, "Enheten", False), "Provnämnden", split=False)
    assert source.adopted == LINE and source.registration == "1.2-34/2022"
    assert len(source.corrections) == 1 and source.corrections[0].startswith("2022-03-01: Stavning i analysen")
    plain = pdf_source(
        ReportInfo(report.model_copy(update={"faststalld": None, "rattelser": []}), None, "Enheten", False),
        "Provnämnden",
        split=False,
    )
    assert (plain.adopted, plain.corrections, plain.registration) == ("", (), "")


def test_the_pdfs_cover_carries_the_adoption_and_the_corrections(tmp_path):
    source = replace(
        SOURCE,
        registration="",
        officer="",
        adopted=LINE,
        corrections=("2022-03-01: Stavning i analysen. Skäl: Skrivfel.",),
    )
    page = (
        '<article class="md-content__inner md-typeset"><h1 id="t">T</h1>'
        '<h2 id="a">Sammanfattande analys</h2><p>Text.</p></article>'
    )
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes(document(source, page, "/2021/vb/enhet/")))
    cover = squeezed(pdf_pages(pdf)[0].text)
    assert squeezed(LINE) in cover
    assert squeezed("Rättelser efter fastställandet: 2022-03-01: Stavning i analysen. Skäl: Skrivfel.") in cover
    assert "Fastställd" not in html_of(
        document(PdfSource(**{**source.__dict__, "adopted": "", "corrections": ()}), page, "/2021/vb/enhet/")
    )


@pytest.mark.slow  # builds a real report twice, PDFs and all
def test_the_adopted_version_has_its_own_pdf_linked_with_size_and_checksum_and_kept_after_a_rattelse(tmp_path):
    content = _only_the_adopted_report(tmp_path / "content")
    config = _config(tmp_path, {})
    assert adopt(content) == 0
    first = _build(content, config, tmp_path / "site", tmp_path / "cache-1")
    folder = first / "2021/vb/glasade-gangen"
    adopted_pdf = folder / "faststalld/glasade-gangen-2021-vb.pdf"
    current_pdf = folder / "glasade-gangen-2021-vb.pdf"
    kept, current = adopted_pdf.read_bytes(), current_pdf.read_bytes()
    copy = next(c.model for c in load_content(content).adopted)

    change_figure(content)
    assert correct(content) == 0
    second = _build(content, config, tmp_path / "site-2", tmp_path / "cache-2")  # nothing reused: made again
    folder = second / "2021/vb/glasade-gangen"
    assert (folder / "faststalld/glasade-gangen-2021-vb.pdf").read_bytes() == kept
    assert (folder / "glasade-gangen-2021-vb.pdf").read_bytes() != current

    page = (folder / "faststalld/index.html").read_text(encoding="utf-8")
    link = re.search(
        r'<a href="glasade-gangen-2021-vb.pdf" type="application/pdf">Ladda ner som PDF</a> '
        r'<span class="vb-pdf-storlek">\(PDF, ([^)]+)\)</span>',
        page,
    )
    assert link and link.group(1) == size_text(len(kept))
    assert f"Kontrollsumma för PDF:en (SHA-256): <code>{hashlib.sha256(kept).hexdigest()}</code>" in page

    pages = pdf_pages(folder / "faststalld/glasade-gangen-2021-vb.pdf")
    cover = squeezed(pages[0].text)
    assert squeezed(DECISION) in cover
    assert squeezed(f"Kontrollsumma för innehållet (SHA-256): {copy.faststalld.kontrollsumma}") in cover
    assert "Rättelser" not in cover
    text = squeezed("".join(p.text for p in pages))
    assert squeezed(f"{ROW} 95 %") in text and squeezed(f"{ROW} 96 %") not in text
    corrected = squeezed("".join(p.text for p in pdf_pages(folder / "glasade-gangen-2021-vb.pdf")))
    assert squeezed(f"{ROW} 96 %") in corrected and squeezed(WHAT) in corrected


def _only_the_adopted_report(content: Path) -> Path:
    """The real content with Glasade gången's VB as its only report: the other reports' PDFs would add nothing here."""
    return only_the_adopted_report(Path(shutil.copytree(ROOT / "content", content)))


def _build(content: Path, config: Path, site: Path, cache: Path) -> Path:
    arguments = ["build", "--content", str(content), "--site", str(site), "--config", str(config)]
    assert main([*arguments, "--pdf-cache", str(cache)]) == 0
    return site
