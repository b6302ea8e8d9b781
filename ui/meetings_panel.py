"""The Meetings tab: the list of meetings, the editor of one (date, title, case number, location, state,
members), its agenda and the decision log (add, answer, drop, remove items), the meeting pack (print preview,
export) and the "Since last meeting" list. Every edit is undoable; closing a meeting freezes it (undo reopens it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from register import validation as check
from register.errors import ConflictError, RegisterError, ValidationError
from register.i18n import _
from register.records import LogItemRecord
from register.vocabulary import ITEM_KINDS, MEETING_STATE_NAMES, MEMBER_ROLES
from ui import dialogs
from ui import meeting_commands as commands
from ui.document import RegisterDocument
from ui.labels import plural
from ui.meeting_pack import (
    describe_change,
    format_date,
    item_kind_name,
    item_state_name,
    meeting_pack,
    print_pack,
    role_name,
    write_pack,
)
from ui.meetings_log import MeetingsLog

translate = QCoreApplication.translate


def state_name(state: str) -> str:
    return _(MEETING_STATE_NAMES[state]) if state in MEETING_STATE_NAMES else state


class MeetingsPanel(QWidget):
    """Meetings, their members and the decision log of the open register."""

    nodeRequested = Signal(str)  # noqa: N815 - a change or item names a node: show it in the tree
    marksChanged = Signal(object, object)  # noqa: N815 - (nodes with open requests, nodes to highlight)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log: MeetingsLog | None = None
        self.meeting_id: str | None = None
        self._changes_stale = False
        self._build()

    # ------------------------------------------------------------------ widgets

    def _build(self) -> None:
        self.meeting_list = QListWidget()
        # An entry wider than the list wraps onto more lines: a long title is not cut at the list's edge.
        self.meeting_list.setWordWrap(True)
        self.meeting_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.meeting_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.meeting_list.setAlternatingRowColors(True)  # where one entry ends and the next begins
        self.meeting_list.currentItemChanged.connect(lambda current, _old: self._select(current))
        self.new_button = QPushButton(translate("MeetingsPanel", "&New meeting"))
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button = QPushButton(translate("MeetingsPanel", "Delete meeting"))
        self.delete_button.clicked.connect(self.delete_meeting)
        left = QWidget()
        left.setMinimumHeight(0)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(translate("MeetingsPanel", "Meetings")))
        left_layout.addWidget(self.meeting_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)

        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(translate("MeetingsPanel", "e.g. 13-04-2026"))
        self.title_edit = QLineEdit()
        self.case_edit = QLineEdit()
        self.location_edit = QLineEdit()
        self.state_combo = QComboBox()
        for state in ("planned", "held", "closed"):
            self.state_combo.addItem(state_name(state), state)
        # A meeting is closed with "Close meeting" (it stores the snapshot), never by picking the state; the entry
        # is there so a closed meeting says so.
        self.state_combo.model().item(self.state_combo.findData("closed")).setEnabled(False)
        self.save_button = QPushButton(translate("MeetingsPanel", "&Save meeting"))
        self.save_button.clicked.connect(self.save_meeting)
        self.close_button = QPushButton(translate("MeetingsPanel", "Close meeting…"))
        self.close_button.clicked.connect(self.close_meeting)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("MeetingsPanel", "&Date:"), self.date_edit)
        form.addRow(translate("MeetingsPanel", "&Title:"), self.title_edit)
        form.addRow(translate("MeetingsPanel", "Case &number:"), self.case_edit)
        form.addRow(translate("MeetingsPanel", "&Location:"), self.location_edit)
        form.addRow(translate("MeetingsPanel", "State:"), self.state_combo)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.close_button)
        self.preview_button = QPushButton(translate("MeetingsPanel", "Print pack…"))
        self.preview_button.clicked.connect(self.print_pack)
        self.export_button = QPushButton(translate("MeetingsPanel", "Export pack…"))
        self.export_button.clicked.connect(self.export_pack)
        form_buttons.addWidget(self.preview_button)
        form_buttons.addWidget(self.export_button)
        form_buttons.addStretch()

        self.members_table = QTableWidget(0, 2)
        self.members_table.setHorizontalHeaderLabels(
            [translate("MeetingsPanel", "Name"), translate("MeetingsPanel", "Role")]
        )
        self.members_table.horizontalHeader().setStretchLastSection(True)
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.itemSelectionChanged.connect(self._load_selected_member)
        self.member_name = QLineEdit()
        self.member_name.setPlaceholderText(translate("MeetingsPanel", "Name of a member"))
        self.member_name.returnPressed.connect(self.add_member)
        self.member_role = QComboBox()
        for role in MEMBER_ROLES:
            self.member_role.addItem(role_name(role), role)
        self.member_role.setCurrentIndex(self.member_role.findData("member"))
        self.member_add = QPushButton(translate("MeetingsPanel", "Add member"))
        self.member_add.clicked.connect(self.add_member)
        self.member_update = QPushButton(translate("MeetingsPanel", "Update member"))
        self.member_update.setToolTip(translate("MeetingsPanel", "Store the name and role in the selected member"))
        self.member_update.clicked.connect(self.update_member)
        self.member_remove = QPushButton(translate("MeetingsPanel", "Remove member"))
        self.member_remove.clicked.connect(self.remove_member)
        members = QGroupBox(translate("MeetingsPanel", "Members"))
        members_layout = QVBoxLayout(members)
        members_layout.addWidget(self.members_table)
        member_row = QHBoxLayout()
        for widget in (self.member_name, self.member_role, self.member_add, self.member_update, self.member_remove):
            member_row.addWidget(widget)
        members_layout.addLayout(member_row)

        self.items_table = QTableWidget(0, 7)
        self.items_table.setHorizontalHeaderLabels(
            [
                translate("MeetingsPanel", "Kind"),
                translate("MeetingsPanel", "Text"),
                translate("MeetingsPanel", "Concerns"),
                translate("MeetingsPanel", "Owner"),
                translate("MeetingsPanel", "Deadline"),
                translate("MeetingsPanel", "State"),
                translate("MeetingsPanel", "Answer"),
            ]
        )
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (2, 170), (3, 110), (4, 85), (5, 90), (6, 170)):
            self.items_table.setColumnWidth(column, width)
        self.items_table.setWordWrap(True)
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_table.cellDoubleClicked.connect(self._item_activated)
        self.item_kind = QComboBox()
        for kind in ITEM_KINDS:
            self.item_kind.addItem(item_kind_name(kind), kind)
        self.item_text = QLineEdit()
        self.item_text.setPlaceholderText(
            translate("MeetingsPanel", "What was decided, what is to be done, what help is asked for")
        )
        self.item_owner = QLineEdit()
        self.item_owner.setPlaceholderText(translate("MeetingsPanel", "Owner"))
        self.item_deadline = QLineEdit()
        self.item_deadline.setPlaceholderText(translate("MeetingsPanel", "Deadline"))
        self.item_nodes = QListWidget()  # the goals, drivers and projects an item concerns: tick one or more
        self.item_nodes.setToolTip(translate("MeetingsPanel", "Tick the goals, drivers and projects the item concerns "
                                             "(Space ticks the current one)"))  # fmt: skip
        self.item_nodes.setMaximumHeight(130)
        self.item_nodes_filter = QLineEdit()
        self.item_nodes_filter.setPlaceholderText(translate("MeetingsPanel", "Find a node"))
        self.item_nodes_filter.setClearButtonEnabled(True)
        self.item_nodes_filter.textChanged.connect(self._filter_nodes)
        self.item_add = QPushButton(translate("MeetingsPanel", "Add item"))
        self.item_add.clicked.connect(self.add_item)
        self.item_update = QPushButton(translate("MeetingsPanel", "Update item"))
        self.item_update.setToolTip(translate("MeetingsPanel", "Store the fields above in the selected item"))
        self.item_update.clicked.connect(self.update_item)
        self.items_table.itemSelectionChanged.connect(self._load_selected_item)
        self.answer_edit = QLineEdit()
        self.answer_edit.setPlaceholderText(translate("MeetingsPanel", "The steering group's answer"))
        self.done_button = QPushButton(translate("MeetingsPanel", "Decided/done"))
        self.done_button.clicked.connect(lambda: self.answer_item("done"))
        self.drop_button = QPushButton(translate("MeetingsPanel", "Drop"))
        self.drop_button.clicked.connect(lambda: self.answer_item("dropped"))
        self.reopen_button = QPushButton(translate("MeetingsPanel", "Reopen"))
        self.reopen_button.clicked.connect(lambda: self.answer_item("open"))
        self.item_remove = QPushButton(translate("MeetingsPanel", "Remove item"))
        self.item_remove.clicked.connect(self.remove_item)
        items = QGroupBox(translate("MeetingsPanel", "Agenda and decision log"))
        items_layout = QVBoxLayout(items)
        items_layout.addWidget(self.items_table)
        add_row = QHBoxLayout()
        for widget, stretch in ((self.item_kind, 0), (self.item_text, 3), (self.item_owner, 1), (self.item_deadline, 1),
                                (self.item_add, 0), (self.item_update, 0)):  # fmt: skip
            add_row.addWidget(widget, stretch)
        items_layout.addLayout(add_row)
        concerns_row = QHBoxLayout()
        concerns_label = QLabel(translate("MeetingsPanel", "Con&cerns:"))
        concerns_label.setBuddy(self.item_nodes)
        concerns_column = QVBoxLayout()
        concerns_column.addWidget(concerns_label)
        concerns_column.addWidget(self.item_nodes_filter)
        concerns_column.addStretch()
        concerns_row.addLayout(concerns_column, 1)
        concerns_row.addWidget(self.item_nodes, 3)
        items_layout.addLayout(concerns_row)
        answer_row = QHBoxLayout()
        for widget, stretch in ((self.answer_edit, 3), (self.done_button, 0), (self.drop_button, 0),
                                (self.reopen_button, 0), (self.item_remove, 0)):  # fmt: skip
            answer_row.addWidget(widget, stretch)
        items_layout.addLayout(answer_row)

        self.changes_list = QListWidget()
        self.changes_list.itemActivated.connect(self._change_activated)
        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        self.changes_refresh = QPushButton(translate("MeetingsPanel", "Refresh"))
        self.changes_refresh.clicked.connect(self.refresh_changes)
        self.highlight_check = QCheckBox(translate("MeetingsPanel", "Highlight the changed nodes in the tree and the "
                                                   "diagram"))  # fmt: skip
        self.highlight_check.toggled.connect(lambda _on: self._emit_marks())
        changes = QGroupBox(translate("MeetingsPanel", "Since last meeting"))
        changes_layout = QVBoxLayout(changes)
        changes_layout.addWidget(self.highlight_check)
        header = QHBoxLayout()
        header.addWidget(self.changes_label, 1)
        header.addWidget(self.changes_refresh)
        changes_layout.addLayout(header)
        changes_layout.addWidget(self.changes_list)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(form_buttons)
        right_layout.addWidget(self.message)
        right_layout.addWidget(members, 1)
        right_layout.addWidget(items, 2)
        right_layout.addWidget(changes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        scroll = QScrollArea()  # the editor scrolls rather than making the window taller
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 980])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_enabled()

    # ------------------------------------------------------------------ document

    def set_document(self, document: RegisterDocument) -> None:
        if self.log is not None:
            old = self.log.document
            old.statusChanged.disconnect(self._on_status_changed)
            old.reloaded.disconnect(self._on_reloaded)
            for signal in (old.nodeAdded, old.nodeRemoved):
                signal.disconnect(self._on_node_changed)
            old.nodeChanged.disconnect(self._on_node_edited)
            old.undo_stack.indexChanged.disconnect(self._on_register_edited)
            self.log.deleteLater()
        self.log = MeetingsLog(document, self)
        self.log.meetingsChanged.connect(self._fill_meetings)
        self.log.membersChanged.connect(self._on_members_changed)
        self.log.itemsChanged.connect(self._fill_items)
        self.log.itemsChanged.connect(self._emit_marks)
        self.log.closedChanged.connect(self._on_closed_changed)
        # Bound methods, not lambdas: Qt disconnects them when this panel goes, even if the document stays.
        document.statusChanged.connect(self._on_status_changed)
        document.reloaded.connect(self._on_reloaded)
        for signal in (document.nodeAdded, document.nodeRemoved):
            signal.connect(self._on_node_changed)
        document.nodeChanged.connect(self._on_node_edited)
        document.undo_stack.indexChanged.connect(self._on_register_edited)
        self.meeting_id = None
        for field in (self.member_name, self.item_text, self.item_owner, self.item_deadline, self.item_nodes_filter,
                      self.answer_edit):  # fmt: skip
            field.clear()  # what was typed for the register shown before
        self.highlight_check.setChecked(False)
        self._fill_nodes()
        self._fill_meetings()
        self._fill_items()
        self.changes_list.clear()
        self.changes_label.clear()
        self._changes_stale = True  # compared when the tab is shown (it exports the register): not at opening
        if self.isVisible():
            self.refresh_changes()
        self._emit_marks()

    def _on_closed_changed(self) -> None:
        """A meeting was closed or reopened (also by undo): compare with the last closed meeting again."""
        if self.isVisible():
            self.refresh_changes()
        else:
            self._changes_stale = True

    def _on_register_edited(self, _index: int) -> None:
        """Any edit, undo or redo: "since the last meeting" is compared again when the tab is next shown (comparing
        reads the whole register, too much for every edit while the user works in this tab: Refresh does it)."""
        self._changes_stale = True

    def _on_members_changed(self, meeting_id: str) -> None:
        if meeting_id == self.meeting_id:
            self._fill_members()

    def _on_status_changed(self, node_id: str) -> None:
        if self.log is not None:
            self.log.refresh_items(node_id)

    def _on_reloaded(self) -> None:
        if self.log is not None:
            self.log.reload()

    def _on_node_changed(self, _node_id: str) -> None:
        if self.log is not None:
            self._fill_nodes()

    def _on_node_edited(self, node_id: str) -> None:
        """A node's fields changed: only its entry in the node list is written again (the list holds them all)."""
        if self.log is None:
            return
        index = self.log.document.index
        node = index.nodes.get(node_id)
        entry = next((self.item_nodes.item(row) for row in range(self.item_nodes.count())
                      if self.item_nodes.item(row).data(Qt.ItemDataRole.UserRole) == node_id), None)  # fmt: skip
        if entry is None or node is None:
            self._fill_nodes()
            return
        entry.setText(f"{self._indent(node_id)}{node.title}")

    def _indent(self, node_id: str) -> str:
        return "    " * len(self.log.document.index.ancestors(node_id)) if self.log is not None else ""

    def _fill_nodes(self) -> None:
        if self.log is None:
            return
        index = self.log.document.index
        checked = set(self.checked_node_ids())
        self.item_nodes.clear()
        for node_id in index.subtree_order():
            node = index.nodes[node_id]
            entry = QListWidgetItem(f"{self._indent(node_id)}{node.title}")
            entry.setData(Qt.ItemDataRole.UserRole, node_id)
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if node_id in checked else Qt.CheckState.Unchecked)
            self.item_nodes.addItem(entry)
        self._filter_nodes(self.item_nodes_filter.text())

    def checked_node_ids(self) -> list[str]:
        """The nodes ticked in the "Concerns" list, in tree order."""
        return [
            self.item_nodes.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.item_nodes.count())
            if self.item_nodes.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked_node_ids(self, node_ids: Any) -> None:
        wanted = set(node_ids)
        for row in range(self.item_nodes.count()):
            entry = self.item_nodes.item(row)
            on = entry.data(Qt.ItemDataRole.UserRole) in wanted
            entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _filter_nodes(self, text: str) -> None:
        """Show the nodes whose title holds ``text`` (and every ticked one)."""
        needle = text.strip().casefold()
        for row in range(self.item_nodes.count()):
            entry = self.item_nodes.item(row)
            shown = not needle or needle in entry.text().casefold() or entry.checkState() == Qt.CheckState.Checked
            entry.setHidden(not shown)

    def _fill_meetings(self) -> None:
        if self.log is None:
            return
        self.meeting_list.blockSignals(True)
        self.meeting_list.clear()
        chosen = None
        for meeting in self.log.meetings():
            text = f"{format_date(meeting.date)} · {meeting.title} ({state_name(meeting.state)})"
            item = QListWidgetItem(text)
            item.setToolTip(text)  # whole even where a word is wider than a list narrowed by hand
            item.setData(Qt.ItemDataRole.UserRole, meeting.id)
            self.meeting_list.addItem(item)
            if meeting.id == self.meeting_id:
                chosen = item
        self.meeting_list.blockSignals(False)
        if chosen is None and self.meeting_list.count():
            chosen = self.meeting_list.item(self.meeting_list.count() - 1)
        if chosen is not None:
            self.meeting_list.setCurrentItem(chosen)
        self._select(chosen)

    def _select(self, item: QListWidgetItem | None) -> None:
        self.meeting_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.message.clear()
        meeting = self.log.meeting(self.meeting_id) if self.log and self.meeting_id else None
        self.date_edit.setText(format_date(meeting.date) if meeting else "")
        self.title_edit.setText(meeting.title if meeting else "")
        self.case_edit.setText(meeting.case_number if meeting else "")
        self.location_edit.setText(meeting.location if meeting else "")
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(meeting.state if meeting else "planned"), 0))
        self._fill_members()
        self._fill_items()
        self._update_enabled()

    def _fill_members(self) -> None:
        members = self.log.members(self.meeting_id) if self.log and self.meeting_id else []
        self.members_table.setRowCount(len(members))
        for row, member in enumerate(members):
            name = QTableWidgetItem(member.name)
            name.setData(Qt.ItemDataRole.UserRole, member.id)
            self.members_table.setItem(row, 0, name)
            self.members_table.setItem(row, 1, QTableWidgetItem(role_name(member.role)))

    def _agenda(self) -> list[LogItemRecord]:
        """This meeting's items: those raised or answered here, and every item still open on its date."""
        if self.log is None:
            return []
        meeting = self.log.meeting(self.meeting_id) if self.meeting_id else None
        items = self.log.items()
        if meeting is None:
            return items
        return [i for i in items if meeting.id in (i.raised_meeting_id, i.answered_meeting_id)
                or (i.state == "open" and i.created <= meeting.date)]  # fmt: skip

    def _fill_items(self) -> None:
        if self.log is None:
            return
        meeting = self.log.meeting(self.meeting_id) if self.meeting_id else None
        on = meeting.date if meeting else date.today()
        index = self.log.document.index
        items = self._agenda()
        place = {node_id: number for number, node_id in enumerate(index.subtree_order())}
        self.items_table.setRowCount(len(items))
        for row, item in enumerate(items):
            concerned = sorted(item.node_ids, key=lambda n: place.get(n, len(place)))  # in tree order
            names = [index.nodes[n].title if n in index.nodes else "–" for n in concerned]
            concerns = ", ".join(names)
            state = item_state_name(item.state)
            if item.is_overdue(on):
                state = translate("MeetingsPanel", "overdue")
            cells = [item_kind_name(item.kind), item.text, concerns, item.owner, format_date(item.deadline), state,
                     item.answer]  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if column == 2 and len(names) > 1:
                    cell.setToolTip("\n".join(names))  # every node, however narrow the column
                if item.is_overdue(on) or (item.kind == "request" and item.state == "open"):
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.items_table.setItem(row, column, cell)
        self._update_enabled()

    def _update_enabled(self) -> None:
        meeting = self.log.meeting(self.meeting_id) if self.log and self.meeting_id else None
        editable = meeting is not None and meeting.state != "closed"
        for widget in (self.date_edit, self.title_edit, self.case_edit, self.location_edit, self.state_combo,
                       self.save_button, self.close_button, self.delete_button, self.member_name, self.member_role,
                       self.member_add, self.member_update, self.member_remove):  # fmt: skip
            widget.setEnabled(editable)
        for widget in (self.preview_button, self.export_button):
            widget.setEnabled(meeting is not None)
        has_log = self.log is not None
        for widget in (self.item_add, self.item_update, self.done_button, self.drop_button, self.reopen_button,
                       self.item_remove, self.new_button):  # fmt: skip
            widget.setEnabled(has_log)

    # ------------------------------------------------------------------ edits

    def _guard(self, action: Any) -> Any:
        try:
            self.message.clear()
            return action()
        except ConflictError as error:
            if dialogs.ask_reload(self, str(error)) and self.log is not None:
                self.log.document.reload()
        except RegisterError as error:
            self.message.setText(str(error))
        return None

    def new_meeting(self) -> None:
        if self.log is None:
            return
        title = translate("MeetingsPanel", "Steering-group meeting")
        record = self._guard(lambda: commands.add_meeting(self.log, date=date.today(), title=title))
        if record is not None:
            self.meeting_id = record.id
            self._fill_meetings()

    def save_meeting(self) -> None:
        if self.log is None or self.meeting_id is None:
            return
        meeting_id = self.meeting_id

        def save() -> None:
            when = check.parse_date(self.date_edit.text(), translate("MeetingsPanel", "date"))
            commands.edit_meeting(self.log, meeting_id, state=self.state_combo.currentData(), date=when,
                                  title=self.title_edit.text(), case_number=self.case_edit.text(),
                                  location=self.location_edit.text())  # fmt: skip

        self._guard(save)

    def delete_meeting(self) -> None:
        if self.log is not None and self.meeting_id is not None:
            meeting_id = self.meeting_id
            self.meeting_id = None
            self._guard(lambda: commands.remove_meeting(self.log, meeting_id))

    def close_meeting(self) -> None:
        if self.log is None or self.meeting_id is None:
            return
        meeting = self.log.meeting(self.meeting_id)
        question = translate(
            "MeetingsPanel",
            "Close the meeting “{title}” of {date}? What the steering group saw is "
            "frozen with it, and its pack can always be made again exactly. Undo reopens it.",
        )
        if dialogs.confirm(self, translate("MeetingsPanel", "Close meeting"),
                           question.format(title=meeting.title, date=format_date(meeting.date)),
                           translate("MeetingsPanel", "Close meeting")):  # fmt: skip
            self._guard(lambda: commands.close_meeting(self.log, meeting.id))

    def add_member(self) -> None:
        if self.log is None or self.meeting_id is None:
            return
        record = self._guard(lambda: commands.add_member(self.log, self.meeting_id, self.member_name.text(),
                                                         self.member_role.currentData()))  # fmt: skip
        if record is not None:
            self.member_name.clear()

    def _load_selected_member(self) -> None:
        """Show the selected member's name and role, ready to be changed with Update member."""
        member_id = self._selected_member()
        if self.log is None or self.meeting_id is None or member_id is None:
            return
        member = self.log.member(self.meeting_id, member_id)
        self.member_name.setText(member.name)
        self.member_role.setCurrentIndex(max(self.member_role.findData(member.role), 0))

    def _selected_member(self) -> str | None:
        row = self.members_table.currentRow()
        if row < 0 or self.members_table.item(row, 0) is None:
            return None
        return self.members_table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def update_member(self) -> None:
        member_id = self._selected_member()
        if self.log is None or self.meeting_id is None:
            return
        if member_id is None:
            self.message.setText(translate("MeetingsPanel", "Select a member in the list first."))
            return
        meeting_id = self.meeting_id
        self._guard(lambda: commands.edit_member(self.log, meeting_id, member_id, self.member_name.text(),
                                                 self.member_role.currentData()))  # fmt: skip

    def remove_member(self) -> None:
        row = self.members_table.currentRow()
        if self.log is None or row < 0:
            return
        member_id = self.members_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self._guard(lambda: commands.remove_member(self.log, member_id))

    def add_item(self) -> None:
        if self.log is None:
            return
        node_ids = self.checked_node_ids()
        meeting = self.log.meeting(self.meeting_id) if self.meeting_id else None
        raised = meeting.id if meeting is not None and meeting.state != "closed" else None

        def add() -> LogItemRecord:
            deadline = check.parse_date(self.item_deadline.text(), translate("MeetingsPanel", "deadline"),
                                        optional=True)  # fmt: skip
            return commands.add_item(self.log, kind=self.item_kind.currentData(), text=self.item_text.text(),
                                     owner=self.item_owner.text(), deadline=deadline,
                                     node_ids=node_ids, raised_meeting_id=raised,
                                     created=meeting.date if meeting is not None else date.today())  # fmt: skip

        if self._guard(add) is not None:
            for edit in (self.item_text, self.item_owner, self.item_deadline):
                edit.clear()

    def _load_selected_item(self) -> None:
        """Show the selected item's fields in the form, ready to be changed with Update item."""
        row = self.items_table.currentRow()
        if self.log is None or row < 0 or self.items_table.item(row, 0) is None:
            return
        item = self.log.item(self.items_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.item_kind.setCurrentIndex(max(self.item_kind.findData(item.kind), 0))
        self.item_text.setText(item.text)
        self.item_owner.setText(item.owner)
        self.item_deadline.setText(format_date(item.deadline))
        self.set_checked_node_ids(item.node_ids)
        self._filter_nodes(self.item_nodes_filter.text())

    def update_item(self) -> None:
        item_id = self._selected_item()
        if self.log is None or item_id is None:
            return
        current = self.log.item(item_id)
        listed = self.log.document.index.nodes
        # the ticked nodes, and those the list does not show (archived) that the item already concerns
        node_ids = self.checked_node_ids() + [n for n in current.node_ids if n not in listed]

        def update() -> LogItemRecord:
            deadline = check.parse_date(self.item_deadline.text(), translate("MeetingsPanel", "deadline"),
                                        optional=True)  # fmt: skip
            return commands.edit_item(self.log, item_id, kind=self.item_kind.currentData(), text=self.item_text.text(),
                                      owner=self.item_owner.text(), deadline=deadline, node_ids=node_ids)  # fmt: skip

        self._guard(update)

    def _selected_item(self) -> str | None:
        row = self.items_table.currentRow()
        if row < 0 or self.items_table.item(row, 0) is None:
            self.message.setText(translate("MeetingsPanel", "Select an item in the list first."))
            return None
        return self.items_table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def answer_item(self, state: str) -> None:
        item_id = self._selected_item()
        if self.log is None or item_id is None:
            return
        meeting = self.log.meeting(self.meeting_id) if self.meeting_id else None
        meeting_id = meeting.id if meeting is not None and meeting.state != "closed" and state != "open" else None
        answer = self.answer_edit.text() if state != "open" else ""

        def answer_it() -> None:
            if state != "open" and meeting_id is None:
                raise ValidationError(translate("MeetingsPanel", "Choose the meeting (not closed) that answers it."))
            commands.answer_item(self.log, item_id, state, answer, meeting_id)

        if self._guard(answer_it) is not None or not self.message.text():
            self.answer_edit.clear()

    def remove_item(self) -> None:
        item_id = self._selected_item()
        if self.log is not None and item_id is not None:
            self._guard(lambda: commands.remove_item(self.log, item_id))

    def _item_activated(self, row: int, _column: int) -> None:
        item_id = self.items_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if self.log is not None and self.log.item(item_id).node_ids:
            self.nodeRequested.emit(self.log.item(item_id).node_ids[0])

    # ------------------------------------------------------------------ pack and changes

    def print_pack(self) -> None:
        if self.log is None or self.meeting_id is None:
            return
        pack = self._guard(lambda: meeting_pack(self.log.service, self.meeting_id))
        if pack is not None:
            dialogs.print_pack_preview(self, lambda printer: print_pack(printer, pack))

    def export_pack(self) -> None:
        if self.log is None or self.meeting_id is None:
            return
        meeting = self.log.meeting(self.meeting_id)
        path = dialogs.ask_pack_file(self, f"{meeting.date.isoformat()} {meeting.title}.pdf")
        if not path:
            return
        register = self.log.service.service.db.path
        pages = self._guard(lambda: write_pack(meeting_pack(self.log.service, meeting.id), path, register))
        if pages:
            dialogs.show_information(self, translate("MeetingsPanel", "Meeting pack"),
                                     translate("MeetingsPanel", "Wrote the pack to {path} ({pages} pages).")
                                     .format(path=path, pages=pages))  # fmt: skip

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)
        if self._changes_stale:
            self.refresh_changes()

    def refresh_changes(self) -> None:
        """List what changed since the last closed meeting (double-click one to show its node)."""
        self._changes_stale = False
        self.changes_list.clear()
        if self.log is None:
            return
        result = self._guard(lambda: self.log.changes_since_last_meeting(date.today()))
        if result is None:
            return
        previous, changes = result
        if previous is None:
            self.changes_label.setText(translate("MeetingsPanel", "No meeting is closed yet: there is nothing to "
                                                 "compare with."))  # fmt: skip
            return
        self.changes_label.setText(plural(
            len(changes), translate("MeetingsPanel", "{count} change since the meeting of {date} ({title})."),
            translate("MeetingsPanel", "{count} changes since the meeting of {date} ({title})."),
            date=format_date(previous.date), title=previous.title))  # fmt: skip
        for change in changes:
            item = QListWidgetItem(describe_change(change))
            item.setData(Qt.ItemDataRole.UserRole, change.node_id)
            self.changes_list.addItem(item)
        self._emit_marks()

    def _emit_marks(self) -> None:
        if self.log is None:
            return
        highlighted = self.changed_node_ids() if self.highlight_check.isChecked() else set()
        self.marksChanged.emit(self.log.open_request_nodes(), highlighted)

    def changed_node_ids(self) -> set[str]:
        """The nodes the "Since last meeting" list names (for highlighting)."""
        found = set()
        for row in range(self.changes_list.count()):
            node_id = self.changes_list.item(row).data(Qt.ItemDataRole.UserRole)
            if node_id:
                found.add(node_id)
        return found

    def _change_activated(self, item: QListWidgetItem) -> None:
        node_id = item.data(Qt.ItemDataRole.UserRole)
        if node_id and self.log is not None and node_id in self.log.document.index.nodes:
            self.nodeRequested.emit(node_id)


class NodeItemsTable(QTableWidget):
    """The decision-log items that concern one node (the node editor's "Decision log" tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([translate("MeetingsPanel", "Kind"), translate("MeetingsPanel", "Text"),
                                        translate("MeetingsPanel", "State"), translate("MeetingsPanel", "Deadline"),
                                        translate("MeetingsPanel", "Answer")])  # fmt: skip
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)

    def show_items(self, items: list[LogItemRecord], on: date) -> None:
        """As the Meetings tab shows them: overdue actions and open requests in dark red; the whole text wraps in
        its row and is the cell's tooltip (the editor is narrow)."""
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            state = translate("MeetingsPanel", "overdue") if item.is_overdue(on) else item_state_name(item.state)
            for column, text in enumerate((item_kind_name(item.kind), item.text, state, format_date(item.deadline),
                                           item.answer)):  # fmt: skip
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if item.is_overdue(on) or (item.kind == "request" and item.state == "open"):
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.setItem(row, column, cell)
        self.resizeRowsToContents()
