"""Generated pages converted to HTML in parallel, by MkDocs' own code, before MkDocs asks for them.

Converting Markdown is most of a site build, and MkDocs does it one page at a
time. Before MkDocs reads the pages, processes forked from the build each run
`Page.read_source` and `Page.render` for a share of the generated pages, with
MkDocs' configured extensions, link checks and heading ids, and send back what
`render` sets: the HTML, the page TOC, the title, the anchors and the links to
anchors, and every message logged on the way. When MkDocs renders such a page,
`use_rendered` puts those results in place (and logs the messages, so strict
mode counts them) if the page's Markdown is exactly the one converted; for any
other page, or if converting failed, MkDocs renders it itself as always.

The theme's template is filled in the same way: `page_outputs` renders each
generated page's finished HTML in forked processes (context, page_context
events, template), and `use_outputs` has MkDocs write that HTML through a
template that only prints it; MkDocs then runs its post_page events and writes
the file as always.

`mkdocs serve` builds in one process, and keeps each page's results for the
next build: after a unit's file is saved, only the pages whose Markdown changed
are converted again (all are, when the site's files or Markdown settings change).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from generator.parallel import fork_map

LOGGER = "mkdocs"
FINISHED_TEMPLATE = "vb-fardig-sida.html"  # prints a page's HTML made beforehand


@dataclass
class Rendered:
    """What `Page.render` set for one page, and the messages it logged (logger name, level, text)."""

    markdown: str
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    messages: list[tuple[str, int, str]] = field(default_factory=list)


class _Collect(logging.Handler):
    """Keeps the log records of one page's conversion."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def render_pages(pages: list[Page], config: MkDocsConfig, files: Files, processes: int) -> dict[str, Rendered]:
    """Each page's render results by its src_uri; pages that failed are left out (MkDocs renders them)."""
    results = fork_map(lambda number: render_one(pages[number], config, files), len(pages), processes)
    return {page.file.src_uri: found for page, found in zip(pages, results) if found is not None}


def render_one(page: Page, config: MkDocsConfig, files: Files) -> Rendered | None:
    """Read and render one page as MkDocs would (in a forked process); its messages are kept, not shown."""
    try:
        page.read_source(config)
        return rendered_by(page, page.render, config, files, show=False)
    except Exception:  # noqa: BLE001 (MkDocs renders the page again and reports the error itself)
        return None


def rendered_by(
    page: Page, render: Callable[[MkDocsConfig, Files], None], config: MkDocsConfig, files: Files, show: bool = True
) -> Rendered:
    """Run `render` for the page and keep what it set and every message it logged (also shown when `show`)."""
    logger = logging.getLogger(LOGGER)
    collect = _Collect()
    shown: list[logging.Handler] = logger.handlers[:]
    propagate = logger.propagate
    during: list[logging.Handler] = [*shown, collect] if show else [collect]
    logger.handlers, logger.propagate = during, propagate and show
    try:
        render(config, files)
    finally:
        logger.handlers, logger.propagate = shown, propagate
    assert page.markdown is not None
    links = (
        None
        if page.links_to_anchors is None
        else {target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
    )
    return Rendered(
        page.markdown,
        page.content or "",
        page.toc,
        page._title_from_render,
        page.present_anchor_ids,
        links,
        [(r.name, r.levelno, r.getMessage()) for r in collect.records],
    )


def use_rendered(page: Page, known: Rendered | None, remember: Callable[[str, Rendered], None] | None = None) -> None:
    """Let MkDocs' next `page.render` take results made before, if the Markdown is the same; else render it
    (and hand the new results to `remember`, for the next build of `mkdocs serve`)."""
    original = page.render

    def render(config: MkDocsConfig, files: Files) -> None:
        """The page's render: the known results, or MkDocs' own when the Markdown differs."""
        if known is not None and page.markdown == known.markdown:
            apply(page, known, files)
        elif remember is None:
            original(config, files)
        else:
            remember(page.file.src_uri, rendered_by(page, original, config, files))

    page.render = render  # type: ignore[method-assign]


def apply(page: Page, rendered: Rendered, files: Files) -> None:
    """Set what `Page.render` sets, and log its messages here."""
    for name, level, text in rendered.messages:
        logging.getLogger(name).log(level, text)
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = rendered.anchors
    if rendered.links is not None:
        page.links_to_anchors = _files_of(rendered.links, files)


def _files_of(links: dict[str, dict[str, str]], files: Files) -> dict[Any, dict[str, str]]:
    """Links to anchors keyed by this process's File objects again."""
    found = {}
    for src_uri, anchors in links.items():
        target = files.get_file_from_path(src_uri)
        if target is not None:
            found[target] = anchors
    return found


def render_key(config: MkDocsConfig, files: Files) -> str:
    """What a page's HTML depends on besides its Markdown: the site's files and the Markdown settings."""
    return repr(
        (
            sorted(f.src_uri for f in files),
            config.use_directory_urls,
            config.markdown_extensions,
            config.mdx_configs,
            config.validation,
        )
    )


def page_outputs(
    pages: list[Page], config: MkDocsConfig, files: Files, nav: Navigation, env: Environment, processes: int
) -> dict[str, tuple[str, list[tuple[str, int, str]]]]:
    """Each page's finished HTML (the theme's template around it) and its messages, made in forked processes."""
    documents = files.documentation_pages()
    results = fork_map(lambda number: output_of(pages[number], config, documents, nav, env), len(pages), processes)
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
    try:
        context = get_context(nav, documents, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return template.render(context), [(r.name, r.levelno, r.getMessage()) for r in collect.records]
    except Exception:  # noqa: BLE001 (MkDocs renders the page itself and reports the error)
        return None
    finally:
        page.active = False
        config._current_page = None
        logger.handlers, logger.propagate = shown, propagate


def use_outputs(outputs: dict[str, tuple[str, list[tuple[str, int, str]]]], files: Files, env: Environment) -> None:
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
        found.page.vb_output = Markup(html)  # type: ignore[attr-defined]
