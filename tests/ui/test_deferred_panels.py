"""The hidden tabs and the node editor's form are built when first needed, and then show what they would have shown
had they been built at start: the register, the marks, the selection and the user's role."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.editor import NodeEditor
from ui.main_window import MainWindow


def test_the_diagram_tab_built_when_first_shown_has_the_register_marks_and_selection(qtbot, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window._diagram_page.built and not window._meetings_page.built and not window.editor.form_built
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "sample.sqlite"), sample=True)
    assert window._meetings_page.built  # its decision log marks the tree
    assert window.editor.form_built  # the first goal is shown in it
    assert not window._diagram_page.built
    document = window.document
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    window.select_node(lemvig.id)

    window.tabs.setCurrentIndex(window.diagram_tab)

    assert window._diagram_page.built
    panel = window.diagram_panel
    assert panel.isVisible() and panel.parent() is window._diagram_page
    boxes = panel.scene.items_by_node
    assert set(boxes) == {node.id for node in document.index.nodes.values()}
    assert boxes[lemvig.id].isSelected()
    assert boxes[lemvig.id].request  # its status asks for help: marked as in the tree


def test_the_diagram_built_while_a_cross_link_row_is_current_selects_the_links_source(qtbot, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "sample.sqlite"), sample=True)
    link = next(iter(window.document.index.links.values()))
    window.tree_view.setCurrentIndex(window.tree_model.index_of_link(link.id))
    assert window.editor.node_id == link.source_id

    window.tabs.setCurrentIndex(window.diagram_tab)

    assert window.diagram_panel.selected_node() == link.source_id


def test_the_meetings_tab_shown_before_any_register_is_empty_and_fills_when_one_opens(qtbot, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.meetings_tab)
    panel = window.meetings_panel
    assert panel.isVisible() and panel.log is None
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "sample.sqlite"), sample=True)
    assert window.meetings_panel is panel and panel.log is not None
    assert window.tabs.currentIndex() == window.meetings_tab  # opening does not take the user to another tab
    assert window.editor.node_id is not None  # (the first goal is shown in the tree's editor meanwhile)


def test_the_editor_built_after_the_role_was_applied_is_read_only_where_the_role_says(qtbot, document) -> None:
    editor = NodeEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.form_built
    assert [label.text() for label in editor.findChildren(QLabel)] == [editor.empty_label.text()]
    editor.restrict("Only the steering group edits the diagram.", "", "", "Only the steering group links.")
    assert not editor.form_built

    project = next(iter(document.index.projects()))
    editor.show_node(project.id)

    assert editor.form_built and editor.body.isVisible() and not editor.empty_label.isVisible()
    assert editor.title_edit.text() == project.title
    assert editor.title_edit.isReadOnly()
    assert editor.title_edit.toolTip() == "Only the steering group edits the diagram."
    assert not editor.add_link_button.isEnabled()


def test_a_form_widget_asked_for_before_a_node_is_shown_builds_the_form_empty(qtbot, document) -> None:
    editor = NodeEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.title_edit.text() == ""  # built on demand, still showing no node
    assert editor.form_built and not editor.body.isVisible() and editor.empty_label.isVisible()
    assert editor.measures_panel.document is document
