"""Generated pages laid out in the theme in parallel, by MkDocs' own code, before MkDocs asks for them.

The pages' HTML comes from the core; filling the theme's template is most of
what MkDocs does, one page at a time. `page_outputs` renders each
generated page's finished HTML in forked processes (context, page_context
events, template), and `use_outputs` has MkDocs write that HTML through a
template that only prints it; MkDocs then runs its post_page events and writes
the file as always.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.parallel import fork_map
from generator.render.packed import PackedHtml

LOGGER = "mkdocs"
FINISHED_TEMPLATE = "vb-fardig-sida.html"  # prints a page's HTML made beforehand


class _Collect(logging.Handler):
    """Keeps the log records of one page's conversion."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class Stored:
    """A page's finished HTML, kept in a file until MkDocs writes the page (so the build holds one at a time)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __html__(self) -> str:
        return self.path.read_text(encoding="utf-8")

    __str__ = __html__


def page_outputs(
    pages: list[Page],
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    env: Environment,
    processes: int,
    folder: Path,
) -> dict[str, tuple[Stored, list[tuple[str, int, str]]]]:
    """Each page's finished HTML (the theme's template around it, written to a file in `folder`) and its messages,
    made in forked processes."""
    documents = files.documentation_pages()

    def made(number: int) -> tuple[Stored, list[tuple[str, int, str]]] | None:
        """One page's output, stored in its file."""
        found = output_of(pages[number], config, documents, nav, env)
        if found is None:
            return None
        stored = Stored(folder / f"{number}.html")
        stored.path.write_text(found[0], encoding="utf-8")
        return stored, found[1]

    # The first page is filled here: the processes forked after it find the theme's templates compiled (and the
    # menu's shared entries made) instead of each compiling them again.
    results = [made(0), *fork_map(lambda number: made(number + 1), len(pages) - 1, processes)] if pages else []
    return {page.file.src_uri: found for page, found in zip(pages, results) if found is not None}


def output_of(
    page: Page, config: MkDocsConfig, documents: Sequence[File], nav: Navigation, env: Environment
) -> tuple[str, list[tuple[str, int, str]]] | None:
    """What MkDocs' _build_page renders for the page before its post_page event (in a forked process)."""
    logger = logging.getLogger(LOGGER)
    collect = _Collect()
    shown, propagate = logger.handlers[:], logger.propagate
    logger.handlers, logger.propagate = [collect], False
    config._current_page = page
    page.active = True
    held = page.content
    if isinstance(held, PackedHtml):  # opened once for this page, not again wherever the template uses it
        page.content = str(held)
    try:
        context = get_context(nav, documents, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return template.render(context), [(r.name, r.levelno, r.getMessage()) for r in collect.records]
    except Exception:  # noqa: BLE001 (MkDocs renders the page itself and reports the error)
        return None
    finally:
        page.content = held
        page.active = False
        config._current_page = None
        logger.handlers, logger.propagate = shown, propagate


def use_outputs(outputs: dict[str, tuple[Stored, list[tuple[str, int, str]]]], files: Files, env: Environment) -> None:
    """MkDocs writes the HTML made beforehand: such a page's template only prints it; the messages are logged here."""
    loaders: list[BaseLoader] = [DictLoader({FINISHED_TEMPLATE: "{{ page.vb_output }}"})]
    env.loader = ChoiceLoader([*loaders, *([env.loader] if env.loader else [])])
    for src_uri, (html, messages) in outputs.items():
        found = files.get_file_from_path(src_uri)
        if found is None or found.page is None:
            continue
        for name, level, text in messages:
            logging.getLogger(name).log(level, text)
        found.page.meta["template"] = FINISHED_TEMPLATE
        found.page.vb_output = html  # type: ignore[attr-defined]
