"""The typed content model: organisation, goal catalogue per year and reports.

Field names are the keys units write in YAML (Swedish, ASCII). Every model
forbids unknown keys and is strict about types, so "1 200" is never read as
a number and "yes" never as a boolean. Narrative fields are `Markdown`.

Start-up time matters (`vb check` of one file should answer at once), so
annotations are evaluated by Python as the classes are made (no
`from __future__ import annotations`: pydantic need not evaluate strings)
and list defaults come from `_no_items`, whose signature pydantic reads
without parsing a builtin's text signature as it must for `list`.
"""

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from generator.ids import ID_PATTERN


def _no_items() -> list[Any]:
    """A new empty list for each model (a list field's default)."""
    return []


class Narrative:
    """Marks a string field as Markdown that is checked and rendered."""


Markdown = Annotated[str, Narrative()]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
GoalNr = Annotated[str, StringConstraints(pattern=r"^[1-9]$")]
KfGoalNr = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9][0-9]?$")]
Number = Union[int, float]

Period = Literal["VP", "T1", "T2", "VB"]
PERIODS: tuple[str, ...] = get_args(Period)  # in the order of the year
TERTIALS: tuple[str, ...] = ("T1", "T2")  # the reports that forecast the full year
Status = Literal["Uppfylls helt", "Uppfylls delvis", "Uppfylls ej", "Ingen"]
ActivityState = Literal["klar", "pågående", "ej påbörjad", "avbruten"]


def period_rank(period: str) -> int:
    """A period's place in the year (VP 0 … VB 3), for ordering reports."""
    return PERIODS.index(period) if period in PERIODS else 0


PERIOD_NAMES: dict[str, str] = {
    "VP": "Verksamhetsplan",
    "T1": "Tertialrapport 1",
    "T2": "Tertialrapport 2",
    "VB": "Verksamhetsberättelse",
}


class Base(BaseModel):
    """Strict, closed models: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, validate_default=False)


# --------------------------------------------------------------------------
# organisation.yml


class Verksamhetsomrade(Base):
    """An area of the council's operating budget (driftbudget row)."""

    id: Id
    namn: str


class Avdelning(Base):
    """A department of the förvaltning."""

    id: Id
    namn: str
    granskare: list[str] = Field(
        default_factory=_no_items,
        description="Controllers som granskar enheternas rapporter: användarnamn i GitHub/GitLab, @organisation/team eller e-postadress.",
    )


class Enhet(Base):
    """A unit with a unit manager; writes its own reports."""

    id: Id
    namn: str
    avdelning: Id
    verksamhetsomrade: Id
    resultatenhet: bool = False
    enhetschef: str | None = None
    vikter: dict[str, Number] = Field(
        default_factory=dict,
        description="Enhetens storlek för sammanvägningar, t.ex. "
        '"anstallda: 170": används när katalogens indikator har "vikt: anstallda".',
    )
    granskare: list[str] = Field(
        default_factory=_no_items,
        description="Personer på enheten som äger enhetens rapportfiler: användarnamn i GitHub/GitLab, @organisation/team eller e-postadress.",
    )


class Namnd(Base):
    """The district council (stadsdelsnämnd) and its administration."""

    id: Id
    namn: str
    forvaltning: str
    adress: list[str] = Field(default_factory=_no_items)
    telefon: str | None = None
    epost: str | None = None
    webb: str | None = None


class Organisation(Base):
    """content/organisation.yml: who reports."""

    namnd: Namnd
    verksamhetsomraden: list[Verksamhetsomrade] = Field(default_factory=_no_items)
    avdelningar: list[Avdelning] = Field(default_factory=_no_items)
    enheter: list[Enhet] = Field(default_factory=_no_items)


# --------------------------------------------------------------------------
# katalog/<år>.yml


Areas = Annotated[
    list[Id] | Literal["alla"] | None,
    Field(
        None,
        description='De verksamhetsområden (id i organisation.yml) som detta gäller; "alla", eller utan värde: '
        "samma som målet ovanför. vb new tar bara med det som gäller enhetens verksamhetsområde.",
    ),
]


