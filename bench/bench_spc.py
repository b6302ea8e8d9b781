"""Benchmark: register.spc.analyze against clinical-qikit on the same series, in the same run.

Run: python -m bench.bench_spc   (pip install clinical-qikit for the comparison column)
"""

from __future__ import annotations

import warnings

import numpy as np

from bench.common import ms, side_by_side
from register.spc import analyze


def series(chart: str, size: int) -> dict:
    rng = np.random.default_rng(size)
    if chart == "p":
        n = rng.integers(80, 120, size).astype(float)
        return {"y": rng.binomial(n.astype(int), 0.2).astype(float), "n": n}
    return {"y": rng.normal(100, 10, size)}


def main() -> None:
    try:
        from qikit import qic
    except ImportError:
        qic = None
        print("clinical-qikit is not installed: pip install clinical-qikit (comparison column left out)")
    print("| chart | points | register.spc | clinical-qikit | speed-up |")
    print("|---|---|---|---|---|")
    for size, repeats in ((24, 200), (1_000, 50), (10_000, 15), (100_000, 3)):
        for chart in ("run", "i", "p"):
            data = series(chart, size)
            ours = lambda d=data, c=chart: analyze(d["y"], c, n=d.get("n"))  # noqa: E731
            functions = {"ours": ours}
            if qic is not None:
                functions["peer"] = lambda d=data, c=chart: qic(y=d["y"], n=d.get("n"), chart=c)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = side_by_side(functions, repeats)
            peer = result.get("peer")
            ratio = f"{peer / result['ours']:.0f}×" if peer else "-"
            print(f"| {chart} | {size:,} | {ms(result['ours'])} | {ms(peer) if peer else '-'} | {ratio} |")


if __name__ == "__main__":
    main()
