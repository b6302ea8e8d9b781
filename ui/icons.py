"""Icons: the shipped SVGs (sharp at any device-pixel ratio) and RAG dots drawn in code."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from resources import resource_path
from ui.labels import RAG_COLOURS


@cache
def icon(name: str) -> QIcon:
    """A shipped icon from ``resources/icons/NAME.svg``."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


@cache
def rag_icon(rag: str, size: int = 16) -> QIcon:
    """A filled circle in the RAG colour, with the letter for colour-blind readers."""
    result = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = RAG_COLOURS.get(rag, QColor("#999999"))
        painter.setPen(colour.darker(130))
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
        font = painter.font()
        font.setPixelSize(int(size * 0.6))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, rag[:1].upper())
        painter.end()
        result.addPixmap(pixmap)
    return result
