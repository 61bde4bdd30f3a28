"""PyYAML's syntax errors told in Swedish: what is wrong, how to fix it, and the place it is at.

PyYAML (with or without libyaml) words the same error differently; each kind is
recognised by its words, never shown in English. The column points at the
character to change: the colon inside a text, the opening quote that is never
closed, the key without a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

GENERAL_FIX = "Kontrollera indrag, kolon och citattecken på raden och raden ovanför."
BLOCK_FIX = (
    'Skriv texten som ett block: "{key}: |" på en rad och texten på raderna under, '
    "indragna två mellanslag mer än nyckeln."
)


@dataclass(frozen=True)
class Explained:
    """A syntax error as a user reads it: reason, fix, and the 1-based line and column."""

    reason: str
    fix: str
    line: int
    column: int


@dataclass(frozen=True)
class _Kind:
    words: tuple[str, ...]  # any of these in PyYAML's context or problem
    reason: str
    fix: str
    at_context: bool = False  # the place to fix is where the construct began, not where parsing stopped


_KINDS = [
    _Kind(
        ("mapping values are not allowed",),
        'kolon följt av mellanslag mitt i ett värde: YAML läser ": " som början på en ny nyckel',
        BLOCK_FIX + " Du kan också sätta citattecken runt hela texten. Ska raden vara en egen nyckel: "
        "dra in den lika mycket som nycklarna bredvid.",
    ),
    _Kind(
        ("could not find expected ':'",),
        "raden har inget kolon efter nyckeln",
        'Skriv "nyckel: värde". Är raden en fortsättning på texten ovanför: skriv texten som ett block efter "|".',
        at_context=True,
    ),
    _Kind(
        ("unknown escape character",),
        "ett omvänt snedstreck (\\) inom dubbla citattecken",
        "Skriv texten inom enkla citattecken ('C:\\mapp') eller som ett block efter \"|\"; inom dubbla "
        "citattecken skrivs ett snedstreck som \\\\.",
    ),
    _Kind(
        ("quoted scalar",),
        "ett citattecken öppnas här men stängs aldrig",
        "Avsluta texten med samma citattecken som den börjar med, eller ta bort citattecknen och skriv texten "
        'som ett block efter "|".',
        at_context=True,
    ),
    _Kind(
        ("block scalar",),
        'text på samma rad som "|" eller ">"',
        'Skriv bara "|" efter kolonet och börja texten på nästa rad, indragen två mellanslag mer än nyckeln.',
    ),
    _Kind(
        ("an anchor", "an alias"),
        "ett värde som börjar med & eller * (YAML läser det som ett ankare eller alias)",
        'Sätt citattecken runt värdet, t.ex. "* viktigt", eller skriv texten som ett block efter "|".',
    ),
    _Kind(
        ("flow sequence",),
        "en lista inom hakparenteser [ ] stängs inte, eller texten börjar med [",
        'Avsluta listan med "]" på samma rad, eller skriv varje post på en egen rad som börjar med "- ". '
        "Börjar en text med [: sätt citattecken runt den.",
    ),
    _Kind(
        ("flow mapping",),
        "nycklar inom klammerparenteser { } stängs inte, eller texten börjar med {",
        'Avsluta med "}" på samma rad, eller skriv nycklarna på egna rader. Börjar en text med {: sätt '
        "citattecken runt den.",
    ),
    _Kind(
        ("flow node",),
        "ett värde saknas inom [ ] eller { }",
        "Skriv ett värde efter kommatecknet eller ta bort kommatecknet och avsluta med ] eller }.",
    ),
    _Kind(
        ("directive", "document start"),
        'en rad som börjar med "%"',
        'Sätt citattecken runt texten som börjar med %, eller skriv den som ett block efter "|".',
    ),
    _Kind(
        ("'-' indicator", "block collection"),
        "raden i listan är indragen fel",
        'Börja varje post i listan med "- " lika långt in som de andra posterna; nycklarna i en post dras in '
        'lika mycket som den första nyckeln efter "- ".',
    ),
    _Kind(
        ("expected key", "block end"),
        "indraget stämmer inte med raderna ovanför",
        "Dra in raden lika mycket som de andra nycklarna på samma nivå (med mellanslag, två per nivå). "
        'En lista under en nyckel börjar med "- " på raden under nyckeln.',
    ),
]

_AFTER_QUOTE = _Kind(
    (),
    "text efter det avslutande citattecknet",
    'Sätt citattecken runt hela texten, eller skriv den som ett block efter "|".',
)
_UNKNOWN = _Kind((), "raden kan inte läsas som YAML", GENERAL_FIX)
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")  # how the format's keys are written
_KEY = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)")


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """The Swedish reason, fix and position of one PyYAML syntax error in a file of `lines`."""
    said = f"{exc.context or ''} {exc.problem or ''}"
    problem_mark = exc.problem_mark or exc.context_mark
    kind = next((k for k in _KINDS if any(word in said for word in k.words)), _UNKNOWN)
    if kind is _KINDS[-1] and problem_mark is not None and _after_quote(lines, problem_mark):
        kind = _AFTER_QUOTE
    if "cannot start any token" in said and problem_mark is not None:
        return _bad_start(lines, problem_mark)
    if kind is _KINDS[0] and problem_mark is not None:
        indented = _indented_too_far(lines, problem_mark.line)
        if indented is not None:
            return indented
    mark = exc.context_mark if kind.at_context and exc.context_mark else problem_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Explained(kind.reason, kind.fix.replace("{key}", _key(lines, line)), line, column)


def _indented_too_far(lines: list[str], number: int) -> Explained | None:
    """A "key: value" line indented deeper than the "key: value" line above it: YAML reads it as the rest of that
    value, with a colon in it; the fix is the indentation, not a block."""
    here = lines[number] if number < len(lines) else ""
    above = next((lines[n] for n in range(number - 1, -1, -1) if lines[n].strip()), "")
    key, above_key = _KEY.match(here), _KEY.match(above)
    if key is None or above_key is None or above.rstrip().endswith((":", "|", ">", "|-", ">-")):
        return None
    if not _FIELD_NAME.fullmatch(key.group(1).strip()):  # "och sedan: …" continues a text, it is no key
        return None
    extra = _indent(here) - _column_of_key(above)
    if extra <= 0:
        return None
    name, above_name = key.group(1).strip(), above_key.group(1).strip()
    return Explained(
        f"raden är indragen {extra} mellanslag mer än raden ovanför",
        f'Ta bort {extra} mellanslag i början av raden, så att "{name}" står rakt under "{above_name}".',
        number + 1,
        _indent(here) + 1,
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _column_of_key(line: str) -> int:
    """Where a line's key starts (after a list item's "- ")."""
    stripped = line.lstrip(" ")
    return _indent(line) + (len(stripped) - len(stripped[1:].lstrip(" ")) if stripped.startswith("- ") else 0)


def _bad_start(lines: list[str], mark: yaml.Mark) -> Explained:
    """A value that starts with a character YAML reserves (@, `, %, a tab)."""
    text = lines[mark.line] if mark.line < len(lines) else ""
    char = text[mark.column] if mark.column < len(text) else ""
    if char == "\t":
        return Explained(
            "ett tabbtecken mellan kolonet och värdet",
            "Ersätt tabbtecknet med ett mellanslag.",
            mark.line + 1,
            mark.column + 1,
        )
    return Explained(
        f'ett värde får inte börja med tecknet "{char}"',
        f'Sätt citattecken runt värdet, t.ex. "{char}...", eller skriv texten som ett block efter "|".',
        mark.line + 1,
        mark.column + 1,
    )


def _after_quote(lines: list[str], mark: yaml.Mark) -> bool:
    """Parsing stopped on the line of a quoted value, just after its closing quote."""
    text = lines[mark.line] if mark.line < len(lines) else ""
    return bool(re.search(r"[\"']\s+$", text[: mark.column]))


def _key(lines: list[str], line: int) -> str:
    """The key whose value the line is part of (for the example in the fix), or 'nyckel': the line's own, or, for
    a line that continues a text ("och sedan: mycket bra"), that of the nearest line above indented less."""
    if not 0 < line <= len(lines):
        return "nyckel"
    here = lines[line - 1]
    match = _KEY.match(here)
    if match and _FIELD_NAME.fullmatch(match.group(1).strip()):
        return match.group(1).strip()
    for above in reversed(lines[: line - 1]):
        if above.strip() and _indent(above) < _indent(here):
            found = _KEY.match(above)
            return found.group(1).strip() if found else "nyckel"
    return match.group(1).strip() if match else "nyckel"
