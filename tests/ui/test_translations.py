"""Translations: the catalogues cover every string and are compiled; the window speaks Danish."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402


@pytest.mark.parametrize("language", ["da"])
def test_catalogues_are_complete_and_compiled(tmp_path: Path, language: str) -> None:
    committed = update_translations.TRANSLATIONS / f"improvement_register_{language}.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    update_translations.extract(fresh, update_translations.CATALOGUES[language])
    text = fresh.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, f"untranslated strings: run scripts/update_translations.py ({language})"
    assert text == committed.read_text(encoding="utf-8"), "the .ts is out of date: run scripts/update_translations.py"
    compiled = tmp_path / "fresh.qm"
    update_translations.compile_catalogue(committed, compiled)
    assert compiled.read_bytes() == committed.with_suffix(".qm").read_bytes(), "the .qm is stale"


def test_switching_to_danish_shows_danish_text(qtbot, danish, document) -> None:
    from ui.main_window import MainWindow
    from ui.status_form import StatusForm
    from ui.tree_model import DiagramTreeModel

    window = MainWindow()
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Filer", "&Rediger", "&Vis", "&Hjælp"]
    assert window.tabs.tabText(window.projects_tab) == "Projekter"
    assert window.add_actions["primary"].text() == "Tilføj &primær driver"
    model = DiagramTreeModel(document)
    project = next(n for n in document.index.nodes.values() if n.kind == "project" and n.stage == "testing")
    assert model.index_of_node(project.id, 1).data() == "afprøvning"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Driverdiagram"
    form = StatusForm("Projekt", None, "Ann")
    qtbot.addWidget(form)
    assert form.windowTitle() == "Registrer status: Projekt"
    cancel = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Annuller"  # Qt's own Danish catalogue
    from ui.labels import weeks_text

    assert (weeks_text(1), weeks_text(3)) == ("1 uge", "3 uger")


def test_english_plurals(qapp) -> None:
    from ui.labels import weeks_text

    assert (weeks_text(1), weeks_text(5), weeks_text(None)) == ("1 week", "5 weeks", "never")


def test_preferences_store_the_language(qtbot) -> None:
    from PySide6.QtCore import QSettings

    from ui.i18n import LANGUAGE_KEY, chosen_language
    from ui.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("da"))
    dialog.author.setText("Mette")
    dialog.save()
    assert QSettings().value(LANGUAGE_KEY) == "da"
    assert chosen_language() == "da"


def test_the_command_line_starts_in_danish_when_chosen(tmp_path) -> None:
    """The language from Preferences is used at start-up (a fresh process, offscreen)."""
    settings = tmp_path / "settings"
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QSettings\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(settings)!r})\n"
        "from ui.app import make_application\n"
        "app = make_application()\n"
        "QSettings().setValue('ui/language', 'da')\n"
        "from ui.i18n import install_translators\n"
        "app2 = install_translators(app)\n"
        "print(app.translate('MainWindow', '&File'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert result.stdout.strip() == "&Filer", result.stderr
