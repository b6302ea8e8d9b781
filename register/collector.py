"""Pausing Python's cyclic garbage collector while bulk work makes many objects that form no reference cycles.

CPython starts a collection each time enough new objects have survived since the last one, and a full pass looks at
every object the process holds. Reading a register's 300,000 data points makes as many records, none in a cycle, so
the collector would walk the growing heap again and again for nothing: about a third of the evidence's time, and a
tenth of an import's. Reference counting still frees every object as usual; cycles made meanwhile (if any) are
collected at the next pass after the collector is on again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Turn automatic collection off for the block, and back on after it if it was on before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
