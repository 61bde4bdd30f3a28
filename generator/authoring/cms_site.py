"""The editor inside the built site (site/redigera/): its page, generated configuration and the pinned bundle.

Everything is served from the site itself: Decap CMS and the `yaml` package are
copied from editor/node_modules (installed by `npm ci` from the lock file),
never fetched from a CDN.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from generator.authoring.cms import EDITOR_PATH, FORMAT, Backend, config
from generator.authoring.yamlfmt import key_order
from generator.content.layout import ORGANISATION_FILE
from generator.content.load import load_content
from generator.content.models import Rapport
from generator.fsio import write_atomic

PAGE = """<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Redigera rapporter</title>
  <link rel="stylesheet" href="tillganglighet.css">
</head>
<body>
  <noscript><p>Redigeraren behöver JavaScript. Rapporterna kan också skrivas direkt i filerna under content/.</p></noscript>
  <script>window.CMS_MANUAL_INIT = true;</script>
  <script src="decap-cms.js"></script>
  <script type="importmap">{"imports": {"yaml": "./yaml/index.js"}}</script>
  <script type="module">
    import { format } from './vb-yaml.js';
    import { completeSwedish } from './svenska.js';
    completeSwedish(window.CMS);
    const order = await (await fetch('nycklar.json')).json();
    window.CMS.registerCustomFormat('%(format)s', 'yml', format(order));
    window.CMS.init();
  </script>
  <script src="tillganglighet.js" defer></script>
</body>
</html>
"""


class EditorMissing(Exception):
    """The editor's npm packages are not installed (the message is Swedish and says what to do)."""


def editor_folder(project: Path) -> Path:
    return project / "editor"


def backend_from_git(project: Path) -> Backend:
    """The GitHub or GitLab repository the project was cloned from, or an empty repository name."""
    try:
        url = subprocess.run(
            ["git", "remote", "get-url", "origin"], cwd=project, capture_output=True, text=True, check=False, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        url = ""
    found = re.search(r"(github|gitlab)\.com[:/]([^/]+/[^/]+?)(?:\.git)?$", url)
    if not found:
        return Backend()
    return Backend(name=found.group(1), repo=found.group(2))


def config_text(content_root: Path, backend: Backend, content_folder: str) -> str:
    """config.yml for the content at `content_root`, as YAML."""
    content = load_content(content_root, [content_root / ORGANISATION_FILE])  # no report: only the frame is needed
    if content.organisation is None:
        raise EditorMissing(f"{content_root / ORGANISATION_FILE} kan inte läsas; kör vb check.")
    catalogues = [loaded.model for loaded in content.catalogues.values()]
    made = config(content.organisation.model, catalogues, backend, content_folder)
    header = "# Skapad av vb (vb cms) ur innehållsmodellen; ändra inte för hand.\n"
    dumper = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper  # libyaml's: a build waits for it
    return header + yaml.dump(made, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)


def order_json() -> str:
    """nycklar.json: the key order of every part of a report, for the editor's serialiser."""
    return json.dumps(key_order(Rapport), ensure_ascii=False, indent=1) + "\n"


def write_config(target: Path, content_root: Path, project: Path, backend: Backend | None = None) -> list[Path]:
    """Write the generated config.yml and nycklar.json into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    folder = _relative_content(content_root, project)
    written = [target / "config.yml", target / "nycklar.json"]
    write_atomic(written[0], config_text(content_root, backend or backend_from_git(project), folder))
    write_atomic(written[1], order_json())
    return written


def write_editor(site_dir: Path, content_root: Path, project: Path, backend: Backend | None = None) -> Path:
    """Write site/redigera/ (page, config, key order and the copied bundle); raise EditorMissing if npm ci was not run."""
    source = editor_folder(project)
    bundle = source / "node_modules" / "decap-cms" / "dist"
    yaml_browser = source / "node_modules" / "yaml" / "browser" / "dist"
    target = site_dir / EDITOR_PATH
    if target.exists():
        shutil.rmtree(target)
    write_config(target, content_root, project, backend)
    if not (bundle / "decap-cms.js").is_file() or not yaml_browser.is_dir():
        raise EditorMissing(
            f"Redigerarens paket saknas i {source / 'node_modules'}, så {target} har bara inställningarna. "
            f"Kör: (cd {source} && npm ci) och bygg igen."
        )
    for item in bundle.iterdir():
        if item.name.endswith("decap-cms.js") or item.suffix == ".wasm":
            shutil.copy2(item, target / item.name)
    shutil.copytree(yaml_browser, target / "yaml")
    for name in ("vb-yaml.js", "svenska.js", "tillganglighet.js", "tillganglighet.css"):
        shutil.copy2(source / name, target / name)
    write_atomic(target / "index.html", PAGE % {"format": FORMAT})
    return target


def _relative_content(content_root: Path, project: Path) -> str:
    """The content folder as the editor's paths name it: relative to the repository root."""
    try:
        return content_root.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return "content"
