"""The site's short glossary: the abbreviations and terms of the reports, explained once for every reader.

The glossary page lists them all; the abbreviations are also marked where they first appear on a page
(generator.render.html), so a reader can hear or see what they stand for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from jinja2 import Environment

from generator.render.environment import render_context
from generator.render.nav import Page
from generator.render.text import tidy

GLOSSARY = "ordlista/index.md"


@dataclass(frozen=True)
class Term:
    """A term, what it is called in full (for an abbreviation) and what it means."""

    term: str
    full: str
    meaning: str


TERMS: tuple[Term, ...] = (
    Term("VP", "Verksamhetsplan", "Planen för året: nämndmålen, indikatorerna med årsmål och aktiviteterna."),
    Term("T1", "Tertialrapport 1", "Uppföljningen av januari–april, med en prognos för hela året."),
    Term("T2", "Tertialrapport 2", "Uppföljningen av januari–augusti, med delårsbokslutet."),
    Term("VB", "Verksamhetsberättelse", "Uppföljningen av hela året, skriven i januari året efter."),
    Term(
        "KF",
        "Kommunfullmäktige",
        "Stadens högsta beslutande organ. KF:s inriktningsmål och mål för verksamhetsområdena gäller alla nämnder.",
    ),
    Term(
        "BJ",
        "Budgetjustering",
        "En ändring av nämndens budget under året, som nämnden begär och kommunstyrelsen beslutar om.",
    ),
    Term("Nämndmål", "", "Ett mål som stadsdelsnämnden har satt under ett av KF:s mål."),
    Term("Enhetsmål", "", "En enhets eget mål under ett nämndmål, med förväntat resultat och enhetens analys."),
    Term(
        "Resultatenhet",
        "",
        "En enhet som för över sitt överskott eller underskott till nästa år. Ett års "
        "överföring får vara högst 5 procent av bruttobudgeten och den sparade fonden högst 10 procent.",
    ),
    Term("Tkr och mnkr", "Tusen kronor och miljoner kronor", "Enheterna som beloppen i tabellerna anges i."),
)
ABBREVIATIONS: dict[str, str] = {t.term: t.full for t in TERMS if t.full and " " not in t.term}


@dataclass(frozen=True)
class GlossaryPage:
    """The glossary page: every term in the order a reader meets them."""

    TEMPLATE: ClassVar[str] = "ordlista.md.j2"
    terms: tuple[Term, ...]


def glossary_page(env: Environment) -> Page:
    """ordlista/index.md."""
    return Page(GLOSSARY, tidy(str(render_context(env, GlossaryPage(TERMS)))))
