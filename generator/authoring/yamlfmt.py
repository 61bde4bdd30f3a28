"""The canonical layout of a report: the YAML that the browser editor writes when it saves.

The editor (editor/vb-yaml.js, the npm package `yaml` with fixed options)
re-serialises the whole file on every save. When the files in git are already
in exactly that layout, saving one changed field changes one line. `vb fmt`
writes this layout and `vb fmt --check` finds files that are not in it; the
tests compare both serialisers byte for byte. The rules mirror `yaml`'s
stringifier with the options in editor/vb-yaml.js: block collections,
sequences not indented under their key, no line folding, single quotes where
quotes are needed, literal blocks for multi-line text, numbers as JavaScript
writes them, keys in the model's order.
"""

from __future__ import annotations

import json
import re
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from pydantic import BaseModel

from generator.content.yamlread import DATE, LINE_SEPARATOR, read_file
from generator.problems import Problem, Severity, problem

# What the editor's YAML 1.2 core schema would read as something other than text: such text is quoted.
_NOT_TEXT = re.compile(
    r"(?:~|[Nn]ull|NULL)?|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)"
)
_NOT_PLAIN = re.compile(r"\A[\n\t ,\[\]{}#&*!|>'\"%@`]|\A[?-]\Z|\A[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Line separators read the same by vb and the editor only in double quotes, with the escapes \N, \L and \P.
_SEPARATOR_ESCAPES = str.maketrans({"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"})
# A line indented with a tab: the reader refuses it (VB006), so such a text is never written as a block (|).
_TAB_LED_LINE = re.compile(r"^[ \t]*\t[ \t]*[^ \t\n]", re.MULTILINE)
_DOCUMENT_MARKER = re.compile(r"^(?:%|---|\.\.\.)", re.MULTILINE)
_BLOCK_END_NEWLINES = re.compile(r"(?:^|(?<!\n))\n+(?!\n|\Z)")
_DOUBLE_MIN_MULTILINE = 40
STEP = "  "
_SCANNER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


# --- scalars ------------------------------------------------------------------


class Figure(float):
    """A number written with zeros at the end of its decimals (0.0, 2.50): written the same way again."""

    digits: int

    def __new__(cls, value: float, digits: int) -> Figure:
        made = super().__new__(cls, value)
        made.digits = digits
        return made


_TRAILING_ZERO_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)")


def figures(text: str, data: Any) -> Any:
    """`data` with each number written like "8.0" or "2.50" in `text` as a Figure that keeps its decimals."""
    return _figures(yaml.compose(text, Loader=_SCANNER), data)


def _figures(node: Any, value: Any) -> Any:
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        by_key = {key.value: item for key, item in node.value}
        return {k: _figures(by_key.get(k), v) for k, v in value.items()}
    if isinstance(node, yaml.SequenceNode) and isinstance(value, list):
        return [_figures(item, v) for item, v in zip(node.value, value)]
    if (
        isinstance(node, yaml.ScalarNode)
        and type(value) is float
        and not node.style
        and _TRAILING_ZERO_FLOAT.fullmatch(node.value)
        and "." in node.value
        and node.value.endswith("0")
    ):
        return Figure(value, len(node.value) - node.value.index(".") - 1)
    return value


def number_text(value: int | float) -> str:
    """A number as JavaScript writes it (5.0 is 5, 1e-7 is 1e-7), a Figure with its decimals (0.0 stays 0.0)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = _js_number(value)
    digits = getattr(value, "digits", 0)
    if digits and re.match(r"-?\d", text) and "e" not in text:
        if "." not in text:
            text += "."
        text += "0" * (digits - (len(text) - text.index(".") - 1))
    return text


def _js_number(value: float) -> str:
    """JavaScript's shortest text for a float."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "-0" if str(value).startswith("-") else "0"
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    text = "".join(map(str, digits))
    point = len(text) + int(exponent)  # the decimal point sits after this many digits
    if len(text) <= point <= 21:
        body = text + "0" * (point - len(text))
    elif 0 < point <= 21:
        body = f"{text[:point]}.{text[point:]}"
    elif -6 < point <= 0:
        body = "0." + "0" * -point + text
    else:
        power = point - 1
        mantissa = text if len(text) == 1 else f"{text[0]}.{text[1:]}"
        body = f"{mantissa}e{'+' if power >= 0 else '-'}{abs(power)}"
    return ("-" if sign else "") + body


