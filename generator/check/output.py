"""How problems are shown: text for people, GitHub annotations for pull requests, JSON for tools."""

from __future__ import annotations

from collections import Counter

from generator.problems import CATALOGUE, Problem, Severity


def shown(item: Problem) -> str:
    """One problem as people read it: file:line:column, severity, code and message, then what to do."""
    where = ":".join(str(x) for x in (item.file, item.line, item.column) if x is not None)
    return f"{where}: {item.severity.value} {item.code}: {item.message}\n    Så rättar du: {item.fix}"


def as_text(found: list[Problem], files: int) -> str:
    """One block per problem (see `shown`) and a summary line."""
    return "\n".join([*(shown(item) for item in found), summary(found, files)])


def summary(found: list[Problem], files: int) -> str:
    """'2 fel och 1 varning i 14 filer.' or 'Inga problem i 14 filer.'"""
    counts = Counter(item.severity for item in found)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    where = f"{files} {'fil' if files == 1 else 'filer'}"
    if not errors and not warnings:
        return f"Inga problem i {where}."
    parts = [f"{errors} fel", f"{warnings} {'varning' if warnings == 1 else 'varningar'}"]
    return f"{parts[0]} och {parts[1]} i {where}."


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(found: list[Problem], files: int) -> str:
    """GitHub Actions workflow commands, so each problem shows on its line in the pull request."""
    lines = []
    for item in found:
        level = "error" if item.severity is Severity.ERROR else "warning"
        props = [f"file={_escape(item.file, True)}"]
        if item.line:
            props.append(f"line={item.line}")
        if item.column:
            props.append(f"col={item.column}")
        props.append(f"title={_escape(item.code + ' ' + item.entry.title, True)}")
        lines.append(f"::{level} {','.join(props)}::{_escape(item.message + ' ' + item.fix)}")
    lines.append(summary(found, files))
    return "\n".join(lines)


def as_json(found: list[Problem], files: int) -> str:
    """Machine-readable results: one object per problem plus counts."""
    counts = Counter(item.severity for item in found)
    data = {
        "filer": files,
        "fel": counts[Severity.ERROR],
        "varningar": counts[Severity.WARNING],
        "problem": [
            {
                "kod": item.code,
                "allvarlighet": item.severity.value,
                "fil": item.file,
                "rad": item.line,
                "kolumn": item.column,
                "sokvag": ".".join(map(str, item.path)),
                "meddelande": item.message,
                "atgard": item.fix,
                "rubrik": item.entry.title,
            }
            for item in found
        ],
    }
    import json  # only this format needs it; the text format starts faster without

    return json.dumps(data, ensure_ascii=False, indent=2)


def as_gitlab(found: list[Problem], files: int) -> str:
    """GitLab Code Quality JSON (see generator.check.output_ci)."""
    from generator.check.output_ci import as_gitlab as gitlab

    return gitlab(found, files)


def as_sarif(found: list[Problem], files: int) -> str:
    """SARIF 2.1.0 (see generator.check.output_ci)."""
    from generator.check.output_ci import as_sarif as sarif

    return sarif(found, files)


FORMATS = {"text": as_text, "github": as_github, "json": as_json, "gitlab": as_gitlab, "sarif": as_sarif}


START, END = "<!-- felkoder:start -->", "<!-- felkoder:end -->"


def with_code_table(text: str) -> str:
    """A document with the code table replaced between its felkoder markers."""
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{code_table()}\n{END}{after}"


def code_table() -> str:
    """The Markdown table of every code, for docs/felkoder.md."""
    rows = ["| Kod | Allvarlighet | Vad | Meddelande | Så rättar du |", "| --- | --- | --- | --- | --- |"]
    for code in CATALOGUE.values():
        cells = [code.code, code.severity.value, code.title, code.message, code.fix]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows)
