"""A print page to a PDF: links for paper, tables fitted to the page, sizes in Swedish, reuse, and failures."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator.pdf import engine, tables
from generator.pdf.document import DocumentError, document, html_of
from generator.pdf.engine import LayoutError, pdf_bytes
from generator.pdf.make import PdfError, report_pdfs, show_size, size_text
from generator.render.printed import PdfSource
from generator.render.sections import sectioned
from tests.pdf.conftest import outside_words, pdf_pages, squeezed

SOURCE = PdfSource(
    source="2021/vb/enhet/index.md",
    target="2021/vb/enhet/enhet-2021-vb.pdf",
    linked_from=("2021/vb/enhet/index.md",),
    title="Verksamhetsberättelse 2021 – Enheten",
    council="Provnämnden",
    writer="Enheten",
    report_name="Verksamhetsberättelse 2021",
    period="januari–december 2021",
    meeting=date(2022, 1, 20),
    registration="1.2-34/2021",
    officer="Anna Andersson",
)
PAGE_URL = "/2021/vb/enhet/"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]


def page(body: str) -> str:
    """A page as MkDocs writes it: the theme around the report's article."""
    return (
        '<html><body><nav>meny</nav><article class="md-content__inner md-typeset">'
        '<h1 id="titel">Titel</h1><ul><li>Handläggare: Anna</li></ul>'
        '<p class="vb-pdf"><a href="enhet-2021-vb.pdf">Ladda ner som PDF</a></p>'
        '<h2 class="no-toc" id="innehallsforteckning">Innehållsförteckning</h2><ul><li>Mål</li></ul>'
        f"{body}</article><footer>sidfot</footer></body></html>"
    )


def wide_table(columns: int, word: str = "123456,7") -> str:
    """A table of `columns` columns whose every cell is one long unbreakable figure."""
    head = "".join(f"<th>K{n}</th>" for n in range(columns))
    rows = "".join("<tr>" + "".join(f"<td>{word}{n}</td>" for n in range(columns)) + "</tr>" for _ in range(3))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def test_the_cover_replaces_the_title_block_and_the_contents_links_the_outline_headings():
    body = (
        '<h2 id="mal">Mål<a class="headerlink" href="#mal">¶</a></h2><p>Text.</p>'
        '<h3 class="no-toc" id="analys">Analys</h3><h3 id="mal-1">1. Mål ett</h3>'
    )
    html = html_of(document(SOURCE, page(body), PAGE_URL))
    assert "Handläggare: Anna" not in html and "Ladda ner som PDF" not in html and "¶" not in html
    assert "meny" not in html and "sidfot" not in html
    assert '<html lang="sv">' in html and "<title>Verksamhetsberättelse 2021 – Enheten</title>" in html
    assert html.count("Innehållsförteckning") == 1
    assert '<li class="vb-niva-1"><a href="#mal">Mål</a></li>' in html
    assert '<li class="vb-niva-2"><a href="#mal-1">1. Mål ett</a></li>' in html
    assert 'href="#analys"' not in html
    for fact in ("Provnämnden", "2022-01-20", "1.2-34/2021", "januari–december 2021"):
        assert fact in html


def test_an_unfinished_reports_notice_stays_in_its_pdf_before_the_contents():
    notice = '<p class="vb-utkast" role="note"><strong>Utkast.</strong> Rapporten är inte färdig.</p>'
    drafted = page('<h2 id="mal">Mål</h2><p>Text.</p>').replace("</ul>", "</ul>" + notice, 1)  # after the facts
    html = html_of(document(SOURCE, drafted, PAGE_URL))
    assert "Rapporten är inte färdig." in html and "Handläggare: Anna" not in html
    assert html.index("Rapporten är inte färdig.") < html.index("Innehållsförteckning")


