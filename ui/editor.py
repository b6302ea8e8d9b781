"""The editor of the selected node: its fields (validated as you type), and for projects the status
history, cross-links and the node's audit trail."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from register import validation
from register.errors import ValidationError
from register.vocabulary import STAGES
from ui.icons import icon, rag_icon
from ui.labels import (
    audit_action,
    audit_field,
    date_text,
    kind_name,
    number_text,
    plural,
    progress_text,
    rag_name,
    stage_name,
    strength_name,
)

if TYPE_CHECKING:
    from register.records import NodeRecord
    from ui.date_edit import DateEdit
    from ui.document import RegisterDocument

translate = QCoreApplication.translate
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
ERROR_STYLE = "QLineEdit { border: 1px solid #b3261e; background: #fdecea; }"
#: A field whose typed text differs from what someone else saved meanwhile.
CONFLICT_STYLE = "border: 1px solid #e0b252; background: #fff4d6;"


def _read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    return table


class NodeEditor(QWidget):
    """Shows one node; ``saveRequested`` carries the changed fields to the window (an undoable edit)."""

    saveRequested = Signal(str, dict)  # noqa: N815
    logStatusRequested = Signal(str)  # noqa: N815
    addLinkRequested = Signal(str)  # noqa: N815
    removeLinkRequested = Signal(str)  # noqa: N815
    toggleLinkRequested = Signal(str)  # noqa: N815
    #: The overview asks for a measure's chart on another node: the window selects that node.
    showNodeRequested = Signal(str)  # noqa: N815
    # A tab could not do what was asked (title, message), or found someone else's change (message).
    failed = Signal(str, str)
    conflict = Signal(str)
    # The form and its tabs were built (the first time a node is shown): the window adds its own tab then.
    formBuilt = Signal()  # noqa: N815

    def __init__(self, document: RegisterDocument | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: RegisterDocument | None = None
        self.node_id: str | None = None
        #: The record the form was filled from, and the bars showing someone else's change per field.
        self._shown: NodeRecord | None = None
        self._conflicts: dict[str, QWidget] = {}
        # What the user's role may not change (``restrict``'s arguments), applied again when the form is built.
        self._restriction: tuple[tuple[Any, ...], dict[str, Any]] = (("", "", ""), {})
        self.empty_label = QLabel(translate("NodeEditor", "Select a goal, driver or project in the tree, "
                                                          "or add a goal to start a driver diagram."))  # fmt: skip
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        self._built = False
        self.set_document(document)

    def __getattr__(self, name: str) -> Any:
        """Called only for an attribute not found: the form's widgets, before the form is built. The form and its
        tabs (measures, charts, overview, ...) are built the first time they are needed, not before the window
        shows; asking for one of their widgets builds them then."""
        if name.startswith("__") or self.__dict__.get("_built", True):
            raise AttributeError(name)
        self._build_form()
        return getattr(self, name)

    @property
    def form_built(self) -> bool:
        """True once the form and its tabs exist (a node was shown, or one of their widgets was asked for)."""
        return self._built

    def _build_form(self) -> None:
        """The form, its buttons and its tabs; the tabs' modules load here too."""
        from ui.charts_panel import ChartsPanel
        from ui.date_edit import DateEdit
        from ui.measures_panel import MeasuresPanel
        from ui.overview_panel import OverviewPanel

        self._built = True
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.kind_label = QLabel()
        self.kind_label.setStyleSheet("color: #555;")

        self.title_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(80)
        self.lead_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.start_edit = DateEdit(optional=True, field="start")
        self.end_edit = DateEdit(optional=True, field="end")
        self.stage_combo = QComboBox()
        for stage in STAGES:
            self.stage_combo.addItem(stage_name(stage), stage)

        self.form = QFormLayout()
        self.form.addRow(translate("NodeEditor", "&Title:"), self.title_edit)
        self.form.addRow(translate("NodeEditor", "&Description:"), self.description_edit)
        self.project_rows: list[QWidget] = []
        for label, widget in (
            (translate("NodeEditor", "&Lead:"), self.lead_edit),
            (translate("NodeEditor", "&Unit:"), self.unit_edit),
            (translate("NodeEditor", "S&tart date:"), self.start_edit),
            (translate("NodeEditor", "&End date:"), self.end_edit),
            (translate("NodeEditor", "St&age:"), self.stage_combo),
        ):
            self.form.addRow(label, widget)
            self.project_rows.append(widget)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.save_button = QPushButton(translate("NodeEditor", "&Save"))
        self.save_button.setToolTip(translate("NodeEditor", "Save the changes (Ctrl+S)"))
        self.revert_button = QPushButton(translate("NodeEditor", "Re&vert"))
        self.status_button = QPushButton(rag_icon("green"), translate("NodeEditor", "Log status…"))
        self.status_button.setToolTip(translate("NodeEditor", "Log a status update for this project (Ctrl+L)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status_button)

        self.tabs = QTabWidget()
        self.history_table = _read_only_table([
            translate("NodeEditor", "Date"), translate("NodeEditor", "RAG"), translate("NodeEditor", "Progress"),
            translate("NodeEditor", "Author"), translate("NodeEditor", "Summary"),
            translate("NodeEditor", "Next steps"), translate("NodeEditor", "Help needed"),
        ])  # fmt: skip
        self.links_table = _read_only_table([
            translate("NodeEditor", "Direction"), translate("NodeEditor", "Node"), translate("NodeEditor", "Strength"),
        ])  # fmt: skip
        self.audit_table = _read_only_table([
            translate("NodeEditor", "When"), translate("NodeEditor", "Who"), translate("NodeEditor", "What"),
            translate("NodeEditor", "Changes"),
        ])  # fmt: skip
        links_page = QWidget()
        links_layout = QVBoxLayout(links_page)
        links_layout.setContentsMargins(0, 0, 0, 0)
        links_layout.addWidget(self.links_table)
        link_buttons = QGridLayout()  # two rows, so a narrow editor needs no sideways scrolling
        self.add_link_button = QPushButton(icon("link"), translate("NodeEditor", "Add cross-link…"))
        self.toggle_link_button = QPushButton(translate("NodeEditor", "Strong/weak"))
        self.remove_link_button = QPushButton(translate("NodeEditor", "Remove cross-link"))
        link_buttons.addWidget(self.add_link_button, 0, 0)
        link_buttons.addWidget(self.toggle_link_button, 1, 0)
        link_buttons.addWidget(self.remove_link_button, 1, 1)
        link_buttons.setColumnStretch(2, 1)
        links_layout.addLayout(link_buttons)
        self.measures_panel = MeasuresPanel()
        self.charts_panel = ChartsPanel()
        self.measures_index = self.tabs.addTab(self.measures_panel, translate("NodeEditor", "Measures and data"))
        self.charts_index = self.tabs.addTab(self.charts_panel, translate("NodeEditor", "Charts"))
        self.overview_panel = OverviewPanel()
        self.overview_panel.chartRequested.connect(self.show_chart)
        for panel in (self.measures_panel, self.charts_panel, self.overview_panel):
            panel.failed.connect(self.failed)
        self.measures_panel.conflict.connect(self.conflict)
        self.overview_index = self.tabs.addTab(self.overview_panel, translate("NodeEditor", "Measures overview"))
        self.history_index = self.tabs.addTab(self.history_table, translate("NodeEditor", "Status history"))
        self.links_index = self.tabs.addTab(links_page, translate("NodeEditor", "Cross-links"))
        self.audit_index = self.tabs.addTab(self.audit_table, translate("NodeEditor", "Audit trail"))

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.heading)
        body.addWidget(self.kind_label)
        body.addLayout(self.form)
        body.addWidget(self.message)
        body.addLayout(buttons)
        body.addWidget(self.tabs, 1)
        self.body.setVisible(False)
        self.layout().addWidget(self.body)

        for edit in (self.title_edit, self.lead_edit, self.unit_edit, self.start_edit, self.end_edit):
            edit.textChanged.connect(self._validate)
        self.description_edit.textChanged.connect(self._validate)
        self.stage_combo.currentIndexChanged.connect(self._validate)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.title_edit.returnPressed.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.status_button.clicked.connect(lambda: self.node_id and self.logStatusRequested.emit(self.node_id))
        self.add_link_button.clicked.connect(lambda: self.node_id and self.addLinkRequested.emit(self.node_id))
        self.remove_link_button.clicked.connect(self._remove_link)
        self.toggle_link_button.clicked.connect(self._toggle_link)
        self.links_table.itemSelectionChanged.connect(self._update_link_buttons)
        for panel in (self.measures_panel, self.charts_panel, self.overview_panel):
            panel.set_document(self.document)
        arguments, keywords = self._restriction
        self.restrict(*arguments, **keywords)
        self.formBuilt.emit()

    # ------------------------------------------------------------------ document

    def set_document(self, document: RegisterDocument | None) -> None:
        if self.document is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.document = document
        if document is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        if self._built:
            for panel in (self.measures_panel, self.charts_panel, self.overview_panel):
                panel.set_document(document)
        self.show_node(None)

    def _connections(self) -> list[tuple[Any, Any]]:
        assert self.document is not None
        d = self.document
        return [(d.nodeChanged, self._on_changed), (d.statusChanged, self._on_changed),
                (d.linkAdded, self._on_link), (d.linkRemoved, self._on_link), (d.linkChanged, self._on_link),
                (d.nodeRemoved, self._on_removed), (d.reloaded, self._on_reloaded)]  # fmt: skip

    def _on_changed(self, node_id: str) -> None:
        if node_id != self.node_id:
            return
        shown, node = getattr(self, "_shown", None), self.record()
        if shown is None or node is None or shown.id != node_id:
            self.show_node(node_id)
            return
        mine, base, theirs = self._form_values(), _record_values(shown), _record_values(node)
        typed = {name for name in mine if mine[name] != base[name]}
        if not typed or all(mine[name] == theirs[name] for name in typed):
            self.show_node(node_id)
            return
        # Someone else saved while the user was typing: keep what they typed, take the other fields,
        # and show each clash at its field with "keep mine" / "take theirs".
        self._loading = True
        for name in theirs:
            if theirs[name] != base[name] and name not in typed:
                self._set_field(name, theirs[name])
        self._loading = False
        self._shown = node
        for name in typed:
            if theirs[name] != base[name] and mine[name] != theirs[name]:
                self._show_conflict(name, theirs[name])
        self.heading.setText(node.title)
        self._fill_history()
        self._fill_audit()
        self._validate()

    # ------------------------------------------------------------------ someone else's change while typing

    def _field_widget(self, name: str) -> QWidget:
        return {"title": self.title_edit, "description": self.description_edit, "lead": self.lead_edit,
                "unit": self.unit_edit, "start": self.start_edit, "end": self.end_edit,
                "stage": self.stage_combo}[name]  # fmt: skip

    def _form_values(self) -> dict[str, str]:
        """The form as the user filled it in, a typed date written the way the register shows it (``13-4-26``
        and ``13-04-2026`` are the same date, not a change)."""

        def typed_date(edit: DateEdit) -> str:
            return date_text(edit.date()) if edit.is_valid() and edit.text().strip() else edit.text()

        return {
            "title": self.title_edit.text(), "description": self.description_edit.toPlainText(),
            "lead": self.lead_edit.text(), "unit": self.unit_edit.text(), "start": typed_date(self.start_edit),
            "end": typed_date(self.end_edit), "stage": self.stage_combo.currentData() or "idea",
        }  # fmt: skip

    def _set_field(self, name: str, value: str) -> None:
        widget = self._field_widget(name)
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        else:
            widget.setText(value)

    def _show_conflict(self, name: str, theirs: str) -> None:
        """A bar under the field: what someone else saved, with "Keep mine" and "Take theirs"."""
        self._clear_conflict(name)
        widget = self._field_widget(name)
        shown = stage_name(theirs) if name == "stage" else (theirs or "—")
        bar = QFrame()
        bar.setObjectName(f"conflict_{name}")
        bar.setStyleSheet("QFrame { background: #fff4d6; border: 1px solid #e0b252; border-radius: 3px; }"
                          "QLabel { border: none; }")  # fmt: skip
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(6, 2, 6, 2)
        label = QLabel(translate("NodeEditor", "Someone else saved: “{value}”").format(value=_short(shown)))
        label.setToolTip(shown)
        keep = QPushButton(translate("NodeEditor", "Keep mine"))
        take = QPushButton(translate("NodeEditor", "Take theirs"))
        keep.setToolTip(translate("NodeEditor", "Keep what you typed; Save writes it over their change."))
        take.setToolTip(translate("NodeEditor", "Replace what you typed with what they saved."))
        keep.clicked.connect(lambda: self._clear_conflict(name))
        take.clicked.connect(lambda: self._take_theirs(name, theirs))
        layout.addWidget(label, 1)
        layout.addWidget(keep)
        layout.addWidget(take)
        row, _role = self.form.getWidgetPosition(widget)
        self.form.insertRow(row + 1, bar)
        widget.setStyleSheet(CONFLICT_STYLE)
        self._conflicts[name] = bar

    def _take_theirs(self, name: str, theirs: str) -> None:
        self._set_field(name, theirs)
        self._clear_conflict(name)
        self._validate()

    def _clear_conflict(self, name: str) -> None:
        bar = self._conflicts.pop(name, None)
        if bar is not None:
            self.form.removeRow(bar)
            self._field_widget(name).setStyleSheet("")

    def conflicts(self) -> dict[str, QWidget]:
        """The fields that show someone else's change next to what the user typed."""
        return dict(self._conflicts)

    def _on_link(self, _link_id: str) -> None:
        if self.node_id is not None:
            self._fill_links()
            self._fill_audit()

    def _on_removed(self, _node_id: str) -> None:
        if self.node_id is not None and self.document is not None and self.node_id not in self.document.index.nodes:
            self.show_node(None)

    def _on_reloaded(self) -> None:
        exists = self.document is not None and self.node_id in self.document.index.nodes
        self.show_node(self.node_id if exists else None)

    # ------------------------------------------------------------------ showing

    def record(self) -> NodeRecord | None:
        if self.document is None or self.node_id is None:
            return None
        return self.document.index.nodes.get(self.node_id)

    def show_node(self, node_id: str | None) -> None:
        building = not self._built
        if building:
            if node_id is None or self.document is None:
                self.node_id = node_id
                return  # nothing to show: the form is built when there is
            self._build_form()
        changed = building or node_id != self.node_id
        self.node_id = node_id
        if changed:
            self.measures_panel.show_node(node_id)
            self.charts_panel.show_node(node_id)
            self.overview_panel.show_node(node_id)
        node = self.record()
        self.empty_label.setVisible(node is None)
        self.body.setVisible(node is not None)
        if node is None:
            return
        is_project = node.kind == "project"
        self.heading.setText(node.title)
        self.kind_label.setText(kind_name(node.kind).capitalize())
        for widget in self.project_rows:
            widget.setVisible(is_project)
            self.form.labelForField(widget).setVisible(is_project)
        for name in list(self._conflicts):
            self._clear_conflict(name)
        self._shown = node
        self._loading = True
        self.title_edit.setText(node.title)
        self.description_edit.setPlainText(node.description)
        self.lead_edit.setText(node.lead)
        self.unit_edit.setText(node.unit)
        self.start_edit.setDate(node.start)
        self.end_edit.setDate(node.end)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(node.stage or "idea")))
        for edit in (self.title_edit, self.lead_edit, self.unit_edit):
            edit.setCursorPosition(0)  # a long title shows its beginning, not its end
        self._loading = False
        self.status_button.setVisible(is_project)
        self.tabs.setTabVisible(self.history_index, is_project)
        self.tabs.setTabVisible(self.links_index, node.kind != "goal")
        self._fill_history()
        self._fill_links()
        self._fill_audit()
        self._validate()
        if building:  # what the role may not change, for this node (the window applies it after each node shown)
            arguments, keywords = self._restriction
            self.restrict(*arguments, **keywords)

    def show_chart(self, node_id: str, measure_id: str) -> None:
        """Show a measure's chart (from the overview): its node in the editor, the Charts tab, scrolled to it."""
        if node_id != self.node_id:
            self.showNodeRequested.emit(node_id)
        if node_id != self.node_id:
            return  # the window did not show that node
        self.tabs.setCurrentIndex(self.charts_index)
        self.charts_panel.focus_measure(measure_id)

    def restrict(self, fields: str, status: str, data: str, links: str = "", *, lock_lead: bool = False) -> None:
        """Make read-only what the user's role may not change; each non-empty reason becomes the tooltip."""
        self._restriction = ((fields, status, data, links), {"lock_lead": lock_lead})
        if not self._built:
            return  # applied when the form is built
        for edit in (self.title_edit, self.lead_edit, self.unit_edit, self.start_edit, self.end_edit):
            locked = bool(fields) or (lock_lead and edit is self.lead_edit)
            edit.setReadOnly(locked)
            edit.setToolTip(fields or (translate("NodeEditor", "Only the steering group changes a project's lead.")
                                       if locked else ""))  # fmt: skip
        self.description_edit.setReadOnly(bool(fields))
        self.description_edit.setToolTip(fields)
        self.stage_combo.setEnabled(not fields)
        self.stage_combo.setToolTip(fields)
        if fields:
            self.save_button.setEnabled(False)
        self.save_button.setToolTip(fields or translate("NodeEditor", "Save the changes (Ctrl+S)"))
        self.status_button.setEnabled(not status)
        self.status_button.setToolTip(
            status or translate("NodeEditor", "Log a status update for this project (Ctrl+L)")
        )
        node = self.record()
        if node is not None and links:
            for button in (self.add_link_button, self.remove_link_button, self.toggle_link_button):
                button.setEnabled(False)
        for button in (self.add_link_button, self.remove_link_button, self.toggle_link_button):
            button.setToolTip(links)
        self.measures_panel.restrict(data)

    def _fill_history(self) -> None:
        node = self.record()
        rows = self.document.service.status_history(node.id) if node and node.kind == "project" else []
        self.history_table.setRowCount(len(rows))
        for row, status in enumerate(rows):
            cells = [date_text(status.date), rag_name(status.rag), progress_text(status.progress), status.author,
                     status.summary, status.next_steps, status.help_needed]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setIcon(rag_icon(status.rag))
                item.setToolTip(text)
                self.history_table.setItem(row, column, item)

    def _fill_links(self) -> None:
        node = self.record()
        if node is None:
            return
        tree = self.document.index
        links = [(translate("NodeEditor", "serves →"), link, link.target_id) for link in tree.links_from(node.id)]
        links += [(translate("NodeEditor", "← served by"), link, link.source_id) for link in tree.links_to(node.id)]
        self.links_table.setRowCount(len(links))
        for row, (direction, link, other) in enumerate(links):
            first = QTableWidgetItem(direction)
            first.setData(Qt.ItemDataRole.UserRole, link.id)
            self.links_table.setItem(row, 0, first)
            other_item = QTableWidgetItem(icon(tree.nodes[other].kind), tree.nodes[other].title)
            self.links_table.setItem(row, 1, other_item)
            self.links_table.setItem(row, 2, QTableWidgetItem(strength_name(link.strength)))
        self.add_link_button.setEnabled(node.kind in ("project", "secondary"))
        self._update_link_buttons()

    def _fill_audit(self) -> None:
        node = self.record()
        if node is None:
            return
        entries = self.document.service.audit_trail(node.id, limit=200)
        self.audit_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            changes = "; ".join(
                f"{audit_field(name)}: {_short(audit_value(name, old))} → {_short(audit_value(name, new))}"
                for name, (old, new) in sorted(entry.changes.items(), key=lambda item: audit_field(item[0]))
            )  # fmt: skip
            what = audit_action(entry.entity_type, entry.action)
            for column, text in enumerate((validation.format_time(entry.at), entry.user, what, changes)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.audit_table.setItem(row, column, item)

    def selected_link(self) -> str | None:
        rows = {index.row() for index in self.links_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        return self.links_table.item(rows.pop(), 0).data(Qt.ItemDataRole.UserRole)

    def _update_link_buttons(self) -> None:
        has = self.selected_link() is not None
        self.remove_link_button.setEnabled(has)
        self.toggle_link_button.setEnabled(has)

    def _remove_link(self) -> None:
        link_id = self.selected_link()
        if link_id:
            self.removeLinkRequested.emit(link_id)

    def _toggle_link(self) -> None:
        link_id = self.selected_link()
        if link_id:
            self.toggleLinkRequested.emit(link_id)

    # ------------------------------------------------------------------ editing

    def changes(self) -> dict[str, Any]:
        """The fields the user changed, parsed (raises ValidationError for invalid input)."""
        node = self.record()
        if node is None:
            return {}
        values: dict[str, Any] = {
            "title": validation.title(self.title_edit.text()),
            "description": self.description_edit.toPlainText().strip(),
        }
        if node.kind == "project":
            start = validation.parse_date(self.start_edit.text(), "start", optional=True)
            end = validation.parse_date(self.end_edit.text(), "end", optional=True)
            validation.date_range(start, end)
            values.update(lead=self.lead_edit.text().strip(), unit=self.unit_edit.text().strip(), start=start,
                          end=end, stage=self.stage_combo.currentData())  # fmt: skip
        return {name: value for name, value in values.items() if getattr(node, name) != value}

    def problem(self) -> tuple[str, str | None]:
        """(message, field) for the first problem in the form, or ("", None)."""
        try:
            self.changes()
        except ValidationError as error:
            return self._translated(error), error.field
        return "", None

    @staticmethod
    def _translated(error: ValidationError) -> str:
        if error.field == "end" and "before the start date" in str(error):
            return translate("NodeEditor", "The end date is before the start date.")
        if error.field == "title":
            return translate("NodeEditor", "The title cannot be empty.")
        return str(error)

    def _validate(self) -> None:
        if getattr(self, "_loading", False) or self.record() is None:
            return
        message, field = self.problem()
        self.message.setText(message)
        for name, edit in (("title", self.title_edit), ("start", self.start_edit), ("end", self.end_edit)):
            edit.setStyleSheet(ERROR_STYLE if field == name else CONFLICT_STYLE if name in self._conflicts else "")
        dirty = not message and bool(self.changes())
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(bool(message) or dirty)

    def is_dirty(self) -> bool:
        message, _ = self.problem()
        return bool(message) or bool(self.changes())

    def save(self) -> None:
        node = self.record()
        if node is None:
            return
        message, _ = self.problem()
        if message:
            self.message.setText(message)
            return
        changes = self.changes()
        if changes:
            self.saveRequested.emit(node.id, changes)

    def revert(self) -> None:
        self.show_node(self.node_id)


def _record_values(node: NodeRecord) -> dict[str, str]:
    """A node's fields as the editor's form shows them."""
    return {
        "title": node.title, "description": node.description, "lead": node.lead, "unit": node.unit,
        "start": date_text(node.start), "end": date_text(node.end),  # as the date fields show them
        "stage": node.stage or "idea",
    }  # fmt: skip


def _short(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def audit_value(field: str, value: Any) -> str:
    """A value of the audit trail in words: codes as their names, dates, times and numbers the language's way."""
    from ui.measure_dialogs import chart_name, measure_type_name

    if value is None or value == "":
        return "—"
    named = {"kind": kind_name, "stage": stage_name, "rag": rag_name, "strength": strength_name,
             "chart": chart_name, "type": measure_type_name}  # fmt: skip
    if field in named and isinstance(value, str):
        return named[field](value)
    if field == "progress" and isinstance(value, int | float):
        return progress_text(float(value))
    if isinstance(value, bool):
        return translate("NodeEditor", "yes") if value else translate("NodeEditor", "no")
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, list):
        return plural(len(value), translate("NodeEditor", "{count} item"), translate("NodeEditor", "{count} items"))
    if isinstance(value, str) and _ISO_DATE.match(value):
        return date_text(date.fromisoformat(value))
    if isinstance(value, str) and _ISO_TIME.match(value):
        return validation.format_time(datetime.fromisoformat(value))
    return str(value)
