"""Timing helpers shared by the benchmarks: medians of interleaved runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_seconds(function: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """Median wall time of ``function`` over ``repeats`` calls, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def side_by_side(functions: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Medians of several functions timed in alternation, so machine noise hits them alike."""
    for function in functions.values():
        function()
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms" if seconds < 0.01 else f"{seconds * 1000:.1f} ms"


def open_in_window(app: Any, window: Any, path: object) -> None:
    """Open the register at ``path`` in ``window`` and turn the event loop until it is open for editing."""
    opened: list[int] = []
    window.documentOpened.connect(lambda: opened.append(1))
    window.open_location(str(path))
    while not opened:
        app.processEvents()
    window.documentOpened.disconnect()
