"""JSON Schema of the content files, generated from the model, for editor completion."""

from __future__ import annotations

import json
from pathlib import Path

from generator.models import Katalog, Organisation, Rapport

SCHEMAS = {"organisation.schema.json": Organisation, "katalog.schema.json": Katalog, "rapport.schema.json": Rapport}


def schema_text(model: type) -> str:
    """The JSON Schema of one model, stable and readable."""
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every content schema into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
