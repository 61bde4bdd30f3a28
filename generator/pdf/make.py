"""`report_pdfs`: every report's PDF, made side by side once the site's pages are written, reused when unchanged.

A PDF is kept in a cache folder under the hash of everything it is made from
(the document's HTML, the stylesheet, the engine's version), so a build makes
again only the PDFs whose report changed. A report whose PDF cannot be made
fails the build with a message naming the report and the reason.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.parallel import fork_map
from generator.pdf.document import PDF_TEMPLATES, DocumentError, article_of, document
from generator.render import format as fmt
from generator.render.printed import PdfSource

CACHE_FOLDER = ".vb-pdf-cache"  # beside the site: where made PDFs are kept for the next build
SIZE_MARK = '<span class="vb-pdf-storlek">(PDF)</span>'
CHECKSUM_MARK = '<p class="vb-pdf-kontrollsumma" hidden></p>'  # an adopted version's page: the PDF's checksum
CACHE_VERSION = "1"  # raise when the way a document is made changes outside its HTML and stylesheet
CACHE_DAYS = 30  # a kept PDF not used for this long is removed


class PdfError(Exception):
    """A report's PDF could not be made (the message is Swedish and names the report)."""


@dataclass(frozen=True)
class Made:
    """One report's PDF: its size, whether a kept PDF was reused, how long it took, or why it failed."""

    target: str
    size: int
    reused: bool
    seconds: float
    error: str = ""
    sha256: str = ""


def report_pdfs(
    documents: list[PdfSource],
    site_dir: Path,
    dest_of: Callable[[str], str],
    processes: int,
    cache: Path | None = None,
    site_url: str = "",
) -> list[Made]:
    """Make every report's PDF in `site_dir` (in up to `processes` processes) and show its size on its pages.

    `dest_of` gives the written file of a page path ("2021/vb/x/index.md" -> "2021/vb/x/index.html").
    """
    from generator.pdf.engine import engine_version  # imported once here, before the processes fork

    inputs = _fixed_inputs(engine_version(), site_url)

    def task(number: int) -> Made:
        """One report's PDF, made or reused."""
        return one_pdf(documents[number], site_dir, dest_of, cache, site_url, inputs)

    made = fork_map(task, len(documents), processes)
    failed = [(source, result) for source, result in zip(documents, made) if result.error]
    if failed:
        raise PdfError(
            "\n".join(
                f"PDF:en för {source.title} ({source.source}) kunde inte skapas: {result.error}."
                for source, result in failed
            )
        )
    for source, result in zip(documents, made):
        for page in source.linked_from:
            show_size(site_dir / dest_of(page), result.size, result.sha256)
    if cache is not None:
        prune(cache)
    return made


