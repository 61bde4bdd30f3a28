"""Each report as a paginated, accessible PDF (WeasyPrint), made from its print page after the site is built.

`report_pdfs` is what a build calls once the HTML pages are written: it makes
one PDF per report beside the report's page and fills in the size shown by
the page's "Ladda ner som PDF" link. WeasyPrint is imported only when PDFs
are made, so that `vb check` starts without it.
"""

from generator.pdf.sources import PdfSource, pdf_file, pdf_sources

__all__ = ["PdfSource", "pdf_file", "pdf_sources"]
