"""Help: the built-in user guide (F1, Danish or English) and the About box's facts."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from register import __version__
from register import i18n as core_i18n
from resources import resource_path

translate = QCoreApplication.translate
GUIDE_LANGUAGES = ("en", "da")


def guide_html(language: str | None = None) -> str:
    """The user guide in ``language`` (default: the language the window uses), English when not shipped."""
    code = language or core_i18n.language()
    path = resource_path("guide", f"guide_{code if code in GUIDE_LANGUAGES else 'en'}.html")
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The short user guide, in a window of its own that can stay open beside the main window."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Improvement Register: user guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html(language))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 640)


def about_html(location: str | None, shared: bool) -> str:
    """What About says: the program, its version, the user data folder and where the open register lives."""
    from register.storage import default_register_path

    folder = default_register_path().parent
    if location is None:
        register = translate("Help", "no register is open")
    else:
        kind = translate("Help", "shared (PostgreSQL)") if shared else translate("Help", "local file")
        register = f"{html.escape(location)} ({kind})"
    rows = (
        (translate("Help", "Version"), html.escape(__version__)),
        (translate("Help", "Data folder"), html.escape(str(folder))),
        (translate("Help", "Register"), register),
    )
    table = "".join(f"<tr><td><b>{name}:</b></td><td>{value}</td></tr>" for name, value in rows)
    purpose = translate("Help", "Driver diagrams, project status and run and control charts for health-care "
                        "improvement programmes (IHI Model for Improvement).")  # fmt: skip
    hint = translate("Help", "Press F1 for the user guide.")
    return f"<h3>Improvement Register</h3><p>{purpose}</p><table cellspacing='4'>{table}</table><p>{hint}</p>"
