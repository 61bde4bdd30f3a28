"""A small content tree for rendering tests: one council, two avdelningar, three units, two reports.

Written to tmp_path by `write_tree`. Titles carry Markdown-special characters
(| # * _ [ ] < > & and a leading "1.") so escaping shows in the output; one
section of each report is left empty; the economy tables add up exactly (the
comments show the arithmetic) so `vb check` finds no errors.
"""

from __future__ import annotations

from pathlib import Path

ORGANISATION = """\
namnd:
  id: provnamnden
  namn: Provnämnden
  forvaltning: Provförvaltningen
  adress:
    - Box 1
    - 123 45 Stockholm
  telefon: 08-123456
  epost: prov@example.se
verksamhetsomraden:
  - id: aldreomsorg
    namn: Äldreomsorg
  - id: namnd-och-administration
    namn: Nämnd och administration
avdelningar:
  - id: aldre
    namn: Avdelningen för äldreomsorg
  - id: stab
    namn: Stab & kansli
enheter:
  - id: hemtjansten
    namn: Hemtjänsten
    avdelning: aldre
    verksamhetsomrade: aldreomsorg
    resultatenhet: true
    enhetschef: Anna Andersson
  - id: boendet
    namn: Boendet
    avdelning: aldre
    verksamhetsomrade: aldreomsorg
  - id: kansliet
    namn: Kansliet
    avdelning: stab
    verksamhetsomrade: namnd-och-administration
"""

KATALOG = """\
ar: 2021
inriktningsmal:
  - nr: "1"
    titel: En stad som håller samman
    mal:
      - nr: "1.1"
        titel: Äldre har en trygg vardag
        indikatorer:
          - id: nojdhet
            namn: Andel nöjda äldre (*) [enkät]
            enhet: "%"
            ursprung: KF
            jamstalldhet: true
            arsmal: 90
            kf_arsmal: 88
        aktiviteter:
          - id: vandringar
            text: "1. Trygghetsvandringar <kväll> & helg"
            start: 2021-01-01
            slut: 2021-12-31
        namndmal:
          - id: aldre-trygga
            titel: "Äldre är trygga | i hemmet #1"
            beskrivning: |
              Nämnden arbetar för att äldre ska känna sig trygga.

              ### Bakgrund
              Tryggheten mättes senast 2020.
            forvantat_resultat: Fler äldre känner sig trygga.
            indikatorer:
              - id: besok
                namn: Antal hembesök
                enhet: st
                aggregering: summa
                arsmal: 1200
              - id: vantetid
                namn: Väntetid
                enhet: dagar
                riktning: lägre
                arsmal: Tas fram av nämnd
            aktiviteter:
              - id: hembesok
                text: Förebyggande hembesök
                start: 2021-02-01
                slut: 2021-11-30
  - nr: "2"
    titel: En ekonomiskt hållbar stad
    mal:
      - nr: "2.1"
        titel: Budgeten är i balans
        namndmal:
          - id: budget-i-balans
            titel: Nämnden har en budget i balans
            indikatorer:
              - id: sjukfranvaro
                namn: Sjukfrånvaro
                enhet: "%"
                riktning: lägre
                frekvens: år
                arsmal: 7.5
"""

