"""Where things are in a content tree: the organisation's file, the catalogues' folder and the reports' folder."""

from __future__ import annotations

ORGANISATION_FILE = "organisation.yml"
CATALOGUE_FOLDER = "katalog"
REPORTS_FOLDER = "rapporter"


def catalogue_name(year: int) -> str:
    """katalog/<år>.yml, relative to the content root."""
    return f"{CATALOGUE_FOLDER}/{year}.yml"


def report_name(organisation: str, year: int, period: str) -> str:
    """rapporter/<organisation>/<år>-<period>.yml, relative to the content root (the period in lower case)."""
    return f"{REPORTS_FOLDER}/{organisation}/{year}-{period.lower()}.yml"