def test_a_page_in_blocks_makes_the_same_document_as_the_page_without_them():
    body = (
        '<h2 id="mal">Mål<a class="headerlink" href="#mal">¶</a></h2><p>Text.</p>'
        '<h3 class="no-toc" id="analys">Analys</h3><p>Mer.</p><h3 id="mal-1">1. Mål ett</h3>'
        f'<p>Tabell:</p>{wide_table(3)}<h2 id="slut">Slut</h2><p>Sist.</p>'
    )
    flat = page(body)
    start, end = flat.index("<h1"), flat.index("</article>")
    in_blocks = flat[:start] + sectioned(flat[start:end], lead=0, least=0) + flat[end:]
    assert in_blocks.count('class="vb-avsnitt"') == 6
    made, flat_made = (html_of(document(SOURCE, html, PAGE_URL)) for html in (in_blocks, flat))
    assert re.sub(r">\s+<", "><", made) == re.sub(r">\s+<", "><", flat_made)  # the same but for line breaks
    assert "vb-avsnitt" not in made


def test_a_page_without_the_reports_article_is_a_document_error():
    with pytest.raises(DocumentError, match="article"):
        document(SOURCE, "<html><body><p>tom</p></body></html>", PAGE_URL)


def test_links_inside_the_report_stay_live_and_other_pages_print_their_address():
    body = (
        '<h2 id="mal">Mål</h2><p><a href="#mal">upp</a>, '
        '<a href="../../../mal/2021/vb/trygghet/#enheter">nämndmålet</a> och '
        '<a href="https://example.se/x">staden</a>.</p>'
    )
    html = html_of(document(SOURCE, page(body), PAGE_URL))
    assert '<a href="#mal">upp</a>,' in html
    assert (
        '<span>nämndmålet</span><span class="vb-adress"> (på webbplatsen: /mal/2021/vb/trygghet/#enheter)</span> och'
        in html
    )
    assert '<a href="https://example.se/x">staden</a><span class="vb-adress"> (https://example.se/x)</span>.' in html
    absolute = html_of(document(SOURCE, page(body), PAGE_URL, site_url="https://vb.example.se/"))
    assert (
        '<a href="https://vb.example.se/mal/2021/vb/trygghet/#enheter">nämndmålet</a>'
        '<span class="vb-adress"> (https://vb.example.se/mal/2021/vb/trygghet/#enheter)</span>'
    ) in absolute


def test_a_link_to_a_heading_of_another_part_of_the_same_report_is_live():
    body = '<h2 id="ekonomi">Ekonomi</h2><p><a href="../ekonomi/#ekonomi">se ekonomi</a></p>'
    html = html_of(document(SOURCE, page(body), "/2021/vb/enhet/utskrift/"))
    assert '<a href="#ekonomi">se ekonomi</a>' in html


@pytest.mark.parametrize(("columns", "size"), [(3, "normal"), (12, "liten"), (15, "bred"), (19, "bred-liten")])
def test_a_table_gets_the_first_size_that_holds_it(columns, size):
    doc = document(SOURCE, page(f'<h2 id="t">T</h2>{wide_table(columns)}'), PAGE_URL)
    assert tables.SIZES[doc.tables[0].size] == size
    assert f'class="vb-tabell vb-tabell-{size}' in html_of(doc)


def test_measured_columns_are_given_widths_that_hold_every_figure_unbroken(tmp_path):
    sentence = "Verksamheten bedömer att målet uppfylls helt under året trots pandemin och personalbristen"
    head = "<th>Indikator</th>" + "".join(f"<th>Utfall {n}</th>" for n in range(7))
    row = f"<tr><td>{sentence}</td>" + "".join(f"<td>−1234567,{n}</td>" for n in range(7)) + "</tr>"
    doc = document(SOURCE, page(f'<h2 id="t">T</h2><table><thead><tr>{head}</tr></thead>{row * 3}</table>'), PAGE_URL)
    table = doc.tables[0]
    assert table.fixed and tables.SIZES[table.size] == "normal"
    widths = [float(w) for w in re.findall(r'<col style="width: ([\d.]+)%">', html_of(doc))]
    assert len(widths) == 8 and abs(sum(widths) - 100) < 0.01 and widths[0] == max(widths)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes(doc))
    pages = pdf_pages(pdf)
    figures = [word.text for p in pages for word in p.words if word.text.startswith("−1")]
    assert sorted(figures) == sorted([f"−1234567,{n}" for n in range(7)] * 3)
    for p in pages:  # no word runs into the next: boxes on one line never overlap
        lines: dict[float, list[tuple[float, float]]] = {}
        for word in p.words:
            lines.setdefault(round(word.box[1]), []).append((word.box[0], word.box[2]))
        for spans in lines.values():
            spans.sort()
            assert all(right <= left + 0.5 for (_, right), (left, _) in zip(spans, spans[1:])), spans


