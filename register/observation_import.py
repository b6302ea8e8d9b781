"""Reading observations from CSV or XLSX files and pasted tables, all or nothing.

Columns are recognised by their header in English or Danish (date/dato, value/værdi,
denominator/nævner, note/notat), or by position (date, value, denominator, note) when the first
row is data. Comma, semicolon or tab separated; decimal point or Danish decimal comma. Every row
is checked before anything is stored, and the report says what was rejected and why.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from register import validation as check
from register.errors import RegisterError, ValidationError
from register.records import MeasureRecord

HEADERS = {
    "date": ("date", "dato", "periode", "period", "måned", "month"),
    "value": ("value", "værdi", "vaerdi", "tæller", "numerator", "antal", "count", "y"),
    "denominator": ("denominator", "nævner", "naevner", "n"),
    "note": ("note", "notat", "bemærkning", "kommentar", "comment"),
}
POSITIONAL = ("date", "value", "denominator", "note")
MAX_REPORTED = 20


class ImportRejectedError(RegisterError):
    """Some rows could not be imported; nothing was stored. ``report`` says which and why."""

    def __init__(self, report: ImportReport) -> None:
        lines = [f"row {number}: {message}" for number, message in report.rejected[:MAX_REPORTED]]
        more = len(report.rejected) - MAX_REPORTED
        if more > 0:
            lines.append(f"... and {more} more")
        total = len(report.accepted) + len(report.rejected)
        super().__init__(
            f"Nothing was imported: {len(report.rejected)} of {total} rows have problems.\n" + "\n".join(lines)
        )
        self.report = report


@dataclass
class ImportReport:
    """Rows that can be stored (as service input) and rejected rows (1-based row number in the source, reason)."""

    accepted: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    header: bool = False

    def summary(self) -> str:
        return f"{len(self.accepted)} observations ready, {len(self.rejected)} rejected"


def split_text(text: str) -> list[list[str]]:
    """Rows of cells from CSV text or a block pasted from a spreadsheet (tab, semicolon or comma)."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        return []
    first = lines[0]
    delimiter = "\t" if "\t" in first else ";" if ";" in first else ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]


def read_rows(path: Path) -> list[list[Any]]:
    """The cells of a .csv (or .txt) or .xlsx file; raises ValidationError for a file that cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix not in (".csv", ".txt", ".tsv"):
            raise ValidationError(f"{path.name}: import reads .csv and .xlsx files.")
        raw = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror or error}.") from error
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return split_text(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"{path.name} is not a text file in UTF-8 or Windows encoding.")


def _read_xlsx(path: Path) -> list[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError(f"{path.name} is not a readable Excel workbook ({error}).") from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            cells = ["" if cell is None else cell for cell in row]
            if any(str(cell).strip() for cell in cells):
                rows.append(cells)
        return rows
    finally:
        workbook.close()


def recognise_columns(first_row: list[Any]) -> dict[str, int] | None:
    """Column positions from a header row, or None when the row is not a header."""
    found: dict[str, int] = {}
    for index, cell in enumerate(first_row):
        name = str(cell).strip().lower()
        for column, names in HEADERS.items():
            if name in names and column not in found:
                found[column] = index
    if "date" in found and "value" in found:
        return found
    return None


def _cell(row: list[Any], index: int | None) -> Any:
    if index is None or index >= len(row):
        return None
    value = row[index]
    return None if isinstance(value, str) and not value.strip() else value


_DECIMAL_COMMA = re.compile(r"^[+-]?[\d.]*\d,\d+$")


def _uses_decimal_comma(rows: list[list[Any]], indices: list[int | None]) -> bool:
    """True when a number cell of the file is written with a decimal comma: then "2.000" means two thousand."""
    return any(
        isinstance(cell, str) and _DECIMAL_COMMA.match(cell.strip().replace(" ", ""))
        for row in rows
        for index in indices
        if index is not None and (cell := _cell(row, index)) is not None
    )


def _number(cell: Any, danish: bool) -> Any:
    """A number cell as the validator reads it; in a Danish file dots group thousands and the comma is decimal."""
    if danish and isinstance(cell, str):
        return cell.strip().replace(".", "").replace(",", ".")
    return cell


def prepare(rows: list[list[Any]], measure: MeasureRecord, columns: dict[str, int] | None = None,
            header: bool | None = None) -> ImportReport:  # fmt: skip
    """Check every row against the measure's chart type; nothing is stored here.

    ``columns`` (field -> column index) and ``header`` override the recognition (the import dialog's mapping).
    """
    from register.service import RegisterService

    report = ImportReport()
    if not rows:
        report.rejected.append((1, "the file has no rows"))
        return report
    recognised = recognise_columns(rows[0])
    if header is None:
        header = recognised is not None
    if columns is None:
        columns = recognised if recognised is not None else {name: index for index, name in enumerate(POSITIONAL)}
    start = 1 if header else 0
    report.header = header
    report.columns = columns
    danish = _uses_decimal_comma(rows[start:], [columns.get("value"), columns.get("denominator")])
    for number, row in enumerate(rows[start:], start=start + 1):
        try:
            when = _cell(row, columns.get("date"))
            if isinstance(when, datetime):
                when = when.date()
            observation = {
                "date": check.parse_date(when if isinstance(when, date) else (str(when) if when is not None else None)),
                "value": check.parse_number(_number(_cell(row, columns.get("value")), danish), "value"),
                "denominator": check.parse_number(
                    _number(_cell(row, columns.get("denominator")), danish), "denominator", optional=True
                ),
                "note": str(_cell(row, columns.get("note")) or "").strip(),
            }
            RegisterService.check_observation(measure.chart, observation["value"], observation["denominator"])
        except ValidationError as error:
            report.rejected.append((number, str(error)))
            continue
        report.accepted.append(observation)
    return report


def import_observations(service: Any, measure_id: str, rows: list[list[Any]], columns: dict[str, int] | None = None,
                        header: bool | None = None) -> ImportReport:  # fmt: skip
    """Store the rows as observations of the measure, all or nothing (raises :class:`ImportRejectedError`)."""
    measure = service.get_measure(measure_id)
    report = prepare(rows, measure, columns, header)
    if report.rejected or not report.accepted:
        if not report.rejected:
            report.rejected.append((1, "there are no data rows"))
        raise ImportRejectedError(report)
    service.add_observations(measure_id, report.accepted)
    return report
