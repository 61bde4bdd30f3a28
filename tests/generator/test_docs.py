"""The documentation and editor settings stay in step with the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.check.output import code_table
from generator.content.schema import SCHEMAS, schema_text
from generator.problems import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]


def test_readme_lists_every_error_code_from_the_catalogue():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- felkoder:start -->\n(.*)\n<!-- felkoder:end -->", readme, re.S)
    assert block, "README.md has no felkoder block"
    assert block.group(1) == code_table()
    listed = set(re.findall(r"^\| (VB\d{3}) \|", block.group(1), re.M))
    assert listed == set(CATALOGUE)


def test_committed_schemas_are_generated_from_the_model():
    from generator.commands.schema import catalogues_in

    catalogues = catalogues_in(ROOT / "content")
    assert catalogues
    for name, model in SCHEMAS.items():
        expected = schema_text(model, catalogues)
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == expected, f"run `vb schema` ({name})"


def test_vscode_settings_point_at_existing_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert set(Path(p).name for p in mapped) == set(SCHEMAS)
    for path in mapped:
        assert (ROOT / path).is_file()


def test_report_schema_offers_the_status_values_for_completion():
    schema = json.loads(schema_text(SCHEMAS["rapport.schema.json"]))
    text = json.dumps(schema, ensure_ascii=False)
    for status in ("Uppfylls helt", "Uppfylls delvis", "Uppfylls ej"):
        assert status in text
    assert schema["additionalProperties"] is False
