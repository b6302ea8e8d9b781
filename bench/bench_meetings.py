"""Benchmark the meeting pack of a register with 100 projects and 300 measures (targets: under 20 s and
500 MiB), the same pages without the statistics (charts, readings, evidence) for the ratio, and the change list
behind the "Since last meeting" view (target 1 s).

Run: python -m bench.bench_meetings   (each figure in a fresh process, so the peak memory is the pack's own)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_register(path: Path) -> None:
    """100 projects (10 status updates each), 300 measures of 36 weekly points; a closed meeting, then edits."""
    from bench.generate import large_register
    from register.exchange import import_data
    from register.meetings import MeetingService
    from register.service import RegisterService
    from register.storage import open_database

    data = large_register(goals=2, primaries=8, secondaries=20, projects=100, statuses_per_project=10,
                         measures_per_project=3, observations_per_measure=36)  # fmt: skip
    service = RegisterService(open_database(path), user="bench")
    import_data(service, data, source="benchmark")
    meetings = MeetingService(service)
    first = meetings.create_meeting(date="2026-09-01", title="September")
    meetings.close_meeting(first.id, first.version)
    projects = [n for n in service.load_tree().nodes if n.kind == "project"]
    for number, project in enumerate(projects[:20]):
        service.update_node(project.id, title=f"{project.title} (renamed)", expected_version=project.version)
        service.add_status_update(project.id, date="2026-10-01", rag="red", help_needed=f"Help {number}")
    meetings.create_meeting(date="2026-11-01", title="November")


def run_one(path: Path, what: str) -> dict[str, float]:
    """One figure, timed in this process (the app's objects only, as the window and the command line use them)."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    from register.meeting_view import RegisterView, changes_between
    from register.meetings import MeetingService
    from register.service import RegisterService
    from register.storage import open_database
    from ui.meeting_pack import PackOptions, meeting_pack, write_pack

    meetings = MeetingService(RegisterService(open_database(path), user="bench"))
    november = meetings.find_meeting("2026-11-01")
    start = time.perf_counter()
    result: dict[str, float] = {}
    if what == "changes":
        previous = meetings.previous_closed()
        assert previous is not None
        old = RegisterView.from_document(meetings.snapshot(previous.id), previous.date)
        new = RegisterView.from_document(meetings.current_document(), november.date)
        result["changes"] = len(changes_between(old, new))
    else:
        pack = meeting_pack(meetings, november.id, PackOptions(statistics=what == "pack"))
        with tempfile.TemporaryDirectory() as folder:
            result["pages"] = write_pack(pack, Path(folder) / "pack.pdf")
    result["seconds"] = time.perf_counter() - start
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    if len(sys.argv) == 3:
        print(json.dumps(run_one(Path(sys.argv[1]), sys.argv[2])))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meetings.sqlite"
        make_register(path)
        figures: dict[str, list[dict[str, float]]] = {"pack": [], "plain": [], "changes": []}
        for _ in range(3):
            for what in figures:
                output = subprocess.run([sys.executable, "-m", "bench.bench_meetings", str(path), what],
                                        capture_output=True, text=True, check=True)  # fmt: skip
                figures[what].append(json.loads(output.stdout.strip().splitlines()[-1]))
    median = {what: sorted(runs, key=lambda r: r["seconds"])[1] for what, runs in figures.items()}
    pack, plain, changes = median["pack"], median["plain"], median["changes"]
    print("register: 100 projects, 300 measures (36 points each), 1,000 status updates")
    print(f"meeting pack ({pack['pages']:.0f} pages): {pack['seconds']:.2f} s, peak {pack['peak_mib']:.0f} MiB "
          "(targets 20 s, 500 MiB)")  # fmt: skip
    print(f"same pages without statistics: {plain['seconds']:.2f} s, peak {plain['peak_mib']:.0f} MiB; "
          f"ratio {pack['seconds'] / plain['seconds']:.1f}")  # fmt: skip
    print(f"since last meeting ({changes['changes']:.0f} changes): {changes['seconds'] * 1000:.0f} ms "
          f"(target 1 s), peak {changes['peak_mib']:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