def _double_quoted(value: str, indent: str, key: bool) -> str:
    """Double quotes, with JSON's escapes and long text broken at its line breaks."""
    quoted = json.dumps(value, ensure_ascii=False)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    out, start, i = "", 0, 0
    while i < len(quoted):
        ch = quoted[i]
        if ch == " " and quoted[i + 1 : i + 3] == "\\n":
            out += quoted[start:i] + "\\ "
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = quoted[i + 1] if i + 1 < len(quoted) else ""
            if following == "u":
                out += quoted[start:i] + _escape(quoted[i + 2 : i + 6], quoted[i : i + 6])
                i += 5
                start = i + 1
            elif following == "n":
                if key or quoted[i + 2 : i + 3] == '"' or len(quoted) < _DOUBLE_MIN_MULTILINE:
                    i += 1
                else:
                    out += quoted[start:i] + "\n\n"
                    while quoted[i + 2 : i + 4] == "\\n" and quoted[i + 4 : i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if quoted[i + 2 : i + 3] == " ":
                        out += "\\"
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    return (out + quoted[start:] if start else quoted).translate(_SEPARATOR_ESCAPES)


def _escape(code: str, original: str) -> str:
    named = {
        "0000": "\\0",
        "0007": "\\a",
        "000b": "\\v",
        "001b": "\\e",
        "0085": "\\N",
        "00a0": "\\_",
        "2028": "\\L",
        "2029": "\\P",
    }
    if code in named:
        return named[code]
    return "\\x" + code[2:] if code.startswith("00") else original


def _single_quoted(value: str, indent: str, key: bool) -> str:
    if (key and "\n" in value) or re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, indent, key)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    body = re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value.replace("'", "''"))
    return f"'{body}'"


def _quoted(value: str, indent: str, key: bool) -> str:
    if '"' in value and "'" not in value:
        return _single_quoted(value, indent, key)
    if "'" in value and '"' not in value:
        return _double_quoted(value, indent, key)
    return _single_quoted(value, indent, key)


def _literal(value: str, indent: str, key: bool, force_indent: bool = False) -> str:
    """A literal block (|) with the chomping and indentation indicators the text needs."""
    if re.search(r"\n[\t ]+\Z", value):
        return _quoted(value, indent, key)
    indent = indent or ("  " if force_indent or _DOCUMENT_MARKER.search(value) else "")
    end_start = len(value)
    while end_start > 0 and value[end_start - 1] in "\n\t ":
        end_start -= 1
    end = value[end_start:]
    newline_at = end.find("\n")
    if newline_at == -1:
        chomp = "-"
    elif value == end or newline_at != len(end) - 1:
        chomp = "+"
    else:
        chomp = ""
    if end:
        value = value[: -len(end)]
        if end.endswith("\n"):
            end = end[:-1]
        end = _BLOCK_END_NEWLINES.sub(lambda m: m.group(0) + indent, end)
    starts_with_space, start_end, newline_pos = False, 0, -1
    while start_end < len(value) and value[start_end] in " \n":
        if value[start_end] == " ":
            starts_with_space = True
        else:
            newline_pos = start_end
        start_end += 1
    start = value[: newline_pos + 1 if newline_pos < start_end else start_end]
    if start:
        value = value[len(start) :]
        start = re.sub(r"\n+", lambda m: m.group(0) + indent, start)
    header = ("2" if indent else "1") if starts_with_space else ""
    header += chomp
    value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
    return f"|{header}\n{indent}{start}{value}{end}"


def _blank_lines(value: str) -> bool:
    """Only spaces, tabs and line breaks, with both kinds among them: a block (|) would lose the spaces."""
    return "\n" in value and value.strip(" \t\n") == "" and value.strip("\n") != ""


