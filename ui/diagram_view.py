"""The Diagram tab: the driver diagram on screen, with zoom, pan, a goal picker and selection in step with the tree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QShortcut, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from register.diagram import Box, DiagramLayout
from ui.diagram_paint import (
    build_layout,
    draw_text,
    paint_box,
    paint_connector,
    paint_cross_link,
    paint_headers,
    points_box,
)
from ui.document import RegisterDocument
from ui.evidence import evidence_tooltip
from ui.labels import HIGHLIGHT_COLOUR, REQUEST_COLOUR, date_text, kind_name, progress_text, rag_name

translate = QCoreApplication.translate
ALL_GOALS = ""


class BoxItem(QGraphicsItem):
    """One node's box; selectable, with a tooltip."""

    def __init__(self, box: Box, layout: DiagramLayout, tooltip: str, evidence: str | None = None) -> None:
        super().__init__()
        self.box = box
        self.evidence = evidence
        self.request = False
        self.highlighted = False
        self.style = layout.style
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tooltip)
        self.setZValue(2)

    @property
    def node_id(self) -> str:
        return self.box.node_id

    def boundingRect(self) -> QRectF:  # noqa: N802
        reach = max(6.0, self.style.badge_overhang)  # the evidence badge stands out at the top-right corner
        return QRectF(self.box.x - 6, self.box.y - reach, self.box.width + 6 + reach, self.box.height + 6 + reach)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style = self.style
        box = self.box
        if self.highlighted:  # changed since the last meeting
            painter.fillRect(QRectF(box.x - 5, box.y - 5, box.width + 10, box.height + 10), HIGHLIGHT_COLOUR)
        paint_box(painter, box, style.line_spacing, style.padding, style.rag_band, self.isSelected(),
                  self.evidence, style.badge_size)  # fmt: skip
        if self.request:  # an open request for help: a purple "?" badge on the box's top-left corner
            painter.save()
            painter.setPen(QPen(REQUEST_COLOUR.darker(130), 0.8))
            painter.setBrush(REQUEST_COLOUR)
            painter.drawEllipse(QPointF(box.x + 1, box.y + 1), 5.5, 5.5)
            draw_text(painter, box.x - 1.6, box.y - 4.2, "?", 7.5, True, QColor("white"))
            painter.restore()


class LinesItem(QGraphicsItem):
    """All tree lines, cross-links and the column headers, in one item under the boxes."""

    def __init__(self, layout: DiagramLayout) -> None:
        super().__init__()
        self.layout = layout
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect: paint what shows

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-10, -10, self.layout.width + 20, self.layout.height + 20)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        visible = option.exposedRect
        paint_headers(painter, self.layout)
        for connector in self.layout.connectors:
            if visible.intersects(points_box(connector.points)):
                paint_connector(painter, connector.points)
        for route in self.layout.cross_links:
            if visible.intersects(points_box(route.points)):
                paint_cross_link(painter, route)


class DiagramScene(QGraphicsScene):
    nodeActivated = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout: DiagramLayout | None = None
        self.items_by_node: dict[str, BoxItem] = {}

    def show_layout(
        self, layout: DiagramLayout, tooltips: dict[str, str], evidence: dict[str, str] | None = None
    ) -> None:
        self.clear()
        self.layout = layout
        self.items_by_node = {}
        self.addItem(LinesItem(layout))
        for box in layout.boxes.values():
            item = BoxItem(box, layout, tooltips.get(box.node_id, ""), (evidence or {}).get(box.node_id))
            self.addItem(item)
            self.items_by_node[box.node_id] = item
        self.setSceneRect(QRectF(-20, -20, layout.width + 40, layout.height + 40))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), QTransform())
        if isinstance(item, BoxItem):
            self.nodeActivated.emit(item.node_id)
            return
        super().mouseDoubleClickEvent(event)


class DiagramView(QGraphicsView):
    """Wheel zooms around the mouse, dragging pans, Ctrl+0 fits."""

    zoomChanged = Signal(float)  # noqa: N815

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(Qt.GlobalColor.white)

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(0.05, min(factor, 8.0))
        self.setTransform(QTransform.fromScale(factor, factor))
        self.zoomChanged.emit(factor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self.zoom() * (1.15**steps))
            event.accept()

    def fit(self) -> None:
        if self.scene() is not None and not self.sceneRect().isEmpty():
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomChanged.emit(self.zoom())


