"""The driver diagram on paper: PDF (vector, fonts embedded, selectable text), SVG, PNG and the printer.

A page is the diagram area plus a title block (register title, goal, date printed, page n of m
and a legend). "Fit to one page" scales the diagram to the page; when that would print text
smaller than 6 pt, or when tiling is asked for, the diagram is cut into overlapping tiles with
page numbers and overlap marks. Files are written to a temporary name and renamed when complete.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from register.diagram import DiagramLayout
from register.errors import RegisterError
from register.safe_output import write_output
from ui.diagram_paint import (
    MIN_PRINTED_FONT,
    DiagramTexts,
    draw_text,
    legend_size,
    paint_diagram,
    paint_legend,
    qt_measurer,
)
from ui.labels import date_text

translate = QCoreApplication.translate

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2}
ORIENTATIONS = ("landscape", "portrait")
FORMATS = (".pdf", ".svg", ".png")
MARGIN = 28.35  # 10 mm
TITLE_BLOCK = 52.0
OVERLAP = 24.0
PDF_RESOLUTION = 1200


class ExportError(RegisterError):
    """The diagram could not be written (bad file name, folder not writable, nothing to draw)."""


@dataclass(frozen=True)
class PageSetup:
    page: str = "A3"
    orientation: str = "landscape"
    tile: bool = False

    def size(self) -> QSizeF:
        """The page in points, turned to the orientation."""
        size = QPageSize(PAGE_SIZES[self.page]).size(QPageSize.Unit.Point)
        width, height = sorted((size.width(), size.height()))
        return QSizeF(height, width) if self.orientation == "landscape" else QSizeF(width, height)


@dataclass(frozen=True)
class TitleBlock:
    register_title: str
    goal_label: str
    printed: date = field(default_factory=date.today)


@dataclass(frozen=True)
class PagePlan:
    """How the diagram is put on pages: its scale and the part of it each page shows."""

    scale: float
    tiles: tuple[tuple[QRectF, int, int], ...]  # (source rect in layout points, row, column)
    area: QRectF
    tiled: bool

    @property
    def pages(self) -> int:
        return len(self.tiles)


def diagram_area(page: QSizeF) -> QRectF:
    return QRectF(MARGIN, MARGIN, page.width() - 2 * MARGIN, page.height() - 2 * MARGIN - TITLE_BLOCK)


def plan_pages(layout: DiagramLayout, page: QSizeF, tile: bool = False) -> PagePlan:
    """Fit on one page unless asked to tile or unless the text would print smaller than 6 pt."""
    area = diagram_area(page)
    width, height = max(layout.width, 1.0), max(layout.height, 1.0)
    fit = min(area.width() / width, area.height() / height, 1.5)
    smallest = layout.smallest_font
    if not tile and fit * smallest >= MIN_PRINTED_FONT - 1e-9:
        return PagePlan(fit, ((QRectF(0, 0, width, height), 1, 1),), area, False)
    # Asked to tile: print at natural size (or larger, for 6 pt); tiled because of small text: exactly 6 pt.
    scale = max(MIN_PRINTED_FONT / smallest, 1.0) if tile else MIN_PRINTED_FONT / smallest
    tile_w, tile_h = area.width() / scale, area.height() / scale
    overlap = OVERLAP / scale
    columns = max(1, math.ceil((width - overlap) / (tile_w - overlap)))
    rows = max(1, math.ceil((height - overlap) / (tile_h - overlap)))
    tiles = tuple(
        (QRectF(c * (tile_w - overlap), r * (tile_h - overlap), tile_w, tile_h), r + 1, c + 1)
        for r in range(rows)
        for c in range(columns)
    )
    return PagePlan(scale, tiles, area, True)


def paint_page(painter: QPainter, layout: DiagramLayout, plan: PagePlan, number: int, page: QSizeF,
               title: TitleBlock, texts: DiagramTexts, evidence: dict[str, str] | None = None) -> None:  # fmt: skip
    """Page ``number`` (0-based) in points, origin at the page's top-left corner."""
    source, row, column = plan.tiles[number]
    area = plan.area
    painter.save()
    painter.setClipRect(area)
    painter.translate(area.x() - source.x() * plan.scale, area.y() - source.y() * plan.scale)
    painter.scale(plan.scale, plan.scale)
    paint_diagram(painter, layout, visible=source, evidence=evidence)
    painter.restore()
    if plan.tiled:
        _overlap_marks(painter, plan, source, area, layout)
    _title_block(painter, plan, number, page, title, texts, row, column)


