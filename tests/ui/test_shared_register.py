"""The window on a shared (PostgreSQL) register: no password anywhere, a password prompt, the user's role."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from register.errors import CredentialsError
from ui import dialogs
from ui.main_window import MainWindow

pytestmark = pytest.mark.postgres

SECRET = "Hemmel%ig@42"


@pytest.fixture
def window(qtbot, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    win = MainWindow()
    win.errors = errors
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def _shared_url(url: str, schema: str, password: str | None = None) -> str:
    parsed = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    if password is not None:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


def _everything_written(settings_folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in settings_folder.rglob("*")
                     if path.is_file())  # fmt: skip


def test_no_password_reaches_the_settings_the_title_or_the_recent_menu(
    qtbot, window, postgres_schema, isolated_settings
) -> None:
    url, schema = postgres_schema
    location = _shared_url(url, schema, SECRET)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(location)
    assert window.document.is_shared
    window.save_settings()
    from PySide6.QtCore import QSettings

    QSettings().sync()
    written = _everything_written(isolated_settings)
    assert written  # the settings were written, and hold the register's address...
    assert make_url(url).host in written
    for secret in (SECRET, "Hemmel%25ig%4042", "Hemmel"):  # ...but never its password, in any spelling
        assert secret not in written
        assert secret not in window.windowTitle()
        assert all(secret not in entry for entry in window.recent())
    assert window.recent()[0] == _shared_url(url, schema)


def test_a_password_prompt_when_libpq_finds_none_and_the_keyring_keeps_it(
    qtbot, window, postgres_schema, isolated_settings, monkeypatch
) -> None:
    import keyring

    from register import storage
    from tests.register.test_credentials import MemoryKeyring

    url, schema = postgres_schema
    location = _shared_url(url, schema)
    real_open = storage.open_database
    tried: list[str | None] = []

    def server_wants_a_password(where, **options):
        tried.append(options.get("password"))
        if options.get("password") != SECRET:
            raise CredentialsError("The register server did not accept the login: a password is needed.")
        return real_open(where, **options)

    monkeypatch.setattr("ui.main_window.open_database", server_wants_a_password)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_password", lambda parent, where, can: asked.append(where) or (SECRET, can))
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        with qtbot.waitSignal(window.documentOpened, timeout=20000):
            window.open_location(location)
        assert asked == [location]  # asked once, with the address (no password in it)
        assert tried == [None, SECRET]  # libpq's own ways first, then what was typed
        assert list(backend.kept.values()) == [SECRET]
        # The next time the keyring answers and nobody is asked.
        second = MainWindow()
        qtbot.addWidget(second)
        with qtbot.waitSignal(second.documentOpened, timeout=20000):
            second.open_location(location)
        assert asked == [location]
        second.close()
    finally:
        keyring.set_keyring(previous)
    window.save_settings()
    assert SECRET not in _everything_written(isolated_settings)
    assert window.errors == []
