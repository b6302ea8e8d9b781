"""CSV/XLSX import safety: numbers never misread, places named as the file shows them, all or nothing, streamed.

The reproducers of issue 10 (item 4, item 9) and issue 12 (item 5), and a hypothesis property test: any
generated file is refused cleanly with a message naming the file's line or sheet row, or accepted with
exactly the values the file says; never a traceback, never a partial write.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tracemalloc
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from register.errors import RegisterError
from register.observation_import import ImportRejectedError, import_file, prepare, read_rows
from register.service import RegisterService
from register.storage import open_database


@pytest.fixture
def service(sqlite_service):
    return sqlite_service


@pytest.fixture
def measure(service):
    goal = service.add_node("goal", "Færre genindlæggelser")
    return service.add_measure(goal.id, "Ventetid", chart="i")


def _write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(service, measure, path: Path) -> str:
    audit_before = len(service.audit_trail())
    with pytest.raises(ImportRejectedError) as refused:
        import_file(service, measure.id, path)
    assert service.observations(measure.id) == [] and len(service.audit_trail()) == audit_before
    return str(refused.value)


# --------------------------------------------------------------------------- issue 10, item 4


def test_a_column_mixing_decimal_comma_and_point_is_refused(service, measure, tmp_path) -> None:
    message = _refused(service, measure, _write(tmp_path, "dato;værdi\n2024-01-01;1,5\n2024-02-01;2.5\n"))
    assert message.endswith(
        "\nline 3: column 2 (value): '2.5' is written with a decimal point, but the column's other numbers are "
        "written with a decimal comma; use one decimal sign in the whole column."
    )
    text = "dato;værdi\n" + "".join(f"2024-01-{day:02d};{day}.5\n" for day in range(1, 6)) + "2024-02-01;7,25\n"
    message = _refused(service, measure, _write(tmp_path, text))  # the odd one out is named, whatever its place
    assert (
        "1 of 6 rows has a problem" in message
        and "line 7: column 2 (value): '7,25' is written with a decimal comma" in message
    )


def test_thousands_with_a_comma_and_a_decimal_point_are_read_as_written(service, measure, tmp_path) -> None:
    import_file(service, measure.id, _write(tmp_path, "dato;værdi\n2024-01-01;1,234.5\n2024-02-01;3\n"))
    assert [o.value for o in service.observations(measure.id)] == [1234.5, 3.0]


def test_an_ambiguous_number_with_danish_dates_is_refused(service, measure, tmp_path) -> None:
    message = _refused(service, measure, _write(tmp_path, "dato;værdi\n01-01-2024;1.234\n01-02-2024;7\n"))
    assert "line 2: column 2 (value): '1.234' can be read with a decimal point or a decimal comma" in message


def test_a_decimal_comma_in_a_comma_separated_file_is_refused(service, measure, tmp_path) -> None:
    message = _refused(service, measure, _write(tmp_path, "2024-01-01,1,5\n2024-02-01,2,25\n"))
    assert "line 1: column 3 (denominator): a i chart has no denominator, so '5' would be lost" in message
    assert "line 2:" in message  # every bad line is listed
    message = _refused(service, measure, _write(tmp_path, "date,value\n2024-01-01,1,5\n2024-02-01,2\n"))
    assert "line 2: the row has 3 cells but the file has 2 columns" in message


def test_a_number_that_is_no_number_in_any_convention_is_refused(service, measure, tmp_path) -> None:
    message = _refused(service, measure, _write(tmp_path, "dato;værdi\n2024-01-01;1.2.3,4\n2024-02-01;1,5\n"))
    assert "line 2: column 2 (value): '1.2.3,4' is not a number" in message


def test_a_huge_cell_and_a_damaged_workbook_are_refused_with_a_message(service, measure, tmp_path) -> None:
    huge = _write(tmp_path, "dato;værdi;notat\n2024-01-01;1;" + "x" * 200_000 + "\n")
    with pytest.raises(RegisterError, match="line 2: a cell is longer than 131072 characters"):
        import_file(service, measure.id, huge)
    damaged = tmp_path / "damaged.xlsx"
    buffer = io.BytesIO()
    _workbook([["dato", "værdi"], [datetime(2024, 1, 1), 1]]).save(buffer)
    data = bytearray(buffer.getvalue())
    data[len(data) // 2 : len(data) // 2 + 200] = b"\x00" * 200
    damaged.write_bytes(bytes(data))
    with pytest.raises(RegisterError, match="damaged.xlsx"):
        import_file(service, measure.id, damaged)
    assert service.observations(measure.id) == []


# --------------------------------------------------------------------------- issue 12, item 5


def test_messages_name_the_csv_line_after_blank_lines_and_list_every_bad_line(service, measure, tmp_path) -> None:
    lines = ["dato;værdi", "2024-01-01;1", ""] + [f"2024-01-{day:02d};{day}" for day in range(2, 10)]
    lines += ["2024-01-10;x", "2024-01-11;5", "2024-01-32;6", "2024-01-12;y"]
    message = _refused(service, measure, _write(tmp_path, "\n".join(lines) + "\n"))
    assert "3 of 13 rows have problems" in message
    assert "line 12: column 2 (value): 'x' is not a number." in message  # the 12th line of the file
    assert "line 14: column 1 (date): '2024-01-32' is not a date" in message
    assert "line 15: column 2 (value): 'y' is not a number." in message


def _workbook(rows: list[list]):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    return workbook


def test_messages_name_the_sheet_row_after_a_blank_row(service, measure, tmp_path) -> None:
    rows = [["Dato", "Værdi"], [datetime(2024, 1, 1), 1], [None, None]]
    rows += [[datetime(2024, 1, day), day] for day in range(2, 8)]
    rows += [[datetime(2024, 1, 8), "otte"]]  # Excel row 10
    path = tmp_path / "data.xlsx"
    _workbook(rows).save(path)
    message = _refused(service, measure, path)
    assert "row 10: column B (value): 'otte' is not a number." in message


# --------------------------------------------------------------------------- issue 10, item 9


def test_a_bulk_import_is_one_compact_audit_entry(service, measure, tmp_path) -> None:
    start = date(2020, 1, 1)
    text = "dato;værdi\n" + "".join(f"{start + timedelta(days=i)};{i % 17},5\n" for i in range(10_000))
    path = _write(tmp_path, text)
    tracemalloc.start()
    try:
        report = import_file(service, measure.id, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.accepted_count == 10_000 and report.accepted == []  # streamed, not kept
    assert peak < 12 * 2**20, f"{peak / 2**20:.1f} MiB"  # batches, not the file: reading it whole took ~40 MiB
    assert len(service.observations(measure.id)) == 10_000
    [entry] = [e for e in service.audit_trail() if e.action == "import"]
    assert entry.changes == {
        "file": [None, "data.csv"], "sha256": [None, hashlib.sha256(path.read_bytes()).hexdigest()],
        "rows": [None, 10_000], "first_date": [None, "2020-01-01"],
        "last_date": [None, (start + timedelta(days=9_999)).isoformat()],
    }  # fmt: skip
    assert len(json.dumps(entry.changes)) < 400


def test_a_bad_last_row_of_a_big_file_stores_nothing(service, measure, tmp_path) -> None:
    text = "dato;værdi\n" + "".join(f"{date(2020, 1, 1) + timedelta(days=i)};{i}\n" for i in range(12_000))
    message = _refused(service, measure, _write(tmp_path, text + "2053-01-01;ikke et tal\n"))
    assert "line 12002: column 2 (value)" in message


# --------------------------------------------------------------------------- property test

OUTCOMES: Counter[str] = Counter()
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")
CORRUPTIONS = ("none", "bad_date", "not_a_number", "other_convention", "extra_cell", "overflow", "empty_value")


@st.composite
def decimals(draw: st.DrawFn, negative: bool) -> Decimal:
    whole = draw(st.integers(0, 9_999_999))
    places = draw(st.integers(0, 4))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    value = Decimal(whole) + (Decimal(fraction) / Decimal(10**places) if places else 0)
    return -value if negative and draw(st.booleans()) else value


def render(value: Decimal, convention: str, grouped: bool) -> str:
    """``value`` as a file written with a decimal point or a decimal comma would show it."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    if grouped and len(whole) > 3:
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ("," if convention == "point" else ".").join(groups)
    decimal_sign = "." if convention == "point" else ","
    return sign + whole + (decimal_sign + fraction if fraction else "")


