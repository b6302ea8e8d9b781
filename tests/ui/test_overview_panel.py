"""The measures overview in the window: qtmodeltester, row-by-row updates after edits (no reset), sorting,
double-click to the chart, Danish, export, and the separate window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt

from register import overview as core
from tests.ui.test_main_window import open_and_wait, window  # noqa: F401 - the window fixture
from ui import commands, dialogs
from ui.overview_panel import COLUMNS, MEASURE_ID_ROLE, SORT_ROLE, SPARK_ROLE, OverviewModel, OverviewPanel

GOAL_TITLE = "Færre ambulante besøg i Region Midtjylland"
UP = [12, 13, 11, 12, 14, 12, 13, 11, 12, 13, 12, 13, 16, 17, 16, 18, 17, 16, 18, 17, 16, 18, 17, 18]


@pytest.fixture(autouse=True)
def english_core():
    """The core's words in English (an earlier test may leave the core in Danish)."""
    from register import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


def goal_id(document) -> str:
    return document.service.find_node(GOAL_TITLE, kind="goal").id


@pytest.fixture
def panel(qtbot, document):
    widget = OverviewPanel()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.resize(1400, 500)
    widget.show()
    widget.show_node(goal_id(document))
    return widget


def test_model_passes_qtmodeltester(qtmodeltester, panel) -> None:
    assert panel.model.rowCount() == 10
    qtmodeltester.check(OverviewModel(), force_py=True)
    qtmodeltester.check(panel.proxy, force_py=True)
    qtmodeltester.check(panel.model, force_py=True)


def test_qtmodeltester_watches_the_model_through_edits_and_undo(qtmodeltester, panel, document) -> None:
    qtmodeltester.check(panel.model, force_py=True)
    project = next(n for n in document.index.nodes.values() if n.title == "Regionsklinik i Lemvig")
    panel.view.sortByColumn(COLUMNS.index("variation"), Qt.SortOrder.AscendingOrder)
    measure = commands.add_measure(document, project.id, "Ny", chart="run", improvement="up")
    panel.update_overview()
    document.add_observations(measure.id, [{"date": date(2025, 1, 1) + timedelta(days=31 * i), "value": v}
                                           for i, v in enumerate(UP)])  # fmt: skip
    panel.update_overview()
    assert panel.model.rowCount() == 11
    document.undo_stack.undo()  # the measure is archived again
    panel.update_overview()
    assert panel.model.rowCount() == 10
    document.undo_stack.redo()
    panel.update_overview()
    assert panel.model.rowCount() == 11
    commands.archive_measure(document, measure.id)
    panel.update_overview()
    panel.show_node(project.id)
    panel.show_node(goal_id(document))
    assert panel.model.rowCount() == 10


def test_cells_are_the_cores_texts_with_icons_and_sparklines(panel) -> None:
    model = panel.model
    mdc = next(r for r, row in enumerate(model.rows) if row.measure.rules == "mdc")
    row = model.rows[mdc]
    for column, name in enumerate(COLUMNS):
        assert model.index(mdc, column).data() == core.cell_text(row, name)
        assert model.index(mdc, column).data(SORT_ROLE) == core.sort_key(row, name)
    variation, assurance = COLUMNS.index("variation"), COLUMNS.index("assurance")
    assert not model.index(mdc, variation).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert not model.index(mdc, assurance).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "significantly lower" in model.index(mdc, variation).data(Qt.ItemDataRole.ToolTipRole)
    values, centre, colour = model.index(mdc, COLUMNS.index("trend")).data(SPARK_ROLE)
    assert values == row.spark and centre == row.spark_centre and colour == "#289DE0"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Measure"


def test_sorting_by_variation_puts_signals_first(panel) -> None:
    panel.view.sortByColumn(COLUMNS.index("variation"), Qt.SortOrder.AscendingOrder)
    column = COLUMNS.index("variation")
    keys = [panel.proxy.index(r, column).data(SORT_ROLE) for r in range(panel.proxy.rowCount())]
    assert keys == sorted(keys) and keys[0] < keys[-1]
    panel.view.sortByColumn(COLUMNS.index("last_value"), Qt.SortOrder.DescendingOrder)
    values = [panel.proxy.index(r, COLUMNS.index("last_value")).data(SORT_ROLE) for r in range(10)]
    assert values == sorted(values, reverse=True)


