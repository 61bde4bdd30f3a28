"""Write content YAML the way a person would: block text, Swedish letters, no sorting."""

from __future__ import annotations

from typing import Any

import yaml

from generator.content.yamlread import LINE_SEPARATOR, reads_as_text

_Safe = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper


class _ContentDumper(_Safe):  # type: ignore[misc, valid-type]
    """Safe dumper (libyaml's when present) that writes multi-line text as literal blocks."""


def _str(dumper: yaml.BaseDumper, value: str) -> yaml.ScalarNode:
    if LINE_SEPARATOR.search(value):  # escaped as \N, \L, \P in double quotes; raw, the reader refuses it (VB019)
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:  # a block where it holds the text; else (blanks at a line's end: a hard break) double quotes
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if not reads_as_text(value):  # e.g. 1e3 or 2021-05-27: plain, vb would read a number or a date
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_ContentDumper.add_representer(str, _str)


def dump(data: Any) -> str:
    """Serialise content data to YAML that the strict loader reads back unchanged."""
    return yaml.dump(
        data,
        Dumper=_ContentDumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )
