"""Reading observations from CSV or XLSX files and pasted tables, all or nothing.

Columns are recognised by their header in English or Danish (date/dato, value/værdi,
denominator/nævner, note/notat), or by position (date, value, denominator, note) when the first
row is data. Comma, semicolon or tab separated; decimal point or Danish decimal comma, decided once
per column from all its cells: a column that mixes them, or where nothing tells them apart and the
reading matters ("1.234"), is refused. Never a guess.

Every problem names the place as the file shows it: the line of a CSV file (blank lines counted),
the row of a spreadsheet, and the column. Every bad row is listed; nothing is stored unless every
row is right. :func:`import_file` streams a file (bounded memory however many rows) into one
transaction and records one compact audit entry (count, file name, SHA-256, first and last date).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from register import validation as check
from register.errors import RegisterError, ValidationError
from register.i18n import N_, _, ngettext
from register.records import MeasureRecord
from register.safe_output import os_reason

HEADERS = {
    "date": ("date", "dato", "periode", "period", "måned", "month"),
    "value": ("value", "værdi", "vaerdi", "tæller", "numerator", "antal", "count", "y"),
    "denominator": ("denominator", "nævner", "naevner", "n"),
    "note": ("note", "notat", "bemærkning", "kommentar", "comment"),
}
POSITIONAL = ("date", "value", "denominator", "note")
NUMBER_COLUMNS = ("value", "denominator")
#: Chart types that use a denominator (the others ignore one).
DENOMINATOR_CHARTS = ("p", "pp", "u", "up")
#: How many rejected rows a report keeps (the count is always exact), and how many an error message lists.
MAX_KEPT = 1000
MAX_LISTED = 100
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
POINT, COMMA = "point", "comma"
COLUMN_NAMES = {
    "date": N_("date"),
    "value": N_("value"),
    "denominator": N_("denominator"),
    "note": N_("note"),
}


class SourceRow(list):
    """The cells of one row, and its number as the file shows it: a CSV ``line`` or a spreadsheet ``row``."""

    def __init__(self, cells: Iterable[Any], number: int, unit: str = "line") -> None:
        super().__init__(cells)
        self.number = number
        self.unit = unit


class ImportRejectedError(RegisterError):
    """Some rows could not be imported; nothing was stored. ``report`` says which and why."""

    def __init__(self, report: ImportReport) -> None:
        listed = [report.describe(number, message) for number, message in report.rejected[:MAX_LISTED]]
        more = report.rejected_count - len(listed)
        if more > 0:
            listed.append(_("… and {count} more").format(count=more))
        super().__init__(
            ngettext(
                "Nothing was imported: {rejected} of {total} rows has a problem.",
                "Nothing was imported: {rejected} of {total} rows have problems.",
                report.rejected_count,
            ).format(rejected=report.rejected_count, total=report.total)
            + "\n"
            + "\n".join(listed)
        )
        self.report = report


@dataclass
class ImportReport:
    """Rows that can be stored (as service input) and rejected rows (number as the file shows it, reason).

    ``unit`` says what the numbers count: ``line`` (a CSV file or pasted text) or ``row`` (a spreadsheet).
    """

    accepted: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    header: bool = False
    unit: str = "line"
    #: Rows accepted (also when they were streamed into the register rather than kept in ``accepted``).
    accepted_count: int = 0
    rejected_count: int = 0
    first_date: date | None = None
    last_date: date | None = None

    @property
    def total(self) -> int:
        return self.accepted_count + self.rejected_count

    def accept(self, observation: dict[str, Any], keep: bool = True) -> None:
        self.accepted_count += 1
        if keep:
            self.accepted.append(observation)
        when = observation["date"]
        self.first_date = when if self.first_date is None else min(self.first_date, when)
        self.last_date = when if self.last_date is None else max(self.last_date, when)

    def reject(self, number: int, message: str) -> None:
        self.rejected_count += 1
        if len(self.rejected) < MAX_KEPT:
            self.rejected.append((number, message))

    def describe(self, number: int, message: str) -> str:
        """``line 12: …`` or ``row 10: …``, as the file shows the place."""
        template = _("row {number}: {reason}") if self.unit == "row" else _("line {number}: {reason}")
        return template.format(number=number, reason=message)

    def summary(self) -> str:
        return _("{ready} observations ready, {rejected} rejected").format(
            ready=self.accepted_count, rejected=self.rejected_count
        )


# --------------------------------------------------------------------------- reading files


def _delimiter(first_line: str) -> str:
    """The separator that splits the first line into the most cells (quotes respected); tab, then ; then , on a tie."""
    best, most = ",", 0
    for candidate in ("\t", ";", ","):
        try:
            cells = next(csv.reader([first_line], delimiter=candidate), [])
        except csv.Error:
            continue
        if len(cells) > most:
            best, most = candidate, len(cells)
    return best


def _csv_rows(lines: Iterable[str], first_line: str) -> Iterator[SourceRow]:
    """Rows of CSV text, each numbered by the line it starts on; blank lines are skipped but counted."""
    reader = csv.reader(lines, delimiter=_delimiter(first_line))
    line = 0
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                raise ValidationError(
                    _("line {number}: a cell is longer than {limit} characters; this is not a data file.").format(
                        number=start, limit=csv.field_size_limit()
                    )
                ) from None
            raise ValidationError(
                _("line {number}: the file cannot be read as CSV ({reason}).").format(number=start, reason=error)
            ) from None
        line = reader.line_num
        if any(cell.strip() for cell in cells):
            yield SourceRow((cell.strip() for cell in cells), start)


def split_text(text: str) -> list[SourceRow]:
    """Rows of cells from CSV text or a block pasted from a spreadsheet (tab, semicolon or comma)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        return []
    return list(_csv_rows((line + "\n" for line in lines), first))


@dataclass(frozen=True)
class FileFacts:
    """What the first pass over a file learnt: its SHA-256, size and text encoding (None for XLSX)."""

    sha256: str
    size: int
    encoding: str | None


def _unreadable(path: Path, error: OSError) -> ValidationError:
    return ValidationError(_("Cannot read {path}: {reason}.").format(path=path, reason=os_reason(error)))


def _check_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return "xlsx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise ValidationError(_("{name}: import reads .csv and .xlsx files.").format(name=path.name))


def file_facts(path: Path) -> FileFacts:
    """Read the file once in chunks: its hash, and whether its text is UTF-8 (else Windows-1252)."""
    path = Path(path)
    kind = _check_kind(path)
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, size = kind == "csv", 0
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
            if utf8:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    utf8 = False
    except OSError as error:
        raise _unreadable(path, error) from error
    encoding = None if kind == "xlsx" else "utf-8-sig" if utf8 else "cp1252"
    return FileFacts(digest.hexdigest(), size, encoding)


def iter_rows(path: Path, facts: FileFacts | None = None) -> Iterator[SourceRow]:
    """The non-blank rows of a .csv (or .txt, .tsv) or .xlsx file, one at a time, numbered as the file shows them."""
    path = Path(path)
    if _check_kind(path) == "xlsx":
        yield from _xlsx_rows(path)
        return
    facts = facts or file_facts(path)
    try:
        with path.open("r", encoding=facts.encoding, errors="strict", newline="") as stream:
            first = ""
            for first in stream:
                if first.strip():
                    break
            stream.seek(0)
            yield from _csv_rows(stream, first)
    except UnicodeDecodeError:
        raise ValidationError(
            _("{name} is not a text file in UTF-8 or Windows encoding.").format(name=path.name)
        ) from None
    except OSError as error:
        raise _unreadable(path, error) from error


def read_rows(path: Path) -> list[SourceRow]:
    """All non-blank rows of a file (for the preview); raises ValidationError for a file that cannot be read."""
    return list(iter_rows(path))


def _xlsx_rows(path: Path) -> Iterator[SourceRow]:
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook

    damaged = (zipfile.BadZipFile, zlib.error, ParseError, KeyError, ValueError, TypeError, IndexError, EOFError)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise _unreadable(path, error) from error
    except damaged as error:
        raise ValidationError(
            _("{name} is not a readable Excel workbook ({reason}).").format(name=path.name, reason=error)
        ) from None
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            cells = ["" if cell is None else cell for cell in row]
            if any(str(cell).strip() for cell in cells):
                yield SourceRow(cells, number, "row")
    except damaged as error:
        raise ValidationError(
            _("{name} is not a readable Excel workbook ({reason}).").format(name=path.name, reason=error)
        ) from None
    finally:
        workbook.close()


# --------------------------------------------------------------------------- columns and numbers


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