def _overlap_marks(painter: QPainter, plan: PagePlan, source: QRectF, area: QRectF, layout: DiagramLayout) -> None:
    """Dashed lines where the next page's content starts, so the sheets can be overlapped and taped."""
    painter.save()
    pen = QPen(QColor("#c00000"), 0.6)
    pen.setDashPattern([3, 3])
    painter.setPen(pen)
    inset = OVERLAP
    if source.right() < layout.width:  # a page to the right
        x = area.right() - inset
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
    if source.left() > 0:
        x = area.left() + inset
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
    if source.bottom() < layout.height:  # a page below
        y = area.bottom() - inset
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
    if source.top() > 0:
        y = area.top() + inset
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
    painter.restore()


def _title_block(painter: QPainter, plan: PagePlan, number: int, page: QSizeF, title: TitleBlock,
                 texts: DiagramTexts, row: int, column: int) -> None:  # fmt: skip
    top = page.height() - MARGIN - TITLE_BLOCK + 8
    left, right = MARGIN, page.width() - MARGIN
    painter.save()
    painter.setPen(QPen(QColor("#1f4e79"), 0.8))
    painter.drawLine(QPointF(left, top - 4), QPointF(right, top - 4))
    painter.restore()
    draw_text(painter, left, top, title.register_title, 10.0, True, QColor("#1f4e79"))
    draw_text(painter, left, top + 14, title.goal_label, 8.0, False, QColor("#333333"))
    pages = translate("DiagramExport", "Page {page} of {pages}").format(page=number + 1, pages=plan.pages)
    if plan.tiled:
        pages += " · " + translate("DiagramExport", "row {row}, column {column}").format(row=row, column=column)
    printed = translate("DiagramExport", "Printed {date}").format(date=date_text(title.printed))
    for offset, text in ((0, printed), (14, pages)):
        width = qt_measurer(text, 8.0, False)
        draw_text(painter, right - width, top + offset, text, 8.0, False, QColor("#333333"))
    legend_width, _ = legend_size(texts)
    title_width = max(qt_measurer(title.register_title, 10.0, True), qt_measurer(title.goal_label, 8.0, False))
    legend_x = max(left + title_width + 24, (page.width() - legend_width) / 2)
    right_width = max(qt_measurer(printed, 8.0, False), qt_measurer(pages, 8.0, False))
    if legend_x + legend_width <= right - right_width - 16:
        paint_legend(painter, legend_x, top + 4, texts)
    else:  # a narrow page: the legend goes on its own lines
        paint_legend(painter, left, top + 26, texts, font=6.5, max_width=right - left)


def check_output(path: Path) -> None:
    if path.suffix.lower() not in FORMATS:
        raise ExportError(translate("DiagramExport", "{name}: the file must end in .pdf, .svg or .png.").format(
            name=path.name))  # fmt: skip
    if path.is_dir():
        message = translate("DiagramExport", "{path} is a folder; give a file name ending in .pdf, .svg or .png.")
        raise ExportError(message.format(path=path))
    if not path.parent.exists():
        raise ExportError(translate("DiagramExport", "The folder {folder} does not exist.").format(folder=path.parent))


