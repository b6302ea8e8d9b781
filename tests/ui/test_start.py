"""The first start: the sample is a throwaway, the default register is made on first use, a missing
register is never silently created, and ``--user`` names the author."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView

from ui import app, commands, dialogs
from ui.main_window import LAST_KEY, MainWindow


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch) -> Path:
    """The user data folder (platformdirs follows XDG_DATA_HOME)."""
    folder = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    return shown


def new_window(qtbot, user: str | None = None) -> MainWindow:
    window = app.make_window(argparse.Namespace(user=user))
    qtbot.addWidget(window)
    window.show()
    return window


def start(qtbot, window: MainWindow, **arguments) -> None:
    """What the command line does after making the window, waiting until a register is open."""
    args = argparse.Namespace(**{"sample": False, "db": None, "user": None, **arguments})
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        app.open_first_register(window, args)


def test_the_sample_is_a_throwaway_and_the_next_plain_start_opens_the_default_register(qtbot, data_home,
                                                                                        errors) -> None:  # fmt: skip
    window = new_window(qtbot)
    start(qtbot, window, sample=True)
    folder = window.document.throwaway_folder
    assert folder.is_dir() and window.document.location.startswith(str(folder))
    assert len(window.document.index.nodes) == 29
    assert window.recent() == [] and QSettings().value(LAST_KEY) is None
    window.close()
    assert not folder.exists(), "the sample copy goes with its window"

    second = new_window(qtbot)
    start(qtbot, second)
    default = data_home / "improvement-register" / "register.sqlite"
    assert second.document.location == str(default) and default.exists()
    assert second.document.index.nodes == {}
    assert second.recent() == [str(default)] and errors == []
    second.close()


def test_opening_another_register_removes_the_sample_copy(qtbot, tmp_path, errors) -> None:
    window = new_window(qtbot)
    start(qtbot, window, sample=True)
    folder = window.document.throwaway_folder
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "real.sqlite"), create=True)
    assert not folder.exists() and window.recent() == [str((tmp_path / "real.sqlite").resolve())]
    window.close()


def _remember_then_delete(qtbot, tmp_path: Path) -> Path:
    """A register in Open Recent (and last used) whose file has since gone."""
    gone = tmp_path / "gone.sqlite"
    window = new_window(qtbot)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(gone), create=True)
    window.close()
    gone.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{gone}{suffix}").unlink(missing_ok=True)
    return gone.resolve()


@pytest.mark.parametrize("answer", [None, "remove"])
def test_a_missing_last_register_asks_and_creates_nothing(qtbot, tmp_path, monkeypatch, errors, answer) -> None:
    gone = _remember_then_delete(qtbot, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_missing_register", lambda parent, location: asked.append(location) or answer)
    window = new_window(qtbot)
    app.open_first_register(window, argparse.Namespace(sample=False, db=None, user=None))
    window.wait_for_tasks()
    assert asked == [str(gone)] and window.document is None and not gone.exists()
    if answer == "remove":
        assert window.recent() == [] and QSettings().value(LAST_KEY) is None
    else:
        assert window.recent() == [str(gone)], "cancel leaves the list as it was"
    window.close()


def test_open_recent_on_a_missing_file_can_locate_it(qtbot, tmp_path, monkeypatch, errors) -> None:
    gone = _remember_then_delete(qtbot, tmp_path)
    moved = tmp_path / "moved.sqlite"
    from register.storage import open_database

    open_database(moved).close()
    monkeypatch.setattr(dialogs, "ask_missing_register", lambda parent, location: "locate")
    monkeypatch.setattr(dialogs, "ask_open_register", lambda parent: str(moved))
    window = new_window(qtbot)
    window._fill_recent_menu()
    [entry] = window.recent_menu.actions()
    assert entry.text() == str(gone)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        entry.trigger()
    assert window.document.location == str(moved) and window.recent() == [str(moved.resolve())]
    assert not gone.exists()
    window.close()


def test_a_missing_register_from_db_can_be_created_there(qtbot, tmp_path, monkeypatch, errors) -> None:
    wanted = tmp_path / "new-place.sqlite"
    monkeypatch.setattr(dialogs, "ask_missing_register", lambda parent, location: "create")
    window = new_window(qtbot)
    start(qtbot, window, db=str(wanted))
    assert wanted.exists() and window.document.index.nodes == {} and errors == []
    window.close()


def test_user_option_names_the_author_in_the_audit_trail(qtbot, tmp_path, monkeypatch, errors) -> None:
    QSettings().setValue("status/author", "Someone Else")
    window = new_window(qtbot, user="Ida Jensen")
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "r.sqlite"), create=True)
    goal = commands.add_node(window.document, "goal", "Færre genindlæggelser", None)
    project_parent = commands.add_node(window.document, "primary", "Opfølgning", goal.id)
    project = commands.add_node(window.document, "project", "Opkald efter udskrivelse", project_parent.id)
    assert {entry.user for entry in window.document.service.audit_trail(goal.id)} == {"Ida Jensen"}
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "ask_status", lambda parent, title, previous, author: seen.append(author))
    window.log_status(project.id)
    assert seen == ["Ida Jensen"], "the status form offers the --user name as author"
    window.close()


def test_new_register_creates_the_file_without_asking(qtbot, tmp_path, monkeypatch, errors) -> None:
    wanted = tmp_path / "ny.sqlite"
    monkeypatch.setattr(dialogs, "ask_new_register", lambda parent: str(wanted))
    monkeypatch.setattr(dialogs, "ask_missing_register", lambda parent, location: pytest.fail("asked"))
    window = new_window(qtbot)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.new_action.trigger()
    assert wanted.exists() and window.document.location == str(wanted) and errors == []
    window.close()


def test_a_failed_import_into_a_new_register_leaves_no_file(qtbot, tmp_path, monkeypatch, errors) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "improvement-register", "version": 1, '
        '"nodes": [{"id": "x", "kind": "primary", "title": "P", "parent": "p9"}]}'
    )
    window = new_window(qtbot)
    with qtbot.waitSignal(window.openFailed, timeout=20000):
        window.open_location(str(tmp_path / "target.sqlite"), import_from=str(bad))
    window.wait_for_tasks()
    assert errors and sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]
    window.close()


def test_quitting_without_closing_the_window_still_removes_the_sample_copy(qtbot, errors) -> None:
    window = new_window(qtbot)
    start(qtbot, window, sample=True)
    folder = window.document.throwaway_folder
    window.discard_throwaway()
    assert not folder.exists()
    window.close()


@pytest.mark.postgres
def test_an_empty_database_asks_before_a_register_is_made_there(qtbot, postgres_schema, monkeypatch, errors) -> None:
    from sqlalchemy import create_engine, inspect

    url, schema = postgres_schema
    location = f"{url}?options=-csearch_path%3D{schema}"
    answers = iter([None, "create"])
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_missing_register", lambda parent, where: asked.append(where) or next(answers))
    window = new_window(qtbot)
    window.open_location(location)
    window.wait_for_tasks()
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert window.document is None and errors == []
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names(schema=schema) == [], "nothing is created before asking"
        with qtbot.waitSignal(window.documentOpened, timeout=20000):
            window.open_location(location)
        assert asked == [location, location] and window.document.is_shared
        with engine.connect() as connection:
            assert "alembic_version" in inspect(connection).get_table_names(schema=schema)
    finally:
        window.close()
        engine.dispose()


def test_the_tree_is_painted_read_only_before_the_register_has_opened(qtbot, tmp_path, errors) -> None:
    from resources import sample_copy_path

    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample_copy_path(), path)
    window = new_window(qtbot)
    seen: list[tuple] = []
    window.treeFilled.connect(lambda: seen.append((window.document, window.tree_model.rowCount(),
                                                   window.tree_view.editTriggers())))  # fmt: skip
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        app.open_first_register(window, argparse.Namespace(sample=False, db=str(path), user=None))
    preview, opened = seen
    assert preview == (None, 2, QAbstractItemView.EditTrigger.NoEditTriggers), "read-only, both goals, at once"
    assert opened == (window.document, 2, QAbstractItemView.EditTrigger.EditKeyPressed)
    assert window.tree_view.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    assert window.tree_view.model() is window.tree_model and errors == []


def test_the_sample_is_painted_before_it_has_opened(qtbot, data_home, errors) -> None:
    window = new_window(qtbot)
    documents: list = []
    window.treeFilled.connect(lambda: documents.append(window.document))
    start(qtbot, window, sample=True)
    assert documents == [None, window.document]


def test_a_register_that_then_fails_to_open_takes_its_preview_away(qtbot, tmp_path, errors, monkeypatch) -> None:
    from register import storage
    from register.errors import StorageError
    from resources import sample_copy_path

    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample_copy_path(), path)
    before = path.read_bytes()

    def refuse(*_args, **_kwargs):
        raise StorageError("The register is locked by another program.")

    monkeypatch.setattr(storage, "open_database", refuse)
    window = new_window(qtbot)
    with qtbot.waitSignal(window.openFailed, timeout=20000):
        window.open_location(str(path))
    assert errors == ["The register is locked by another program."]
    assert window.document is None and window.tree_model is None and window.tree_view.model() is None
    assert path.read_bytes() == before


def test_the_previews_rows_are_kept_when_they_are_the_registers(qtbot, tmp_path, errors) -> None:
    from resources import sample_copy_path
    from ui import commands

    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample_copy_path(), path)
    window = new_window(qtbot)
    models: list = []
    window.treeFilled.connect(lambda: models.append(window.tree_model))
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(path))
    assert models[0] is models[1] is window.tree_model, "no second build of the same rows"
    assert window.tree_model.document is window.document
    goal_id = window.document.index.child_ids(None)[0]
    commands.edit_node(window.document, goal_id, title="Omdøbt mål")  # the kept rows follow the register
    assert window.tree_model.index_of_node(goal_id).data() == "Omdøbt mål"
    window.document.undo_stack.undo()
    assert window.tree_model.index_of_node(goal_id).data() != "Omdøbt mål"


def test_a_preview_that_differs_from_the_register_is_replaced(qtbot, tmp_path, errors, monkeypatch) -> None:
    from dataclasses import replace

    from register import quick_tree
    from resources import sample_copy_path

    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample_copy_path(), path)
    real = quick_tree.read_tree(path)
    changed = replace(real, nodes=[replace(node, title="Gammel titel") if node.parent_id is None else node
                                   for node in real.nodes])  # fmt: skip
    monkeypatch.setattr(quick_tree, "read_tree", lambda _path: changed)  # as if it changed just after the preview
    window = new_window(qtbot)
    models: list = []
    window.treeFilled.connect(lambda: models.append(window.tree_model))
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(path))
    preview, opened = models
    assert opened is not preview and opened is window.tree_model
    titles = {window.tree_model.index(row, 0).data() for row in range(window.tree_model.rowCount())}
    assert "Gammel titel" not in titles and len(titles) == 2


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="SIGTERM is a POSIX signal")
@pytest.mark.parametrize("delay", [0.0, 0.15, 0.3, 0.45, 0.6])
def test_sigterm_at_any_moment_of_opening_closes_the_window_and_removes_the_sample_copy(tmp_path, delay) -> None:
    """A logout while the sample opens, at several moments of it (just copied, being read, being shown, shown):
    the process ends with 0, says nothing went wrong and leaves no copy behind. The window used to close inside
    the code showing the register (a signal handler runs between any two instructions), which then read the
    removed copy and waited forever behind an error message."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path),
                   "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen([sys.executable, "-m", "ui.app", "--sample"], env=environment, stdout=output,
                                   stderr=subprocess.STDOUT)  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while not list(tmp_path.glob("improvement-register-sample-*/*.sqlite")) and time.monotonic() < deadline:
                assert process.poll() is None, log.read_text(errors="replace")
                time.sleep(0.01)
            assert list(tmp_path.glob("improvement-register-sample-*")), "the sample copy was made"
            time.sleep(delay)
            process.send_signal(signal.SIGTERM)
            assert process.wait(20) == 0, log.read_text(errors="replace")
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert "Traceback" not in log.read_text(errors="replace")
    assert list(tmp_path.glob("improvement-register-sample-*")) == [], "the throwaway copy goes with the window"