def ambiguous(text: str) -> bool:
    """Both conventions read it, differently: one separator followed by exactly three digits, 1-3 digits before."""
    body = text.lstrip("-")
    return len(body) in (5, 6, 7) and body[-4] in ".," and body.replace(body[-4], "", 1).isdigit()


@st.composite
def data_files(draw: st.DrawFn) -> dict:
    chart = draw(st.sampled_from(["i", "p"]))
    kind = draw(st.sampled_from(["csv", "csv", "xlsx"]))
    delimiter = draw(st.sampled_from([";", "\t", ","]))
    header = draw(st.booleans()) or chart == "p"
    conventions = {
        "value": draw(st.sampled_from(["point", "comma"])),
        "denominator": draw(st.sampled_from(["point", "comma"])),
    }
    count = draw(st.integers(1, 12))
    rows = []
    for _ in range(count):
        when = date(2000, 1, 1) + timedelta(days=draw(st.integers(0, 11_000)))
        if chart == "p":
            value = Decimal(draw(st.integers(0, 5000)))
            denominator = value + draw(decimals(negative=False)) + 1
        else:
            value, denominator = draw(decimals(negative=True)), None
        note = draw(st.text(alphabet="abc æøå,;\"'", max_size=8)).strip()
        rows.append({"date": when, "value": value, "denominator": denominator, "note": note,
                     "date_text": when.strftime(draw(st.sampled_from(DATE_FORMATS))),
                     "grouped": draw(st.booleans()), "as_number": kind == "xlsx" and draw(st.booleans())})  # fmt: skip
    corruption = draw(st.sampled_from(CORRUPTIONS))
    if corruption == "other_convention" and count < 2:
        corruption = "not_a_number"
    target = draw(st.integers(0, count - 1))
    blank_before = draw(st.sets(st.integers(0, count), max_size=3))
    return {"chart": chart, "kind": kind, "delimiter": delimiter, "header": header, "conventions": conventions,
            "rows": rows, "corruption": corruption, "target": target, "blank_before": blank_before}  # fmt: skip


