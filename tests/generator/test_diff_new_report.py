"""`vb diff` of a new report tells a reviewer its statuses, values and analyses, and names activities apart."""

from __future__ import annotations

from pathlib import Path

from generator.authoring.diff import Kind, compare, distinct_names, render_text, snapshot
from generator.content.load import load_content
from generator.content.lookup import index
from tests.conftest import UNIT_VB_PATH, VALID_FILES

NB = "\u00a0"
ROOT = Path(__file__).resolve().parents[2]


def _new_report_lines() -> list[str]:
    base = {name: text.encode("utf-8") for name, text in VALID_FILES.items() if name != UNIT_VB_PATH}
    head = {name: text.encode("utf-8") for name, text in VALID_FILES.items()}
    return render_text(compare(snapshot(base), snapshot(head)), "main", "gren").splitlines()


def test_a_new_report_shows_statuses_values_and_analyses():
    lines = _new_report_lines()
    assert "  - Rapporten har lagts till (1 mål, 2 enhetsmål)" in lines
    expected = [
        "  - Mål 1.1: Uppfylls helt",
        "  - Mål 1.1, analys: ny text: ”Målet uppfylls.”",
        f"  - Indikatorn Andel nöjda äldre: utfall 92,5{NB}%, utfall män/pojkar 91{NB}%, "
        f"utfall kvinnor/flickor 94{NB}%, utfall föregående period 89{NB}%",
        '  - Aktiviteten "Genomföra trygghetsvandringar": klar',
        '  - Enhetsmålet "Personalen går utbildning i bemötande": Uppfylls delvis',
        '  - Enhetsmålet "Personalen går utbildning i bemötande", analys: ny text: '
        "”Hälften av personalen har gått utbildningen.”",
        f"  - Analys av resultaträkning - uppföljning av driftbudget: resultaträkning, Summa netto: "
        f"utfall 7{NB}600{NB}tkr, budget 8{NB}100{NB}tkr, avvikelse 500{NB}tkr",
    ]
    for line in expected:
        assert line in lines
    # Each value is told once: the enhetsmål's status is not repeated on a line of its own.
    assert sum('Personalen går utbildning i bemötande": Uppfylls delvis' in line for line in lines) == 1


def test_levels_without_assessment_and_empty_texts_are_left_out():
    text = VALID_FILES[UNIT_VB_PATH].replace(
        "        status: Uppfylls helt\n        analys: Målet uppfylls.\n", "        status: Ingen\n"
    )
    head = {**{n: t.encode("utf-8") for n, t in VALID_FILES.items()}, UNIT_VB_PATH: text.encode("utf-8")}
    base = {n: b for n, b in head.items() if n != UNIT_VB_PATH}
    changes = compare(snapshot(base), snapshot(head))
    subjects = [c.subject for c in changes if c.kind in (Kind.STATED, Kind.TEXT_ADDED)]
    assert "Mål 1.1" not in subjects and "Mål 1.1, analys" not in subjects


def test_activity_names_of_the_real_catalogue_are_told_apart():
    content = load_content(ROOT / "content")
    for year in content.catalogues:
        activities = index(content.catalogue(year)).activities
        texts = {ref: item.text for ref, (_, item) in activities.items()}
        names = distinct_names(texts, 70)
        distinct_texts = {" ".join(t.split()) for t in texts.values()}
        assert len(set(names.values())) == len(distinct_texts), year


def test_two_activities_sharing_their_start_differ_in_their_names():
    names = distinct_names(
        {
            "a": "Förvaltningens berörda medarbetare inom äldreomsorgen ska erbjudas språkutbildning.",
            "b": "Förvaltningens berörda medarbetare inom äldreomsorgen ska erbjudas utbildning till specialistundersköterska.",
            "c": "Enheten ska " + "arbeta mycket " * 10,
        },
        70,
    )
    assert names["a"] == "Förvaltningens berörda medarbetare inom äldreomsorgen ska erbjudas språkutbildning."
    assert names["b"] == "Förvaltningens berörda medarbetare inom äldreomsorgen ska erbjudas utbildning…"
    assert len(names["c"]) <= 70 and names["c"].endswith("…")
