"""Painting a :class:`~register.diagram.DiagramLayout` with any QPainter: the screen, PDF, SVG, PNG, paper.

Text is drawn with a 100-pixel font scaled to its size, so measuring (for the layout) and drawing
agree on every device and PDF text stays text. Units are points (1/72 inch).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPolygonF

from register.diagram import Box, CrossLinkRoute, DiagramLayout, Point, Style, layout_diagram
from register.records import NodeRecord
from register.tree_index import TreeIndex
from register.variation_icons import VARIATION_ICONS, icon_png
from ui.icons import RAG_SHAPES, rag_shape
from ui.labels import RAG_COLOURS, rag_name, stage_name

translate = QCoreApplication.translate

FONT_FAMILY = "DejaVu Sans"
BASE_PIXELS = 100.0
KIND_FILL = {"goal": QColor("#1f4e79"), "primary": QColor("#2f75b5"), "secondary": QColor("#ddebf7"),
             "project": QColor("#ffffff")}  # fmt: skip
KIND_BORDER = {"goal": QColor("#12324f"), "primary": QColor("#1f4e79"), "secondary": QColor("#5b9bd5"),
               "project": QColor("#7f7f7f")}  # fmt: skip
KIND_TEXT = {"goal": QColor("white"), "primary": QColor("white"), "secondary": QColor("#1b1b1b"),
             "project": QColor("#1b1b1b")}  # fmt: skip
TREE_LINE = QColor("#808080")
#: The smallest text size on paper; below it the diagram is tiled over several pages.
MIN_PRINTED_FONT = 6.0
LINK_LINE = QColor("#7030a0")
SELECTED = QColor("#ff8c00")
NO_STATUS = QColor("#bfbfbf")


@cache
def base_font(bold: bool) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(int(BASE_PIXELS))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


@cache
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(base_font(bold))


def qt_measurer(text: str, size: float, bold: bool) -> float:
    """Text width in points at ``size`` points, from the font the painter uses (with 3% to spare)."""
    return _metrics(bold).horizontalAdvance(text) * size / BASE_PIXELS * 1.03


def draw_text(painter: QPainter, x: float, y: float, text: str, size: float, bold: bool = False,
              colour: QColor | None = None, italic: bool = False) -> None:  # fmt: skip
    """Draw ``text`` with its top-left at (x, y)."""
    painter.save()
    font = QFont(base_font(bold))
    font.setItalic(italic)
    painter.setFont(font)
    if colour is not None:
        painter.setPen(colour)
    scale = size / BASE_PIXELS
    painter.translate(x, y)
    painter.scale(scale, scale)
    painter.drawText(QPointF(0, _metrics(bold).ascent()), text)
    painter.restore()


def draw_rag_marker(painter: QPainter, rag: str | None, centre: QPointF, size: float) -> None:
    """The RAG shape in white on the band: circle (green), diamond (amber), square (red); a dash without status."""
    painter.save()
    if rag in RAG_SHAPES:
        painter.setPen(QPen(QColor("white"), 0.9))
        painter.setBrush(QBrush(QColor("white")))
        half = size / 2
        painter.drawPath(rag_shape(rag, QRectF(centre.x() - half, centre.y() - half, size, size)))
    else:
        half = size / 2
        painter.setPen(QPen(QColor("#555555"), 1.0))
        painter.drawLine(centre + QPointF(-half * 0.6, 0), centre + QPointF(half * 0.6, 0))
    painter.restore()


EVIDENCE_STYLE = {  # fill, symbol
    "improvement": (QColor("#2e9d4f"), "✓"),
    "worsening": (QColor("#d43c3c"), "!"),
    "signal": (QColor("#7030a0"), "~"),
    "no_signal": (QColor("#8c8c8c"), "–"),
    "too_little": (QColor("white"), "…"),
}


@cache
def _variation_image(code: str, pixels: int) -> QImage:
    return QImage.fromData(icon_png(code, pixels), "PNG")


def paint_variation_icon(painter: QPainter, code: str, centre: QPointF, size: float) -> None:
    """The NHS Making Data Count variation icon ``code``, ``size`` wide, centred on ``centre`` (crisp when
    printed: drawn from a bitmap at four times the size)."""
    image = _variation_image(code, max(16, min(256, round(size * 4))))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size), image)
    painter.restore()


def paint_evidence_badge(painter: QPainter, kind: str, centre: QPointF, size: float) -> None:
    """A round badge with a symbol (✓ improvement, ! worsening, ~ signal, – no signal, … too little data), or
    for a Making Data Count measure the NHS variation icon (``kind`` is then its code, e.g. improvement_high)."""
    if kind in VARIATION_ICONS:
        paint_variation_icon(painter, kind, centre, size)
        return
    fill, symbol = EVIDENCE_STYLE.get(kind, (QColor("white"), "?"))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#555555") if kind == "too_little" else fill.darker(130), 0.8))
    painter.setBrush(fill)
    painter.drawEllipse(centre, size / 2, size / 2)
    text_colour = QColor("#555555") if kind == "too_little" else QColor("white")
    width = qt_measurer(symbol, size * 0.75, True) / 1.03
    draw_text(painter, centre.x() - width / 2, centre.y() - size * 0.45, symbol, size * 0.75, True, text_colour)
    painter.restore()


def paint_box(painter: QPainter, box: Box, spacing: float, padding: float, band: float,
              selected: bool = False, evidence: str | None = None, badge_size: float = 10.0) -> None:  # fmt: skip
    rect = QRectF(box.x, box.y, box.width, box.height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(SELECTED if selected else KIND_BORDER[box.kind], 2.2 if selected else 0.8))
    painter.setBrush(QBrush(KIND_FILL[box.kind]))
    painter.drawRoundedRect(rect, 3, 3)
    text_x = box.x + padding
    if box.kind == "project":
        band_rect = QRectF(box.x, box.y, band, box.height)
        path = QPainterPath()
        path.addRoundedRect(rect, 3, 3)
        painter.save()
        painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
        painter.fillRect(band_rect, RAG_COLOURS.get(box.rag or "", NO_STATUS))
        painter.restore()
        draw_rag_marker(painter, box.rag, QPointF(box.x + band / 2, box.y + min(box.height / 2, 10.0)), band * 0.62)
        text_x += band
    y = box.y + padding
    for line in box.title.lines:
        draw_text(painter, text_x, y, line, box.title.font_size, box.title.bold, KIND_TEXT[box.kind])
        y += box.title.font_size * spacing
    if box.detail is not None:
        y += 2
        for line in box.detail.lines:
            draw_text(painter, text_x, y, line, box.detail.font_size, False, QColor("#595959"), italic=True)
            y += box.detail.font_size * spacing
    painter.restore()
    if evidence is not None:
        paint_evidence_badge(painter, evidence, QPointF(box.right - 1, box.y + 1), badge_size)


def _path(points: tuple[Point, ...]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    return path


def paint_connector(painter: QPainter, points: tuple[Point, ...]) -> None:
    painter.save()
    painter.setPen(QPen(TREE_LINE, 0.9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_path(points))
    painter.restore()


def link_pen(strength: str) -> QPen:
    pen = QPen(LINK_LINE, 1.0 if strength == "strong" else 0.9)
    if strength == "weak":
        pen.setDashPattern([4.0, 3.0])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def paint_cross_link(painter: QPainter, route: CrossLinkRoute) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(link_pen(route.strength))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_path(route.points))
    # An arrowhead where the link enters its target driver.
    x1 = route.points[-2][0]
    x2, y2 = route.points[-1]
    direction = -1.0 if x2 < x1 else 1.0
    tip = QPointF(x2, y2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LINK_LINE)
    painter.drawPolygon(QPolygonF([tip, tip + QPointF(-5 * direction, -2.6), tip + QPointF(-5 * direction, 2.6)]))
    painter.restore()


@dataclass(frozen=True)
class DiagramTexts:
    """Translated words the painted diagram uses."""

    headers: tuple[str, str, str, str]
    tree_line: str
    strong_link: str
    weak_link: str
    no_status: str
    rag: tuple[str, str, str]
    evidence: tuple[tuple[str, str], ...] = ()  # (kind, name) of the evidence badges


def diagram_texts() -> DiagramTexts:
    return DiagramTexts(
        headers=(translate("Diagram", "Goal"), translate("Diagram", "Primary drivers"),
                 translate("Diagram", "Secondary drivers"), translate("Diagram", "Projects")),
        tree_line=translate("Diagram", "driver / project"),
        strong_link=translate("Diagram", "also serves (strong)"),
        weak_link=translate("Diagram", "also serves (weak)"),
        no_status=translate("Diagram", "no status"),
        rag=(rag_name("green"), rag_name("amber"), rag_name("red")),
        evidence=tuple((kind, translate("Diagram", name)) for kind, name in (
            ("improvement", QT_TRANSLATE_NOOP("Diagram", "data show improvement")),
            ("worsening", QT_TRANSLATE_NOOP("Diagram", "data show worsening")),
            ("no_signal", QT_TRANSLATE_NOOP("Diagram", "no signal")),
            ("too_little", QT_TRANSLATE_NOOP("Diagram", "too little data")))),
    )  # fmt: skip


def paint_headers(painter: QPainter, layout: DiagramLayout) -> None:
    size = layout.style.header_font_size
    for header in layout.headers:
        draw_text(painter, header.x, header.y + 2, header.text, size, True, QColor("#1f4e79"))
        painter.save()
        painter.setPen(QPen(QColor("#1f4e79"), 0.8))
        painter.drawLine(
            QPointF(header.x, header.y + size * 1.6), QPointF(header.x + header.width, header.y + size * 1.6)
        )
        painter.restore()


def _legend_entries(texts: DiagramTexts) -> list[tuple[str, str, object]]:
    """(kind of swatch, text, what) for each legend entry, in order."""
    entries: list[tuple[str, str, object]] = [
        ("rag", text, rag) for rag, text in zip(("green", "amber", "red", None), (*texts.rag, texts.no_status),
                                                strict=True)]  # fmt: skip
    entries += [("line", text, pen) for pen, text in ((QPen(TREE_LINE, 0.9), texts.tree_line),
                (link_pen("strong"), texts.strong_link), (link_pen("weak"), texts.weak_link))]  # fmt: skip
    entries += [("evidence", text, kind) for kind, text in texts.evidence]
    return entries


def legend_size(texts: DiagramTexts, font: float = 7.0) -> tuple[float, float]:
    width = sum(qt_measurer(text, font, False) + 26 for _, text, _ in _legend_entries(texts))
    return width, font * 2.0


def paint_legend(painter: QPainter, x: float, y: float, texts: DiagramTexts, font: float = 7.0,
                 max_width: float | None = None) -> None:  # fmt: skip
    """The RAG markers, the three kinds of line and the evidence badges; wraps onto more rows past ``max_width``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cursor, row_y = x, y
    for swatch, text, what in _legend_entries(texts):
        width = qt_measurer(text, font, False) + 26
        if max_width is not None and cursor > x and cursor + width - 8 > x + max_width:
            cursor, row_y = x, row_y + font * 1.9
        mid = row_y + font * 0.7
        if swatch == "rag":
            box = QRectF(cursor, mid - 6, 12, 12)
            painter.fillRect(box, RAG_COLOURS.get(what or "", NO_STATUS))
            draw_rag_marker(painter, what, box.center(), 7.5)
            draw_text(painter, cursor + 15, row_y, text, font, False, QColor("#333333"))
        elif swatch == "line":
            painter.setPen(what)
            painter.drawLine(QPointF(cursor, mid), QPointF(cursor + 18, mid))
            draw_text(painter, cursor + 21, row_y, text, font, False, QColor("#333333"))
        else:
            paint_evidence_badge(painter, what, QPointF(cursor + 6, mid), 10.0)
            draw_text(painter, cursor + 15, row_y, text, font, False, QColor("#333333"))
        cursor += width
    painter.restore()


