"""The walk over an export's lines: the report's fixed headings, the goal tree and the texts under it.

The reader knows only the headings every report of the template has; what it
reads is plain text with source line numbers. Matching against the catalogue
is `build`'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.authoring.importer import tabbed
from generator.authoring.importer.lines import Line

STATUSES = ("Uppfylls helt", "Uppfylls delvis", "Uppfylls ej", "Ingen")
SECTIONS = {
    "sammanfattande analys": "sammanfattande_analys",
    "uppföljning av kommunfullmäktiges inriktningsmål": "mal",
    "uppföljning av ekonomi": "ekonomi",
    "systematiskt kvalitetsarbete": "systematiskt_kvalitetsarbete",
    "förslag till beslut": "forslag_till_beslut",
    "sammanfattning": "sammanfattning",
    "ärendets beredning": "arendets_beredning",
    "jämställdhetsanalys": "jamstalldhetsanalys",
    "särskilda redovisningar": "sarskilda_redovisningar",
    "konsekvenser av covid-19-pandemin": "konsekvenser_covid19",
    "bilagor": "bilagor",
    "innehållsförteckning": "innehall",
}
ECONOMY = {
    "analys av resultaträkning - uppföljning av driftbudget": "driftbudget",
    "uppföljning av driftbudget": "driftbudget",
    "resultatenheter": "resultatenheter",
    "försäljningar av anläggningstillgångar": "forsaljningar",
    "verksamhetsprojekt (driftprojekt)": "verksamhetsprojekt",
    "omslutningsförändringar": "omslutningsforandringar",
    "budgetjusteringar": "budgetjusteringar",
    "investeringar": "investeringar",
    "medel för lokaländamål": "lokalandamal",
    "övrigt": "ovrigt",
}
_DIRECTION = re.compile(r"^KF:s inriktningsmål:\s*(?:(?P<nr>[1-9])\.?\s*(?P<title>.*))?$")
_GOAL = re.compile(r"^KF:s mål för verksamhetsområdet:\s*(?:(?P<nr>[1-9]\.[0-9]{1,2})\.?\s*(?P<title>.*))?$")
_NUMBERED = re.compile(r"^(?P<nr>[1-9](?:\.[0-9]{1,2})?)\.?\s+(?P<title>.*)$")
_COUNCIL_GOAL = re.compile(r"^Nämndmål:\s*(?P<title>.*)$")
_OWN_GOAL = re.compile(r"^Enhetsmål:\s*(?P<title>.*)$")
_DATES = re.compile(r"^(?P<start>[0-9]{4}-[0-9]{2}-[0-9]{2}) (?P<end>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*(?P<rest>.*)$")
_TOC_LINE = re.compile(r"\.{4,}\s*\S*$|\t[0-9]+$")


@dataclass
class Texts:
    """Lines of text read under one heading."""

    lines: list[Line] = field(default_factory=list)


@dataclass
class Item:
    """A goal, nämndmål, enhetsmål, activity or indicator as read: its title, status and texts."""

    kind: str
    title: str
    line: int
    nr: str = ""
    status: str | None = None
    texts: dict[str, Texts] = field(default_factory=dict)
    children: list[Item] = field(default_factory=list)
    values: str = ""  # an indicator's row of figures, or an activity's dates and deviation
    spread: bool = False  # the figures stood on several lines: which column each belongs to is lost
    layout: str = ""  # the figures' line as laid out in the export (spaces kept)
    cells: dict[str, str] = field(default_factory=dict)  # a tab-separated row's cells by column ("utfall" …)
    outcome_columns: tuple[str, ...] = ()  # the table's outcome columns, as its header names them

    def text(self, name: str) -> Texts:
        return self.texts.setdefault(name, Texts())


@dataclass
class Read:
    """A whole export as read: the report's text sections, its goal tree and the lines nothing took."""

    sections: dict[str, Texts] = field(default_factory=dict)
    directions: list[Item] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)