def test_edits_change_rows_one_by_one_without_a_reset(qtbot, panel, document) -> None:
    model = panel.model
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda *_: events.append("inserted"))
    model.rowsRemoved.connect(lambda *_: events.append("removed"))
    model.dataChanged.connect(lambda *_: events.append("changed"))
    project = next(n for n in document.index.nodes.values() if n.title == "Regionsklinik i Lemvig")
    measure = document.add_measure(project.id, "Ny måling", chart="run", improvement="up")
    qtbot.waitUntil(lambda: model.rowCount() == 11, timeout=3000)
    assert events == ["inserted"]
    document.add_observations(measure.id, [{"date": date(2025, 1, 1) + timedelta(days=31 * i), "value": v}
                                           for i, v in enumerate(UP)])  # fmt: skip
    qtbot.waitUntil(lambda: "changed" in events, timeout=3000)
    row = next(row for row in model.rows if row.measure.id == measure.id)
    assert row.variation == "improvement_high" and row.points == len(UP)
    document.set_measure_archived(measure.id, True)
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=3000)
    assert "reset" not in events and events.count("inserted") == 1 and events.count("removed") == 1
    assert measure.id not in {row.measure.id for row in model.rows}


def test_another_node_replaces_the_rows(panel, document) -> None:
    project = next(n for n in document.index.nodes.values() if n.title == "Regionsklinik i Lemvig")
    panel.show_node(project.id)
    assert [row.measure.name for row in panel.model.rows] == [m.name for m in document.service.list_measures(
        project.id)]  # fmt: skip
    assert "project “Regionsklinik i Lemvig”" in panel.heading.text()
    assert panel.view.isColumnHidden(COLUMNS.index("node")), "a project's measures all belong to it"
    panel.show_node(goal_id(document))
    assert not panel.view.isColumnHidden(COLUMNS.index("node"))


def test_export_writes_the_file_the_user_names(panel, tmp_path, monkeypatch) -> None:
    target = tmp_path / "oversigt.xlsx"
    monkeypatch.setattr(dialogs, "ask_overview_file", lambda parent, name: str(target))
    panel.export_button.click()
    assert load_workbook(target).active.max_row == 14
    failures: list[str] = []
    panel.failed.connect(lambda title, message: failures.append(message))
    monkeypatch.setattr(dialogs, "ask_overview_file", lambda parent, name: str(tmp_path / "none" / "o.pdf"))
    panel.export_button.click()
    assert failures == [f"The folder {tmp_path / 'none'} does not exist; nothing was written."]


def test_separate_window_shows_the_same_rows(panel) -> None:
    separate = panel.open_window()
    assert separate.panel.model.rowCount() == panel.model.rowCount() == 10
    assert separate.windowTitle().startswith("Measures overview: goal")
    assert panel.open_window() is separate


def test_double_click_opens_the_measures_chart(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    goal = goal_id(window.document)
    window.select_node(goal)
    editor = window.editor
    editor.tabs.setCurrentIndex(editor.overview_index)
    panel = editor.overview_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 10, timeout=5000)
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()].node.id != goal)  # fmt: skip
    index = panel.proxy.index(row, 0)
    measure_id = index.data(MEASURE_ID_ROLE)
    node_id = panel.model.rows[panel.proxy.mapToSource(index).row()].node.id
    panel.view.doubleClicked.emit(index)
    assert window.selected_node_id() == node_id and editor.node_id == node_id
    assert editor.tabs.currentIndex() == editor.charts_index
    widget = next(w for w in editor.charts_panel.widgets if getattr(w, "measure", None) and w.measure.id == measure_id)
    assert widget.canvas is not None
    qtbot.waitUntil(lambda: editor.charts_panel.scroll.verticalScrollBar().value() == min(
        widget.y(), editor.charts_panel.scroll.verticalScrollBar().maximum()), timeout=3000)  # fmt: skip


