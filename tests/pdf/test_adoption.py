"""An adopted report's PDF says so on its cover, with the corrections made since and the diarienummer."""

from __future__ import annotations

from datetime import date

from generator.content.models import Rapport
from generator.pdf.document import document, html_of
from generator.pdf.engine import pdf_bytes
from generator.render.info import ReportInfo
from generator.render.printed import PdfSource, pdf_source
from tests.pdf.conftest import pdf_pages, squeezed

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
    source = PdfSource(
        source="2021/vb/enhet/index.md",
        target="2021/vb/enhet/enhet-2021-vb.pdf",
        linked_from=("2021/vb/enhet/index.md",),
        title="Verksamhetsberättelse 2021 – Enheten",
        council="Provnämnden",
        writer="Enheten",
        report_name="Verksamhetsberättelse 2021",
        period="januari–december 2021",
        meeting=date(2022, 1, 20),
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
