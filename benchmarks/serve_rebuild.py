"""`mkdocs serve` on a copy of the real content: how long after a unit's file is saved the served page shows it.

Starts `mkdocs serve` (mkdocs.yml copied to a temporary folder, pointing at a copy of content/, on a free
port), waits for the first build, then edits one unit's report several times (a new sentence in its
Sammanfattande analys) and measures the time from saving the file until the served report page shows
the sentence. Target: under 5 s on the real content; with --synth, the synthetic district (150 units, three
periods), where the target is under 2 s. Beside the wall time it prints the CPU seconds the serving process
spent from the save until the page showed it (steadier on a shared machine) and the load average.

Run: .venv/bin/python benchmarks/serve_rebuild.py [--edits 3] [--synth [UNITS]]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from measure import median

from generator.content.models import TERTIALS
from generator.synth.district import synthesize, write_tree

ROOT = Path(__file__).resolve().parents[1]
UNIT_FILE = Path("rapporter/bestallarenheten-aldre/2020-vb.yml")
UNIT_PAGE = "2020/vb/bestallarenheten-aldre/"
FIELD = "sammanfattande_analys: |-\n"
TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def synthetic_unit(folder: Path, units: int) -> tuple[Path, str]:
    """The synthetic district written to folder/content; the file and page of the first unit's VB report."""
    files = synthesize(units, [2021], [*TERTIALS, "VB"], 1)
    write_tree(files, folder / "content")
    council = yaml.safe_load(files["organisation.yml"])["namnd"]["id"]
    unit = sorted({path.split("/")[1] for path in files if path.startswith("rapporter/")} - {council})[0]
    return Path(f"rapporter/{unit}/2021-vb.yml"), f"2021/vb/{unit}/"


def project_copy(folder: Path, copy_content: bool = True) -> Path:
    """content/ copied (unless written already), and mkdocs.yml beside it with the project's folders made absolute."""
    if copy_content:
        shutil.copytree(ROOT / "content", folder / "content")
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(ROOT / settings.get("docs_dir", "docs"))
    theme = settings.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, since: float) -> float:
    """Seconds from `since` until the page at `url` holds `text`."""
    while time.perf_counter() - since < TIMEOUT:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - since
        time.sleep(0.05)
    raise SystemExit(f"Sidan {url} visade inte ändringen inom {TIMEOUT:.0f} s.")


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user and system, every thread) the process `pid` has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edit(report: Path, number: int) -> str:
    """Add a sentence at the start of the report's Sammanfattande analys; the sentence."""
    sentence = f"Mätpunkt {number} för ombyggnaden."
    text = report.read_text(encoding="utf-8")
    assert FIELD in text, f"{report} har inget {FIELD.strip()}"
    report.write_text(text.replace(FIELD, f"{FIELD}  {sentence}\n\n", 1), encoding="utf-8")
    return sentence


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--synth", type=int, nargs="?", const=150, default=None, metavar="ENHETER")
    args = parser.parse_args()
    target = 5.0 if args.synth is None else 2.0
    with tempfile.TemporaryDirectory() as folder:
        unit_file, unit_page, shown = UNIT_FILE, UNIT_PAGE, "Beställarenheten"
        if args.synth is not None:
            unit_file, unit_page = synthetic_unit(Path(folder), args.synth)
            shown = "Sammanfattande analys"
        config = project_copy(Path(folder), copy_content=args.synth is None)
        port = free_port()
        url = f"http://127.0.0.1:{port}/{unit_page}"
        log = open(Path(folder) / "serve.log", "wb")
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            command,
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            first = wait_for(url, shown, time.perf_counter())
            print(f"första bygget och servern klara efter {first:.1f} s")
            times, cpu = [], []
            for number in range(1, args.edits + 1):
                time.sleep(3.0)  # let the watcher settle between edits
                used = cpu_seconds(server.pid)
                started = time.perf_counter()
                sentence = edit(Path(folder) / "content" / unit_file, number)
                times.append(wait_for(url, sentence, started))
                cpu.append(cpu_seconds(server.pid) - used)
                load = os.getloadavg()[0]
                print(
                    f"ändring {number}: sidan uppdaterad efter {times[-1]:.2f} s ({cpu[-1]:.2f} s CPU, belastning {load:.1f})"
                )
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            log.close()
    verdict = "ok" if median(times) < target else "över målet"
    print(f"median: {median(times):.2f} s, {median(cpu):.2f} s CPU (mål < {target:.0f} s: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
