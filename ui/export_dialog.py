"""File → Export diagram…: where, which paper, how (PDF, SVG or PNG by the file's ending)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui.diagram_export import FORMATS, ORIENTATIONS, PAGE_SIZES, PageSetup

translate = QCoreApplication.translate
SETTINGS = "diagram/export"


class ExportDialog(QDialog):
    def __init__(self, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export diagram"))
        settings = QSettings()
        folder = settings.value(f"{SETTINGS}/folder", str(Path.home()), str)
        self.path_edit = QLineEdit(str(Path(folder) / f"{suggested_name}.pdf"))
        browse = QPushButton(translate("ExportDialog", "&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.page_combo = QComboBox()
        for page in PAGE_SIZES:
            self.page_combo.addItem(page, page)
        self.page_combo.setCurrentIndex(self.page_combo.findData(settings.value(f"{SETTINGS}/page", "A3", str)))
        self.orientation_combo = QComboBox()
        names = {"landscape": translate("ExportDialog", "Landscape"), "portrait": translate("ExportDialog", "Portrait")}
        for orientation in ORIENTATIONS:
            self.orientation_combo.addItem(names[orientation], orientation)
        self.orientation_combo.setCurrentIndex(
            self.orientation_combo.findData(settings.value(f"{SETTINGS}/orientation", "landscape", str))
        )
        self.tile_check = QCheckBox(translate("ExportDialog", "Tile over several pages (PDF)"))
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(50, 1200)
        self.dpi_spin.setValue(200)
        self.dpi_spin.setSuffix(" dpi")
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e")
        form = QFormLayout(self)
        form.addRow(translate("ExportDialog", "&File:"), row)
        form.addRow(translate("ExportDialog", "&Paper:"), self.page_combo)
        form.addRow(translate("ExportDialog", "&Orientation:"), self.orientation_combo)
        form.addRow("", self.tile_check)
        form.addRow(translate("ExportDialog", "PNG &resolution:"), self.dpi_spin)
        note = QLabel(translate("ExportDialog", "The diagram is fitted to one page; when its text would print "
                                                "smaller than 6 pt, a PDF is tiled over several pages."))  # fmt: skip
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow("", self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        title = translate("ExportDialog", "Export diagram")
        kinds = translate("ExportDialog", "PDF (*.pdf);;SVG (*.svg);;PNG (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, title, self.path_edit.text(), kinds)
        if path:
            self.path_edit.setText(path)

    def choice(self) -> tuple[Path, PageSetup, int]:
        setup = PageSetup(
            self.page_combo.currentData(), self.orientation_combo.currentData(), self.tile_check.isChecked()
        )
        return Path(self.path_edit.text().strip()), setup, self.dpi_spin.value()

    def _accept(self) -> None:
        path, setup, _dpi = self.choice()
        if path.suffix.lower() not in FORMATS:
            self.message.setText(translate("ExportDialog", "The file name must end in .pdf, .svg or .png."))
            return
        settings = QSettings()
        settings.setValue(f"{SETTINGS}/folder", str(path.parent))
        settings.setValue(f"{SETTINGS}/page", setup.page)
        settings.setValue(f"{SETTINGS}/orientation", setup.orientation)
        self.accept()