class Indikator(Base):
    """An indicator with its targets, written once per year."""

    id: Id
    namn: str
    verksamhetsomraden: Areas
    enhet: str | None = Field(None, description='Mått: "%", "st", "GWh", "kg CO2 per kg livsmedel" …')
    ursprung: Literal["KF", "nämnd"] = "nämnd"
    jamstalldhet: bool = Field(False, description="true för en jämställdhetsindikator (♀).")
    riktning: Literal["högre", "lägre"] = Field("högre", description="Om ett högre eller lägre värde är bättre.")
    aggregering: Literal["summa", "viktat medel", "ingen"] = "ingen"
    vikt: Id | None = Field(
        None,
        description='Vad enheternas värden vägs med vid "viktat medel", t.ex. "anstallda" för '
        'sjukfrånvaro; varje enhets tal står under "vikter" i organisation.yml.',
    )
    frekvens: Literal["år", "period"] = Field(
        "period", description='"år": mäts en gång om året (Period "2021"); "period": varje rapportperiod.'
    )
    arsmal: Number | str | None = Field(None, description='Årsmål: ett tal, eller en text som "+/-1 %".')
    kf_arsmal: Number | str | None = Field(
        None, description='KF:s årsmål: ett tal, eller en text som "Tas fram av nämnd".'
    )


class Aktivitet(Base):
    """A council or city activity with dates and the units it applies to."""

    id: Id
    text: str
    start: date
    slut: date
    galler: list[Id] | Literal["alla"] = Field(
        "alla", description="Id för de enheter som aktiviteten gäller, eller alla."
    )
    verksamhetsomraden: Areas


class Namndmal(Base):
    """A council goal; Beskrivning and Förväntat resultat are written only here."""

    id: Id
    titel: str
    verksamhetsomraden: Areas
    beskrivning: Markdown = ""
    forvantat_resultat: Markdown = ""
    indikatorer: list[Indikator] = Field(default_factory=_no_items)
    aktiviteter: list[Aktivitet] = Field(default_factory=_no_items)


class KfMal(Base):
    """KF:s mål för verksamhetsområdet (1.1 … 3.2)."""

    nr: KfGoalNr
    titel: str
    verksamhetsomraden: Areas
    indikatorer: list[Indikator] = Field(default_factory=_no_items)
    aktiviteter: list[Aktivitet] = Field(default_factory=_no_items)
    namndmal: list[Namndmal] = Field(default_factory=_no_items)


class Inriktningsmal(Base):
    """KF:s inriktningsmål (1–3)."""

    nr: GoalNr
    titel: str
    mal: list[KfMal] = Field(default_factory=_no_items)


class Katalog(Base):
    """The goal catalogue of one year."""

    ar: int
    inriktningsmal: list[Inriktningsmal] = Field(default_factory=_no_items)


# --------------------------------------------------------------------------
# rapporter/<organisation>/<år>-<period>.yml


class IndikatorUtfall(Base):
    """One indicator's outcome in a report."""

    id: Id = Field(description="Indikatorn, vald ur målkatalogen.")
    utfall: Number | None = Field(
        None, description="Periodens utfall: ett tal med decimalpunkt, utan % eller mellanslag (86.5)."
    )
    utfall_man: Number | None = Field(None, description="Utfall för män/pojkar, när indikatorn redovisas per kön.")
    utfall_kvinnor: Number | None = Field(
        None, description="Utfall för kvinnor/flickor, när indikatorn redovisas per kön."
    )
    utfall_foregaende: Number | None = Field(None, description="Periodens utfall i föregående verksamhetsberättelse.")
    prognos: Number | None = Field(None, description="Prognos för helåret (i tertialrapporter).")
    ej_matt: str | None = Field(
        None,
        description="Varför indikatorn inte mäts i år, i stället för utfall, t.ex. "
        '"Ingen nationell brukarundersökning 2021".',
    )
    arsmal: Number | str | None = Field(None, description="Enhetens eget årsmål, när det skiljer sig från katalogens.")
    kf_arsmal: Number | str | None = Field(None, description="KF:s årsmål, när det skiljer sig från katalogens.")
    period: str | None = Field(None, description='Ersätter kolumnen Period ("VB 2020", "Tertial 1 2021", "2021").')
    vikt: Number | None = Field(
        None, description="Vikt när indikatorn vägs samman över enheter (t.ex. antal svarande)."
    )
    analys: Markdown = Field("", description="Varför utfallet blev som det blev och vad enheten gör; Markdown.")


class AktivitetUppfoljning(Base):
    """Follow-up of one activity: state, deviation and analysis."""

    id: Id = Field(description="Aktiviteten, vald ur målkatalogen.")
    status: ActivityState | None = Field(None, description="Hur långt aktiviteten har kommit.")
    avvikelse: Markdown = Field("", description="Vad som avviker från planen, om något.")
    analys: Markdown = Field("", description="Vad enheten har gjort och vad som återstår; Markdown.")


