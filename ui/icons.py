"""Icons: the shipped SVGs (sharp at any device-pixel ratio) and RAG dots drawn in code."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF

from resources import resource_path
from ui.labels import RAG_COLOURS


@cache
def icon(name: str) -> QIcon:
    """A shipped icon from ``resources/icons/NAME.svg``."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


#: RAG shapes that read without colour (and in any language): circle, diamond, square.
RAG_SHAPES = {"green": "circle", "amber": "diamond", "red": "square"}


def rag_shape(rag: str | None, rect: QRectF) -> QPainterPath:
    """The RAG shape filling ``rect``: a circle (green), a diamond (amber) or a smaller square (red)."""
    path = QPainterPath()
    shape = RAG_SHAPES.get(rag or "", "circle")
    if shape == "square":
        inset = rect.width() * 0.12
        path.addRect(rect.adjusted(inset, inset, -inset, -inset))
    elif shape == "diamond":
        centre = rect.center()
        half = rect.width() / 2
        path.addPolygon(QPolygonF([centre + QPointF(0, -half), centre + QPointF(half, 0),
                                   centre + QPointF(0, half), centre + QPointF(-half, 0)]))  # fmt: skip
        path.closeSubpath()
    else:
        path.addEllipse(rect)
    return path


def painted_icon(size: int, paint: Callable[[QPainter], None]) -> QIcon:
    """An icon painted in code, sharp at device-pixel ratios 1 to 3."""
    result = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


@cache
def rag_icon(rag: str, size: int = 16) -> QIcon:
    """The RAG colour in a shape of its own (green circle, amber diamond, red square) for colour-blind readers."""
    colour = RAG_COLOURS.get(rag, QColor("#999999"))

    def paint(painter: QPainter) -> None:
        painter.setPen(colour.darker(140))
        painter.setBrush(colour)
        painter.drawPath(rag_shape(rag, QRectF(2, 2, size - 4, size - 4)))

    return painted_icon(size, paint)


@cache
def evidence_icon(kind: str, size: int = 16) -> QIcon:
    """The evidence badge of the diagram as an icon for the tree."""
    from ui.diagram_paint import paint_evidence_badge

    return painted_icon(
        size, lambda painter: paint_evidence_badge(painter, kind, QPointF(size / 2, size / 2), size - 3)
    )
