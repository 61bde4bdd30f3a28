"""Every sentence of the seeds' running text is in content/, word for word.

Both sides are compared as a "skeleton": lower case letters and digits only,
so PDF line breaks, hyphenation at line ends, spacing and Markdown marks do
not count, while any changed, missing or added word does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from tests.content.conftest import CONTENT, SOURCES

SEED_FILES = [
    "000_f43b31b7606bf8a5.txt",
    "001_eb83f3cc95dc08cb.txt",
    "002_e413b7b4eec749f1.txt",
    "003_9aa9168e8aa3441c.txt",
]
MIN_WORDS = 6


class Variant(NamedTuple):
    """A word a unit's copy prints differently from the text content/ holds once, and why."""

    source: str  # the report whose copy differs
    printed: str  # as that report prints it
    written: str  # as content/ holds it
    wording_of: str  # the report whose wording content/ keeps, word for word
    reason: str


# The catalogue holds each council text once, in the council's wording: 2021 as the nämnd's own
# report 002 prints it, 2020 as 000 prints it. A unit's copy that differs is listed here.
VARIANTS: list[Variant] = [
    Variant(
        "001",
        "samhällsväglarna",
        "samhällsvägledarna",
        "000",
        "001 drops a syllable in its copy of the 2020 activity on newly arrived",
    ),
    Variant(
        "001",
        "tertiärrapporter",
        "tertialrapporter",
        "000",
        "001 misspells the report name in its copy of the 2020 trainee-places activity",
    ),
    Variant(
        "001",
        "biståndshandläggares arbetsituation",
        "biståndshandläggares arbetssituation",
        "000",
        "001 drops an s in its copy of the 2020 activity on social workers' working conditions",
    ),
    Variant(
        "003",
        "handläggningsprocessen",
        "handlägningsprocessen",
        "002",
        "002, the catalogue's source, misspells it; 003's copy has it right",
    ),
    Variant(
        "003",
        "handläggnings- och",
        "handlägnings- och",
        "002",
        "the same misspelling in 002's next sentence; 003's copy has it right",
    ),
    Variant(
        "003",
        "språkstödjande",
        "språkstödande",
        "002",
        "002 writes språkstödande; 003's copy writes the common form språkstödjande",
    ),
    Variant("003", "fältassistenterna", "fältassistenter", "002", "003 rewrote the activity's text in definite form"),
    Variant(
        "003",
        "metoden Mentorer i",
        "metoden Mentorerna i",
        "002",
        "002 names the method in definite plural, 003 by its proper name",
    ),
    Variant(
        "003",
        "förtyck, prostitution, människohandel för sexuella tjänster samt sexuellt våld oberoende relation 2021",
        "förtryck, prostitution, människohandel för sexuella tjänster samt sexuellt våld oberoende relation 2021",
        "002",
        "003's copy misspells förtryck",
    ),
    Variant(
        "003",
        "inom socialpsykiatrin är",
        "inom socialpsykiatri är",
        "002",
        "003 rewrote the activity's text in definite form",
    ),
    Variant(
        "003", "från sluten hälso-", "från slutna hälso-", "002", "003 rewrote the inflection of the activity's text"
    ),
    Variant(
        "003",
        "boendestöd, gruppbostad,",
        "boendestöd, gruppboende,",
        "002",
        "003 names the housing form gruppbostad where 002 writes gruppboende",
    ),
    Variant("003", "ton CO2e", "ton CO₂e", "002", "002 sets the 2 as a subscript; 003's export lost it"),
    Variant("003", "verksamheter ska ska arbeta", "verksamheter ska arbeta", "002", "003's copy repeats a word"),
    Variant(
        "003",
        "lokalt dataskyddsombud",
        "lokalt dataskyddsbud",
        "002",
        "002, the catalogue's source, misspells it; 003's copy has it right",
    ),
    Variant("003", "ett effektivera sätt", "ett effektivare sätt", "002", "003's copy misspells effektivare"),
    Variant(
        "003",
        "digitala arbetssätt leder",
        "digitala arbetsätt leder",
        "002",
        "002, the catalogue's source, misspells it; 003's copy has it right",
    ),
]

# Sentences of the seeds that are not in content/ as text, each with the reason.
EXCEPTIONS: dict[str, str] = {
    "1,9 kg CO2 per kg livsmedel": "a table cell: the target is the number kf_arsmal, the unit the indicator's enhet",
}


