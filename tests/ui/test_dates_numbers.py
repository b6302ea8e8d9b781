"""Dates and numbers in the window, typed key by key into freshly opened dialogs, in Danish and English:
every form a Danish user types gives the date meant, dates are shown the language's way, an impossible
date is flagged where it is typed and nothing is saved, and numbers carry a decimal comma in Danish."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from tests.ui.test_main_window import fresh_tree, open_and_wait, window  # noqa: F401 - the window fixture
from ui import commands
from ui.observations_model import DATE, VALUE

TYPED = ["13-04-2026", "13.04.2026", "13/4/2026", "13-4-26", "2026-04-13"]
SHOWN = {"da": "13-04-2026", "en": "2026-04-13"}


@pytest.fixture(params=["da", "en"])
def language(request, qapp):
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)
    install_translators(qapp, "en")


def type_date(qtbot, dialog, edit, text: str) -> None:
    """Show the dialog, select the field's text and type ``text`` key by key, then Tab out of the field."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    edit.editingFinished.emit()  # what leaving the field does (focus changes are unreliable offscreen)


@pytest.mark.parametrize("typed", TYPED)
def test_status_form_takes_the_date_typed(qtbot, language, typed) -> None:
    from ui.status_form import StatusForm

    form = StatusForm("Projekt", None, "Ann")
    type_date(qtbot, form, form.date_edit, typed)
    assert form.values()["date"] == date(2026, 4, 13)
    assert form.date_edit.text() == SHOWN[language]
    assert form.message.text() == ""


@pytest.mark.parametrize("typed", TYPED)
def test_annotation_dialog_takes_the_date_typed(qtbot, language, typed) -> None:
    from ui.measure_dialogs import AnnotationDialog

    dialog = AnnotationDialog(None)
    type_date(qtbot, dialog, dialog.date, typed)
    QTest.keyClicks(dialog.text, "PDSA 2")
    assert dialog.values()["date"] == date(2026, 4, 13)
    assert dialog.date.text() == SHOWN[language]
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_fresh_dialog_shows_today_the_language_s_way(qtbot, language) -> None:
    from ui.status_form import StatusForm

    form = StatusForm("Projekt", None, "Ann")
    qtbot.addWidget(form)
    today = date.today()
    assert form.date_edit.text() == (today.strftime("%d-%m-%Y") if language == "da" else today.isoformat())
    assert form.values()["date"] == today
    assert form.date_edit.placeholderText() == {"da": "dd-mm-åååå", "en": "yyyy-mm-dd"}[language]


def test_an_impossible_date_is_flagged_inline_and_not_saved(qtbot, language) -> None:
    from ui.measure_dialogs import AnnotationDialog
    from ui.status_form import StatusForm

    form = StatusForm("Projekt", None, "Ann")
    form.set_values(rag="green")
    type_date(qtbot, form, form.date_edit, "31-02-2026")
    expected = {"da": "Dato '31-02-2026' er ikke en dato: februar 2026 har 28 dage.",
                "en": "Date '31-02-2026' is not a date: February 2026 has 28 days."}[language]  # fmt: skip
    assert form.message.text() == expected  # shown as it is typed, before Save
    assert form.date_edit.toolTip() == expected
    assert "#b3261e" in form.date_edit.styleSheet()
    assert form.date_edit.text() == "31-02-2026"  # kept as typed, never turned into another date
    form.save_button.click()
    assert form.result() != QDialog.DialogCode.Accepted
    form.date_edit.selectAll()
    QTest.keyClicks(form.date_edit, "28-02-2026")
    assert form.message.text() == "" and form.date_edit.styleSheet() == ""

    dialog = AnnotationDialog(None)
    type_date(qtbot, dialog, dialog.date, "31.04.2026")
    QTest.keyClicks(dialog.text, "PDSA")
    assert ("april 2026 har 30 dage" if language == "da" else "April 2026 has 30 days") in dialog.message.text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_the_editor_takes_project_dates_typed_and_shows_them_in_the_language(
    qtbot,
    window,  # noqa: F811
    tmp_path,
    language,
) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    project = next(n for n in window.document.index.nodes.values() if n.kind == "project")
    window.select_node(project.id)
    editor = window.editor
    for edit, typed in ((editor.start_edit, "1.3.2026"), (editor.end_edit, "13-4-26")):
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, typed)
    assert editor.message.text() == ""
    editor.save()
    stored = fresh_tree(window).nodes[project.id]
    assert (stored.start, stored.end) == (date(2026, 3, 1), date(2026, 4, 13))
    assert editor.end_edit.text() == SHOWN[language]  # shown again from the register
    editor.end_edit.selectAll()
    QTest.keyClicks(editor.end_edit, "30-02-2027")
    assert ("februar 2027 har 28 dage" if language == "da" else "February 2027 has 28 days") in editor.message.text()
    assert not editor.save_button.isEnabled()


