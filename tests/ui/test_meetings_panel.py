"""The Meetings tab: a meeting typed in key by key (Danish dates), members and items, every edit undone and
redone, closing, the "Since last meeting" list, exporting the pack, and the tab in Danish."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from ui import commands, dialogs
from ui.meetings_panel import MeetingsPanel


@pytest.fixture
def panel(qtbot, document):
    widget = MeetingsPanel()
    qtbot.addWidget(widget)
    widget.set_document(document)
    assert widget.changes_label.text() == ""  # the comparison waits until the tab is shown
    widget.resize(1200, 900)
    widget.show()
    return widget


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    QTest.keyClicks(edit, text)


def _table(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_meeting_typed_in_is_saved_and_every_edit_undoes(qtbot, panel, document) -> None:
    stack = document.undo_stack
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    [meeting] = panel.log.meetings()
    assert panel.meeting_id == meeting.id
    _type(qtbot, panel.date_edit, "13-04-2026")
    _type(qtbot, panel.title_edit, "Styregruppemøde april")
    _type(qtbot, panel.case_edit, "1-30-72-18-26")
    _type(qtbot, panel.location_edit, "Regionshuset Viborg")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = panel.log.service.get_meeting(meeting.id)
    assert (saved.date, saved.title, saved.case_number, saved.location) == (
        date(2026, 4, 13), "Styregruppemøde april", "1-30-72-18-26", "Regionshuset Viborg")  # fmt: skip
    assert panel.meeting_list.currentItem().text() == "2026-04-13 · Styregruppemøde april (planned)"
    # a date that is not a date is refused with a message, and nothing changes
    _type(qtbot, panel.date_edit, "31-02-2026")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "is not a date" in panel.message.text()
    assert panel.log.service.get_meeting(meeting.id).date == date(2026, 4, 13)

    _type(qtbot, panel.member_name, "Erik Vinther")
    panel.member_role.setCurrentIndex(panel.member_role.findData("chair"))
    QTest.keyClick(panel.member_name, Qt.Key.Key_Return)
    assert _table(panel.members_table) == [["Erik Vinther", "chair"]]

    stack.undo()  # the member
    assert _table(panel.members_table) == []
    stack.undo()  # the edit
    assert panel.log.service.get_meeting(meeting.id).title == "Steering-group meeting"
    assert panel.title_edit.text() == "Steering-group meeting"
    stack.redo()
    stack.redo()
    assert panel.log.service.get_meeting(meeting.id).title == "Styregruppemøde april"
    assert [m.name for m in panel.log.service.members(meeting.id)] == ["Erik Vinther"]
    stack.undo()
    stack.undo()
    stack.undo()  # the meeting itself
    assert panel.log.service.list_meetings() == [] and panel.meeting_list.count() == 0


def test_items_are_added_answered_and_undone_and_requests_come_from_help_needed(qtbot, panel, document) -> None:
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    meeting_id = panel.meeting_id
    texts = [row[1] for row in _table(panel.items_table)]
    assert "Afklaring af samtykke." in texts  # the sample's help needed, an open request on the agenda
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    panel.item_kind.setCurrentIndex(panel.item_kind.findData("action"))
    _type(qtbot, panel.item_text, "Notat om lægedækning")
    _type(qtbot, panel.item_owner, "Hanne Møller")
    _type(qtbot, panel.item_deadline, "01-03-2026")
    panel.set_checked_node_ids([lemvig.id])
    qtbot.mouseClick(panel.item_add, Qt.MouseButton.LeftButton)
    row = next(r for r in _table(panel.items_table) if r[1] == "Notat om lægedækning")
    assert row[:6] == ["action", "Notat om lægedækning", "Regionsklinik i Lemvig", "Hanne Møller", "2026-03-01",
                       "overdue"]  # fmt: skip
    number = [r[1] for r in _table(panel.items_table)].index("Notat om lægedækning")
    panel.items_table.selectRow(number)
    _type(qtbot, panel.answer_edit, "Notatet er modtaget")
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    [item] = [i for i in panel.log.service.items() if i.text == "Notat om lægedækning"]
    assert (item.state, item.answer, item.answered_meeting_id) == ("done", "Notatet er modtaget", meeting_id)
    document.undo_stack.undo()
    assert panel.log.service.get_item(item.id).state == "open"
    document.undo_stack.undo()
    assert [i for i in panel.log.service.items() if i.text == "Notat om lægedækning"] == []
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert panel.log.service.get_item(item.id).state == "done"


def test_closing_freezes_and_the_changes_since_then_are_listed(qtbot, panel, document, monkeypatch,
                                                               tmp_path: Path) -> None:  # fmt: skip
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    assert "nothing to compare with" in panel.changes_label.text()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert panel.log.meetings()[0].state == "closed"
    assert not panel.save_button.isEnabled() and not panel.title_edit.isEnabled()
    assert panel.changes_list.count() == 0 and "0 changes since the meeting of" in panel.changes_label.text()
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    document.update_node(lemvig.id, title="Regionsklinik Lemvig")
    qtbot.mouseClick(panel.changes_refresh, Qt.MouseButton.LeftButton)
    lines = [panel.changes_list.item(r).text() for r in range(panel.changes_list.count())]
    assert lines == ["Renamed: Regionsklinik i Lemvig is now Regionsklinik Lemvig"]
    assert panel.changed_node_ids() == {lemvig.id}
    requested = []
    panel.nodeRequested.connect(requested.append)
    panel.changes_list.itemActivated.emit(panel.changes_list.item(0))
    assert requested == [lemvig.id]
    out = tmp_path / "pack.pdf"
    monkeypatch.setattr(dialogs, "ask_pack_file", lambda *_args: str(out))
    shown = []
    monkeypatch.setattr(dialogs, "show_information", lambda *args: shown.append(args[2]))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert out.exists() and "Wrote the pack to" in shown[0]
    panel.grab().save(str(tmp_path / "meetings.png"))


def test_since_the_last_meeting_is_compared_again_when_the_tab_is_shown_after_an_edit(qtbot, panel, document,
                                                                                      monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert "0 changes since the meeting of" in panel.changes_label.text()
    assert panel.state_combo.currentData() == "closed" and not panel.state_combo.isEnabled()
    panel.hide()  # the user works in the tree
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    commands.edit_node(document, lemvig.id, title="Regionsklinik Lemvig")
    panel.show()
    assert "1 change since the meeting of" in panel.changes_label.text()
    assert panel.changed_node_ids() == {lemvig.id}


def test_what_was_typed_for_one_register_is_not_left_in_the_next(qtbot, panel, document, empty_document) -> None:
    _type(qtbot, panel.item_text, "halvskrevet punkt")
    _type(qtbot, panel.answer_edit, "et svar")
    _type(qtbot, panel.member_name, "Lise")
    panel.highlight_check.setChecked(True)
    panel.set_document(empty_document)
    assert (panel.item_text.text(), panel.answer_edit.text(), panel.member_name.text()) == ("", "", "")
    assert not panel.highlight_check.isChecked()


def test_the_tab_in_danish(qtbot, document, danish) -> None:
    widget = MeetingsPanel()
    qtbot.addWidget(widget)
    widget.set_document(document)
    assert widget.new_button.text() == "&Nyt møde"
    assert widget.items_table.horizontalHeaderItem(0).text() == "Type"
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    assert widget.meeting_list.currentItem().text().endswith("(planlagt)")
    _type(qtbot, widget.date_edit, "13-04-2026")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert widget.meeting_list.currentItem().text().startswith("13-04-2026 · Styregruppemøde")


def test_the_window_marks_requests_highlights_changes_and_lists_a_nodes_items(qtbot, monkeypatch, tmp_path) -> None:
    from ui.labels import HIGHLIGHT_COLOUR, REQUEST_COLOUR
    from ui.main_window import MainWindow

    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "sample.sqlite"), sample=True)
    document, model = window.document, window.tree_model
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    ambuflex = next(n for n in document.index.projects() if n.title.startswith("AmbuFlex"))
    title = model.index_of_node(lemvig.id, 0)
    assert title.data(Qt.ItemDataRole.ForegroundRole).color() == REQUEST_COLOUR  # its status asks for help
    assert model.index_of_node(ambuflex.id, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    window.tabs.setCurrentIndex(window.diagram_tab)
    window.diagram_panel.rebuild()
    assert window.diagram_panel.scene.items_by_node[lemvig.id].request
    assert not window.diagram_panel.scene.items_by_node[ambuflex.id].request
    window.tabs.setCurrentIndex(window.tree_tab)
    window.select_node(lemvig.id)
    texts = [window.node_items.item(r, 1).text() for r in range(window.node_items.rowCount())]
    assert texts == ["Støtte til rekruttering."]
    request = window.node_items.item(0, 1)  # an open request, dark red as in the Meetings tab; its text as tooltip
    assert request.foreground().color() == QColor(Qt.GlobalColor.darkRed) and request.toolTip() == texts[0]
    # answering the request takes the mark away
    panel = window.meetings_panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    row = [panel.items_table.item(r, 1).text() for r in range(panel.items_table.rowCount())].index(
        "Støtte til rekruttering."
    )
    panel.items_table.selectRow(row)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert title.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not window.diagram_panel.scene.items_by_node[lemvig.id].request
    # close the meeting, change a node, and highlight what changed
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    window.editor.show_node(ambuflex.id)
    document.update_node(ambuflex.id, stage="sustaining")
    qtbot.mouseClick(panel.changes_refresh, Qt.MouseButton.LeftButton)
    panel.highlight_check.setChecked(True)
    assert model.index_of_node(ambuflex.id, 0).data(Qt.ItemDataRole.BackgroundRole).color() == HIGHLIGHT_COLOUR
    assert model.index_of_node(lemvig.id, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.diagram_panel.scene.items_by_node[ambuflex.id].highlighted
    panel.highlight_check.setChecked(False)
    assert model.index_of_node(ambuflex.id, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    window.diagram_panel.grab().save(str(tmp_path / "diagram.png"))
    window.close()


def test_an_item_selected_fills_the_form_and_is_updated_undoably(qtbot, panel, document) -> None:
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    _type(qtbot, panel.item_text, "Notat om lægedækning")
    _type(qtbot, panel.item_deadline, "01-12-2026")
    panel.item_kind.setCurrentIndex(panel.item_kind.findData("action"))
    panel.set_checked_node_ids([lemvig.id])
    qtbot.mouseClick(panel.item_add, Qt.MouseButton.LeftButton)
    [item] = [i for i in panel.log.items() if i.text == "Notat om lægedækning"]
    panel.items_table.selectRow([r[1] for r in _table(panel.items_table)].index("Notat om lægedækning"))
    assert (panel.item_text.text(), panel.item_deadline.text(), panel.checked_node_ids()) == (
        "Notat om lægedækning", "2026-12-01", [lemvig.id])  # fmt: skip
    _type(qtbot, panel.item_text, "Notat om lægedækning i Lemvig")
    _type(qtbot, panel.item_owner, "Hanne Møller")
    qtbot.mouseClick(panel.item_update, Qt.MouseButton.LeftButton)
    changed = panel.log.service.get_item(item.id)
    assert (changed.text, changed.owner, changed.node_ids) == ("Notat om lægedækning i Lemvig", "Hanne Møller",
                                                               (lemvig.id,))  # fmt: skip
    document.undo_stack.undo()
    assert panel.log.service.get_item(item.id).text == "Notat om lægedækning"
    document.undo_stack.redo()
    assert panel.log.service.get_item(item.id).owner == "Hanne Møller"


def test_deleting_a_meeting_undoes_with_its_members(qtbot, panel, document) -> None:
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    meeting_id = panel.meeting_id
    _type(qtbot, panel.member_name, "Conny Jensen")
    qtbot.mouseClick(panel.member_add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.log.service.list_meetings() == [] and panel.meeting_list.count() == 0
    document.undo_stack.undo()
    assert [m.id for m in panel.log.service.list_meetings()] == [meeting_id]
    assert [m.name for m in panel.log.service.members(meeting_id)] == ["Conny Jensen"]
    panel.meeting_list.setCurrentRow(0)
    assert _table(panel.members_table) == [["Conny Jensen", "member"]]
    document.undo_stack.redo()
    assert panel.log.service.list_meetings() == []


def _members(panel) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in panel.log.service.members(panel.meeting_id)]


def test_a_member_is_edited_key_by_key_undoably_and_version_checked(qtbot, panel, document, monkeypatch) -> None:
    from register.meetings import MeetingService
    from register.service import RegisterService

    stack = document.undo_stack
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    _type(qtbot, panel.member_name, "Erik Vinter")
    QTest.keyClick(panel.member_name, Qt.Key.Key_Return)
    _type(qtbot, panel.member_name, "Conny Jensen")
    QTest.keyClick(panel.member_name, Qt.Key.Key_Return)
    panel.members_table.selectRow(0)  # selecting a member fills the fields
    assert (panel.member_name.text(), panel.member_role.currentData()) == ("Erik Vinter", "member")
    _type(qtbot, panel.member_name, "Erik Vinther")
    panel.member_role.setCurrentIndex(panel.member_role.findData("chair"))
    qtbot.mouseClick(panel.member_update, Qt.MouseButton.LeftButton)
    assert _members(panel) == [("Erik Vinther", "chair"), ("Conny Jensen", "member")]
    assert _table(panel.members_table) == [["Erik Vinther", "chair"], ["Conny Jensen", "member"]]
    assert stack.undoText() == "Edit member “Erik Vinther”"
    stack.undo()
    assert _members(panel) == [("Erik Vinter", "member"), ("Conny Jensen", "member")]
    assert _table(panel.members_table)[0] == ["Erik Vinter", "member"]
    stack.redo()
    assert _members(panel)[0] == ("Erik Vinther", "chair")
    # an empty name is refused with a message and changes nothing; so is Update without a selected member
    count = stack.count()
    panel.members_table.selectRow(1)
    _type(qtbot, panel.member_name, "   ")
    qtbot.mouseClick(panel.member_update, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "Name cannot be empty."
    panel.members_table.clearSelection()
    panel.members_table.setCurrentCell(-1, -1)
    qtbot.mouseClick(panel.member_update, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "Select a member in the list first."
    assert stack.count() == count and _members(panel)[1] == ("Conny Jensen", "member")
    # another secretary renames Conny meanwhile: our stale version is refused, a reload offered, nothing overwritten
    other = MeetingService(RegisterService(document.service.db, user="erik"))
    conny = other.members(panel.meeting_id)[1]
    other.update_member(conny.id, conny.version, name="Conny Jensen (S)")
    offered = []
    monkeypatch.setattr(dialogs, "ask_reload", lambda _parent, message: offered.append(message) or False)
    panel.members_table.selectRow(1)
    _type(qtbot, panel.member_name, "Conny J.")
    qtbot.mouseClick(panel.member_update, Qt.MouseButton.LeftButton)
    assert offered and "changed by erik" in offered[0]
    assert _members(panel)[1] == ("Conny Jensen (S)", "member") and stack.count() == count


def _visible_nodes(panel) -> list[str]:
    entries = [panel.item_nodes.item(r) for r in range(panel.item_nodes.count())]
    return [e.text().strip() for e in entries if not e.isHidden()]


def _tick(qtbot, panel, title: str) -> None:
    """Find a node by typing in the filter, make it current and press Space (as a keyboard user does)."""
    _type(qtbot, panel.item_nodes_filter, title)
    row = next(r for r in range(panel.item_nodes.count()) if panel.item_nodes.item(r).text().strip() == title)
    panel.item_nodes.setFocus()
    panel.item_nodes.setCurrentRow(row)
    QTest.keyClick(panel.item_nodes, Qt.Key.Key_Space)


def test_an_item_concerns_several_nodes_ticked_in_the_list_and_undoably_changed(qtbot, panel, document) -> None:
    stack = document.undo_stack
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    ambuflex = next(n for n in document.index.projects() if n.title.startswith("AmbuFlex"))
    _type(qtbot, panel.item_nodes_filter, "lemvig")
    assert _visible_nodes(panel) == ["Regionsklinik i Lemvig"]
    _tick(qtbot, panel, "Regionsklinik i Lemvig")
    _tick(qtbot, panel, ambuflex.title)
    assert set(_visible_nodes(panel)) == {ambuflex.title, "Regionsklinik i Lemvig"}  # ticked ones stay in sight
    panel.item_nodes_filter.clear()
    assert len(_visible_nodes(panel)) == panel.item_nodes.count()
    order = document.index.subtree_order()
    both = sorted([lemvig.id, ambuflex.id], key=order.index)
    assert panel.checked_node_ids() == both
    panel.item_kind.setCurrentIndex(panel.item_kind.findData("decision"))
    _type(qtbot, panel.item_text, "Fælles videoplatform")
    qtbot.mouseClick(panel.item_add, Qt.MouseButton.LeftButton)
    [item] = [i for i in panel.log.service.items() if i.text == "Fælles videoplatform"]
    assert set(item.node_ids) == {lemvig.id, ambuflex.id}
    titles = {lemvig.id: lemvig.title, ambuflex.id: ambuflex.title}

    def concerns() -> str:
        return next(r[2] for r in _table(panel.items_table) if r[1] == "Fælles videoplatform")

    assert concerns() == ", ".join(titles[n] for n in both)  # every node it concerns, in tree order
    # selecting another item ticks its nodes; selecting this one ticks both again
    texts = [r[1] for r in _table(panel.items_table)]
    panel.items_table.selectRow(texts.index("Støtte til rekruttering."))
    assert panel.checked_node_ids() == [lemvig.id]
    panel.items_table.selectRow(texts.index("Fælles videoplatform"))
    assert panel.checked_node_ids() == both
    _tick(qtbot, panel, "Regionsklinik i Lemvig")  # untick it
    panel.item_nodes_filter.clear()
    qtbot.mouseClick(panel.item_update, Qt.MouseButton.LeftButton)
    assert panel.log.service.get_item(item.id).node_ids == (ambuflex.id,)
    assert concerns() == ambuflex.title
    stack.undo()
    assert set(panel.log.service.get_item(item.id).node_ids) == {lemvig.id, ambuflex.id}
    assert concerns() == ", ".join(titles[n] for n in both)
    stack.redo()
    assert panel.log.service.get_item(item.id).node_ids == (ambuflex.id,)
    stack.undo()
    stack.undo()  # the item itself
    assert [i for i in panel.log.service.items() if i.text == "Fælles videoplatform"] == []


def test_closing_a_meeting_undoes_and_redoes(qtbot, panel, document, monkeypatch, tmp_path: Path) -> None:
    from register.meetings import MeetingService
    from register.service import RegisterService

    stack = document.undo_stack
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    meeting_id = panel.meeting_id
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("held"))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    service = panel.log.service
    first = service.snapshot_hash(meeting_id)
    assert service.get_meeting(meeting_id).state == "closed" and first is not None
    assert "0 changes since the meeting of" in panel.changes_label.text()
    assert stack.undoText() == "Close meeting “Steering-group meeting”"

    stack.undo()  # reopened: held as before, its snapshot gone, editable again, nothing to compare with
    assert service.get_meeting(meeting_id).state == "held" and service.snapshot_hash(meeting_id) is None
    assert panel.meeting_list.currentItem().text().endswith("(held)")
    assert panel.save_button.isEnabled() and panel.member_name.isEnabled() and panel.close_button.isEnabled()
    assert "nothing to compare with" in panel.changes_label.text()
    panel.grab().save(str(tmp_path / "reopened.png"))

    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    document.update_node(lemvig.id, title="Regionsklinik Lemvig")  # not on the undo stack: redo stays possible
    assert stack.canRedo()
    stack.redo()  # closed again, with a new snapshot of the register as it is now
    assert service.get_meeting(meeting_id).state == "closed"
    assert service.snapshot_hash(meeting_id) not in (None, first)
    assert "Regionsklinik Lemvig" in {n["title"] for n in service.snapshot(meeting_id)["register"]["nodes"]}
    assert not panel.save_button.isEnabled()

    # someone else reopens and closes it meanwhile: our undo is refused with a message, nothing changes
    other = MeetingService(RegisterService(document.service.db, user="erik"))
    seen = other.reopen_meeting(meeting_id, other.get_meeting(meeting_id).version, "held")
    other.close_meeting(meeting_id, seen.version)
    theirs = service.snapshot_hash(meeting_id)
    with qtbot.waitSignal(document.commandFailed, timeout=2000) as failed:
        stack.undo()
    assert "changed by erik" in failed.args[0]
    assert service.get_meeting(meeting_id).state == "closed" and service.snapshot_hash(meeting_id) == theirs


def test_member_edits_several_nodes_and_undoing_a_close_in_danish(qtbot, document, danish, monkeypatch,
                                                                  tmp_path: Path) -> None:  # fmt: skip
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    widget = MeetingsPanel()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.resize(1200, 900)
    widget.show()
    stack = document.undo_stack
    assert (widget.member_update.text(), widget.item_nodes_filter.placeholderText()) == (
        "Opdater medlem", "Find et punkt i træet")  # fmt: skip
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    _type(qtbot, widget.member_name, "Erik Vinter")
    QTest.keyClick(widget.member_name, Qt.Key.Key_Return)
    widget.members_table.selectRow(0)
    _type(qtbot, widget.member_name, "Erik Vinther")
    widget.member_role.setCurrentIndex(widget.member_role.findData("chair"))
    qtbot.mouseClick(widget.member_update, Qt.MouseButton.LeftButton)
    assert _table(widget.members_table) == [["Erik Vinther", "formand"]]
    assert stack.undoText() == "Rediger medlem “Erik Vinther”"
    widget.members_table.setCurrentCell(-1, -1)
    qtbot.mouseClick(widget.member_update, Qt.MouseButton.LeftButton)
    assert widget.message.text() == "Vælg først et medlem i listen."
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    goal = next(n for n in document.index.nodes.values() if n.kind == "goal")
    _tick(qtbot, widget, lemvig.title)
    _tick(qtbot, widget, goal.title)
    widget.item_nodes_filter.clear()
    _type(qtbot, widget.item_text, "Lægedækning i Lemvig")
    qtbot.mouseClick(widget.item_add, Qt.MouseButton.LeftButton)
    row = next(r for r in _table(widget.items_table) if r[1] == "Lægedækning i Lemvig")
    assert row[2] == f"{goal.title}, {lemvig.title}"  # the goal comes first in the tree
    cell = widget.items_table.item([r[1] for r in _table(widget.items_table)].index("Lægedækning i Lemvig"), 2)
    assert cell.toolTip() == f"{goal.title}\n{lemvig.title}"
    widget.grab().save(str(tmp_path / "meetings-da.png"))
    qtbot.mouseClick(widget.close_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Afslut møde “Styregruppemøde”"
    stack.undo()
    assert widget.meeting_list.currentItem().text().endswith("(planlagt)")
    assert widget.changes_label.text() == "Intet møde er afsluttet endnu: der er intet at sammenligne med."


def test_updating_an_item_keeps_an_archived_node_it_concerns(qtbot, panel, document) -> None:
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    ambuflex = next(n for n in document.index.projects() if n.title.startswith("AmbuFlex"))
    panel.set_checked_node_ids([lemvig.id, ambuflex.id])
    _type(qtbot, panel.item_text, "Fælles videoplatform")
    qtbot.mouseClick(panel.item_add, Qt.MouseButton.LeftButton)
    [item] = [i for i in panel.log.items() if i.text == "Fælles videoplatform"]
    document.archive_node(lemvig.id)
    assert lemvig.id not in {panel.item_nodes.item(r).data(Qt.ItemDataRole.UserRole)
                             for r in range(panel.item_nodes.count())}  # fmt: skip
    panel.items_table.selectRow([r[1] for r in _table(panel.items_table)].index("Fælles videoplatform"))
    assert panel.checked_node_ids() == [ambuflex.id]
    _type(qtbot, panel.item_text, "Fælles videoplatform (Teams)")
    qtbot.mouseClick(panel.item_update, Qt.MouseButton.LeftButton)
    changed = panel.log.service.get_item(item.id)
    assert changed.text == "Fælles videoplatform (Teams)" and set(changed.node_ids) == {lemvig.id, ambuflex.id}


def test_a_renamed_node_is_renamed_in_the_concerns_list_keeping_the_ticks(panel, document) -> None:
    from ui import commands

    lemvig = document.service.find_node("Regionsklinik i Lemvig", kind="project")
    panel.set_checked_node_ids([lemvig.id])
    count = panel.item_nodes.count()
    row = next(r for r in range(count) if panel.item_nodes.item(r).data(Qt.ItemDataRole.UserRole) == lemvig.id)
    entry = panel.item_nodes.item(row)
    indent = entry.text()[: -len("Regionsklinik i Lemvig")]
    commands.edit_node(document, lemvig.id, title="Klinik i Lemvig")
    assert panel.item_nodes.item(row) is entry  # the same entry, written again (not the whole list rebuilt)
    assert entry.text() == indent + "Klinik i Lemvig" and indent.strip() == "" and indent
    assert panel.item_nodes.count() == count and panel.checked_node_ids() == [lemvig.id]
    document.undo_stack.undo()
    assert entry.text() == indent + "Regionsklinik i Lemvig"


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_long_meeting_entry_is_wholly_readable_in_the_list(qtbot, document, request, language) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QSplitter, QStyle

    if language == "da":
        request.getfixturevalue("danish")
    widget = MeetingsPanel()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.resize(1200, 800)
    widget.show()
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    _type(qtbot, widget.title_edit, "Styregruppemøde for Transformationsdagsordenen: kronikerområdet og det nære "
                                    "sundhedsvæsen")  # fmt: skip
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    entries = widget.meeting_list
    margin = entries.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, entries) + 1

    def readable() -> None:
        """Every entry whole: inside the list's width, and tall enough for its lines."""
        assert entries.horizontalScrollBar().maximum() == 0
        for row in range(entries.count()):
            item = entries.item(row)
            place = entries.visualItemRect(item)
            assert place.left() >= 0 and place.right() < entries.viewport().width(), item.text()
            room = QRect(0, 0, place.width() - 2 * margin, 10_000)
            needs = entries.fontMetrics().boundingRect(room, Qt.TextFlag.TextWordWrap, item.text())
            assert needs.width() <= room.width() and needs.height() <= place.height(), item.text()

    splitter = widget.findChild(QSplitter)
    for width in (320, 220):  # as made, and narrowed by the user
        splitter.setSizes([width, 1200 - width])
        qtbot.waitUntil(readable, timeout=2000)
        lines = entries.visualItemRect(entries.currentItem()).height() / entries.fontMetrics().lineSpacing()
        assert lines >= 2  # the long entry wraps
    assert all(entries.item(row).toolTip() == entries.item(row).text() for row in range(entries.count()))
    assert entries.item(entries.count() - 1).text().endswith("planlagt)" if language == "da" else "planned)")