def test_the_overview_in_danish(qtbot, document, qapp) -> None:
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "da")
    try:
        widget = OverviewPanel()
        qtbot.addWidget(widget)
        widget.set_document(document)
        widget.show()
        widget.show_node(goal_id(document))
        model = widget.model
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Måling", "Hører til", "Type"]
        dates = {model.index(r, COLUMNS.index("last_date")).data() for r in range(model.rowCount())}
        assert dates == {"01-10-2026"}
        values = [model.index(r, COLUMNS.index("last_value")).data() for r in range(model.rowCount())]
        assert "158.473" in values and any("," in v and v.endswith(" %") for v in values)
        assert widget.export_button.text() == "Eksportér (PDF eller XLSX)…"
        assert widget.heading.text().startswith("Oversigt over målinger: mål")
    finally:
        remove_translators(qapp, translators)
        install_translators(qapp, "en")
    assert model.index(0, 0, QModelIndex()).isValid()


def test_a_data_edit_computes_only_that_measures_row(qtbot, panel, document, monkeypatch) -> None:
    import ui.overview_panel as module

    full: list[str] = []
    real = module.core.measures_overview
    monkeypatch.setattr(module.core, "measures_overview", lambda *a, **k: full.append("full") or real(*a, **k))
    model = panel.model
    row = next(r for r in model.rows if r.measure.chart == "i" and r.measure.rules == "anhoej")
    changes: list[int] = []
    model.dataChanged.connect(lambda top, bottom, roles: changes.extend(range(top.row(), bottom.row() + 1)))
    document.add_observations(row.measure.id, [{"date": date(2026, 11, 1), "value": 1000.0}])
    qtbot.waitUntil(lambda: bool(changes), timeout=3000)
    assert full == [] and changes == [model.rows.index(next(r for r in model.rows if r.measure.id == row.measure.id))]
    updated = next(r for r in model.rows if r.measure.id == row.measure.id)
    assert updated.last_value == 1000.0 and updated.last_date == date(2026, 11, 1) and updated.points == row.points + 1
    document.update_measure(row.measure.id, row.measure.version, name="Omdøbt måling")
    qtbot.waitUntil(lambda: any(r.measure.name == "Omdøbt måling" for r in model.rows), timeout=3000)
    assert full == []
    fresh = real(document.service, panel.node_id)  # the same rows as a full computation
    assert sorted(map(repr, model.rows)) == sorted(map(repr, fresh.rows))
    document.update_node(goal_id(document), title="Nyt navn på målet")
    qtbot.waitUntil(lambda: full == ["full"], timeout=3000)
    assert "Nyt navn på målet" in {r.node.title for r in model.rows}


def test_another_workstations_data_shows_after_a_reload(qtbot, panel, document, sample_path) -> None:
    from register.service import RegisterService
    from register.storage import open_database

    other = RegisterService(open_database(sample_path), user="kollega")
    try:
        measure = other.find_measure("Borgere behandlet i regionsklinikken")
        before = next(row for row in panel.model.rows if row.measure.id == measure.id)
        other.add_observations(measure.id, [{"date": date(2026, 11, 1), "value": 400.0}])
        lemvig = other.find_node("Regionsklinik i Lemvig", kind="project")
        other.add_measure(lemvig.id, "Målt af en kollega", chart="run")
        assert panel.model.rowCount() == 10, "nothing changes until the register is read again"
        document.reload()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 11, timeout=3000)
        after = next(row for row in panel.model.rows if row.measure.id == measure.id)
        assert (after.last_value, after.points) == (400.0, before.points + 1)
    finally:
        other.db.close()


def test_xlsx_icons_sit_in_their_rows(panel, tmp_path, monkeypatch) -> None:
    target = tmp_path / "oversigt.xlsx"
    monkeypatch.setattr(dialogs, "ask_overview_file", lambda parent, name: str(target))
    panel.export_button.click()
    sheet = load_workbook(target).active
    anchors = sorted((image.anchor._from.row, image.anchor._from.col) for image in sheet._images)
    expected = []
    for line, row in enumerate(panel.overview.rows, start=4):  # 0-based rows: the data start on row 5
        expected += [(line, 7)] if row.variation else []
        expected += [(line, 9)] if row.assurance else []
    assert anchors == sorted(expected) and len(anchors) >= 10
