"""Problems as code-review tools read them: GitLab Code Quality and SARIF 2.1.0.

GitLab shows a merge request's problems on their lines only from a Code Quality
report; SARIF is the common format of other review tools. Both carry a
fingerprint that stays the same when lines are added above the problem, so a
tool can tell a problem that was fixed from one that only moved.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from generator.problems import CATALOGUE, Problem, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def fingerprints(found: list[Problem]) -> list[str]:
    """One stable fingerprint per problem: code, file, place in the data and message, not the line.

    A problem without a place in the data (a whole-file or syntax problem) uses its line; equal
    problems at one place are told apart by their order.
    """
    seen: Counter[str] = Counter()
    result = []
    for item in found:
        place = ".".join(map(str, item.path)) if item.path else f"rad {item.line}"
        basis = "\n".join([item.code, item.file.replace("\\", "/"), place, item.message])
        seen[basis] += 1
        digest = hashlib.sha256(f"{basis}\n{seen[basis]}".encode()).hexdigest()
        result.append(digest)
    return result


def _posix(file: str) -> str:
    return file.replace("\\", "/")


def as_gitlab(found: list[Problem], files: int) -> str:
    """GitLab Code Quality JSON: a list of issues with description, check, fingerprint, severity and place."""
    issues = []
    for item, fingerprint in zip(found, fingerprints(found)):
        issues.append(
            {
                "type": "issue",
                "check_name": item.code,
                "description": f"{item.code} {item.message} Så rättar du: {item.fix}",
                "categories": ["Style" if item.severity is Severity.WARNING else "Bug Risk"],
                "severity": _GITLAB_SEVERITY[item.severity],
                "fingerprint": fingerprint,
                "location": {"path": _posix(item.file), "lines": {"begin": item.line or 1}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def as_sarif(found: list[Problem], files: int) -> str:
    """SARIF 2.1.0: one run of vb with the codes used as rules and one result per problem."""
    codes = sorted({item.code for item in found})
    rules = [_rule(code) for code in codes]
    results = [
        _result(item, codes.index(item.code), fingerprint) for item, fingerprint in zip(found, fingerprints(found))
    ]
    driver = {"name": "vb", "rules": rules}
    driver["version"] = tool_version()
    data = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def tool_version() -> str:
    """The installed package's version, as pyproject.toml states it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vb-generator")
    except PackageNotFoundError:
        return "okänd (paketet är inte installerat)"


def _rule(code: str) -> dict[str, Any]:
    entry = CATALOGUE[code]
    return {
        "id": code,
        "name": entry.title,
        "shortDescription": {"text": entry.title},
        "fullDescription": {"text": entry.message},
        "help": {"text": entry.fix},
        "defaultConfiguration": {"level": _SARIF_LEVEL[entry.severity]},
    }


def _result(item: Problem, index: int, fingerprint: str) -> dict[str, Any]:
    region = {"startLine": item.line or 1}
    if item.column:
        region["startColumn"] = item.column
    location = {"physicalLocation": {"artifactLocation": {"uri": _posix(item.file)}, "region": region}}
    return {
        "ruleId": item.code,
        "ruleIndex": index,
        "level": _SARIF_LEVEL[item.severity],
        "message": {"text": f"{item.message} Så rättar du: {item.fix}"},
        "locations": [location],
        "partialFingerprints": {"vbProblem/v1": fingerprint},
    }
