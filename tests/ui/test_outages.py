"""A frozen PostgreSQL server never freezes the window: a clear message in time, a retry, nothing typed lost."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from sqlalchemy.engine import make_url

from register.service import RegisterService
from register.storage import open_database
from tests.tcp_proxy import FreezableProxy
from ui import dialogs, responsive
from ui.main_window import MainWindow


@pytest.mark.postgres
def test_a_frozen_server_gives_a_message_in_time_and_the_typed_edit_is_saved_on_retry(
    qtbot, postgres_schema, monkeypatch
) -> None:
    url, schema = postgres_schema
    seed = open_database(url, schema=schema)
    goal = RegisterService(seed).add_node("goal", "Fewer visits")
    seed.close()
    parsed = make_url(url)
    proxy = FreezableProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    monkeypatch.setattr(responsive, "DEADLINE", 1.5)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        through_proxy = parsed.set(host="127.0.0.1", port=proxy.port).update_query_dict(
            {"options": f"-csearch_path={schema}"}
        )
        with qtbot.waitSignal(window.documentOpened, timeout=20000):
            window.open_location(through_proxy.render_as_string(hide_password=False))
        window.select_node(goal.id)
        window.editor.title_edit.selectAll()
        QTest.keyClicks(window.editor.title_edit, "Færre ambulante besøg")

        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.setInterval(50)
        heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
        heartbeat.start()
        asked: list[tuple[str, float, str]] = []

        def retry(parent, message: str) -> bool:
            asked.append((message, time.monotonic(), window.editor.title_edit.text()))
            proxy.thaw()  # the server answers again
            return True

        monkeypatch.setattr(dialogs, "ask_retry", retry)
        monkeypatch.setattr(dialogs, "ask_reload", lambda parent, message: errors.append(message) or False)
        proxy.freeze()
        started = time.monotonic()
        QTest.keyClick(window.editor.title_edit, Qt.Key.Key_Return)  # save
        heartbeat.stop()
        [(message, when, typed)] = asked
        assert when - started < responsive.DEADLINE + 1.0  # told in time, not after TCP's minutes
        assert "did not answer within 1.5 seconds" in message and "Try again" in message
        assert typed == "Færre ambulante besøg"  # what the user typed is still there
        assert sum(1 for tick in ticks if tick < when) >= 10  # the window kept running while it waited
        assert window.document.index.nodes[goal.id].title == "Færre ambulante besøg"
        check = open_database(url, schema=schema)
        assert RegisterService(check).get_node(goal.id).title == "Færre ambulante besøg"
        check.close()
        assert errors == []
    finally:
        window.close()
        proxy.close()


def test_a_call_the_window_gave_up_on_never_writes_when_it_wakes_up(qapp, tmp_path) -> None:
    """The race of a server that answers just after the deadline: the late call commits nothing."""
    import threading

    from register.errors import ConnectionLostError

    database = open_database(tmp_path / "r.sqlite")
    service = RegisterService(database, user="tester")
    gate = threading.Event()
    finished = threading.Event()

    def late_add() -> None:
        gate.wait(10)  # stuck like a call waiting for a frozen server's pool ping
        try:
            service.add_node("goal", "Written too late")
        finally:
            finished.set()

    service.late_add = late_add
    responsive_service = responsive.ResponsiveService(service, deadline=0.3)
    started = time.monotonic()
    with pytest.raises(ConnectionLostError, match="did not answer within 0.3 seconds"):
        responsive_service.late_add()
    assert time.monotonic() - started < 1.5
    gate.set()  # the server answers again
    assert finished.wait(10)
    assert service.load_tree().nodes == []
    assert responsive_service.add_node("goal", "Written in time").title == "Written in time"  # and it goes on
    database.close()


def test_a_status_update_the_server_did_not_take_is_offered_again_as_typed(qtbot, sample_path, monkeypatch) -> None:
    from register.errors import ConnectionLostError

    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: None)
    monkeypatch.setattr(dialogs, "ask_retry", lambda parent, message: False)  # the user gives up for now
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(sample_path))
    project = next(window.document.index.projects())
    typed = {"date": date(2026, 11, 24), "author": "Mette", "rag": "amber", "progress": 3.0,
             "summary": "Two clinics live", "next_steps": "Third clinic", "help_needed": "IT support"}  # fmt: skip
    drafts: list[dict | None] = []

    def ask_status(parent, title, previous, author, draft=None):
        drafts.append(draft)
        return dict(draft) if draft else dict(typed)

    monkeypatch.setattr(dialogs, "ask_status", ask_status)
    service = window.document.service
    real_add = service.add_status_update
    monkeypatch.setattr(service, "add_status_update", lambda *a, **k: (_ for _ in ()).throw(
        ConnectionLostError("The register server did not answer within 8 seconds.")))  # fmt: skip
    before = len(service.status_history(project.id))
    window.log_status(project.id)
    assert len(service.status_history(project.id)) == before
    assert "not saved" in window.statusBar().currentMessage()
    monkeypatch.setattr(service, "add_status_update", real_add)  # the server is back
    window.log_status(project.id)
    assert drafts == [None, typed]  # the second form opened with everything that was typed
    latest = service.status_history(project.id)[0]
    assert (latest.summary, latest.next_steps, latest.help_needed, latest.rag) == (
        "Two clinics live", "Third clinic", "IT support", "amber")  # fmt: skip
    window.close()