_PLAIN = re.compile(r"^[+-]?\d+$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d*,\d+$")
_POINT_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_COMMA_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_EXPONENT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")


def _compact(text: str) -> str:
    return text.strip().replace("\u00a0", "").replace(" ", "")


def readings(text: str) -> dict[str, float]:
    """What a number cell means with a decimal point and with a decimal comma (a convention absent: not a number)."""
    cell = _compact(text)
    found: dict[str, float] = {}
    if _PLAIN.match(cell):
        found = {POINT: float(cell), COMMA: float(cell)}
    else:
        if _POINT_DECIMAL.match(cell) or _EXPONENT.match(cell):
            found[POINT] = float(cell)
        if _POINT_GROUPED.match(cell):
            found[POINT] = float(cell.replace(",", ""))
        if _COMMA_DECIMAL.match(cell):
            found[COMMA] = float(cell.replace(",", "."))
        if _COMMA_GROUPED.match(cell):
            found[COMMA] = float(cell.replace(".", "").replace(",", "."))
    return {convention: number for convention, number in found.items() if math.isfinite(number)}


@dataclass
class ColumnConvention:
    """The decimal sign of one number column, decided from all its cells."""

    allowed: set[str] = field(default_factory=lambda: {POINT, COMMA})
    #: The first cell that only one convention reads, per convention: (row number, text).
    witness: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: The first cell both conventions read, but differently: (row number, text).
    ambiguous: tuple[int, str] | None = None
    #: How many cells only one convention reads, per convention.
    votes: dict[str, int] = field(default_factory=lambda: {POINT: 0, COMMA: 0})

    def see(self, number: int, text: str) -> None:
        found = readings(text)
        if not found:
            return  # not a number at all: its row is refused on its own
        if len(found) == 1:
            [convention] = found
            self.witness.setdefault(convention, (number, text))
            self.votes[convention] += 1
        elif found[POINT] != found[COMMA] and self.ambiguous is None:
            self.ambiguous = (number, text)
        self.allowed &= set(found)

    def problem(self) -> tuple[int, str] | None:
        """(row number, reason) when nothing in the column tells its decimal sign and the reading matters.

        A column that mixes the two signs is no problem of the column: each cell written the other way than
        most (see :attr:`convention`) is refused on its own row.
        """
        if self.allowed == {POINT, COMMA} and self.ambiguous is not None:
            return self.ambiguous[0], _(
                "'{text}' can be read with a decimal point or a decimal comma, and no other number in the column "
                "tells which; write thousands without a separator (1234) or give the decimals another length (1.2340)."
            ).format(text=_shorten(self.ambiguous[1]))
        return None

    @property
    def mixed(self) -> bool:
        return not self.allowed

    @property
    def convention(self) -> str:
        """The column's decimal sign; in a mixed column the sign most cells use (on a tie, the first one's)."""
        if self.mixed:
            if self.votes[POINT] != self.votes[COMMA]:
                return POINT if self.votes[POINT] > self.votes[COMMA] else COMMA
            return min(self.witness, key=lambda convention: self.witness[convention][0])
        return COMMA if self.allowed == {COMMA} else POINT


@dataclass
class Layout:
    """How a table is read: header or not, which column holds what, the width, each number column's decimal sign."""

    columns: dict[str, int]
    header: bool
    width: int
    conventions: dict[str, ColumnConvention]
    unit: str = "line"

    def column_label(self, name: str) -> str:
        index = self.columns[name]
        place = _column_letter(index) if self.unit == "row" else str(index + 1)
        return _("column {place} ({name})").format(place=place, name=_(COLUMN_NAMES[name]))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _width(row: list[Any]) -> int:
    """The number of cells up to the last one that holds something."""
    width = len(row)
    while width and not str(row[width - 1]).strip():
        width -= 1
    return width


