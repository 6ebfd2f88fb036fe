"""The cyclic garbage collector paused while a stage builds many small
records that hold no cycles (`gc_paused`), or made to collect the young
rarely in a short-lived process of ours (`collect_young_rarely`).

Reading a 10,000-row flattened table makes some half a million lists,
tuples and frozen records (the cell stream, the alignment's tables, the
grid), none of them in a reference cycle: reference counting frees them.
The collector, triggered by the allocations alone, still walked the growing
heap five times over, a sixth of the read's CPU time
(benchmarks/bench_flat_table.py).  Paused, it runs again as before on leaving
the block; a caller that had paused it keeps it paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["YOUNG_OBJECTS", "collect_young_rarely", "gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, restoring its state after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


YOUNG_OBJECTS = 50_000
"""The collector's first threshold in a short-lived process of ours: a young
collection once this many more container objects were made than freed,
instead of CPython's every 700."""


def collect_young_rarely() -> None:
    """Collect the young generation rarely, for the rest of this process.

    For processes this package owns and that end soon: the CLI (`__main__.run`)
    and a PDF page worker (`pdf.worker`).  Both build thousands of objects
    that reference counting frees (a module's functions and classes while it
    is imported, a page's lines, a page's layout unpickled) and few cycles;
    at CPython's default threshold the collector walked the young objects
    every 700 allocations: ~14M instructions of the 23-page PDF CLI's caller
    (half of it while the text stages are imported) and ~5M of its page
    worker, to free next to nothing (benchmarks/README.md, issue 26, round 5).
    Cycles are still collected, later: at most `YOUNG_OBJECTS` young objects
    wait for it (a few MiB), and a page worker's address-space ceiling counts
    them like everything else.  Never called by the library itself: a
    program that imports policy_parse keeps its own thresholds."""
    young, middle, old = gc.get_threshold()
    if young and young < YOUNG_OBJECTS:  # 0: the program turned it off; leave it
        gc.set_threshold(YOUNG_OBJECTS, middle, old)