class Enhetsmal(Base):
    """A unit's own goal under a nämndmål."""

    titel: str = Field(description="Enhetsmålets namn, som det står i verksamhetsplanen.")
    status: Status = Field(description="Hur väl målet uppfylls (i tertialrapporter: bedömningen för helåret).")
    forvantat_resultat: Markdown = Field("", description="Vad enheten vill uppnå med målet; Markdown.")
    analys: Markdown = Field("", description="Varför målet uppfylls eller inte och vad enheten gör; Markdown.")


class NamndmalUppfoljning(Base):
    """A report's follow-up of one nämndmål."""

    id: Id = Field(description="Nämndmålet, valt ur målkatalogen.")
    status: Status | None = None
    analys: Markdown = ""
    indikatorer: list[IndikatorUtfall] = Field(
        default_factory=_no_items, description="Utfall för nämndmålets indikatorer."
    )
    aktiviteter: list[AktivitetUppfoljning] = Field(
        default_factory=_no_items, description="Uppföljning av nämndmålets aktiviteter."
    )
    enhetsmal: list[Enhetsmal] = Field(default_factory=_no_items, description="Enhetens egna mål under nämndmålet.")


class MalUppfoljning(Base):
    """A report's follow-up of one KF mål för verksamhetsområdet."""

    nr: KfGoalNr = Field(description="KF:s mål för verksamhetsområdet, valt ur målkatalogen.")
    status: Status | None = None
    analys: Markdown = ""
    indikatorer: list[IndikatorUtfall] = Field(
        default_factory=_no_items, description="Utfall för indikatorer direkt under KF-målet."
    )
    aktiviteter: list[AktivitetUppfoljning] = Field(
        default_factory=_no_items, description="Uppföljning av aktiviteter direkt under KF-målet."
    )
    namndmal: list[NamndmalUppfoljning] = Field(
        default_factory=_no_items, description="Nämndmålen under KF-målet som rapporten följer upp."
    )


class InriktningsmalUppfoljning(Base):
    """A report's follow-up of one KF inriktningsmål."""

    nr: GoalNr = Field(description="KF:s inriktningsmål, valt ur målkatalogen.")
    text: Markdown = ""
    mal: list[MalUppfoljning] = Field(
        default_factory=_no_items, description="KF:s mål för verksamhetsområdet under inriktningsmålet."
    )


# --- economy tables -------------------------------------------------------


class Belopp(Base):
    """Utfall, budget and avvikelse of one line of a resultaträkning."""

    utfall: Number = Field(description="Utfall: ett tal utan mellanslag.")
    budget: Number = Field(description="Budget: ett tal utan mellanslag.")
    avvikelse: Number | None = Field(None, description="Avvikelsen mot budget.")


class ResultatrakningRad(Base):
    """One income or cost line: its name first, as it is read and written, then its amounts."""

    namn: str = Field(description="Radens namn (Personalkostnader, Taxor och avgifter …).")
    utfall: Number = Field(description="Utfall: ett tal utan mellanslag.")
    budget: Number = Field(description="Budget: ett tal utan mellanslag.")
    avvikelse: Number | None = Field(
        None, description="Budget minus utfall för kostnader, utfall minus budget för intäkter."
    )


class Resultatrakning(Base):
    """A unit's income statement in tkr."""

    enhet: str | None = Field(None, description='Enhetens namn som det står ovanför tabellen ("Beställarenheten ÄO").')
    enhetschef: str | None = Field(None, description="Enhetschefens namn som det står vid tabellen.")
    belopp: Literal["tkr", "mnkr"] = Field("tkr", description="Enheten för beloppen i tabellen.")
    utfall_rubrik: str = Field("Utfall", description='Rubriken på utfallskolumnen ("Utfall", "Prognos" …).')
    intakter: list[ResultatrakningRad] = Field(default_factory=_no_items, description="Intäkternas rader.")
    summa_intakter: Belopp | None = Field(None, description="Summan av intäkterna.")
    kostnader: list[ResultatrakningRad] = Field(default_factory=_no_items, description="Kostnadernas rader.")
    summa_kostnader: Belopp | None = Field(None, description="Summan av kostnaderna.")
    summa_netto: Belopp | None = Field(None, description="Intäkter minus kostnader.")


class DriftbudgetRad(Base):
    """One verksamhetsområde of the council's operating budget, in mnkr."""

    namn: str
    verksamhetsomrade: Id | None = None
    budget: Number
    begarda_bj: Number | None = Field(
        None, description="Begärda budgetjusteringar. Utelämnas när rutan är tom i rapporten: då visas ingen siffra."
    )
    prognos_fore: Number
    prognos_efter: Number
    avvikelse: Number
    varav: "list[DriftbudgetRad]" = Field(default_factory=_no_items)


