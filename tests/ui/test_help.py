"""Identity and help: About names the version, the data folder and the register; F1 opens the guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from register import __version__
from register import i18n as core_i18n
from ui import dialogs
from ui.help import GuideDialog, guide_html
from ui.main_window import MainWindow

#: What the guide must cover (the main tasks), in each language.
MAIN_TASKS = {
    "en": ("--sample", "default register", "Log status", "Projects tab", "Print diagram", "CSV", "charts",
           "Ctrl+Z", "Edit → Archive", "Export exchange file", "F1"),
    "da": ("--sample", "standardregistret", "Registrer status", "Fanen Projekter", "Udskriv diagram", "CSV",
           "Fanen Kurver", "Ctrl+Z", "Rediger → Arkiv", "Eksporter udvekslingsfil", "F1"),
}  # fmt: skip


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_about_shows_version_data_folder_and_register(qtbot, window, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert "no register is open" in shown[-1]
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(tmp_path / "mine.sqlite"), create=True)
    window.about_action.trigger()
    text = shown[-1]
    assert f"<td>{__version__}</td>" in text
    assert str(tmp_path / "data-home" / "improvement-register") in text
    assert f"{tmp_path / 'mine.sqlite'} (local file)" in text


def test_f1_opens_the_user_guide(qtbot, window, monkeypatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(dialogs, "show_guide", lambda parent: opened.append(parent))
    assert "F1" in [shortcut.toString() for shortcut in window.guide_action.shortcuts()]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert opened == [window]


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_guide_covers_the_main_tasks_in_both_languages(qtbot, language) -> None:
    dialog = GuideDialog(language=language)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    missing = [task for task in MAIN_TASKS[language] if task not in text]
    assert not missing, f"the {language} guide does not mention {missing}"


def test_the_guide_follows_the_window_language() -> None:
    try:
        core_i18n.set_language("da")
        assert "brugervejledning" in guide_html()
        core_i18n.set_language("en")
        assert "user guide" in guide_html()
    finally:
        core_i18n.set_language("en")
