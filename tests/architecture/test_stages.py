"""`generator/` is a pipeline: each stage imports only earlier stages and the shared basics.

A stage may never reach forward (check may not know how pages are rendered, render may not know
which engine runs): the order below is the data flow, and the engine is the only place that knows
MkDocs or Python-Markdown.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"

BASICS = {"problems", "ids", "parallel", "fsio", "visible"}  # values and helpers every stage shares
STAGES = ["content", "rollup", "check", "render", "engine", "pdf", "authoring", "synth", "build", "commands", "cli"]
ENGINE_ONLY = {"mkdocs", "material", "markdown", "pymdownx"}  # third-party packages only the engine may import


def stage_of(module: str) -> str:
    """The stage (or basic) a dotted module name inside `generator` belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        found.append((name, path))
    return found


def imports(module: str, path: Path) -> list[str]:
    """Every module `module` imports, at the top or inside a function, with relative imports made absolute."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            found.append(stem)
            if stem == "generator" or stem.startswith("generator."):
                found += [
                    f"{stem}.{alias.name}"
                    for alias in node.names
                    if PACKAGE.parent.joinpath(*f"{stem}.{alias.name}".split(".")).with_suffix(".py").exists()
                ]
    return found


def test_every_top_level_module_is_a_stage_or_a_basic():
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert top | folders <= BASICS | set(STAGES), sorted((top | folders) - BASICS - set(STAGES))


@pytest.mark.parametrize("module,path", modules(), ids=[m for m, _ in modules()])
def test_a_stage_imports_only_earlier_stages_and_basics(module, path):
    own = stage_of(module)
    if own in ("", "__main__") or own in BASICS:
        allowed = set(BASICS) if own in BASICS else set(BASICS) | set(STAGES)
    else:
        allowed = BASICS | set(STAGES[: STAGES.index(own) + 1])
    wrong = [name for name in imports(module, path) if name.startswith("generator.") and stage_of(name) not in allowed]
    wrong += [name for name in imports(module, path) if name.split(".")[0] in ENGINE_ONLY and own != "engine"]
    assert not wrong, f"{module} ({own}) imports {wrong}"


def test_the_rule_catches_a_forward_import(tmp_path):
    """The check above can fail: a check module importing the engine is reported."""
    module = tmp_path / "x.py"
    module.write_text("from generator.engine.site_markdown import published\nimport markdown\n", encoding="utf-8")
    found = imports("generator.check.x", module)
    assert "generator.engine.site_markdown" in found and "markdown" in found
    assert STAGES.index(stage_of("generator.engine.site_markdown")) > STAGES.index("check")
