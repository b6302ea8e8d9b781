"""Benchmark the desktop window on the benchmark register (3,000 projects), offscreen, in process.

- open: from asking to open the register to the tree painted in the window (target 1 s);
- filter: one keystroke in the tree's filter box, until the tree is repainted (target 100 ms);
- edit / status: an undoable rename or status update until the row is repainted (target 50 ms);
- start-up: a fresh process, ``--sample`` register, until the window is usable (target 1.5 s),
  and whether matplotlib was imported on the way (it must not be).

Run: python -m bench.bench_ui
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import median_seconds, ms

RESULTS = Path(__file__).with_name("results")


def benchmark_register() -> Path:
    """The core benchmark register as SQLite, generated once and kept in bench/results/."""
    from bench.generate import large_register
    from register.exchange import import_data
    from register.service import RegisterService
    from register.storage import open_database

    path = RESULTS / "large.sqlite"
    if not path.exists():
        RESULTS.mkdir(exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        database = open_database(partial)
        import_data(RegisterService(database, user="bench"), large_register())
        database.close()
        partial.rename(path)
    return path


def settle(app, window) -> None:
    app.processEvents()
    window.tree_view.viewport().repaint()


def start_up_seconds(runs: int = 5) -> tuple[float, bool]:
    script = (
        "import sys, time, tempfile\n"
        "from pathlib import Path\n"
        "from ui.app import make_application\n"
        "app = make_application()\n"
        "from ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show()\n"
        "w.documentOpened.connect(lambda: (w.tree_view.viewport().repaint(),\n"
        "    print(time.time() - float(sys.argv[1]), 'matplotlib' in sys.modules), app.quit()))\n"
        "w.open_location(str(Path(tempfile.mkdtemp()) / 's.sqlite'), sample=True)\n"
        "app.exec()\n"
    )
    times, loaded = [], False
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", script, repr(time.time())], capture_output=True, text=True,
                             check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
        elapsed, matplotlib = out.stdout.split()
        times.append(float(elapsed))
        loaded = loaded or matplotlib == "True"
    return statistics.median(times), loaded


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])
    from ui import commands
    from ui.main_window import MainWindow

    source = benchmark_register()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.sqlite"
        path.write_bytes(source.read_bytes())
        window = MainWindow()
        window.resize(1400, 900)
        window.show()

        def open_register() -> None:
            opened = []
            window.documentOpened.connect(lambda: opened.append(1))
            window.open_location(str(path))
            while not opened:
                app.processEvents()
            settle(app, window)
            window.documentOpened.disconnect()

        open_times, evidence_times, busy_keystrokes = [], [], []
        window.open_location(str(path))  # warm-up
        window.wait_for_tasks()
        for _ in range(5):
            start = time.perf_counter()
            open_register()
            open_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            for text in ("Pro", "Project 1", ""):  # typing while the evidence is computed in the background
                begin = time.perf_counter()
                window.search_edit.setText(text)
                settle(app, window)
                busy_keystrokes.append(time.perf_counter() - begin)
            window.wait_for_tasks()  # the background computation of every node's evidence
            evidence_times.append(time.perf_counter() - start)
        open_time, evidence_time = statistics.median(open_times), statistics.median(evidence_times)
        tree = window.document.index
        print(f"register: {len(tree.nodes)} nodes, {sum(1 for _ in tree.projects())} projects, {len(tree.links)} links")

        keystrokes = ["P", "Pr", "Pro", "Proj", "Proje", "Projec", "Project", "Project 1", "Project 12", "Project 123"]
        filter_times = []
        for _ in range(3):
            for text in [*keystrokes, ""]:
                start = time.perf_counter()
                window.search_edit.setText(text)
                settle(app, window)
                filter_times.append(time.perf_counter() - start)
        projects = [node.id for node in tree.projects()]

        counter = iter(range(10**6))

        def rename() -> None:
            node_id = projects[next(counter) % len(projects)]
            commands.edit_node(window.document, node_id, title=f"Renamed {next(counter)}")
            settle(app, window)

        def log_status() -> None:
            node_id = projects[next(counter) % len(projects)]
            commands.log_status(window.document, node_id, date=date(2026, 11, 24), rag="amber", progress=3.0,
                                summary="bench")  # fmt: skip
            settle(app, window)

        window.select_node(projects[0])
        edit_time = median_seconds(rename, repeats=30)
        status_time = median_seconds(log_status, repeats=30)
        window.close()

    start_time, matplotlib_loaded = start_up_seconds()
    filter_time = statistics.median(filter_times)
    rows = [
        ("open the register until the tree is painted", open_time, 1.0),
        ("one filter keystroke until the tree is repainted", filter_time, 0.100),
        ("rename a project (undoable) until repainted", edit_time, 0.050),
        ("log a status update (undoable) until repainted", status_time, 0.050),
        ("start-up with --sample to a usable window (fresh process)", start_time, 1.5),
        (
            "evidence of every node (6,000 measures), in the background after the tree shows",
            evidence_time,
            float("inf"),
        ),
        ("a filter keystroke while that runs", statistics.median(busy_keystrokes), 0.100),
    ]
    print("| what | median | target |")
    print("|---|---|---|")
    for label, seconds, target in rows:
        goal = "—" if target == float("inf") else f"{ms(target)} {'ok' if seconds <= target else 'MISSED'}"
        print(f"| {label} | {ms(seconds)} | {goal} |")
    print(f"matplotlib imported at start-up: {matplotlib_loaded}")


if __name__ == "__main__":
    main()