class _Reader:
    """Decides the layout from a first pass over the rows, then checks rows one by one."""

    def __init__(self, measure: MeasureRecord, columns: dict[str, int] | None, header: bool | None,
                 unit: str) -> None:  # fmt: skip
        self.measure, self.unit = measure, unit
        self.given_columns, self.given_header = columns, header
        self.layout: Layout | None = None
        self._first: SourceRow | None = None

    def scan(self, rows: Iterable[SourceRow]) -> list[tuple[int, str]]:
        """The first pass: the layout, and problems of whole columns (row number, reason)."""
        conventions = {name: ColumnConvention() for name in NUMBER_COLUMNS}
        layout: Layout | None = None
        for row in rows:
            if layout is None:
                recognised = recognise_columns(row)
                header = self.given_header if self.given_header is not None else recognised is not None
                columns = self.given_columns
                if columns is None:
                    columns = recognised if recognised is not None else dict(zip(POSITIONAL, range(4), strict=True))
                if header:
                    width = _width(row)
                elif self.given_columns is None:
                    width = len(POSITIONAL)  # by position: date, value, denominator, note and nothing more
                else:
                    width = max(_width(row), max(columns.values(), default=-1) + 1)
                layout = Layout(dict(columns), header, width, conventions, self.unit)
                if header:
                    continue
            for name in NUMBER_COLUMNS:
                cell = _cell(row, layout.columns.get(name))
                if isinstance(cell, str):
                    conventions[name].see(row.number, cell)
        self.layout = layout
        problems = []
        if layout is not None:
            for name in NUMBER_COLUMNS:
                found = conventions[name].problem()
                if found is not None:
                    number, reason = found
                    problems.append((number, f"{layout.column_label(name)}: {reason}"))
        return sorted(problems)

    def _number(self, row: SourceRow, name: str, optional: bool) -> float | None:
        layout = self.layout
        cell = _cell(row, layout.columns.get(name))
        label = layout.column_label(name) if name in layout.columns else _(COLUMN_NAMES[name])
        if cell is None:
            if optional:
                return None
            raise ValidationError(_("{column}: the cell is empty; give a number.").format(column=label), name)
        if isinstance(cell, bool) or not isinstance(cell, int | float | str):
            raise ValidationError(_("{column}: '{text}' is not a number.").format(column=label, text=cell), name)
        if isinstance(cell, int | float):
            number = float(cell)
        else:
            convention = layout.conventions[name].convention
            found = readings(cell)
            number = found.get(convention)
            if not found:
                raise ValidationError(
                    _("{column}: '{text}' is not a number.").format(column=label, text=_shorten(cell)), name
                )
            if number is None:
                comma, point = _("a decimal comma"), _("a decimal point")
                raise ValidationError(
                    _(
                        "{column}: '{text}' is written with {sign}, but the column's other numbers are written "
                        "with {other}; use one decimal sign in the whole column."
                    ).format(column=label, text=_shorten(cell), sign=point if convention == COMMA else comma,
                             other=comma if convention == COMMA else point),
                    name,
                )  # fmt: skip
        if not math.isfinite(number):
            raise ValidationError(_("{column}: '{text}' is not a finite number.").format(column=label, text=cell), name)
        return number

    def read(self, row: SourceRow) -> dict[str, Any]:
        """One data row as service input; raises ValidationError with the reason."""
        from register.service import RegisterService

        layout = self.layout
        if _width(row) > layout.width:
            raise ValidationError(
                _(
                    "the row has {cells} cells but the file has {width} columns; is a number with a decimal comma "
                    "split by the comma separator? Put such numbers in quotes or separate the columns with semicolons."
                ).format(cells=_width(row), width=layout.width)
            )
        when = _cell(row, layout.columns.get("date"))
        if isinstance(when, datetime):
            when = when.date()
        try:
            parsed_date = check.parse_date(when if isinstance(when, date) or when is None else str(when))
        except ValidationError:
            label = layout.column_label("date") if "date" in layout.columns else _(COLUMN_NAMES["date"])
            raise ValidationError(
                _("{column}: '{text}' is not a date; write it like 2024-03-31 or 31-03-2024.").format(
                    column=label, text=_shorten(str(when or ""))
                ),
                field="date",
            ) from None
        value = self._number(row, "value", optional=False)
        denominator = self._number(row, "denominator", optional=True)
        if denominator is not None and self.measure.chart not in DENOMINATOR_CHARTS and not layout.header:
            raise ValidationError(
                _(
                    "{column}: a {chart} chart has no denominator, so '{text}' would be lost; is it the decimals "
                    "of the value split by the comma separator? Put such numbers in quotes or use semicolons."
                ).format(column=layout.column_label("denominator"), chart=self.measure.chart,
                         text=_cell(row, layout.columns["denominator"])),
                field="denominator",
            )  # fmt: skip
        note = _cell(row, layout.columns.get("note"))
        observation = {"date": parsed_date, "value": value, "denominator": denominator,
                       "note": str(note or "").strip()}  # fmt: skip
        RegisterService.check_observation(self.measure.chart, value, denominator)
        return observation


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def prepare(rows: list[list[Any]], measure: MeasureRecord, columns: dict[str, int] | None = None,
            header: bool | None = None, unit: str | None = None) -> ImportReport:  # fmt: skip
    """Check every row against the measure's chart type; nothing is stored here.

    ``columns`` (field -> column index) and ``header`` override the recognition (the import dialog's mapping).
    Rows without a number of their own (plain lists) are numbered 1, 2, 3, ….
    """
    numbered = [row if isinstance(row, SourceRow) else SourceRow(row, index) for index, row in enumerate(rows, 1)]
    unit = unit or (numbered[0].unit if numbered else "line")
    reader = _Reader(measure, columns, header, unit)
    report = ImportReport(unit=unit)
    problems = reader.scan(numbered)
    if reader.layout is None:
        report.reject(1, _("the file has no rows"))
        return report
    report.header, report.columns = reader.layout.header, reader.layout.columns
    for number, reason in problems:
        report.reject(number, reason)
    _drain(_check_rows(reader, numbered, report, keep=True))
    report.rejected.sort(key=lambda item: item[0])
    return report


