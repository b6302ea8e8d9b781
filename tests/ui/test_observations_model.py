"""The data grid's model: qtmodeltester, cell validation that stores nothing invalid, the new row, paste, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from register.observation_import import ImportRejectedError
from ui import commands
from ui.observations_model import DATE, DENOMINATOR, EXCLUDED, NOTE, VALUE, ObservationsModel


@pytest.fixture
def proportion(document):
    goal = document.index.child_ids(None)[0]
    measure = commands.add_measure(document, goal, "Andel til test", chart="p", improvement="down")
    commands.add_observations(document, measure.id, [
        {"date": "2026-01-31", "value": 10, "denominator": 100},
        {"date": "2026-02-28", "value": 12, "denominator": 110},
    ])  # fmt: skip
    return measure


def stored(document, measure):
    return [(o.date, o.value, o.denominator, o.note, o.excluded) for o in document.service.observations(measure.id)]


def test_model_passes_qtmodeltester_through_edits(qtmodeltester, document, proportion) -> None:
    model = ObservationsModel(document, proportion)
    qtmodeltester.check(model, force_py=True)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.setData(model.index(0, VALUE), "11")
    model.setData(model.index(0, DATE), "2026-03-31")  # moves the row below the other
    model.paste("2026-04-30\t7\t90\n2026-05-31\t8\t95")
    model.remove_rows([0])
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert [r.date for r in model.rows] == [date(2026, 2, 28), date(2026, 3, 31)]
    assert not resets


def test_invalid_cells_are_marked_explained_and_not_stored(qtbot, document, proportion) -> None:
    model = ObservationsModel(document, proportion)
    before = stored(document, proportion)
    problems = []
    model.problem.connect(problems.append)
    assert not model.setData(model.index(0, VALUE), "ti")  # text in a number
    assert problems[-1] == "Value 'ti' is not a number."
    index = model.index(0, VALUE)
    assert index.data() == "ti" and index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Value 'ti' is not a number."
    assert not model.setData(model.index(0, VALUE), "150")  # numerator above denominator
    assert "larger than its denominator 100" in problems[-1]
    assert not model.setData(model.index(1, DATE), "31/02/2026")  # a date that does not parse
    assert "is not a date" in problems[-1]
    assert stored(document, proportion) == before
    assert model.setData(model.index(0, VALUE), "9,5")  # Danish decimal comma; the red mark goes
    assert model.index(0, VALUE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert stored(document, proportion)[0][1] == 9.5
    document.undo_stack.undo()
    assert stored(document, proportion) == before


def test_new_row_and_exclusion(document, proportion) -> None:
    model = ObservationsModel(document, proportion)
    new = len(model.rows)
    model.setData(model.index(new, DATE), "31-03-2026")
    model.setData(model.index(new, VALUE), "5")
    assert len(model.rows) == 2  # a p chart also needs the denominator
    assert "needs a denominator" in model.index(new, DENOMINATOR).data(Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(new, DENOMINATOR), "80")
    model.setData(model.index(new, VALUE), "5")
    assert stored(document, proportion)[-1][:3] == (date(2026, 3, 31), 5.0, 80.0)
    model.setData(model.index(0, EXCLUDED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(0, 5), "Registreringsfejl")
    record = document.service.observations(proportion.id)[0]
    assert record.excluded and record.exclude_reason == "Registreringsfejl"
    model.setData(model.index(1, NOTE), "PDSA 1")
    assert document.service.observations(proportion.id)[1].note == "PDSA 1"


def test_paste_with_danish_decimals_and_a_malformed_paste_that_stores_nothing(document, proportion) -> None:
    model = ObservationsModel(document, proportion)
    before = stored(document, proportion)
    with pytest.raises(ImportRejectedError, match=r"line 2: column 2 \(value\): 'x' is not a number"):
        model.paste("2026-03-31;7,5;90\n2026-04-30;x;90\n")
    assert stored(document, proportion) == before
    assert model.paste("dato;værdi;nævner\n2026-03-31;7,5;90\n2026-04-30;8;91\n") == 2
    assert stored(document, proportion)[-2][1:3] == (7.5, 90.0)
    document.undo_stack.undo()
    assert stored(document, proportion) == before
