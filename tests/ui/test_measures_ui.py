"""Measures, data and charts in the window, and the evidence markers on the tree and the diagram."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QGuiApplication

from tests.ui.test_main_window import open_and_wait, window  # noqa: F401 - the window fixture
from ui import dialogs
from ui.charts_panel import ChartWidget
from ui.item_roles import EVIDENCE_ROLE

UP = [12, 13, 11, 12, 14, 12, 13, 11, 12, 13, 12, 13, 16, 17, 16, 18, 17, 16, 18, 17, 16, 18, 17, 18]
FLAT = [12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13]


def labels(widget: ChartWidget) -> list[str]:
    axes = widget.figure.axes[0]
    return [artist.get_label() for artist in [*axes.lines, *axes.collections]]


def wait_for_evidence(qtbot, window) -> None:  # noqa: F811
    qtbot.waitUntil(lambda: bool(window.document.evidence), timeout=10000)


def test_charts_panel_shows_progress_then_each_measure(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    service = window.document.service
    project = next(n for n in tree.nodes.values() if n.kind == "project" and len(service.list_measures(n.id)) == 2)
    window.select_node(project.id)
    window.editor.tabs.setCurrentIndex(window.editor.charts_index)
    panel = window.editor.charts_panel
    panel.build_all()
    assert panel.widgets[0].kind == "progress"
    measure_widgets = panel.widgets[1:]
    assert [w.measure.name for w in measure_widgets] == [m.name for m in service.list_measures(project.id)]
    for widget in measure_widgets:
        assert "data" in labels(widget) and "centre" in labels(widget)
        assert ("limits" in labels(widget)) == (widget.measure.chart != "run")
        assert widget.reading.text()
    assert "rag:" in " ".join(labels(panel.widgets[0]))


def test_evidence_markers_for_improvement_worsening_and_no_signal(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "evidence.sqlite", create=True)
    service = window.document.service
    goal = service.add_node("goal", "Mål")
    primary = service.add_node("primary", "Primær", goal.id)
    projects = {}
    for name, values, direction in (("bedre", UP, "up"), ("værre", UP, "down"), ("uændret", FLAT, "up")):
        project = service.add_node("project", f"Projekt {name}", primary.id)
        measure = service.add_measure(project.id, f"Måling {name}", chart="run", improvement=direction)
        service.add_observations(measure.id, [{"date": date(2024, 1, 1) + timedelta(days=30 * i), "value": v}
                                              for i, v in enumerate(values)])  # fmt: skip
        projects[name] = project.id
    window.reload()
    window.set_document(window.document.__class__(service))  # opened afresh: evidence computed in the background
    wait_for_evidence(qtbot, window)
    model = window.tree_model
    kinds = {name: model.index_of_node(node_id).data(EVIDENCE_ROLE) for name, node_id in projects.items()}
    assert kinds == {"bedre": "improvement", "værre": "worsening", "uændret": "no_signal"}
    tooltip = model.index_of_node(projects["bedre"], 4).data(3)
    assert "Måling bedre" in tooltip and "shift: longest run" in tooltip
    window.tabs.setCurrentIndex(window.diagram_tab)
    items = window.diagram_panel.scene.items_by_node
    assert items[projects["værre"]].evidence == "worsening"
    assert items[goal.id].evidence is None


def test_measures_panel_add_paste_import_and_undo(qtbot, window, tmp_path, monkeypatch) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    service = window.document.service
    project = next(n for n in tree.nodes.values() if n.kind == "project" and not service.list_measures(n.id))
    window.select_node(project.id)
    panel = window.editor.measures_panel
    monkeypatch.setattr(
        dialogs,
        "ask_measure",
        lambda parent, measure=None: {
            "name": "Ventetid i dage",
            "type": "process",
            "definition": "Dage fra henvisning til første besøg",
            "unit": "dage",
            "chart": "i",
            "improvement": "down",
            "target": 14.0,
            "rules": "anhoej",
            "baseline": None,
        },
    )
    panel.add_measure()
    measure = service.list_measures(project.id)[0]
    assert panel.measure().id == measure.id and measure.target == 14.0
    # Paste a block copied from Excel (tabs, Danish decimal commas).
    QGuiApplication.clipboard().setText("31-01-2026\t21,5\n28-02-2026\t19\n31-03-2026\t18,25\n")
    panel.paste()
    assert [o.value for o in service.observations(measure.id)] == [21.5, 19.0, 18.25]
    # A malformed paste stores nothing and says why.
    QGuiApplication.clipboard().setText("30-04-2026\tnitten\n")
    errors = window.calls["errors"]
    panel.paste()
    assert "line 1: column 2 (value): 'nitten' is not a number" in errors[-1]
    assert len(service.observations(measure.id)) == 3
    # Import a file through the preview with its column mapping.
    data = tmp_path / "ventetid.csv"
    data.write_text("note;dato;værdi\nPDSA 1;30-04-2026;17\n;31-05-2026;16,5\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_data_file", lambda parent: str(data))
    seen = {}

    def preview(parent, rows, measure):
        from ui.measure_dialogs import ImportDialog

        dialog = ImportDialog(rows, measure, parent)
        seen["report"] = dialog.report.toPlainText()
        return dialog.mapping(), dialog.header.isChecked()

    monkeypatch.setattr(dialogs, "preview_import", preview)
    panel.import_file()
    assert seen["report"].startswith("2 rows ready, 0 rejected.")
    assert [o.note for o in service.observations(measure.id)][-2:] == ["PDSA 1", ""]
    assert panel.message.text() == "✓ Imported 2 rows."
    assert "#b3261e" not in panel.message.styleSheet()  # a success is not shown in the red of a refusal
    broken = tmp_path / "broken.csv"
    broken.write_text("dato;værdi\n2026-06-30;x\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_data_file", lambda parent: str(broken))
    panel.import_file()
    assert "line 2: column 2 (value): 'x' is not a number." in seen["report"]
    assert "Nothing was imported" in errors[-1]
    assert len(service.observations(measure.id)) == 5
    # A phase-break annotation splits the chart into two phases.
    monkeypatch.setattr(dialogs, "ask_annotation", lambda parent: {"date": date(2026, 4, 1), "text": "PDSA 2",
                                                                   "phase_break": True})  # fmt: skip
    panel.add_annotation()
    window.editor.tabs.setCurrentIndex(window.editor.charts_index)
    charts = window.editor.charts_panel
    qtbot.waitUntil(lambda: len(charts.widgets) >= 1 and not charts._queue, timeout=5000)
    charts.rebuild()
    charts.build_all()
    chart = next(w for w in charts.widgets if w.kind != "progress")
    assert labels(chart).count("data") + labels(chart).count("_data") == 2
    assert "annotation" in labels(chart)
    # Double-click edits an annotation: no new phase after all.
    monkeypatch.setattr(dialogs, "ask_annotation", lambda parent, note=None: {
        "date": note.date, "text": note.text + " (ny tjekliste)", "phase_break": False})  # fmt: skip
    panel.edit_annotation(0)
    note = service.annotations(measure.id)[0]
    assert (note.text, note.phase_break) == ("PDSA 2 (ny tjekliste)", False)
    # Undo everything back to no measure; the measure is archived, not destroyed.
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert service.list_measures(project.id) == []
    assert service.list_measures(project.id, include_archived=True)[0].archived


@pytest.mark.parametrize("language", ["da"])
def test_chart_reading_in_danish(qapp, document, language) -> None:
    from register import charts
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, language)
    try:
        service = document.service
        measure = service.find_measure("Andel virtuelle forløb")
        reading = charts.read_chart(charts.chart_data(measure, service.observations(measure.id)))
        assert reading.sentence.startswith("Signal om forbedring")
    finally:
        remove_translators(qapp, translators)


def test_charts_out_of_view_are_drawn_when_scrolled_to(qtbot, window, tmp_path) -> None:  # noqa: F811
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    goal = window.document.index.child_ids(None)[0]  # the goal has five measures
    window.resize(800, 600)
    window.select_node(goal)
    window.editor.tabs.setCurrentIndex(window.editor.charts_index)
    panel = window.editor.charts_panel
    panel.build_all()
    panel.draw_in_view()
    made = [widget.canvas is not None for widget in panel.widgets]
    assert made[0] and not made[-1]
    bar = panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: panel.widgets[-1].canvas is not None)


def test_the_measure_dialog_offers_the_six_point_mdc_variant(qapp) -> None:
    from ui.measure_dialogs import MeasureDialog

    dialog = MeasureDialog(None)
    dialog.name.setText("Falls")
    dialog.chart.setCurrentIndex(dialog.chart.findData("i"))
    dialog.rules.setCurrentIndex(dialog.rules.findData("mdc6"))
    assert dialog.rules.currentIndex() >= 0 and dialog.values()["rules"] == "mdc6"
    dialog.chart.setCurrentIndex(dialog.chart.findData("c"))
    dialog._accept()
    assert "I charts only" in dialog.message.text() and dialog.result() == 0


def test_mdc_measures_show_the_nhs_icon_in_the_tree_and_the_diagram(qtbot, window, tmp_path) -> None:  # noqa: F811
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from register.variation_icons import BLUE
    from ui.diagram_paint import paint_evidence_badge

    open_and_wait(qtbot, window, tmp_path / "mdc.sqlite", create=True)
    service = window.document.service
    goal = service.add_node("goal", "Mål")
    primary = service.add_node("primary", "Primær", goal.id)
    project = service.add_node("project", "Projekt MDC", primary.id)
    measure = service.add_measure(project.id, "Ventetid", chart="i", rules="mdc", improvement="up")
    service.add_observations(measure.id, [{"date": date(2024, 1, 1) + timedelta(days=30 * i), "value": v}
                                          for i, v in enumerate(UP)])  # fmt: skip
    window.reload()
    window.set_document(window.document.__class__(service))
    wait_for_evidence(qtbot, window)
    evidence = window.document.evidence[project.id]
    assert evidence.kind == "improvement" and evidence.marker == "improvement_high"
    window.tabs.setCurrentIndex(window.diagram_tab)
    assert window.diagram_panel.scene.items_by_node[project.id].evidence == "improvement_high"
    # The badge is the NHS icon: a blue ring, not the ✓ badge.
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_evidence_badge(painter, evidence.marker, QPointF(20, 20), 36)
    painter.end()
    colours = {image.pixelColor(x, y).name() for x in range(40) for y in range(40)}
    blue = QColor(BLUE)
    assert any(abs(QColor(c).red() - blue.red()) < 12 and abs(QColor(c).blue() - blue.blue()) < 12 for c in colours)
    icon = window.tree_model.index_of_node(project.id, 4).data(Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull()


@pytest.mark.parametrize("width", [1280, 865])  # the first window on a large screen, and at 150 % on 1366×768
def test_a_long_measure_name_wraps_inside_its_chart_in_the_window(qtbot, window, tmp_path, width) -> None:  # noqa: F811
    from matplotlib.text import Text

    from ui import commands

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    window.resize(width, 800 if width == 1280 else 486)
    goal = window.document.index.child_ids(None)[0]
    service = window.document.service
    measure = service.list_measures(goal)[0]
    name = "Sygehusforløb pr. borger med KOL og/eller diabetes, opgjort pr. måned for hele Region Midtjylland"
    commands.edit_measure(window.document, measure, name=name)
    window.select_node(goal)
    window.editor.tabs.setCurrentIndex(window.editor.charts_index)
    panel = window.editor.charts_panel
    panel.build_all()
    widget = panel.widgets[0]
    assert widget.measure.name == name
    widget.ensure_canvas()
    qtbot.waitUntil(lambda: widget.drawn)
    figure = widget.figure
    qtbot.waitUntil(lambda: abs(figure.bbox.width - widget.canvas.width() * widget.canvas.device_pixel_ratio) < 2)
    widget.canvas.draw()
    axes = figure.axes[0]
    title = next(t for t in axes.get_children() if isinstance(t, Text) and t.get_text() == axes.get_title(loc="left"))
    box = title.get_window_extent(widget.canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= figure.bbox.x1 and box.y1 <= figure.bbox.y1
    assert box.y0 >= axes.get_window_extent().y1
    assert title.get_text().replace("\n", " ") == f"{name} ({measure.unit}) — I chart"
    if width == 1280:  # the charts take the panel's width: no line of a reading widens them beyond it
        qtbot.waitUntil(lambda: panel.inner.width() >= panel.inner.minimumSizeHint().width())  # laid out
        assert panel.scroll.horizontalScrollBar().maximum() == 0
        assert widget.canvas.width() <= panel.scroll.viewport().width()