def _check_rows(reader: _Reader, rows: Iterable[SourceRow], report: ImportReport, keep: bool) -> Iterator[dict]:
    """Check the data rows; accepted rows are kept in the report (``keep``) or yielded to be streamed."""
    skip = reader.layout.header
    for row in rows:
        if skip:
            skip = False
            continue
        try:
            observation = reader.read(row)
        except ValidationError as error:
            report.reject(row.number, str(error))
            continue
        report.accept(observation, keep)
        if not keep:
            yield observation


def _drain(iterator: Iterator[Any]) -> None:
    for _item in iterator:
        pass


def import_observations(service: Any, measure_id: str, rows: list[list[Any]], columns: dict[str, int] | None = None,
                        header: bool | None = None, unit: str | None = None) -> ImportReport:  # fmt: skip
    """Store the rows as observations of the measure, all or nothing (raises :class:`ImportRejectedError`)."""
    measure = service.get_measure(measure_id)
    report = prepare(rows, measure, columns, header, unit)
    if report.rejected_count or not report.accepted:
        if not report.rejected_count:
            report.reject(1, _("there are no data rows"))
        raise ImportRejectedError(report)
    service.add_observations(measure_id, report.accepted)
    return report


def import_file(service: Any, measure_id: str, path: Path) -> ImportReport:
    """Stream a CSV or XLSX file into the measure, all or nothing, in bounded memory.

    Three passes over the file: its hash and encoding, the layout (header, columns, decimal signs), then the
    rows, checked and inserted in batches inside one transaction that is rolled back when any row is wrong.
    """
    path = Path(path)
    measure = service.get_measure(measure_id)
    facts = file_facts(path)
    unit = "row" if _check_kind(path) == "xlsx" else "line"
    reader = _Reader(measure, None, None, unit)
    report = ImportReport(unit=unit)
    for number, reason in reader.scan(iter_rows(path, facts)):
        report.reject(number, reason)
    if reader.layout is None:
        report.reject(1, _("the file has no rows"))
        raise ImportRejectedError(report)
    report.header, report.columns = reader.layout.header, reader.layout.columns
    if report.rejected_count:
        _drain(_check_rows(reader, iter_rows(path, facts), report, keep=False))  # list every bad row too
        report.rejected.sort(key=lambda item: item[0])
        raise ImportRejectedError(report)

    def checked_rows() -> Iterator[dict[str, Any]]:
        for observation in _check_rows(reader, iter_rows(path, facts), report, keep=False):
            if not report.rejected_count:  # after a bad row only check the rest: nothing will be stored
                yield observation
        if report.rejected_count or not report.accepted_count:
            if not report.rejected_count:
                report.reject(1, _("there are no data rows"))
            raise ImportRejectedError(report)  # raised inside the transaction: nothing is stored

    service.import_observation_rows(
        measure_id,
        checked_rows(),
        lambda: {"file": path.name, "sha256": facts.sha256, "rows": report.accepted_count,
                 "first_date": report.first_date, "last_date": report.last_date},
    )  # fmt: skip
    return report
