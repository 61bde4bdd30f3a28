"""Synthetic content trees for benchmarks and tests: realistic in shape, valid, and the same for the same seed.

`synthesize` returns every file of one district's content tree as YAML text:
organisation.yml, katalog/<år>.yml and rapporter/<organisation>/<år>-<period>.yml
for every unit and the council. Every random choice comes from a
`random.Random` seeded from (seed, district, what is being made), never from
the global generator, so a file does not change when other files are added.
Money is computed in whole tkr (units) and whole tenths of mnkr (council), so
every printed sum is exact.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from babel.numbers import format_decimal

from generator.authoring.yamlwrite import dump
from generator.content.id_twins import readable_id
from generator.content.layout import ORGANISATION_FILE, catalogue_name, report_name
from generator.content.models import PERIODS, TERTIALS
from generator.fsio import write_atomic
from generator.ids import slug
from generator.rollup import economy as eco
from generator.rollup.aggregate import ROLLED_FIELDS, IndicatorValue, roll_up

STATUS_FULL, STATUS_PART, STATUS_NOT, STATUS_NONE = "Uppfylls helt", "Uppfylls delvis", "Uppfylls ej", "Ingen"

DISTRICTS = (
    "Hägersten-Älvsjö",
    "Skärholmen",
    "Enskede-Årsta-Vantör",
    "Farsta",
    "Skarpnäck",
    "Södermalm",
    "Östermalm",
    "Norrmalm",
    "Kungsholmen",
    "Bromma",
    "Hässelby-Vällingby",
    "Spånga-Tensta",
    "Rinkeby-Kista",
)

F, S, A, M, X = "forskola", "social-omsorg", "aldreomsorg", "stadsmiljo", "administration"
ALL = frozenset({F, S, A, M, X})
NOBODY: frozenset[str] = frozenset()

# --------------------------------------------------------------------------
# The organisation: verksamhetsområden of the driftbudget, avdelningar and kinds of units


AREAS = (
    ("namnd-och-administration", "Nämnd och administration"),
    ("individ-och-familjeomsorg", "Individ- och familjeomsorg"),
    ("stadsmiljoverksamhet", "Stadsmiljöverksamhet"),
    ("avskrivningar", "avskrivningar"),
    ("internrantor", "internräntor"),
    ("forskoleverksamhet", "Förskoleverksamhet"),
    ("aldreomsorg", "Äldreomsorg"),
    ("stod-och-service-till-personer-med", "Stöd och service till personer med funktionsnedsättning"),
    ("barn-kultur-och-fritid", "Barn, kultur och fritid"),
    ("arbetsmarknadsatgarder", "Arbetsmarknadsåtgärder"),
    ("ekonomiskt-bistand", "Ekonomiskt bistånd"),
    ("ovrig-verksamhet", "Övrig verksamhet"),
)

# Central means per area in tkr (low, high) that no unit reports: bistånd, capital costs, the reserve.
CENTRAL = {
    "namnd-och-administration": (20_000, 60_000),
    "individ-och-familjeomsorg": (60_000, 160_000),
    "stadsmiljoverksamhet": (5_000, 20_000),
    "avskrivningar": (10_000, 30_000),
    "internrantor": (500, 3_000),
    "forskoleverksamhet": (10_000, 40_000),
    "aldreomsorg": (200_000, 500_000),
    "stod-och-service-till-personer-med": (100_000, 300_000),
    "barn-kultur-och-fritid": (2_000, 10_000),
    "arbetsmarknadsatgarder": (5_000, 15_000),
    "ekonomiskt-bistand": (50_000, 150_000),
    "ovrig-verksamhet": (2_000, 8_000),
}

VARAV = {
    "individ-och-familjeomsorg": ("varav socialpsykiatri", "varav vuxen", "varav barn och ungdom", "varav flykting"),
    "aldreomsorg": ("varav myndighetsutövning", "varav hemtjänst", "varav vård- och omsorgsboende"),
}


class UnitKind(NamedTuple):
    """A kind of unit: its name ({place} and {gen} are filled in), area and whether it can be a resultatenhet."""

    name: str
    area: str
    result_unit: bool = False


class Department(NamedTuple):
    """An avdelning: id, name, share of the units and the kinds of units it has."""

    id: str
    namn: str
    share: float
    kinds: tuple[UnitKind, ...]
    brutto: tuple[int, int]  # a unit's gross cost budget in tkr


DEPARTMENTS = (
    Department(
        F,
        "Avdelningen för förskola",
        0.38,
        (
            UnitKind("{gen} förskolor", "forskoleverksamhet", True),
            UnitKind("Förskolorna i {place}", "forskoleverksamhet", True),
            UnitKind("Öppna förskolan {place}", "forskoleverksamhet"),
        ),
        (30_000, 90_000),
    ),
    Department(
        S,
        "Avdelningen för social omsorg",
        0.25,
        (
            UnitKind("{place} grupp- och servicebostäder", "stod-och-service-till-personer-med", True),
            UnitKind("{gen} dagliga verksamhet", "stod-och-service-till-personer-med", True),
            UnitKind("Familjeenheten {place}", "individ-och-familjeomsorg"),
            UnitKind("Socialpsykiatrin {place}", "individ-och-familjeomsorg"),
            UnitKind("Fritidsgården {place}", "barn-kultur-och-fritid"),
            UnitKind("Enheten för ekonomiskt bistånd {place}", "ekonomiskt-bistand"),
            UnitKind("Arbetsmarknadsenheten {place}", "arbetsmarknadsatgarder"),
        ),
        (10_000, 160_000),
    ),
    Department(
        A,
        "Avdelningen för äldreomsorg",
        0.25,
        (
            UnitKind("{gen} vård- och omsorgsboende", "aldreomsorg"),
            UnitKind("{gen} servicehus", "aldreomsorg"),
            UnitKind("Hemtjänsten {place}", "aldreomsorg"),
            UnitKind("Träffpunkten {place}", "aldreomsorg"),
            UnitKind("Beställarenheten äldre {place}", "aldreomsorg"),
        ),
        (20_000, 120_000),
    ),
    Department(
        M,
        "Avdelningen för stadsmiljö",
        0.06,
        (
            UnitKind("Parkenheten {place}", "stadsmiljoverksamhet"),
            UnitKind("Trygghetsenheten {place}", "stadsmiljoverksamhet"),
            UnitKind("Stadsmiljöenheten {place}", "stadsmiljoverksamhet"),
        ),
        (8_000, 40_000),
    ),
    Department(
        X,
        "Avdelningen för administration",
        0.06,
        (
            UnitKind("Ekonomienheten", "namnd-och-administration"),
            UnitKind("HR-enheten", "namnd-och-administration"),
            UnitKind("Kommunikationsenheten", "namnd-och-administration"),
            UnitKind("Kansliet", "namnd-och-administration"),
            UnitKind("Medborgarkontoret {place}", "ovrig-verksamhet"),
            UnitKind("Administrativa enheten {place}", "namnd-och-administration"),
        ),
        (4_000, 30_000),
    ),
)
DEPARTMENT = {d.id: d for d in DEPARTMENTS}
RESULT_UNIT_SHARE = 0.10
FOLLOW_SHARE = 0.4  # the share of its avdelning's indicators a unit follows

PLACE_START = (
    "Ek",
    "Björk",
    "Sjö",
    "Lind",
    "Gran",
    "Berg",
    "Ås",
    "Hög",
    "Strand",
    "Vik",
    "Äng",
    "Sol",
    "Mälar",
    "Fru",
    "Kungs",
    "Lill",
    "Stor",
    "Norr",
    "Söder",
    "Väster",
    "Öster",
    "Tall",
    "Al",
    "Ros",
    "Hassel",
    "Lönn",
    "Bok",
    "Ask",
    "Rönn",
    "Sälg",
)
PLACE_END = (
    "dal",
    "berg",
    "ängen",
    "vik",
    "åsen",
    "holmen",
    "hagen",
    "backen",
    "torp",
    "by",
    "sund",
    "lunda",
    "näs",
    "skogen",
    "udden",
    "gården",
)
FIRST_NAMES = (
    "Anna",
    "Kerstin",
    "Lars",
    "Maria",
    "Johan",
    "Eva",
    "Karin",
    "Mikael",
    "Sara",
    "Ahmed",
    "Fatima",
    "Peter",
    "Lena",
    "Erik",
    "Ingrid",
    "Ali",
    "Sofia",
    "Anders",
    "Helena",
    "Nils",
    "Leila",
    "Gunilla",
    "Jonas",
    "Emma",
)
LAST_NAMES = (
    "Andersson",
    "Lindqvist",
    "Berg",
    "Nyström",
    "Karlsson",
    "Holm",
    "Ekström",
    "Malmport",
    "Sjöberg",
    "Yilmaz",
    "Hassan",
    "Lund",
    "Wikström",
    "Nilsson",
    "Öberg",
    "Dahl",
    "Strand",
    "Björk",
    "Axelsson",
    "Falk",
)

# --------------------------------------------------------------------------
# The goal catalogue, shaped like the 2021 one: 3 inriktningsmål, 12 KF mål, 17 nämndmål, 60 indicators


class IndicatorSpec(NamedTuple):
    """An indicator and the range its target is drawn from (per unit for summed indicators)."""

    namn: str
    enhet: str
    lo: float
    hi: float
    aggregering: str = "viktat medel"
    riktning: str = "högre"
    frekvens: str = "period"
    jamstalldhet: bool = False
    kon: bool = False  # outcomes split by men and women
    domains: frozenset[str] | None = None  # who reports it; None: the KF mål's domains


class CouncilGoalSpec(NamedTuple):
    """A nämndmål ({d}: the district, {dg}: its genitive), who works on it and enhetsmål units set under it."""

    titel: str
    domains: frozenset[str]
    enhetsmal: tuple[str, ...]


class GoalSpec(NamedTuple):
    """A KF mål för verksamhetsområdet with its nämndmål and indicators."""

    nr: str
    titel: str
    domains: frozenset[str]
    namndmal: tuple[CouncilGoalSpec, ...]
    indicators: tuple[IndicatorSpec, ...]


I = IndicatorSpec
DIRECTIONS = (
    ("1", "En modern storstad med möjligheter och valfrihet för alla"),
    ("2", "En hållbart växande och dynamisk storstad med hög tillväxt"),
    ("3", "En ekonomiskt hållbar och innovativ storstad för framtiden"),
)
GOALS = (
    GoalSpec(
        "1.1",
        "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
        frozenset({S, X}),
        (
            CouncilGoalSpec(
                "Invånarna i {d} är självförsörjande och vägen till arbete är kort",
                frozenset({S, X}),
                (
                    "Deltagarna närmar sig arbetsmarknaden genom praktik och utbildning",
                    "Nyanlända får samhällsvägledning inom en månad",
                ),
            ),
        ),
        (
            I("Antal ungdomar som fått feriejobb i stadens regi", "st", 5, 40, "summa"),
            I(
                "Andel nyanlända kvinnor och män som fått samhällsvägledning inom en månad",
                "%",
                80,
                100,
                jamstalldhet=True,
                kon=True,
            ),
            I("Antal deltagare i förvaltningens arbetsmarknadsinsatser", "st", 5, 60, "summa"),
            I("Andel vuxna med ekonomiskt bistånd", "%", 1, 4, riktning="lägre", frekvens="år", domains=NOBODY),
        ),
    ),
    GoalSpec(
        "1.2",
        "Stockholm är en trygg, säker och välskött stad att bo och vistas i",
        frozenset({M, S, X}),
        (
            CouncilGoalSpec(
                "{d} är ett tryggt, säkert och välskött stadsdelsområde att bo och vistas i",
                frozenset({M, S, X}),
                (
                    "Besökarna upplever att verksamhetens lokaler och utemiljö är trygga",
                    "Enheten deltar i trygghetsvandringar i närområdet",
                ),
            ),
        ),
        (
            I(
                "Andel invånare som upplever trygghet i den stadsdel där de bor",
                "%",
                70,
                85,
                frekvens="år",
                domains=NOBODY,
            ),
            I("Invånarnas nöjdhet med renhållning och städning", "%", 65, 80, frekvens="år", domains=frozenset({M})),
            I(
                "Invånarnas nöjdhet med skötsel av parker och grönområden",
                "%",
                65,
                80,
                frekvens="år",
                domains=frozenset({M}),
            ),
            I("Antal genomförda trygghetsvandringar", "st", 1, 6, "summa"),
            I("Trygghetsindex för stadsdelsområdet", "index", 55, 75, "ingen", frekvens="år", domains=NOBODY),
        ),
    ),
    GoalSpec(
        "1.3",
        "I Stockholm når barn sin fulla potential då Stockholms skolor och förskolor är de bästa i Sverige",
        frozenset({F}),
        (
            CouncilGoalSpec(
                "Alla barn i förskolan utvecklar sin förståelse för grundläggande demokratiska värden",
                frozenset({F}),
                (
                    "Barnen har inflytande över den dagliga verksamheten",
                    "Förskolan arbetar aktivt mot diskriminering och kränkande behandling",
                ),
            ),
            CouncilGoalSpec(
                "Alla barn i förskolan utvecklas och lär utifrån sina förmågor i lärmiljöer av hög kvalitet",
                frozenset({F}),
                (
                    "Barnens språkutveckling stärks genom undervisning och högläsning",
                    "Lärmiljöerna utomhus utvecklas så att de stimulerar lek och lärande",
                    "Vårdnadshavarna är delaktiga i barnens utveckling",
                ),
            ),
        ),
        (
            I("Andel legitimerade förskollärare av totalt antal anställda i förskolan", "%", 25, 45),
            I("Andel nöjda föräldrar till barn i förskolan", "%", 85, 95, frekvens="år", kon=True),
            I("Antal barn per grupp", "st", 14, 17, riktning="lägre"),
            I("Antal förskolebarn per anställd årsarbetare", "st", 4, 6, riktning="lägre"),
            I("Kvalitetsindikatorn självvärdering utifrån läroplansuppdraget", "index", 3, 4, frekvens="år"),
            I("Andel förskolor med en plan för språkutveckling", "%", 80, 100),
        ),
    ),
    GoalSpec(
        "1.4",
        "I Stockholm får människor i behov av stöd insatser i tid präglade av hög kvalitet, evidens och rättssäkerhet",
        frozenset({S}),
        (
            CouncilGoalSpec(
                "Invånarna i {d} lever utifrån sina förutsättningar och behov ett självständigt liv",
                frozenset({S}),
                (
                    "Brukarna får bestämma om saker som är viktiga för dem i vardagen",
                    "Brukarna får ett gott bemötande och insatser av god kvalitet",
                ),
            ),
            CouncilGoalSpec(
                "Barn och unga i {d} får stöd i rätt tid",
                frozenset({S}),
                ("Barn och unga som behöver stöd får det inom två veckor", "Barnens röst syns i alla utredningar"),
            ),
        ),
        (
            I("Andel brukare som är nöjda med sin dagliga verksamhet", "%", 80, 95, kon=True),
            I(
                "Andel brukare som upplever att de får bestämma om saker som är viktiga för dem",
                "%",
                75,
                95,
                jamstalldhet=True,
                kon=True,
            ),
            I("Andel barn och unga som bedömts och fått insats inom 14 dagar", "%", 70, 95),
            I("Andel utredningar av barn och unga som avslutats inom fyra månader", "%", 75, 95),
            I(
                "Andel personer som själva upplever att deras situation har förbättrats efter avslutad insats",
                "%",
                60,
                85,
                kon=True,
            ),
            I("Antal vräkningar som berör barn", "st", 0, 2, "summa", riktning="lägre", domains=NOBODY),
            I("Antal barnfamiljer som beviljats en akutboendelösning", "st", 0, 5, "summa", riktning="lägre"),
            I("Brukarnas upplevelse av trygghet i LSS-boende", "index", 70, 90, frekvens="år"),
            I("Andel familjehemsplacerade barn med aktuell läkarundersökning", "%", 70, 95),
            I("Andel ungdomar som återaktualiseras inom ett år", "%", 5, 20, riktning="lägre"),
        ),
    ),
    GoalSpec(
        "1.5",
        "I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande",
        frozenset({A}),
        (
            CouncilGoalSpec(
                "Äldre får insatser av hög kvalitet som ger trygghet, valfrihet och stärker förmågan "
                "att leva självständigt",
                frozenset({A}),
                (
                    "De äldre får ett gott bemötande och inflytande över sina insatser",
                    "Måltiderna är en trevlig stund med näringsrik mat",
                ),
            ),
            CouncilGoalSpec(
                "Äldre i {d} har en meningsfull vardag med social gemenskap",
                frozenset({A}),
                ("De boende erbjuds aktiviteter varje dag", "Ofrivillig ensamhet bland äldre minskar"),
            ),
        ),
        (
            I(
                "Andel omsorgstagare som upplever att de kan påverka insatsernas utformning",
                "%",
                75,
                90,
                jamstalldhet=True,
                kon=True,
            ),
            I("Andel omsorgstagare som är nöjda med hemtjänsten", "%", 85, 95, frekvens="år", kon=True),
            I("Andel boende på vård- och omsorgsboende som är nöjda med maten", "%", 70, 90, kon=True),
            I("Andel boende som är nöjda med sitt vård- och omsorgsboende", "%", 80, 95, frekvens="år", kon=True),
            I("Antal personal som en hemtjänsttagare möter under 14 dagar", "st", 10, 16, riktning="lägre"),
            I("Andel digital nattillsyn i hemtjänsten", "%", 20, 60),
            I("Andel smarta lås i hemtjänsten", "%", 70, 100),
            I("Kvalitetsindex för äldreomsorgen", "index", 70, 90, "ingen"),
            I("Antal deltagare i träffpunkternas aktiviteter", "st", 50, 400, "summa"),
        ),
    ),
    GoalSpec(
        "2.1",
        "Stockholm har Sveriges bästa företagsklimat och ett internationellt konkurrenskraftigt näringsliv",
        frozenset({X, M}),
        (
            CouncilGoalSpec(
                "Näringslivet i {d} är en viktig samverkanspart och erbjuder ett bra företagsklimat",
                frozenset({X, M}),
                ("Enheten har en god dialog med de lokala företagen",),
            ),
        ),
        (
            I(
                "Företagarnas nöjdhet med stadsdelsförvaltningens service",
                "index",
                60,
                80,
                frekvens="år",
                domains=NOBODY,
            ),
            I("Antal företagsbesök", "st", 2, 12, "summa"),
        ),
    ),
    GoalSpec(
        "2.2",
        "Stockholm byggs attraktivt, tätt och funktionsblandat utifrån människors och verksamheters skiftande behov",
        frozenset({X, M}),
        (
            CouncilGoalSpec(
                "Invånarna i {d} har tillgång till god samhällsservice",
                frozenset({X, M}),
                ("Invånarna får svar på sina frågor inom två arbetsdagar",),
            ),
        ),
        (
            I("Andel remisser om detaljplaner och bygglov som besvarats i tid", "%", 85, 100),
            I("Antal medborgarförslag som besvarats", "st", 2, 20, "summa"),
        ),
    ),
    GoalSpec(
        "2.3",
        "Stockholms infrastruktur främjar effektiva och hållbara transporter samt god framkomlighet",
        frozenset({M}),
        (
            CouncilGoalSpec(
                "{dg} parkvägar är tillgängliga med god framkomlighet",
                frozenset({M}),
                ("Parkvägarna är framkomliga året runt",),
            ),
        ),
        (
            I("Andel parkvägar med god framkomlighet vintertid", "%", 80, 95),
            I("Antal åtgärdade felanmälningar om parkvägar", "st", 20, 150, "summa"),
        ),
    ),
    GoalSpec(
        "2.4",
        "Stockholm är en modern kultur- och evenemangsstad med en stark besöksnäring",
        frozenset({S, F}),
        (
            CouncilGoalSpec(
                "Invånarna i {d} har tillgång till ett rikt utbud av kultur- och fritidsaktiviteter",
                frozenset({S, F}),
                (
                    "Barn och unga erbjuds kulturupplevelser varje termin",
                    "Verksamheten erbjuder aktiviteter under loven",
                ),
            ),
        ),
        (
            I("Antal besök på fritidsgårdarna", "st", 500, 8_000, "summa", kon=True, domains=frozenset({S})),
            I("Andel unga som är nöjda med fritidsverksamheten", "%", 75, 95, kon=True, domains=frozenset({S})),
            I("Antal kulturaktiviteter för barn i förskolan", "st", 4, 30, "summa", domains=frozenset({F})),
        ),
    ),
    GoalSpec(
        "2.5",
        "Stockholm är en hållbar stad med en god livsmiljö",
        ALL,
        (
            CouncilGoalSpec(
                "{d} har en hög biologisk mångfald och en god livsmiljö",
                frozenset({M, F}),
                (
                    "Barnen lär sig om natur och biologisk mångfald i närmiljön",
                    "Parkerna sköts så att den biologiska mångfalden ökar",
                ),
            ),
            CouncilGoalSpec(
                "{d} stadsdelsnämnd är en fossilfri organisation år 2030",
                ALL,
                (
                    "Enheten minskar sin klimatpåverkan och sitt matsvinn",
                    "Enheten minskar användningen av engångsplast",
                ),
            ),
        ),
        (
            I("Andel ekologiska livsmedel", "%", 40, 60, domains=frozenset({F, A, S})),
            I("Andel fossilfria fordon", "%", 60, 100, domains=frozenset({M, A})),
            I("Andel matsvinn av serverad mat", "%", 5, 15, riktning="lägre", domains=frozenset({F, A})),
            I("Antal genomförda naturvårdsåtgärder", "st", 1, 10, "summa", domains=frozenset({M})),
            I("Andel sorterat matavfall", "%", 70, 100, domains=frozenset({F, A, S})),
            I("Miljöindex för förvaltningens verksamheter", "index", 60, 80, "ingen", frekvens="år", domains=NOBODY),
        ),
    ),
    GoalSpec(
        "3.1",
        "Stockholm har en budget i balans och långsiktigt hållbara finanser",
        ALL,
        (
            CouncilGoalSpec(
                "Stadsdelsnämnden bedriver verksamheterna inom givna ekonomiska ramar",
                ALL,
                (
                    "Enheten bedriver verksamheten inom givna ekonomiska ramar",
                    "Enheten har en budget i balans och arbetar kostnadseffektivt",
                ),
            ),
        ),
        (
            I("Prognossäkerhet vid tertialrapport 2", "%", 95, 100, domains=NOBODY),
            I("Andel enheter med budget i balans", "%", 80, 100, domains=NOBODY),
            I("Andel fakturor som betalats i tid", "%", 90, 99, domains=frozenset({X})),
        ),
    ),
    GoalSpec(
        "3.2",
        "Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
        ALL,
        (
            CouncilGoalSpec(
                "Stadsdelsnämnden är en attraktiv arbetsgivare med god arbetsmiljö",
                ALL,
                ("Enheten är en god arbetsgivare med en god arbetsmiljö", "Sjukfrånvaron på enheten minskar"),
            ),
            CouncilGoalSpec(
                "Stadsdelsnämndens verksamheter är innovativa och tillvaratar digitaliseringens möjligheter",
                ALL,
                ("Enheten tillvaratar digitaliseringens möjligheter i det dagliga arbetet",),
            ),
        ),
        (
            I("Sjukfrånvaro", "%", 5, 8, riktning="lägre", kon=True),
            I("Sjukfrånvaro dag 1-14", "%", 2, 4, riktning="lägre"),
            I("Aktivt medskapandeindex", "index", 75, 85, frekvens="år"),
            I("Index för hållbart medarbetarengagemang", "index", 75, 85, frekvens="år"),
            I("Andel medarbetare som har genomfört digital kompetensutbildning", "%", 60, 90),
            I("Antal digitala tjänster för invånare", "st", 1, 5, "summa", domains=frozenset({X})),
            I("Andel heltidsanställda medarbetare", "%", 85, 98),
            I("Andel chefer med högst 30 medarbetare", "%", 70, 95, domains=frozenset({X})),
        ),
    ),
)
del I

# --------------------------------------------------------------------------
# Words for Swedish-looking prose


SUBJECTS = (
    "Enheten",
    "Verksamheten",
    "Förvaltningen",
    "Medarbetarna",
    "Ledningsgruppen",
    "Arbetsgruppen",
    "Personalen",
    "Enhetschefen",
)
TIMES = {
    "VP": ("året", "våren", "hösten"),
    "T1": ("tertialen", "perioden", "våren"),
    "T2": ("tertialen", "perioden", "våren", "sommaren"),
    "VB": ("året", "perioden", "hösten", "våren"),
}
DONE = (
    "arbetat med",
    "utvecklat",
    "följt upp",
    "stärkt",
    "sett över",
    "genomfört en genomlysning av",
    "fortsatt att utveckla",
    "prioriterat",
    "kartlagt",
    "implementerat nya rutiner för",
)
GOING = (
    "fortsätter enligt plan",
    "har kommit långt",
    "har tagit längre tid än beräknat",
    "pågår i samtliga arbetsgrupper",
    "har fått ett bra genomslag",
)
RESULTS = (
    "resultatet följs upp vid varje arbetsplatsträff",
    "effekterna syns redan i brukarundersökningen",
    "arbetet kommer att fortsätta under nästa år",
    "erfarenheterna sprids till övriga enheter",
    "uppföljningen visar en positiv utveckling",
)
JUDGED = (
    "har förbättrats jämfört med föregående år",
    "fortfarande behöver utvecklas",
    "ligger på en stabil nivå",
    "har påverkats av pandemin",
    "motsvarar förväntningarna",
)
NEEDS = ("viktigt", "nödvändigt", "en prioritet", "en utmaning")
TO_DO = ("säkerställa", "utveckla", "stärka", "följa upp", "synliggöra")
WHY = (
    "",
    " för att öka delaktigheten",
    " utifrån ett jämställdhetsperspektiv",
    " i samverkan med andra aktörer",
    " så att kvaliteten blir likvärdig",
)
DOING = ("följer upp", "dokumenterar", "utvärderar", "analyserar", "prioriterar")
HOW_OFTEN = (
    "varje månad",
    "regelbundet",
    "i det dagliga arbetet",
    "tillsammans med controller",
    "på arbetsplatsträffarna",
)
PEOPLE = ("medarbetare", "brukare", "deltagare", "chefer", "vårdnadshavare")
EVENTS = ("utbildningen", "workshopen", "nätverksträffarna", "den digitala introduktionen", "studiebesöken")
OBJECTS = {
    F: (
        "barnens språkutveckling",
        "den pedagogiska dokumentationen",
        "lärmiljöerna inomhus och utomhus",
        "samverkan med vårdnadshavare",
        "undervisningen i förskolan",
        "inskolningen av nya barn",
        "barnens inflytande",
    ),
    S: (
        "stödet till barn och unga",
        "samverkan med hälso- och sjukvården",
        "brukarnas delaktighet",
        "handläggningstiderna",
        "arbetet mot våld i nära relationer",
        "den sociala dokumentationen",
        "insatserna för personer med funktionsnedsättning",
    ),
    A: (
        "kontinuiteten i hemtjänsten",
        "måltidssituationen för de boende",
        "arbetet mot ofrivillig ensamhet",
        "genomförandeplanerna",
        "välfärdstekniken",
        "de äldres inflytande över insatserna",
        "det förebyggande arbetet mot fall",
    ),
    M: (
        "skötseln av parker och grönområden",
        "renhållningen i parkerna",
        "belysningen på otrygga platser",
        "den biologiska mångfalden",
        "framkomligheten på parkvägarna",
        "dialogen med invånarna",
    ),
    X: (
        "den interna kontrollen",
        "uppföljningen av avtal",
        "introduktionen av nya medarbetare",
        "de administrativa processerna",
        "kommunikationen med invånarna",
        "ekonomistyrningen",
    ),
    "": (
        "arbetsmiljön",
        "det systematiska kvalitetsarbetet",
        "kompetensutvecklingen",
        "digitaliseringen",
        "hanteringen av synpunkter och klagomål",
        "budgetuppföljningen",
        "hälsofrämjande insatser för personalen",
        "källsorteringen",
    ),
}
ACTORS = {
    F: ("Förskoleavdelningen", "Förskolorna"),
    S: ("Avdelningen för social omsorg", "Socialtjänsten", "Socialnämnden och stadsdelsnämnderna"),
    A: ("Äldreomsorgen", "Avdelningen för äldreomsorg", "Äldrenämnden och stadsdelsnämnderna"),
    M: ("Stadsmiljöavdelningen", "Trafiknämnden och stadsdelsnämnderna"),
    X: ("Stadsdelsdirektörens stab", "Kommunstyrelsen och stadsdelsnämnderna"),
    "": ("Förvaltningen", "Förvaltningens verksamheter", "Stadsdelsnämnden", "Enheterna"),
}
ACTIONS = (
    "utveckla",
    "stärka",
    "följa upp",
    "kartlägga",
    "se över",
    "samordna",
    "fortsätta arbetet med",
    "utvärdera",
    "genomföra en genomlysning av",
    "implementera nya rutiner för",
)
AIMS = (
    "",
    " för att öka kvaliteten i verksamheten",
    " i syfte att stärka tryggheten",
    " så att fler invånare nås",
    " utifrån ett jämställdhetsperspektiv",
    " i dialog med brukare och anhöriga",
    " i samverkan med civilsamhället",
    " inom ramen för befintlig budget",
)
UNIT_HEADINGS = (
    "Värdegrund",
    "Aktiviteter och analys",
    "Satsningar och förändringar",
    "Utvecklingsarbete",
    "Kompetensutveckling",
    "Medarbetare och arbetsmiljö",
    "Ekonomi",
    "Samverkan",
    "Brukarnas delaktighet",
)
DESCRIPTIONS = {
    F: "{namn} består av {a} förskolor med sammanlagt {b} avdelningar och cirka {c} barn.",
    S: "{namn} ger stöd och service till cirka {c} personer i stadsdelsområdet.",
    A: "{namn} ger vård och omsorg till cirka {c} äldre kvinnor och män.",
    M: "{namn} ansvarar för skötsel och utveckling av parker och grönområden i {b} delar av stadsdelsområdet.",
    X: "{namn} stödjer förvaltningens verksamheter och har {a} huvudsakliga ansvarsområden.",
}
INVESTMENTS = (
    "Parkinvesteringar",
    "Reinvesteringar",
    "Inventarier och maskiner",
    "Klimatinvesteringar",
    "Trygghetsinvesteringar",
    "Övrigt",
)
INCOME_LINES = ("Taxor och avgifter", "Hyresintäkter", "Bidrag", "Försäljning av verksamhet", "Övriga externa intäkter")
COST_LINES = (
    "Personalkostnader",
    "Övriga personalkostnader",
    "Lokalkostnader",
    "Entreprenader och köp av verksamhet",
    "Övriga kostnader",
)


# --------------------------------------------------------------------------
# Random helpers


def _rng(seed: int, district: int, *parts: object) -> random.Random:
    """A generator of its own for one thing being made, so nothing depends on the order things are made in."""
    return random.Random(":".join(map(str, (seed, district, *parts))))


def _weighted(rng: random.Random, choices: dict[str, float]) -> str:
    """One key, drawn with the given weights."""
    return rng.choices(list(choices), weights=list(choices.values()))[0]


def split_int(total: int, weights: list[float]) -> list[int]:
    """Split a whole number into parts proportional to `weights` that add up to exactly `total`."""
    sign, total = (-1 if total < 0 else 1), abs(total)
    whole = sum(weights) or 1.0
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return [sign * p for p in parts]


def _genitive(name: str) -> str:
    """Swedish genitive: Ekdal -> Ekdals, Fruängens stays as it is."""
    return name if name[-1] in "sxz" else f"{name}s"


def _words(text: str) -> int:
    """Words in a text, as a reader counts them."""
    return len(text.split())


def _sv(value: float, decimals: int = 1) -> str:
    """A number as Swedish text: decimal comma, space between thousands."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, pattern, locale="sv_SE").replace("\xa0", " ")


