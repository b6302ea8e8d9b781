"""The Measures section of the node editor: the node's measures, the selected measure's data and annotations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from register.errors import ConflictError, RegisterError
from register.records import MeasureRecord
from ui import commands, dialogs
from ui.date_edit import DateDelegate
from ui.document import RegisterDocument
from ui.fitted_header import FittedHeader
from ui.labels import date_text, plural
from ui.measure_dialogs import chart_name
from ui.observations_model import DATE, NOTE, REASON, ObservationsModel

translate = QCoreApplication.translate
PROBLEM_COLOUR = "#b3261e"
SUCCESS_COLOUR = "#1e6b34"


class MeasuresPanel(QWidget):
    #: A refusal the window should show (title, message); a conflict asks for a reload.
    failed = Signal(str, str)
    conflict = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: RegisterDocument | None = None
        self.node_id: str | None = None
        self.model: ObservationsModel | None = None
        self.measure_list = QListWidget()
        self.measure_list.currentRowChanged.connect(self._show_measure)
        self.measure_list.itemDoubleClicked.connect(lambda _item: self.edit_measure())
        buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("MeasuresPanel", "&Add measure…"))
        self.edit_button = QPushButton(translate("MeasuresPanel", "&Edit…"))
        self.archive_button = QPushButton(translate("MeasuresPanel", "Arc&hive"))
        for button, slot in ((self.add_button, self.add_measure), (self.edit_button, self.edit_measure),
                             (self.archive_button, self.archive_measure)):  # fmt: skip
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.measure_list)
        top_layout.addLayout(buttons)

        self.grid = QTableView()
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        FittedHeader(self.grid, elastic=(NOTE, REASON))  # every column title whole, the grid as wide as the panel
        self.grid.setItemDelegateForColumn(DATE, DateDelegate(self.grid))
        QShortcut(QKeySequence.StandardKey.Paste, self.grid, activated=self.paste,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        QShortcut(QKeySequence.StandardKey.Delete, self.grid, activated=self.delete_rows,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self.message = QLabel()
        self.message.setWordWrap(True)
        data_buttons = QHBoxLayout()
        self.paste_button = QPushButton(translate("MeasuresPanel", "&Paste rows"))
        self.paste_button.setToolTip(translate("MeasuresPanel", "Paste rows copied from Excel or a CSV (Ctrl+V)"))
        self.delete_button = QPushButton(translate("MeasuresPanel", "&Delete rows"))
        self.import_button = QPushButton(translate("MeasuresPanel", "&Import file…"))
        for button, slot in ((self.paste_button, self.paste), (self.delete_button, self.delete_rows),
                             (self.import_button, self.import_file)):  # fmt: skip
            button.clicked.connect(slot)
            data_buttons.addWidget(button)
        data_buttons.addStretch(1)
        data = QWidget()
        data_layout = QVBoxLayout(data)
        data_layout.setContentsMargins(0, 0, 0, 0)
        data_layout.addWidget(QLabel(translate("MeasuresPanel", "Data (type in the last row to add a point):")))
        data_layout.addWidget(self.grid, 1)
        data_layout.addWidget(self.message)
        data_layout.addLayout(data_buttons)

        self.annotations = QTableWidget(0, 3)
        self.annotations.setHorizontalHeaderLabels([translate("MeasuresPanel", "Date"),
                                                    translate("MeasuresPanel", "Annotation"),
                                                    translate("MeasuresPanel", "New phase")])  # fmt: skip
        self.annotations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.annotations.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.annotations.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.annotations.verticalHeader().hide()
        self.annotations.setToolTip(translate("MeasuresPanel", "Double-click an annotation to edit it"))
        self.annotations.cellDoubleClicked.connect(lambda row, _column: self.edit_annotation(row))
        notes_buttons = QHBoxLayout()
        self.add_note_button = QPushButton(translate("MeasuresPanel", "Add a&nnotation…"))
        self.remove_note_button = QPushButton(translate("MeasuresPanel", "Remove annotation"))
        self.add_note_button.clicked.connect(self.add_annotation)
        self.remove_note_button.clicked.connect(self.remove_annotation)
        notes_buttons.addWidget(self.add_note_button)
        notes_buttons.addWidget(self.remove_note_button)
        notes_buttons.addStretch(1)
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.annotations)
        notes_layout.addLayout(notes_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for part in (top, data, notes):
            splitter.addWidget(part)
        splitter.setSizes([110, 260, 110])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._measures: list[MeasureRecord] = []
        self._update_buttons()

    # ------------------------------------------------------------------ showing

    def set_document(self, document: RegisterDocument | None) -> None:
        self.document = document
        if document is not None:
            document.measuresChanged.connect(self._on_measures_changed)
            document.dataChanged.connect(self._on_data_changed)
        self.show_node(None)

    def show_node(self, node_id: str | None) -> None:
        self.node_id = node_id
        self._fill_measures()

    def _fill_measures(self, keep: str | None = None) -> None:
        current = keep or (self.measure().id if self.measure() else None)
        self._measures = self.document.service.list_measures(self.node_id) if self.document and self.node_id else []
        self.measure_list.blockSignals(True)
        self.measure_list.clear()
        for measure in self._measures:
            item = QListWidgetItem(f"{measure.name}  ·  {chart_name(measure.chart)}")
            item.setToolTip(measure.definition or measure.name)
            self.measure_list.addItem(item)
        row = next((i for i, m in enumerate(self._measures) if m.id == current), 0 if self._measures else -1)
        self.measure_list.setCurrentRow(row)
        self.measure_list.blockSignals(False)
        self._show_measure(row)

    def measure(self) -> MeasureRecord | None:
        row = self.measure_list.currentRow()
        return self._measures[row] if 0 <= row < len(self._measures) else None

    def _show_measure(self, _row: int) -> None:
        measure = self.measure()
        if self.model is not None:
            self.model.deleteLater()
            self.model = None
        if measure is not None and self.document is not None:
            self.model = ObservationsModel(self.document, measure)
            self.model.problem.connect(self.show_problem)
        self.grid.setModel(self.model)
        self.message.clear()
        self._fill_annotations()
        self._update_buttons()

    def _fill_annotations(self) -> None:
        measure = self.measure()
        notes = self.document.service.annotations(measure.id) if measure and self.document else []
        self._notes = notes
        self.annotations.setRowCount(len(notes))
        for row, note in enumerate(notes):
            self.annotations.setItem(row, 0, QTableWidgetItem(date_text(note.date)))
            self.annotations.setItem(row, 1, QTableWidgetItem(note.text))
            self.annotations.setItem(row, 2, QTableWidgetItem("✓" if note.phase_break else ""))

    def _update_buttons(self) -> None:
        has_node, has_measure = self.node_id is not None, self.measure() is not None
        refused = getattr(self, "refused", "")
        if not hasattr(self, "_edit_triggers"):
            self._edit_triggers = self.grid.editTriggers()
        self.add_button.setEnabled(has_node and not refused)
        for button in (self.edit_button, self.archive_button, self.paste_button, self.delete_button,
                       self.import_button, self.add_note_button, self.remove_note_button):  # fmt: skip
            button.setEnabled(has_measure and not refused)
        for button in (self.add_button, self.edit_button, self.archive_button, self.paste_button, self.delete_button,
                       self.import_button, self.add_note_button, self.remove_note_button):  # fmt: skip
            button.setToolTip(refused)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if refused else self._edit_triggers)

    def restrict(self, reason: str) -> None:
        """Read only when the user's role may not change this node's measures and data (``reason`` says why)."""
        self.refused = reason
        self._update_buttons()

    def _on_measures_changed(self, node_id: str) -> None:
        if node_id == self.node_id:
            self._fill_measures()

    def _on_data_changed(self, measure_id: str, _node_id: str) -> None:
        measure = self.measure()
        if measure is not None and measure.id == measure_id:
            self._fill_annotations()

    # ------------------------------------------------------------------ actions

    def _guard(self, action: object, title: str) -> object:
        try:
            return action()
        except ConflictError as error:
            self.conflict.emit(str(error))
        except RegisterError as error:
            self.failed.emit(title, str(error))
        return None

    def add_measure(self) -> None:
        if self.document is None or self.node_id is None:
            return
        values = dialogs.ask_measure(self)
        if values is None:
            return
        name = values.pop("name")
        record = self._guard(lambda: commands.add_measure(self.document, self.node_id, name, **values),
                             translate("MeasuresPanel", "Cannot add the measure"))  # fmt: skip
        if record is not None:
            self._fill_measures(keep=record.id)

    def edit_measure(self) -> None:
        measure = self.measure()
        if measure is None:
            return
        values = dialogs.ask_measure(self, measure)
        if values is not None:
            self._guard(lambda: commands.edit_measure(self.document, measure, **values),
                        translate("MeasuresPanel", "Cannot change the measure"))  # fmt: skip

    def archive_measure(self) -> None:
        measure = self.measure()
        if measure is not None:
            self._guard(lambda: commands.archive_measure(self.document, measure.id),
                        translate("MeasuresPanel", "Cannot archive the measure"))  # fmt: skip

    def paste(self) -> None:
        if self.model is None:
            return
        text = QGuiApplication.clipboard().text()
        self._guard(lambda: self.model.paste(text), translate("MeasuresPanel", "Nothing was pasted"))

    def show_problem(self, text: str) -> None:
        """A refusal under the grid, in red ("" clears it)."""
        self.message.setStyleSheet(f"color: {PROBLEM_COLOUR}")
        self.message.setText(text)

    def show_success(self, text: str) -> None:
        """A completed action under the grid, in green with a tick (never in the red of a refusal)."""
        self.message.setStyleSheet(f"color: {SUCCESS_COLOUR}")
        self.message.setText(f"✓ {text}")

    def delete_rows(self) -> None:
        if self.model is None:
            return
        rows = sorted({index.row() for index in self.grid.selectionModel().selectedIndexes()})
        self._guard(lambda: self.model.remove_rows(rows), translate("MeasuresPanel", "Cannot delete"))

    def import_file(self) -> None:
        from register.observation_import import read_rows

        measure = self.measure()
        if measure is None:
            return
        path = dialogs.ask_data_file(self)
        if not path:
            return
        rows = self._guard(lambda: read_rows(Path(path)), translate("MeasuresPanel", "Cannot read the file"))
        if not rows:
            return
        choice = dialogs.preview_import(self, rows, measure)
        if choice is None:
            return
        columns, header = choice

        def store() -> int:
            from register.observation_import import ImportRejectedError, prepare

            report = prepare(rows, measure, columns, header)
            if report.rejected:
                raise ImportRejectedError(report)
            commands.add_observations(self.document, measure.id, report.accepted)
            return len(report.accepted)

        count = self._guard(store, translate("MeasuresPanel", "Nothing was imported"))
        if count:
            self.show_success(plural(count, translate("MeasuresPanel", "Imported {count} row."),
                                     translate("MeasuresPanel", "Imported {count} rows.")))  # fmt: skip

    def add_annotation(self) -> None:
        measure = self.measure()
        if measure is None:
            return
        values = dialogs.ask_annotation(self)
        if values is not None:
            self._guard(lambda: commands.add_annotation(self.document, measure.id, **values),
                        translate("MeasuresPanel", "Cannot add the annotation"))  # fmt: skip

    def edit_annotation(self, row: int) -> None:
        if not 0 <= row < len(self._notes):
            return
        note = self._notes[row]
        values = dialogs.ask_annotation(self, note)
        if values is not None:
            self._guard(lambda: commands.edit_annotation(self.document, note, **values),
                        translate("MeasuresPanel", "Cannot change the annotation"))  # fmt: skip

    def remove_annotation(self) -> None:
        rows = {index.row() for index in self.annotations.selectedIndexes()}
        for row in sorted(rows, reverse=True):
            note = self._notes[row]
            self._guard(lambda note=note: commands.remove_annotation(self.document, note),
                        translate("MeasuresPanel", "Cannot remove the annotation"))  # fmt: skip
