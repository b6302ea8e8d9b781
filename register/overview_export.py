"""The measures overview on paper and in a spreadsheet: A4 landscape PDF (matplotlib, vector, fonts
embedded) and XLSX (openpyxl). No Qt; the window and the command line call :func:`export_overview`.

Both are written under a temporary name and renamed when complete, so an existing file is replaced only
by a finished one.
"""

from __future__ import annotations

import io
import math
import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from register.i18n import _, language
from register.overview import (
    COLUMNS,
    NUMERIC_COLUMNS,
    Overview,
    OverviewRow,
    cell_text,
    format_date,
    header,
    heading,
)
from register.variation_icons import GREY, icon_colour, icon_png, icons_collection

FORMATS = (".pdf", ".xlsx")
#: A4 landscape in inches, the margins, and the row and header heights.
PAGE_WIDTH, PAGE_HEIGHT = 11.69, 8.27
MARGIN = 0.45
HEADER_HEIGHT = 0.75
COLUMN_HEADER_HEIGHT = 0.3
ROW_HEIGHT = 0.38
FOOTER_HEIGHT = 0.3
#: Column widths in inches (they fill the width between the margins).
WIDTHS = {"measure": 2.1, "node": 1.27, "type": 0.78, "chart": 0.85, "last_value": 0.72, "last_date": 0.75,
          "target": 0.65, "variation": 1.52, "assurance": 1.13, "trend": 0.92}  # fmt: skip
ICON_SIZE = 0.27
FONT_SIZE = 7.2
SMALL_FONT_SIZE = 6.4
RULE_COLOUR = "#D0D0D0"
HEADER_FILL = "#EEF2F6"


def rows_per_page() -> int:
    usable = PAGE_HEIGHT - 2 * MARGIN - HEADER_HEIGHT - COLUMN_HEADER_HEIGHT - FOOTER_HEIGHT
    return max(1, int(usable // ROW_HEIGHT))


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.stem}.{os.getpid()}.partial{path.suffix}")


def export_overview(overview: Overview, path: Path | str, register: Path | None = None) -> int:
    """Write the overview to ``path`` (.pdf or .xlsx); returns the number of pages (PDF) or rows (XLSX).

    The file is written beside ``path`` and renamed over it when complete; the open ``register`` itself, a
    folder, a link or a pipe is refused (:class:`OutputError`), and an existing file is then left as it was."""
    from register.safe_output import write_output

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(_("{path}: the overview is written to a .pdf or an .xlsx file.").format(path=path))
    writer = _write_pdf if suffix == ".pdf" else _write_xlsx
    return write_output(path, lambda temporary: writer(overview, temporary), register)


# --------------------------------------------------------------------------- PDF


def _wrap(text: str, width_in: float, size: float, lines: int) -> str:
    """``text`` wrapped to fit ``width_in`` inches at ``size`` points in at most ``lines`` lines (… when cut)."""
    characters = max(4, int(width_in * 72 / (size * 0.53)))
    wrapped = textwrap.wrap(text, characters, break_long_words=False) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: characters - 1].rstrip() + "…"
    return "\n".join(wrapped)


def _column_lefts() -> dict[str, float]:
    lefts, x = {}, MARGIN
    for column in COLUMNS:
        lefts[column] = x
        x += WIDTHS[column]
    return lefts


def _sparkline(axes: Any, row: OverviewRow, left: float, bottom: float, width: float, height: float) -> None:
    """The row's series as a small line with its centre line and the last point in the icon's colour."""
    values = [v for v in row.spark if math.isfinite(v)]
    if len(values) < 2:
        return
    low, high = min(values), max(values)
    if row.spark_centre is not None:
        low, high = min(low, row.spark_centre), max(high, row.spark_centre)
    span = (high - low) or 1.0
    count = len(row.spark)

    def place(index: int, value: float) -> tuple[float, float]:
        return left + width * index / max(count - 1, 1), bottom + height * (value - low) / span

    if row.spark_centre is not None:
        y = place(0, row.spark_centre)[1]
        axes.plot([left, left + width], [y, y], color="#9A9A9A", linewidth=0.5)
    xs, ys = zip(*(place(i, v) if math.isfinite(v) else (place(i, low)[0], math.nan)
                   for i, v in enumerate(row.spark)), strict=True)  # fmt: skip
    axes.plot(xs, ys, color="#5DA5DA", linewidth=0.7, solid_joinstyle="round")
    last = max(i for i, v in enumerate(row.spark) if math.isfinite(v))
    colour = icon_colour(row.variation) if row.variation else GREY
    axes.plot([xs[last]], [ys[last]], marker="o", markersize=2.4, color=colour, linestyle="none")


