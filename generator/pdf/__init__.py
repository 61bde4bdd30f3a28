"""PDF stage: each report as a paginated, accessible PDF (WeasyPrint), made from its print page once it is written.

`generator.pdf.make.report_pdfs` is what a build calls after the engine has
written the HTML pages: it makes one PDF per report beside the report's page
and fills in the size shown by the page's "Ladda ner som PDF" link. Which PDFs
a site has, and where, is decided with its pages (`generator.render.printed`).
WeasyPrint is imported only when PDFs are made, so that `vb check` starts without it.
"""
