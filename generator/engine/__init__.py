"""Site engine: everything that knows MkDocs or Python-Markdown; the stages before it never import it."""
