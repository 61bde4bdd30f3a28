"""Python's cycle collector run rarely while a site is built: a build makes millions of objects that live until
its end (the content, the texts' parsed tokens kept for reuse), and every collection walks them all again.

A quarter of a district build's CPU went to those walks; the build's memory stays the same, since what the
collector frees is little and is still freed, only less often.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_THRESHOLDS = (50_000, 20, 100)  # allocations before a young collection; young ones before an older one


@contextmanager
def rare_collections() -> Iterator[None]:
    """The block runs with the collector's thresholds raised; afterwards they are as they were."""
    before = gc.get_threshold()
    gc.set_threshold(*(max(now, raised) for now, raised in zip(before, BUILD_THRESHOLDS)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