def _cells(spec: dict, row: dict, corrupted: bool, witness: bool) -> list:
    with_denominator = spec["chart"] == "p" or not spec["header"]  # by position the third column is the denominator
    columns = ["date", "value"] + (["denominator"] if with_denominator else []) + ["note"]
    cells: list = []
    for column in columns:
        if column == "denominator" and row["denominator"] is None:
            cells.append("")
        elif column == "date":
            cells.append(datetime.combine(row["date"], datetime.min.time()) if row["as_number"] else row["date_text"])
        elif column == "note":
            cells.append(row["note"])
        elif row["as_number"]:
            cells.append(float(row[column]))
        else:
            cells.append(render(row[column], spec["conventions"][column], row["grouped"]))
    if witness:  # a number only the column's own convention reads, so the other convention below is a mix
        cells[1] = render(Decimal("0.5"), spec["conventions"]["value"], False)
    if corrupted:
        kind = spec["corruption"]
        if kind == "bad_date":
            cells[0] = "2024-02-30"
        elif kind == "not_a_number":
            cells[1] = "1.2.3,4"
        elif kind == "other_convention":
            other = "comma" if spec["conventions"]["value"] == "point" else "point"
            cells[1] = render(Decimal("0.5"), other, False)
        elif kind == "extra_cell":
            cells.append("5")
        elif kind == "overflow":
            cells[1] = "1e400"
        elif kind == "empty_value":
            cells[1] = ""
    return cells


def build_file(spec: dict, folder: Path, number: int) -> tuple[Path, int | None]:
    """Write the file; returns it and the line or sheet row of the corrupted row (None when clean)."""
    names = ["dato", "værdi"] + (["nævner"] if spec["chart"] == "p" else []) + ["notat"]  # a header only when asked
    table: list[list | None] = [names] if spec["header"] else []
    bad_place = None
    for index, row in enumerate(spec["rows"]):
        if index in spec["blank_before"]:
            table.append(None)
        corrupted = spec["corruption"] != "none" and index == spec["target"]
        witness = spec["corruption"] == "other_convention" and index == (spec["target"] + 1) % len(spec["rows"])
        table.append(_cells(spec, row, corrupted, witness))
        if corrupted:
            bad_place = len(table)
    if spec["kind"] == "xlsx":
        path = folder / f"data-{number}.xlsx"
        _workbook([row or [] for row in table]).save(path)
        return path, bad_place
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=spec["delimiter"], lineterminator="\n")
    for row in table:
        if row is None:
            buffer.write("\n")
        else:
            writer.writerow(row)
    path = folder / f"data-{number}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path, bad_place


