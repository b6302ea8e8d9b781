"""The measures overview in the window: every measure under the selected node in one sortable table.

The rows come from :func:`register.overview.measures_overview` (the core computes and words them); the
model is a thin adapter with fine-grained signals after an edit (rows inserted, removed, changed) and a
reset only when another node is shown. Double-clicking a row asks for that measure's chart.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from register import overview as core
from register.errors import RegisterError
from register.overview_export import export_overview
from register.variation_icons import GREY, icon_colour, icon_description, icon_png
from ui import dialogs
from ui.document import RegisterDocument

translate = QCoreApplication.translate
AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = core.COLUMNS
VARIATION, ASSURANCE, TREND = (COLUMNS.index(name) for name in ("variation", "assurance", "trend"))
# The key a column sorts by (numbers as numbers, dates in time, signals by urgency).
SORT_ROLE = Qt.ItemDataRole.UserRole + 20
MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 21
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 22
# The trend column's series: (values, centre or None, colour of the last point).
SPARK_ROLE = Qt.ItemDataRole.UserRole + 23
ICON_PIXELS = 24


@cache
def variation_icon(code: str) -> QIcon:
    """An NHS icon (drawn by matplotlib in the core) as a QIcon, sharp at device-pixel ratios 1 to 3."""
    result = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap()
        pixmap.loadFromData(icon_png(code, ICON_PIXELS * scale), "PNG")
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result


class OverviewModel(QAbstractTableModel):
    """One row per measure of an :class:`register.overview.Overview`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[core.OverviewRow] = []

    # ------------------------------------------------------------------ contents

    def set_rows(self, rows: list[core.OverviewRow]) -> None:
        """Show another node's rows (a reset: nothing carries over)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: list[core.OverviewRow]) -> None:
        """The same node after an edit: remove, change and append rows one by one (no reset)."""
        wanted = {row.measure.id: row for row in rows}
        for number in reversed(range(len(self.rows))):
            if self.rows[number].measure.id not in wanted:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()
        present = set()
        for number, row in enumerate(self.rows):
            present.add(row.measure.id)
            fresh = wanted[row.measure.id]
            if fresh is not row and repr(fresh) != repr(row):  # repr: a NaN in the series equals itself
                self.rows[number] = fresh
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
        added = [row for row in rows if row.measure.id not in present]
        if added:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self.rows.extend(added)
            self.endInsertRows()

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return core.header(COLUMNS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in core.NUMERIC_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return core.cell_text(row, column)
        if role == SORT_ROLE:
            return core.sort_key(row, column)
        if role == MEASURE_ID_ROLE:
            return row.measure.id
        if role == NODE_ID_ROLE:
            return row.node.id
        if role == Qt.ItemDataRole.DecorationRole:
            code = row.variation if column == "variation" else row.assurance if column == "assurance" else None
            return variation_icon(code) if code else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in core.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SPARK_ROLE and column == "trend":
            colour = icon_colour(row.variation) if row.variation else GREY
            return (row.spark, row.spark_centre, colour)
        return None

    @staticmethod
    def _tooltip(row: core.OverviewRow, column: str) -> str | None:
        if column == "variation":
            lines = [core.variation_text(row)]
            if row.uses_mdc and row.variation:
                lines.append(icon_description(row.variation))
            if row.reading:
                lines.append(row.reading)
            return "\n".join(lines)
        if column == "assurance" and row.assurance:
            return f"{core.assurance_text(row)}\n{icon_description(row.assurance)}"
        if column == "measure" and row.measure.definition:
            return row.measure.definition
        if column == "trend":
            return translate("Overview", "{count} points").format(count=row.points)
        return None


class SparklineDelegate(QStyledItemDelegate):
    """Draws the trend column: the series as a thin line, its centre line, the last point in the icon's colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().paint(painter, option, index)
        spark = index.data(SPARK_ROLE)
        if not spark:
            return
        values, centre, colour = spark
        finite = [v for v in values if v == v]
        if len(finite) < 2:
            return
        low, high = min(finite), max(finite)
        if centre is not None:
            low, high = min(low, centre), max(high, centre)
        span = (high - low) or 1.0
        rect = option.rect.adjusted(4, 4, -4, -4)
        step = rect.width() / max(len(values) - 1, 1)

        def point(number: int, value: float) -> QPointF:
            return QPointF(rect.left() + number * step, rect.bottom() - (value - low) / span * rect.height())

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if centre is not None:
            painter.setPen(QPen(QColor("#9a9a9a"), 0.8))
            y = point(0, centre).y()
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(QPen(QColor("#5DA5DA"), 1.2))
        segment = QPolygonF()
        for number, value in enumerate(values):
            if value != value:  # a gap
                if segment.size() > 1:
                    painter.drawPolyline(segment)
                segment = QPolygonF()
                continue
            segment.append(point(number, value))
        if segment.size() > 1:
            painter.drawPolyline(segment)
        last = max(number for number, value in enumerate(values) if value == value)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(point(last, values[last]), 2.6, 2.6)
        painter.restore()