def export_diagram(layout: DiagramLayout, path: Path, setup: PageSetup, title: TitleBlock, texts: DiagramTexts,
                   dpi: int = 200, evidence: dict[str, str] | None = None,
                   register: Path | None = None) -> int:  # fmt: skip
    """Write the diagram to ``path`` (.pdf, .svg or .png); returns the number of pages written.

    SVG and PNG hold one page (the diagram fitted to it); PDF tiles when asked or needed. The file is written
    beside ``path`` and renamed over it when complete; ``register`` (the open register file) is never replaced.
    """
    path = Path(path)
    check_output(path)
    if not layout.boxes:
        raise ExportError(translate("DiagramExport", "There is nothing to draw: the register has no goal."))
    page = setup.size()
    suffix = path.suffix.lower()
    plan = plan_pages(layout, page, setup.tile if suffix == ".pdf" else False)
    if suffix != ".pdf" and plan.tiled:  # one picture: fit it, whatever the size of the text
        plan = PagePlan(min(plan.area.width() / layout.width, plan.area.height() / layout.height),
                        ((QRectF(0, 0, layout.width, layout.height), 1, 1),), plan.area, False)  # fmt: skip

    def write(temporary: Path) -> None:
        if suffix == ".pdf":
            _write_pdf(temporary, layout, plan, page, setup, title, texts, evidence)
        elif suffix == ".svg":
            _write_svg(temporary, layout, plan, page, title, texts, evidence)
        else:
            _write_png(temporary, layout, plan, page, title, texts, dpi, evidence)

    write_output(path, write, register)
    return plan.pages


def _painter(device: object, what: Path) -> QPainter:
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError(translate("DiagramExport", "Cannot write {what}: the file cannot be created there.").format(
            what=what))  # fmt: skip
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return painter


def _write_pdf(path: Path, layout: DiagramLayout, plan: PagePlan, page: QSizeF, setup: PageSetup,
               title: TitleBlock, texts: DiagramTexts, evidence: dict[str, str] | None = None) -> None:  # fmt: skip
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(QPageLayout(
        QPageSize(PAGE_SIZES[setup.page]),
        QPageLayout.Orientation.Landscape if setup.orientation == "landscape" else QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    ))  # fmt: skip
    writer.setTitle(f"{title.register_title} – {title.goal_label}")
    writer.setCreator("Improvement Register")
    painter = _painter(writer, path)
    painter.scale(PDF_RESOLUTION / 72, PDF_RESOLUTION / 72)
    for number in range(plan.pages):
        if number:
            writer.newPage()
        paint_page(painter, layout, plan, number, page, title, texts, evidence)
    painter.end()


def _write_svg(path: Path, layout: DiagramLayout, plan: PagePlan, page: QSizeF, title: TitleBlock,
               texts: DiagramTexts, evidence: dict[str, str] | None = None) -> None:  # fmt: skip
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(page.width()), round(page.height())))
    generator.setViewBox(QRectF(0, 0, page.width(), page.height()))
    generator.setResolution(72)
    generator.setTitle(f"{title.register_title} – {title.goal_label}")
    generator.setDescription("Driver diagram, Improvement Register")
    painter = _painter(generator, path)
    paint_page(painter, layout, plan, 0, page, title, texts, evidence)
    painter.end()


def _write_png(path: Path, layout: DiagramLayout, plan: PagePlan, page: QSizeF, title: TitleBlock,
               texts: DiagramTexts, dpi: int, evidence: dict[str, str] | None = None) -> None:  # fmt: skip
    scale = dpi / 72
    image = QImage(round(page.width() * scale), round(page.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = _painter(image, path)
    painter.scale(scale, scale)
    paint_page(painter, layout, plan, 0, page, title, texts, evidence)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise ExportError(translate("DiagramExport", "Cannot write {path}.").format(path=path))


def print_diagram(printer: object, layout: DiagramLayout, tile: bool, title: TitleBlock, texts: DiagramTexts,
                  evidence: dict[str, str] | None = None) -> None:  # fmt: skip
    """Paint the pages on a QPrinter (print or print preview), in the printer's page size and orientation.

    The page is used as the PDF uses it: the whole sheet, with this module's own margins and title block (a
    printer's default margins would move the drawing and cut its right and bottom edges).
    """
    printer.setFullPage(True)
    rect = printer.pageLayout().fullRectPoints()
    page = QSizeF(rect.width(), rect.height())
    plan = plan_pages(layout, page, tile)
    painter = QPainter(printer)
    resolution = printer.resolution()
    painter.scale(resolution / 72, resolution / 72)
    for number in range(plan.pages):
        if number:
            printer.newPage()
        paint_page(painter, layout, plan, number, page, title, texts, evidence)
    painter.end()