class _Reader:
    """A state machine over the lines; `target` is where the next text lines go."""

    def __init__(self) -> None:
        self.read = Read()
        self.section = ""
        self.target: Texts | None = None
        self.title_of: Item | None = None  # an item whose title continues on the next lines
        self.awaiting: Item | None = None  # the item the next status line belongs to
        self.goal: Item | None = None
        self.council_goal: Item | None = None
        self.current: Item | None = None  # the latest enhetsmål, activity or indicator
        self.table = ""  # "aktivitet" or "indikator" while inside a table
        self.row: Item | None = None
        self.in_analysis = False
        self.columns: list[str] = []  # the fields of a tab-separated table's columns
        self.pending_analysis = False  # an "Analys" row whose text comes on the next row
        self.header_text = ""  # the words of the current indicator table's header
        self.carry: Texts | None = None  # an analysis a page break cut: it may go on after the header
        self.name_goes_on, self.name_tail = False, ""  # a row's name goes on after the header of a new page

    def feed(self, line: Line) -> None:
        text = line.text
        if not text:
            if (
                self.title_of is not None
                and self.title_of.title
                and (self.title_of.nr or not _is_numbered(self.title_of))
            ):
                self.title_of = None  # a title ends at a blank line; a heading alone ("Nämndmål:") waits for it
            if self.name_goes_on and self.name_tail:
                self.name_goes_on = False  # the name's rest ends at a blank line
            if self.in_analysis and self.target is not None and self.target.lines:
                # a row's analysis ends at a blank line; the table goes on
                self.in_analysis, self.target = False, None
            if self.target is not None and self.target.lines and self.target.lines[-1].text:
                self.target.lines.append(line)  # a paragraph ends here
            return
        if _TOC_LINE.search(text.replace("**", "")):
            return  # the table of contents: its headings come again in the text
        if self.columns and self.table:
            if tabbed.is_tabbed(line.source) or tabbed.analysis_text(line.source)[0]:
                self._tabbed(line)  # a tab-separated table's row, or its analysis
                return
            self.table, self.columns = "", []  # text after the table
        if self._heading(line) or self._structure(line) or self._table(line):
            return
        if self.title_of is not None:
            numbered = (
                _NUMBERED.match(text)
                if not self.title_of.nr and self.title_of.kind in ("inriktningsmal", "mal")
                else None
            )
            if numbered:  # "KF:s mål för verksamhetsområdet:" alone, its number and title on the next line
                self.title_of.nr, self.title_of.title = numbered.group("nr"), numbered.group("title")
            else:
                self.title_of.title = f"{self.title_of.title} {text}".strip()
            return
        if self.target is not None and not _FOOTER.search(text):
            self.target.lines.append(line)
        else:
            self.read.unplaced.append(line)

    def _heading(self, line: Line) -> bool:
        key = line.text.lower().rstrip(". ")
        if key == "uppföljning av ekonomi" and self.section == "sammanfattande_analys" and self.target is not None:
            return False  # a sub-heading of the summary: the economy's own section comes after the goals
        if key in SECTIONS:
            self.section = SECTIONS[key]
            self.target = (
                None
                if self.section in ("mal", "ekonomi", "innehall")
                else self.read.sections.setdefault(self.section, Texts())
            )
            self.table = ""
            return True
        if (key == "övrigt" and self.section != "ekonomi") or (
            key == "övrigt" and "ekonomi:ovrigt" in self.read.sections
        ):
            self.section = "ovrigt"
            self.target = self.read.sections.setdefault("ovrigt", Texts())
            return True
        if self.section == "ekonomi" and key in ECONOMY:
            self.target = self.read.sections.setdefault(f"ekonomi:{ECONOMY[key]}", Texts())
            return True
        return False

    def _structure(self, line: Line) -> bool:
        if self.section != "mal":
            return False
        text = _STATUS_MARK.sub("", line.text)
        if text in STATUSES:
            if self.awaiting is not None:
                self.awaiting.status = text
                self.awaiting = None
                self.title_of = None
                return True
            return False
        for pattern, handler in (
            (_DIRECTION, self._direction),
            (_GOAL, self._goal),
            (_COUNCIL_GOAL, self._council_goal),
            (_OWN_GOAL, self._own_goal),
        ):
            match = pattern.match(text)
            if match:
                handler(match, line)
                return True
        return self._subheading(text)

    def _direction(self, match: re.Match, line: Line) -> None:
        item = Item("inriktningsmal", match.group("title") or "", line.number, nr=match.group("nr") or "")
        self.read.directions.append(item)
        self.title_of, self.goal, self.council_goal, self.table = item, None, None, ""
        self.target = item.text("text")

    def _goal(self, match: re.Match, line: Line) -> None:
        item = Item("mal", match.group("title") or "", line.number, nr=match.group("nr") or "")
        if not self.read.directions:
            self.read.directions.append(Item("inriktningsmal", "", line.number, nr=item.nr.split(".")[0]))
        self.read.directions[-1].children.append(item)
        self.goal, self.council_goal, self.current, self.row = item, None, item, None
        self.title_of = self.awaiting = item
        self.target, self.table = item.text("analys"), ""

    def _council_goal(self, match: re.Match, line: Line) -> None:
        item = Item("namndmal", match.group("title"), line.number)
        (self.goal.children if self.goal else self.read.directions[-1].children if self.read.directions else []).append(
            item
        )
        self.council_goal = self.current = item
        self.row = None
        self.title_of = self.awaiting = item
        self.target, self.table = item.text("analys"), ""

    def _own_goal(self, match: re.Match, line: Line) -> None:
        item = Item("enhetsmal", match.group("title"), line.number)
        parent = self.council_goal or self.goal
        if parent is not None:
            parent.children.append(item)
        self.current, self.row = item, None
        self.title_of = self.awaiting = item
        self.target, self.table = item.text("analys"), ""

    def _subheading(self, text: str) -> bool:
        """Beskrivning, Förväntat resultat and Analys: where the next lines belong."""
        name = {"Beskrivning": "beskrivning", "Förväntat resultat": "forvantat_resultat", "Analys": "analys"}.get(text)
        if name is None or self.current is None:
            return False
        in_table = name == "analys" and self.row is not None
        owner = self.row if in_table and self.row is not None else self.current
        self.target, self.title_of, self.awaiting = owner.text(name), None, None
        self.in_analysis = in_table
        if not in_table:
            self.table = ""
        return True

    def _table(self, line: Line) -> bool:
        if self.section != "mal":
            return False
        text = line.text
        if (self.table and self.columns) or (tabbed.is_tabbed(line.source) and tabbed.header(line.source)):
            return self._tabbed(line)
        if text.startswith("Aktivitet Startdatum Slutdatum"):
            self._start_table("aktivitet")
            return True
        if text.startswith("Indikator Periodens") or text == "Indikator":
            self._start_table("indikator", text)
            return True
        if not self.table or self.in_analysis:
            return False
        return self._activity_row(line) if self.table == "aktivitet" else self._indicator_row(line)

    def _tabbed(self, line: Line) -> bool:
        """A row of a table whose cells are kept apart by tabs: a header, a row, or a row's analysis."""
        columns = tabbed.header(line.source)
        if columns is not None:
            kind = "aktivitet" if line.text.startswith("Aktivitet") else "indikator"
            if kind != self.table:
                self.row = None  # the same table goes on after a page break: its last row may go on too
            self.table, self.columns, self.title_of, self.awaiting, self.target = kind, columns, None, None, None
            self.in_analysis = False
            return True
        row = tabbed.cells(line.source)
        starts, analysis = tabbed.analysis_text(line.source)
        if starts or (self.pending_analysis and tabbed.only_first(row)) or tabbed.starts_with_label(line.source):
            return self._row_analysis(line, analysis, starts)
        self.pending_analysis = False
        if self.table == "aktivitet":
            return self._tabbed_activity(line, row)
        fields = tabbed.row_fields(row, self.columns)
        name = fields.pop("namn", "").lstrip("♀ ").strip()
        if not fields or (tabbed.only_first(row) and self.row is not None and not self.row.texts):
            if self.row is None:
                if not name:
                    return True
                self._new_indicator(Line(line.number, name))  # the end of a name begun on a lost line
                return True
            self.row.title += " " + name  # the row's name goes on after a page break
            return True
        item = self._new_indicator(Line(line.number, name))
        item.cells = fields
        return True

    def _row_analysis(self, line: Line, analysis: str, starts: bool) -> bool:
        if self.row is None:
            return False
        self.pending_analysis = starts and not analysis
        if analysis:
            self.row.text("analys").lines.append(Line(line.number, analysis))
            self.row.text("analys").lines.append(Line(line.number, ""))
        return True

    def _tabbed_activity(self, line: Line, row: list[str]) -> bool:
        dates = [index for index, cell in enumerate(row) if tabbed.DATE.match(cell)]
        if not dates:
            if self.row is None:
                return False
            self.row.title += " " + " ".join(cell for cell in row if cell)
            return True
        name = " ".join(cell for cell in row[: dates[0]] if cell)
        done = name.startswith(("✓", "✔"))
        self.row = Item("aktivitet", name.lstrip("✓✔ ").strip(), line.number)
        self.row.values = " ".join(cell for cell in row[dates[0] :] if cell)
        if done:
            self.row.status = "klar"
        parent = self.council_goal or self.goal
        if parent is not None:
            parent.children.append(self.row)
        return True

    def _carried(self, line: Line) -> bool:
        """The first line after a table's header on a new page: the rest of the analysis the page broke."""
        carry, self.carry = self.carry, None
        if carry is None or not (not carry.lines or line.text[:1].islower()):
            return False
        carry.lines.append(line)
        self.target, self.in_analysis = carry, True
        return True

    def _start_table(self, kind: str, heading: str = "") -> None:
        analysis = self.target if self.in_analysis and kind == self.table else None
        unfinished = analysis is not None and not (analysis.lines and _SENTENCE_END.search(analysis.lines[-1].text))
        self.carry = analysis if unfinished else None
        self.in_analysis = False
        self.columns = []
        self.name_goes_on, self.name_tail = False, ""
        self.header_text = heading
        if kind != self.table or self.row is None or not self.row.values:
            self.row = None
        elif kind == "indikator":
            self.name_goes_on = True  # the same table on a new page: its last row's name may go on
        self.table, self.title_of, self.awaiting, self.target = kind, None, None, None

    def _activity_row(self, line: Line) -> bool:
        if self._carried(line):
            return True
        match = _DATES.match(line.text)
        if match:
            if self.row is not None:
                self.row.values = line.text
            return True
        ending = _ENDS_WITH_DATES.match(line.text)
        if ending and (self.row is None or self.row.values or not self.row.title):
            self.row = Item("aktivitet", ending.group("name"), line.number, values=ending.group("dates"))
            parent = self.council_goal or self.goal
            if parent is not None:
                parent.children.append(self.row)
            return True
        if ending and self.row is not None:
            self.row.title += " " + ending.group("name")  # the name's last line, then the dates
            self.row.values = ending.group("dates")
            return True
        if self.row is None or self.row.values:
            self.row = Item("aktivitet", line.text, line.number)
            parent = self.council_goal or self.goal
            if parent is not None:
                parent.children.append(self.row)
        else:
            self.row.title += " " + line.text
        return True

    def _indicator_row(self, line: Line) -> bool:
        text = line.text
        if self.row is not None and self.row.values and not _PERIOD_END.search(self.row.values):
            self.row.values += " " + text  # a row of figures broken over lines ends with its period
            if re.search(r"[0-9]", text) and not _PERIOD_END.fullmatch(" " + text):
                self.row.spread = True
            return True
        if _is_header(text) or ((self.row is None or self.name_goes_on) and re.fullmatch(r"20[0-9]{2}", text)):
            self.header_text += " " + text
            self.name_goes_on = self.row is not None and bool(self.row.values)  # a page break inside a row
            return True
        if self._carried(line):
            return True
        if self.name_goes_on and self.row is not None:
            if text[:1].islower() or (self.row.title.endswith(self.name_tail) and self.name_tail):
                self.row.title += " " + text  # the rest of the row's name, on the next page
                self.name_tail = text
                return True
            self.name_goes_on = False
        started = _NAME_THEN_FIGURES.match(text)
        if (
            started
            and (self.row is None or self.row.values)
            and not _is_values(text)
            and not _NAME_AND_VALUES.match(text)
        ):
            row = self._new_indicator(Line(line.number, started.group("name")))
            row.values, row.layout = started.group("values"), _after_name(line.raw, started.group("name"))
            return True
        inline = _NAME_AND_VALUES.match(text)
        if inline and (self.row is None or self.row.values) and not _is_values(text):
            row = self._new_indicator(Line(line.number, inline.group("name")))
            row.values, row.layout = inline.group("values"), _after_name(line.raw, inline.group("name"))
            return True
        if _is_values(text):
            if self.row is not None and not self.row.values:
                self.row.values, self.row.layout = text, line.raw
                return True
            return False
        if self.row is not None and not self.row.values and re.match(r"^-?[0-9]", text):
            self.row.values, self.row.layout = text, line.raw  # the figures start under the name
            return True
        if self.row is None or self.row.values:
            self._new_indicator(line)
        else:
            self.row.title += " " + text
        return True

    def _new_indicator(self, line: Line) -> Item:
        row = self.row = Item("indikator", line.text, line.number)
        row.outcome_columns = outcome_columns(self.header_text)
        if self.goal is not None:
            (self.council_goal or self.goal).children.append(row)
        return row


