"""Site engine: everything that knows MkDocs or Python-Markdown; the stages before it never import it."""


def published(text: str) -> tuple[list[str], list[str]]:
    """The raw HTML blocks and link targets the site would publish from a Markdown text.

    The check is handed this reader, so it never imports the engine; Python-Markdown is loaded on first use,
    so checking plain prose starts without it.
    """
    from generator.engine.site_markdown import published as read

    return read(text)
