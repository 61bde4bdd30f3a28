"""Write content YAML the way a person would: block text, Swedish letters, no sorting."""

from __future__ import annotations

from typing import Any

import yaml


class _ContentDumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line text as literal blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        text = "\n".join(line.rstrip() for line in value.split("\n"))
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
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