def test_a_table_the_estimate_misjudges_is_measured_and_moved_until_it_fits(monkeypatch, tmp_path):
    monkeypatch.setattr(tables, "first_size", lambda *_: 0)  # every table starts portrait, normal size
    doc = document(SOURCE, page(f'<h2 id="t">T</h2>{wide_table(14)}'), PAGE_URL)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes(doc))
    pages = pdf_pages(pdf)
    assert outside_words(pages) == []
    assert any(page.width > page.height for page in pages)
    assert all(squeezed(f"123456,7{n}") in squeezed("".join(p.text for p in pages)) for n in range(14))


def test_without_the_measurement_the_same_table_would_run_off_the_page(monkeypatch, tmp_path):
    monkeypatch.setattr(tables, "first_size", lambda *_: 0)
    monkeypatch.setattr(engine, "_too_wide", lambda rendered, found: [])
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes(document(SOURCE, page(f'<h2 id="t">T</h2>{wide_table(14)}'), PAGE_URL)))
    assert outside_words(pdf_pages(pdf)) != []


def test_a_table_no_page_can_hold_is_an_error_that_names_it():
    doc = document(SOURCE, page(f'<h2 id="t">T</h2>{wide_table(150, "")}'), PAGE_URL)
    with pytest.raises(LayoutError, match=r"tabell 1 \(\"K0\"\) har för många kolumner"):
        pdf_bytes(doc)


def test_a_word_too_long_for_any_column_breaks_and_loses_nothing(tmp_path):
    word = "https://example.se/" + "a" * 200
    doc = document(SOURCE, page(f'<h2 id="t">T</h2>{wide_table(4, word)}'), PAGE_URL)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(pdf_bytes(doc))
    pages = pdf_pages(pdf)
    assert outside_words(pages) == []
    assert tables.SIZES[doc.tables[0].size] == "bred-liten"
    assert all(squeezed(f"{word}{n}") in squeezed("".join(p.text for p in pages)) for n in range(4))


@pytest.mark.parametrize(
    ("size", "text"), [(412_345, "412 kB"), (999, "1 kB"), (40, "1 kB"), (1_234_567, "1,2 MB"), (12_000_000, "12,0 MB")]
)
def test_sizes_read_as_in_swedish(size, text):
    assert size_text(size) == text


def test_the_size_is_filled_in_after_the_link(tmp_path):
    html = tmp_path / "index.html"
    html.write_text('<p><a href="x.pdf">Ladda ner som PDF</a> <span class="vb-pdf-storlek">(PDF)</span></p>')
    show_size(html, 412_345)
    assert (
        html.read_text()
        == '<p><a href="x.pdf">Ladda ner som PDF</a> <span class="vb-pdf-storlek">(PDF, 412 kB)</span></p>'
    )


