"""Fixtures of the desktop-app tests: a sample register on SQLite, opened as a document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

#: The sample register's status updates run to November 2026; tests fix "today" so staleness is stable.
TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, qapp):
    """Every test gets its own QSettings folder, so nothing leaks between tests or into the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog that a test did not replace fails the test at once instead of waiting for a click forever."""
    import inspect

    from ui import dialogs

    def refuse(name: str):
        def dialog(*args: object, **kwargs: object) -> None:
            raise AssertionError(f"unexpected dialog ui.dialogs.{name}{args[1:3]!r}: replace it in the test")

        return dialog

    for name, function in inspect.getmembers(dialogs, inspect.isfunction):
        if function.__module__ == dialogs.__name__ and not name.startswith("_"):
            monkeypatch.setattr(dialogs, name, refuse(name))


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A fresh SQLite copy of the sample register."""
    from register.exchange import import_file
    from register.service import RegisterService
    from register.storage import open_database
    from resources import sample_register_path

    path = tmp_path / "sample.sqlite"
    database = open_database(path)
    import_file(RegisterService(database, user="tester"), sample_register_path())
    database.close()
    return path


@pytest.fixture
def document(sample_path: Path, qapp):
    from register.service import RegisterService
    from register.storage import open_database
    from ui.document import RegisterDocument

    doc = RegisterDocument(RegisterService(open_database(sample_path), user="tester"))
    yield doc
    doc.close()


@pytest.fixture
def empty_document(tmp_path: Path, qapp):
    from register.service import RegisterService
    from register.storage import open_database
    from ui.document import RegisterDocument

    doc = RegisterDocument(RegisterService(open_database(tmp_path / "empty.sqlite"), user="tester"))
    yield doc
    doc.close()


@pytest.fixture
def danish(qapp):
    """The window in Danish for one test (English again afterwards)."""
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "da")
    assert len(translators) == 2, "the app's and Qt's Danish catalogues"
    yield
    remove_translators(qapp, translators)
    install_translators(qapp, "en")
