"""Fixtures for tests on the real content in content/."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.load import Content, load_content

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SOURCES = ROOT / "tests" / "sources"  # the reports content/ was written from


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(CONTENT)


def report_of(content: Content, organisation: str, year: int, period: str):
    for loaded in content.reports:
        report = loaded.model
        if (report.organisation, report.ar, report.period) == (organisation, year, period):
            return report
    raise AssertionError(f"no report {organisation} {year} {period}")
