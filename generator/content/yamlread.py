"""Strict YAML: one document, no duplicate keys, no tags, no aliases, only safe scalars.

PyYAML's loaders keep the last of two equal keys, read `yes` as true and can
be made to build objects. Here the event stream is turned into plain data by
hand so every rule is ours, and every value's line and column is recorded in
a `SourceMap` so problems found later can point at the exact spot.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from generator.content.yaml_errors import GENERAL_FIX, explain
from generator.problems import Location, Problem, problem

MAX_BYTES = 5 * 1024 * 1024


_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+)$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # a plain value read as a date
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NUMERIC_START = frozenset("0123456789+-.")  # the first character of anything _INT, _FLOAT or DATE matches
_ScalarEvent = yaml.ScalarEvent


def reads_as_text(value: str) -> bool:
    """Whether `value`, written plain, is read back as this text: not null, a truth value, a number or a date."""
    if value in _NULLS or value in _TRUE or value in _FALSE:
        return False
    return value[0] not in _NUMERIC_START or not (_INT.match(value) or _FLOAT.match(value) or DATE.match(value))


@dataclass
class Position:
    """Where a value starts (1-based); `block` for literal text (|), whose lines are kept as written."""

    line: int
    column: int
    block: bool = False


@dataclass
class SourceMap:
    """Positions of values and keys by their path in the data."""

    values: dict[Location, Position] = field(default_factory=dict)
    keys: dict[Location, Position] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def find(self, needle: str, start: int) -> int | None:
        """The first line from `start` (1-based) that contains `needle`."""
        for number in range(start, len(self.lines) + 1):
            if needle and needle in self.lines[number - 1]:
                return number
        return None

    def locate(self, path: Location, key: bool = False) -> Position:
        """The position of `path`, or of its nearest recorded ancestor."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(1, 1))


@dataclass
class Document:
    """A read file: its data (None if unreadable), positions and problems."""

    file: str
    data: Any
    source: SourceMap
    problems: list[Problem]