_NAME_AND_VALUES = re.compile(
    r"^(?P<name>.*?[A-Za-zÅÄÖåäö)])\s+(?P<values>(?:(?:-?[0-9][0-9,.]*\s*%?|öka|minska)\s+)*20[0-9]{2})$"
)
_NAME_THEN_FIGURES = re.compile(r"^(?P<name>.*?[A-Za-zÅÄÖåäö)0-9])\s+(?P<values>-?[0-9][0-9,.]*\s*%.*)$")
_PERIOD_END = re.compile(r"(?:^|\s)(?:VB |Tertial [12] |T[12] )?20[0-9]{2}$")
_HEADER_WORDS = {
    "Periodens",
    "utfall",
    "Utfall",
    "män/",
    "pojkar",
    "kvinnor/",
    "flickor",
    "VB",
    "Årsmål",
    "KF:s",
    "årsmål",
    "Period",
    "Prognos",
    "helår",
    "Progno",
    "s",
    "kvinn",
    "or/",
    "flicko",
    "r",
    "Perio",
    "dens",
    "Indikator",
    "Tertial",
    "T1",
    "T2",
}
_VALUE = re.compile(
    r"^(?:-?[0-9][0-9 ]*(?:[.,][0-9]+)?\s*%?|öka|minska|[0-9]{4}|VB|Tertial|[12]|[+-]/?-?[0-9]+ ?%?|Tas|fram|av|nämnd(/styrelse)?)$"
)