def points_box(points: tuple[Point, ...]) -> QRectF:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return QRectF(min(xs) - 6, min(ys) - 6, max(xs) - min(xs) + 12, max(ys) - min(ys) + 12)


def paint_diagram(painter: QPainter, layout: DiagramLayout, selected: str | None = None,
                  visible: QRectF | None = None, evidence: dict[str, str] | None = None) -> None:  # fmt: skip
    """Everything of the layout (or only what meets ``visible``): headers, lines under boxes, boxes on top."""
    style = layout.style
    paint_headers(painter, layout)
    for connector in layout.connectors:
        if visible is None or visible.intersects(points_box(connector.points)):
            paint_connector(painter, connector.points)
    for route in layout.cross_links:
        if visible is None or visible.intersects(points_box(route.points)):
            paint_cross_link(painter, route)
    for box in layout.boxes.values():
        reach = style.badge_overhang
        if visible is None or visible.intersects(QRectF(box.x - 3, box.y - reach, box.width + 3 + reach,
                                                        box.height + 3 + reach)):  # fmt: skip
            paint_box(painter, box, style.line_spacing, style.padding, style.rag_band, box.node_id == selected,
                      (evidence or {}).get(box.node_id), style.badge_size)  # fmt: skip


def project_detail(node: NodeRecord) -> str:
    """The line under a project's title: its stage (translated) and lead."""
    return " · ".join(part for part in (stage_name(node.stage), node.lead) if part)


