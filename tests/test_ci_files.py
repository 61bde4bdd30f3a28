"""The CI files and the pre-commit hook that the project's users run: they parse and call real `vb` commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from generator.cli import build_parser, main
from tests.conftest import UNIT_VB_PATH, edited

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github" / "workflows" / "rapporter.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"

_CALL = re.compile(r"(?:^|[;&|(]\s*|\b(?:then|else|if|do)\s+)vb\s+(?P<args>[^;&|>\n)]*)", re.M)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github_steps(job: str) -> list[dict]:
    return load(GITHUB)["jobs"][job]["steps"]


def scripts() -> list[str]:
    """Every shell script of both CI files."""
    found = [step["run"] for job in load(GITHUB)["jobs"].values() for step in job["steps"] if "run" in step]
    for name, job in load(GITLAB).items():
        if isinstance(job, dict) and "script" in job:
            found += job["script"]
    return found


def vb_calls(script: str) -> list[list[str]]:
    """The argument lists of every `vb` call in a script, with variables given example values."""
    calls = []
    for match in _CALL.finditer(script):
        args = re.sub(r"\$\{\{[^}]*\}\}|\$\{?\w+\}?", "main", match.group("args"))
        calls.append(shlex.split(args))
    return calls


def is_valid(args: list[str]) -> bool:
    try:
        build_parser().parse_args(args)
    except SystemExit as exc:  # --help exits 0; a bad command line exits 2
        return exc.code == 0
    return True


def test_github_workflow_runs_on_pull_requests_and_pushes_to_main():
    data = load(GITHUB)
    triggers = data.get("on", data.get(True))  # PyYAML reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    uses = [step.get("uses", "").split("@")[0] for step in github_steps("granska")]
    assert {"actions/checkout", "actions/setup-python", "actions/github-script", "actions/upload-artifact"} <= set(uses)
    assert github_steps("granska")[0]["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in github_steps("granska")]
    assert "pip install ." in runs and "vb check --format github content/" in runs
    assert any(run.startswith('vb diff --format markdown "origin/$BASE_REF"') for run in runs)
    publish = data["jobs"]["publicera"]
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert [s.get("uses", "").split("@")[0] for s in publish["steps"]][-2:] == [
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]


def test_github_comment_step_updates_the_comment_marked_by_vb_diff():
    from generator.authoring.diff import MARKER

    comment = next(s for s in github_steps("granska") if s.get("uses", "").startswith("actions/github-script"))
    assert f"'{MARKER}'" in comment["with"]["script"]
    assert load(GITHUB)["jobs"]["granska"]["permissions"]["pull-requests"] == "write"


def test_gitlab_pipeline_has_check_diff_site_and_pages():
    data = load(GITLAB)
    assert data["stages"] == ["kontroll", "bygg", "publicera"]
    assert "vb check content/" in data["kontroll"]["script"]
    diff_script = "\n".join(data["andringar"]["script"])
    assert 'vb diff --format markdown "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"' in diff_script
    assert "merge_requests/$CI_MERGE_REQUEST_IID/notes" in diff_script and "VB_DIFF_TOKEN" in diff_script
    assert data["andringar"]["variables"]["GIT_DEPTH"] == 0
    assert data["webbplats"]["artifacts"]["paths"] == ["site/"]
    assert data["pages"]["artifacts"]["paths"] == ["public"] and data["pages"]["needs"] == ["webbplats"]


def test_every_vb_command_in_the_ci_files_is_a_valid_command_line():
    calls = [(script, call) for script in scripts() for call in vb_calls(script)]
    commands = {call[0] for _, call in calls}
    assert {"check", "diff", "build"} <= commands
    for script, call in calls:
        assert is_valid(call), f"not a valid vb command line: vb {shlex.join(call)}"


def test_the_command_line_check_itself_can_fail():
    assert vb_calls("if vb check --strikt content/; then vb diff; fi") == [["check", "--strikt", "content/"], ["diff"]]
    assert not is_valid(["check", "--strikt", "content/"])
    assert not is_valid(["diff"])  # FRÅN is required
    assert is_valid(["diff", "--format", "markdown", "origin/main"])


def pre_commit_hook() -> dict:
    data = load(PRE_COMMIT)
    assert data["repos"][0]["repo"] == "local"
    return data["repos"][0]["hooks"][0]


def test_pre_commit_hook_selects_content_yaml_files():
    hook = pre_commit_hook()
    assert hook["pass_filenames"] is True and hook["language"] == "system"
    pattern = re.compile(hook["files"])
    assert pattern.search("content/rapporter/enhet-a/2021-vb.yml")
    assert pattern.search("content/organisation.yaml")
    assert not pattern.search("docs/guide-for-enheter.md")
    assert not pattern.search("tests/content/conftest.py")


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({}, 0),
        (edited(UNIT_VB_PATH, "utfall: 130", 'utfall: "1 300"'), 1),  # VB104: a number written as text
    ],
)
def test_pre_commit_hook_runs_vb_check_on_a_changed_file(make_tree, tmp_path, monkeypatch, capsys, override, expected):
    make_tree(override, name="content")
    monkeypatch.chdir(tmp_path)  # pre-commit runs in the repository root and passes paths relative to it
    entry = shlex.split(pre_commit_hook()["entry"])
    assert entry[0] == "vb"
    assert main([*entry[1:], f"content/{UNIT_VB_PATH}"]) == expected
    out = capsys.readouterr().out
    assert ("fel VB104" in out) is bool(expected)


def test_pip_install_dot_in_ci_gets_every_subpackage():
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"][
        "find"
    ]
    found = set(find_packages(where=str(ROOT), include=config["include"]))
    packages = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "generator").rglob("__init__.py")}
    assert packages <= found and "generator.commands" in packages


def test_gitlab_check_job_publishes_a_code_quality_report():
    job = load(GITLAB)["kontroll"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any(
        line.startswith("vb check --format gitlab content/") and line.split("> ")[1].split()[0] == report
        for line in job["script"]
    )
    assert job["artifacts"]["when"] == "always"  # the report is wanted most when the check fails


# --- a city: one job per district, one job that joins and publishes -------------------------------------


def _city(root: Path, districts: list[str]) -> Path:
    for name in districts:
        (root / "stad" / name).mkdir(parents=True)
        (root / "stad" / name / "organisation.yml").write_text(
            f"namnd:\n  id: {name}\n  namn: Nämnden {name}\n", encoding="utf-8"
        )
    (root / "stad" / "anteckningar").mkdir()  # a folder without organisation.yml is no district
    return root / "stad"


def test_github_lists_the_districts_folders_for_the_matrix(tmp_path):
    import json
    import subprocess

    _city(tmp_path, ["farsta", "bromma"])
    step = next(s for s in github_steps("stadsdelar") if s.get("id") == "lista")
    output = tmp_path / "github-output"
    done = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env={"GITHUB_OUTPUT": str(output), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    key, _, value = output.read_text(encoding="utf-8").strip().partition("=")
    assert key == "lista" and json.loads(value) == ["bromma", "farsta"]
    (tmp_path / "stad").rename(tmp_path / "annat")
    output.unlink()
    subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env={"GITHUB_OUTPUT": str(output), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert output.read_text(encoding="utf-8").strip() == "lista=[]"


def test_github_matrix_builds_each_listed_district_and_the_join_job_needs_them():
    jobs = load(GITHUB)["jobs"]
    matrix_job = jobs["stadsdel"]
    assert matrix_job["needs"] == "stadsdelar"
    assert matrix_job["strategy"]["matrix"]["stadsdel"] == "${{ fromJSON(needs.stadsdelar.outputs.lista) }}"
    runs = [s.get("run", "") for s in matrix_job["steps"]]
    assert (
        'vb build --content "stad/${{ matrix.stadsdel }}" --site "site/${{ matrix.stadsdel }}" --pdf-cache .vb-pdf-cache'
        in runs
    )
    uploaded = next(s for s in matrix_job["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    join = jobs["stad"]
    assert "stadsdel" in join["needs"]
    downloaded = next(s for s in join["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    prefix = downloaded["with"]["pattern"].rstrip("*")
    assert uploaded["with"]["name"].startswith(prefix) and downloaded["with"]["merge-multiple"] is True
    assert downloaded["with"]["path"] == uploaded["with"]["path"] == "site/"
    steps = [s.get("uses", "").split("@")[0] or s.get("run") for s in join["steps"]]
    assert steps.index("vb join --content stad --site site") < steps.index("actions/deploy-pages")
    assert set(jobs) >= {"granska", "publicera"}  # the single district's jobs stay


def test_gitlab_matrix_lists_the_districts_and_the_join_job_needs_them():
    from generator.synth.district import DISTRICTS, district_id

    data = load(GITLAB)
    matrix_job = data["stadsdel"]
    [entry] = matrix_job["parallel"]["matrix"]
    assert entry["STADSDEL"] == [
        district_id(n) for n in range(len(DISTRICTS))
    ]  # as `vb synth --districts 13` names them
    assert (
        'vb build --content "stad/$STADSDEL" --site "site/$STADSDEL" --pdf-cache .vb-pdf-cache' in matrix_job["script"]
    )
    assert matrix_job["artifacts"]["paths"] == ["site/$STADSDEL/"]
    assert all(rule["exists"] == ["stad/*/organisation.yml"] for rule in matrix_job["rules"])
    join = data["stad"]
    assert {"job": "stadsdel", "artifacts": True} in join["needs"]
    assert join["script"][0] == "vb join --content stad --site site" and join["pages"] is True
    assert data["stages"].index(matrix_job["stage"]) < data["stages"].index(join["stage"])
    assert "vb build" in data["webbplats"]["script"]  # the single district's jobs stay


def test_vb_join_writes_the_start_page_over_every_built_district(tmp_path, capsys):
    city = _city(tmp_path, ["farsta", "bromma"])
    for name in ("farsta", "bromma"):
        (tmp_path / "site" / name).mkdir(parents=True)
        (tmp_path / "site" / name / "index.html").write_text("<p>stadsdel</p>", encoding="utf-8")
    assert main(["join", "--content", str(city), "--site", str(tmp_path / "site")]) == 0
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert page.index('href="bromma/"') < page.index('href="farsta/"') and "Nämnden farsta" in page
    assert "anteckningar" not in page


def test_vb_join_writes_nothing_when_a_district_has_no_site(tmp_path, capsys):
    city = _city(tmp_path, ["farsta", "bromma"])
    (tmp_path / "site" / "farsta").mkdir(parents=True)
    (tmp_path / "site" / "farsta" / "index.html").write_text("<p>stadsdel</p>", encoding="utf-8")
    assert main(["join", "--content", str(city), "--site", str(tmp_path / "site")]) == 1
    said = capsys.readouterr().err
    assert "bromma" in said and "farsta (" not in said and "vb build --content" in said
    assert not (tmp_path / "site" / "index.html").exists()
    assert main(["join", "--content", str(tmp_path / "site"), "--site", str(tmp_path / "site")]) == 1
    assert "inga stadsdelar" in capsys.readouterr().err


PDF_LIBRARIES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b"


def _builds(commands: list[str]) -> list[int]:
    return [n for n, command in enumerate(commands) if re.search(r"\bvb build\b", command)]


def test_every_github_job_that_builds_installs_the_pdf_engine_and_keeps_the_pdfs_between_runs():
    jobs = load(GITHUB)["jobs"]
    building = {name: job["steps"] for name, job in jobs.items() if _builds([s.get("run", "") for s in job["steps"]])}
    assert set(building) == {"granska", "publicera", "stadsdel"}
    for name, steps in building.items():
        runs = [s.get("run", "") for s in steps]
        [build] = _builds(runs)
        assert any(PDF_LIBRARIES in run for run in runs[:build]), name  # WeasyPrint needs Pango to make the PDFs
        [cache] = [n for n, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@")]
        assert cache < build and steps[cache]["with"]["path"] == ".vb-pdf-cache", name
        assert steps[cache]["with"]["restore-keys"] and "--utan-pdf" not in runs[build], name
        if "--site" in runs[build]:  # beside site/<district> would be inside site/: name the cache
            assert "--pdf-cache .vb-pdf-cache" in runs[build], name


def test_every_gitlab_job_that_builds_installs_the_pdf_engine_and_keeps_the_pdfs_between_runs():
    data = load(GITLAB)
    building = {name: job for name, job in data.items() if isinstance(job, dict) and _builds(job.get("script", []))}
    assert set(building) == {"webbplats", "stadsdel"}
    for name, job in building.items():
        script = job["script"]
        [build] = _builds(script)
        assert any(PDF_LIBRARIES in line for line in script[:build]), name
        assert ".vb-pdf-cache/" in job["cache"]["paths"], name
        if "--site" in script[build]:
            assert "--pdf-cache .vb-pdf-cache" in script[build], name
