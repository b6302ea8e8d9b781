"""The Diagram tab: drawn from the register, selection in step with the tree, live updates, export from the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.ui.test_main_window import open_and_wait, window  # noqa: F401 - the window fixture
from ui import commands, dialogs
from ui.diagram_export import PageSetup
from ui.diagram_view import BoxItem


def test_diagram_shows_every_node_and_syncs_selection_both_ways(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    window.tabs.setCurrentIndex(window.diagram_tab)
    panel = window.diagram_panel
    tree = window.document.index
    assert set(panel.scene.items_by_node) == set(tree.nodes)
    project = next(n for n in tree.nodes.values() if n.kind == "project")
    # Clicking a box selects the node in the tree and the editor, and stays on the Diagram tab.
    panel.scene.items_by_node[project.id].setSelected(True)
    assert window.selected_node_id() == project.id
    assert window.editor.node_id == project.id
    assert window.tabs.currentIndex() == window.diagram_tab
    # Selecting in the tree selects the box.
    other = next(n for n in tree.nodes.values() if n.kind == "secondary")
    window.select_node(other.id)
    assert panel.selected_node() == other.id
    # Double-click opens the editor on the tree tab.
    panel.scene.nodeActivated.emit(project.id)
    assert window.tabs.currentIndex() == window.tree_tab and window.editor.node_id == project.id


def test_goal_picker_and_live_updates(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    window.tabs.setCurrentIndex(window.diagram_tab)
    panel = window.diagram_panel
    tree = window.document.index
    goal = tree.child_ids(None)[1]
    panel.goal_combo.setCurrentIndex(panel.goal_combo.findData(goal))
    assert set(panel.scene.items_by_node) == set(tree.subtree(goal))
    secondary = next(n for n in tree.subtree(goal) if tree.nodes[n].kind == "secondary")
    project = commands.add_node(window.document, "project", "Nyt projekt på tegningen", secondary)
    qtbot.waitUntil(lambda: project.id in panel.scene.items_by_node)
    commands.edit_node(window.document, project.id, title="Omdøbt på tegningen")
    qtbot.waitUntil(lambda: panel.scene.items_by_node[project.id].box.title.lines == ("Omdøbt på tegningen",))
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: project.id not in panel.scene.items_by_node)
    boxes = [item for item in panel.scene.items() if isinstance(item, BoxItem)]
    assert len(boxes) == len(tree.subtree(goal))


def test_zoom_and_fit(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    window.tabs.setCurrentIndex(window.diagram_tab)
    view = window.diagram_panel.view
    view.set_zoom(2.0)
    assert view.zoom() == 2.0
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.sceneRect().adjusted(2, 2, -2, -2)) or view.zoom() < 2.0


def test_export_from_the_window(qtbot, window, tmp_path, monkeypatch) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    out = tmp_path / "mødet.pdf"
    monkeypatch.setattr(dialogs, "ask_diagram_export", lambda parent, name: (out, PageSetup("A3", "portrait"), 200))
    window.export_diagram_action.trigger()
    reader = PdfReader(out)
    assert float(reader.pages[0].mediabox.height) > float(reader.pages[0].mediabox.width)
    assert "Wrote the diagram" in window.statusBar().currentMessage()


def test_print_paints_pages_on_the_printer(qtbot, window, tmp_path, monkeypatch) -> None:  # noqa: F811
    from PySide6.QtPrintSupport import QPrinter

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    out = tmp_path / "printed.pdf"

    def preview(parent, paint):
        from PySide6.QtGui import QPageLayout, QPageSize

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        paint(printer)

    monkeypatch.setattr(dialogs, "print_preview", preview)
    window.print_action.trigger()
    reader = PdfReader(out)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "AmbuFlex" in text and "Page 1 of 1" in text
    assert len(reader.pages) == 1


def test_diagram_keys(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    assert window.diagram_tab_action.shortcut().toString() == "Ctrl+2"
    assert window.export_diagram_action.shortcut().toString() == "Ctrl+E"
    assert window.print_action.shortcut().matches(Qt.Key.Key_P | Qt.KeyboardModifier.ControlModifier)
    assert Path(window.document.location).name == "sample.sqlite"


def test_a_box_selected_while_another_still_is_selects_the_new_one(qtbot, window, tmp_path) -> None:  # noqa: F811
    """Ctrl+click (or a program) adds a box to the selection: the tree and editor follow the box just selected,
    not whichever of the two the scene lists first."""
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    window.tabs.setCurrentIndex(window.diagram_tab)
    panel = window.diagram_panel
    tree = window.document.index
    projects = [n.id for n in tree.nodes.values() if n.kind == "project"]
    for first, second in ((projects[0], projects[1]), (projects[1], projects[0])):
        window.select_node(first)
        assert panel.selected_node() == first
        panel.scene.items_by_node[second].setSelected(True)
        assert window.selected_node_id() == second and window.editor.node_id == second
        assert panel.selected_node() == second


def test_a_register_opened_while_the_diagram_is_hidden_is_fitted_when_shown(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "first.sqlite", sample=True)
    window.tabs.setCurrentIndex(window.diagram_tab)
    panel = window.diagram_panel
    panel.view.set_zoom(2.5)
    window.tabs.setCurrentIndex(window.tree_tab)
    open_and_wait(qtbot, window, tmp_path / "second.sqlite", sample=True)
    window.tabs.setCurrentIndex(window.diagram_tab)
    shown = panel.view.zoom()
    panel.view.fit()  # what Fit (Ctrl+0) gives
    assert shown == pytest.approx(panel.view.zoom()) and shown < 2.5
