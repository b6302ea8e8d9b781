"""Every dialog the window opens, behind a small function.

The window calls these through the module (``dialogs.ask_status(...)``), so tests replace them
with ``monkeypatch`` and no test ever blocks in ``exec()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # the records load with the register, not before the window shows
    from register.records import StatusRecord
    from register.tree_index import TreeIndex


translate = QCoreApplication.translate


def _register_filter() -> str:
    return translate("Dialogs", "Registers (*.sqlite *.db);;All files (*)")


def _exchange_filter() -> str:
    return translate("Dialogs", "Exchange files (*.json);;All files (*)")


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_information(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def show_guide(parent: QWidget | None) -> None:
    """The user guide (F1), beside the window (not modal)."""
    from ui.help import GuideDialog

    dialog = GuideDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def confirm(parent: QWidget | None, title: str, message: str, action: str) -> bool:
    """Ask before something the user may not have meant; ``action`` names the button that goes ahead."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def ask_reload(parent: QWidget | None, message: str) -> bool:
    """A conflict with someone else's change: offer to reload (nothing was overwritten)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Dialogs", "Changed by someone else"), message,
                      parent=parent)  # fmt: skip
    reload = box.addButton(translate("Dialogs", "&Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is reload


def ask_missing_register(parent: QWidget | None, location: str) -> str | None:
    """A register file that is not there: "locate", "remove" (from the list), "create" (a new one), or None."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Dialogs", "Register not found"), translate(
        "Dialogs", "The register {path} is not there: it may have been moved, renamed or deleted, or its drive "
        "is not connected.\n\nNothing has been created. Locate the file, remove it from the list, or create a "
        "new, empty register in its place.").format(path=location), parent=parent)  # fmt: skip
    choices = {
        box.addButton(translate("Dialogs", "&Locate…"), QMessageBox.ButtonRole.AcceptRole): "locate",
        box.addButton(translate("Dialogs", "&Remove from list"), QMessageBox.ButtonRole.DestructiveRole): "remove",
        box.addButton(translate("Dialogs", "Create &new register"), QMessageBox.ButtonRole.ActionRole): "create",
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return choices.get(box.clickedButton())


def ask_retry(parent: QWidget | None, message: str) -> bool:
    """The server did not answer or the connection was lost: offer to try the same action again."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Dialogs", "The register server does not answer"), message,
                      parent=parent)  # fmt: skip
    retry = box.addButton(translate("Dialogs", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is retry


def ask_open_register(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Open register"), "", _register_filter())
    return path or None


def ask_new_register(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "New register"), "register.sqlite",
                                          _register_filter())  # fmt: skip
    return path or None


def ask_import_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Import exchange file"), "", _exchange_filter())
    return path or None


def ask_export_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Export exchange file"), "register.json",
                                          _exchange_filter())  # fmt: skip
    return path or None


def ask_register_title(parent: QWidget | None, current: str) -> str | None:
    text, ok = QInputDialog.getText(parent, translate("Dialogs", "Register title"),
                                    translate("Dialogs", "Title of the register:"), text=current)  # fmt: skip
    return text if ok else None


def ask_status(parent: QWidget | None, project_title: str, previous: StatusRecord | None,
               author: str, draft: dict[str, Any] | None = None) -> dict[str, Any] | None:  # fmt: skip
    """The status form (filled with ``draft``, what was typed before); the values to log, or None when cancelled."""
    from ui.status_form import StatusForm

    form = StatusForm(project_title, previous, author, parent)
    if draft:
        form.set_values(**{name: value for name, value in draft.items() if value is not None})
    return form.values() if form.exec() else None


def ask_link(parent: QWidget | None, tree: TreeIndex, source_id: str) -> tuple[str, str] | None:
    """(target driver id, strength), or None when cancelled."""
    from ui.link_dialog import LinkDialog

    dialog = LinkDialog(tree, source_id, parent)
    return dialog.choice() if dialog.exec() else None


def edit_preferences(parent: QWidget | None) -> bool:
    from ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(parent)
    if dialog.exec():
        dialog.save()
        return True
    return False


def show_archive(parent: QWidget | None, document: Any, on_restored: Any) -> None:
    """The archive view (modal); ``on_restored(node_id)`` hears of each node put back."""
    from ui.archive_dialog import ArchiveDialog

    dialog = ArchiveDialog(document, parent)
    dialog.restored.connect(on_restored)
    dialog.exec()


def ask_diagram_export(parent: QWidget | None, suggested_name: str) -> tuple[Any, Any, int] | None:
    """(path, PageSetup, dpi) for File → Export diagram, or None when cancelled."""
    from ui.export_dialog import ExportDialog

    dialog = ExportDialog(suggested_name, parent)
    return dialog.choice() if dialog.exec() else None


def print_preview(parent: QWidget | None, paint: Any) -> None:
    """The print preview (A3 landscape to start with); ``paint(printer)`` draws the pages."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(translate("Dialogs", "Print driver diagram"))
    preview.paintRequested.connect(paint)
    preview.resize(1100, 800)
    preview.exec()


def ask_measure(parent: QWidget | None, measure: Any = None) -> dict[str, Any] | None:
    """The measure's settings (for add when ``measure`` is None), or None when cancelled."""
    from ui.measure_dialogs import MeasureDialog

    dialog = MeasureDialog(measure, parent)
    return dialog.values() if dialog.exec() else None


def ask_annotation(parent: QWidget | None, annotation: Any = None) -> dict[str, Any] | None:
    """An annotation's date, text and phase break (prefilled when editing), or None when cancelled."""
    from ui.measure_dialogs import AnnotationDialog

    dialog = AnnotationDialog(parent, annotation)
    return dialog.values() if dialog.exec() else None


def ask_data_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Import data"), "",
                                          translate("Dialogs", "Data (*.csv *.xlsx *.txt);;All files (*)"))  # fmt: skip
    return path or None


