"""Work spread over processes forked from this one, so that a site build uses every core.

The forked processes inherit this process's state (the loaded content, MkDocs'
files and configuration), so only task numbers go out and only results come
back. Where fork is unavailable, or one process is asked for, the tasks run
here, one after the other, with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
_TASKS: list[Callable[[int], Any]] = []  # the task of the running fork_map, inherited by its processes


def cores() -> int:
    """How many cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether processes can be forked here (POSIX)."""
    return "fork" in multiprocessing.get_all_start_methods()


class WorkerDied(Exception):
    """A forked process ended without finishing its task (killed, out of memory, crashed); nothing was published."""


def fork_map(task: Callable[[int], T], count: int, processes: int) -> list[T]:
    """[task(0), …, task(count - 1)], made in up to `processes` forked processes; a task's error is raised here.

    A process that dies outright raises WorkerDied instead of leaving the build waiting for its task.
    """
    workers = min(processes, count)
    if workers <= 1 or not can_fork() or _TASKS:  # never fork from inside a fork_map
        return [task(number) for number in range(count)]
    _TASKS.append(task)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_on_ctrl_c)
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # forked processes start deaf to Ctrl-C
        try:
            futures = [pool.submit(_run, number) for number in range(count)]  # the processes fork here
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a Ctrl-C meanwhile arrives here now
        return [future.result() for future in futures]
    except BrokenProcessPool:
        raise WorkerDied(
            "en av byggets processer avslutades oväntat (den kan ha fått slut på minne eller stoppats "
            "utifrån). Ingenting publicerades; kör kommandot igen, eller med --processes 1"
        ) from None
    finally:
        _stop(pool)
        _TASKS.clear()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes at once: after an error or Ctrl-C nobody waits for the rest of their tasks.

    The pool's manager thread is waited for too: one still closing its pipe when Python exits makes Python's
    own exit handler print a traceback (after a Ctrl-C, where a quiet stop is promised).
    """
    processes = list((pool._processes or {}).values())
    manager: threading.Thread | None = getattr(pool, "_executor_manager_thread", None)  # typeshed has its type wrong
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join()
    if manager is not None:
        manager.join()


def _quiet_on_ctrl_c() -> None:
    """Ctrl-C reaches every process of the terminal; only this one stops (the pool's processes go with it), silently."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _run(number: int) -> Any:
    """One task in a forked process."""
    return _TASKS[-1](number)