def test_grid_dates_and_decimal_commas(qtbot, window, tmp_path, language) -> None:  # noqa: F811
    from ui.date_edit import DateEdit

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    document = window.document
    goal = document.index.child_ids(None)[0]
    measure = commands.add_measure(document, goal, "Ventetid", chart="i")
    window.select_node(goal)
    panel = window.editor.measures_panel
    panel.measure_list.setCurrentRow(next(row for row in range(panel.measure_list.count())
                                          if panel.measure_list.item(row).text().startswith("Ventetid")))  # fmt: skip
    view, model = panel.grid, panel.model
    assert model.measure.id == measure.id

    def type_into(row: int, column: int, typed: str) -> QWidget:
        index = model.index(row, column)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.focusWidget()
        QTest.keyClicks(editor, typed)
        return editor

    editor = type_into(0, DATE, "31-02-2026")  # the grid's date editor flags an impossible date as it is typed
    assert isinstance(editor, DateEdit) and "#b3261e" in editor.styleSheet()
    assert ("februar 2026 har 28 dage" if language == "da" else "February 2026 has 28 days") in editor.toolTip()
    editor.selectAll()
    QTest.keyClicks(editor, "13.4.2026")
    assert editor.styleSheet() == ""
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.focusWidget() is not editor)  # the view commits the edit queued
    editor = type_into(0, VALUE, "2,5")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(document.service.observations(measure.id)))
    [stored] = document.service.observations(measure.id)
    assert (stored.date, stored.value) == (date(2026, 4, 13), 2.5)
    assert model.index(0, DATE).data() == SHOWN[language]
    assert model.index(0, VALUE).data() == ("2,5" if language == "da" else "2.5")
    assert model.index(0, VALUE).data(Qt.ItemDataRole.EditRole) == model.index(0, VALUE).data()
    model.setData(model.index(0, VALUE), model.index(0, VALUE).data())  # what is shown reads back unchanged
    assert document.service.observations(measure.id)[0].value == 2.5


def test_numbers_in_the_status_form_and_measure_dialog(qtbot, document, language) -> None:
    from ui.measure_dialogs import MeasureDialog
    from ui.status_form import StatusForm

    form = StatusForm("Projekt", None, "Ann")
    qtbot.addWidget(form)
    texts = [form.progress_combo.itemText(i) for i in range(form.progress_combo.count())]
    assert texts[7].startswith("3,5 – " if language == "da" else "3.5 – ")
    goal = document.index.child_ids(None)[0]
    measure = commands.add_measure(document, goal, "Andel", chart="p", target=0.85)
    dialog = MeasureDialog(measure)
    qtbot.addWidget(dialog)
    assert dialog.target.text() == ("0,85" if language == "da" else "0.85")
    dialog.target.selectAll()
    QTest.keyClicks(dialog.target, "0,9")
    assert dialog.values()["target"] == 0.9
