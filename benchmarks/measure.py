"""Shared by the benchmarks: run a command in a process of its own and measure it; sizes; growth per doubling."""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LINEAR = 2.3  # the most a doubling of the content may multiply a figure by and still count as linear growth


@dataclass(frozen=True)
class Measured:
    """A finished process: wall seconds, peak resident MB (its largest process, forks included), exit code, output."""

    seconds: float
    peak_mb: float
    code: int
    output: str
    cpu: float = 0.0  # CPU seconds of the process and every process it waited for (steadier than wall time)


def run_measured(command: list[str], cwd: Path | None = None) -> Measured:
    """Run `command`; os.wait4 gives this one process tree's peak memory (getrusage would mix all children)."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    return Measured(seconds, usage.ru_maxrss / 1024, child.returncode, output, usage.ru_utime + usage.ru_stime)


def median_run(command: list[str], repeat: int, cwd: Path | None = None) -> Measured:
    """The run with the median wall time of `repeat` runs (the machine is shared, so single runs are noisy)."""
    runs = sorted((run_measured(command, cwd) for _ in range(max(1, repeat))), key=lambda m: m.seconds)
    return runs[(len(runs) - 1) // 2]


def size_mb(folder: Path) -> float:
    """Bytes of every file under `folder`, in MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def growth(values: list[float]) -> list[float]:
    """How much each figure grew from the one before (one doubling of the content each)."""
    return [after / before if before > 0 else float("inf") for before, after in zip(values, values[1:])]


def verdict(factors: list[float]) -> str:
    """'linjär' when no doubling multiplied the figure by more than LINEAR."""
    if not factors:
        return "–"
    worst = max(factors)
    return f"linjär (högst ×{worst:.2f} per fördubbling)" if worst <= LINEAR else f"INTE linjär (×{worst:.2f})"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def build_arguments(content: Path, site: Path, processes: int) -> list[str]:
    """`vb build` of `content` into `site` with the project's mkdocs.yml, in `processes` processes."""
    config = Path(__file__).resolve().parents[1] / "mkdocs.yml"
    return [
        "build",
        "--content",
        str(content),
        "--site",
        str(site),
        "--config",
        str(config),
        "--processes",
        str(processes),
    ]


def build_command(content: Path, site: Path, processes: int) -> list[str]:
    """The `vb build` command line of `build_arguments`, run by this Python."""
    return [sys.executable, "-m", "generator", *build_arguments(content, site, processes)]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """The built site on a free localhost port, for as long as the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
