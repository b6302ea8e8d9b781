"""Importing observations from CSV/XLSX and pasted blocks: headers in Danish or English, positions,
separators and decimal commas; all or nothing with a report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from register.cli import main
from register.errors import ValidationError
from register.observation_import import ImportRejectedError, import_observations, read_rows, split_text


@pytest.fixture
def service(sqlite_service):
    """These tests do not depend on the database: SQLite only."""
    return sqlite_service


@pytest.fixture
def measures(service):
    goal = service.add_node("goal", "Færre genindlæggelser")
    proportion = service.add_measure(goal.id, "Andel genindlagt", chart="p", type="outcome")
    count = service.add_measure(goal.id, "Antal besøg", chart="i")
    return proportion, count


def test_danish_header_semicolons_and_decimal_commas(service, measures, tmp_path) -> None:
    proportion, _ = measures
    path = tmp_path / "data.csv"
    path.write_text("Dato;Værdi;Nævner;Notat\n31-01-2026;12;140;januar\n28.02.2026;9,0;132,0;\n2026-03-31;1.234,0;2.000;stor\n",
                    encoding="utf-8")  # fmt: skip
    report = import_observations(service, proportion.id, read_rows(path))
    assert report.header and report.columns == {"date": 0, "value": 1, "denominator": 2, "note": 3}
    stored = service.observations(proportion.id)
    assert [(o.date, o.value, o.denominator, o.note) for o in stored] == [
        (date(2026, 1, 31), 12.0, 140.0, "januar"), (date(2026, 2, 28), 9.0, 132.0, ""),
        (date(2026, 3, 31), 1234.0, 2000.0, "stor"),
    ]  # fmt: skip


def test_positional_columns_without_header_and_a_pasted_tab_block(service, measures) -> None:
    _, count = measures
    rows = split_text("2026-01-01\t5,5\n2026-02-01\t6\t\tnote her\n")
    report = import_observations(service, count.id, rows)
    assert not report.header
    assert [(o.value, o.note) for o in service.observations(count.id)] == [(5.5, ""), (6.0, "note her")]


def test_english_header_comma_separated_with_quoted_decimal_comma(service, measures, tmp_path) -> None:
    _, count = measures
    path = tmp_path / "data.csv"
    path.write_text('note,date,value\nfirst,2026-01-01,"3,5"\n,2026-02-01,4\n', encoding="utf-8")
    import_observations(service, count.id, read_rows(path))
    assert [(o.value, o.note) for o in service.observations(count.id)] == [(3.5, "first"), (4.0, "")]


def test_a_broken_file_stores_nothing_and_says_why(service, measures, tmp_path) -> None:
    proportion, _ = measures
    path = tmp_path / "bad.csv"
    path.write_text("dato;værdi;nævner\n2026-01-31;12;140\n2026-02-30;9;132\n2026-03-31;abc;100\n2026-04-30;50;40\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(ImportRejectedError) as caught:
        import_observations(service, proportion.id, read_rows(path))
    message = str(caught.value)
    assert "Nothing was imported: 3 of 4 rows have problems." in message
    assert "line 3: column 1 (date): '2026-02-30' is not a date" in message
    assert "line 4: column 2 (value): 'abc' is not a number." in message
    assert "line 5: The value 50 is larger than its denominator 40" in message
    assert service.observations(proportion.id) == []


def test_xlsx_with_real_dates_and_a_corrupt_workbook(service, measures, tmp_path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    _, count = measures
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Dato", "Værdi", "Bemærkning"])
    sheet.append([datetime(2026, 1, 31), 7, "a"])
    sheet.append([datetime(2026, 2, 28), 8.25, None])
    path = tmp_path / "data.xlsx"
    workbook.save(path)
    import_observations(service, count.id, read_rows(path))
    assert [(o.date, o.value, o.note) for o in service.observations(count.id)] == [
        (date(2026, 1, 31), 7.0, "a"), (date(2026, 2, 28), 8.25, "")]  # fmt: skip
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValidationError, match="not a readable Excel workbook"):
        read_rows(broken)
    with pytest.raises(ValidationError, match="reads .csv and .xlsx"):
        read_rows(tmp_path / "data.ods")


def test_command_line_import(service, measures, tmp_path, capsys) -> None:
    proportion, _ = measures
    database = str(service.db.engine.url.database)
    good = tmp_path / "good.csv"
    good.write_text("date,value,denominator\n2026-01-31,3,30\n2026-02-28,4,31\n", encoding="utf-8")
    assert main(["import-observations", "--db", database, "--measure", "Andel genindlagt", str(good)]) == 0
    assert "Imported 2 observations into 'Andel genindlagt'" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("date,value,denominator\n2026-03-31,3\n", encoding="utf-8")
    assert main(["import-observations", "--db", database, "--measure", proportion.id, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Nothing was imported" in err and "line 2: A p chart needs a denominator" in err
    assert len(service.observations(proportion.id)) == 2
    assert main(["import-observations", "--db", database, "--measure", "Ukendt", str(good)]) == 1
    assert "No measure has the id or name 'Ukendt'" in capsys.readouterr().err
    assert Path(database).exists()
