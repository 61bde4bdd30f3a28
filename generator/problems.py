"""Problems are values: a stable code, a location and a Swedish message from one catalogue.

Every check in the generator returns `Problem`s instead of raising, so all of
them can be collected and reported together. `CATALOGUE` is the single list
of codes; `docs/felkoder.md` is generated from it and a test keeps them equal.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

Location = tuple[str | int, ...]  # keys and list indexes from a file's top to a value


class Severity(str, Enum):
    """Errors stop a build; warnings are shown but pass unless --strict."""

    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Code:
    """One entry of the catalogue: what is wrong and how to fix it."""

    code: str
    severity: Severity
    title: str
    message: str
    fix: str


def _c(code: str, severity: Severity, title: str, message: str, fix: str) -> Code:
    return Code(code, severity, title, message, fix)


E, W = Severity.ERROR, Severity.WARNING

CATALOGUE: dict[str, Code] = {
    c.code: c
    for c in [
        # --- reading files ----------------------------------------------------
        _c(
            "VB001",
            E,
            "Filen kan inte läsas",
            "Filen kan inte läsas: {reason}.",
            "Kontrollera att filen finns och att du har behörighet att läsa den.",
        ),
        _c(
            "VB002",
            E,
            "Filen är för stor",
            "Filen är {size} MB, gränsen är {limit} MB.",
            "Dela upp innehållet eller ta bort det som inte hör hemma i rapporten (t.ex. inklistrade bilder).",
        ),
        _c(
            "VB003",
            E,
            "Filen är inte UTF-8",
            "Filen är inte sparad som UTF-8 (första felaktiga tecknet på rad {bad_line}).",
            'Spara filen som UTF-8 i din editor (i VS Code: klicka på teckenkodningen i statusraden och välj "Save with Encoding" → UTF-8).',
        ),
        _c(
            "VB004",
            E,
            "Filen är inte en textfil",
            "Filen innehåller binära data och är inte en YAML-fil.",
            "Ta bort filen från content/ eller ersätt den med en YAML-fil.",
        ),
        _c("VB005", E, "YAML-syntaxfel", "YAML-filen kan inte tolkas: {reason}.", "{fix}"),
        _c(
            "VB006",
            E,
            "Tabbtecken i indrag",
            "Raden är indragen med tabbtecken.",
            "Använd mellanslag för indrag i YAML (två per nivå). Ställ in editorn på att infoga mellanslag vid Tab.",
        ),
        _c(
            "VB007",
            E,
            "Dubblerad nyckel",
            'Nyckeln "{key}" finns redan på rad {first_line}.',
            "Ta bort den ena eller slå ihop dem; bara den första läses.",
        ),
        _c(
            "VB008",
            E,
            "Ankare eller alias",
            "YAML-ankare och alias (&namn, *namn) används inte i innehållsfiler.",
            "Skriv ut värdet på varje plats där det ska stå.",
        ),
        _c(
            "VB009",
            E,
            "YAML-tagg",
            'YAML-taggen "{tag}" är inte tillåten.',
            "Ta bort taggen (det som börjar med ! eller !!); skriv bara värdet.",
        ),
        _c(
            "VB010",
            E,
            "Tom fil",
            "Filen är tom eller innehåller bara kommentarer.",
            "Fyll i filen eller ta bort den. Med `vb new` skapar du en ny rapport med rätt innehåll.",
        ),
        _c(
            "VB011",
            E,
            "Fel form på filen",
            'Filen ska börja med nycklar (t.ex. "{example}:"), inte med {found}.',
            "Skriv filens innehåll som nyckel: värde-par på översta nivån.",
        ),
        _c(
            "VB012",
            E,
            "Ogiltigt datum",
            '"{value}" är inget giltigt datum.',
            "Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2021-05-27, och kontrollera att dagen finns.",
        ),
        _c(
            "VB013",
            W,
            "Okänd fil",
            "Filen {name} hör inte till innehållsformatet och läses inte.",
            "Rapporter ligger i content/rapporter/<organisation>/<år>-<period>.yml, kataloger i content/katalog/<år>.yml.",
        ),
        _c(
            "VB014",
            E,
            "Flera dokument i filen",
            "Filen innehåller mer än ett YAML-dokument (---).",
            "Ta bort raden med --- så att filen är ett enda dokument.",
        ),
        _c(
            "VB015",
            E,
            "Symbolisk länk",
            "{name} är en symbolisk länk. Länkar i innehållet följs inte, och det de pekar på läses inte.",
            "Ersätt länken med en vanlig fil eller mapp (kopiera in innehållet) eller ta bort länken.",
        ),
        _c(
            "VB016",
            E,
            "Inte en fil eller mapp",
            "{name} är {what}, inte en vanlig fil eller mapp, och läses inte.",
            "Ta bort den ur innehållsmappen; där ska bara finnas mappar och YAML-filer.",
        ),
        _c(
            "VB017",
            E,
            "Mappen kan inte läsas",
            "Mappen {name} kan inte läsas: {reason}. Filerna i den kontrolleras inte.",
            "Ge dig själv läsrätt till mappen (t.ex. chmod u+rx {name}) eller flytta den ut ur innehållsmappen.",
        ),
        _c(
            "VB018",
            E,
            "Filen eller mappen går inte att använda",
            "{where}: {reason}. Kommandot avbröts; filer som fanns sedan tidigare är oförändrade.",
            "{todo}",
        ),
        _c(
            "VB019",
            E,
            "Osynlig radbrytning",
            "Ett osynligt tecken, {name} (U+{hex}), står på raden. Det följer ofta med när text klistras in från"
            " Word eller en webbsida och läses som en radbrytning av vb men som text av redigeraren.",
            "Ta bort tecknet där kolumnen pekar och skriv en vanlig radbrytning (Enter) eller ett mellanslag i"
            " stället. Text som klistras in i redigeraren på webbplatsen sparas rätt av sig själv.",
        ),
        # --- shape and types --------------------------------------------------
        _c(
            "VB101",
            E,
            "Obligatoriskt fält saknas",
            'Fältet "{field}" saknas.',
            'Lägg till "{field}:" med ett värde här.',
        ),
        _c(
            "VB102",
            E,
            "Okänd nyckel",
            'Nyckeln "{key}" finns inte här.{suggestion}',
            "Rätta stavningen eller ta bort nyckeln. Tillåtna nycklar: {allowed}.",
        ),
        _c("VB103", E, "Fel typ av värde", "Här ska stå {expected}, men det står {found}.", "{hint}"),
        _c(
            "VB104",
            E,
            "Tal skrivet som text",
            '"{value}" är skrivet som text, inte som ett tal.',
            "Skriv talet utan mellanslag och med decimalpunkt: {number}.",
        ),
        _c(
            "VB105",
            E,
            "Ogiltigt värde",
            '"{value}" är inte ett tillåtet värde.{suggestion}',
            "Använd ett av: {allowed}.",
        ),
        _c("VB106", E, "Ogiltigt id eller nummer", '"{value}" kan inte användas som {what}.', "{hint}"),
        _c(
            "VB107",
            E,
            "Datum skrivet som text",
            '"{value}" är skrivet som text, inte som datum.',
            "Skriv datumet utan citattecken som ÅÅÅÅ-MM-DD, t.ex. 2021-05-27.",
        ),
        _c(
            "VB108",
            E,
            "Ett block ska ha exakt ett innehåll",
            "Blocket har {count} delar ({kinds}).",
            'Dela upp det i ett block per text eller tabell: "- text: ..." eller "- tabell: ...".',
        ),
        _c(
            "VB109",
            E,
            "Ogiltig granskare",
            '"{value}" kan inte användas som granskare.',
            "Skriv ett användarnamn i GitHub eller GitLab (anna-andersson eller @anna-andersson), en grupp "
            "(@organisation/controllers) eller en e-postadress, en granskare per rad i listan, utan mellanslag och #.",
        ),
        _c(
            "VB110",
            E,
            "Redogörelsen säger helt förenlig men listar brister",
            'Webbplatsen sägs vara "{stated}" med lagen men {count} kända brister listas under brister.',
            "Skriv efterlevnad: delvis förenlig (eller inte förenlig) så länge bristerna finns, eller ta bort brister som är åtgärdade.",
        ),
        _c(
            "VB111",
            E,
            "Kända brister saknas i redogörelsen",
            'Webbplatsen sägs vara "{stated}" med lagen men inga brister listas.',
            "Lista varje känd brist under tillganglighet: brister: med beskrivning och krav, eller skriv efterlevnad: helt förenlig om inga brister finns.",
        ),
        _c(
            "VB112",
            E,
            "Tom titel",
            "{field} är tom eller består bara av tecken som inte syns.",
            "Skriv namnet, så som det står i verksamhetsplanen eller katalogen: det blir en rubrik på webbplatsen.",
        ),
        _c(
            "VB201",
            E,
            "Okänd organisation",
            '"{ref}" finns inte i organisation.yml.{suggestion}',
            "Använd id:t för en enhet eller nämnden som den står i content/organisation.yml.",
        ),
        _c(
            "VB202",
            E,
            "Okänt KF-mål",
            "Mål {ref} finns inte i målkatalogen för {year}.{suggestion}",
            "Använd ett målnummer som finns i content/katalog/{year}.yml.",
        ),
        _c(
            "VB203",
            E,
            "Okänt nämndmål",
            'Nämndmålet "{ref}" finns inte under mål {parent} i katalogen för {year}.{suggestion}',
            "Använd id:t för ett nämndmål under mål {parent} i content/katalog/{year}.yml.",
        ),
        _c(
            "VB204",
            E,
            "Okänd indikator",
            'Indikatorn "{ref}" finns inte här i katalogen för {year}.{suggestion}',
            "Använd id:t för en indikator som står under samma mål i content/katalog/{year}.yml.",
        ),
        _c(
            "VB205",
            E,
            "Okänd aktivitet",
            'Aktiviteten "{ref}" finns inte här i katalogen för {year}.{suggestion}',
            "Använd id:t för en aktivitet som står under samma mål i content/katalog/{year}.yml.",
        ),
        _c(
            "VB206",
            E,
            "Målkatalog saknas",
            "Det finns ingen målkatalog för {year}.",
            "Lägg till content/katalog/{year}.yml eller rätta årtalet.",
        ),
        _c(
            "VB207", E, "Id används två gånger", 'Id:t "{ref}" används redan ({first}).', "Ge varje {what} ett eget id."
        ),
        _c(
            "VB208",
            E,
            "Två rapporter för samma period",
            "{org} har redan en rapport för {period} {year} ({first}).",
            "Ta bort eller slå ihop den ena rapporten.",
        ),
        _c(
            "VB209",
            E,
            "Rapporten ligger i fel fil",
            "Rapporten gäller {org} {year} {period} men filen heter {name}; den ska heta {expected}.",
            "Flytta filen till {expected} eller rätta organisation, ar och period i filen.",
        ),
        _c(
            "VB210",
            E,
            "Okänd avdelning eller verksamhetsområde",
            '"{ref}" finns inte bland {what} i organisation.yml.{suggestion}',
            "Använd ett id som finns under {what} i content/organisation.yml.",
        ),
        _c(
            "VB211",
            E,
            "Samma sak två gånger",
            '{what} "{ref}" följs redan upp på ett annat ställe i rapporten ({first}).',
            "Slå ihop uppföljningarna till en.",
        ),
        _c(
            "VB212",
            E,
            "Avsnittet hör inte till den här rapporten",
            'Avsnittet "{field}" finns bara i {who}s rapport.',
            'Flytta texten till ett avsnitt som finns i rapporten, t.ex. "ovrigt".',
        ),
        _c(
            "VB213",
            E,
            "Står under fel mål",
            '{what} "{ref}" hör till {actual} i katalogen för {year}, inte hit.',
            "Flytta uppföljningen till {actual}.",
        ),
        _c(
            "VB214",
            W,
            "Aktiviteten gäller inte enheten",
            'Aktiviteten "{ref}" är inte tilldelad {org} i katalogen.',
            'Kontrollera att det är rätt aktivitet, eller lägg till enheten under "galler" i katalogen.',
        ),
        # --- adopted reports ----------------------------------------------------
        _c(
            "VB221",
            E,
            "Fastställd rapport ändrad utan rättelse",
            "Rapporten fastställdes av nämnden {adopted}, men innehållet har ändrats {since} utan att en rättelse är antecknad.",
            "En fastställd rapport ändras bara genom en rättelse. Är ändringen en rättelse: kör "
            'vb rattelse {target} --vad "vad som rättades" --varfor "varför". Annars: ångra ändringen '
            "(den fastställda versionen finns i {copy}).",
        ),
        _c(
            "VB222",
            E,
            "Kontrollsumman saknas eller är felskriven",
            "Kontrollsumman för {what} {state}.",
            "Kontrollsummor skrivs av vb faststall och vb rattelse, aldrig för hand. Återställ raden ur git "
            "(git checkout <version> -- {target}).",
        ),
        _c(
            "VB223",
            E,
            "Rättelse i en rapport som inte är fastställd",
            "Rapporten har rättelser men inget fastställande (faststalld saknas).",
            "En rättelse gäller en fastställd rapport. Återställ faststalld om den har tagits bort, annars ta bort rattelser.",
        ),
        _c(
            "VB224",
            E,
            "Rättelsen är daterad för tidigt",
            "Rättelsen är daterad {date}, före {earlier}.",
            "Rättelser står i den ordning de gjordes, efter fastställandet. Rätta datumet.",
        ),
        _c(
            "VB225",
            E,
            "Den fastställda versionen saknas",
            "Rapporten är fastställd, men den fastställda versionen {copy} finns inte.",
            "Återställ filen ur git (git log -- {copy} visar när den fanns). Har rapporten inte ändrats sedan "
            "fastställandet kan du i stället ta bort faststalld och köra vb faststall igen.",
        ),
        _c(
            "VB226",
            E,
            "Den fastställda versionen har ändrats",
            "Innehållet i den fastställda versionen stämmer inte med kontrollsumman från fastställandet.",
            "Den fastställda versionen ändras aldrig. Återställ filen ur git (git checkout <version> -- {target}); "
            "rättelser görs i {report} med vb rattelse.",
        ),
        _c(
            "VB227",
            E,
            "Fastställandet har ändrats",
            'Den fastställda versionen {copy} anger "{expected}", men rapporten {found}.',
            "Skriv faststalld i rapporten så som det står i {copy}: ett fastställande ändras inte och tas inte bort.",
        ),
        _c(
            "VB228",
            E,
            "Fastställd rapport borttagen",
            "Rapporten {report} är fastställd (se den här filen) men finns inte.",
            "Återställ rapporten ur git (git checkout <version> -- {report}). En fastställd rapport tas inte bort.",
        ),
        # --- values -----------------------------------------------------------
        _c(
            "VB215",
            E,
            "Id:n som inte går att skilja åt",
            'Id:t "{ref}" ({name}) går inte att skilja från "{other}" ({other_name}).',
            'Ge {what} ett id med ord ur namnet som säger vad som skiljer dem, t.ex. "{example}". Ett id får inte skilja sig '
            "från ett annat bara med ett nummer på slutet (-2), och ett långt id får inte vara början på ett annat.",
        ),
        _c(
            "VB301",
            E,
            "Startdatum efter slutdatum",
            "Startdatum {start} är efter slutdatum {end}.",
            "Byt plats på datumen eller rätta det som är fel.",
        ),
        _c(
            "VB302",
            W,
            "Osannolikt datum",
            "Datumet {value} ligger långt från rapportåret {year}.",
            "Kontrollera årtalet.",
        ),
        _c(
            "VB303",
            W,
            "Procent utanför 0–100",
            "{field} är {value} men indikatorn mäts i procent, som oftast ligger mellan 0 och 100.",
            "Kontrollera värdet. En andel skrivs i procent, t.ex. 86.5 för 86,5 %.",
        ),
        _c("VB304", E, "Osannolikt år", "Året {value} är inte rimligt.", "Skriv året med fyra siffror, t.ex. 2021."),
        _c(
            "VB305",
            E,
            "Orimligt tal",
            "Talet {value} är för stort eller för nära noll för att vara en uppgift i en rapport.",
            "Kontrollera talet: belopp skrivs i den enhet tabellen anger (tkr eller mnkr), andelar i procent (t.ex. 86.5).",
        ),
        # --- economy ----------------------------------------------------------
        _c(
            "VB401",
            W,
            "Avrundningsdifferens",
            "{what}: angivet {stated}, beräknat {computed} (skillnad {diff}).",
            "En liten skillnad beror ofta på avrundning. Kontrollera siffrorna; rätta summan om den är fel.",
        ),
        _c(
            "VB402",
            E,
            "Summan stämmer inte",
            "{what}: angivet {stated}, beräknat {computed} (skillnad {diff}).",
            "Räkna om raden: skillnaden är större än vad avrundning förklarar.",
        ),
        _c(
            "VB403",
            W,
            "Resultatöverföring över 5 %",
            "{unit}: årets överskott {transfer} är mer än 5 % av bruttobudgeten ({limit}).",
            "Högst 5 % av bruttobudgeten får föras över ett enskilt år. Kontrollera beloppet med controllern.",
        ),
        _c(
            "VB404",
            W,
            "Resultatfond över 10 %",
            "{unit}: ackumulerat överskott {fund} är mer än 10 % av bruttobudgeten ({limit}).",
            "Resultatfonden får högst motsvara 10 % av bruttobudgeten. Kontrollera beloppet med controllern.",
        ),
        _c(
            "VB405",
            W,
            "Inte en resultatenhet",
            "{unit} är inte markerad som resultatenhet i organisation.yml.",
            'Sätt "resultatenhet: true" för enheten i content/organisation.yml eller ta bort raden.',
        ),
        _c(
            "VB406",
            W,
            "Varav-rader större än raden",
            "{what}: varav-raderna summerar till {computed}, mer än radens {stated}.",
            "Varav-rader är delar av raden ovanför; kontrollera beloppen.",
        ),
        # --- content quality --------------------------------------------------
        _c(
            "VB501",
            W,
            "Indikator under målet utan analys",
            "{name}: {value} når inte årsmålet {target}, men analys saknas.",
            'Skriv under "analys" varför målet inte nås och vad enheten gör åt det.',
        ),
        _c(
            "VB502",
            W,
            "Enhetsmål inte helt uppfyllt utan analys",
            'Enhetsmålet "{name}" har status "{status}" men saknar analys.',
            'Skriv under "analys" varför målet inte uppfylls helt och vad enheten gör åt det.',
        ),
        _c(
            "VB503",
            W,
            "Att göra",
            'Det står kvar en markering "{marker}" som ska fyllas i.',
            "Skriv texten eller värdet och ta bort markeringen.",
        ),
        _c(
            "VB504",
            W,
            "Både utfall och skäl till att indikatorn inte mäts",
            '{name} har utfallet {value} men också "ej_matt: {reason}".',
            'Ta bort "ej_matt" om indikatorn har mätts i år, annars utfallet.',
        ),
        # --- consistency between text and data ---------------------------------
        _c(
            "VB701",
            W,
            "Texten säger något annat än uppgifterna",
            'Om {what} står det {written} men uppgifterna ger {counted}: "{excerpt}"',
            "Rätta texten eller uppgifterna så att de stämmer överens.",
        ),
        _c(
            "VB702",
            W,
            "Nämndens bedömning motsäger en enhets",
            'Nämndmålet "{goal}" bedöms "{status}" av nämnden men {unit} rapporterar "Uppfylls ej" för "{own}".',
            "Kontrollera nämndens bedömning mot enheternas rapporter och förklara skillnaden i analysen.",
        ),
        # --- markdown ---------------------------------------------------------
        _c(
            "VB601",
            E,
            "HTML i texten",
            "Texten innehåller HTML ({snippet}).",
            "Skriv med Markdown i stället: **fet**, *kursiv*, - punktlista, [länktext](https://...).",
        ),
        _c(
            "VB602",
            E,
            "Skript i texten",
            "Texten innehåller ett skript eller en händelsehanterare ({snippet}).",
            "Ta bort det; rapporter får inte innehålla program.",
        ),
        _c(
            "VB603",
            E,
            "Otillåten länk",
            'Länken "{url}" är inte tillåten.',
            "Länka bara med https://, http://, mailto: eller till en annan sida på webbplatsen (t.ex. ../annan-sida/). "
            "En adress som börjar med // eller \\ leder till en annan webbplats: skriv https:// först.",
        ),
        _c(
            "VB604",
            E,
            "Rubriken är på för hög nivå",
            'Rubriken "{heading}" har nivå {level} men i {field} börjar underrubriker på nivå {min_level}.',
            "Skriv rubriken med {hashes} (eller fler #) så att den hamnar under avsnittet.",
        ),
        _c(
            "VB606",
            E,
            "Tom rubrik i texten",
            "En rubrik i {field} har ingen text.",
            "Skriv rubrikens text efter #-tecknen, eller ta bort raden.",
        ),
        _c(
            "VB607",
            W,
            "Osynligt tecken i texten",
            'Ordet "{word}" har ett tecken som inte syns: {odd}.',
            "Ta bort tecknet (det följer ofta med text som klistrats in från Word eller en webbsida): sökningen på "
            "webbplatsen hittar inte ett ord som har det. Skriv om ordet om du inte kan se var tecknet står.",
        ),
        _c(
            "VB605",
            E,
            "Bild i texten",
            'Bilden "{alt}" ({url}) kan inte visas på webbplatsen.',
            "Webbplatsen hämtar ingenting från andra webbplatser och innehållet har inga bildfiler. Beskriv i texten "
            "vad bilden visar, eller länka till den: [vad bilden visar](https://…).",
        ),
        # --- commands: vb new, vb diff -----------------------------------------
        _c(
            "VB801",
            E,
            "Rapporten finns redan",
            "Det finns redan en rapport för {org} {period} {year}: {target}.",
            "Fortsätt skriva i den filen. Vill du börja om: ta bort filen först (git rm {target}) och kör vb new igen.",
        ),
        _c(
            "VB802",
            E,
            "Versionen finns inte i git",
            "{revision} kan inte läsas ur git: {reason}.",
            "Ange en gren, tagg eller commit som finns, t.ex. origin/main eller HEAD~1. I CI måste hela historiken hämtas (fetch-depth: 0 i actions/checkout, GIT_DEPTH: 0 i GitLab).",
        ),
        _c(
            "VB803",
            E,
            "Inte ett git-arkiv",
            "{folder} kan inte jämföras i git: {reason}.",
            "Kör kommandot i mappen där rapporterna är klonade (där .git finns), eller ange innehållsmappen med --content.",
        ),
        _c(
            "VB804",
            E,
            "Filen är inte i standardformatet",
            "Rad {line} skrivs som {expected} när rapporten sparas i redigeraren, men står som {found}.",
            "Kör vb fmt {report} så skrivs filen i standardformatet utan att innehållet ändras. Då blir nästa ändring i redigeraren bara de rader som ändras.",
        ),
        _c(
            "VB805",
            W,
            "Kommentar i rapporten",
            'Filen har {count} kommentarer (# …), den första här: "{comment}". De försvinner när rapporten sparas i redigeraren.',
            "Kommentarer (som vb new:s TODO) är bra medan du skriver i filen. Flytta det som ska finnas kvar till ett fält i rapporten (t.ex. analys) och ta bort kommentaren när den är klar.",
        ),
        _c(
            "VB811",
            E,
            "Rapporten är redan fastställd",
            "{target} är redan {adopted}.",
            "En rapport fastställs en gång. En ändring efter fastställandet antecknas med "
            'vb rattelse {target} --vad "vad som rättades" --varfor "varför".',
        ),
        _c(
            "VB812",
            E,
            "Rapporten är inte fastställd",
            "{target} är inte fastställd, så det finns ingen rättelse att anteckna.",
            "En rapport som inte är fastställd ändras fritt. Fastställ den med "
            "vb faststall {target} --datum ÅÅÅÅ-MM-DD --paragraf N --dnr DIARIENUMMER när nämnden har beslutat.",
        ),
        _c(
            "VB813",
            E,
            "Inget har ändrats",
            "Innehållet i {target} är detsamma som {since}, så det finns ingen rättelse att anteckna.",
            "Gör ändringen i filen först och kör sedan vb rattelse igen.",
        ),
        _c(
            "VB814",
            E,
            "Rapporten har fel",
            "{target} har fel och kan inte {what}.",
            "Rätta felen som vb check {target} visar och försök igen.",
        ),
        _c(
            "VB815",
            E,
            "Filen kunde inte uppdateras",
            "{target} kunde inte skrivas om säkert: {reason}.",
            "Ingenting har ändrats. Flytta rattelser sist i filen (eller faststalld, om det står mitt i) och försök igen, "
            "eller be förvaltningens controller om hjälp.",
        ),
        # --- internal ---------------------------------------------------------
        _c(
            "VB900",
            E,
            "Internt fel",
            "Ett oväntat fel inträffade: {reason}.",
            "Det här är ett fel i verktyget, inte i din fil. Rapportera det till förvaltningens controller.",
        ),
    ]
}


@dataclass(frozen=True)
class Problem:
    """One finding: code, where it is and the rendered Swedish text."""

    code: str
    file: str
    path: Location = ()
    args: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    on_key: bool = False

    @property
    def entry(self) -> Code:
        return CATALOGUE[self.code]

    @property
    def severity(self) -> Severity:
        return self.entry.severity

    @property
    def message(self) -> str:
        return _render(self.entry.message, self.args)

    @property
    def fix(self) -> str:
        return _render(self.entry.fix, self.args)

    def at(self, line: int | None, column: int | None) -> Problem:
        """The same problem with a resolved line and column."""
        return Problem(self.code, self.file, self.path, self.args, line, column, self.on_key)


def _render(template: str, args: dict[str, Any]) -> str:
    return template.format_map(args)


@functools.cache
def placeholders(code: str) -> frozenset[str]:
    """The names a code's message and fix need a value for."""
    entry = CATALOGUE[code]
    return frozenset(
        name for text in (entry.message, entry.fix) for _, name, _, _ in string.Formatter().parse(text) if name
    )


