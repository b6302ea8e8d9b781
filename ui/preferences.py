"""Preferences: language and the author name written on status updates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ui.i18n import LANGUAGE_KEY, LANGUAGES

translate = QCoreApplication.translate
AUTHOR_KEY = "status/author"


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Preferences", "Preferences"))
        settings = QSettings()
        layout = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem(translate("Preferences", "System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value(LANGUAGE_KEY, "", str))))
        layout.addRow(translate("Preferences", "&Language:"), self.language)
        note = QLabel(translate("Preferences", "A new language applies when the program is started again."))
        note.setWordWrap(True)
        layout.addRow("", note)
        self.author = QLineEdit(settings.value(AUTHOR_KEY, "", str))
        self.author.setPlaceholderText(translate("Preferences", "your name, as project leads know you"))
        layout.addRow(translate("Preferences", "&Author name:"), self.author)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(LANGUAGE_KEY, self.language.currentData())
        settings.setValue(AUTHOR_KEY, self.author.text().strip())
