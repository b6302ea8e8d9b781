"""The Projects tab: every project as a row, with sorting, a text filter and column filters."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from register.vocabulary import STAGES
from ui.document import RegisterDocument
from ui.icons import rag_icon
from ui.item_roles import NODE_ID_ROLE, STALE_ROLE, AnyIndex
from ui.labels import STALE_COLOUR, date_text, progress_text, rag_name, stage_name, weeks_text

translate = QCoreApplication.translate

TITLE, GOAL, DRIVER, LEAD, UNIT, STAGE, RAG, PROGRESS, UPDATED, WEEKS = range(10)
#: The raw value of a cell, for sorting and the column filters.
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
CODE_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True, slots=True)
class _Row:
    """A project's cells, computed once per change: what is shown, how it sorts, and what the filters match."""

    display: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    # every shown text, case-folded and joined (what the free-text filter searches)
    haystack: str
    codes: dict[int, str | None]
    stale: bool
    rag: str | None
    progress: str


_RAG_ORDER = {"red": 0, "amber": 1, "green": 2}
_STAGE_ORDER = {stage: index for index, stage in enumerate(STAGES)}


class ProjectsModel(QAbstractTableModel):
    """One row per live project, in tree order when first built; new projects are appended (or, while the table is
    sorted, put in their sorted place).

    Each row's cells are computed once per change of the project, its status or its goal/driver (not on every
    ``data()`` call), and sorting happens here on those cached keys (:meth:`sort`), not by comparing cells one
    ``data()`` call at a time in the proxy.
    """

    def __init__(self, document: RegisterDocument, today: date | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.today = today
        self._rows: list[str] = list(self._project_ids())
        self._cache: dict[str, _Row] = {}
        self._day: date | None = None
        self._day_checked = -1.0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
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

    # ------------------------------------------------------------------ the cache

    def _today(self) -> date:
        """The day staleness is counted to: ``today`` if given, else the clock's date (read at most once a minute)."""
        if self.today is not None:
            return self.today
        now = time.monotonic()
        if now - self._day_checked > 60 or self._day is None:
            self._day_checked = now
            day = date.today()
            if day != self._day:
                self._day = day
                self._cache.clear()
        return self._day

    def entry(self, row: int) -> _Row:
        """The cached cells of ``row`` (computed now if the project changed since)."""
        node_id = self._rows[row]
        today = self._today()
        cached = self._cache.get(node_id)
        if cached is None:
            cached = self._cache[node_id] = self._compute(node_id, today)
        return cached

    def _compute(self, node_id: str, today: date) -> _Row:
        tree = self.document.index
        node = tree.nodes[node_id]
        status = tree.latest_status.get(node_id)
        weeks = tree.weeks_since_update(node_id, today)
        parent = tree.nodes.get(node.parent_id) if node.parent_id else None
        goal = tree.ancestor_of_kind(node_id, "goal")
        progress = status.progress if status is not None else None
        display = (
            node.title, goal.title if goal else "", parent.title if parent else "", node.lead, node.unit,
            stage_name(node.stage), rag_name(status.rag) if status else "",
            QLocale().toString(float(progress), "g", 6) if progress is not None else "",
            date_text(status.date) if status else "", weeks_text(weeks),
        )  # fmt: skip
        folded = tuple(text.casefold() for text in display)
        sort_keys = (
            *folded[:STAGE], _STAGE_ORDER.get(node.stage or "idea", 0),
            _RAG_ORDER.get(status.rag, 3) if status else 4, progress if progress is not None else -1.0,
            status.date.isoformat() if status else "", 1_000_000 if weeks is None else weeks,
        )  # fmt: skip
        return _Row(
            display=display, sort_keys=sort_keys, haystack="\x00".join(folded),
            codes={STAGE: node.stage, RAG: status.rag if status else None, LEAD: node.lead},
            stale=tree.is_stale(node_id, today), rag=status.rag if status else None,
            progress=progress_text(progress) if status is not None else "",
        )  # fmt: skip

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
        column = index.column()
        if role == NODE_ID_ROLE:
            return self._rows[index.row()]
        row = self.entry(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[column]
        if role == SORT_ROLE:
            return row.sort_keys[column]
        if role == STALE_ROLE:
            return row.stale
        if role == CODE_ROLE:
            return row.codes.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column == RAG and row.rag is not None:
            return rag_icon(row.rag)
        if role == Qt.ItemDataRole.ForegroundRole and column == WEEKS and row.stale:
            return QBrush(STALE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == PROGRESS and row.rag is not None:
            return row.progress
        return None

    # ------------------------------------------------------------------ sorting on the cached keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` (-1: keep the order they have) on the cached keys, keeping selections."""
        self._sort_column, self._sort_order = column, order
        if column < 0 or len(self._rows) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()] for index in before]
        self._rows = self._sorted(self._rows)
        position = {node_id: row for row, node_id in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(position[node_id], index.column())
                                                for node_id, index in zip(ids, before, strict=True)])  # fmt: skip
        self.layoutChanged.emit()

    def _key(self, node_id: str) -> tuple[Any, str]:
        today = self._today()
        cached = self._cache.get(node_id)
        if cached is None:
            cached = self._cache[node_id] = self._compute(node_id, today)
        return cached.sort_keys[self._sort_column], node_id

    def _sorted(self, node_ids: list[str]) -> list[str]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(node_ids, key=self._key, reverse=descending)

    def _sorted_place(self, node_id: str, rows: list[str]) -> int:
        """Where ``node_id`` belongs among ``rows`` (already sorted) under the current sort (a binary search)."""
        key = self._key(node_id)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            other = self._key(rows[middle])
            if (key > other) if descending else (key < other):
                high = middle
            else:
                low = middle + 1
        return low

    # ------------------------------------------------------------------ following the document

    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _on_added(self, node_id: str) -> None:
        new = [n for n in self.document.index.subtree(node_id)
               if self.document.index.nodes[n].kind == "project" and n not in self._rows]  # fmt: skip
        if not new:
            return
        if self._sort_column < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
            return
        for project in new:
            place = self._sorted_place(project, self._rows)
            self.beginInsertRows(QModelIndex(), place, place)
            self._rows.insert(place, project)
            self.endInsertRows()

    def _keep_sorted(self, node_id: str) -> None:
        """Move a changed row to its sorted place (one row move, not a re-sort)."""
        if self._sort_column < 0 or node_id not in self._rows:
            return
        row = self._rows.index(node_id)
        others = self._rows[:row] + self._rows[row + 1 :]
        place = self._sorted_place(node_id, others)
        if place == row:
            return
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), place if place < row else place + 1)
        self._rows = [*others[:place], node_id, *others[place:]]
        self.endMoveRows()

    def _on_changed(self, node_id: str) -> None:
        tree = self.document.index
        if node_id not in tree.nodes:
            return
        if tree.nodes[node_id].kind == "project":
            self._cache.pop(node_id, None)
            if node_id in self._rows:
                self._emit_row(self._rows.index(node_id))
                self._keep_sorted(node_id)
            return
        # A goal or driver changed: the goal and driver columns may show its title (one signal, not one per row).
        for project in tree.subtree(node_id):
            self._cache.pop(project, None)
        if self._rows:
            self.dataChanged.emit(self.index(0, GOAL), self.index(len(self._rows) - 1, DRIVER))
            if self._sort_column in (GOAL, DRIVER):
                self.sort(self._sort_column, self._sort_order)

    def _on_moved(self, node_id: str, _old_parent: str, _old_row: int) -> None:
        for project in self.document.index.subtree(node_id):
            self._cache.pop(project, None)
        self._on_changed(node_id)

    def _on_removing(self, node_id: str) -> None:
        going = set(self.document.index.subtree(node_id))
        for row in reversed(range(len(self._rows))):
            if self._rows[row] in going:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._cache.pop(self._rows[row], None)
                del self._rows[row]
                self.endRemoveRows()

    def _on_reloaded(self) -> None:
        self.beginResetModel()
        self._cache.clear()
        self._rows = self._project_ids()
        if self._sort_column >= 0:
            self._rows = self._sorted(self._rows)
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the projects model on its cached keys; this proxy keeps its order and only filters."""
        model = self.sourceModel()
        if isinstance(model, ProjectsModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, ProjectsModel):  # the cached cells: no data() call per column
            row = model.entry(source_row)
            for column, code in self._codes.items():
                if row.codes.get(column) != code:
                    return False
            return not self._text or self._text in row.haystack
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
