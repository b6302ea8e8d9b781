"""The Projects tab: every project as a row, with sorting, a text filter and column filters."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from ui.document import RegisterDocument
from ui.icons import rag_icon
from ui.labels import STALE_COLOUR, progress_text, rag_name, stage_name
from ui.tree_model import NODE_ID_ROLE, STALE_ROLE, AnyIndex, weeks_text

translate = QCoreApplication.translate

TITLE, GOAL, DRIVER, LEAD, UNIT, STAGE, RAG, PROGRESS, UPDATED, WEEKS = range(10)
#: The raw value of a cell, for sorting and the column filters.
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
CODE_ROLE = Qt.ItemDataRole.UserRole + 11


class ProjectsModel(QAbstractTableModel):
    """One row per live project, in tree order when first built; new projects are appended."""

    def __init__(self, document: RegisterDocument, today: date | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.today = today
        self._rows: list[str] = list(self._project_ids())
        document.nodeAdded.connect(self._on_added)
        document.nodeChanged.connect(self._on_changed)
        document.statusChanged.connect(self._on_changed)
        document.nodeMoved.connect(self._on_moved)
        document.nodeAboutToBeRemoved.connect(self._on_removing)
        document.reloaded.connect(self._on_reloaded)

    def _project_ids(self) -> list[str]:
        return [node.id for node in self.document.index.projects()]

    def node_id(self, row: int) -> str:
        return self._rows[row]

    def row_of(self, node_id: str) -> int:
        return self._rows.index(node_id)

    # ------------------------------------------------------------------ QAbstractItemModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 10:
            return None
        return (
            translate("ProjectsModel", "Project"), translate("ProjectsModel", "Goal"),
            translate("ProjectsModel", "Driver"), translate("ProjectsModel", "Lead"),
            translate("ProjectsModel", "Unit"), translate("ProjectsModel", "Stage"),
            translate("ProjectsModel", "RAG"), translate("ProjectsModel", "Progress"),
            translate("ProjectsModel", "Last update"), translate("ProjectsModel", "Weeks stale"),
        )[section]  # fmt: skip

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tree = self.document.index
        node_id = self._rows[index.row()]
        node = tree.nodes[node_id]
        column = index.column()
        if role == NODE_ID_ROLE:
            return node_id
        status = tree.latest_status.get(node_id)
        stale = tree.is_stale(node_id, self.today)
        if role == STALE_ROLE:
            return stale
        if role == CODE_ROLE:
            return {STAGE: node.stage, RAG: status.rag if status else None, LEAD: node.lead}.get(column)
        weeks = tree.weeks_since_update(node_id, self.today)
        if role == SORT_ROLE:
            return self._sort_value(node_id, column, status, weeks)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node_id, column, status, weeks)
        if role == Qt.ItemDataRole.DecorationRole and column == RAG and status is not None:
            return rag_icon(status.rag)
        if role == Qt.ItemDataRole.ForegroundRole and column == WEEKS and stale:
            return QBrush(STALE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == PROGRESS and status is not None:
            return progress_text(status.progress)
        return None

    def _driver(self, node_id: str) -> str:
        parent_id = self.document.index.nodes[node_id].parent_id
        return self.document.index.nodes[parent_id].title if parent_id else ""

    def _goal(self, node_id: str) -> str:
        goal = self.document.index.ancestor_of_kind(node_id, "goal")
        return goal.title if goal else ""

    def _display(self, node_id: str, column: int, status: Any, weeks: int | None) -> Any:
        node = self.document.index.nodes[node_id]
        match column:
            case 0:
                return node.title
            case 1:
                return self._goal(node_id)
            case 2:
                return self._driver(node_id)
            case 3:
                return node.lead
            case 4:
                return node.unit
            case 5:
                return stage_name(node.stage)
            case 6:
                return rag_name(status.rag) if status else ""
            case 7:
                return f"{status.progress:g}" if status and status.progress is not None else ""
            case 8:
                return status.date.isoformat() if status else ""
            case 9:
                return weeks_text(weeks)
        return None

    def _sort_value(self, node_id: str, column: int, status: Any, weeks: int | None) -> Any:
        if column == STAGE:
            from register.model import STAGES

            return STAGES.index(self.document.index.nodes[node_id].stage or "idea")
        if column == RAG:
            return {"red": 0, "amber": 1, "green": 2}.get(status.rag, 3) if status else 4
        if column == PROGRESS:
            return status.progress if status and status.progress is not None else -1.0
        if column == UPDATED:
            return status.date.isoformat() if status else ""
        if column == WEEKS:
            return 1_000_000 if weeks is None else weeks
        return str(self._display(node_id, column, status, weeks)).casefold()

    # ------------------------------------------------------------------ following the document

    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _on_added(self, node_id: str) -> None:
        new = [n for n in self.document.index.subtree(node_id)
               if self.document.index.nodes[n].kind == "project" and n not in self._rows]  # fmt: skip
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()

    def _on_changed(self, node_id: str) -> None:
        tree = self.document.index
        if node_id not in tree.nodes:
            return
        if tree.nodes[node_id].kind == "project":
            if node_id in self._rows:
                self._emit_row(self._rows.index(node_id))
            return
        # A goal or driver changed: the goal and driver columns may show its title (one signal, not one per row).
        if self._rows:
            self.dataChanged.emit(self.index(0, GOAL), self.index(len(self._rows) - 1, DRIVER))

    def _on_moved(self, node_id: str, _old_parent: str, _old_row: int) -> None:
        self._on_changed(node_id)

    def _on_removing(self, node_id: str) -> None:
        going = set(self.document.index.subtree(node_id))
        for row in reversed(range(len(self._rows))):
            if self._rows[row] in going:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def _on_reloaded(self) -> None:
        self.beginResetModel()
        self._rows = self._project_ids()
        self.endResetModel()


class ProjectsFilter(QSortFilterProxyModel):
    """Free text over every column, plus exact filters on stage, RAG and lead."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._codes: dict[int, str | None] = {}

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_column_filter(self, column: int, code: str | None) -> None:
        """Keep rows whose code in ``column`` (STAGE, RAG or LEAD) equals ``code``; None clears it."""
        self.beginFilterChange()
        if code is None:
            self._codes.pop(column, None)
        else:
            self._codes[column] = code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        for column, code in self._codes.items():
            if model.index(source_row, column, source_parent).data(CODE_ROLE) != code:
                return False
        if not self._text:
            return True
        for column in range(model.columnCount()):
            value = model.index(source_row, column, source_parent).data(Qt.ItemDataRole.DisplayRole)
            if value and self._text in str(value).casefold():
                return True
        return False