def text_scalar(value: str, indent: str, key: bool = False) -> str:
    """One string as the editor writes it: plain where it reads back as the same text, else quoted or a block."""
    if _CONTROL.search(value) or LINE_SEPARATOR.search(value) or _blank_lines(value):
        return _double_quoted(value, indent, key)
    if "\n" in value and _TAB_LED_LINE.search(value):
        return _double_quoted(value, indent, key)
    if key and "\n" in value:
        return _quoted(value, indent, key)
    if _NOT_PLAIN.search(value):
        return _quoted(value, indent, key) if key or "\n" not in value else _literal(value, indent, key)
    if not key and "\n" in value:
        return _literal(value, indent, key)
    if _DOCUMENT_MARKER.search(value):
        if indent == "":
            return _literal(value, indent, key, force_indent=True)
        if key and indent == STEP:
            return _quoted(value, indent, key)
    if _NOT_TEXT.fullmatch(value) or (not key and DATE.fullmatch(value)):  # a text like a date is quoted
        return _quoted(value, indent, key)
    return re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value)


def _scalar(value: Any, indent: str) -> str:
    if value is None:
        return "null"
    if isinstance(value, (bool, int, float)):
        return number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return text_scalar(str(value), indent)


# --- collections --------------------------------------------------------------


def _lines(value: Any, indent: str) -> list[str]:
    """A map or a list as block lines at `indent` (a list's dashes at the same column as its key)."""
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{indent}{text_scalar(str(key), indent, key=True)}:"
            out.extend(_after(head, item, indent + STEP, indent))
    else:
        for item in value:
            out.extend(_after(f"{indent}-", item, indent + STEP, indent + STEP, item_of_list=True))
    return out


def _after(head: str, item: Any, inner: str, seq_indent: str, item_of_list: bool = False) -> list[str]:
    """`head` ("key:" or "-") followed by its value: inline for scalars, below for collections."""
    if isinstance(item, (dict, list)) and not item:
        return [f"{head} {'{}' if isinstance(item, dict) else '[]'}"]
    if isinstance(item, dict):
        if item_of_list:
            nested = _lines(item, inner)
            return [f"{head} {nested[0].lstrip(' ')}", *nested[1:]]
        return [head, *_lines(item, inner)]
    if isinstance(item, list):
        if item_of_list:
            nested = _lines(item, inner)
            return [f"{head} {nested[0].lstrip(' ')}", *nested[1:]]
        return [head, *_lines(item, seq_indent)]
    return [f"{head} {_scalar(item, inner)}"]


def dump(data: Any) -> str:
    """Plain content data (maps, lists, text, numbers, dates) in the canonical layout."""
    if isinstance(data, (dict, list)) and data:
        return "\n".join(_lines(data, "")) + "\n"
    return _scalar(data, "") + "\n"


# --- key order ------------------------------------------------------------------


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly or as the items of a list (None for scalars)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def ordered(value: Any, model: type[BaseModel] | None) -> Any:
    """Keys in the model's field order, unknown keys after them as they stood: the order the editor writes."""
    if isinstance(value, list):
        return [ordered(item, model) for item in value]
    if not isinstance(value, dict):
        return value
    fields = model.model_fields if model is not None else {}
    keys = [k for k in fields if k in value] + [k for k in _js_order(value) if k not in fields]
    return {k: ordered(value[k], _model_of(fields[k].annotation) if k in fields else None) for k in keys}


def _js_order(value: dict[str, Any]) -> list[str]:
    """Keys as a JavaScript object lists them: array indexes ("0", "11") first, ascending, then the rest as added."""
    indexes = sorted(
        (k for k in value if isinstance(k, str) and re.fullmatch(r"0|[1-9][0-9]{0,9}", k) and int(k) < 2**32 - 1),
        key=int,
    )
    return indexes + [k for k in value if k not in indexes]


