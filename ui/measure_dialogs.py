"""Dialogs of the Measures section: a measure's settings, an annotation, and importing data with a preview."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from register import validation
from register.errors import ValidationError
from register.records import MeasureRecord
from register.vocabulary import CHART_TYPES, MEASURE_TYPES
from ui.date_edit import DateEdit
from ui.labels import number_text

translate = QCoreApplication.translate
#: The background of a rejected row in the import preview.
REJECTED = QColor("#fdecea")

_TYPES = {"outcome": QT_TRANSLATE_NOOP("MeasureDialog", "outcome"), "process": QT_TRANSLATE_NOOP(
    "MeasureDialog", "process"), "balancing": QT_TRANSLATE_NOOP("MeasureDialog", "balancing")}  # fmt: skip
_CHARTS = {
    "run": QT_TRANSLATE_NOOP("MeasureDialog", "run chart (median)"),
    "i": QT_TRANSLATE_NOOP("MeasureDialog", "I chart (individual values)"),
    "mr": QT_TRANSLATE_NOOP("MeasureDialog", "MR chart (moving ranges)"),
    "xbar": QT_TRANSLATE_NOOP("MeasureDialog", "Xbar chart (subgroup means)"),
    "s": QT_TRANSLATE_NOOP("MeasureDialog", "S chart (subgroup spread)"),
    "t": QT_TRANSLATE_NOOP("MeasureDialog", "T chart (time between rare events)"),
    "p": QT_TRANSLATE_NOOP("MeasureDialog", "P chart (proportion)"),
    "pp": QT_TRANSLATE_NOOP("MeasureDialog", "P′ chart (Laney, large denominators)"),
    "c": QT_TRANSLATE_NOOP("MeasureDialog", "C chart (count)"),
    "u": QT_TRANSLATE_NOOP("MeasureDialog", "U chart (rate)"),
    "up": QT_TRANSLATE_NOOP("MeasureDialog", "U′ chart (Laney, large denominators)"),
    "g": QT_TRANSLATE_NOOP("MeasureDialog", "G chart (cases between rare events)"),
}


def chart_name(code: str) -> str:
    """A chart type in words (``run`` → ``run chart (median)``, Danish ``seriediagram (median)``)."""
    return translate("MeasureDialog", _CHARTS[code]) if code in _CHARTS else code


def measure_type_name(code: str) -> str:
    """A measure type in words (``outcome`` → ``resultatmåling`` in Danish)."""
    return translate("MeasureDialog", _TYPES[code]) if code in _TYPES else code


class MeasureDialog(QDialog):
    """Add or edit a measure; the register checks the values when they are saved."""

    def __init__(self, measure: MeasureRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MeasureDialog", "Edit measure") if measure else translate(
            "MeasureDialog", "Add measure"))  # fmt: skip
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.name = QLineEdit(measure.name if measure else "")
        self.type = QComboBox()
        for code in MEASURE_TYPES:
            self.type.addItem(translate("MeasureDialog", _TYPES[code]), code)
        self.definition = QPlainTextEdit(measure.definition if measure else "")
        self.definition.setFixedHeight(60)
        self.definition.setTabChangesFocus(True)
        self.unit = QLineEdit(measure.unit if measure else "")
        self.chart = QComboBox()
        for code in CHART_TYPES:
            self.chart.addItem(translate("MeasureDialog", _CHARTS[code]), code)
        self.improvement = QComboBox()
        for text, code in ((translate("MeasureDialog", "not set"), None), (translate("MeasureDialog", "up"), "up"),
                           (translate("MeasureDialog", "down"), "down")):  # fmt: skip
            self.improvement.addItem(text, code)
        self.target = QLineEdit("" if measure is None or measure.target is None else number_text(measure.target))
        self.rules = QComboBox()
        self.rules.addItem(translate("MeasureDialog", "Anhøj (run chart rules)"), "anhoej")
        self.rules.addItem(translate("MeasureDialog", "Making Data Count (I charts)"), "mdc")
        self.rules.addItem(translate("MeasureDialog", "Making Data Count, 6-point shift/trend (I charts)"), "mdc6")
        self.baseline = QLineEdit("" if measure is None or measure.baseline is None else str(measure.baseline))
        self.baseline.setPlaceholderText(translate("MeasureDialog", "all points"))
        if measure is not None:
            for combo, value in ((self.type, measure.type), (self.chart, measure.chart),
                                 (self.improvement, measure.improvement), (self.rules, measure.rules)):  # fmt: skip
                combo.setCurrentIndex(max(0, combo.findData(value)))
        form.addRow(translate("MeasureDialog", "&Name:"), self.name)
        form.addRow(translate("MeasureDialog", "&Type:"), self.type)
        form.addRow(translate("MeasureDialog", "Operational &definition:"), self.definition)
        form.addRow(translate("MeasureDialog", "&Unit:"), self.unit)
        form.addRow(translate("MeasureDialog", "&Chart:"), self.chart)
        form.addRow(translate("MeasureDialog", "&Improvement is:"), self.improvement)
        form.addRow(translate("MeasureDialog", "T&arget:"), self.target)
        form.addRow(translate("MeasureDialog", "&Rules:"), self.rules)
        form.addRow(translate("MeasureDialog", "&Baseline (points):"), self.baseline)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(), "type": self.type.currentData(),
            "definition": self.definition.toPlainText().strip(), "unit": self.unit.text().strip(),
            "chart": self.chart.currentData(), "improvement": self.improvement.currentData(),
            "target": validation.parse_number(self.target.text(), "target", optional=True),
            "rules": self.rules.currentData(),
            "baseline": None if not self.baseline.text().strip() else validation.parse_number(
                self.baseline.text(), "baseline"),
        }  # fmt: skip

    def _accept(self) -> None:
        try:
            values = self.values()
            validation.title(values["name"], "name")
        except ValidationError as error:
            self.message.setText(str(error))
            return
        if values["rules"] in ("mdc", "mdc6") and values["chart"] != "i":
            self.message.setText(translate("MeasureDialog", "Making Data Count rules apply to I charts only."))
            return
        self.accept()


class AnnotationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, annotation: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AnnotationDialog", "Edit annotation") if annotation else translate(
            "AnnotationDialog", "Add annotation"))  # fmt: skip
        form = QFormLayout(self)
        self.date = DateEdit(date.today())
        self.text = QLineEdit()
        self.text.setPlaceholderText(translate("AnnotationDialog", "e.g. PDSA 2: new discharge checklist"))
        self.phase_break = QCheckBox(
            translate("AnnotationDialog", "Start a new phase here (own centre line and limits)")
        )
        if annotation is not None:
            self.date.setDate(annotation.date)
            self.text.setText(annotation.text)
            self.phase_break.setChecked(annotation.phase_break)
        form.addRow(translate("AnnotationDialog", "&Date:"), self.date)
        form.addRow(translate("AnnotationDialog", "&Text:"), self.text)
        form.addRow("", self.phase_break)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        self.date.textChanged.connect(self._show_problem)
        self._show_problem()

    def problem(self) -> str:
        """What stops saving ("" when nothing does)."""
        if self.date.problem():
            return self.date.problem()
        if not self.text.text().strip():
            return translate("AnnotationDialog", "Write the annotation's text.")
        return ""

    def _show_problem(self) -> None:
        self.message.setText(self.date.problem())

    def _accept(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if not problem:
            self.accept()

    def values(self) -> dict[str, Any]:
        return {"date": self.date.date(), "text": self.text.text().strip(),
                "phase_break": self.phase_break.isChecked()}  # fmt: skip


class ImportDialog(QDialog):
    """A preview of the file, which column holds what, and the check of every row before anything is stored."""

    FIELDS = (
        ("date", QT_TRANSLATE_NOOP("ImportDialog", "Date")),
        ("value", QT_TRANSLATE_NOOP("ImportDialog", "Value")),
        ("denominator", QT_TRANSLATE_NOOP("ImportDialog", "Denominator")),
        ("note", QT_TRANSLATE_NOOP("ImportDialog", "Note")),
    )

    def __init__(self, rows: list[list[Any]], measure: MeasureRecord, parent: QWidget | None = None) -> None:
        from register.observation_import import POSITIONAL, recognise_columns

        super().__init__(parent)
        self.rows, self.measure = rows, measure
        self.setWindowTitle(translate("ImportDialog", "Import data into “{name}”").format(name=measure.name))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        width = max((len(row) for row in rows), default=0)
        self.preview = QTableWidget(0, width)
        self.preview.setHorizontalHeaderLabels([str(i + 1) for i in range(width)])
        layout.addWidget(QLabel(translate("ImportDialog", "The first rows of the file, and every rejected row:")))
        layout.addWidget(self.preview, 1)
        recognised = recognise_columns(rows[0]) if rows else None
        self.header = QCheckBox(translate("ImportDialog", "The first row holds column names"))
        self.header.setChecked(recognised is not None)
        layout.addWidget(self.header)
        grid = QGridLayout()
        self.combos: dict[str, QComboBox] = {}
        guess = recognised or {name: index for index, name in enumerate(POSITIONAL) if index < width}
        for number, (field, label) in enumerate(self.FIELDS):
            combo = QComboBox()
            combo.addItem(translate("ImportDialog", "(none)"), None)
            for column in range(width):
                combo.addItem(translate("ImportDialog", "column {number}").format(number=column + 1), column)
            combo.setCurrentIndex(max(0, combo.findData(guess.get(field))))
            combo.currentIndexChanged.connect(self.check)
            grid.addWidget(QLabel(translate("ImportDialog", label) + ":"), 0, number)
            grid.addWidget(combo, 1, number)
            self.combos[field] = combo
        layout.addLayout(grid)
        self.header.toggled.connect(self.check)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setFixedHeight(110)
        layout.addWidget(self.report)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ImportDialog", "&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.check()

    def mapping(self) -> dict[str, int]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData() is not None}

    def check(self, *_args: object) -> None:
        from register.observation_import import prepare

        report = prepare(self.rows, self.measure, self.mapping(), self.header.isChecked())
        self._show_rows(report)
        lines = [translate("ImportDialog", "{ready} rows ready, {rejected} rejected.").format(
            ready=report.accepted_count, rejected=report.rejected_count)]  # fmt: skip
        lines += [report.describe(number, why) for number, why in report.rejected]
        if report.rejected:
            lines.append(translate("ImportDialog", "Nothing is imported until every row is right."))
        self.report.setPlainText("\n".join(lines))
        ok = not report.rejected and bool(report.accepted) and "date" in self.mapping() and "value" in self.mapping()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _show_rows(self, report: Any) -> None:
        """The first rows and every rejected row, numbered as the file shows them; rejected rows red with the reason."""
        from register.observation_import import MAX_KEPT

        why: dict[int, list[str]] = {}
        for number, reason in report.rejected:
            why.setdefault(number, []).append(reason)
        numbered = ((getattr(row, "number", index + 1), row) for index, row in enumerate(self.rows))
        shown = [(number, row) for index, (number, row) in enumerate(numbered) if index < 12 or number in why]
        shown = shown[: 12 + MAX_KEPT]
        self.preview.setRowCount(len(shown))
        labels = []
        for r, (number, row) in enumerate(shown):
            labels.append(str(number))
            reasons = why.get(number)
            for c in range(self.preview.columnCount()):
                item = QTableWidgetItem(str(row[c]) if c < len(row) else "")
                if reasons:
                    item.setBackground(REJECTED)
                    item.setToolTip("\n".join(reasons))
                self.preview.setItem(r, c, item)
        self.preview.setVerticalHeaderLabels(labels)