def _mnkr(tenths: int) -> str:
    """Tenths of mnkr as text without sign: 24 -> "2,4 mnkr"."""
    return f"{_sv(abs(tenths) / 10)} mnkr"


# --------------------------------------------------------------------------
# Prose


class Prose:
    """Swedish-looking sentences and paragraphs from the word lists, for one avdelning ("*": all of them)."""

    def __init__(self, rng: random.Random, domain: str = "", period: str = "VP") -> None:
        self.rng = rng
        self.objects = sum(OBJECTS.values(), ()) if domain == "*" else OBJECTS.get(domain, ()) + OBJECTS[""]
        self.times = TIMES[period]

    def sentence(self) -> str:
        """One sentence of at most 24 words."""
        r, obj = self.rng, self.rng.choice(self.objects)
        kind = r.randrange(7)
        if kind == 0:
            return f"{r.choice(SUBJECTS)} har under {r.choice(self.times)} {r.choice(DONE)} {obj}."
        if kind == 1:
            return f"Under {r.choice(self.times)} har {r.choice(SUBJECTS).lower()} {r.choice(DONE)} {obj}."
        if kind == 2:
            return f"Arbetet med {obj} {r.choice(GOING)} och {r.choice(RESULTS)}."
        if kind == 3:
            return f"{r.choice(SUBJECTS)} bedömer att {obj} {r.choice(JUDGED)}."
        if kind == 4:
            return f"Det har varit {r.choice(NEEDS)} att {r.choice(TO_DO)} {obj}{r.choice(WHY)}."
        if kind == 5:
            return f"{r.choice(SUBJECTS)} {r.choice(DOING)} {obj} {r.choice(HOW_OFTEN)}."
        return f"Under {r.choice(self.times)} har {r.randint(2, 40)} {r.choice(PEOPLE)} deltagit i {r.choice(EVENTS)}."

    def expectation(self) -> str:
        """One sentence of a förväntat resultat."""
        r, obj = self.rng, self.rng.choice(self.objects)
        subject = f"{obj[0].upper()}{obj[1:]}"
        return r.choice(
            (
                f"{subject} har utvecklats och följs upp regelbundet.",
                f"Medarbetarna känner till och arbetar efter rutinerna för {obj}.",
                f"{subject} håller en jämn och hög kvalitet.",
                f"Fler {r.choice(PEOPLE)} är nöjda med {obj} än föregående år.",
                f"{subject} bidrar till ökad delaktighet och trygghet.",
            )
        )

    def text(self, low: int, high: int, lead: str = "", skew: float = 1.0) -> str:
        """Paragraphs of 3–6 sentences, `low`–`high` words in all (a sentence has at most 24; `lead` counts).

        A `skew` above 1 makes short texts more common than long ones, as in real reports.
        """
        return self._paragraphs(low + int((high - 24 - low) * self.rng.random() ** skew), lead)

    def _paragraphs(self, target: int, lead: str = "") -> str:
        """Sentences until `target` words, grouped into paragraphs."""
        sentences = [lead] if lead else []
        count = _words(lead)
        while count < target:
            sentences.append(self.sentence())
            count += _words(sentences[-1])
        paragraphs, start = [], 0
        while start < len(sentences):
            size = self.rng.randint(3, 6)
            paragraphs.append(" ".join(sentences[start : start + size]))
            start += size
        return "\n\n".join(paragraphs)

    def sections(self, low: int, high: int, headings: list[str], lead: str = "", skew: float = 1.0) -> str:
        """A text with ### sub-headings; `low`–`high` words not counting the headings."""
        target = low + int((high - 24 * len(headings) - low) * self.rng.random() ** skew)
        shares = split_int(target, [self.rng.uniform(0.7, 1.3) for _ in headings])
        parts = []
        for index, (heading, share) in enumerate(zip(headings, shares)):
            first = lead if index == 0 else ""
            parts.append(f"### {heading}\n\n{self._paragraphs(share, first)}")
        return "\n\n".join(parts)

    def analysis(self, lead: str = "") -> str:
        """An analysis of 50–200 words, most often near 50."""
        return self.text(50, 200, lead, skew=3.0)