def _site(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    (site / "2021/vb/enhet").mkdir(parents=True, exist_ok=True)
    (site / "2021/vb/enhet/index.html").write_text(
        page(body).replace(
            "Ladda ner som PDF</a></p>", 'Ladda ner som PDF</a> <span class="vb-pdf-storlek">(PDF)</span></p>'
        )
    )
    return site


def _dest(path: str) -> str:
    return path.removesuffix(".md") + ".html"


def test_an_unchanged_report_reuses_its_pdf_and_a_changed_one_is_made_again(monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    site = _site(tmp_path, '<h2 id="t">T</h2><p>Ett.</p>')
    first = report_pdfs([SOURCE], site, _dest, 1, cache)
    made = (site / SOURCE.target).read_bytes()
    assert not first[0].reused and first[0].size == len(made)
    assert "(PDF, " in (site / "2021/vb/enhet/index.html").read_text()

    def fail(doc):
        raise AssertionError("made again")

    monkeypatch.setattr(engine, "pdf_bytes", fail)
    site = _site(tmp_path / "igen", '<h2 id="t">T</h2><p>Ett.</p>')
    again = report_pdfs([SOURCE], site, _dest, 1, cache)
    assert again[0].reused and (site / SOURCE.target).read_bytes() == made
    site = _site(tmp_path / "andrad", '<h2 id="t">T</h2><p>Två.</p>')
    with pytest.raises(PdfError, match="made again"):
        report_pdfs([SOURCE], site, _dest, 1, cache)


def test_a_report_whose_pdf_cannot_be_made_is_named_with_the_reason(tmp_path):
    site = _site(tmp_path, f'<h2 id="t">T</h2>{wide_table(150, "")}')
    _fails_naming_the_report(site, "för många kolumner")


def test_cell_alignment_is_a_class_and_headings_carry_their_bookmark_text():
    body = (
        '<h2 id="t">Tabell <em>ett</em></h2><table><tr><th style="text-align: right;">Belopp</th>'
        '<td style="text-align:center">1</td><td style="color: red">2</td></tr></table>'
    )
    html = html_of(document(SOURCE, page(body), PAGE_URL))
    assert '<th class="vb-right">Belopp</th>' in html and '<td class="vb-center">1</td>' in html
    assert '<td style="color: red">2</td>' in html  # anything else stays as written
    assert 'data-vb-bokmarke="Tabell ett"' in html


def test_an_unexpected_engine_failure_is_named_with_the_report_and_the_reason(monkeypatch, tmp_path):
    def fail(doc):
        raise RuntimeError("typsnittet kunde inte läsas")

    monkeypatch.setattr(engine, "pdf_bytes", fail)
    site = _site(tmp_path, '<h2 id="t">T</h2><p>Ett.</p>')
    _fails_naming_the_report(site, "RuntimeError: typsnittet kunde inte läsas")


def _fails_naming_the_report(site: Path, reason: str) -> None:
    """Making the report's PDF fails with a message that names the report and the reason, and writes no PDF."""
    with pytest.raises(PdfError) as failed:
        report_pdfs([SOURCE], site, _dest, 1, None)
    assert "PDF:en för Verksamhetsberättelse 2021 – Enheten (2021/vb/enhet/index.md) kunde inte skapas" in str(
        failed.value
    )
    assert reason in str(failed.value)
    assert not (site / SOURCE.target).exists()


def test_making_a_pdf_fetches_nothing_an_address_in_the_page_names(tmp_path):
    import http.server
    import threading

    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_error(404)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    here = f"http://127.0.0.1:{server.server_address[1]}"
    local = tmp_path / "bild.png"
    local.write_bytes(b"\x89PNG\r\n\x1a\n")
    body = (
        f'<h2 id="t">T</h2><p><img src="{here}/bild.png" alt="a"><img src="{local.as_uri()}" alt="b"></p>'
        f'<div style="background: url({here}/bakgrund.png)">x</div><iframe src="{here}/ram.html"></iframe>'
    )
    try:
        (tmp_path / "a.pdf").write_bytes(pdf_bytes(document(SOURCE, page(body), PAGE_URL)))
    finally:
        server.shutdown()
        server.server_close()
    assert asked == []
    assert b"/Image" not in (tmp_path / "a.pdf").read_bytes()  # not even the file beside it was read