class PdfRun:
    """`report_pdfs` started beside the rest of a build (the search index, the editor); `finish` waits for it.

    The PDFs are made in processes of their own, so the build's other stages go on meanwhile; a page whose
    size is filled in is replaced in one step, so the search index reads it either before or after.
    """

    def __init__(self, *arguments: object) -> None:
        self._made: list[Made] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=arguments, name="vb-pdf", daemon=True)
        self._thread.start()

    def _run(self, *arguments: object) -> None:
        try:
            self._made = report_pdfs(*arguments)  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 (raised again in the build's thread by finish)
            self._error = exc

    def wait(self) -> None:
        """Wait until no PDF is being made (before a failed build removes the folder they are written into)."""
        self._thread.join()

    def finish(self) -> list[Made]:
        """Every report's PDF once made; a PdfError (or any other failure) is raised here."""
        self.wait()
        if self._error is not None:
            raise self._error
        return self._made


def _fixed_inputs(engine: str, site_url: str) -> str:
    """What every PDF of a build is made with besides its page: engine, stylesheet, template, site address."""
    from generator.pdf.engine import STYLESHEET

    template = PDF_TEMPLATES / "document.html.j2"
    return "\0".join(
        [CACHE_VERSION, engine, STYLESHEET.read_text(encoding="utf-8"), template.read_text(encoding="utf-8"), site_url]
    )


def one_pdf(
    source: PdfSource, site_dir: Path, dest_of: Callable[[str], str], cache: Path | None, site_url: str, inputs: str
) -> Made:
    """A report's PDF written into the site, from the kept copy when its input is unchanged.

    The key is taken from the page's article before it is parsed, so an unchanged report costs a read and a hash.
    """
    from generator.pdf import engine
    from generator.pdf.engine import LayoutError

    started = time.perf_counter()
    page = dest_of(source.source)
    try:
        html = (site_dir / page).read_text(encoding="utf-8")
        key = hashlib.sha256("\0".join([inputs, repr(source), page, article_of(html)]).encode()).hexdigest()
        kept = cache / f"{key}.pdf" if cache is not None else None
        reused = kept is not None and kept.is_file()
        if kept is not None and reused:
            data = kept.read_bytes()
        else:
            data = engine.pdf_bytes(document(source, html, "/" + page, site_url))
    except (OSError, DocumentError, LayoutError) as exc:
        return Made(source.target, 0, False, time.perf_counter() - started, str(exc))
    except Exception as exc:  # noqa: BLE001 (the engine may fail in many ways; the build says which report)
        return Made(source.target, 0, False, time.perf_counter() - started, f"{type(exc).__name__}: {exc}")
    target = site_dir / source.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if kept is not None:
        _keep(kept, data, reused)
    return Made(
        source.target, len(data), reused, time.perf_counter() - started, sha256=hashlib.sha256(data).hexdigest()
    )


def _keep(kept: Path, data: bytes, reused: bool) -> None:
    """Store a new PDF in the cache (atomically: builds may run side by side), or mark a reused one as used."""
    try:
        if reused:
            os.utime(kept)
            return
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(kept)
    except OSError:
        pass  # a cache that cannot be written only costs time on the next build


def prune(cache: Path, days: int = CACHE_DAYS) -> None:
    """Remove kept PDFs that no build has used for `days` days."""
    limit = time.time() - days * 86400
    for kept in cache.glob("*.pdf"):
        try:
            if kept.stat().st_mtime < limit:
                kept.unlink()
        except OSError:
            pass


def written_page(page: str) -> str:
    """The HTML file the engine writes for a page (mkdocs.yml has use_directory_urls): a/b.md -> a/b/index.html."""
    if page == "index.md" or page.endswith("/index.md"):
        return page.removesuffix(".md") + ".html"
    return page.removesuffix(".md") + "/index.html"


def site_url(config_file: Path) -> str:
    """The site's address from mkdocs.yml (`site_url`), to print links to other pages in full; "" if none."""
    try:
        settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return ""
    found = settings.get("site_url") if isinstance(settings, dict) else None
    return found if isinstance(found, str) else ""


def size_text(size: int) -> str:
    """A file size as Swedish readers see it: "412 kB", "1,2 MB" (1 kB = 1 000 byte)."""
    if size < 1_000_000:
        return f"{fmt.number(max(1, round(size / 1000)))} kB"
    return f"{fmt.number(round(size / 1_000_000, 1))} MB"


def show_size(page: Path, size: int, sha256: str = "") -> None:
    """Fill in the size after a page's "Ladda ner som PDF" link: "(PDF, 412 kB)", and the PDF's checksum where asked."""
    html = page.read_text(encoding="utf-8")
    filled = html.replace(SIZE_MARK, SIZE_MARK.replace("(PDF)", f"(PDF, {size_text(size)})"))
    if sha256:
        line = f'<p class="vb-pdf-kontrollsumma">Kontrollsumma för PDF:en (SHA-256): <code>{sha256}</code></p>'
        filled = filled.replace(CHECKSUM_MARK, line)
    if filled != html:
        partial = page.with_name(f".{page.name}.{os.getpid()}.tmp")
        partial.write_text(filled, encoding="utf-8")
        partial.replace(page)  # in one step: the search index may be reading the page meanwhile