def problem(code: str, file: str, path: Location = (), /, *, on_key: bool = False, **args: Any) -> Problem:
    """Build a problem; `on_key` points it at the key rather than the value.

    A placeholder without a value is refused here, so no message is ever shown with a blank in it.
    """
    if code not in CATALOGUE:
        raise KeyError(code)
    missing = placeholders(code) - args.keys()
    if missing:
        raise ValueError(f"{code} needs a value for {', '.join(sorted(missing))}")
    return Problem(code, file, tuple(path), args, on_key=on_key)


def suggestion(word: str, choices: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """' Menade du "x"?' for the closest choice, or '' when nothing is close; with `names`, the choice's name too
    (' Menade du "x" (Sjukfrånvaro)?'), so an id can be told from its neighbours without opening the catalogue.

    Case and characters that look like others (a no-break space, a zero-width space, a Cyrillic о) do not hide
    the choice meant, and such characters are named: on screen the word and the choice look the same."""
    close = _closest(str(word), sorted(map(str, choices)))
    if close is None:
        return ""
    name = (names or {}).get(close)
    meant = f' Menade du "{close}" ({_short(name)})?' if name else f' Menade du "{close}"?'
    odd = odd_characters(str(word))
    return f"{meant} Det står tecken som inte syns eller liknar andra: {odd}." if odd else meant


def _closest(word: str, choices: list[str]) -> str | None:
    import difflib

    folded = {choice.casefold(): choice for choice in choices}
    key = as_seen(word).casefold()
    if key in folded:
        return folded[key]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


_ODD_NAMES = {
    "\u00a0": "hårt mellanslag",
    "\u202f": "smalt hårt mellanslag",
    "\u2009": "smalt mellanslag",
    "\u200b": "osynligt mellanrum",
    "\u200c": "osynligt tecken",
    "\u200d": "osynligt tecken",
    "\u2060": "osynligt tecken",
    "\ufeff": "osynligt tecken",
    "\u00ad": "mjukt bindestreck",
    "\t": "tabbtecken",
    "\n": "radbrytning",
}


def odd_characters(text: str) -> str:
    """The characters in `text` that do not show, or show as another character does, named with their code
    (e.g. 'U+00A0 (hårt mellanslag)'); '' when there are none."""
    import unicodedata

    found = []
    for char in dict.fromkeys(text):
        if char in _ODD_NAMES:
            found.append(f"U+{ord(char):04X} ({_ODD_NAMES[char]})")
        elif unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp") and char != " ":
            found.append(f"U+{ord(char):04X} (osynligt tecken)")
        elif char.isalpha() and unicodedata.name(char, "").startswith(("CYRILLIC", "GREEK")):
            script = "kyrillisk" if unicodedata.name(char).startswith("CYRILLIC") else "grekisk"
            found.append(f"U+{ord(char):04X} ({script} bokstav {char})")
    return ", ".join(found)


def as_seen(text: str) -> str:
    """The text as it looks: invisible characters (format and control characters but line breaks and tabs) gone,
    other spaces plain, look-alike letters Latin."""
    import unicodedata

    kept = "".join(
        " " if unicodedata.category(c) == "Zs" else c
        for c in text
        if unicodedata.category(c) not in ("Cf", "Cc") or c in "\t\n\r"
    )
    return kept.translate(_LOOK_ALIKES)


_LOOK_ALIKES = str.maketrans("аеорсухіАВЕКМНОРСТХ", "aeopcyxiABEKMHOPCTX")  # Cyrillic letters drawn as Latin


def _short(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"
