"""Every text the window asks Qt to translate has Danish: the app's own and those of Qt's standard dialogs.

A recording translator is installed before the app's and Qt's Danish catalogues, so Qt asks it only for
texts that no catalogue translates. The window is opened on the sample register in Danish, every tab and
editor page is shown and every dialog is built; the recorder must have seen nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from tests.ui.test_main_window import open_and_wait, window  # noqa: F401 - the window fixture

#: Requests that are not user-visible words: Qt's layout-direction marker, a progress bar's format, the names
#: of keys the app never binds (reading a shortcut like "Ctrl+2", QKeySequence asks for every key name in its
#: table; qtbase_da lacks a few rare ones), and file-type names that come from the system's MIME database
#: (shared-mime-info), which has no Qt catalogue.
NOT_WORDS = {("QGuiApplication", "QT_LAYOUT_DIRECTION"), ("QProgressBar", "%p%")} | {
    ("QShortcut", key) for key in ("Adjust contrast", "Calendar", "Control", "Keyboard", "Launch (G)", "Launch (H)",
                                   "Memo", "To-do list")
}  # fmt: skip
NOT_WORD_CONTEXTS = {"QMimeType"}


class MissingRecorder(QTranslator):
    """Consulted last: every request it sees is a text that no installed catalogue translates."""

    def __init__(self) -> None:
        super().__init__()
        self.missing: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> None:
        if source and (context, source) not in NOT_WORDS and context not in NOT_WORD_CONTEXTS:
            self.missing.add((context, source))
        return None  # no translation: Qt uses the source text (the recorder never changes what is shown)


@pytest.fixture
def recorder(qapp):
    from ui.i18n import install_translators, remove_translators

    missing = MissingRecorder()
    qapp.installTranslator(missing)  # first installed = asked last
    translators = install_translators(qapp, "da")
    yield missing
    remove_translators(qapp, translators)
    qapp.removeTranslator(missing)
    install_translators(qapp, "en")


def test_the_recorder_sees_an_untranslated_text(recorder) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "&File") == "&Filer"
    assert QCoreApplication.translate("MainWindow", "A text nobody translated") == "A text nobody translated"
    assert recorder.missing == {("MainWindow", "A text nobody translated")}


def test_every_text_of_the_window_and_its_dialogs_has_danish(qtbot, recorder, window, tmp_path) -> None:  # noqa: F811
    from ui.export_dialog import ExportDialog
    from ui.link_dialog import LinkDialog
    from ui.measure_dialogs import AnnotationDialog, ImportDialog, MeasureDialog
    from ui.preferences import PreferencesDialog
    from ui.status_form import StatusForm

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    document = window.document
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
    project = next(n for n in document.index.nodes.values() if n.kind == "project" and document.service.list_measures(
        n.id))  # fmt: skip
    window.select_node(project.id)
    for page in range(window.editor.tabs.count()):
        window.editor.tabs.setCurrentIndex(page)
        qtbot.wait(20)
    for menu_action in window.menuBar().actions():
        menu_action.menu().aboutToShow.emit()
    measure = document.service.list_measures(project.id)[0]
    dialogs = [
        StatusForm(project.title, None, "Ann"),
        MeasureDialog(measure),
        MeasureDialog(None),
        AnnotationDialog(None),
        ImportDialog([["dato", "værdi"], ["13-04-2026", "2,5"]], measure),
        ExportDialog("diagram"),
        LinkDialog(document.index, project.id),
        PreferencesDialog(),
        QMessageBox(QMessageBox.Icon.Warning, "x", "y", QMessageBox.StandardButton.Ok
                    | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Close
                    | QMessageBox.StandardButton.Save),
    ]  # fmt: skip
    for accept_mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        files = QFileDialog(None, "x", str(tmp_path))
        files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        files.setAcceptMode(accept_mode)
        dialogs.append(files)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(20)
    labels = {label.text() for label in dialogs[-1].findChildren(QLabel)}
    assert "Kig &i:" in labels and "Filer af &typen:" in labels  # was "Look in:" in English
    assert recorder.missing == set(), f"texts without Danish: {sorted(recorder.missing)}"


def _danish_texts() -> list[tuple[str, str, str]]:
    """(context, English source, Danish) of the window's catalogue and of the core's."""
    import xml.etree.ElementTree as ElementTree
    from pathlib import Path

    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[2]
    texts = []
    tree = ElementTree.parse(root / "resources" / "translations" / "improvement_register_da.ts")
    for context in tree.getroot():
        for message in context.findall("message"):
            translation = message.find("translation")
            for form in [translation.text or "", *(n.text or "" for n in translation.findall("numerusform"))]:
                texts.append((context.find("name").text, message.find("source").text, form))
    with (root / "register" / "locale" / "da" / "LC_MESSAGES" / "improvement_register.po").open("rb") as handle:
        for message in read_po(handle):
            if message.id:
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                texts += [("core", ids[0], string) for string in strings]
    return texts


def test_one_danish_word_one_meaning() -> None:
    """The glossary (README): goal = mål, target = målværdi; stage = stadie, a chart's phase = periode;
    chart = kurve (run chart seriediagram, control chart kontroldiagram); the drawn diagram = (driver)diagram."""
    import re

    wrong = []
    for context, source, danish in _danish_texts():
        # Command names (export-chart, export-diagram) are not words of either language.
        english, words = (re.sub(r"\bexport-[a-z]+", "", text.lower()) for text in (source, danish))
        if "target" in english and "{target}" not in english and "målværdi" not in words:
            wrong.append((context, source, danish))
        if re.search(r"\bfase", words):  # neither a stage (stadie) nor a phase (periode) is a "fase"
            wrong.append((context, source, danish))
        if (
            re.search(r"\bcharts?\b", english)
            and "diagram" in words
            and not re.search(r"seriediagram|kontroldiagram|driverdiagram", words)
        ):  # a chart is a kurve; "diagram" is the drawn driver diagram
            wrong.append((context, source, danish))
        if re.search(r"\bstages?\b", english) and "stadi" not in words:
            wrong.append((context, source, danish))
    assert wrong == []