class OverviewPanel(QWidget):
    """The editor's "Overview" tab: the table, the node it is for, and export to PDF or XLSX."""

    chartRequested = Signal(str, str)  # noqa: N815 - node id, measure id
    failed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, detached: bool = False) -> None:
        super().__init__(parent)
        self.document: RegisterDocument | None = None
        self.node_id: str | None = None
        self.overview: core.Overview | None = None
        self.separate_window: QDialog | None = None
        self._changed_measures: set[str] = set()
        self._changed_nodes: set[str] = set()
        self._everything = False
        self._stale = True
        self.model = OverviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(ICON_PIXELS + 6)
        self.view.setIconSize(QSize(ICON_PIXELS, ICON_PIXELS))
        self.view.setItemDelegateForColumn(TREND, SparklineDelegate(self.view))
        self.view.doubleClicked.connect(self._activated)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in zip(COLUMNS, (250, 170, 80, 115, 105, 85, 90, 260, 210, 120), strict=True):
            self.view.setColumnWidth(COLUMNS.index(column), width)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setWordWrap(True)
        self.export_button = QPushButton(translate("Overview", "Export (PDF or XLSX)…"))
        self.export_button.clicked.connect(self.export)
        self.window_button = QPushButton(translate("Overview", "Open in a window"))
        self.window_button.setToolTip(translate("Overview", "The same overview in a window of its own, with room for "
                                                            "every column; it stays on this node."))  # fmt: skip
        self.window_button.clicked.connect(self.open_window)
        self.window_button.setVisible(not detached)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.window_button)
        top.addWidget(self.export_button)
        hint = QLabel(translate("Overview", "Click a column title to sort; double-click a measure to see its chart."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)  # a narrow editor pane wraps the hint instead of squeezing the tree
        self.heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(150)
        self._refresh.timeout.connect(self.update_overview)

    def set_document(self, document: RegisterDocument | None) -> None:
        self.document = document
        if document is not None:
            document.dataChanged.connect(self._data_changed)
            document.measuresChanged.connect(self._measures_changed)
            for signal in (document.nodeChanged, document.nodeAdded, document.nodeRemoved):
                signal.connect(self._changed)
            document.nodeMoved.connect(lambda node_id, _parent, _position: self._changed(node_id))
            document.reloaded.connect(lambda: self._changed(None))
        self.show_node(None)

    def show_node(self, node_id: str | None) -> None:
        """Show the overview of ``node_id`` (computed when the tab is visible)."""
        if node_id != self.node_id:
            self.node_id = node_id
            self.overview = None
            self.model.set_rows([])
            self.heading.clear()
        self._stale = True
        if self.isVisible():
            self.update_overview()

    def _under(self, node_id: str) -> bool:
        """Whether ``node_id`` is the overview's node or lies under it."""
        index = self.document.index if self.document else None
        if index is None or self.node_id is None or node_id not in index.nodes:
            return False
        return node_id == self.node_id or any(node.id == self.node_id for node in index.ancestors(node_id))

    def _data_changed(self, measure_id: str, node_id: str) -> None:
        """A measure's data changed: only its row is computed again."""
        if self._under(node_id):
            self._changed_measures.add(measure_id)
            self._schedule()

    def _measures_changed(self, node_id: str) -> None:
        """A node's measures were added, edited or archived: only that node's rows are computed again."""
        if self._under(node_id):
            self._changed_nodes.add(node_id)
            self._schedule()

    def _changed(self, node_id: str | None) -> None:
        """The tree changed (a node added, moved, renamed, removed; a reload): everything is computed again."""
        if self.node_id is None:
            return
        self._everything = True
        self._schedule()

    def _schedule(self) -> None:
        """Refresh once after the current action, or when next shown."""
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.update_overview()

    def update_overview(self) -> None:
        """Compute the rows: all of them for a new node or after a change to the tree, else only the rows of the
        measures and nodes that changed. The first time for a node replaces the table, later it changes row by row."""
        self._stale = False
        document = self.document
        changed_measures, self._changed_measures = self._changed_measures, set()
        changed_nodes, self._changed_nodes = self._changed_nodes, set()
        everything, self._everything = self._everything, False
        if document is None or self.node_id is None or self.node_id not in document.index.nodes:
            self.overview = None
            self.model.set_rows([])
            self.heading.clear()
            self.export_button.setEnabled(False)
            return
        first = self.overview is None
        try:
            rows = None if first or everything else self._changed_rows(changed_measures, changed_nodes)
            if rows is None:
                self.overview = core.measures_overview(document.service, self.node_id)
            else:
                self.overview = replace(self.overview, rows=tuple(rows), made=date.today())
        except RegisterError as error:
            self.failed.emit(translate("Overview", "Overview failed"), str(error))
            return
        if first:
            self.model.set_rows(list(self.overview.rows))
        else:
            self.model.update_rows(list(self.overview.rows))
        self.heading.setText(core.heading(self.overview) + "  ·  " + translate("Overview", "{count} measures").format(
            count=len(self.overview.rows)))  # fmt: skip
        # A project's measures all belong to it: its "Belongs to" column would say nothing.
        self.view.setColumnHidden(COLUMNS.index("node"), self.overview.node.kind == "project")
        self.export_button.setEnabled(True)

    def _changed_rows(self, measure_ids: set[str], node_ids: set[str]) -> list[core.OverviewRow] | None:
        """The rows with those of the changed nodes and measures computed afresh; None when only a full
        computation can place them (a node's first measure)."""
        service = self.document.service
        index = self.document.index
        rows = list(self.overview.rows)
        for node_id in sorted(node_ids):
            places = [number for number, row in enumerate(rows) if row.node.id == node_id]
            if not places:
                return None
            fresh = [core.overview_row(measure, index.nodes[node_id], observations, annotations)
                     for measure, observations, annotations in service.measure_data([node_id])]  # fmt: skip
            rows = [row for row in rows if row.node.id != node_id]
            rows[places[0] : places[0]] = fresh
        for measure_id in sorted(measure_ids):
            number = next((n for n, row in enumerate(rows) if row.measure.id == measure_id), None)
            if number is None or rows[number].node.id in node_ids:
                continue  # not shown (archived), or already computed with its node
            measure = service.get_measure(measure_id)
            rows[number] = core.overview_row(measure, rows[number].node, service.observations(measure_id),
                                             service.annotations(measure_id))  # fmt: skip
        return rows

    def open_window(self) -> QDialog | None:
        """Show this node's overview in a separate, resizable window (one at a time; it follows no selection)."""
        if self.document is None or self.node_id is None:
            return None
        if self.separate_window is None:
            window = QDialog(self.window())
            window.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
            window.panel = OverviewPanel(window, detached=True)
            window.panel.set_document(self.document)
            window.panel.chartRequested.connect(self.chartRequested)
            window.panel.failed.connect(self.failed)
            QVBoxLayout(window).addWidget(window.panel)
            window.resize(1560, 650)
            self.separate_window = window
        window = self.separate_window
        window.panel.show_node(self.node_id)
        window.show()
        window.panel.update_overview()
        window.setWindowTitle(window.panel.heading.text())
        window.raise_()
        return window

    def _activated(self, index: QModelIndex) -> None:
        measure_id = index.data(MEASURE_ID_ROLE)
        node_id = index.data(NODE_ID_ROLE)
        if measure_id and node_id:
            self.chartRequested.emit(node_id, measure_id)

    def export(self) -> None:
        if self.overview is None:
            return
        name = self.overview.node.title[:50].replace("/", "-")
        path = dialogs.ask_overview_file(self, f"{name}.pdf")
        if not path:
            return
        try:
            export_overview(self.overview, Path(path), self.document.service.db.path if self.document else None)
        except (OSError, ValueError, RegisterError) as error:
            self.failed.emit(translate("Overview", "Export failed"), str(error))
