"""An adopted report says so on its page and on its PDF's cover, with the corrections made since, by date."""

from __future__ import annotations

from datetime import date

from generator.pdf.document import document, html_of
from generator.pdf.engine import pdf_bytes
from generator.render.printed import PdfSource
from tests.pdf.conftest import pdf_pages, squeezed
from tests.render.tree import UNIT_VB, UNIT_VB_PATH, write_tree
from tests.site_pages import site_of

ADOPTED = """faststallelse:
  datum: 2022-02-10
  paragraf: "12"
  diarienummer: 1.2-34/2022
rattelser:
  - datum: 2022-03-15
    vad: Sjukfrånvaron i tabellen
    varfor: Fel siffra skrevs av från systemet.
  - datum: 2022-03-01
    vad: Stavning i analysen.
    varfor: Skrivfel.
"""
LINE = "Fastställd av nämnden 2022-02-10 § 12, dnr 1.2-34/2022"


def test_the_page_of_an_adopted_report_says_so_and_lists_its_corrections_by_date(tmp_path):
    tree = write_tree(tmp_path / "content", {UNIT_VB_PATH: UNIT_VB + ADOPTED})
    page = site_of(tree).pages["2021/vb/hemtjansten/index.md"]
    assert f"**{LINE}**" in page
    first, second = page.index("- 2022-03-01: Stavning i analysen. Skäl: Skrivfel."), \
        page.index("- 2022-03-15: Sjukfrånvaron i tabellen. Skäl: Fel siffra skrevs av från systemet.")
    assert page.index("Rättelser efter fastställandet:") < first < second
    document_of = next(d for d in site_of(tree).documents if d.target.endswith("hemtjansten-2021-vb.pdf"))
    assert document_of.adopted == LINE and len(document_of.corrections) == 2


def test_a_report_not_adopted_says_nothing_of_it(tmp_path):
    tree = write_tree(tmp_path / "content")
    assert "Fastställd" not in site_of(tree).pages["2021/vb/hemtjansten/index.md"]


def test_the_pdfs_cover_carries_the_adoption_and_the_corrections(tmp_path):
    source = PdfSource(source="2021/vb/enhet/index.md", target="2021/vb/enhet/enhet-2021-vb.pdf",
                       linked_from=("2021/vb/enhet/index.md",), title="Verksamhetsberättelse 2021 – Enheten",
                       council="Provnämnden", writer="Enheten", report_name="Verksamhetsberättelse 2021",
                       period="januari–december 2021", meeting=date(2022, 1, 20), registration="", officer="",
                       adopted=LINE, corrections=("2022-03-01: Stavning i analysen. Skäl: Skrivfel.",))
    page = ('<article class="md-content__inner md-typeset"><h1 id="t">T</h1>'
            '<h2 id="a">Sammanfattande analys</h2><p>Text.</p></article>')
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes(document(source, page, "/2021/vb/enhet/")))
    cover = squeezed(pdf_pages(pdf)[0].text)
    assert squeezed(LINE) in cover
    assert squeezed("Rättelser efter fastställandet: 2022-03-01: Stavning i analysen. Skäl: Skrivfel.") in cover
    assert "Fastställd" not in html_of(document(
        PdfSource(**{**source.__dict__, "adopted": "", "corrections": ()}), page, "/2021/vb/enhet/"))
