"""Opening registers: defaults, pragmas, migrations, and refusing files that are not registers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from register.errors import StorageError
from register.model import Base
from register.service import RegisterService
from register.storage import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    alembic_config,
    current_revision,
    default_register_path,
    make_engine,
    open_database,
    upgrade,
)


def test_head_revision_constant_matches_alembic() -> None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_models_and_migrations_agree(database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_default_register_is_created_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_register_path()
    assert path.is_relative_to(tmp_path / "data")
    db = open_database(None)
    try:
        assert path.exists() and current_revision(db.engine) == HEAD_REVISION
    finally:
        db.close()


def test_sqlite_has_foreign_keys_and_wal(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.sqlite")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.close()


def test_a_file_that_is_not_a_register_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my meeting notes\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a register file"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a register"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_damaged_register_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with pytest.raises(StorageError, match="damaged|not a register"):
        open_database(path)


def test_a_register_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError, match="newer version"):
        open_database(path)


def test_a_locked_register_gives_a_clear_error_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    db = open_database(path, busy_timeout=0.1)
    service = RegisterService(db, user="a")
    goal = service.add_node("goal", "Goal")
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked"):
            service.update_node(goal.id, goal.version, title="Changed")
    finally:
        blocker.rollback()
        blocker.close()
    assert service.get_node(goal.id).title == "Goal"
    db.close()


def test_an_older_schema_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO nodes (id, kind, title, description, parent_id, position, lead, unit, version) "
            "VALUES ('00000000-0000-4000-8000-000000000001', 'goal', 'Old goal', '', NULL, 0, '', '', 1)"
        ))  # fmt: skip
        connection.execute(text(
            "INSERT INTO measures (id, node_id, name, type, definition, unit, chart, version) VALUES "
            "('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Visits', 'outcome', "
            "'', '', 'i', 1)"
        ))  # fmt: skip
    assert current_revision(engine) == "0001"
    engine.dispose()
    db = open_database(path)
    service = RegisterService(db)
    assert current_revision(db.engine) == HEAD_REVISION
    tree = service.load_tree()
    assert [n.title for n in tree.nodes] == ["Old goal"]
    measure = service.list_measures(tree.nodes[0].id)[0]
    assert (measure.name, measure.rules, measure.baseline) == ("Visits", "anhoej", None)
    db.close()


def test_alembic_config_points_at_the_packaged_migrations(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.sqlite")
    assert Path(alembic_config(engine).get_main_option("script_location")) == MIGRATIONS_DIR
    engine.dispose()


def test_unsupported_database_url_is_refused() -> None:
    with pytest.raises(StorageError, match="Unsupported database"):
        open_database("mysql://root@localhost/x")


def test_unreachable_server_gives_a_clear_error() -> None:
    with pytest.raises(StorageError, match="connection|server"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_what_a_transaction_leaves_for_after_its_commit_runs_only_when_it_commits(tmp_path: Path) -> None:
    """The service counts an audit entry as its own only once it is committed (a rolled-back id may be given to
    someone else's entry next)."""
    from datetime import date

    from register.errors import ValidationError
    from register.service import RegisterService
    from register.storage import after_commit, open_database

    database = open_database(tmp_path / "r.sqlite")
    done: list[str] = []
    with database.transaction() as session:
        after_commit(session, lambda: done.append("committed"))
    with pytest.raises(ValidationError), database.transaction() as session:
        after_commit(session, lambda: done.append("rolled back"))
        raise ValidationError("refused")
    assert done == ["committed"]

    service = RegisterService(database, user="tester")
    goal = service.add_node("goal", "Mål")
    project = service.add_node("project", "Projekt", parent_id=service.add_node("primary", "P", goal.id).id)
    service.add_status_update(project.id, date=date(2026, 11, 1), rag="green")
    with database.reading() as session:
        written = {row[0] for row in session.execute(text("SELECT id FROM audit_entries"))}
    assert service.own_audit_ids() == written and len(written) == 4
    assert service.own_audit_ids() == set()  # each id is handed over once
    database.close()