class Driftbudget(Base):
    """The council's driftbudget per verksamhetsområde ("varav" rows are parts of their row)."""

    belopp: Literal["tkr", "mnkr"] = "mnkr"
    kolumner: list[str] = Field(default_factory=_no_items, description="Kolumnrubrikerna som de står i rapporten.")
    rader: list[DriftbudgetRad]
    totalt: DriftbudgetRad


class ResultatenhetRad(Base):
    """One resultatenhet: surplus negative, deficit positive (tkr)."""

    enhet: Id
    namn: str | None = Field(
        None, description="Namnet som det står i tabellen, när det skiljer sig från organisationens."
    )
    bruttobudget: Number
    fem_procent: Number
    overforing_fran_fg: Number = Field(
        description="Resultatöverföring från föregående år. Överskott (-), underskott (+)."
    )
    resultat: Number = Field(description="Beräknat resultat i år. Överskott (-), underskott (+).")
    egen_verksamhet: str | None = Field(None, description="Har resultatet uppkommit genom egen verksamhet (JA/NEJ).")
    overforing_till_nasta: Number = Field(
        description="Resultatöverföring till nästa år. Överskott (+), underskott (-)."
    )


class ResultatenhetSumma(Base):
    """The printed total row of the resultatenheter table."""

    namn: str = "Summa resultatenheter"
    bruttobudget: Number
    fem_procent: Number
    overforing_fran_fg: Number
    resultat: Number
    overforing_till_nasta: Number


class Resultatenheter(Base):
    """The resultatenheter table (tkr)."""

    kolumner: list[str] = Field(default_factory=_no_items)
    rader: list[ResultatenhetRad]
    summa: ResultatenhetSumma | None = None


class InvesteringRad(Base):
    """One investment line (mnkr)."""

    namn: str
    budget: Number
    prognos: Number
    budgetjustering: Number | None = Field(
        None, description="Ansökta budgetjusteringar. Utelämnas när rutan är tom i rapporten: då visas ingen siffra."
    )
    avvikelse: Number


class Investeringar(Base):
    """The investment table."""

    kolumner: list[str] = Field(default_factory=_no_items)
    rader: list[InvesteringRad]
    totalt: InvesteringRad | None = None


class OmslutningRad(Base):
    """One omslutningsförändring: costs and income (income negative)."""

    namn: str
    kostnader: Number
    intakter: Number


class OmslutningGrupp(Base):
    """Omslutningsförändringar under one verksamhetsområde."""

    rubrik: str
    rader: list[OmslutningRad]


class Omslutningsforandringar(Base):
    """The table of omslutningsförändringar (mnkr)."""

    kolumner: list[str] = Field(default_factory=_no_items)
    grupper: list[OmslutningGrupp]
    summa: OmslutningRad | None = None


Cell = Union[int, float, str, None]


class TabellRad(Base):
    """One row of a plain table."""

    namn: str = Field("", description="Radens namn (första kolumnen).")
    varden: list[Cell] = Field(
        default_factory=_no_items, description="Radens värden, ett per kolumn: tal med decimalpunkt eller text."
    )
    kursiv: bool = Field(False, description="Visa raden kursiv (t.ex. en varav-rad).")


class Tabell(Base):
    """A plain table of figures (month tables, kapitalkostnader …)."""

    rubrik: str | None = Field(None, description="Tabellens rubrik.")
    kolumner: list[str] = Field(description="Kolumnrubrikerna, från vänster.")
    rader: list[TabellRad] = Field(description="Tabellens rader.")
    fotnot: str | None = Field(None, description="Text under tabellen.")


class Block(Base):
    """One piece of an economy section: exactly one of text or a table."""

    text: Markdown | None = Field(None, description="Text med Markdown: underrubriker med ###, punktlistor med -.")
    tabell: Tabell | None = Field(None, description="En tabell med siffror (t.ex. per månad).")
    resultatrakning: Resultatrakning | None = Field(None, description="Enhetens resultaträkning.")
    driftbudget: Driftbudget | None = None
    resultatenheter: Resultatenheter | None = None
    investeringar: Investeringar | None = None
    omslutningsforandringar: Omslutningsforandringar | None = None

    def kinds(self) -> list[str]:
        """The keys that are set (a valid block has exactly one)."""
        return [name for name in type(self).model_fields if getattr(self, name) is not None]


