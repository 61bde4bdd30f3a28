"""Rendering: models and outlines to Markdown pages through Jinja2 templates in templates/."""
