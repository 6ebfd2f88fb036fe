"""The cyclic garbage collector paused while a stage builds many small
records that hold no cycles.

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

__all__ = ["gc_paused"]


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