class Ekonomi(Base):
    """Uppföljning av ekonomi: fixed sections, each a list of blocks."""

    inledning: Markdown = ""
    driftbudget: list[Block] = Field(
        default_factory=_no_items, description="Uppföljning av driftbudget / Analys av resultaträkning."
    )
    resultatenheter: list[Block] = Field(default_factory=_no_items)
    investeringar: list[Block] = Field(default_factory=_no_items, description="Investeringar: text och tabeller.")
    forsaljningar: list[Block] = Field(default_factory=_no_items, description="Försäljningar av anläggningstillgångar.")
    verksamhetsprojekt: list[Block] = Field(default_factory=_no_items, description="Verksamhetsprojekt (driftprojekt).")
    omslutningsforandringar: list[Block] = Field(default_factory=_no_items)
    budgetjusteringar: list[Block] = Field(default_factory=_no_items)
    lokalandamal: list[Block] = Field(default_factory=_no_items, description="Medel för lokaländamål.")
    ovrigt: list[Block] = Field(default_factory=_no_items, description="Övrigt om ekonomin: text och tabeller.")

    def blocks(self) -> Iterator[tuple[str, int, Block]]:
        """(section, index, block) of every block, in document order: the one walk over the economy."""
        for section in type(self).model_fields:
            value = getattr(self, section)
            if isinstance(value, list):
                for index, block in enumerate(value):
                    yield section, index, block

    def first(self, kind: str) -> Any:
        """The first table of a kind ("resultatrakning", "resultatenheter" …) in any section, or None."""
        return next((getattr(b, kind) for _, _, b in self.blocks() if getattr(b, kind) is not None), None)


class Handlaggare(Base):
    """The official responsible for the report."""

    namn: str
    telefon: str | None = None


class Underskrift(Base):
    """A signature at the end of a council report."""

    namn: str
    titel: str | None = None


class Godkannande(Base):
    """A digital approval (namn, datum)."""

    namn: str
    datum: date


class Faststallande(Base):
    """The council's decision that adopted the report: after it the content changes only by a rättelse."""

    datum: date = Field(description="Datum för nämndens beslut.")
    paragraf: int | str = Field(description='Paragrafen i protokollet, t.ex. 45 (skrivs "§ 45" på webbplatsen).')
    diarienummer: str = Field(description="Ärendets diarienummer, t.ex. HÄ 2021/123.")
    kontrollsumma: str | None = Field(
        None, description="Innehållets kontrollsumma när det fastställdes. Skrivs av vb faststall, aldrig för hand."
    )


class Rattelse(Base):
    """One correction made after adoption: when, what and why, and the content's checksum after it."""

    datum: date
    vad: str = Field(description="Vad som rättades.")
    varfor: str = Field(description="Varför det rättades.")
    kontrollsumma: str | None = Field(
        None, description="Innehållets kontrollsumma efter rättelsen. Skrivs av vb rattelse, aldrig för hand."
    )


class Rapport(Base):
    """One report of one organisation node for one (year, period)."""

    organisation: Id
    ar: int
    period: Period
    handlaggare: Handlaggare | None = None
    till: str | None = None
    datum: date | None = Field(None, description="Datum för nämndens sammanträde.")
    forslag_till_beslut: Markdown = ""
    sammanfattning: Markdown = ""
    arendets_beredning: Markdown = ""
    jamstalldhetsanalys: Markdown = ""
    bilagor: list[str] = Field(default_factory=_no_items)
    sammanfattande_analys: Markdown = Field(
        "", description="Verksamhetsbeskrivning och sammanfattning av året; underrubriker med ###."
    )
    inriktningsmal: list[InriktningsmalUppfoljning] = Field(
        default_factory=_no_items,
        description="De av KF:s inriktningsmål som rapporten följer upp, med mål och nämndmål från målkatalogen.",
    )
    ekonomi: Ekonomi = Field(
        default_factory=Ekonomi, description="Uppföljning av ekonomi: text och tabeller i fasta avsnitt."
    )
    systematiskt_kvalitetsarbete: Markdown = Field("", description="Enhetens systematiska kvalitetsarbete.")
    sarskilda_redovisningar: Markdown = ""
    konsekvenser_covid19: Markdown = ""
    ovrigt: Markdown = Field(
        "", description="Synpunkter och klagomål, lex Sarah och annat som inte hör till avsnitten ovan."
    )
    underskrifter: list[Underskrift] = Field(default_factory=_no_items)
    godkannanden: list[Godkannande] = Field(default_factory=_no_items)
    faststalld: Faststallande | None = Field(
        None, description="Nämndens beslut att fastställa rapporten. Skrivs med vb faststall."
    )
    rattelser: list[Rattelse] = Field(
        default_factory=_no_items, description="Rättelser efter fastställandet, äldst först. Skrivs med vb rattelse."
    )
