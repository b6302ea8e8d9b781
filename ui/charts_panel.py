"""The Charts section of the node editor: each measure's chart (and a project's progress chart) with its reading.

The charts' words come from the core's catalogue (:mod:`register.i18n`), in the language the window set.

matplotlib is imported here, when charts are first shown, not at start-up. Charts are built one per
turn of the event loop, so a node with many measures never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from register import charts
from register.errors import RegisterError
from ui import dialogs
from ui.document import RegisterDocument
from ui.labels import stage_name

translate = QCoreApplication.translate


class ChartWidget(QWidget):
    """One chart with its reading below; the panel makes its Figure and FigureCanvasQTAgg when it scrolls into
    view, so a node with many measures opens at once. Right-click exports it."""

    exportRequested = Signal(object)  # noqa: N815 - the Figure
    HEIGHT = 290

    def __init__(self, make_figure: Callable[[], Any], reading: str = "", figures: str = "", kind: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._make_figure = make_figure
        self._figure: Any = None
        self.canvas: Any = None
        self.drawn = False
        self.kind = kind
        self.placeholder = QLabel(translate("ChartsPanel", "Drawing…"))
        self.placeholder.setFixedHeight(self.HEIGHT)
        self.placeholder.setStyleSheet("color: #8c8c8c; background: white;")
        self.reading = QLabel(reading)
        self.reading.setWordWrap(True)
        self.reading.setStyleSheet("font-weight: 600;")
        self.figures = QLabel(figures)
        self.figures.setWordWrap(True)  # its lines (figures, earlier periods, notes) never widen the panel
        self.figures.setStyleSheet("color: #555;")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 4, 0, 10)
        self.box.addWidget(self.placeholder)
        if reading:
            self.box.addWidget(self.reading)
        if figures:
            self.box.addWidget(self.figures)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    @property
    def figure(self) -> Any:
        self.ensure_canvas()
        return self._figure

    def ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self._figure = self._make_figure()
        self.canvas = FigureCanvasQTAgg(self._figure)
        self.canvas.setFixedHeight(self.HEIGHT)
        self.canvas.setMinimumWidth(360)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._menu)
        self.canvas.mpl_connect("draw_event", lambda _event: setattr(self, "drawn", True))
        self.box.replaceWidget(self.placeholder, self.canvas)
        self.placeholder.deleteLater()

    def _menu(self, position: Any) -> None:
        menu = QMenu(self)
        menu.addAction(translate("ChartsPanel", "Export chart…"), lambda: self.exportRequested.emit(self.figure))
        menu.exec(self.mapToGlobal(position))


class ChartsPanel(QWidget):
    failed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: RegisterDocument | None = None
        self.node_id: str | None = None
        self.widgets: list[ChartWidget] = []
        self._queue: list[Any] = []
        self.export_all = QPushButton(translate("ChartsPanel", "Export all charts (PDF)…"))
        self.export_all.clicked.connect(self.export_project)
        self.empty = QLabel(translate("ChartsPanel", "This node has no measures yet. Add one under Measures and data."))
        self.empty.setWordWrap(True)
        self.inner = QWidget()
        self.inner_layout = QVBoxLayout(self.inner)
        self.inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        self.scroll = scroll
        scroll.verticalScrollBar().valueChanged.connect(lambda _value: self._draw_in_view_soon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.export_all, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_next)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(150)
        self._refresh.timeout.connect(self.rebuild)
        self._stale = True
        self._in_view_timer = QTimer(self)
        self._in_view_timer.setSingleShot(True)
        self._in_view_timer.setInterval(0)
        self._in_view_timer.timeout.connect(self.draw_in_view)

    def _draw_in_view_soon(self) -> None:
        self._in_view_timer.start()

    def draw_in_view(self) -> None:
        """Make the figures of the charts in the viewport. Their places come from the stacked heights, which are
        known before the layout has placed the widgets (their geometry is not yet to be trusted then)."""
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        margins = self.inner_layout.contentsMargins()
        y = margins.top()
        for widget in self.widgets:
            height = widget.sizeHint().height()
            if widget.canvas is None and y < bottom and y + height > top:
                widget.ensure_canvas()
            y += height + self.inner_layout.spacing()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._draw_in_view_soon()

    def set_document(self, document: RegisterDocument | None) -> None:
        self.document = document
        if document is not None:
            document.dataChanged.connect(lambda _m, node_id: self._changed(node_id))
            document.measuresChanged.connect(self._changed)
            document.statusChanged.connect(self._changed)
            document.nodeChanged.connect(self._changed)
        self.show_node(None)

    def show_node(self, node_id: str | None) -> None:
        self.node_id = node_id
        self._stale = True
        if self.isVisible():
            self.rebuild()

    def _changed(self, node_id: str) -> None:
        if node_id == self.node_id:
            self._stale = True
            if self.isVisible():
                self._refresh.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.rebuild()

    def rebuild(self) -> None:
        """Drop the charts shown and queue the node's charts; they appear one per event-loop turn."""
        self._stale = False
        for widget in self.widgets:
            widget.setParent(None)
            widget.deleteLater()
        self.widgets = []
        self._queue = []
        node = self.document.index.nodes.get(self.node_id) if self.document and self.node_id else None
        self.export_all.setVisible(node is not None and node.kind == "project")
        if node is None:
            self.empty.setVisible(False)
            return
        measures = self.document.service.list_measures(node.id)
        self.empty.setVisible(not measures and node.kind != "project")
        if node.kind == "project":
            self._queue.append(("progress", node.id))
        self._queue += [("measure", measure) for measure in measures]
        self._timer.start()

    def build_all(self) -> None:
        """Build every queued chart now (tests, benchmarks)."""
        while self._queue:
            self._build_next()

    def _build_next(self) -> None:
        if not self._queue:
            return
        what, item = self._queue.pop(0)
        service = self.document.service
        if what == "progress":
            node = service.get_node(item)
            statuses = service.status_history(item)
            changes = charts.stage_changes(service.audit_trail(item))

            def progress() -> Any:
                figure = charts.new_figure(7.0, 3.0)
                charts.draw_progress(figure, statuses, changes, node.title, stage_name=stage_name)
                return figure

            widget = ChartWidget(progress, kind="progress")
        else:
            data = charts.chart_data(item, service.observations(item.id), service.annotations(item.id))

            def measure_chart(data: charts.ChartData = data) -> Any:
                figure = charts.new_figure(7.0, 3.0)
                charts.draw_chart(figure, data)
                return figure

            reading = charts.read_chart(data)
            figures = "\n".join(part for part in (reading.figures, reading.history) if part)
            widget = ChartWidget(measure_chart, reading.sentence, figures, reading.kind)
            widget.measure = item
        widget.exportRequested.connect(self.export_figure)
        self.inner_layout.insertWidget(self.inner_layout.count() - 1, widget)
        self.widgets.append(widget)
        if self._queue:
            self._timer.start()
        self._draw_in_view_soon()

    def focus_measure(self, measure_id: str) -> ChartWidget | None:
        """Build the node's charts now and scroll to the chart of ``measure_id`` (from the measures overview)."""
        if self._stale:
            self.rebuild()
        self.build_all()
        widget = next((w for w in self.widgets if getattr(w, "measure", None) and w.measure.id == measure_id), None)
        if widget is not None:
            widget.ensure_canvas()
            QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(widget.y()))
        return widget

    def export_figure(self, figure: Any) -> None:
        path = dialogs.ask_chart_file(self, "chart.png")
        if not path:
            return
        try:
            charts.save_figure(figure, Path(path))
        except (OSError, ValueError, RegisterError) as error:
            self.failed.emit(translate("ChartsPanel", "Export failed"), str(error))

    def export_project(self) -> None:
        if self.document is None or self.node_id is None:
            return
        node = self.document.index.nodes[self.node_id]
        path = dialogs.ask_chart_file(self, f"{node.title[:50]}.pdf", pdf_only=True)
        if not path:
            return
        try:
            charts.export_project_pdf(self.document.service, node.id, Path(path), stage_name=stage_name)
        except (OSError, ValueError, RegisterError) as error:
            self.failed.emit(translate("ChartsPanel", "Export failed"), str(error))