def preview_import(parent: QWidget | None, rows: list[list[Any]], measure: Any) -> tuple[dict, bool] | None:
    """The import preview with column mapping: (columns, header) to import with, or None when cancelled."""
    from ui.measure_dialogs import ImportDialog

    dialog = ImportDialog(rows, measure, parent)
    return (dialog.mapping(), dialog.header.isChecked()) if dialog.exec() else None


def ask_chart_file(parent: QWidget | None, name: str, pdf_only: bool = False) -> str | None:
    kinds = translate("Dialogs", "PDF (*.pdf)") if pdf_only else translate(
        "Dialogs", "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)")  # fmt: skip
    path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Export chart"), name, kinds)
    return path or None


def ask_overview_file(parent: QWidget | None, name: str) -> str | None:
    """Where to write the measures overview (.pdf or .xlsx, by the name's ending)."""
    kinds = translate("Dialogs", "PDF (*.pdf);;Excel workbook (*.xlsx)")
    path, chosen = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Export measures overview"), name, kinds)
    if path and not path.lower().endswith((".pdf", ".xlsx")):
        path += ".xlsx" if "xlsx" in chosen else ".pdf"
    return path or None


def print_pack_preview(parent: QWidget | None, paint: Any) -> None:
    """The print preview of a meeting pack (A4); ``paint(printer)`` draws the pages."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(translate("Dialogs", "Print meeting pack"))
    preview.paintRequested.connect(paint)
    preview.resize(900, 900)
    preview.exec()


def ask_pack_file(parent: QWidget | None, name: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Export meeting pack"), name,
                                          translate("Dialogs", "PDF (*.pdf)"))  # fmt: skip
    return path or None


def ask_password(parent: QWidget | None, location: str, can_remember: bool) -> tuple[str, bool] | None:
    """The password of a shared register's login, and whether to keep it in the system keyring."""
    from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Dialogs", "Password"))
    form = QFormLayout(dialog)
    label = QLabel(translate("Dialogs", "The register server {location} asks for your password.").format(
        location=location))  # fmt: skip
    label.setWordWrap(True)
    form.addRow(label)
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    form.addRow(translate("Dialogs", "&Password:"), field)
    remember = QCheckBox(translate("Dialogs", "&Remember in the system's keyring"))
    remember.setEnabled(can_remember)
    if not can_remember:
        remember.setToolTip(translate("Dialogs", "This computer has no keyring the password could be kept in."))
    form.addRow(remember)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return field.text(), remember.isChecked()