class DiagramPanel(QWidget):
    """The Diagram tab. ``nodeSelected`` follows clicks; ``nodeActivated`` is a double-click (open the editor)."""

    nodeSelected = Signal(str)  # noqa: N815
    nodeActivated = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: RegisterDocument | None = None
        self.scene = DiagramScene(self)
        self.view = DiagramView(self.scene)
        self.goal_combo = QComboBox()
        self.goal_combo.setMinimumContentsLength(30)
        self.goal_combo.currentIndexChanged.connect(lambda _index: self.rebuild(fit=True))
        self.zoom_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("DiagramPanel", "Goal:")))
        bar.addWidget(self.goal_combo, 1)
        for text, tip, slot in (
            ("−", translate("DiagramPanel", "Zoom out (Ctrl+-)"), lambda: self.view.set_zoom(self.view.zoom() / 1.25)),
            ("+", translate("DiagramPanel", "Zoom in (Ctrl++)"), lambda: self.view.set_zoom(self.view.zoom() * 1.25)),
            (translate("DiagramPanel", "Fit"), translate("DiagramPanel", "Fit the diagram in the window (Ctrl+0)"),
             self.view.fit),
        ):  # fmt: skip
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        for keys, slot in (("Ctrl+0", self.view.fit), ("Ctrl++", lambda: self.view.set_zoom(self.view.zoom() * 1.25)),
                           ("Ctrl+=", lambda: self.view.set_zoom(self.view.zoom() * 1.25)),
                           ("Ctrl+-", lambda: self.view.set_zoom(self.view.zoom() / 1.25))):  # fmt: skip
            QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.zoomChanged.connect(lambda zoom: self.zoom_label.setText(f"{zoom * 100:.0f} %"))
        self.scene.selectionChanged.connect(self._on_scene_selection)
        self.scene.nodeActivated.connect(self.nodeActivated)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(100)
        self._rebuild_timer.timeout.connect(self.rebuild)
        self._syncing = False
        # The node selected from the tree or by a click (its box is selected again after each redraw).
        self._selected_id: str | None = None
        self._fit_when_shown = True
        self._dirty = True
        self.requests: set[str] = set()
        self.highlighted: set[str] = set()

    def set_document(self, document: RegisterDocument) -> None:
        self.document = document
        for signal in (document.nodeAdded, document.nodeChanged, document.nodeMoved, document.nodeRemoved,
                       document.linkAdded, document.linkRemoved, document.linkChanged, document.statusChanged,
                       document.reloaded, document.evidenceChanged):  # fmt: skip
            signal.connect(self._changed)
        self._fill_goals()
        self._dirty = True
        self._fit_when_shown = True  # another register: fitted to the view, whatever the last one's zoom was
        if self.isVisible():
            self.rebuild(fit=True)

    def _changed(self, *_args: object) -> None:
        """The register changed: redraw soon (several changes at once make one redraw); later if hidden."""
        self._dirty = True
        self._fill_goals()
        if self.isVisible():
            self._rebuild_timer.start()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.rebuild(fit=self._fit_when_shown)

    def _fill_goals(self) -> None:
        if self.document is None:
            return
        tree = self.document.index
        goals = [(tree.nodes[g].title, g) for g in tree.child_ids(None)]
        current = self.goal_combo.currentData()
        wanted = [(translate("DiagramPanel", "All goals"), ALL_GOALS), *goals]
        if wanted == [
            (self.goal_combo.itemText(i), self.goal_combo.itemData(i)) for i in range(self.goal_combo.count())
        ]:
            return
        self.goal_combo.blockSignals(True)
        self.goal_combo.clear()
        for text, data in wanted:
            self.goal_combo.addItem(text, data)
        self.goal_combo.setCurrentIndex(max(0, self.goal_combo.findData(current)))
        self.goal_combo.blockSignals(False)

    def set_marks(self, requests: set[str], highlighted: set[str]) -> None:
        """Mark boxes with an open request for help and highlight those changed since the last meeting."""
        self.requests, self.highlighted = set(requests), set(highlighted)
        self._apply_marks()

    def _apply_marks(self) -> None:
        for node_id, item in self.scene.items_by_node.items():
            request, highlighted = node_id in self.requests, node_id in self.highlighted
            if (item.request, item.highlighted) != (request, highlighted):
                item.request, item.highlighted = request, highlighted
                item.update()

    def goal_ids(self) -> list[str] | None:
        goal = self.goal_combo.currentData()
        return [goal] if goal else None

    def rebuild(self, fit: bool = False) -> None:
        if self.document is None:
            return
        selected = self._selected_id
        layout = build_layout(self.document.index, self.goal_ids())
        evidence = {node_id: found.marker for node_id, found in self.document.evidence.items()}
        self.scene.show_layout(layout, self._tooltips(layout), evidence)
        self._apply_marks()
        self._dirty = False
        if selected:
            self.select_node(selected, scroll=False)
        if fit:
            self.view.fit()
            self._fit_when_shown = False

    def _tooltips(self, layout: DiagramLayout) -> dict[str, str]:
        tree = self.document.index
        tree_evidence = self.document.evidence
        tips = {}
        for node_id in layout.boxes:
            node = tree.nodes[node_id]
            lines = [node.title, kind_name(node.kind).capitalize()]
            status = tree.latest_status.get(node_id)
            if status is not None:
                lines.append(f"{date_text(status.date)}: {rag_name(status.rag)} {progress_text(status.progress)}")
            if node_id in tree_evidence:
                lines.append(evidence_tooltip(tree_evidence[node_id]))
            tips[node_id] = "\n".join(lines)
        return tips

    def selected_node(self) -> str | None:
        items = [item for item in self.scene.selectedItems() if isinstance(item, BoxItem)]
        return items[0].node_id if items else None

    def select_node(self, node_id: str | None, scroll: bool = True) -> None:
        """Select the node's box (from the tree); no signal back. Kept while the diagram is hidden and not drawn:
        its box is selected when it is."""
        self._selected_id = node_id
        self._syncing = True
        try:
            self.scene.clearSelection()
            item = self.scene.items_by_node.get(node_id or "")
            if item is not None:
                item.setSelected(True)
                if scroll:
                    self.view.ensureVisible(item, 40, 40)
        finally:
            self._syncing = False

    def _on_scene_selection(self) -> None:
        if self._syncing:
            return
        # The box just selected: with the earlier one still selected (Ctrl+click, or a program), not that one.
        selected = [item.node_id for item in self.scene.selectedItems() if isinstance(item, BoxItem)]
        node_id = next((found for found in selected if found != self._selected_id), selected[0] if selected else None)
        self._selected_id = node_id
        if node_id:
            self.nodeSelected.emit(node_id)