def sort_key(item: tuple) -> tuple:
    return (item[0], item[1], -1.0 if item[2] is None else item[2], item[3])


def must_be_refused(spec: dict) -> bool:
    """An independent oracle: a column whose text numbers are all ambiguous or whole, with an ambiguous one."""
    for column in ("value", "denominator"):
        texts = [render(r[column], spec["conventions"][column], r["grouped"]) for r in spec["rows"]
                 if r[column] is not None and not r["as_number"]]  # fmt: skip
        if texts and any(ambiguous(t) for t in texts) and all(ambiguous(t) or t.lstrip("-").isdigit() for t in texts):
            return True
    return False


@pytest.fixture(scope="module")
def shared_service(tmp_path_factory: pytest.TempPathFactory):
    database = open_database(tmp_path_factory.mktemp("property") / "register.sqlite")
    service = RegisterService(database, user="tester")
    yield service
    database.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=data_files())
def test_any_generated_file_is_refused_cleanly_or_stored_exactly(shared_service, tmp_path, spec) -> None:
    service = shared_service
    OUTCOMES["files"] += 1
    goal = service.add_node("goal", f"Mål {OUTCOMES['files']}")
    measure = service.add_measure(goal.id, "Måling", chart=spec["chart"])
    path, bad_place = build_file(spec, tmp_path, OUTCOMES["files"])
    audit_before = len(service.audit_trail(goal.id))
    unit = "row" if spec["kind"] == "xlsx" else "line"
    try:
        report = import_file(service, measure.id, path)
    except ImportRejectedError as error:
        OUTCOMES[f"refused: {spec['corruption']}"] += 1
        message = str(error)
        assert service.observations(measure.id) == [], "partial write"
        assert len(service.audit_trail(goal.id)) == audit_before, "audit entry of a refused import"
        assert spec["corruption"] != "none" or must_be_refused(spec), f"a clean file was refused: {message}"
        if bad_place is not None and spec["corruption"] != "other_convention":
            assert f"{unit} {bad_place}:" in message, message
        else:
            assert f"{unit} " in message, message
        return
    except RegisterError as error:  # a file-level refusal (cannot be read): still a message, nothing stored
        OUTCOMES["refused: file"] += 1
        assert service.observations(measure.id) == []
        pytest.fail(f"a generated file was refused as unreadable: {error}")
    OUTCOMES["accepted"] += 1
    assert spec["corruption"] == "none", f"a corrupted file ({spec['corruption']}) was accepted"
    assert not must_be_refused(spec), "an ambiguous column was read by guessing"
    stored = [(o.date, o.value, o.denominator, o.note) for o in service.observations(measure.id)]
    expected = [(r["date"], float(r["value"]), None if r["denominator"] is None else float(r["denominator"]),
                 r["note"]) for r in spec["rows"]]  # fmt: skip
    assert sorted(stored, key=sort_key) == sorted(expected, key=sort_key)
    assert report.accepted_count == len(spec["rows"])


def test_prepare_numbers_rows_of_a_pasted_block_by_their_line() -> None:
    from register.records import MeasureRecord

    measure = MeasureRecord("m", "n", "M", "outcome", "", "", "i", None, None, "anhoej", None, 0, False, 1)
    rows = read_rows_from_text("dato;værdi\n\n2024-01-01;x\n")
    report = prepare(rows, measure)
    assert report.rejected == [(3, "column 2 (value): 'x' is not a number.")]


def read_rows_from_text(text: str) -> list:
    from register.observation_import import split_text

    return split_text(text)


def test_read_rows_keeps_the_file_numbers(tmp_path) -> None:
    rows = read_rows(_write(tmp_path, "dato;værdi\n\n\n2024-01-01;1\n"))
    assert [row.number for row in rows] == [1, 4]


def test_a_large_paste_or_window_import_is_one_compact_audit_entry(service, measure) -> None:
    rows = [{"date": date(2024, 1, 1) + timedelta(days=i), "value": i} for i in range(500)]
    service.add_observations(measure.id, rows)
    [entry] = [e for e in service.audit_trail() if e.action == "add_data"]
    assert entry.changes == {"rows": [None, 500], "first_date": [None, "2024-01-01"],
                             "last_date": [None, "2025-05-14"]}  # fmt: skip
    service.add_observations(measure.id, rows[:3])
    assert len(service.audit_trail()[0].changes["observations"][1]) == 3  # a few points keep their ids
