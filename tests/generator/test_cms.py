"""The editor's configuration is generated from the model: every part a unit writes is a labelled form field.

The walk below goes through the model and the generated form side by side, so a
field added to the model without a form field (or a form field the model does
not have) fails here.
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
import yaml

from generator.authoring.cms import COUNCIL_PARTS, IDENTITY, LABELS, RECORDS, UNIT_ONLY_PARTS, Backend, config
from generator.authoring.cms_site import backend_from_git, config_text
from generator.authoring.yamlfmt import _model_of
from generator.check.report import COUNCIL_ONLY, COUNCIL_ONLY_ECONOMY
from generator.cli import main
from generator.content.load import load_content
from generator.content.models import Ekonomi, Enhetsmal, Katalog, Rapport

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content")


@pytest.fixture(scope="module")
def made(content):
    catalogues = [loaded.model for loaded in content.catalogues.values()]
    return config(content.organisation.model, catalogues, Backend(repo="stad/rapporter"))


def collection(made, name: str) -> dict:
    return next(c for c in made["collections"] if c["name"] == name)


def walk(model, fields: list[dict], council: bool, path: str = "", models: tuple = ()) -> list[str]:
    """What differs between the model's fields (less the other's parts) and the form's fields.

    A model inside itself (a driftbudget row's "varav" rows) is shown one level deep.
    """
    wrong = []
    models = (*models, model)
    by_name = {f["name"]: f for f in fields}
    other = UNIT_ONLY_PARTS if council else COUNCIL_PARTS
    expected = [
        n
        for n, info in model.model_fields.items()
        if (model.__name__, n) not in other and _model_of(info.annotation) not in models
    ]
    if list(by_name) != expected:
        wrong.append(f"{path or model.__name__}: formuläret {list(by_name)}, modellen {expected}")
    for name in expected:
        form, info = by_name.get(name), model.model_fields[name]
        where = f"{path}.{name}" if path else name
        if form is None:
            continue
        if not form.get("label"):
            wrong.append(f"{where}: ingen etikett")
        if model is Rapport and name in IDENTITY + RECORDS:
            if form["widget"] != "hidden":
                wrong.append(f"{where}: rapportens identitet och fastställande ska inte kunna ändras i formuläret")
            continue
        if not council and not form.get("hint"):
            wrong.append(f"{where}: ingen hjälptext")
        inner = _model_of(info.annotation)
        if inner is not None and "fields" in form:
            wrong += walk(inner, form["fields"], council, where, models)
        elif inner is not None:
            wrong.append(f"{where}: {inner.__name__} har inga fält i formuläret")
    return wrong


def test_every_part_a_unit_writes_is_a_labelled_form_field_with_help(made):
    assert walk(Rapport, collection(made, "glasade-gangen")["fields"], council=False) == []


def test_the_council_form_has_every_part_of_the_model(made):
    assert walk(Rapport, collection(made, "hagersten-alvsjo")["fields"], council=True) == []


def test_the_council_parts_include_what_the_check_refuses_in_a_units_report():
    assert {("Rapport", n) for n in COUNCIL_ONLY} <= COUNCIL_PARTS
    assert {("Ekonomi", n) for n in COUNCIL_ONLY_ECONOMY} <= COUNCIL_PARTS
    assert ("Ekonomi", "driftbudget") not in COUNCIL_PARTS and ("Ekonomi", "ovrigt") not in COUNCIL_PARTS


def test_a_unit_form_offers_no_council_part(made):
    text = yaml.safe_dump(collection(made, "glasade-gangen")["fields"], allow_unicode=True)
    for name in (
        "forslag_till_beslut",
        "underskrifter",
        "godkannanden",
        "budgetjusteringar",
        "omslutningsforandringar",
    ):
        assert f"name: {name}\n" not in text


def test_each_unit_has_its_own_collection_of_its_reports(made, content):
    units = content.organisation.model.enheter
    for unit in units:
        found = collection(made, unit.id)
        assert (found["label"], found["folder"]) == (unit.namn, f"content/rapporter/{unit.id}")
        assert found["format"] == "vb-yaml" and found["create"] is False


def options_of(fields: list[dict], *path: str) -> dict[str, str]:
    field = next(f for f in fields if f["name"] == path[0])
    if len(path) > 1:
        return options_of(field["fields"], *path[1:])
    assert field["widget"] == "select"
    return {o["value"]: o["label"] for o in field["options"]}


def test_catalogue_items_are_chosen_by_their_names(made, content):
    catalogue: Katalog = content.catalogue(2021)
    goal = catalogue.inriktningsmal[0].mal[0]
    council_goal = next(
        g for d in catalogue.inriktningsmal for m in d.mal for g in m.namndmal if g.indikatorer and g.aktiviteter
    )
    fields = collection(made, "glasade-gangen")["fields"]
    goals = options_of(fields, "inriktningsmal", "mal", "nr")
    assert goals[goal.nr] == f"{goal.nr}. {goal.titel}"
    assert options_of(fields, "inriktningsmal", "mal", "namndmal", "id")[council_goal.id] == council_goal.titel
    indicator = council_goal.indikatorer[0]
    assert options_of(fields, "inriktningsmal", "mal", "namndmal", "indikatorer", "id")[indicator.id] == indicator.namn
    activity = council_goal.aktiviteter[0]
    assert options_of(fields, "inriktningsmal", "mal", "namndmal", "aktiviteter", "id")[activity.id] == activity.text


def test_status_is_chosen_from_the_models_values(made):
    fields = collection(made, "glasade-gangen")["fields"]
    enhetsmal = next(f for f in fields if f["name"] == "inriktningsmal")["fields"][1]["fields"][-1]["fields"][-1]
    status = next(f for f in enhetsmal["fields"] if f["name"] == "status")
    assert status["options"] == list(typing.get_args(Enhetsmal.model_fields["status"].annotation))


def test_saving_opens_a_pull_request_and_works_locally(made):
    assert made["publish_mode"] == "editorial_workflow"
    assert made["local_backend"] is True
    assert made["backend"]["repo"] == "stad/rapporter" and made["locale"] == "sv"


def test_every_field_name_has_a_swedish_label():
    names = set()
    stack = [Rapport]
    seen = set()
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        names |= set(model.model_fields)
        stack += [m for info in model.model_fields.values() if (m := _model_of(info.annotation)) is not None]
    assert names <= set(LABELS), sorted(names - set(LABELS))


def test_economy_sections_offered_to_a_unit_are_the_units_sections(made):
    economy = next(f for f in collection(made, "glasade-gangen")["fields"] if f["name"] == "ekonomi")
    offered = [f["name"] for f in economy["fields"]]
    assert offered == [n for n in Ekonomi.model_fields if ("Ekonomi", n) not in COUNCIL_PARTS]
    assert offered == ["driftbudget", "investeringar", "lokalandamal", "ovrigt"]


def test_the_written_config_is_yaml_that_reads_back_as_generated(made, content):
    written = yaml.safe_load(config_text(ROOT / "content", Backend(repo="stad/rapporter"), "content"))
    assert written == made


def test_vb_cms_writes_config_and_key_order(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["cms", "--out", str(tmp_path), "--repo", "stad/rapporter"]) == 0
    written = yaml.safe_load((tmp_path / "config.yml").read_text(encoding="utf-8"))
    assert written["backend"]["repo"] == "stad/rapporter"
    assert (tmp_path / "nycklar.json").is_file()


def test_the_repository_is_read_from_the_git_remote(tmp_path):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(
        ["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:stad/rapporter.git"], check=True
    )
    assert backend_from_git(tmp_path) == Backend(name="github", repo="stad/rapporter")
    assert backend_from_git(tmp_path / "saknas") == Backend()