def _page(overview: Overview, rows: Sequence[OverviewRow], number: int, pages: int) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(PAGE_WIDTH, PAGE_HEIGHT))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, PAGE_WIDTH)
    axes.set_ylim(0, PAGE_HEIGHT)
    axes.set_axis_off()
    top = PAGE_HEIGHT - MARGIN
    axes.text(MARGIN, top, heading(overview), fontsize=12.5, fontweight="bold", va="top", ha="left")
    register = _("Register: {title}").format(title=overview.register_title)
    printed = _("Printed {date}").format(date=format_date(overview.made))
    axes.text(MARGIN, top - 0.34, f"{register}    {printed}", fontsize=8.5, va="top", ha="left", color="#444444")
    axes.text(PAGE_WIDTH - MARGIN, top, _("Page {number} of {pages}").format(number=number, pages=pages),
              fontsize=8.5, va="top", ha="right", color="#444444")  # fmt: skip
    lefts = _column_lefts()
    y = top - HEADER_HEIGHT
    axes.fill_between([MARGIN, PAGE_WIDTH - MARGIN], y - COLUMN_HEADER_HEIGHT, y, color=HEADER_FILL, linewidth=0)
    for column in COLUMNS:
        numeric = column in NUMERIC_COLUMNS
        x = lefts[column] + (WIDTHS[column] - 0.06 if numeric else 0.05)
        axes.text(x, y - COLUMN_HEADER_HEIGHT / 2, _wrap(header(column), WIDTHS[column] - 0.1, FONT_SIZE, 2),
                  fontsize=FONT_SIZE, fontweight="bold", va="center", ha="right" if numeric else "left")  # fmt: skip
    y -= COLUMN_HEADER_HEIGHT
    if not rows:
        axes.text(MARGIN + 0.05, y - ROW_HEIGHT / 2, _("No measures under this node."), fontsize=FONT_SIZE,
                  va="center", color="#444444")  # fmt: skip
    icons: list[tuple[str, tuple[float, float], float]] = []
    for row in rows:
        middle = y - ROW_HEIGHT / 2
        for column in COLUMNS:
            left, width = lefts[column], WIDTHS[column]
            if column == "trend":
                _sparkline(axes, row, left + 0.06, y - ROW_HEIGHT + 0.08, width - 0.12, ROW_HEIGHT - 0.16)
                continue
            text = cell_text(row, column)
            code = row.variation if column == "variation" else row.assurance if column == "assurance" else None
            text_left, text_width, size, lines = left + 0.05, width - 0.1, FONT_SIZE, 2
            if column in ("variation", "assurance"):
                size, lines = SMALL_FONT_SIZE, 3
            if code:
                icons.append((code, (left + 0.05 + ICON_SIZE / 2, middle), ICON_SIZE))
                text_left, text_width = left + ICON_SIZE + 0.1, width - ICON_SIZE - 0.14
            if column in NUMERIC_COLUMNS:
                axes.text(left + width - 0.06, middle, text, fontsize=size, va="center", ha="right")
            else:
                axes.text(text_left, middle, _wrap(text, text_width, size, lines), fontsize=size, va="center",
                          ha="left", linespacing=1.1)  # fmt: skip
        y -= ROW_HEIGHT
        axes.plot([MARGIN, PAGE_WIDTH - MARGIN], [y, y], color=RULE_COLOUR, linewidth=0.5)
    axes.add_collection(icons_collection(icons), autolim=False)
    return figure


