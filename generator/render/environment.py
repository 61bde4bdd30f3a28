"""The Jinja2 environment: templates in templates/, autoescaped, with the Markdown helpers as filters.

Every template renders one typed context (a dataclass naming its template in
`TEMPLATE`); a context may hold other contexts, which a template renders with
`part(...)`. Plain values are HTML-escaped on output and Markdown-escaped by
the `md` filter; narrative Markdown arrives already marked safe.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_environment
from markupsafe import Markup

from generator.render import format as fmt
from generator.render.table_markup import caption_block
from generator.render.text import cell, heading, html_text, md_escape

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _finalize(value: Any) -> Any:
    """Output of plain values: escape & < > only (text content, never attributes), keep Markup as is."""
    if value is None:
        return Markup("")
    return value if isinstance(value, Markup) else html_text(value)


@pass_environment
def _part(env: Environment, context: Any) -> Markup:
    """Render a nested context with its own template."""
    return render_context(env, context)


def fresh_environment(templates: Path = TEMPLATES) -> Environment:
    """The shared environment with the templates as they are now: a build (also a rebuild while serving, after a
    template is edited) reads each template once, and no page's rendering looks at the files again."""
    env = environment(templates)
    if env.cache is not None:  # (always, with the default cache_size)
        env.cache.clear()
    return env


@functools.lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> Environment:
    """One shared environment per template folder; its templates are read again only by `fresh_environment`."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        auto_reload=False,  # a template's file is not looked at again on every page (thousands of times a build)
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(md=md_escape, cell=cell, number=fmt.number, status=fmt.status)
    env.globals.update(heading=heading, part=_part, caption_block=caption_block)
    return env


def render_context(env: Environment, context: Any) -> Markup:
    """Render a context dataclass with the template it names."""
    if isinstance(context, Markup):
        return context
    template = env.get_template(type(context).TEMPLATE)
    return Markup(template.render(c=context))