def too_large(file: str, size: int) -> Problem:
    """VB002 for a file of `size` bytes."""
    return problem("VB002", file, size=round(size / 1e6, 1), limit=MAX_BYTES // (1024 * 1024)).at(1, 1)


def read_text(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode bytes as UTF-8 text with BOM, CRLF and NFD handled; refuse binary and other encodings."""
    if len(raw) > MAX_BYTES:
        return None, [too_large(file, len(raw))]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Notepad's "Unicode"): text, but not UTF-8
        return None, [problem("VB003", file, bad_line=1).at(1, 1)]
    if b"\x00" in raw:
        return None, [_stray_nul(raw, file) or problem("VB004", file).at(1, 1)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        found = problem("VB003", file, bad_line=bad_line)
        return None, [found.at(bad_line, 1)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), []


STRAY_NULS = 8  # a text file with at most this many NUL bytes has stray ones, not binary content


def _stray_nul(raw: bytes, file: str) -> Problem | None:
    """A few NUL bytes in an otherwise UTF-8 text (pasted, or left by a crashed editor): named where the first is,
    to be deleted, instead of the whole file called binary; None for a binary file."""
    if raw.count(b"\x00") > STRAY_NULS:
        return None
    try:
        raw.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    at = raw.index(b"\x00")
    line_start = raw.rfind(b"\n", 0, at) + 1
    column = len(raw[line_start:at].decode("utf-8", errors="replace")) + 1
    reason = "otillåtet kontrolltecken (teckenkod 0x0000, ett nolltecken)"
    fix = "Ta bort tecknet; det syns ofta inte i editorn, så skriv om ordet där kolumnen pekar."
    return problem("VB005", file, reason=reason, fix=fix).at(raw[:at].count(b"\n") + 1, column)


def _tab_lines(text: str, file: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            found.append(problem("VB006", file).at(number, indent.index("\t") + 1))
    return found


# Line separators (from Word or a web page): a line break to this YAML 1.1 reader, text to the editor's YAML 1.2.
LINE_SEPARATOR = re.compile("[\x85\u2028\u2029]")
_SEPARATORS = {"\u2028": "radavgränsare", "\u2029": "styckeavgränsare", "\x85": "NEL (nästa rad)"}


def _separator_lines(text: str, file: str) -> list[Problem]:
    """VB019 on each line with a raw line separator: YAML 1.1 breaks the line there, the editor's YAML 1.2 does not."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        hit = LINE_SEPARATOR.search(line)
        if hit:
            char = hit.group(0)
            found.append(
                problem("VB019", file, name=_SEPARATORS[char], hex=f"{ord(char):04X}").at(number, hit.start() + 1)
            )
    return found


def parse(text: str, file: str) -> Document:
    """Parse YAML text into plain data with positions, collecting every problem.

    A raw line separator (VB019) is reported, and the file is read on with a space in its place, so that the
    file's other problems are reported with it: the separator is an error, and nothing is published from it."""
    tabs = _tab_lines(text, file)
    if tabs:
        return Document(file, None, SourceMap(), tabs)
    if LINE_SEPARATOR.search(text):
        separators = _separator_lines(text, file)
        read = _parse(LINE_SEPARATOR.sub(" ", text), file)
        return Document(file, read.data, read.source, [*separators, *read.problems])
    return _parse(text, file)


def _parse(text: str, file: str) -> Document:
    """`parse` of a text with neither tab indentation nor raw line separators."""
    builder = _Builder(file)
    builder.source.lines = text.split("\n")
    try:
        data = builder.run(text)
    except yaml.MarkedYAMLError as exc:
        told = explain(exc, builder.source.lines)
        found = problem("VB005", file, reason=told.reason, fix=told.fix)
        return Document(file, None, builder.source, [*builder.problems, found.at(told.line, told.column)])
    except yaml.reader.ReaderError as exc:  # a control character the YAML reader refuses
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        reason = f"otillåtet kontrolltecken (teckenkod {exc.character:#06x})"
        fix = "Ta bort tecknet; det syns ofta inte i editorn, så skriv om ordet där kolumnen pekar."
        return Document(file, None, builder.source, [problem("VB005", file, reason=reason, fix=fix).at(line, column)])
    except yaml.YAMLError:
        return Document(
            file,
            None,
            builder.source,
            [problem("VB005", file, reason="filen kan inte läsas som YAML", fix=GENERAL_FIX).at(1, 1)],
        )
    if data is None and not builder.problems:
        builder.problems.append(problem("VB010", file).at(1, 1))
    return Document(file, data, builder.source, builder.problems)


class _Builder:
    """Turns a YAML event stream into plain Python data and a SourceMap."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.source = SourceMap()
        self.problems: list[Problem] = []

    def run(self, text: str) -> Any:
        events = iter(yaml.parse(text, Loader=_loader()))
        data = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                value = self._node(next(events), events, ())
                if documents == 1:
                    data = value
                else:
                    self.problems.append(problem("VB014", self.file).at(*_pos(event)))
        return data

    def _flag(self, event: yaml.Event, path: Location) -> None:
        if getattr(event, "anchor", None):
            self.problems.append(problem("VB008", self.file, path).at(*_pos(event)))
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            self.problems.append(problem("VB009", self.file, path, tag=tag).at(*_pos(event)))

    def _node(self, event: yaml.Event, events: Iterator[yaml.Event], path: Location) -> Any:
        scalar = type(event) is _ScalarEvent
        mark = event.start_mark
        self.source.values[path] = Position(mark.line + 1, mark.column + 1, scalar and event.style == "|")
        if scalar and _plain_event(event):  # most values: no anchor, no tag to report
            return self._scalar(event, path)
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(problem("VB008", self.file, path).at(*_pos(event)))
            return None
        self._flag(event, path)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(events, path)
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(events, path)
        raise yaml.YAMLError(f"unexpected event {event!r}")

    def _sequence(self, events: Iterator[yaml.Event], path: Location) -> list[Any]:
        items: list[Any] = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self._node(event, events, (*path, len(items))))
        return items

    def _mapping(self, events: Iterator[yaml.Event], path: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key_pos = _pos(event)
            if type(event) is _ScalarEvent and _plain_event(event):  # the usual key: its position is key_pos
                key = self._scalar(event, (*path, "\0key"))
            else:
                key = self._node(event, events, (*path, "\0key"))
                self.source.values.pop((*path, "\0key"), None)
            key = "" if key is None else str(key) if not isinstance(key, (dict, list)) else repr(key)
            value_path = (*path, key)
            if key in result:
                first = self.source.keys[value_path]
                self.problems.append(
                    problem("VB007", self.file, value_path, key=key, first_line=first.line).at(*key_pos)
                )
                self._node(next(events), events, (*path, "\0dup"))
                continue
            self.source.keys[value_path] = Position(*key_pos)
            result[key] = self._node(next(events), events, value_path)
        return result

    def _scalar(self, event: yaml.ScalarEvent, path: Location) -> Any:
        value = event.value
        if not event.implicit[0]:  # quoted or block scalar: always text
            return _one_line_break(value) if "\r" in value else value
        return self._plain(value, event, path)

    def _plain(self, value: str, event: yaml.ScalarEvent, path: Location) -> Any:
        if value in _NULLS:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value[0] not in _NUMERIC_START:  # cannot be a number or a date: spare the patterns
            return value
        if _INT.match(value):
            try:
                return int(value)
            except ValueError:  # more digits than Python turns into a number: no figure of a report has as many
                shown = f"{value[:12]}… ({sum(c.isdigit() for c in value)} siffror)"
                self.problems.append(problem("VB305", self.file, path, value=shown).at(*_pos(event)))
                return 0  # (the file is in error already: no second message about the same value)
        if _FLOAT.match(value) and math.isfinite(float(value)):
            return float(value)
        if DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                self.problems.append(problem("VB012", self.file, path, value=value).at(*_pos(event)))
        return value


def _one_line_break(text: str) -> str:
    """An escaped carriage return ("\\r" in double quotes) becomes a line break like the file's own.

    Markdown readers take a carriage return for a line break; code that splits texts on "\\n" must agree.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plain_event(event: yaml.ScalarEvent) -> bool:
    """A scalar without anchor and tag (or only the non-specific "!"): nothing for `_flag` to report."""
    return event.anchor is None and (not event.tag or event.tag == "!")


def _pos(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _loader() -> type[yaml.SafeLoader]:
    """libyaml's fast parser when PyYAML was built with it; only its events are used."""
    loader: type[yaml.SafeLoader] = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    return loader


def read_file(raw: bytes, file: str) -> Document:
    """Bytes of one file in, a `Document` with data, positions and problems out."""
    text, found = read_text(raw, file)
    if text is None:
        return Document(file, None, SourceMap(), found)
    return parse(text, file)
