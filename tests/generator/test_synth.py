"""`vb synth`: synthetic content trees are valid, exact in their sums and the same for the same seed.

Expected counts are worked out by hand from the arguments: a tree has one
organisation.yml, one catalogue per year, and per year and period one report
per unit plus the council's own.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.check.run import check_paths
from generator.cli import main
from generator.commands import synth as command
from generator.problems import Severity
from generator.synth.district import (
    DISTRICTS,
    district_id,
    make_units,
    make_world,
    result_units_table,
    split_int,
    synthesize,
    within_rules,
    write_tree,
)

# Warnings a synthetic tree may raise. None: every analysis that a rule asks for is written, activities
# are only followed by units they are assigned to, shares stay within 0–100 and the resultatenheter
# keep to the 5 % and 10 % rules, so a warning here means the generator or a rule has changed.
ALLOWED_WARNINGS: set[str] = set()

UNITS, YEARS, PERIODS, SEED = 5, [2021, 2022], ["VP", "T1", "T2", "VB"], 7
COUNCIL = district_id(0)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return synthesize(UNITS, YEARS, PERIODS, SEED)


@pytest.fixture(scope="module")
def tree(files, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "content"
    write_tree(files, root)
    return root


@pytest.fixture(scope="module")
def data(files) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {path: yaml.load(text, Loader=loader) for path, text in files.items()}


def reports(data: dict[str, Any], council: bool, period: str | None = None) -> list[dict[str, Any]]:
    return [
        d
        for p, d in data.items()
        if p.startswith("rapporter/") and (d["organisation"] == COUNCIL) == council and period in (None, d["period"])
    ]


def blocks(report: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [
        block[kind]
        for section in report.get("ekonomi", {}).values()
        if isinstance(section, list)
        for block in section
        if kind in block
    ]


def words(text: str) -> int:
    return len(" ".join(line for line in text.split("\n") if not line.startswith("#")).split())


# --- the tree as a whole -----------------------------------------------------------


def test_the_generated_tree_passes_the_check(tree, files):
    result = check_paths([tree])
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    warnings = [p for p in result.problems if p.severity is Severity.WARNING]
    assert errors == []
    assert {p.code for p in warnings} <= ALLOWED_WARNINGS, [f"{p.file}:{p.line} {p.code} {p.message}" for p in warnings]
    assert result.files == len(files)


def test_the_tree_has_one_report_per_unit_year_and_period_plus_the_councils(files):
    # 5 units x 2 years x 4 periods = 40 unit reports; + organisation + 2 catalogues + 2 x 4 council reports = 51.
    assert len(files) == 51
    # 1 unit, 1 year, 1 period: organisation, catalogue, the unit's report and the council's.
    assert sorted(synthesize(1, [2021], ["VB"], 1)) == sorted(
        [
            "organisation.yml",
            "katalog/2021.yml",
            f"rapporter/{COUNCIL}/2021-vb.yml",
            f"rapporter/{make_units(1, 1, 0)[0].id}/2021-vb.yml",
        ]
    )


def test_every_unit_and_the_council_report_every_year_and_period(files, data):
    units = [u["id"] for u in data["organisation.yml"]["enheter"]]
    assert len(units) == UNITS
    expected = {
        f"rapporter/{org}/{year}-{period.lower()}.yml"
        for org in [*units, COUNCIL]
        for year in YEARS
        for period in PERIODS
    }
    assert {p for p in files if p.startswith("rapporter/")} == expected
    assert {p for p in files if p.startswith("katalog/")} == {"katalog/2021.yml", "katalog/2022.yml"}


def test_the_same_seed_gives_byte_identical_files_whatever_the_global_random_state(tmp_path):
    random.seed(1)
    write_tree(synthesize(3, [2021], ["T2", "VB"], 11), tmp_path / "a")
    random.seed(99)
    write_tree(synthesize(3, [2021], ["T2", "VB"], 11), tmp_path / "b")
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert len(first) == 1 + 1 + 2 * (3 + 1)
    assert first == second


def test_the_files_do_not_depend_on_string_hashing():
    # Set and dict orders of strings change with PYTHONHASHSEED; a draw must never depend on them.
    script = (
        "import hashlib, sys; from generator.synth.district import synthesize; "
        "files = synthesize(3, [2021], ['T1'], 5); "
        "sys.stdout.write(hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        for hash_seed in (1, 2)
    }
    assert len(digests) == 1


def test_a_different_seed_gives_different_files():
    one, two = synthesize(3, [2021], ["VB"], 1), synthesize(3, [2021], ["VB"], 2)
    assert one["organisation.yml"] != two["organisation.yml"]
    assert one["katalog/2021.yml"] != two["katalog/2021.yml"]


def test_files_are_utf8_with_unix_line_ends(tree):
    for path in tree.rglob("*.yml"):
        raw = path.read_bytes()
        assert b"\r\n" not in raw
        raw.decode("utf-8")


def test_wrong_arguments_are_refused_in_swedish():
    with pytest.raises(ValueError, match="minst 1"):
        synthesize(0, [2021], ["VB"], 1)
    with pytest.raises(ValueError, match="VP, T1, T2, VB"):
        synthesize(2, [2021], ["Q3"], 1)
    with pytest.raises(ValueError, match="finns inte"):
        synthesize(2, [2021], ["VB"], 1, district=len(DISTRICTS))


# --- organisation and catalogue ----------------------------------------------------


def test_units_spread_over_the_departments_with_one_in_ten_a_resultatenhet():
    units = make_units(150, 1, 0)
    assert len(units) == 150
    # Shares 0.38, 0.25, 0.25, 0.06, 0.06 of 150: 57, 37.5, 37.5, 9, 9 -> the two halves go one each way.
    counts = Counter(u.avdelning for u in units)
    assert counts["forskola"] == 57 and counts["stadsmiljo"] == 9 and counts["administration"] == 9
    assert counts["social-omsorg"] + counts["aldreomsorg"] == 75
    assert sum(u.resultatenhet for u in units) == 15  # 10 % of 150
    assert {u.avdelning for u in units if u.resultatenhet} <= {"forskola", "social-omsorg"}
    assert len({u.id for u in units}) == 150 and len({u.namn for u in units}) == 150


def test_units_use_the_areas_of_the_driftbudget(data):
    organisation = data["organisation.yml"]
    areas = {a["id"] for a in organisation["verksamhetsomraden"]}
    assert len(areas) == 12
    assert {u["verksamhetsomrade"] for u in organisation["enheter"]} <= areas
    assert {d["id"] for d in organisation["avdelningar"]} == {
        "forskola",
        "social-omsorg",
        "aldreomsorg",
        "stadsmiljo",
        "administration",
    }


def test_the_catalogue_is_shaped_like_the_2021_one(data):
    catalogue = data["katalog/2021.yml"]
    goals = [g for d in catalogue["inriktningsmal"] for g in d["mal"]]
    council_goals = [c for g in goals for c in g["namndmal"]]
    indicators = [i for node in goals + council_goals for i in node["indikatorer"]]
    activities = [a for node in goals + council_goals for a in node["aktiviteter"]]
    assert [d["nr"] for d in catalogue["inriktningsmal"]] == ["1", "2", "3"]
    assert [g["nr"] for g in goals] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "3.1",
        "3.2",
    ]
    assert len(council_goals) == 17
    assert len(indicators) == 60
    assert {i["enhet"] for i in indicators} == {"%", "st", "index"}
    assert 130 <= len(activities) <= 170
    assigned = Counter("alla" if a["galler"] == "alla" else "några" for a in activities)
    assert assigned["alla"] > 0 and assigned["några"] > 0


def test_catalogues_change_from_year_to_year(data):
    first = [a["text"] for d in data["katalog/2021.yml"]["inriktningsmal"] for g in d["mal"] for a in g["aktiviteter"]]
    second = [a["text"] for d in data["katalog/2022.yml"]["inriktningsmal"] for g in d["mal"] for a in g["aktiviteter"]]
    assert first != second


# --- economy -----------------------------------------------------------------------


def test_every_income_statement_adds_up_exactly(data):
    tables = [t for r in reports(data, council=False) for t in blocks(r, "resultatrakning")]
    # One per unit and year in T1, T2 and VB (a plan has no outcome): 5 x 2 x 3.
    assert len(tables) == 30
    for table in tables:
        for row in table["intakter"]:
            assert row["avvikelse"] == row["utfall"] - row["budget"]
        for row in table["kostnader"]:
            assert row["avvikelse"] == row["budget"] - row["utfall"]
        for total, rows in (("summa_intakter", table["intakter"]), ("summa_kostnader", table["kostnader"])):
            for column in ("utfall", "budget", "avvikelse"):
                assert table[total][column] == sum(row[column] for row in rows)
        net, cost, income = table["summa_netto"], table["summa_kostnader"], table["summa_intakter"]
        assert net["utfall"] == cost["utfall"] - income["utfall"]
        assert net["budget"] == cost["budget"] - income["budget"]
        assert net["avvikelse"] == net["budget"] - net["utfall"]
        assert all(
            isinstance(row[c], int) for row in table["intakter"] + table["kostnader"] for c in ("utfall", "budget")
        )


def test_the_council_driftbudget_adds_up_without_counting_varav_rows(data):
    for report in reports(data, council=True):
        (table,) = blocks(report, "driftbudget")
        tenths = lambda value: round(value * 10)
        for column in ("budget", "begarda_bj", "prognos_fore", "prognos_efter", "avvikelse"):
            assert tenths(table["totalt"][column]) == sum(tenths(row[column]) for row in table["rader"])
        for row in table["rader"] + [table["totalt"]]:
            assert tenths(row["avvikelse"]) == tenths(row["budget"]) + tenths(row["begarda_bj"]) - tenths(
                row["prognos_efter"]
            )
            for column in ("budget", "begarda_bj", "prognos_fore", "prognos_efter", "avvikelse"):
                if row.get("varav"):
                    assert sum(tenths(part[column]) for part in row["varav"]) == tenths(row[column])
        assert sum(1 for row in table["rader"] if row.get("varav")) == 2


def test_resultatenheter_keep_to_the_five_and_ten_percent_rules(data):
    result_units = {u["id"] for u in data["organisation.yml"]["enheter"] if u["resultatenhet"]}
    assert len(result_units) == 1  # 10 % of 5 units rounds to 0, and there is always at least one
    for report in reports(data, council=True):
        (table,) = blocks(report, "resultatenheter")
        assert {row["enhet"] for row in table["rader"]} == result_units
        for row in table["rader"]:
            gross = row["bruttobudget"]
            assert row["fem_procent"] == (gross * 5 + 50) // 100
            assert -row["resultat"] * 100 < gross * 5  # this year's surplus under 5 %
            assert row["overforing_till_nasta"] * 100 < gross * 10  # the fund under 10 %
            assert row["overforing_till_nasta"] == -row["overforing_fran_fg"] - row["resultat"]
        for column in ("bruttobudget", "fem_procent", "overforing_fran_fg", "resultat", "overforing_till_nasta"):
            assert table["summa"][column] == sum(row[column] for row in table["rader"])


@pytest.mark.parametrize(
    "fund, deviation, kept",
    [
        (0, 400, 400),  # gross 10 000: a surplus of 400 is within 5 % (500)
        (0, 600, 499),  # over 5 %: cut to just under 500
        (900, 400, 99),  # the fund may reach just under 10 % (1 000): 1 000 - 1 - 900
        (0, -1000, -300),  # a deficit is held to 3 %
        (1300, 0, -301),  # a fund above 10 % is brought under it: 1 000 - 1 - 1 300
    ],
)
def test_results_are_kept_within_the_rules(fund, deviation, kept):
    assert within_rules(10_000, fund, deviation) == kept


def test_every_result_of_a_large_district_keeps_to_the_rules():
    world = make_world(150, [2021, 2022, 2023], 5)
    result_units = [u for u in world.units if u.resultatenhet]
    assert len(result_units) == 15
    for unit in result_units:
        for year in world.years:
            gross, fund = world.budget(unit, year).brutto, world.fund(unit, year)
            for period in ("VP", "T1", "T2", "VB"):
                deviation = world.period_result(unit, year, period)
                assert deviation * 100 < gross * 5 and (fund + deviation) * 100 < gross * 10
    for row in result_units_table(world, 2021, "VB")["rader"]:
        assert row["fem_procent"] == (row["bruttobudget"] * 5 + 50) // 100  # 5 %, rounded half up


def test_a_resultatenhet_carries_its_fund_into_the_next_year(data):
    by_key = {(r["ar"], r["period"]): blocks(r, "resultatenheter")[0]["rader"][0] for r in reports(data, council=True)}
    assert by_key[(2022, "VB")]["overforing_fran_fg"] == -by_key[(2021, "VB")]["overforing_till_nasta"]
    assert by_key[(2021, "T1")]["overforing_fran_fg"] == by_key[(2021, "VB")]["overforing_fran_fg"]


def test_the_council_result_matches_the_units_income_statement(data):
    for council in reports(data, council=True, period="VB"):
        for row in blocks(council, "resultatenheter")[0]["rader"]:
            unit = data[f"rapporter/{row['enhet']}/{council['ar']}-vb.yml"]
            (statement,) = blocks(unit, "resultatrakning")
            assert row["resultat"] == -statement["summa_netto"]["avvikelse"]


def test_investments_add_up(data):
    for report in reports(data, council=True):
        (table,) = blocks(report, "investeringar")
        for column in ("budget", "prognos", "budgetjustering", "avvikelse"):
            assert round(table["totalt"][column] * 10) == sum(round(row[column] * 10) for row in table["rader"])


def test_split_int_parts_add_up_to_the_total():
    assert split_int(10, [1, 1, 1]) == [4, 3, 3]
    assert split_int(-7, [1, 1]) == [-4, -3]
    assert sum(split_int(1001, [0.3, 0.2, 0.5])) == 1001


# --- goals, indicators and text ----------------------------------------------------


def test_unit_summaries_are_400_to_800_words_under_sub_headings(data):
    for report in reports(data, council=False) + reports(data, council=True):
        text = report["sammanfattande_analys"]
        assert 400 <= words(text) <= 800
        assert len(re.findall(r"^### ", text, re.M)) >= 3


def unit_goals(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        own
        for d in report["inriktningsmal"]
        for g in d["mal"]
        for c in g.get("namndmal", [])
        for own in c.get("enhetsmal", [])
    ]


def analyses(report: dict[str, Any]) -> list[str]:
    found = []
    for direction in report["inriktningsmal"]:
        for goal in direction["mal"]:
            for node in [goal, *goal.get("namndmal", [])]:
                found += [node.get("analys", "")]
                found += [item.get("analys", "") for item in node.get("indikatorer", []) + node.get("aktiviteter", [])]
                found += [own.get("analys", "") for own in node.get("enhetsmal", [])]
    return [text for text in found if text]


def test_analyses_are_50_to_200_words(data):
    texts = [text for report in reports(data, council=False) + reports(data, council=True) for text in analyses(report)]
    assert len(texts) > 100
    assert all(50 <= words(text) <= 200 for text in texts)


def test_enhetsmal_have_mixed_statuses_and_are_explained_when_not_fully_met(data):
    goals = [own for report in reports(data, council=False, period="VB") for own in unit_goals(report)]
    statuses = Counter(own["status"] for own in goals)
    assert set(statuses) == {"Uppfylls helt", "Uppfylls delvis", "Uppfylls ej"}
    assert all(own.get("analys") for own in goals if own["status"] != "Uppfylls helt")
    plans = [own for report in reports(data, council=False, period="VP") for own in unit_goals(report)]
    assert {own["status"] for own in plans} == {"Ingen"}


def test_weighted_indicators_carry_a_weight_and_split_by_sex(data):
    catalogue = {
        i["id"]: i
        for d in data["katalog/2021.yml"]["inriktningsmal"]
        for g in d["mal"]
        for node in [g, *g.get("namndmal", [])]
        for i in node["indikatorer"]
    }
    outcomes = [
        (o, catalogue[o["id"]])
        for r in reports(data, council=False, period="VB")
        if r["ar"] == 2021
        for d in r["inriktningsmal"]
        for g in d["mal"]
        for node in [g, *g.get("namndmal", [])]
        for o in node.get("indikatorer", [])
    ]
    assert outcomes
    for entry, indicator in outcomes:
        assert ("vikt" in entry) == (indicator["aggregering"] == "viktat medel")
    assert any("utfall_man" in entry and "utfall_kvinnor" in entry for entry, _ in outcomes)


def test_the_council_sums_what_its_units_report(data):
    catalogue = {
        i["id"]: i
        for d in data["katalog/2021.yml"]["inriktningsmal"]
        for g in d["mal"]
        for node in [g, *g.get("namndmal", [])]
        for i in node["indikatorer"]
    }

    def outcomes(report):
        return {
            o["id"]: o
            for d in report["inriktningsmal"]
            for g in d["mal"]
            for node in [g, *g.get("namndmal", [])]
            for o in node.get("indikatorer", [])
        }

    (council,) = [r for r in reports(data, council=True, period="VB") if r["ar"] == 2021]
    units = [outcomes(r) for r in reports(data, council=False, period="VB") if r["ar"] == 2021]
    summed = [i for i in catalogue if catalogue[i]["aggregering"] == "summa" and any(i in u for u in units)]
    assert summed
    for indicator in summed:
        assert outcomes(council)[indicator]["utfall"] == sum(u[indicator]["utfall"] for u in units if indicator in u)


# --- the command -------------------------------------------------------------------


def test_vb_synth_writes_a_tree_that_passes_the_check(tmp_path, capsys):
    out = tmp_path / "syntetiskt"
    assert (
        main(["synth", "--units", "2", "--years", "2021", "--periods", "t1", "VB", "--seed", "4", "--out", str(out)])
        == 0
    )
    assert "Skrev 8 filer" in capsys.readouterr().out  # 1 + 1 + 2 periods x (2 units + the council)
    assert check_paths([out]).failed(strict=True) is False


def test_vb_synth_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "egen.txt").write_text("behåll mig", encoding="utf-8")
    assert main(["synth", "--units", "1", "--periods", "VB", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "är inte tom" in err and "--force" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["egen.txt"]
    assert main(["synth", "--units", "1", "--periods", "VB", "--out", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "organisation.yml").is_file() and (tmp_path / "egen.txt").read_text(
        encoding="utf-8"
    ) == "behåll mig"


def test_vb_synth_refuses_a_file_as_folder(tmp_path, capsys):
    target = tmp_path / "fil.yml"
    target.write_text("x", encoding="utf-8")
    assert main(["synth", "--units", "1", "--out", str(target), "--force"]) == 1
    assert "är en fil" in capsys.readouterr().err


def test_vb_synth_writes_one_tree_per_district(tmp_path, capsys):
    assert main(["synth", "--units", "1", "--periods", "VB", "--districts", "2", "--out", str(tmp_path / "stad")]) == 0
    assert "2 stadsdelar" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "stad").iterdir()) == sorted([district_id(0), district_id(1)])
    for district in (0, 1):
        root = tmp_path / "stad" / district_id(district)
        organisation = yaml.safe_load((root / "organisation.yml").read_text(encoding="utf-8"))
        assert organisation["namnd"]["namn"] == f"{DISTRICTS[district]} stadsdelsnämnd"
        assert (root / "rapporter" / district_id(district) / "2021-vb.yml").is_file()
        assert check_paths([root]).failed(strict=True) is False


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--units", "0"], "ange ett tal från 1 till 5000"),
        (["--units", "många"], "är inget heltal"),
        (["--periods", "Q3"], "är ingen period"),
        (["--years", "1850"], "från 2001 till 2099"),
        (["--districts", "14"], "från 1 till 13"),
    ],
)
def test_vb_synth_explains_wrong_arguments_in_swedish(tmp_path, capsys, arguments, message):
    with pytest.raises(SystemExit) as stop:
        main(["synth", *arguments, "--out", str(tmp_path / "x")])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_the_command_knows_every_district_and_period():
    assert command.DISTRICT_COUNT == len(DISTRICTS)
    assert [command._period(name.lower()) for name in ("vp", "t1", "t2", "vb")] == ["VP", "T1", "T2", "VB"]


def test_the_councils_figures_are_the_roll_up_the_site_computes(tree):
    """The synthetic council reports what the roll-up makes of its units' figures, by the same rule."""
    from generator.content.load import load_content
    from generator.rollup.aggregate import Rollup

    content = load_content(tree)
    compared = 0
    for rolled in Rollup.of(content).every_period().values():
        for indicator in rolled.indikatorer:
            if indicator.sammanvagt is None or indicator.namndens is None or rolled.period == "VP":
                continue
            assert indicator.namndens.utfall == indicator.sammanvagt.utfall, (rolled.ar, rolled.period, indicator.id)
            compared += 1
    assert compared > 10


def test_written_files_replace_a_link_instead_of_writing_through_it(tmp_path):
    outside = tmp_path / "utanfor.yml"
    outside.write_text("orört\n", encoding="utf-8")
    root = tmp_path / "content"
    root.mkdir()
    (root / "organisation.yml").symlink_to(outside)
    assert write_tree({"organisation.yml": "namnd: {}\n"}, root) == 1
    assert outside.read_text(encoding="utf-8") == "orört\n"
    assert not (root / "organisation.yml").is_symlink()
    assert (root / "organisation.yml").read_text(encoding="utf-8") == "namnd: {}\n"
