"""The "Log status" form: date, author, RAG, IHI progress score and the narrative, keyboard first."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from register.records import StatusRecord
from register.vocabulary import PROGRESS_SCALE, RAG_VALUES
from ui.date_edit import DateEdit
from ui.icons import rag_icon
from ui.labels import progress_text, rag_name

translate = QCoreApplication.translate


class StatusForm(QDialog):
    """Alt+G/A/R picks the RAG, Ctrl+Enter saves; RAG and progress are carried from the last update."""

    def __init__(self, project_title: str, previous: StatusRecord | None, author: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(translate("StatusForm", "Log status: {title}").format(title=project_title))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.date_edit = DateEdit(date.today())
        self.date_edit.textChanged.connect(lambda _text: self.message.setText(self.date_edit.problem()))
        form.addRow(translate("StatusForm", "&Date:"), self.date_edit)
        self.author_edit = QLineEdit(author)
        form.addRow(translate("StatusForm", "A&uthor:"), self.author_edit)

        rag_row = QHBoxLayout()
        self.rag_group = QButtonGroup(self)
        self.rag_buttons: dict[str, QRadioButton] = {}
        mnemonic = {"green": translate("StatusForm", "&Green"), "amber": translate("StatusForm", "&Amber"),
                    "red": translate("StatusForm", "&Red")}  # fmt: skip
        for rag in RAG_VALUES:
            button = QRadioButton(mnemonic[rag])
            button.setIcon(rag_icon(rag))
            button.setToolTip(rag_name(rag))
            self.rag_group.addButton(button)
            self.rag_buttons[rag] = button
            rag_row.addWidget(button)
        rag_row.addStretch(1)
        form.addRow(translate("StatusForm", "RAG:"), rag_row)

        self.progress_combo = QComboBox()
        self.progress_combo.addItem(translate("StatusForm", "— no score —"), None)
        for score in PROGRESS_SCALE:
            self.progress_combo.addItem(progress_text(score), score)
        form.addRow(translate("StatusForm", "&Progress (IHI):"), self.progress_combo)

        self.summary_edit = self._text_box(translate("StatusForm", "What happened since the last update?"))
        form.addRow(translate("StatusForm", "&Summary:"), self.summary_edit)
        self.next_steps_edit = self._text_box(translate("StatusForm", "What comes next?"))
        form.addRow(translate("StatusForm", "&Next steps:"), self.next_steps_edit)
        self.help_edit = self._text_box(translate("StatusForm", "What do you need from the steering group?"))
        form.addRow(translate("StatusForm", "&Help needed:"), self.help_edit)

        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(translate("StatusForm", "Save (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        if previous is not None:
            self.rag_buttons[previous.rag].setChecked(True)
            self.progress_combo.setCurrentIndex(max(0, self.progress_combo.findData(previous.progress)))
            self.summary_edit.setPlaceholderText(
                translate("StatusForm", "Last time: {summary}").format(summary=previous.summary or "—")
            )
        self.summary_edit.setFocus()

    @staticmethod
    def _text_box(placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(64)
        return box

    def rag(self) -> str | None:
        return next((rag for rag, button in self.rag_buttons.items() if button.isChecked()), None)

    def set_values(self, **values: Any) -> None:
        """Fill the form (tests and scripted entry)."""
        if "date" in values:
            self.date_edit.setDate(values["date"])
        if "rag" in values:
            self.rag_buttons[values["rag"]].setChecked(True)
        if "progress" in values:
            self.progress_combo.setCurrentIndex(self.progress_combo.findData(values["progress"]))
        for name, box in (("summary", self.summary_edit), ("next_steps", self.next_steps_edit),
                          ("help_needed", self.help_edit)):  # fmt: skip
            if name in values:
                box.setPlainText(values[name])
        if "author" in values:
            self.author_edit.setText(values["author"])

    def values(self) -> dict[str, Any]:
        return {
            "date": self.date_edit.date(),
            "author": self.author_edit.text().strip(),
            "rag": self.rag(),
            "progress": self.progress_combo.currentData(),
            "summary": self.summary_edit.toPlainText().strip(),
            "next_steps": self.next_steps_edit.toPlainText().strip(),
            "help_needed": self.help_edit.toPlainText().strip(),
        }

    def problem(self) -> str:
        """What stops saving, or "" when the form is complete."""
        if self.date_edit.problem():
            return self.date_edit.problem()
        when = self.date_edit.date()
        if when is not None and when > date.today() + timedelta(days=366):
            return translate("StatusForm", "The date is more than a year ahead; check the year.")
        if self.rag() is None:
            return translate("StatusForm", "Choose a RAG status: green, amber or red (Alt+G, Alt+A, Alt+R).")
        if not self.author_edit.text().strip():
            return translate("StatusForm", "Give the author's name.")
        return ""

    def _accept_if_valid(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if not problem:
            self.accept()
