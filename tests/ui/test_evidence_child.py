"""The window's start-up evidence comes from a child process: shown as before, never applied once stopped, and a
child that dies or cannot open the register is a message in the status bar while the window goes on."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from register import charts
from register.evidence_worker import EvidenceChild, write_frame
from tests.ui.test_main_window import open_and_wait, window  # noqa: F401 - the window fixture
from ui import commands
from ui.evidence import EvidenceKeeper
from ui.main_window import MainWindow


def before_the_request(monkeypatch: pytest.MonkeyPatch, action: Callable[[EvidenceChild], None]) -> None:
    """Run ``action`` in the evidence thread just before a child gets its request."""
    original = EvidenceChild.send_request

    def send_request(child: EvidenceChild) -> None:
        action(child)
        original(child)

    monkeypatch.setattr(EvidenceChild, "send_request", send_request)


def applied_by(monkeypatch: pytest.MonkeyPatch) -> list[tuple[EvidenceKeeper, bool, dict]]:
    """Every call of ``EvidenceKeeper.apply``: (keeper, stopped then, evidence)."""
    calls: list[tuple[EvidenceKeeper, bool, dict]] = []
    original = EvidenceKeeper.apply

    def apply(keeper: EvidenceKeeper, evidence: dict) -> None:
        calls.append((keeper, keeper.stopped, dict(evidence)))
        original(keeper, evidence)

    monkeypatch.setattr(EvidenceKeeper, "apply", apply)
    return calls


def wait_until_stopped(child: EvidenceChild) -> None:
    deadline = time.monotonic() + 60  # a bound against hanging the run, not a timing
    while not child.stopped and time.monotonic() < deadline:
        threading.Event().wait(0.01)


def test_the_evidence_comes_from_a_child_process(qtbot, window: MainWindow, sample_path: Path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, sample_path)
    qtbot.waitUntil(lambda: bool(window.document.evidence), timeout=30000)
    child = window.document.evidence_keeper.child
    assert child is not None and child.process.returncode == 0
    assert window.document.evidence == charts.evidence_by_node(window.document.service)


@pytest.mark.parametrize("computed", [False, True], ids=["while it starts", "results waiting in the pipe"])
def test_opening_another_register_ends_the_child_and_applies_nothing(
    qtbot,
    window: MainWindow,  # noqa: F811
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    computed: bool,
) -> None:
    children: list[EvidenceChild] = []

    def hold(child: EvidenceChild) -> None:
        children.append(child)
        if len(children) > 1:
            return  # the next register's child works as usual
        if computed:  # the child computes everything and leaves it in the pipe
            write_frame(child.process.stdin, child.request)
            child.process.wait()
        wait_until_stopped(child)

    before_the_request(monkeypatch, hold)
    calls = applied_by(monkeypatch)
    open_and_wait(qtbot, window, sample_path)
    first = window.document.evidence_keeper
    qtbot.waitUntil(lambda: bool(children), timeout=30000)
    other = tmp_path / "other.sqlite"
    open_and_wait(qtbot, window, other, create=True)  # the first keeper is stopped
    assert first.stopped and children[0].process.returncode is not None  # ended and reaped at once
    window.wait_for_tasks()
    qtbot.wait(50)
    assert all(not evidence for keeper, _stopped, evidence in calls if keeper is first)
    assert window.document.evidence == {}  # the new register has no measures: nothing of the sample came
    assert window.statusBar().currentMessage() == ""


def test_closing_the_window_ends_the_child(qtbot, window: MainWindow, sample_path: Path, monkeypatch) -> None:  # noqa: F811
    children: list[EvidenceChild] = []
    before_the_request(monkeypatch, lambda child: children.append(child) or wait_until_stopped(child))
    open_and_wait(qtbot, window, sample_path)
    qtbot.waitUntil(lambda: bool(children), timeout=30000)
    window.close()  # stops the keeper and waits for its thread
    assert children[0].process.returncode is not None
    assert window.document.evidence == {}


def test_a_child_killed_midway_is_a_message_and_the_window_goes_on(
    qtbot,
    window: MainWindow,  # noqa: F811
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def kill(child: EvidenceChild) -> None:
        os.kill(child.process.pid, signal.SIGKILL)
        child.process.wait()

    before_the_request(monkeypatch, kill)
    open_and_wait(qtbot, window, sample_path)
    qtbot.waitUntil(lambda: "ended unexpectedly" in window.statusBar().currentMessage(), timeout=30000)
    assert "exit code -9" in window.statusBar().currentMessage()
    assert "Traceback" not in window.statusBar().currentMessage()
    assert window.document.evidence == {}
    project = next(node for node in window.document.index.nodes.values() if node.kind == "project")
    commands.edit_node(window.document, project.id, title="Still working")
    assert window.document.node(project.id).title == "Still working"
    window.search_edit.setText("Still working")
    assert window.calls["errors"] == []


def test_a_register_the_child_cannot_open_is_a_message(
    qtbot,
    window: MainWindow,  # noqa: F811
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = threading.Event()

    def delete(_child: EvidenceChild) -> None:  # once the window shows the register, its file goes away
        opened.wait(60)
        sample_path.unlink()

    before_the_request(monkeypatch, delete)
    open_and_wait(qtbot, window, sample_path)
    opened.set()
    qtbot.waitUntil(lambda: "There is no register" in window.statusBar().currentMessage(), timeout=30000)
    assert str(sample_path) in window.statusBar().currentMessage()
    assert window.document.evidence == {} and not sample_path.exists()  # nothing was created there


def test_a_task_deleted_before_it_was_forgotten_does_not_break_closing(qtbot, window: MainWindow) -> None:  # noqa: F811
    """A finished task may be deleted (``deleteLater``) before the window forgets it: closing must not wait on it."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.tasks import Task

    task = Task(lambda: None, window)
    window._track(task)
    task.deleteLater()
    QCoreApplication.sendPostedEvents(task, QEvent.Type.DeferredDelete)
    assert task not in window.tasks
    window.close()  # waited on a deleted task before ("Internal C++ object (Task) already deleted")


