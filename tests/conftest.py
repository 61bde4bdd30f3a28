"""Shared test helpers: a small valid content tree that a test can change file by file.

`VALID_FILES` is the clean tree (organisation, the site's settings, the 2021 catalogue, one unit VB
report and one council T1 report). `write_tree(root, overrides)` writes it with
some files replaced (text or bytes) or removed (None). Every number in the
economy tables below is chosen so that rows and totals add up exactly; the
comments next to them show the arithmetic.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from generator.check.run import check_paths
from generator.problems import Problem
from tests.real_site import mkdocs_site, real_site, shared_root
from tests.schedule import in_schedule_order, keep_the_order

# Tests of bugs that were found and fixed live in tests/regressions/.

# pytest keeps each test module as it rewrites its asserts (in __pycache__, as Python keeps the generator's), also
# where PYTHONDONTWRITEBYTECODE is set: else every run and each of its workers rewrites all of them again.
sys.dont_write_bytecode = False

ORGANISATION = """\
# Testnämnden: en nämnd, två avdelningar, tre enheter.
namnd:
  id: namnden
  namn: Testnämnden
  forvaltning: Testförvaltningen
  adress:
    - Box 1
    - 123 45 Stockholm
  telefon: 08-50822517
  epost: namnden@example.se
  webb: https://example.se
verksamhetsomraden:
  - id: aldreomsorg
    namn: Äldreomsorg
  - id: individ-familj
    namn: Individ- och familjeomsorg
avdelningar:
  - id: aldre
    namn: Avdelningen för äldreomsorg
    granskare:
      - controller-anna
  - id: ifo
    namn: Avdelningen för individ- och familjeomsorg
enheter:
  - id: enhet-a
    namn: Enhet A
    avdelning: aldre
    verksamhetsomrade: aldreomsorg
    resultatenhet: true
    enhetschef: Anna Andersson
  - id: enhet-b
    namn: Enhet B
    avdelning: aldre
    verksamhetsomrade: aldreomsorg
  - id: enhet-c
    namn: Enhet C
    avdelning: ifo
    verksamhetsomrade: individ-familj
"""

KATALOG_2021 = """\
ar: 2021
inriktningsmal:
  - nr: "1"
    titel: En stad som håller samman
    mal:
      - nr: "1.1"
        titel: Äldre har en trygg och meningsfull vardag
        indikatorer:
          - id: nojdhet-aldre
            namn: Andel nöjda äldre
            enhet: "%"
            ursprung: KF
            arsmal: 90
            kf_arsmal: 88
        aktiviteter:
          - id: akt-trygghet
            text: Genomföra trygghetsvandringar
            start: 2021-01-01
            slut: 2021-12-31
        namndmal:
          - id: aldre-trygga
            titel: Äldre är trygga i sitt boende
            beskrivning: |
              Nämnden arbetar för att äldre ska känna sig trygga.

              ### Bakgrund
              Tryggheten mättes senast 2020.
            forvantat_resultat: Fler äldre känner sig trygga.
            indikatorer:
              - id: antal-besok
                namn: Antal förebyggande hembesök
                enhet: st
                aggregering: summa
                arsmal: 120
              - id: vantetid
                namn: Väntetid till särskilt boende
                enhet: dagar
                riktning: lägre
                arsmal: 60
            aktiviteter:
              - id: akt-hembesok
                text: Förebyggande hembesök
                start: 2021-02-01
                slut: 2021-11-30
                galler:
                  - enhet-a
                  - enhet-b
      - nr: "1.2"
        titel: Barn och unga har goda uppväxtvillkor
        indikatorer:
          - id: andel-insatser
            namn: Andel barn som får insats inom två veckor
            enhet: "%"
            arsmal: 80
        namndmal:
          - id: barn-stod
            titel: Barn och unga får stöd i tid
            indikatorer:
              - id: antal-familjer
                namn: Antal familjer i föräldraskapsstöd
                enhet: st
                arsmal: 40
            aktiviteter:
              - id: akt-foraldraskap
                text: Erbjuda föräldraskapsstöd
                start: 2021-01-15
                slut: 2021-12-15
                galler:
                  - enhet-c
"""

# Resultaträkning (tkr). Intäkter: avvikelse = utfall - budget; kostnader: budget - utfall.
#   Avgifter 1200 - 1000 = 200, Bidrag 300 - 400 = -100; summa 1500 / 1400 / 100.
#   Personal 8500 - 8000 = 500, Lokaler 1000 - 1100 = -100; summa 9100 / 9500 / 400.
#   Netto: utfall 9100 - 1500 = 7600, budget 9500 - 1400 = 8100, avvikelse 8100 - 7600 = 500.
UNIT_VB = """\
organisation: enhet-a
ar: 2021
period: VB
handlaggare:
  namn: Anna Andersson
  telefon: "08-50822517"