def _is_header(text: str) -> bool:
    """A line of the indicator table's column headings (they break over several lines in the export)."""
    words = text.replace("  ", " ").split()
    return (
        bool(words)
        and all(word in _HEADER_WORDS or re.fullmatch(r"20[0-9]{2}", word) for word in words)
        and not re.fullmatch(r"20[0-9]{2}", text)
    )


def _is_values(text: str) -> bool:
    """A row of figures: numbers with % or units, targets like 'öka', and the period at its end."""
    if not re.search(r"(20[0-9]{2}|[0-9] ?%)\s*$", text):
        return False
    return bool(re.search(r"[0-9]", text)) and not re.search(
        r"[a-zåäö]{5,}", text.replace("minska", "").replace("nämnd", "").replace("styrelse", "")
    )


def _after_name(raw: str, name: str) -> str:
    """The figures of a row that starts with the indicator's name, with their layout spaces."""
    words = name.split()
    match = re.match(r"\s*" + r"\s+".join(map(re.escape, words)) + r" ?", raw)
    return raw[match.end() :] if match else raw


def read_export(lines: list[Line]) -> Read:
    """Walk every line of an export once."""
    reader = _Reader()
    for line in lines:
        reader.feed(line)
    return reader.read


_STATUS_MARK = re.compile(r"^[^\w(]+")  # a symbol before a status (●, —, a coloured circle)


