"""Why is a tree filter keystroke slow? The keystrokes of ``bench_issue15.busy_keystrokes``, each taken apart.

For every keystroke: the text typed and the one before, the time in its three steps (``setText``: the filter applied;
``processEvents``: timers, announcing, the view's delayed layout; ``repaint``), the time inside the tree filter, the
window's reselection, the evidence announcing and the live-refresh poll, how many rows changed hidden state, how many
expand/collapse calls the filter made, and every garbage-collector pass (generation, duration, objects tracked).

Full (generation-2) passes are also listed where they ran outside keystrokes (opening, between keystrokes), with
the thread: a pass in a worker thread holds the interpreter, so the keystroke waits for it all the same.

Run: python -m bench.probe_keystrokes [--rounds 2] [--modes child,nothing] [--profile] [--dump FILE]
     [--baseline OLD/tree_filter.py] [--no-collector]
``--profile`` runs cProfile over each keystroke and prints the top functions of the slow ones; ``--baseline``
alternates rounds between this tree filter and another one (say ``git show HEAD~1:ui/tree_filter.py``);
``--no-collector`` leaves the garbage collector as CPython runs it (``ui.collector`` does nothing).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SLOW = 0.05


class Probe:
    def __init__(self) -> None:
        self.current: dict | None = None
        self.records: list[dict] = []
        self._gc_start = 0.0
        self.phase = "start"
        self.full_passes: list[tuple[str, float, str, int]] = []
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
            return
        took = time.perf_counter() - self._gc_start
        if self.current is not None:
            self.current["gc"].append((info["generation"], took, info["collected"]))
        if info["generation"] == 2:
            import threading

            where = "keystroke" if self.current is not None else self.phase
            self.full_passes.append((where, took, threading.current_thread().name, info["collected"]))

    def add(self, what: str, seconds: float) -> None:
        if self.current is not None:
            self.current["parts"][what] += seconds

    def count(self, what: str, number: int = 1) -> None:
        if self.current is not None:
            self.current["counts"][what] += number

    def timed(self, what: str, function):
        probe = self

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                probe.add(what, time.perf_counter() - start)

        return wrapper


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--modes", default="child,nothing")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-collector", action="store_true", help="leave the collector alone (ui.collector off)")
    parser.add_argument("--dump", help="write every keystroke's record to this JSON file")
    parser.add_argument("--baseline", help="a tree_filter.py to compare with (its TreeFilter), alternating rounds")
    options = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])

    from bench.bench_issue15 import register_with
    from bench.common import open_in_window
    from ui import tree_filter
    from ui.evidence import EvidenceKeeper
    from ui.live_refresh import LiveRefresh
    from ui.main_window import MainWindow
    from ui.tree_model import DiagramTreeModel

    probe = Probe()
    if options.no_collector:
        from ui import collector

        collector.after_opening = lambda *, replacing: None
    from ui import main_window

    variants = {"new": tree_filter.TreeFilter}
    if options.baseline:
        import importlib.util

        spec = importlib.util.spec_from_file_location("baseline_tree_filter", options.baseline)
        baseline = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(baseline)
        variants["base"] = baseline.TreeFilter
    for filter_class in variants.values():
        instrument_filter(probe, filter_class)
    EvidenceKeeper._announce_some = probe.timed("announce", EvidenceKeeper._announce_some)
    EvidenceKeeper.apply = probe.timed("evidence apply", EvidenceKeeper.apply)
    DiagramTreeModel._on_evidence_changed = probe.timed("model evidence", DiagramTreeModel._on_evidence_changed)
    LiveRefresh._check_file = probe.timed("live poll", LiveRefresh._check_file)
    MainWindow.select_node = probe.timed("select_node", MainWindow.select_node)
    MainWindow._on_tree_current_changed = probe.timed("current changed", MainWindow._on_tree_current_changed)

    folder = Path(tempfile.mkdtemp())
    path = register_with(3000, folder, observations=True)
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    view = window.tree_view
    for name in ("expand", "expandToDepth", "collapseAll", "expandAll", "collapse", "setExpanded"):
        method = getattr(view, name)

        def counted(*args, _method=method, _name=name):
            probe.count(_name)
            start = time.perf_counter()
            try:
                return _method(*args)
            finally:
                probe.add(_name, time.perf_counter() - start)

        setattr(view, name, counted)

    texts = ["P", "Pr", "Pro", "Proj", "Project", "Project 1", "Project 12", ""]
    previous = [""]

    def keystroke(kind: str, text: str) -> None:
        record = {"kind": kind, "text": text, "before": previous[0], "parts": defaultdict(float),
                  "counts": defaultdict(int), "gc": [], "objects": len(gc.get_objects(2))}  # fmt: skip
        previous[0] = text
        profiler = cProfile.Profile() if options.profile else None
        probe.current = record
        if profiler:
            profiler.enable()
        start = time.perf_counter()
        window.search_edit.setText(text)
        record["parts"]["setText"] = time.perf_counter() - start
        mark = time.perf_counter()
        app.processEvents()
        record["parts"]["processEvents"] = time.perf_counter() - mark
        mark = time.perf_counter()
        view.viewport().repaint()
        record["parts"]["repaint"] = time.perf_counter() - mark
        record["total"] = time.perf_counter() - start
        if profiler:
            profiler.disable()
        probe.current = None
        if profiler and record["total"] > SLOW:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
            record["profile"] = out.getvalue()
        probe.records.append(record)

    def open_register() -> None:
        probe.phase = "opening"
        open_in_window(app, window, path)
        previous[0] = ""
        probe.phase = "between keystrokes"

    compute_all = EvidenceKeeper.compute_all
    modes = options.modes.split(",")
    for number in range(options.rounds * len(variants)):
        variant = list(variants)[number % len(variants)]
        main_window.TreeFilter = variants[variant]
        prefix = f"{variant}/" if len(variants) > 1 else ""
        if "child" in modes:
            open_register()
            keeper = window.document.evidence_keeper
            typed = 0
            while not keeper.applied:
                keystroke(prefix + "child", texts[typed % len(texts)])
                typed += 1
                time.sleep(0.05)
            probe.phase = "waiting for tasks"
            window.wait_for_tasks()
            probe.phase = "between keystrokes"
            for text in texts:
                keystroke(prefix + "idle", text)
                time.sleep(0.05)
        if "nothing" in modes:
            EvidenceKeeper.compute_all = lambda _keeper: {}
            try:
                open_register()
                for number in range(100):
                    keystroke(prefix + "nothing", texts[number % len(texts)])
                    time.sleep(0.05)
                window.wait_for_tasks()
            finally:
                EvidenceKeeper.compute_all = compute_all

    print_report(probe.records)
    if options.dump:
        import json

        Path(options.dump).write_text(json.dumps(probe.records, default=str), encoding="utf-8")
    print("\nfull (generation-2) passes: where, ms, thread, collected")
    for where, took, thread, collected in probe.full_passes:
        print(f"  {where}: {took * 1000:.0f} ms ({thread}, {collected} collected)")
    window.close()


def instrument_filter(probe: Probe, filter_class: type) -> None:
    filter_class.apply = probe.timed("filter", filter_class.apply)
    for name, counted in (("_set_rows_hidden", lambda args: len(args[1])), ("_set_hidden", lambda _args: 1)):
        original = getattr(filter_class, name, None)
        if original is None:
            continue

        def wrapper(*args, _original=original, _counted=counted):
            probe.count("hide" if args[-1] else "show", _counted(args))
            return _original(*args)

        setattr(filter_class, name, wrapper)


def print_report(records: list[dict]) -> None:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for record in records:
        by_kind[record["kind"]].append(record["total"])
    for kind, found in by_kind.items():
        print(f"{kind}: median {statistics.median(found) * 1000:.1f} ms, worst {max(found) * 1000:.0f} ms, "
              f"{sum(t > SLOW for t in found)} of {len(found)} over 50 ms")  # fmt: skip
    # By transition: which keystrokes are slow, in every mode.
    print("\nby transition (all modes): median / worst / slow count")
    transitions: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for record in records:
        variant = record["kind"].split("/")[0] if "/" in record["kind"] else ""
        transitions[(variant, record["before"], record["text"])].append(record["total"])
    for (variant, before, text), found in sorted(transitions.items(), key=lambda item: -statistics.median(item[1])):
        print(f"  {variant:5} {before!r:>14} -> {text!r:<14} n={len(found):3} "
              f"median {statistics.median(found) * 1000:6.1f} "
              f"worst {max(found) * 1000:6.0f} slow {sum(t > SLOW for t in found)}")  # fmt: skip
    gc2 = [g for record in records for g in record["gc"] if g[0] == 2]
    if gc2:
        print(f"\ngen-2 passes during keystrokes: {len(gc2)}, median {statistics.median(g[1] for g in gc2) * 1000:.0f} "
              f"ms")  # fmt: skip
    print("\nslow keystrokes:")
    print("| mode | before → text | total | setText | filter | select | processEvents | announce | repaint | "
          "hide/show | expand calls | gc passes (gen: ms) | objects |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for record in records:
        if record["total"] <= SLOW:
            continue
        parts, counts = record["parts"], record["counts"]
        ms = lambda seconds: f"{seconds * 1000:.0f}"  # noqa: E731
        expands = ", ".join(f"{name} {counts[name]} ({ms(parts[name])} ms)" for name in
                            ("expand", "expandToDepth", "collapseAll", "setExpanded") if counts[name])  # fmt: skip
        passes = ", ".join(f"{g}: {ms(d)}" for g, d, _c in record["gc"] if d > 0.002) or "-"
        print(
            f"| {record['kind']} | {record['before']!r} → {record['text']!r} | {ms(record['total'])} | "
            f"{ms(parts['setText'])} | {ms(parts['filter'])} | {ms(parts['select_node'])} | "
            f"{ms(parts['processEvents'])} | {ms(parts['announce'])} | {ms(parts['repaint'])} | "
            f"{counts['hide']}/{counts['show']} | {expands or '-'} | {passes} | {record['objects']} |"
        )
        if "profile" in record:
            print("\n".join("    " + line for line in record["profile"].splitlines()[6:24]))


if __name__ == "__main__":
    main()