sammanfattande_analys: |
  Enheten har nått de flesta av sina mål under året.

  ### Trygghet
  Trygghetsvandringarna genomfördes enligt plan. Läs mer på
  [stadens webbplats](https://example.se/trygghet).
inriktningsmal:
  - nr: "1"
    text: Enheten bidrar till en stad som håller samman.
    mal:
      - nr: "1.1"
        status: Uppfylls helt
        analys: Målet uppfylls.
        indikatorer:
          - id: nojdhet-aldre
            utfall: 92.5
            utfall_man: 91
            utfall_kvinnor: 94
            utfall_foregaende: 89
        aktiviteter:
          - id: akt-trygghet
            status: klar
        namndmal:
          - id: aldre-trygga
            status: Uppfylls helt
            indikatorer:
              - id: antal-besok
                utfall: 130
              - id: vantetid
                utfall: 45
            aktiviteter:
              - id: akt-hembesok
                status: klar
            enhetsmal:
              - titel: Alla brukare erbjuds hembesök
                status: Uppfylls helt
              - titel: Personalen går utbildning i bemötande
                status: Uppfylls delvis
                analys: Hälften av personalen har gått utbildningen.
ekonomi:
  driftbudget:
    - text: Enheten redovisar ett överskott mot budget.
    - resultatrakning:
        enhet: Enhet A
        enhetschef: Anna Andersson
        belopp: tkr
        intakter:
          - {namn: Avgifter, utfall: 1200, budget: 1000, avvikelse: 200}
          - {namn: Bidrag, utfall: 300, budget: 400, avvikelse: -100}
        summa_intakter: {utfall: 1500, budget: 1400, avvikelse: 100}
        kostnader:
          - {namn: Personal, utfall: 8000, budget: 8500, avvikelse: 500}
          - {namn: Lokaler, utfall: 1100, budget: 1000, avvikelse: -100}
        summa_kostnader: {utfall: 9100, budget: 9500, avvikelse: 400}
        summa_netto: {utfall: 7600, budget: 8100, avvikelse: 500}
systematiskt_kvalitetsarbete: Enheten följer upp kvaliteten varje månad.
godkannanden:
  - namn: Anna Andersson
    datum: 2022-01-20
"""

# Driftbudget (mnkr). avvikelse = budget + begarda_bj - prognos_efter.
#   Äldreomsorg 512.4 + 0 - 508.1 = 4.3; varav Hemtjänst 210.0 - 208.5 = 1.5,
#   Särskilt boende 250.2 - 247.4 = 2.8 (varav 460.2 <= 512.4 and 455.9 <= 508.1).
#   IFO 301.6 + 10.0 - 309.4 = 2.2.
#   Totalt: budget 814.0, begarda_bj 10.0, prognos_fore 506.0 + 310.0 = 816.0,
#   prognos_efter 817.5, avvikelse 6.5 (= 814.0 + 10.0 - 817.5 = 4.3 + 2.2).
# Resultatenheter (tkr). fem_procent = 5 % of 10000 = 500;
#   overforing_till_nasta = -(-300) - (-200) = 500; surplus 200 <= 500, fund 500 <= 1000.
COUNCIL_T1 = """\
organisation: namnden
ar: 2021
period: T1
handlaggare:
  namn: Bo Berg
  telefon: 08-50822517
till: Stadsdelsnämnden
datum: 2021-05-27
forslag_till_beslut: |
  1. Nämnden godkänner tertialrapporten.
  2. Nämnden överlämnar rapporten till kommunstyrelsen.
sammanfattning: Nämnden prognostiserar ett överskott på 6,5 mnkr.
sammanfattande_analys: Verksamheten följer i huvudsak plan.
inriktningsmal:
  - nr: "1"
    mal:
      - nr: "1.1"
        status: Uppfylls delvis
        analys: Arbetet pågår och väntas ge resultat under hösten.
        indikatorer:
          - id: nojdhet-aldre
            prognos: 91
        namndmal:
          - id: aldre-trygga
            status: Uppfylls helt
            indikatorer:
              - id: vantetid
                utfall: 50
                prognos: 55
            aktiviteter:
              - id: akt-hembesok
                status: pågående
ekonomi:
  inledning: Nämndens ekonomi är i balans.
  driftbudget:
    - driftbudget:
        belopp: mnkr
        kolumner: [Budget, Begärda BJ, Prognos före, Prognos efter, Avvikelse]
        rader:
          - namn: Äldreomsorg
            verksamhetsomrade: aldreomsorg
            budget: 512.4
            begarda_bj: 0
            prognos_fore: 506.0
            prognos_efter: 508.1
            avvikelse: 4.3
            varav:
              - namn: Hemtjänst
                budget: 210.0
                begarda_bj: 0
                prognos_fore: 208.0
                prognos_efter: 208.5
                avvikelse: 1.5
              - namn: Särskilt boende
                budget: 250.2
                begarda_bj: 0
                prognos_fore: 247.0
                prognos_efter: 247.4
                avvikelse: 2.8
          - namn: Individ- och familjeomsorg
            verksamhetsomrade: individ-familj
            budget: 301.6
            begarda_bj: 10.0
            prognos_fore: 310.0
            prognos_efter: 309.4
            avvikelse: 2.2
        totalt:
          namn: Totalt
          budget: 814.0
          begarda_bj: 10.0
          prognos_fore: 816.0
          prognos_efter: 817.5
          avvikelse: 6.5
  resultatenheter:
    - text: Enhet A redovisar ett överskott.
    - resultatenheter:
        rader:
          - enhet: enhet-a
            bruttobudget: 10000
            fem_procent: 500
            overforing_fran_fg: -300
            resultat: -200
            egen_verksamhet: JA
            overforing_till_nasta: 500
        summa:
          bruttobudget: 10000
          fem_procent: 500
          overforing_fran_fg: -300
          resultat: -200
          overforing_till_nasta: 500
sarskilda_redovisningar: Inga särskilda redovisningar.
underskrifter:
  - namn: Cecilia Carlsson
    titel: Stadsdelsdirektör
"""

UNIT_VB_PATH = "rapporter/enhet-a/2021-vb.yml"
COUNCIL_T1_PATH = "rapporter/namnden/2021-t1.yml"

# The site's accessibility statement: partly compliant, with its one known deficiency listed.
WEBBPLATS = """\
tillganglighet:
  efterlevnad: delvis förenlig
  senaste_bedomning: 2021-05-01
  uppdaterad: 2021-05-02
  metod: Vi har granskat webbplatsen själva.
  kontakt:
    epost: namnden@example.se
  brister:
    - beskrivning: Diagrammen saknar textbeskrivning.
      krav: WCAG 2.1 1.1.1 Icke-textuellt innehåll
"""

VALID_FILES: dict[str, str] = {
    "organisation.yml": ORGANISATION,
    "webbplats.yml": WEBBPLATS,
    "katalog/2021.yml": KATALOG_2021,
    UNIT_VB_PATH: UNIT_VB,
    COUNCIL_T1_PATH: COUNCIL_T1,
}


def write_tree(root: Path, overrides: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the valid tree under `root`, with files replaced (text or bytes) or removed (None)."""
    files: dict[str, str | bytes | None] = {**VALID_FILES, **(overrides or {})}
    for relative, content in files.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def edited(relative: str, old: str, new: str) -> dict[str, str]:
    """An override of one valid file with `old` (which must occur exactly once) replaced by `new`."""
    text = VALID_FILES[relative]
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {relative}"
    return {relative: text.replace(old, new)}


def line_of(text: str, fragment: str, first: bool = False) -> int:
    """The 1-based line of the only line (or with first=True the first line) containing `fragment`."""
    hits = [number for number, line in enumerate(text.split("\n"), start=1) if fragment in line]
    assert hits and (first or len(hits) == 1), f"{fragment!r} is on lines {hits}"
    return hits[0]


def check(root: Path) -> list[Problem]:
    """`vb check` on a whole content root, as problems."""
    return check_paths([root]).problems


def same_file(problem_file: str, path: Path) -> bool:
    """True when a problem's file name is `path` (problems show paths relative to cwd when they can)."""
    return Path(problem_file).resolve() == path.resolve()


TEXT_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>fel|varning) (?P<code>VB\d{3}): ")


@pytest.fixture
def make_tree(tmp_path: Path):
    """make_tree(overrides=None, name="content") -> the root of a written content tree."""

    def make(overrides: dict[str, str | bytes | None] | None = None, name: str = "content") -> Path:
        return write_tree(tmp_path / name, overrides)

    return make


@pytest.fixture
def valid_tree(make_tree) -> Path:
    return make_tree()


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory, worker_id: str) -> Path:
    """content/ as `vb build` publishes it, PDFs and all, built once for the run: read it, never change it."""
    return real_site(shared_root(tmp_path_factory.getbasetemp(), worker_id))


@pytest.fixture(scope="session")
def mkdocs_real_site(tmp_path_factory, worker_id: str) -> Path:
    """content/ as `mkdocs build --strict` makes it through the plugin, once for the run: read it, never change it."""
    return mkdocs_site(shared_root(tmp_path_factory.getbasetemp(), worker_id))


def pytest_configure(config: pytest.Config) -> None:
    keep_the_order(config)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The run's order, for both workers (tests/schedule.py): the browser's tour first, the quick tests last."""
    items[:] = in_schedule_order(items)