def _as_in_content(seed: str, sentence: str) -> str:
    for variant in VARIANTS:
        if seed.startswith(variant.source):
            sentence = sentence.replace(variant.printed, variant.written)
    return sentence


def skeleton(text: str) -> str:
    """Letters and digits only, lower case."""
    return re.sub(r"[^0-9a-zåäöéüæø]", "", text.lower())


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def content_skeleton() -> str:
    texts = []
    for path in sorted(CONTENT.rglob("*.yml")):
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(skeleton(text) for text in texts)


# Labels and headings that the generator writes itself (the content holds them as structure).
LABELS = [
    "Sammanfattande analys",
    "Uppföljning av Kommunfullmäktiges inriktningsmål",
    "KF:s inriktningsmål:",
    "KF:s mål för verksamhetsområdet:",
    "Nämndmål:",
    "Enhetsmål:",
    "Beskrivning",
    "Förväntat resultat",
    "Analys",
    "Uppfylls helt",
    "Uppfylls delvis",
    "Uppfylls ej",
    "Ingen",
    "Uppföljning av ekonomi",
    "Systematiskt kvalitetsarbete",
    "Övrigt",
    "Investeringar",
    "Medel för lokaländamål",
    "Analys av resultaträkning - uppföljning av driftbudget",
    "Aktivitet Startdatum Slutdatum Avvikelse",
    "Beställarenheten äldre",
    "Glasade Gången",
    "Detta dokument har godkänts digitalt av följande personer:",
]
_LABEL_RE = re.compile("|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True)))
_MARKS = re.compile(r"<[^>]+>|[#*]")
_BREAKS = r"[●✓▶—🟢♀]"
_GOAL_NUMBER = re.compile(r"^\d(\.\d)?\.?\s")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _is_figures(sentence: str) -> bool:
    """Table rows: mostly numbers, per cent signs and units."""
    tokens = sentence.split()
    figures = [t for t in tokens if re.fullmatch(r"[-−]?[\d\s,.]+%?|%|st|GWh|tkr|mnkr|kg|CO2|per|livsmedel", t)]
    return len(figures) > len(tokens) / 5


def seed_sentences(path: Path) -> list[str]:
    """Sentences of running text, cut at labels, headings, dates and table layout."""
    pieces = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "....." in line:  # the table of contents, tested separately
            continue
        if re.match(r"\s*[-•] ", line):  # a list item is a sentence of its own
            pieces.append("\n\n")
        cells = line.split("\t") if "\t" in line else [line]
        pieces += [_MARKS.sub(" ", cell) + ("\n\n" if len(cells) > 1 else "") for cell in cells] + ["\n"]
    text = " ".join(pieces)
    chunks = re.split(r"\n\s*\n|" + "|".join([_LABEL_RE.pattern, _DATE.pattern, _BREAKS]), text)
    sentences = []
    for chunk in chunks:
        if chunk:
            chunk = _GOAL_NUMBER.sub("", " ".join(chunk.split()))
            sentences += re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ•\-])", chunk)
    return [s for s in sentences if len(s.split()) >= MIN_WORDS and not _is_figures(s)]


@pytest.fixture(scope="module")
def corpus() -> str:
    return content_skeleton()


@pytest.mark.parametrize("seed", SEED_FILES)
def test_every_sentence_of_the_seed_is_in_content(seed, corpus):
    path = SOURCES / seed
    missing = [
        s for s in seed_sentences(path) if skeleton(_as_in_content(seed, s)) not in corpus and s not in EXCEPTIONS
    ]
    assert not missing, f"{len(missing)} sentences missing, first: {missing[:5]}"


def test_skeleton_ignores_layout_but_not_words():
    assert skeleton("Corona-\n pandemin, **8,6 %**") == skeleton("Coronapandemin 8,6%")
    assert skeleton("tio resultatenheter") != skeleton("tretton resultatenheter")


def _source_text(name: str) -> str:
    path = next(SOURCES.glob(f"{name}_*.txt"))
    return " ".join(path.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: variant.printed[:30])
def test_each_variant_keeps_the_wording_of_the_source_it_names(variant, corpus):
    """A variant is only allowed where content/ holds another report's wording, never a typo of its own."""
    assert variant.printed in _source_text(variant.source)
    assert variant.written in _source_text(variant.wording_of)
    assert skeleton(variant.written) in corpus
