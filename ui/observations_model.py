"""A measure's data as an editable table: date, value, denominator, note, excluded and why.

Edits go through undoable commands; a cell the register refuses (text in a number, a numerator
above its denominator, a date that does not parse) keeps the typed text, turns red and says why,
and nothing is stored. The last row is empty: typing a date and a value there adds a data point.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from register.errors import RegisterError, ValidationError
from register.i18n import _ as core_text
from register.records import MeasureRecord, ObservationRecord
from ui import commands
from ui.document import RegisterDocument
from ui.item_roles import AnyIndex
from ui.labels import date_text, number_text

translate = QCoreApplication.translate

DATE, VALUE, DENOMINATOR, NOTE, EXCLUDED, REASON = range(6)
FIELDS = ("date", "value", "denominator", "note", "excluded", "exclude_reason")
INVALID = QColor("#fdecea")


def _text(value: Any) -> str:
    """A cell's value the UI language's way: Danish ``13-04-2026`` and ``2,5`` (both read back unchanged)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return number_text(value)
    return str(value)


class ObservationsModel(QAbstractTableModel):
    """Thin adapter of one measure's observations (read from the service when they change)."""

    #: A message for the user about the last edit ("" when it was fine).
    problem = Signal(str)

    def __init__(self, document: RegisterDocument, measure: MeasureRecord) -> None:
        super().__init__(document)
        self.document = document
        self.measure = measure
        self.rows: list[ObservationRecord] = document.service.observations(measure.id)
        self.pending: dict[int, str] = {}  # the new row's cells typed so far, by column
        self.invalid: dict[tuple[str, int], tuple[str, str]] = {}  # (row key, column) -> (typed text, why)
        document.dataChanged.connect(self._on_data_changed)
        document.measuresChanged.connect(self._on_measures_changed)

    # ------------------------------------------------------------------ reading

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if section < len(self.rows) else "*"
        if not 0 <= section < 6:
            return None
        return (translate("ObservationsModel", "Date"), translate("ObservationsModel", "Value"),
                translate("ObservationsModel", "Denominator"), translate("ObservationsModel", "Note"),
                translate("ObservationsModel", "Excluded"),
                translate("ObservationsModel", "Reason for exclusion"))[section]  # fmt: skip

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.row() == len(self.rows):
            return base | (Qt.ItemFlag.ItemIsEditable if index.column() <= NOTE else Qt.ItemFlag.NoItemFlags)
        if index.column() == EXCLUDED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def _key(self, row: int) -> str:
        return self.rows[row].id if row < len(self.rows) else "new"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self.rows):
            return None
        row, column = index.row(), index.column()
        bad = self.invalid.get((self._key(row), column))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(INVALID) if bad else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return bad[1] if bad else None
        if row == len(self.rows):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return bad[0] if bad else self.pending.get(column, "")
            return None
        record = self.rows[row]
        if column == EXCLUDED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if record.excluded else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if bad:
                return bad[0]
            return _text(getattr(record, FIELDS[column]))
        if role == Qt.ItemDataRole.ForegroundRole and record.excluded:
            return QBrush(QColor("#8c8c8c"))
        return None

    # ------------------------------------------------------------------ editing

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        if row == len(self.rows):
            return self._edit_new_row(column, str(value))
        record = self.rows[row]
        if column == EXCLUDED and role == Qt.ItemDataRole.CheckStateRole:
            excluded = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._store(index, record, {"excluded": excluded}, "")
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        return self._store(index, record, {FIELDS[column]: text if column != DENOMINATOR or text else None}, text)

    def _store(self, index: QModelIndex, record: ObservationRecord, changes: dict[str, Any], text: str) -> bool:
        key = (record.id, index.column())
        try:
            commands.edit_observation(self.document, self.measure.id, record, **changes)
        except RegisterError as error:
            self.invalid[key] = (text, str(error))
            self.dataChanged.emit(index, index)
            self.problem.emit(str(error))
            return False
        self.invalid.pop(key, None)
        self.problem.emit("")
        return True

    def _edit_new_row(self, column: int, text: str) -> bool:
        """Collect the new row's cells; once it has a date and a value (and what the chart needs), add it."""
        self.pending[column] = text.strip()
        self.invalid.pop(("new", column), None)
        row = len(self.rows)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if not self.pending.get(DATE) or not self.pending.get(VALUE):
            return True
        fields = {"date": self.pending.get(DATE), "value": self.pending.get(VALUE),
                  "denominator": self.pending.get(DENOMINATOR) or None, "note": self.pending.get(NOTE, "")}  # fmt: skip
        try:
            commands.add_observations(self.document, self.measure.id, [fields])
        except ValidationError as error:
            message = str(error).removeprefix(core_text("{place}: {error}").format(
                place=core_text("row {number}").format(number=1), error=""))  # fmt: skip
            column_of = {"date": DATE, "value": VALUE, "denominator": DENOMINATOR}
            self.invalid[("new", column_of.get(error.field or "", VALUE))] = (
                self.pending.get(column_of.get(error.field or "", VALUE), ""), message)  # fmt: skip
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            self.problem.emit(message)
            return True
        self.pending.clear()
        self.problem.emit("")
        return True

    def paste(self, text: str) -> int:
        """Add a block pasted from a spreadsheet or CSV, all or nothing; returns how many rows were added."""
        from register.observation_import import ImportRejectedError, prepare, split_text

        report = prepare(split_text(text), self.measure)
        if report.rejected or not report.accepted:
            error = ImportRejectedError(report) if report.rejected else ValidationError(
                translate("ObservationsModel", "The clipboard holds no rows of data."))  # fmt: skip
            self.problem.emit(str(error))
            raise error
        commands.add_observations(self.document, self.measure.id, report.accepted)
        self.problem.emit("")
        return len(report.accepted)

    def remove_rows(self, rows: list[int]) -> None:
        ids = [self.rows[row].id for row in sorted(set(rows)) if row < len(self.rows)]
        if ids:
            commands.remove_observations(self.document, self.measure.id, ids)

    # ------------------------------------------------------------------ following the register

    def _on_data_changed(self, measure_id: str, _node_id: str) -> None:
        if measure_id != self.measure.id:
            return
        fresh = self.document.service.observations(self.measure.id)
        kept = {r.id for r in fresh}
        for row in reversed(range(len(self.rows))):  # rows that went
            if self.rows[row].id not in kept:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        present = {r.id for r in self.rows}
        remaining = [r for r in fresh if r.id in present]
        if [r.id for r in self.rows] != [r.id for r in remaining]:  # a changed date moved rows
            self._reorder(remaining)
        for position, record in enumerate(fresh):  # rows that came, where they belong in date order
            if record.id not in present:
                self.beginInsertRows(QModelIndex(), position, position)
                self.rows.insert(position, record)
                self.endInsertRows()
        self.rows = fresh
        if fresh:
            self.dataChanged.emit(self.index(0, 0), self.index(len(fresh) - 1, self.columnCount() - 1))

    def _reorder(self, order: list[ObservationRecord]) -> None:
        self.layoutAboutToBeChanged.emit()
        new_row = {record.id: row for row, record in enumerate(order)}
        persistent = self.persistentIndexList()
        moved = [
            self.index(new_row[self.rows[index.row()].id], index.column()) if index.row() < len(self.rows) else index
            for index in persistent
        ]
        self.rows = order
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _on_measures_changed(self, _node_id: str) -> None:
        with contextlib.suppress(RegisterError):
            self.measure = self.document.service.get_measure(self.measure.id)