def _scalar_kinds(annotation: Any, *more: type) -> set[Any]:
    """The scalar types a field (or its list's items) may hold: {int, float} for a number, plus str for "number or text"
    (and any of `more` asked for)."""
    if annotation in (int, float, str, *more):
        return {annotation}
    found: set[Any] = set()
    for arg in typing.get_args(annotation):
        if not (isinstance(arg, type) and issubclass(arg, BaseModel)):
            found |= _scalar_kinds(arg, *more)
    return found


def key_order(root: type[BaseModel]) -> dict[str, Any]:
    """Every model's key order under `root`, named, for the editor's serialiser (nycklar.json).

    With each model come its number fields and its "number or text" fields: a form field holds what was
    typed as text, and the editor writes such text as the number it is (an emptied number as null). Its date
    fields too: the editor holds a date as text, and quotes a text that looks like one anywhere else.
    """
    models: dict[str, Any] = {}

    def visit(model: type[BaseModel]) -> None:
        if model.__name__ in models:
            return
        entry: dict[str, Any] = {"keys": list(model.model_fields), "sub": {}, "numbers": [], "mixed": [], "dates": []}
        models[model.__name__] = entry
        for name, info in model.model_fields.items():
            kinds = _scalar_kinds(info.annotation)
            if kinds and kinds <= {int, float}:
                entry["numbers"].append(name)
            elif kinds & {int, float} and str in kinds:
                entry["mixed"].append(name)
            if date in _scalar_kinds(info.annotation, date):
                entry["dates"].append(name)
            inner = _model_of(info.annotation)
            if inner is not None:
                entry["sub"][name] = inner.__name__
                visit(inner)

    visit(root)
    return {"root": root.__name__, "models": models}


# --- checking a file ------------------------------------------------------------


def comments(text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of every YAML comment: the editor drops them when it saves."""
    spans = []
    for token in yaml.scan(text, Loader=_SCANNER):
        if isinstance(token, yaml.ScalarToken):
            spans.append((token.start_mark.index, token.end_mark.index))
    found, inside = [], 0
    for index, char in enumerate(text):
        while inside < len(spans) and spans[inside][1] <= index:
            inside += 1
        if char != "#" or (inside < len(spans) and spans[inside][0] <= index):
            continue
        if index == 0 or text[index - 1] in " \t\n":
            line = text.count("\n", 0, index) + 1
            column = index - (text.rfind("\n", 0, index) + 1) + 1
            found.append((line, column, text[index + 1 :].split("\n", 1)[0].strip()))
    return found


def without_comments(text: str, notes: list[tuple[int, int, str]]) -> str:
    """The text as the editor would leave it: comments cut off, lines that held only a comment gone."""
    if not notes:
        return text
    lines = text.split("\n")
    gone = set()
    for line, column, _ in notes:
        kept = lines[line - 1][: column - 1].rstrip()
        lines[line - 1] = kept
        if not kept:
            gone.add(line - 1)
    return "\n".join(line for number, line in enumerate(lines) if number not in gone)


def _shown(line: str) -> str:
    return f'"{line if len(line) <= 60 else line[:57] + "..."}"' if line else "en tom rad"


def layout(raw: bytes, file: str, model: type[BaseModel]) -> tuple[str | None, list[Problem]]:
    """The canonical text of one file and what stands between the file and it (nothing when it is canonical)."""
    document = read_file(raw, file)
    errors = [p for p in document.problems if p.severity is Severity.ERROR]
    if document.data is None or errors:
        return None, errors or document.problems
    text = raw.decode("utf-8", errors="replace")
    notes = comments(text)
    found = [problem("VB805", file, count=len(notes), comment=notes[0][2]).at(*notes[0][:2])] if notes else []
    canonical = dump(ordered(figures(text, document.data), model))
    bare = without_comments(text, notes)
    if canonical != bare:
        have, want = bare.split("\n"), canonical.split("\n")
        number = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want)))
        found_line = have[number] if number < len(have) else ""
        wanted = want[number] if number < len(want) else ""
        found.append(
            problem("VB804", file, report=file, line=number + 1, expected=_shown(wanted), found=_shown(found_line)).at(
                number + 1, 1
            )
        )
    return canonical, found
