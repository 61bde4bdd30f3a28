"""The table of contents derived from the content reads as the seeds' Innehållsförteckning."""

from __future__ import annotations

import re

from tests.content.conftest import report_of
from tests.toc import table_of_contents

# Copied from the Innehållsförteckning of seed 001 (page numbers left out).
TOC_001 = """
Sammanfattande analys
Uppföljning av Kommunfullmäktiges inriktningsmål
1. En modern storstad med möjligheter och valfrihet för alla
1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort
1.4. I Stockholm får människor i behov av stöd insatser i tid präglade av hög kvalitet, evidens och rättssäkerhet
1.5. I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande
2. En hållbart växande och dynamisk storstad med hög tillväxt
2.4. Stockholm är en modern kultur- och evenemangsstad med en stark besöksnäring
2.5. Stockholm är en hållbar stad med en god livsmiljö
3. En ekonomiskt hållbar och innovativ storstad för framtiden
3.1. Stockholm har en budget i balans och långsiktigt hållbara finanser
3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna
Uppföljning av ekonomi
Analys av resultaträkning - uppföljning av driftbudget
Investeringar
Medel för lokaländamål
Övrigt
Systematiskt kvalitetsarbete
Övrigt
"""

# Copied from the Innehållsförteckning of seed 002 (page numbers left out).
TOC_002 = """
Sammanfattande analys
Uppföljning av Kommunfullmäktiges inriktningsmål
1. En modern storstad med möjligheter och valfrihet för alla
1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort
1.2. Stockholm är en trygg, säker och välskött stad att bo och vistas i
1.3. I Stockholm når barn sin fulla potential då Stockholms skolor och förskolor är de bästa i Sverige
1.4. I Stockholm får människor i behov av stöd insatser i tid präglade av hög kvalitet, evidens och rättssäkerhet
1.5. I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande
2. En hållbart växande och dynamisk storstad med hög tillväxt
2.1. Stockholm har Sveriges bästa företagsklimat och ett internationellt konkurrenskraftigt näringsliv
2.2. Stockholm byggs attraktivt, tätt och funktionsblandat utifrån människors och verksamheters skiftande behov
2.3. Stockholms infrastruktur främjar effektiva och hållbara transporter samt god framkomlighet
2.4. Stockholm är en modern kultur- och evenemangsstad med en stark besöksnäring
2.5. Stockholm är en hållbar stad med en god livsmiljö
3. En ekonomiskt hållbar och innovativ storstad för framtiden
3.1. Stockholm har en budget i balans och långsiktigt hållbara finanser
3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna
Uppföljning av ekonomi
Uppföljning av driftbudget
Resultatenheter
Investeringar
Försäljningar av anläggningstillgångar
Verksamhetsprojekt (driftprojekt)
Omslutningsförändringar
Budgetjusteringar
Medel för lokaländamål
Övrigt
Särskilda redovisningar
Konsekvenser av covid-19-pandemin
Övrigt
"""


def _normalise(title: str) -> str:
    """The seeds write goal numbers both as "1.1 " and "1.4. "; the site always writes "1.4. "."""
    return re.sub(r"^(\d\.\d)\.? ", r"\1. ", title.strip())


def _expected(text: str) -> list[str]:
    return [_normalise(line) for line in text.strip().splitlines()]


def test_toc_of_001_reads_as_its_innehallsforteckning(content):
    report = report_of(content, "bestallarenheten-aldre", 2020, "VB")
    titles = [_normalise(title) for _, title in table_of_contents(report, content.catalogue(2020), False)]
    assert titles == _expected(TOC_001)


def test_toc_of_002_reads_as_its_innehallsforteckning(content):
    report = report_of(content, "hagersten-alvsjo", 2021, "T1")
    titles = [_normalise(title) for _, title in table_of_contents(report, content.catalogue(2021), True)]
    assert titles == _expected(TOC_002)


def test_normalise_only_touches_goal_numbers():
    assert _normalise("1.1 I Stockholm") == "1.1. I Stockholm"
    assert _normalise("1.4. I Stockholm") == "1.4. I Stockholm"
    assert _normalise("Investeringar") == "Investeringar"