# Resultaträkning (tkr). Intäkter: avvikelse = utfall - budget; kostnader: budget - utfall.
#   Avgifter 1200 - 1500 = -300, Bidrag 2784 - 2000 = 784; summa 3984 / 3500 / 484.
#   Personal 61000 - 60225 = 775, Lokaler 3000 - 3204 = -204; summa 63429 / 64000 / 571.
#   Netto: utfall 63429 - 3984 = 59445, budget 64000 - 3500 = 60500, avvikelse 60500 - 59445 = 1055.
UNIT_VB = """\
organisation: hemtjansten
ar: 2021
period: VB
handlaggare:
  namn: Anna Andersson
  telefon: "08-654321"
sammanfattande_analys: |
  Enheten har nått de flesta av sina mål.

  ### Verksamheten

  Hemtjänsten ger stöd i hemmet.

  #### Personal

  Personalen är *engagerad*.
inriktningsmal:
  - nr: "1"
    text: Enheten bidrar till en stad som håller samman.
    mal:
      - nr: "1.1"
        status: Uppfylls helt
        analys: |
          Målet uppfylls.

          ### Trygghet i hemmet

          Vandringarna gav resultat.
        indikatorer:
          - id: nojdhet
            utfall: 92.5
            utfall_man: 91
            utfall_kvinnor: 94
            utfall_foregaende: 89
            analys: Nöjdheten ökade.
        aktiviteter:
          - id: vandringar
            status: klar
            avvikelse: Ingen | avvikelse
            analys: Vandringarna genomfördes varje månad.
        namndmal:
          - id: aldre-trygga
            status: Uppfylls helt
            indikatorer:
              - id: besok
                utfall: 1300
              - id: vantetid
                utfall: 12.0
            aktiviteter:
              - id: hembesok
                status: pågående
            enhetsmal:
              - titel: Alla brukare erbjuds hembesök
                status: Uppfylls helt
                forvantat_resultat: Fler hembesök.
                analys: |
                  Målet nåddes.

                  ### Uppföljning

                  Varje månad.
              - titel: Personalen går utbildning
                status: Uppfylls delvis
                analys: Hälften av personalen har gått utbildningen.
  - nr: "2"
    mal:
      - nr: "2.1"
        status: Ingen
        namndmal:
          - id: budget-i-balans
            status: Ingen
            indikatorer:
              - id: sjukfranvaro
                utfall: 6.5
                utfall_foregaende: 5.6
ekonomi:
  driftbudget:
    - text: Enheten redovisar ett överskott mot budget.
    - resultatrakning:
        enhet: Hemtjänsten
        enhetschef: Anna Andersson
        belopp: tkr
        intakter:
          - {namn: Avgifter, utfall: 1200, budget: 1500, avvikelse: -300}
          - {namn: Bidrag, utfall: 2784, budget: 2000, avvikelse: 784}
        summa_intakter: {utfall: 3984, budget: 3500, avvikelse: 484}
        kostnader:
          - {namn: Personal, utfall: 60225, budget: 61000, avvikelse: 775}
          - {namn: Lokaler, utfall: 3204, budget: 3000, avvikelse: -204}
        summa_kostnader: {utfall: 63429, budget: 64000, avvikelse: 571}
        summa_netto: {utfall: 59445, budget: 60500, avvikelse: 1055}
  ovrigt:
    - text: Inga övriga kommentarer.
systematiskt_kvalitetsarbete: ""
ovrigt: |
  ### Synpunkter och klagomål

  Enheten fick två klagomål.
godkannanden:
  - namn: Anna Andersson
    datum: 2022-01-20
"""

