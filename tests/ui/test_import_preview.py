"""The import preview names rows as the file shows them and highlights every rejected row with its reason."""

from __future__ import annotations

from pathlib import Path

from register.observation_import import read_rows
from ui.measure_dialogs import REJECTED, ImportDialog


def test_the_preview_highlights_every_bad_row_under_its_file_line(qtbot, service, tmp_path: Path) -> None:
    goal = service.add_node("goal", "Færre besøg")
    measure = service.add_measure(goal.id, "Ventetid", chart="i")
    lines = ["dato;værdi", "", *[f"2026-01-{day:02d};{day},5" for day in range(1, 20)], "2026-02-01;tyve", ""]
    lines += ["2026-02-30;3,5"]
    path = tmp_path / "data.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = ImportDialog(read_rows(path), measure)
    qtbot.addWidget(dialog)
    labels = [dialog.preview.verticalHeaderItem(r).text() for r in range(dialog.preview.rowCount())]
    assert labels[:3] == ["1", "3", "4"]  # the header, then the first data line after the blank line
    assert labels[-2:] == ["22", "24"]  # both bad lines, far below the first rows, under their own line numbers
    for row, reason in ((len(labels) - 2, "'tyve' is not a number"), (len(labels) - 1, "'2026-02-30' is not a date")):
        item = dialog.preview.item(row, 1)
        assert item.background().color() == REJECTED and reason in item.toolTip()
    assert dialog.preview.item(1, 1).background().color() != REJECTED
    report = dialog.report.toPlainText()
    assert "line 22: column 2 (value): 'tyve' is not a number." in report and "line 24: column 1 (date)" in report
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