def _write_pdf(overview: Overview, path: Path) -> int:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    per_page = rows_per_page()
    chunks = [overview.rows[i : i + per_page] for i in range(0, len(overview.rows), per_page)] or [()]
    metadata = {"Title": heading(overview), "Creator": "Improvement Register"}
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path, metadata=metadata) as pdf:
        for number, chunk in enumerate(chunks, start=1):
            pdf.savefig(_page(overview, chunk, number, len(chunks)))
    return len(chunks)


# --------------------------------------------------------------------------- XLSX

#: Spreadsheet columns: the overview's columns with a narrow icon column before each icon's words,
#: and the number of points in place of the sparkline.
XLSX_COLUMNS = ("measure", "node", "type", "chart", "last_value", "last_date", "target", "variation_icon",
                "variation", "assurance_icon", "assurance", "points")  # fmt: skip
XLSX_WIDTHS = {"measure": 46, "node": 34, "type": 12, "chart": 16, "last_value": 13, "last_date": 12, "target": 12,
               "variation_icon": 4.5, "variation": 44, "assurance_icon": 4.5, "assurance": 30, "points": 9}  # fmt: skip
XLSX_ICON_PIXELS = 20


def _text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "FFFFFF"


def _write_xlsx(overview: Overview, path: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Measures overview")[:31]
    sheet["A1"] = heading(overview)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = "{register}    {printed}".format(
        register=_("Register: {title}").format(title=overview.register_title),
        printed=_("Printed {date}").format(date=format_date(overview.made)),
    )
    header_row = 4
    titles = {"variation_icon": "", "assurance_icon": "", "points": _("Points")}
    for number, column in enumerate(XLSX_COLUMNS, start=1):
        cell = sheet.cell(header_row, number, titles.get(column) if column in titles else header(column))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL.lstrip("#"))
        sheet.column_dimensions[get_column_letter(number)].width = XLSX_WIDTHS[column]
    date_format = "DD-MM-YYYY" if language() == "da" else "YYYY-MM-DD"
    for offset, row in enumerate(overview.rows, start=1):
        line = header_row + offset
        sheet.row_dimensions[line].height = 18
        percent = row.measure.chart in ("p", "pp")
        values: dict[str, Any] = {column: cell_text(row, column) for column in ("measure", "node", "type", "chart")}
        values |= {"last_value": row.last_value, "last_date": row.last_date, "target": row.measure.target,
                   "variation": cell_text(row, "variation"), "assurance": cell_text(row, "assurance"),
                   "points": row.points}  # fmt: skip
        for number, column in enumerate(XLSX_COLUMNS, start=1):
            if column.endswith("_icon"):
                continue
            value = values[column]
            if isinstance(value, float) and math.isnan(value):
                value = None
            cell = sheet.cell(line, number, value)
            cell.alignment = Alignment(vertical="center")
            if column in ("last_value", "target"):
                cell.number_format = "0.0%" if percent else "#,##0.###"
            elif column == "last_date":
                cell.number_format = date_format
            code = row.variation if column == "variation" else row.assurance if column == "assurance" else None
            if code:
                colour = icon_colour(code)
                cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
                cell.font = Font(color=_text_colour(colour), bold=True)
        for column, code in (("variation_icon", row.variation), ("assurance_icon", row.assurance)):
            if code:
                image = Image(io.BytesIO(icon_png(code, XLSX_ICON_PIXELS * 2)))
                image.width = image.height = XLSX_ICON_PIXELS
                sheet.add_image(image, f"{get_column_letter(XLSX_COLUMNS.index(column) + 1)}{line}")
    last_row = header_row + max(len(overview.rows), 1)
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(XLSX_COLUMNS))}{last_row}"
    if not overview.rows:
        sheet.cell(header_row + 1, 1, _("No measures under this node."))
    workbook.properties.title = heading(overview)
    workbook.properties.creator = "Improvement Register"
    workbook.save(path)
    return len(overview.rows)