# Driftbudget (mnkr). avvikelse = budget + begarda_bj - prognos_efter.
#   Äldreomsorg 2784.9 + 0 - 2787.1 = -2.2; varav Hemtjänst 1000.0 - 1001.0 = -1.0,
#   Boende 1784.9 - 1786.1 = -1.2 (varav budget 2784.9 <= 2784.9, prognos 2787.1 <= 2787.1).
#   Nämnd och administration 70.2 + 5.3 - 75.5 = 0.0.
#   Totalt: budget 2855.1, bj 5.3, före 2790.0 + 75.5 = 2865.5, efter 2862.6, avvikelse -2.2.
# Resultatenheter (tkr): 5 % of 46019 = 2300.95 -> 2301; till nästa år = 2847 - 1200 = 1647.
# Investeringar (mnkr): budget 9.5 + 9.4 = 18.9, prognos 9.5 + 16.2 = 25.7, bj 6.8, avvikelse 0.0.
COUNCIL_T1 = """\
organisation: provnamnden
ar: 2021
period: T1
handlaggare:
  namn: Bo Berg
  telefon: 08-123456
till: Provnämnden
datum: 2021-05-27
forslag_till_beslut: |
  1. Nämnden godkänner tertialrapporten.
  2. Nämnden överlämnar rapporten till kommunstyrelsen.
sammanfattning: Nämnden prognostiserar ett underskott på 2,2 mnkr.
arendets_beredning: Ärendet har beretts av staben.
jamstalldhetsanalys: Inga särskilda jämställdhetsaspekter.
bilagor:
  - "Bilaga 1. Ansökan"
sammanfattande_analys: |
  Verksamheten följer i huvudsak plan.

  ### Ekonomi

  Prognosen visar ett litet underskott.
inriktningsmal:
  - nr: "1"
    text: Nämnden bidrar till en stad som håller samman.
    mal:
      - nr: "1.1"
        status: Uppfylls delvis
        analys: Arbetet pågår.
        indikatorer:
          - id: nojdhet
            utfall: 90.1
            prognos: 91
        namndmal:
          - id: aldre-trygga
            status: Uppfylls helt
            analys: Hembesöken har ökat.
            indikatorer:
              - id: vantetid
                utfall: 14
                prognos: 13.5
  - nr: "2"
    mal:
      - nr: "2.1"
        status: Uppfylls helt
        namndmal:
          - id: budget-i-balans
            status: Uppfylls helt
ekonomi:
  inledning: Nämndens prognos visar ett underskott.
  driftbudget:
    - driftbudget:
        belopp: mnkr
        rader:
          - namn: Äldreomsorg
            verksamhetsomrade: aldreomsorg
            budget: 2784.9
            begarda_bj: 0
            prognos_fore: 2790.0
            prognos_efter: 2787.1
            avvikelse: -2.2
            varav:
              - namn: varav hemtjänst
                budget: 1000.0
                begarda_bj: 0
                prognos_fore: 1001.0
                prognos_efter: 1001.0
                avvikelse: -1.0
              - namn: varav boende
                budget: 1784.9
                begarda_bj: 0
                prognos_fore: 1789.0
                prognos_efter: 1786.1
                avvikelse: -1.2
          - namn: Nämnd och administration
            verksamhetsomrade: namnd-och-administration
            budget: 70.2
            begarda_bj: 5.3
            prognos_fore: 75.5
            prognos_efter: 75.5
            avvikelse: 0.0
        totalt:
          namn: Totalt
          budget: 2855.1
          begarda_bj: 5.3
          prognos_fore: 2865.5
          prognos_efter: 2862.6
          avvikelse: -2.2
    - text: |
        ### Äldreomsorg

        Underskottet beror på fler hembesök.
    - tabell:
        rubrik: Antal brukare | per månad
        kolumner: [Brukare, Jan, Feb, Mar]
        rader:
          - namn: Hemtjänst
            varden: [1200, 1180.5, null]
          - namn: Prognos
            varden: [null, null, 1250]
            kursiv: true
        fotnot: Kursiverat är preliminärt
  resultatenheter:
    - resultatenheter:
        rader:
          - enhet: hemtjansten
            bruttobudget: 46019
            fem_procent: 2301
            overforing_fran_fg: -2847
            resultat: 1200
            egen_verksamhet: JA
            overforing_till_nasta: 1647
        summa:
          bruttobudget: 46019
          fem_procent: 2301
          overforing_fran_fg: -2847
          resultat: 1200
          overforing_till_nasta: 1647
  investeringar:
    - investeringar:
        rader:
          - {namn: Parkinvesteringar, budget: 9.5, prognos: 9.5, budgetjustering: 0.0, avvikelse: 0.0}
          - {namn: Inventarier, budget: 9.4, prognos: 16.2, budgetjustering: 6.8, avvikelse: 0.0}
        totalt: {namn: Totalt, budget: 18.9, prognos: 25.7, budgetjustering: 6.8, avvikelse: 0.0}
  omslutningsforandringar:
    - omslutningsforandringar:
        grupper:
          - rubrik: Äldreomsorg
            rader:
              - {namn: Matlyftet, kostnader: 1.1, intakter: -1.1}
        summa: {namn: Summa, kostnader: 1.1, intakter: -1.1}
  lokalandamal:
    - text: Ej aktuellt.
sarskilda_redovisningar: ""
konsekvenser_covid19: |
  ### Äldreomsorg

  Besöken anpassades.
ovrigt: Inga övriga frågor.
underskrifter:
  - namn: Cecilia Carlsson
    titel: stadsdelsdirektör
godkannanden:
  - namn: Cecilia Carlsson, stadsdelsdirektör
    datum: 2021-05-12
"""

UNIT_VB_PATH = "rapporter/hemtjansten/2021-vb.yml"
COUNCIL_T1_PATH = "rapporter/provnamnden/2021-t1.yml"
FILES: dict[str, str] = {
    "organisation.yml": ORGANISATION,
    "katalog/2021.yml": KATALOG,
    UNIT_VB_PATH: UNIT_VB,
    COUNCIL_T1_PATH: COUNCIL_T1,
}


def write_tree(root: Path, overrides: dict[str, str | None] | None = None) -> Path:
    """Write the tree under `root`, with files replaced (text) or left out (None)."""
    for relative, text in {**FILES, **(overrides or {})}.items():
        if text is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
