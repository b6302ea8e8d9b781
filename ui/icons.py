"""Icons: the shipped SVGs (sharp at any device-pixel ratio) and RAG dots drawn in code."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from resources import resource_path
from ui.labels import RAG_COLOURS


@cache
def icon(name: str) -> QIcon:
    """A shipped icon from ``resources/icons/NAME.svg``."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


#: RAG shapes that read without colour (and in any language): circle, diamond, square.
RAG_SHAPES = {"green": "circle", "amber": "diamond", "red": "square"}


@cache
def rag_icon(rag: str, size: int = 16) -> QIcon:
    """The RAG colour in a shape of its own (green circle, amber diamond, red square) for colour-blind readers."""
    result = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = RAG_COLOURS.get(rag, QColor("#999999"))
        painter.setPen(colour.darker(140))
        painter.setBrush(colour)
        shape = RAG_SHAPES.get(rag, "circle")
        inset = QRectF(2, 2, size - 4, size - 4)
        if shape == "square":
            painter.drawRect(inset.adjusted(1, 1, -1, -1))
        elif shape == "diamond":
            centre = inset.center()
            half = inset.width() / 2 + 0.5
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(centre.x(), centre.y() - half),
                        QPointF(centre.x() + half, centre.y()),
                        QPointF(centre.x(), centre.y() + half),
                        QPointF(centre.x() - half, centre.y()),
                    ]
                )
            )
        else:
            painter.drawEllipse(inset)
        painter.end()
        result.addPixmap(pixmap)
    return result


@cache
def evidence_icon(kind: str, size: int = 16) -> QIcon:
    """The evidence badge of the diagram as an icon for the tree."""
    from PySide6.QtCore import QPointF as Point

    from ui.diagram_paint import paint_evidence_badge

    result = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_evidence_badge(painter, kind, Point(size / 2, size / 2), size - 3)
        painter.end()
        result.addPixmap(pixmap)
    return result