def build_layout(tree: TreeIndex, goal_ids: list[str] | None = None, width_factor: float = 1.0) -> DiagramLayout:
    """The layout with the painter's font metrics and translated headers; ``width_factor`` widens the boxes."""
    style = Style()
    style = replace(style, box_widths=tuple(width * width_factor for width in style.box_widths),
                    column_gap=style.column_gap * width_factor)  # fmt: skip
    return layout_diagram(tree, goal_ids, measure=qt_measurer, headers=diagram_texts().headers, detail=project_detail,
                          style=style)  # fmt: skip


def layout_for_page(
    tree: TreeIndex, goal_ids: list[str] | None, page_width: float, page_height: float
) -> DiagramLayout:
    """The layout whose boxes are widened (up to 2x) so the diagram fills the page with the largest text."""
    compact = build_layout(tree, goal_ids)
    best, best_text = compact, min(page_width / compact.width, page_height / compact.height) * compact.smallest_font
    for factor in (1.2, 1.4, 1.6, 1.8, 2.0):
        layout = build_layout(tree, goal_ids, factor)
        text = min(page_width / layout.width, page_height / layout.height) * layout.smallest_font
        if text > best_text * 1.02:  # wider boxes only for a real gain
            best, best_text = layout, text
    # When even the best fit prints text under 6 pt, the diagram is tiled: the compact layout takes fewest pages.
    return best if best_text >= MIN_PRINTED_FONT else compact


def goal_label(tree: TreeIndex, goal_ids: list[str] | None) -> str:
    if goal_ids and len(goal_ids) == 1:
        return tree.nodes[goal_ids[0]].title
    return translate("Diagram", "All goals")