def _is_numbered(item: Item) -> bool:
    """An item whose heading carries a number ("1.", "1.1"), which may come on a line of its own."""
    return item.kind in ("inriktningsmal", "mal")


# A page's footer: the council's web address, an e-mail address, a post box, a telephone number alone.
_FOOTER = re.compile(r"^(?:start\.stockholm|\S+@\S+\.se|.*\bBox [0-9]+\b.*|0[0-9]{1,3}-[0-9 ]{5,})$")


def outcome_columns(header: str) -> tuple[str, ...]:
    """The outcome columns a table's header names, in order; none when the header is not whole (it ends with
    the column Period)."""
    joined = re.sub(r"\s+", "", header).lower()
    if not joined.endswith("period") or "periodensutfall" not in joined:
        return ()
    found = ["utfall"]
    if "män/" in joined:
        found.append("utfall_man")
    if "kvinnor/" in joined:
        found.append("utfall_kvinnor")
    if re.search(r"utfall(?:vb|t[12]|tertial[12])20[0-9]{2}", joined):
        found.append("utfall_foregaende")
    if "prognos" in joined:
        found.append("prognos")
    return tuple(found)


_ENDS_WITH_DATES = re.compile(r"^(?P<name>.*\S)\s+(?P<dates>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{4}-[0-9]{2}-[0-9]{2}.*)$")
_SENTENCE_END = re.compile(r"[.!?]$")
