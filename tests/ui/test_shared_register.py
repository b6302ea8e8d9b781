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
    from register import i18n

    i18n.set_language("en")  # the core's messages in English (a window test before may have chosen Danish)
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
        window.open_location(location, create=True)
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

    monkeypatch.setattr(storage, "open_database", server_wants_a_password)  # the window loads it when opening
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_password", lambda parent, where, can: asked.append(where) or (SECRET, can))
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        with qtbot.waitSignal(window.documentOpened, timeout=20000):
            window.open_location(location, create=True)
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


@pytest.fixture
def logins(postgres_schema):
    """Create PostgreSQL logins with unique names (dropped afterwards): ``logins(role, person="")`` -> name."""
    import uuid

    from sqlalchemy import text

    from register import roles
    from register.storage import open_database

    url, schema = postgres_schema
    owner = open_database(url, schema=schema)
    created: list[str] = []

    def create(role: str, person: str = "") -> str:
        name = f"ir_test_{uuid.uuid4().hex[:10]}"
        with owner.engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        created.append(name)
        roles.grant(owner, name, role, person)
        return name

    create.owner = owner
    yield create
    with owner.engine.begin() as connection:
        for name in created:
            connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    owner.close()


def _open_as(qtbot, window, url: str, schema: str, login: str) -> None:
    location = make_url(_shared_url(url, schema)).set(username=login).render_as_string(hide_password=False)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(location, create=True)


def test_a_viewer_sees_the_role_and_every_edit_is_disabled_with_a_reason(
    qtbot, window, postgres_schema, logins
) -> None:
    from register.service import RegisterService

    url, schema = postgres_schema
    goal = RegisterService(logins.owner).add_node("goal", "Fewer visits")
    viewer = logins("viewer")
    _open_as(qtbot, window, url, schema, viewer)
    assert window.role_label.text() == "Role: viewer (read only)"
    window.select_node(goal.id)
    reason = "Your role lets you read this register, not change it."
    for action in (window.add_actions["goal"], window.add_child_action, window.rename_action, window.delete_action,
                   window.title_action):  # fmt: skip
        assert not action.isEnabled() and action.toolTip() == reason
    assert window.editor.title_edit.isReadOnly() and window.editor.title_edit.toolTip() == reason
    assert not window.editor.measures_panel.add_button.isEnabled()
    # Should a write get through anyway (another path, an old window), the database refuses it, clearly.
    window._save_node(goal.id, {"title": "Changed"})
    assert len(window.errors) == 1
    assert "Your role in the shared register" in window.errors[0] and "file" not in window.errors[0]
    assert RegisterService(logins.owner).get_node(goal.id).title == "Fewer visits"


def test_a_project_lead_edits_their_own_project_only(qtbot, window, postgres_schema, logins) -> None:
    from register.service import RegisterService

    url, schema = postgres_schema
    owner = RegisterService(logins.owner)
    goal = owner.add_node("goal", "Fewer visits")
    driver = owner.add_node("primary", "Care at home", goal.id)
    mine = owner.add_node("project", "Video consultations", driver.id, lead="Mette Hansen")
    theirs = owner.add_node("project", "Tablet relatives", driver.id, lead="Jonas Berg")
    lead = logins("project-lead", "Mette Hansen")
    _open_as(qtbot, window, url, schema, lead)
    assert window.role_label.text() == "Role: project lead (Mette Hansen)"
    window.select_node(mine.id)
    assert window.status_action.isEnabled() and window.rename_action.isEnabled()
    assert not window.editor.title_edit.isReadOnly()
    assert window.editor.lead_edit.isReadOnly()  # the lead is the steering group's choice
    assert not window.delete_action.isEnabled() and "structure" in window.delete_action.toolTip()
    window.select_node(theirs.id)
    assert not window.status_action.isEnabled()
    assert window.status_action.toolTip() == "Your role (project lead) changes only the projects you lead."
    assert window.editor.title_edit.isReadOnly()
    window.select_node(mine.id)
    window.editor.description_edit.setPlainText("Video for every follow-up")
    window.editor.save()
    assert window.errors == []
    assert owner.get_node(mine.id).description == "Video for every follow-up"
    assert owner.audit_trail(mine.id)[0].user == lead


def test_a_password_an_older_version_wrote_into_the_settings_is_removed(qtbot, isolated_settings) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings()
    leaked = f"postgresql+psycopg://anne:{SECRET.replace('%', '%25').replace('@', '%40')}@db.region.dk/register"
    settings.setValue("files/recent", [leaked, "/home/anne/local.sqlite"])
    settings.setValue("files/last", leaked)
    settings.sync()
    assert "Hemmel" in _everything_written(isolated_settings)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.recent() == ["postgresql+psycopg://anne@db.region.dk/register", "/home/anne/local.sqlite"]
    assert "Hemmel" not in _everything_written(isolated_settings)