# --------------------------------------------------------------------------
# The organisation


@dataclass(frozen=True)
class Unit:
    """One synthetic unit as it stands in organisation.yml."""

    id: str
    namn: str
    avdelning: str
    omrade: str
    resultatenhet: bool
    enhetschef: str


def district_id(district: int) -> str:
    """The council id of district number `district` (0–12), e.g. hagersten-alvsjo."""
    return slug(DISTRICTS[district])


def _unique(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … when it is taken; the id is then taken."""
    base = base[:74].strip("-")
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def _person(rng: random.Random) -> str:
    """A made-up name for a manager or official."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _unit_name(rng: random.Random, department: Department, used: set[str]) -> tuple[UnitKind, str]:
    """A unit name not used before: a kind of unit in a made-up place."""
    for _ in range(50):
        kind = rng.choice(department.kinds)
        place = rng.choice(PLACE_START) + rng.choice(PLACE_END)
        name = kind.name.format(place=place, gen=_genitive(place))
        if name not in used:
            used.add(name)
            return kind, name
    name = f"{name} {len(used) + 1}"
    used.add(name)
    return kind, name


def make_units(count: int, seed: int, district: int) -> list[Unit]:
    """`count` units spread over the avdelningar by their shares; about one in ten is a resultatenhet."""
    rng = _rng(seed, district, "organisation")
    names: set[str] = set()
    drafts = [
        (department, *_unit_name(rng, department, names))
        for department, size in zip(DEPARTMENTS, split_int(count, [d.share for d in DEPARTMENTS]))
        for _ in range(size)
    ]
    able = [i for i, (_, kind, _) in enumerate(drafts) if kind.result_unit]
    others = [i for i in range(len(drafts)) if i not in set(able)]
    wanted = max(1, int(count * RESULT_UNIT_SHARE + 0.5))
    chosen = set(rng.sample(able, min(wanted, len(able))))
    chosen |= set(rng.sample(others, wanted - len(chosen)))
    ids = {district_id(district)}
    return [
        Unit(_unique(slug(name, 8), ids), name, department.id, kind.area, index in chosen, _person(rng))
        for index, (department, kind, name) in enumerate(drafts)
    ]


def organisation_data(district: int, units: list[Unit]) -> dict[str, Any]:
    """organisation.yml: the council, the verksamhetsområden of its driftbudget, avdelningar and units."""
    name, council = DISTRICTS[district], district_id(district)
    return {
        "namnd": {
            "id": council,
            "namn": f"{name} stadsdelsnämnd",
            "forvaltning": f"{name} stadsdelsförvaltning",
            "adress": [f"Box {100 + 37 * district}", f"1{20 + district} {10 + district} Stockholm"],
            "telefon": f"08-508{20 + district:02d}000",
            "epost": f"{council}@example.se",
            "webb": f"https://example.se/{council}",
        },
        "verksamhetsomraden": [{"id": area, "namn": title} for area, title in AREAS],
        "avdelningar": [{"id": d.id, "namn": d.namn} for d in DEPARTMENTS],
        "enheter": [
            {
                "id": u.id,
                "namn": u.namn,
                "avdelning": u.avdelning,
                "verksamhetsomrade": u.omrade,
                "resultatenhet": u.resultatenhet,
                "enhetschef": u.enhetschef,
            }
            for u in units
        ],
    }


# --------------------------------------------------------------------------
# The goal catalogue of a year


class CatIndicator(NamedTuple):
    """An indicator as written in the catalogue, its spec and who reports it."""

    data: dict[str, Any]
    spec: IndicatorSpec
    domains: frozenset[str]


@dataclass
class Node:
    """A KF mål or a nämndmål of one catalogue, with who works on it."""

    key: str
    head: dict[str, Any]
    domains: frozenset[str]
    indicators: list[CatIndicator] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    enhetsmal: tuple[str, ...] = ()
    children: list[Node] = field(default_factory=list)

    def entry(self) -> dict[str, Any]:
        """The node as written in katalog/<år>.yml."""
        data = {**self.head, "indikatorer": [i.data for i in self.indicators], "aktiviteter": self.activities}
        if "nr" in self.head:
            data["namndmal"] = [child.entry() for child in self.children]
        return data


@dataclass
class Catalogue:
    """One year's catalogue: its YAML data and its goals by inriktningsmål."""

    year: int
    goals: list[tuple[str, list[Node]]]

    def data(self) -> dict[str, Any]:
        """katalog/<år>.yml."""
        titles = dict(DIRECTIONS)
        return {
            "ar": self.year,
            "inriktningsmal": [
                {"nr": nr, "titel": titles[nr], "mal": [node.entry() for node in nodes]} for nr, nodes in self.goals
            ],
        }


def make_catalogue(year: int, seed: int, district: int, units: list[Unit]) -> Catalogue:
    """The catalogue of `year`: the city's goals, the council's goals, indicators and about 150 activities."""
    rng = _rng(seed, district, "katalog", year)
    used: set[str] = set()
    goals: dict[str, list[Node]] = {nr: [] for nr, _ in DIRECTIONS}
    for spec in GOALS:
        goals[spec.nr.split(".")[0]].append(_goal_node(rng, spec, year, district, units, used))
    return Catalogue(year, list(goals.items()))


def _goal_node(rng: random.Random, spec: GoalSpec, year: int, district: int, units: list[Unit], used: set[str]) -> Node:
    """A KF mål with its nämndmål; each indicator lands on the goal or on one of its nämndmål."""
    children = [_council_goal_node(rng, c, year, district, units, used) for c in spec.namndmal]
    node = Node(spec.nr, {"nr": spec.nr, "titel": spec.titel}, spec.domains, children=children)
    node.activities = _activities(rng, spec.domains, year, units, used, rng.randint(1, 3), 0.8)
    for indicator in spec.indicators:
        domains = spec.domains if indicator.domains is None else indicator.domains
        holders = [c for c in children if domains & c.domains]
        holder = rng.choice(holders) if holders and rng.random() < 0.4 else node
        reporters = sum(1 for u in units if u.avdelning in domains)
        data = _indicator_entry(rng, indicator, holder is node, reporters, used)
        holder.indicators.append(CatIndicator(data, indicator, domains))
    return node


def _council_goal_node(
    rng: random.Random, spec: CouncilGoalSpec, year: int, district: int, units: list[Unit], used: set[str]
) -> Node:
    """A nämndmål: description and expected result written once, and its activities."""
    name = DISTRICTS[district]
    title = spec.titel.format(d=name, dg=_genitive(name))
    prose = Prose(rng, next(iter(spec.domains)) if len(spec.domains) == 1 else "")
    description = prose.text(100, 300)
    if rng.random() < 0.6:
        description += f"\n\n### {rng.choice(UNIT_HEADINGS)}\n\n{prose.text(50, 150)}"
    if rng.random() < 0.4:
        expected = "\n".join(f"- {prose.expectation()}" for _ in range(rng.randint(2, 4)))
    else:
        expected = " ".join(prose.expectation() for _ in range(rng.randint(3, 6)))
    head = {"id": readable_id(title, used), "titel": title, "beskrivning": description, "forvantat_resultat": expected}
    node = Node(head["id"], head, spec.domains, enhetsmal=spec.enhetsmal)
    node.activities = _activities(rng, spec.domains, year, units, used, rng.randint(5, 10), 0.55)
    return node


def _value(spec: IndicatorSpec, value: float) -> int | float:
    """An indicator value as written: whole numbers for sums and wide ranges, else one decimal."""
    if spec.enhet == "%":
        value = min(100.0, max(0.0, value))
    value = max(0.0, value)
    if spec.aggregering == "summa" or (spec.enhet != "%" and spec.hi - spec.lo > 10):
        return int(round(value))
    return round(value, 1)


def _indicator_entry(
    rng: random.Random, spec: IndicatorSpec, on_goal: bool, reporters: int, used: set[str]
) -> dict[str, Any]:
    """The catalogue entry; a summed indicator's target is about what the reporting units add up to."""
    target = rng.uniform(spec.lo, spec.hi)
    if spec.aggregering == "summa":
        target *= max(1, round(reporters * FOLLOW_SHARE))
    origin = "KF" if on_goal and rng.random() < 0.7 else "nämnd"
    data: dict[str, Any] = {
        "id": readable_id(spec.namn, used),
        "namn": spec.namn,
        "enhet": spec.enhet,
        "ursprung": origin,
        "jamstalldhet": spec.jamstalldhet,
        "riktning": spec.riktning,
        "aggregering": spec.aggregering,
        "frekvens": spec.frekvens,
        "arsmal": _value(spec, target),
    }
    if origin == "KF":
        data["kf_arsmal"] = data["arsmal"] if rng.random() < 0.6 else "Tas fram av nämnd"
    return data


def _activities(
    rng: random.Random, domains: frozenset[str], year: int, units: list[Unit], used: set[str], count: int, to_all: float
) -> list[dict[str, Any]]:
    """Activities under one goal: most are for every unit, the rest for a few units of the goal's avdelningar."""
    pool = [u.id for u in units if u.avdelning in domains]
    found = []
    for _ in range(count):
        domain = rng.choice(sorted(domains)) if domains and rng.random() < 0.6 else ""
        text = (
            f"{rng.choice(ACTORS[domain])} ska {rng.choice(ACTIONS)} {rng.choice(OBJECTS[domain])}{rng.choice(AIMS)}."
        )
        start, end = _activity_dates(rng, year)
        chosen: list[str] | str = "alla"
        if pool and rng.random() >= to_all:
            picked = set(rng.sample(pool, min(len(pool), rng.randint(1, 5))))
            chosen = [unit for unit in pool if unit in picked]
        found.append({"id": readable_id(text, used), "text": text, "start": start, "slut": end, "galler": chosen})
    return found


def _activity_dates(rng: random.Random, year: int) -> tuple[date, date]:
    """Mostly the calendar year; some started the year before or run into the next."""
    if rng.random() < 0.15:
        return date(year - 1, 1, 1), date(year, 12, 31)
    start = date(year, rng.choice((1, 1, 1, 2, 3, 4, 6, 9)), 1)
    if start.month <= 3 and rng.random() < 0.15:
        return start, date(year, 6, 30)
    return start, date(year + 1 if rng.random() < 0.2 else year, 12, 31)


# --------------------------------------------------------------------------
# What a unit follows up in a year, and its budget


class Tracked(NamedTuple):
    """An indicator a unit follows: the unit's own target (summed indicators) and last year's outcome."""

    cat: CatIndicator
    target: int | float | None
    previous: int | float | None


@dataclass
class Follow:
    """What one unit follows up under one KF mål or nämndmål during a year."""

    node: Node
    indicators: list[Tracked]
    activities: list[dict[str, Any]]
    enhetsmal: list[tuple[str, str]]  # (titel, förväntat resultat)
    children: list[Follow] = field(default_factory=list)


class Budget(NamedTuple):
    """A unit's budget for a year in tkr, line by line."""

    income: list[int]
    costs: list[int]

    @property
    def brutto(self) -> int:
        """Gross budget: all costs."""
        return sum(self.costs)

    @property
    def net(self) -> int:
        """Net budget: costs less income."""
        return sum(self.costs) - sum(self.income)


@dataclass
class World:
    """One district being made: its units and catalogues, and what is drawn once per unit and year."""

    seed: int
    district: int
    units: list[Unit]
    years: list[int]
    catalogues: dict[int, Catalogue]
    plans: dict[tuple[str, int], list[tuple[str, list[Follow]]]] = field(default_factory=dict)
    budgets: dict[tuple[str, int], Budget] = field(default_factory=dict)
    funds: dict[tuple[str, int], int] = field(default_factory=dict)
    results: dict[tuple[str, int], int] = field(default_factory=dict)

    def rng(self, *parts: object) -> random.Random:
        """A generator for one thing in this district."""
        return _rng(self.seed, self.district, *parts)

    def plan(self, unit: Unit, year: int) -> list[tuple[str, list[Follow]]]:
        """What `unit` follows up in `year`, the same in every period of the year."""
        key = (unit.id, year)
        if key not in self.plans:
            self.plans[key] = _plan(self.rng("plan", unit.id, year), self.catalogues[year], unit)
        return self.plans[key]

    def budget(self, unit: Unit, year: int) -> Budget:
        """The unit's budget lines for `year`."""
        key = (unit.id, year)
        if key not in self.budgets:
            self.budgets[key] = _budget(self.rng("budget", unit.id, year), unit)
        return self.budgets[key]

    def fund(self, unit: Unit, year: int) -> int:
        """A resultatenhet's accumulated surplus brought into `year` (tkr; a deficit is negative)."""
        key = (unit.id, year)
        if key not in self.funds:
            index = self.years.index(year)
            if index == 0:
                self.funds[key] = int(self.budget(unit, year).brutto * self.rng("fond", unit.id).uniform(0, 0.08))
            else:
                before = self.years[index - 1]
                self.funds[key] = self.fund(unit, before) + self.result(unit, before)
        return self.funds[key]

    def result(self, unit: Unit, year: int) -> int:
        """The year's net deviation from budget as the VB reports it (tkr, surplus positive)."""
        key = (unit.id, year)
        if key not in self.results:
            brutto = self.budget(unit, year).brutto
            drawn = int(brutto * self.rng("resultat", unit.id, year).gauss(0.004, 0.015))
            self.results[key] = self._limited(unit, year, drawn)
        return self.results[key]

    def period_result(self, unit: Unit, year: int, period: str) -> int:
        """The net deviation a report shows: the year's result in VB, a forecast near it in T1 and T2."""
        if period == "VB":
            return self.result(unit, year)
        if period == "VP":  # a plan: no deviation, unless a too large fund must be used up
            return self._limited(unit, year, 0)
        spread = {"T1": 0.012, "T2": 0.006}.get(period, 0.0)
        noise = int(self.budget(unit, year).brutto * self.rng("prognos", unit.id, year, period).gauss(0, spread))
        return self._limited(unit, year, self.result(unit, year) + noise)

    def _limited(self, unit: Unit, year: int, deviation: int) -> int:
        if not unit.resultatenhet:
            return deviation
        return within_rules(self.budget(unit, year).brutto, self.fund(unit, year), deviation)


def within_rules(brutto: int, fund: int, deviation: int) -> int:
    """A resultatenhet's result kept just inside the rules (`rollup.economy`), so no synthetic figure sits on a limit.

    A deficit is held to 3 % of gross budget, unless a fund already above 10 % must be brought down.
    """
    high = math.ceil(eco.largest_surplus(brutto, fund)) - 1
    return min(high, max(-(brutto * 3 // 100), deviation))


def _budget(rng: random.Random, unit: Unit) -> Budget:
    """Gross costs by line and income by line, drawn from the size of the avdelning's units."""
    low, high = DEPARTMENT[unit.avdelning].brutto
    brutto = rng.randint(low, high)
    costs = split_int(
        brutto,
        [
            rng.uniform(0.55, 0.75),
            rng.uniform(0.005, 0.02),
            rng.uniform(0.08, 0.2),
            rng.uniform(0, 0.15),
            rng.uniform(0.03, 0.1),
        ],
    )
    income_weights = [
        rng.uniform(0.2, 0.6),
        rng.choice((0, rng.uniform(0, 0.2))),
        rng.choice((0, rng.uniform(0, 0.3))),
        rng.uniform(0, 0.4),
        rng.uniform(0, 0.05),
    ]
    return Budget(split_int(int(brutto * rng.uniform(0.03, 0.35)), income_weights), costs)


def _plan(rng: random.Random, catalogue: Catalogue, unit: Unit) -> list[tuple[str, list[Follow]]]:
    """The goals of the catalogue that concern the unit's avdelning, and what it follows under each."""
    plan = []
    for direction, nodes in catalogue.goals:
        follows = []
        for node in nodes:
            children = [
                _follow(rng, child, unit, 0.12)
                for child in node.children
                if unit.avdelning in child.domains and (child.domains != ALL or rng.random() < 0.75)
            ]
            own = _follow(rng, node, unit, 0.05)
            if children or own.indicators or own.activities:
                own.children = children
                follows.append(own)
        if follows:
            plan.append((direction, follows))
    return plan


def _follow(rng: random.Random, node: Node, unit: Unit, to_all: float) -> Follow:
    """Indicators of the unit's avdelning, activities assigned to it, and 0–2 enhetsmål."""
    indicators = [
        _tracked(rng, item)
        for item in node.indicators
        if unit.avdelning in item.domains and rng.random() < FOLLOW_SHARE
    ]
    activities = [
        a for a in node.activities if (a["galler"] == "alla" and rng.random() < to_all) or unit.id in a["galler"]
    ]
    draw = rng.random()
    count = min(len(node.enhetsmal), 1 if draw < 0.6 else 2 if draw < 0.75 else 0)
    prose = Prose(rng, unit.avdelning)
    own_goals = [
        (title, " ".join(prose.expectation() for _ in range(rng.randint(1, 2))))
        for title in rng.sample(node.enhetsmal, count)
    ]
    return Follow(node, indicators, activities, own_goals)


def _tracked(rng: random.Random, item: CatIndicator) -> Tracked:
    """An indicator a unit follows, with what stays the same all year."""
    spec = item.spec
    target = _value(spec, rng.uniform(spec.lo, spec.hi)) if spec.aggregering == "summa" else None
    basis = target if target is not None else item.data["arsmal"]
    previous = _draw(rng, spec, basis) if spec.frekvens == "period" or rng.random() < 0.5 else None
    return Tracked(item, target, previous)


def _draw(rng: random.Random, spec: IndicatorSpec, target: float) -> int | float:
    """An outcome near the target, a little more often on the good side."""
    if spec.aggregering == "summa":
        return _value(spec, target * rng.uniform(0.75, 1.3))
    spread = max((spec.hi - spec.lo) / 3, 0.2)
    better = 1 if spec.riktning == "högre" else -1
    return _value(spec, target + better * rng.gauss(0.2 * spread, spread))


# --------------------------------------------------------------------------
# A unit's report


STATUS_WEIGHTS = {
    "T1": {STATUS_FULL: 0.6, STATUS_PART: 0.33, STATUS_NOT: 0.07},
    "T2": {STATUS_FULL: 0.6, STATUS_PART: 0.33, STATUS_NOT: 0.07},
    "VB": {STATUS_FULL: 0.55, STATUS_PART: 0.35, STATUS_NOT: 0.10},
}
ACTIVITY_STATES = {
    "VP": {"ej påbörjad": 0.8, "pågående": 0.2},
    "T1": {"pågående": 0.75, "ej påbörjad": 0.2, "klar": 0.05},
    "T2": {"pågående": 0.7, "klar": 0.2, "ej påbörjad": 0.1},
    "VB": {"klar": 0.65, "pågående": 0.25, "avbruten": 0.05, "ej påbörjad": 0.05},
}
DEVIATIONS = (
    "Aktiviteten har skjutits upp till nästa år på grund av ändrade förutsättningar.",
    "Aktiviteten avbröts eftersom den ersatts av ett gemensamt arbete i förvaltningen.",
    "Aktiviteten har inte kunnat genomföras på grund av hög sjukfrånvaro under perioden.",
)
OUTCOME_FIELDS = ROLLED_FIELDS  # the figures of an indicator's outcome that roll up


@dataclass
class Facts:
    """What a unit's report says that the council's report builds on."""

    statuses: dict[str, list[str]] = field(default_factory=dict)  # nämndmål id -> enhetsmål statuses
    outcomes: dict[str, dict[str, Any]] = field(default_factory=dict)  # indicator id -> outcome


def status_lead(status: str, period: str) -> str:
    """The first sentence of an analysis: how the goal is judged (a forecast in tertial reports)."""
    forecast = period in TERTIALS
    if status == STATUS_FULL:
        return "Målet bedöms uppfyllas helt under året." if forecast else "Målet har uppfyllts under året."
    if status == STATUS_PART:
        return "Målet bedöms uppfyllas delvis under året." if forecast else "Målet har uppfyllts delvis."
    return "Målet bedöms inte uppfyllas under året." if forecast else "Målet har inte uppfyllts."


def _worse(value: Any, target: Any, direction: str) -> bool:
    """True when a value misses its target in the indicator's good direction."""
    if not isinstance(value, (int, float)) or not isinstance(target, (int, float)):
        return False
    return value < target if direction == "högre" else value > target


def outcome(rng: random.Random, prose: Prose, tracked: Tracked, period: str) -> dict[str, Any]:
    """One indicator's outcome in a report; below target always comes with an analysis."""
    spec = tracked.cat.spec
    target = tracked.target if tracked.target is not None else tracked.cat.data["arsmal"]
    values: dict[str, Any] = {}
    if period != "VP":
        full = _draw(rng, spec, target)
        if period == "VB":
            values["utfall"] = full
        else:
            values["prognos"] = full
            if spec.frekvens == "period":
                share = 4 / 12 if period == "T1" else 8 / 12
                values["utfall"] = (
                    _value(spec, full * share) if spec.aggregering == "summa" else _draw(rng, spec, target)
                )
        if spec.kon and "utfall" in values:
            values.update(_by_sex(rng, spec, values["utfall"]))
        if tracked.previous is not None:
            values["utfall_foregaende"] = tracked.previous
        if spec.aggregering == "viktat medel":
            values["vikt"] = rng.randint(8, 300)
    return _outcome_entry(rng, prose, tracked, values, target, period)


def _outcome_entry(
    rng: random.Random, prose: Prose, tracked: Tracked, values: dict[str, Any], target: Any, period: str
) -> dict[str, Any]:
    """The outcome in the order of the content format, with an analysis where it is needed."""
    entry: dict[str, Any] = {"id": tracked.cat.data["id"]}
    for name in (*OUTCOME_FIELDS, "arsmal", "vikt"):
        value = tracked.target if name == "arsmal" else values.get(name)
        if value is not None:
            entry[name] = value
    judged = values.get("prognos", values.get("utfall")) if period in TERTIALS else values.get("utfall")
    if _worse(judged, target, tracked.cat.spec.riktning):
        entry["analys"] = prose.analysis("Utfallet når inte upp till årsmålet.")
    elif judged is not None and rng.random() < 0.2:
        entry["analys"] = prose.analysis()
    return entry


def _by_sex(rng: random.Random, spec: IndicatorSpec, value: int | float) -> dict[str, int | float]:
    """Outcomes for men and women whose mean (or sum) is the outcome."""
    if spec.aggregering == "summa":
        half = int(value * rng.uniform(0.3, 0.7))
        return {"utfall_man": half, "utfall_kvinnor": int(value) - half}
    gap = rng.gauss(0, 3)
    return {"utfall_man": _value(spec, value + gap), "utfall_kvinnor": _value(spec, value - gap)}


def _activity_followup(rng: random.Random, prose: Prose, activity: dict[str, Any], period: str) -> dict[str, Any]:
    """State, deviation and analysis of one activity in one report."""
    state = _weighted(rng, ACTIVITY_STATES[period])
    entry: dict[str, Any] = {"id": activity["id"], "status": state}
    if period == "VB" and state in ("avbruten", "ej påbörjad"):
        entry["avvikelse"] = rng.choice(DEVIATIONS)
    if period != "VP" and rng.random() < 0.7:
        entry["analys"] = prose.analysis()
    return entry


def _own_goal(rng: random.Random, prose: Prose, title: str, expected: str, period: str) -> dict[str, Any]:
    """An enhetsmål; anything short of fully met is explained."""
    status = STATUS_NONE if period == "VP" else _weighted(rng, STATUS_WEIGHTS[period])
    entry = {"titel": title, "status": status, "forvantat_resultat": expected}
    if status != STATUS_NONE and (status != STATUS_FULL or rng.random() < 0.5):
        entry["analys"] = prose.analysis(status_lead(status, period))
    return entry


def _leaves(rng: random.Random, prose: Prose, follow: Follow, period: str, facts: Facts) -> dict[str, Any]:
    """The indicators and activities a unit follows under one goal."""
    found: dict[str, Any] = {}
    if follow.indicators:
        found["indikatorer"] = [outcome(rng, prose, tracked, period) for tracked in follow.indicators]
        facts.outcomes.update({entry["id"]: entry for entry in found["indikatorer"]})
    if follow.activities:
        found["aktiviteter"] = [_activity_followup(rng, prose, a, period) for a in follow.activities]
    return found


def _goal_followup(rng: random.Random, prose: Prose, follow: Follow, period: str, facts: Facts) -> dict[str, Any]:
    """A KF mål in a unit's report: no assessment at this level, the unit's work below it."""
    entry: dict[str, Any] = {"nr": follow.node.key, "status": STATUS_NONE, **_leaves(rng, prose, follow, period, facts)}
    if follow.children:
        entry["namndmal"] = []
    for child in follow.children:
        item: dict[str, Any] = {
            "id": child.node.key,
            "status": STATUS_NONE,
            **_leaves(rng, prose, child, period, facts),
        }
        if child.enhetsmal:
            item["enhetsmal"] = [_own_goal(rng, prose, title, expected, period) for title, expected in child.enhetsmal]
            facts.statuses[child.node.key] = [goal["status"] for goal in item["enhetsmal"]]
        entry["namndmal"].append(item)
    return entry


def _unit_summary(rng: random.Random, prose: Prose, unit: Unit) -> str:
    """Sammanfattande analys: 400–800 words under 3–5 sub-headings, opening with what the unit does."""
    staff = rng.randint(8, 120)
    women = int(staff * rng.uniform(0.55, 0.85))
    lead = (
        DESCRIPTIONS[unit.avdelning].format(
            namn=unit.namn, a=rng.randint(3, 9), b=rng.randint(4, 40), c=rng.randint(40, 600)
        )
        + f" Enheten har {staff} medarbetare, varav {women} kvinnor och {staff - women} män."
    )
    headings = ["Verksamhetsbeskrivning", *rng.sample(UNIT_HEADINGS, rng.randint(2, 4))]
    return prose.sections(400, 800, headings, lead, skew=3.0)


def _result_phrase(amount: int, unit: str) -> str:
    """A deviation in words: "ett överskott om 1 134 tkr", "ett underskott om 2,4 mnkr", "ingen avvikelse"."""
    if amount > 0:
        return f"ett överskott om {_sv(amount, 0)} tkr" if unit == "tkr" else f"ett överskott om {_mnkr(amount)}"
    if amount < 0:
        return f"ett underskott om {_sv(-amount, 0)} tkr" if unit == "tkr" else f"ett underskott om {_mnkr(amount)}"
    return "ingen avvikelse"


def income_statement(rng: random.Random, unit: Unit, budget: Budget, deviation: int, period: str) -> dict[str, Any]:
    """A resultaträkning in tkr whose lines, sums and net deviation (= `deviation`) add up exactly."""
    income = [
        max(0, b + int(b * rng.gauss(0, 0.05))) if b else rng.choice((0, 0, rng.randint(10, 400)))
        for b in budget.income
    ]
    costs = [max(0, c + int(c * rng.gauss(0, 0.04))) for c in budget.costs]
    costs[0] = budget.net - deviation + sum(income) - sum(costs[1:])  # personnel costs take up the rest
    return {
        "enhet": unit.namn,
        "enhetschef": unit.enhetschef,
        "belopp": "tkr",
        "utfall_rubrik": "Utfall" if period == "VB" else "Prognos helår",
        "intakter": [
            {"namn": n, "utfall": u, "budget": b, "avvikelse": u - b}
            for n, u, b in zip(INCOME_LINES, income, budget.income)
        ],
        "summa_intakter": {
            "utfall": sum(income),
            "budget": sum(budget.income),
            "avvikelse": sum(income) - sum(budget.income),
        },
        "kostnader": [
            {"namn": n, "utfall": u, "budget": b, "avvikelse": b - u}
            for n, u, b in zip(COST_LINES, costs, budget.costs)
        ],
        "summa_kostnader": {"utfall": sum(costs), "budget": budget.brutto, "avvikelse": budget.brutto - sum(costs)},
        "summa_netto": {
            "utfall": sum(costs) - sum(income),
            "budget": budget.net,
            "avvikelse": budget.net - (sum(costs) - sum(income)),
        },
    }


def _unit_economy(world: World, rng: random.Random, prose: Prose, unit: Unit, year: int, period: str) -> dict[str, Any]:
    """A plan states the budget; other reports explain the deviation beside the resultaträkning."""
    budget = world.budget(unit, year)
    if period == "VP":
        return {
            "driftbudget": [{"text": prose.analysis(f"Enhetens nettobudget för {year} är {_sv(budget.net, 0)} tkr.")}]
        }
    deviation = world.period_result(unit, year, period)
    verb = "redovisar" if period == "VB" else "prognostiserar"
    lead = f"Enheten {verb} {_result_phrase(deviation, 'tkr')} mot budget."
    return {
        "driftbudget": [
            {"text": prose.analysis(lead)},
            {"resultatrakning": income_statement(rng, unit, budget, deviation, period)},
        ]
    }


def _approval(rng: random.Random, year: int, period: str) -> date:
    """When a report is approved: just before the council meets about it."""
    month_of = {"VP": (year - 1, 12), "T1": (year, 5), "T2": (year, 9), "VB": (year + 1, 2)}
    when = month_of[period]
    return date(when[0], when[1], rng.randint(5, 15))


def unit_report(world: World, unit: Unit, year: int, period: str) -> tuple[dict[str, Any], Facts]:
    """rapporter/<enhet>/<år>-<period>.yml, and the facts the council's report builds on."""
    rng = world.rng("rapport", unit.id, year, period)
    prose = Prose(rng, unit.avdelning, period)
    facts = Facts()
    goals = [
        {"nr": direction, "mal": [_goal_followup(rng, prose, follow, period, facts) for follow in follows]}
        for direction, follows in world.plan(unit, year)
    ]
    other = f"### Synpunkter och klagomål\n\n{prose.text(30, 150, skew=3.0)}"
    if unit.avdelning in (S, A):
        other += f"\n\n### Lex Sarah\n\n{prose.text(30, 120, skew=3.0)}"
    report = {
        "organisation": unit.id,
        "ar": year,
        "period": period,
        "sammanfattande_analys": _unit_summary(rng, prose, unit),
        "inriktningsmal": goals,
        "ekonomi": _unit_economy(world, rng, prose, unit, year, period),
        "systematiskt_kvalitetsarbete": prose.analysis(),
        "ovrigt": other,
        "godkannanden": [{"namn": unit.enhetschef, "datum": _approval(rng, year, period)}],
    }
    return report, facts


# --------------------------------------------------------------------------
# The council's report: goals and indicators rolled up from the units


REPORT_NAMES = {
    "VP": "verksamhetsplanen",
    "T1": "tertialrapport 1",
    "T2": "tertialrapport 2",
    "VB": "verksamhetsberättelsen",
}
SHORT_NAMES = {F: "förskola", S: "social omsorg", A: "äldreomsorg", M: "stadsmiljö", X: "administration"}
RULES = (
    "Resultatenheter ska föra över hela sitt resultat, både över- och underskott, till följande år. "
    "Överföringen får som mest motsvara 5 % av bruttobudgeten innevarande år. Resultatfondens ackumulerade "
    "överförda överskott får maximalt motsvara 10 % av bruttobudgeten. Underskott ska täckas senast under "
    "nästkommande år, annars ska nämnden upplösa resultatenheten i samband med bokslutet."
)


def _council_status(rng: random.Random, statuses: list[str], period: str) -> str:
    """Met when at least half of the units' enhetsmål under it are fully met and none is unmet."""
    if period == "VP":
        return STATUS_NONE
    if not statuses:
        return _weighted(rng, {STATUS_FULL: 0.75, STATUS_PART: 0.2, STATUS_NOT: 0.05})
    if STATUS_NOT not in statuses and statuses.count(STATUS_FULL) >= len(statuses) / 2:
        return STATUS_FULL
    return STATUS_NOT if statuses.count(STATUS_NOT) >= len(statuses) * 0.3 else STATUS_PART


def _goal_status(rng: random.Random, statuses: list[str], period: str) -> str:
    """A KF mål is met when all its nämndmål are, not met when none is, otherwise partly."""
    if period == "VP":
        return STATUS_NONE
    if not statuses:
        return _council_status(rng, [], period)
    if set(statuses) == {STATUS_FULL}:
        return STATUS_FULL
    return STATUS_NOT if set(statuses) == {STATUS_NOT} else STATUS_PART


def _rolled_up(spec: IndicatorSpec, reported: list[dict[str, Any]]) -> dict[str, int | float | None]:
    """The council's figures: the units' figures rolled up by the roll-up's own rule (`rollup.aggregate.roll_up`)."""
    values = [
        IndicatorValue(
            enhet=str(number),
            enhet_namn=str(number),
            vikt=entry.get("vikt"),
            **{name: entry.get(name) for name in OUTCOME_FIELDS},
        )
        for number, entry in enumerate(reported)
    ]
    figures, _ = roll_up(values, spec.aggregering)
    return {name: figures[name] for name in OUTCOME_FIELDS}


def _council_outcome(
    rng: random.Random, prose: Prose, item: CatIndicator, reported: list[dict[str, Any]], period: str
) -> dict[str, Any]:
    """Rolled up from the units where they report it; otherwise the council's own measurement."""
    if not reported or item.spec.aggregering == "ingen" or period == "VP":
        previous = _draw(rng, item.spec, item.data["arsmal"]) if item.spec.frekvens == "period" else None
        entry = outcome(rng, prose, Tracked(item, None, previous), period)
        entry.pop("vikt", None)
        return entry
    values = _rolled_up(item.spec, reported)
    return _outcome_entry(rng, prose, Tracked(item, None, None), values, item.data["arsmal"], period)


def _council_leaves(rng: random.Random, prose: Prose, node: Node, period: str, facts: list[Facts]) -> dict[str, Any]:
    """The council follows up every indicator and activity of the catalogue, with analysis for some."""
    found: dict[str, Any] = {}
    if node.indicators:
        found["indikatorer"] = [
            _council_outcome(
                rng, prose, item, [f.outcomes[item.data["id"]] for f in facts if item.data["id"] in f.outcomes], period
            )
            for item in node.indicators
        ]
    if node.activities:
        found["aktiviteter"] = []
        for activity in node.activities:
            entry = _activity_followup(rng, prose, activity, period)
            if rng.random() < 0.6:
                entry.pop("analys", None)
            found["aktiviteter"].append(entry)
    return found


def _council_goals(
    rng: random.Random, prose: Prose, catalogue: Catalogue, period: str, facts: list[Facts]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every KF mål and nämndmål of the catalogue with status, analysis, indicators and activities."""
    directions, statuses = [], []
    for direction, nodes in catalogue.goals:
        goals = []
        for node in nodes:
            children = []
            for child in node.children:
                status = _council_status(rng, [s for f in facts for s in f.statuses.get(child.key, [])], period)
                children.append(
                    {
                        "id": child.key,
                        "status": status,
                        **_analysis(prose, status, period),
                        **_council_leaves(rng, prose, child, period, facts),
                    }
                )
            status = _goal_status(rng, [child["status"] for child in children], period)
            goals.append(
                {
                    "nr": node.key,
                    "status": status,
                    **_analysis(prose, status, period),
                    **_council_leaves(rng, prose, node, period, facts),
                    "namndmal": children,
                }
            )
            statuses.append(status)
        directions.append({"nr": direction, "mal": goals})
    return directions, statuses


def _analysis(prose: Prose, status: str, period: str) -> dict[str, str]:
    """An analysis led by the status, except in a plan where nothing is assessed yet."""
    return {} if period == "VP" else {"analys": prose.analysis(status_lead(status, period))}


# --- the council's economy (mnkr as whole tenths, tkr for resultatenheter) ----


class AreaRow(NamedTuple):
    """One verksamhetsområde of the driftbudget, in tenths of mnkr."""

    area: str
    title: str
    budget: int
    adjustment: int
    before: int
    after: int

    @property
    def deviation(self) -> int:
        """Avvikelse: budget plus requested adjustments less the forecast after result transfers."""
        return self.budget + self.adjustment - self.after


def _tenths(tkr: int) -> int:
    """Tkr to tenths of mnkr, half up."""
    return (tkr + 50) // 100


def area_rows(world: World, year: int, period: str) -> list[AreaRow]:
    """The driftbudget per verksamhetsområde: units' budgets and results plus central means."""
    central, current = world.rng("central", year), world.rng("avvikelse", year, period)
    planned = period == "VP"
    rows = []
    for area, title in AREAS:
        members = [u for u in world.units if u.omrade == area]
        own = central.randint(*CENTRAL[area])
        budget = _tenths(sum(world.budget(u, year).net for u in members) + own)
        spread = own * (current.uniform(0.5, 1.0) if area == "ovrig-verksamhet" else current.gauss(0, 0.01))
        asks = period in TERTIALS and budget >= 200 and current.random() < 0.2
        adjustment = current.randint(3, min(60, budget // 20)) if asks else 0
        others = 0 if planned else sum(world.period_result(u, year, period) for u in members if not u.resultatenhet)
        transfers = -sum(world.period_result(u, year, period) for u in members if u.resultatenhet)
        after = budget + adjustment - _tenths(others + (0 if planned else int(spread)))
        rows.append(AreaRow(area, title, budget, adjustment, after + _tenths(transfers), after))
    return rows


def _budget_entry(name: str, area: str | None, values: tuple[int, int, int, int]) -> dict[str, Any]:
    """One driftbudget row from whole tenths; avvikelse is computed, never drawn."""
    budget, adjustment, before, after = values
    entry: dict[str, Any] = {"namn": name}
    if area:
        entry["verksamhetsomrade"] = area
    entry.update(
        {
            "budget": budget / 10,
            "begarda_bj": adjustment / 10,
            "prognos_fore": before / 10,
            "prognos_efter": after / 10,
            "avvikelse": (budget + adjustment - after) / 10,
        }
    )
    return entry


def _parts(rng: random.Random, row: AreaRow) -> list[dict[str, Any]]:
    """The "varav" rows of a verksamhetsområde: parts of each column that add up to the row."""
    names = VARAV.get(row.area, ())
    if not names:
        return []
    weights = [rng.uniform(0.2, 1.0) for _ in names]
    budgets = split_int(row.budget, weights)
    adjustments = split_int(row.adjustment, weights)
    afters = split_int(row.after, [w * rng.uniform(0.9, 1.1) for w in weights])
    transfers = split_int(row.before - row.after, weights)  # the resultatenheter's part, where the row has one
    return [
        _budget_entry(name, None, (budgets[i], adjustments[i], afters[i] + transfers[i], afters[i]))
        for i, name in enumerate(names)
    ]


def driftbudget_table(rng: random.Random, rows: list[AreaRow], year: int, period: str) -> dict[str, Any]:
    """The driftbudget table; the total is the sum of the rows, never of the "varav" rows."""
    word = "Utfall" if period == "VB" else "Prognos"
    entries = []
    for row in rows:
        entry = _budget_entry(row.title, row.area, (row.budget, row.adjustment, row.before, row.after))
        parts = _parts(rng, row)
        if parts:
            entry["varav"] = parts
        entries.append(entry)
    totals = tuple(sum(getattr(row, name) for row in rows) for name in ("budget", "adjustment", "before", "after"))
    return {
        "belopp": "mnkr",
        "kolumner": [
            "Mnkr",
            f"Budget {year} (netto, inkl. godkända BJ)",
            "Begärda budgetjusteringar",
            f"{word} {year} (före resultatöverföringar, inkl. begärda BJ)",
            f"{word} {year} (efter resultatöverföringar, inkl. begärda BJ)",
            "Avvikelse (+/-) (inkl. begärda BJ)",
        ],
        "rader": entries,
        "totalt": _budget_entry("Totalt", None, totals),
    }


def _driftbudget_text(prose: Prose, rows: list[AreaRow], period: str) -> str:
    """The driftbudget analysis: totals and each area's deviation as the table shows them."""
    before = sum(row.budget + row.adjustment - row.before for row in rows)
    after = sum(row.deviation for row in rows)
    verb = "redovisas" if period == "VB" else "beräknas"
    parts = [
        f"Sammantaget {verb} {_result_phrase(before, 'mnkr')} före resultatöverföringar och "
        f"{_result_phrase(after, 'mnkr')} efter resultatöverföringar. {prose.sentence()}"
    ]
    word = "Utfallet" if period == "VB" else "Prognosen"
    for row in rows:
        parts.append(
            f"### {row.title[0].upper()}{row.title[1:]}\n\n{word} för {row.title.lower()} visar "
            f"{_result_phrase(row.deviation, 'mnkr')} mot budget. {prose.sentence()}"
        )
    return "\n\n".join(parts)


def result_units_table(world: World, year: int, period: str) -> dict[str, Any]:
    """Resultatenheter (tkr): surplus negative; within the 5 % and 10 % rules; the sum row adds up."""
    rows = []
    for unit in (u for u in world.units if u.resultatenhet):
        brutto, fund = world.budget(unit, year).brutto, world.fund(unit, year)
        result = -world.period_result(unit, year, period)
        rows.append(
            {
                "enhet": unit.id,
                "bruttobudget": brutto,
                "fem_procent": eco.five_percent(brutto),
                "overforing_fran_fg": -fund,
                "resultat": result,
                "egen_verksamhet": "JA",
                "overforing_till_nasta": eco.transfer_to_next(-fund, result),
            }
        )
    names = ("bruttobudget", "fem_procent", "overforing_fran_fg", "resultat", "overforing_till_nasta")
    return {
        "kolumner": [
            "Resultatenhetens namn",
            f"Resultatenheternas bruttobudget {year}",
            f"Varav 5 % av resultatenheternas bruttobudget {year}",
            f"Resultatöverföring från {year - 1} Överskott (-) Underskott (+)",
            f"Beräknat resultat {year} Överskott (-) Underskott (+)",
            "Har resultatet uppkommit av resultatenhetens eget handlande? JA / NEJ",
            f"Beräknad resultatöverföring till {year + 1} (max 10 %) Överskott (+) Underskott (-)",
        ],
        "rader": rows,
        "summa": {"namn": "Summa resultatenheter", **{n: sum(row[n] for row in rows) for n in names}},
    }


def _result_units_text(world: World, table: dict[str, Any], year: int, period: str) -> str:
    """How many resultatenheter there are and where, and what they bring in, make and carry on: from the table."""
    rows = table["rader"]
    units = {u.id: u for u in world.units}
    counts = Counter(units[row["enhet"]].avdelning for row in rows)
    where = [f"{counts[d.id]} inom {SHORT_NAMES[d.id]}" for d in DEPARTMENTS if counts[d.id]]
    if len(counts) == 1:
        (department,) = counts
        spread = (
            f"{len(rows)} {'resultatenhet' if len(rows) == 1 else 'resultatenheter'} inom {SHORT_NAMES[department]}"
        )
    else:
        spread = f"{len(rows)} resultatenheter, {', '.join(where[:-1])} och {where[-1]}"
    brought = sum(-row["overforing_fran_fg"] for row in rows)
    result = sum(row["resultat"] for row in rows)
    carried = sum(row["overforing_till_nasta"] for row in rows)
    verb = "redovisar" if period == "VB" else "prognostiserar"
    return (
        f"Inom stadsdelsnämnden finns {spread}. Sammantaget fördes "
        f"{_amount_phrase(_tenths(brought))} över från {year - 1}. För årets resultat {verb} resultatenheterna "
        f"{_result_phrase(_tenths(-result), 'mnkr')}, vilket innebär att {_amount_phrase(_tenths(carried))} "
        f"beräknas föras över till {year + 1}.\n\n{RULES}"
    )


def _amount_phrase(tenths: int) -> str:
    """A fund in words: "ett överskott om 2,4 mnkr" or "ett underskott om 0,3 mnkr"."""
    return f"ett {'underskott' if tenths < 0 else 'överskott'} om {_mnkr(tenths)}"


def investments_table(world: World, year: int, period: str) -> dict[str, Any]:
    """Investeringar (mnkr): avvikelse is budget plus adjustment less forecast; the total adds up."""
    base, current = world.rng("investeringar", year), world.rng("investeringar", year, period)
    rows = []
    for name in INVESTMENTS:
        budget = base.randint(2, 220)
        adjustment = current.randint(1, 70) if period in TERTIALS and current.random() < 0.15 else 0
        forecast = budget if period == "VP" else max(0, budget + adjustment + int(current.gauss(0, budget * 0.05)))
        rows.append((name, budget, forecast, adjustment, budget + adjustment - forecast))
    keys = ("budget", "prognos", "budgetjustering", "avvikelse")
    entries = [{"namn": row[0], **{k: v / 10 for k, v in zip(keys, row[1:])}} for row in rows]
    totals = {k: sum(int(row[i + 1]) for row in rows) / 10 for i, k in enumerate(keys)}
    word = "Utfall" if period == "VB" else "Prognos"
    return {
        "kolumner": [
            "Mnkr, netto",
            f"Budget {year} (inkl beviljade budgetjusteringar)",
            f"{word} {year}",
            "Budgetjusteringar (ansökta medel i ärendet)",
            "Avvikelse",
        ],
        "rader": entries,
        "totalt": {"namn": "Totalt", **totals},
    }


def turnover_table(world: World, year: int, period: str) -> dict[str, Any] | None:
    """Omslutningsförändringar in tertial reports: costs matched by income, summed."""
    rng = world.rng("omslutning", year, period)
    if period not in TERTIALS or rng.random() < 0.3:
        return None
    areas = rng.sample(
        ["Äldreomsorg", "Barn, kultur och fritid", "Individ- och familjeomsorg", "Förskoleverksamhet"],
        rng.randint(1, 2),
    )
    groups, amounts = [], []
    for area in areas:
        rows = []
        for kind in rng.sample(
            ["Statsbidrag", "Projektmedel", "Avgifter", "Försäljning av platser"], rng.randint(1, 2)
        ):
            amounts.append(rng.randint(3, 40))
            rows.append(
                {"namn": f"{kind} – {area.lower()}", "kostnader": amounts[-1] / 10, "intakter": -amounts[-1] / 10}
            )
        groups.append({"rubrik": area, "rader": rows})
    return {
        "grupper": groups,
        "summa": {"namn": "Summa", "kostnader": sum(amounts) / 10, "intakter": -sum(amounts) / 10},
    }


def _adjustments_text(prose: Prose, rows: list[AreaRow]) -> str:
    """The requested budget adjustments of the driftbudget, one sub-heading each."""
    asked = [row for row in rows if row.adjustment]
    if not asked:
        return "Inga budgetjusteringar begärs i detta ärende."
    parts = []
    for row in asked:
        parts.append(
            f"### {row.title[0].upper()}{row.title[1:]}\n\nStadsdelsnämnden ansöker om budgetjustering med "
            f"{_mnkr(row.adjustment)} inom {row.title.lower()}. {prose.sentence()}"
        )
    return "\n\n".join(parts)


def _council_economy(
    world: World, rng: random.Random, prose: Prose, year: int, period: str
) -> tuple[dict[str, Any], list[AreaRow], dict[str, Any] | None]:
    """Uppföljning av ekonomi in the council's report, with the figures the texts are built from."""
    rows = area_rows(world, year, period)
    results = result_units_table(world, year, period)
    turnover = turnover_table(world, year, period)
    investments = investments_table(world, year, period)
    investment_deviation = round(investments["totalt"]["avvikelse"] * 10)
    genitive = _genitive(DISTRICTS[world.district])
    economy: dict[str, Any] = {
        "inledning": prose.text(30, 80),
        "driftbudget": [
            {"driftbudget": driftbudget_table(rng, rows, year, period)},
            {"text": _driftbudget_text(prose, rows, period)},
        ],
        "resultatenheter": [{"resultatenheter": results}, {"text": _result_units_text(world, results, year, period)}],
        "investeringar": [
            {"investeringar": investments},
            {
                "text": f"Investeringarna visar {_result_phrase(investment_deviation, 'mnkr')} "
                f"mot budget. {prose.text(50, 150)}"
            },
        ],
        "forsaljningar": [{"text": "Ej aktuellt"}],
        "verksamhetsprojekt": [{"text": "Ej aktuellt" if rng.random() < 0.6 else prose.text(50, 120)}],
        "budgetjusteringar": [{"text": _adjustments_text(prose, rows)}],
        "lokalandamal": [
            {
                "text": f"{genitive} stadsdelsnämnd beräknar att erhålla {_mnkr(rng.randint(50, 250))} "
                f"i bidrag för höga hyror inom förskolan {year}."
            }
        ],
    }
    if turnover is not None:
        total = round(turnover["summa"]["kostnader"] * 10)
        economy["omslutningsforandringar"] = [
            {"text": f"Stadsdelsnämnden redovisar omslutningsförändringar med {_mnkr(total)} enligt nedan."},
            {"omslutningsforandringar": turnover},
        ]
    return economy, rows, turnover


def _decisions(name: str, year: int, period: str, rows: list[AreaRow], turnover: dict[str, Any] | None) -> str:
    """Förslag till beslut, listing the requests the report actually makes."""
    items = [
        f"{name} godkänner {REPORT_NAMES[period]} för {year} och överlämnar den till kommunstyrelsen "
        "och stadens revisorer."
    ]
    asked = sum(row.adjustment for row in rows)
    if asked:
        items.append(f"Nämnden ansöker om budgetjusteringar om sammanlagt {_mnkr(asked)} i enlighet med ärendet.")
    if turnover is not None:
        items.append(
            f"Nämnden fastställer omslutningsförändringar om {_mnkr(round(turnover['summa']['kostnader'] * 10))} "
            "i enlighet med vad som redovisas i ärendet och anmäler detta till kommunstyrelsen."
        )
    items.append("Paragrafen justeras omedelbart.")
    return "\n".join(f"{number}. {text}" for number, text in enumerate(items, start=1))


def _summary(prose: Prose, statuses: list[str], rows: list[AreaRow], period: str) -> str:
    """Sammanfattning: figures counted from the report itself, so text and tables agree."""
    if period == "VP":
        return prose.text(60, 150, "Verksamhetsplanen beskriver hur nämnden ska bidra till kommunfullmäktiges mål.")
    after = sum(row.deviation for row in rows)
    judged = "har uppfyllts" if period == "VB" else "kommer att uppfyllas"
    lead = (
        f"Efter resultatöverföringar redovisas {_result_phrase(after, 'mnkr')} mot budget. Förvaltningen bedömer "
        f"att {statuses.count(STATUS_FULL)} av kommunfullmäktiges {len(statuses)} mål för stadsdelsnämndens "
        f"verksamhetsområden {judged} helt, {statuses.count(STATUS_PART)} delvis och "
        f"{statuses.count(STATUS_NOT)} inte alls."
    )
    return prose.text(60, 150, lead)


def _council_texts(rng: random.Random, prose: Prose, year: int) -> dict[str, str]:
    """The council's narrative sections after the economy."""
    covid = ""
    if year <= 2022:
        covid = prose.sections(150, 400, ["Förskoleverksamhet", "Social omsorg", "Äldreomsorg", "Stadsmiljöverksamhet"])
    complaints = "\n\n".join(f"#### {SHORT_NAMES[d.id].capitalize()}\n\n{prose.text(50, 120)}" for d in DEPARTMENTS)
    texts = {
        "sarskilda_redovisningar": prose.text(50, 150) if rng.random() < 0.5 else "",
        "konsekvenser_covid19": covid,
        "ovrigt": f"### Synpunkter och klagomål\n\n{complaints}",
    }
    return {key: value for key, value in texts.items() if value}


def council_report(world: World, year: int, period: str, facts: list[Facts]) -> dict[str, Any]:
    """rapporter/<nämnd>/<år>-<period>.yml: the units' work rolled up, the economy and the decisions."""
    rng = world.rng("nämnd", year, period)
    prose = Prose(rng, "*", period)
    district = DISTRICTS[world.district]
    goals, statuses = _council_goals(rng, prose, world.catalogues[year], period, facts)
    economy, rows, turnover = _council_economy(world, rng, prose, year, period)
    director = _person(world.rng("direktör"))
    approved = _approval(rng, year, period)
    return {
        "organisation": district_id(world.district),
        "ar": year,
        "period": period,
        "handlaggare": {"namn": _person(rng), "telefon": f"08-508{rng.randint(20000, 29999)}"},
        "till": f"{district} stadsdelsnämnd",
        "datum": date(approved.year, approved.month, approved.day + 12),
        "forslag_till_beslut": _decisions(f"{district} stadsdelsnämnd", year, period, rows, turnover),
        "sammanfattning": _summary(prose, statuses, rows, period),
        "arendets_beredning": (
            "Ärendet har beretts av stadsdelsdirektörens stab och avdelningen för administration "
            "i samråd med övriga avdelningar."
        ),
        "jamstalldhetsanalys": prose.text(50, 120, "Beslutsunderlag ska innehålla en jämställdhetsanalys."),
        "sammanfattande_analys": prose.sections(
            400,
            800,
            [title for _, title in DIRECTIONS],
            f"Stadsdelsnämnden redovisar här hur verksamheterna bidrar till "
            f"kommunfullmäktiges tre inriktningsmål för år {year}.",
        ),
        "inriktningsmal": goals,
        "ekonomi": economy,
        **_council_texts(rng, prose, year),
        "underskrifter": [
            {"namn": director, "titel": "stadsdelsdirektör"},
            {"namn": _person(rng), "titel": "avdelningschef"},
        ],
        "godkannanden": [{"namn": f"{director}, stadsdelsdirektör", "datum": approved}],
    }


# --------------------------------------------------------------------------
# The whole tree


def report_path(organisation: str, year: int, period: str) -> str:
    """Where a report is in the tree (`content.layout`)."""
    return report_name(organisation, year, period)


def make_world(units: int, years: list[int], seed: int, district: int = 0) -> World:
    """The units and catalogues of one district; everything else is drawn when a report is made."""
    members = make_units(units, seed, district)
    ordered = sorted(set(years))
    return World(seed, district, members, ordered, {y: make_catalogue(y, seed, district, members) for y in ordered})


def _check_arguments(units: int, years: list[int], periods: list[str], district: int) -> None:
    """Arguments that cannot make a tree are refused with a Swedish message."""
    if units < 1:
        raise ValueError(f"Antalet enheter är {units}; ange minst 1.")
    if not years or any(not 2001 <= year <= 2099 for year in years):
        raise ValueError(f"Åren {years} går inte att använda; ange ett eller flera år mellan 2001 och 2099.")
    unknown = [p for p in periods if p not in PERIODS]
    if not periods or unknown:
        raise ValueError(f"Perioderna {periods} går inte att använda; ange en eller flera av {', '.join(PERIODS)}.")
    if not 0 <= district < len(DISTRICTS):
        raise ValueError(f"Stadsdel nummer {district} finns inte; det finns {len(DISTRICTS)} (0–{len(DISTRICTS) - 1}).")


def synthesize(units: int, years: list[int], periods: list[str], seed: int, district: int = 0) -> dict[str, str]:
    """Every file of one synthetic content tree: relative path -> YAML text, the same for the same arguments."""
    _check_arguments(units, years, periods, district)
    world = make_world(units, years, seed, district)
    files = {ORGANISATION_FILE: dump(organisation_data(district, world.units))}
    for year in world.years:
        files[catalogue_name(year)] = dump(world.catalogues[year].data())
        for period in (p for p in PERIODS if p in periods):
            facts = []
            for unit in world.units:
                report, found = unit_report(world, unit, year, period)
                files[report_path(unit.id, year, period)] = dump(report)
                facts.append(found)
            council = council_report(world, year, period, facts)
            files[report_path(district_id(district), year, period)] = dump(council)
    return files


def write_tree(files: dict[str, str], root: Path) -> int:
    """Write the files under `root` as UTF-8 with \\n line ends, making folders; returns how many were written.

    Each file is replaced in one step (`fsio.write_atomic`): never half written, never written through a link.
    """
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    return len(files)