def test_the_evidence_is_stored_at_once_and_announced_a_few_nodes_per_turn(
    qtbot, document, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import evidence as evidence_module

    monkeypatch.setattr(evidence_module, "ANNOUNCE_NODES", 2)
    found = charts.evidence_by_node(document.service)
    assert len(found) == 5
    keeper = EvidenceKeeper(document)
    announced: list[list[str]] = []
    document.evidenceChanged.connect(announced.append)
    keeper.apply(found)
    assert document.evidence == found  # every node's evidence is there at once
    assert announced == [list(found)[:2]] and not keeper.applied  # the rest in later turns of the event loop
    qtbot.waitUntil(lambda: keeper.applied, timeout=5000)
    assert announced == [list(found)[:2], list(found)[2:4], list(found)[4:]]


def test_a_turn_of_the_event_loop_announces_in_batches_until_its_time_is_spent(
    qtbot, document, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import evidence as evidence_module

    found = charts.evidence_by_node(document.service)
    nodes = list(found)
    monkeypatch.setattr(evidence_module, "ANNOUNCE_NODES", 4)
    monkeypatch.setattr(evidence_module, "ANNOUNCE_BATCH", 2)
    monkeypatch.setattr(evidence_module, "ANNOUNCE_SECONDS", 60.0)  # time to spare: the turn's nodes, in batches
    keeper = EvidenceKeeper(document)
    announced: list[list[str]] = []
    document.evidenceChanged.connect(announced.append)
    keeper.apply(found)
    assert announced == [nodes[:2], nodes[2:4]] and not keeper.applied
    qtbot.waitUntil(lambda: keeper.applied, timeout=5000)
    assert announced == [nodes[:2], nodes[2:4], nodes[4:]]

    monkeypatch.setattr(evidence_module, "ANNOUNCE_SECONDS", 0.0)  # no time to spare: one batch per turn
    keeper = EvidenceKeeper(document)
    announced.clear()
    keeper.apply(found)
    assert announced == [nodes[:2]]
    qtbot.waitUntil(lambda: keeper.applied, timeout=5000)
    assert announced == [nodes[:2], nodes[2:4], nodes[4:]]


def test_stopping_ends_the_announcements(qtbot, document, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import evidence as evidence_module

    monkeypatch.setattr(evidence_module, "ANNOUNCE_NODES", 2)
    keeper = EvidenceKeeper(document)
    announced: list[list[str]] = []
    document.evidenceChanged.connect(announced.append)
    keeper.apply(charts.evidence_by_node(document.service))
    keeper.stop()
    qtbot.wait(50)
    assert len(announced) == 1 and not keeper.applied


def test_a_node_refreshed_while_everything_was_computed_keeps_its_newer_evidence(qtbot, document) -> None:
    found = charts.evidence_by_node(document.service)
    first, second = list(found)[:2]
    stale = {**found, first: found[second]}  # computed before the first node's data changed
    keeper = EvidenceKeeper(document)
    keeper.refresh(first)  # after an edit, while the whole computation still ran
    keeper.apply(stale)
    assert document.evidence[first] == found[first]
    assert {node: document.evidence[node] for node in found if node != first} == {
        node: evidence for node, evidence in found.items() if node != first
    }


def test_a_program_that_cannot_start_the_child_computes_in_a_thread(
    qtbot,
    window: MainWindow,  # noqa: F811
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frozen program has no ``python -m``: the evidence is computed in a thread of its process, as before."""
    import sys

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    open_and_wait(qtbot, window, sample_path)
    keeper = window.document.evidence_keeper
    qtbot.waitUntil(lambda: keeper.applied, timeout=30000)
    assert keeper.child is None
    assert window.document.evidence == charts.evidence_by_node(window.document.service) != {}
