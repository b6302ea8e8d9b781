"""The archive view: a deleted node is listed after a restart, restored (undoable) or purged (confirmed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from register.service import RegisterService
from register.storage import open_database
from ui import commands, dialogs
from ui.archive_dialog import ArchiveDialog
from ui.main_window import MainWindow

PROJECT = "Regionsklinik i Lemvig"


@pytest.fixture
def answers(monkeypatch) -> dict:
    state = {"confirm": True, "errors": [], "asked": []}
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: state["errors"].append(message))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, message, action: state["asked"].append(message)
                        or state["confirm"])  # fmt: skip
    return state


def open_window(qtbot, path: Path, **kwargs) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(path), **kwargs)
    window.wait_for_tasks()
    return window


def project_id(window: MainWindow) -> str:
    return next(node.id for node in window.document.index.nodes.values() if node.title == PROJECT)


def delete_and_restart(qtbot, tmp_path: Path) -> tuple[MainWindow, str]:
    """Delete the Lemvig project in one window, close it, and open the register in a new one."""
    path = tmp_path / "r.sqlite"
    first = open_window(qtbot, path, sample=True)
    node_id = project_id(first)
    first.select_node(node_id)
    first.delete_selected()
    assert node_id not in first.document.index.nodes
    first.close()
    return open_window(qtbot, path), node_id


def test_the_delete_dialog_promises_the_archive(qtbot, tmp_path, answers) -> None:
    window, _node_id = delete_and_restart(qtbot, tmp_path)
    assert "Edit → Archive" in answers["asked"][0] and "restart" in answers["asked"][0]
    window.close()


def test_after_a_restart_the_archive_lists_and_restores_the_node_undoably(qtbot, tmp_path, answers) -> None:
    window, node_id = delete_and_restart(qtbot, tmp_path)
    dialog = ArchiveDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == PROJECT
    assert dialog.table.item(0, 1).text() == "project"
    parent_id = window.document.service.get_node(node_id).parent_id
    assert dialog.table.item(0, 2).text() == window.document.index.nodes[parent_id].title
    assert dialog.table.item(0, 3).text() and dialog.table.item(0, 4).text()
    assert "status update" in dialog.table.item(0, 5).text()
    restored: list[str] = []
    dialog.restored.connect(restored.append)
    dialog.restore_selected()
    assert restored == [node_id] and node_id in window.document.index.nodes
    assert window.tree_model.index_of_node(node_id).isValid()
    assert dialog.table.rowCount() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert window.undo_action.text().endswith(f"Restore project “{PROJECT}”")
    window.document.undo_stack.undo()
    assert node_id not in window.document.index.nodes and not window.tree_model.index_of_node(node_id).isValid()
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    window.document.undo_stack.redo()
    assert node_id in window.document.index.nodes and answers["errors"] == []
    window.close()


def test_purge_asks_first_and_then_destroys_for_good(qtbot, tmp_path, answers) -> None:
    window, node_id = delete_and_restart(qtbot, tmp_path)
    commands.edit_node(window.document, next(iter(window.document.index.child_ids(None))), title="Nyt mål")
    dialog = ArchiveDialog(window.document, window)
    qtbot.addWidget(dialog)
    answers["confirm"] = False
    dialog.purge_selected()
    assert f"“{PROJECT}”" in answers["asked"][-1] and "cannot be undone" in answers["asked"][-1]
    assert dialog.table.rowCount() == 1 and window.document.service.list_archived()
    answers["confirm"] = True
    dialog.purge_selected()
    assert dialog.table.rowCount() == 0 and window.document.service.list_archived() == []
    assert window.document.undo_stack.count() == 0, "no undo may refer to what is gone"
    window.close()
    database = open_database(tmp_path / "r.sqlite", create=False)
    try:
        assert node_id not in {node.id for node in RegisterService(database).load_tree().nodes}
    finally:
        database.close()


def test_the_window_opens_the_archive_and_selects_a_restored_node(qtbot, tmp_path, answers, monkeypatch) -> None:
    window, node_id = delete_and_restart(qtbot, tmp_path)

    def restore_first(parent, document, on_restored) -> None:
        dialog = ArchiveDialog(document, parent)
        dialog.restored.connect(on_restored)
        dialog.restore_selected()

    monkeypatch.setattr(dialogs, "show_archive", restore_first)
    assert window.archive_action.isEnabled()
    window.archive_action.trigger()
    assert window.selected_node_id() == node_id
    window.close()


def test_the_archive_in_danish(qtbot, qapp, document) -> None:
    import re

    from PySide6.QtCore import QLocale

    from register import i18n as core_i18n
    from ui.i18n import install_translators, remove_translators

    before = QLocale()
    translators = install_translators(qapp, "da")
    try:
        node = next(node for node in document.index.nodes.values() if node.title == PROJECT)
        commands.delete_node(document, node.id)
        dialog = ArchiveDialog(document)
        qtbot.addWidget(dialog)
        headers = [dialog.table.horizontalHeaderItem(column).text() for column in range(dialog.table.columnCount())]
        assert headers == ["Titel", "Type", "Lå under", "Slettet", "Af", "Med det"]
        assert dialog.table.item(0, 1).text() == "projekt"
        assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", dialog.table.item(0, 3).text()), "Danish date, local time"
        assert "statusopdatering" in dialog.table.item(0, 5).text()
        assert dialog.restore_button.text() == "&Gendan" and dialog.windowTitle() == "Arkiv"
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(before)
        core_i18n.set_language("en")
