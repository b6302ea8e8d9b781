"""Data safety of the register file: atomic schema changes under kill -9, our own marker, a file deleted while open."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from register.errors import StorageError
from register.service import RegisterService
from register.storage import HEAD_REVISION, current_revision, make_engine, open_database, upgrade

ROOT = Path(__file__).resolve().parents[2]

#: A single-threaded helper process that forks one child per kill point: the child opens (creates or upgrades)
#: its register and is killed with SIGKILL just before statement number k reaches SQLite.
FORKING_KILLER = r"""
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from register.storage import open_database

paths = sys.argv[1:]
executed = 0
kill_at = -1


@event.listens_for(Engine, "before_cursor_execute")
def _maybe_die(*_args):
    global executed
    if executed == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    executed += 1


for number, path in enumerate(paths):
    pid = os.fork()
    if pid == 0:
        kill_at = number - 1  # the first child is not killed: it counts the statements
        try:
            open_database(path).close()
        finally:
            sys.stdout.write(f"{executed}\n")
            sys.stdout.flush()
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    sys.stderr.write(f"{number} {os.WIFSIGNALED(status) and os.WTERMSIG(status)}\n")
"""


def _statements_of(path: Path) -> int:
    """How many statements opening this register runs (in a child, on a copy)."""
    result = subprocess.run([sys.executable, "-c", FORKING_KILLER, str(path)], capture_output=True, text=True,
                            cwd=ROOT, check=True)  # fmt: skip
    return int(result.stdout.split()[0])


def _kill_before_each_statement(template: Path | None, folder: Path) -> list[Path]:
    """Copies of ``template`` (or no file) opened by children killed before statement 0, 1, 2, …; the copies."""
    probe = folder / "probe.sqlite"
    if template is not None:
        shutil.copy(template, probe)
    total = _statements_of(probe)
    assert total >= 6
    paths = [folder / f"killed-{k}.sqlite" for k in range(total)]
    if template is not None:
        for path in paths:
            shutil.copy(template, path)
    result = subprocess.run([sys.executable, "-c", FORKING_KILLER, str(probe), *map(str, paths)],
                            capture_output=True, text=True, cwd=ROOT, check=True)  # fmt: skip
    killed = [line.split()[1] for line in result.stderr.splitlines()[1:]]
    assert killed == ["9"] * total, result.stderr  # every child really died by SIGKILL
    return paths


def test_a_crash_while_a_register_is_created_never_bricks_it(tmp_path: Path) -> None:
    for path in _kill_before_each_statement(None, tmp_path):
        database = open_database(path)  # opens (creating what is missing), never "table already exists"
        try:
            assert current_revision(database.engine) == HEAD_REVISION
            service = RegisterService(database, user="tester")
            assert service.add_node("goal", "Færre besøg").title == "Færre besøg"
        finally:
            database.close()


def _first_revision_register(path: Path) -> None:
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO nodes (id, kind, title, description, parent_id, position, lead, unit, version) "
            "VALUES ('00000000-0000-4000-8000-000000000001', 'goal', 'Gammelt mål', '', NULL, 0, '', '', 1)"
        ))  # fmt: skip
        connection.execute(text(
            "INSERT INTO measures (id, node_id, name, type, definition, unit, chart, version) VALUES "
            "('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Besøg', 'outcome', "
            "'', '', 'i', 1)"
        ))  # fmt: skip
    engine.dispose()


def test_a_crash_during_the_upgrade_keeps_the_old_register_and_its_data(tmp_path: Path) -> None:
    template = tmp_path / "first-revision.sqlite"
    _first_revision_register(template)
    for path in _kill_before_each_statement(template, tmp_path):
        database = open_database(path)
        try:
            assert current_revision(database.engine) == HEAD_REVISION
            service = RegisterService(database)
            [goal] = service.load_tree().nodes
            assert goal.title == "Gammelt mål"
            assert service.list_measures(goal.id)[0].rules == "anhoej"
        finally:
            database.close()


def test_another_programs_alembic_database_is_refused_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "other-app.sqlite"
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('ae1027a6acf');"
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount NUMERIC);"
    )
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="another program's data") as refused:
        open_database(path)
    assert "newer version" not in str(refused.value)
    assert path.read_bytes() == before  # not switched to WAL, nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.sqlite"]


def test_a_register_file_deleted_while_open_refuses_the_edit_and_says_where_it_was(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    database = open_database(path)
    service = RegisterService(database, user="tester")
    goal = service.add_node("goal", "Mål")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(StorageError, match="no longer there") as refused:
        service.update_node(goal.id, goal.version, title="Nyt mål")
    assert str(path) in str(refused.value)
    with pytest.raises(StorageError, match="no longer there"):
        service.add_node("goal", "Endnu et mål")
    assert service.get_node(goal.id).title == "Mål"  # reading what the open file holds still works
    database.close()
    assert not path.exists()


def test_a_register_file_moved_or_replaced_while_open_refuses_the_edit(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    database = open_database(path)
    service = RegisterService(database, user="tester")
    goal = service.add_node("goal", "Mål")
    moved = tmp_path / "moved.sqlite"
    os.rename(path, moved)
    with pytest.raises(StorageError, match="no longer there"):
        service.update_node(goal.id, goal.version, title="Nyt mål")
    path.write_bytes(b"")  # another file now sits where the register was
    with pytest.raises(StorageError, match="replaced"):
        service.update_node(goal.id, goal.version, title="Nyt mål")
    assert path.read_bytes() == b""
    database.close()


@pytest.mark.postgres
def test_another_programs_alembic_schema_on_postgresql_is_refused_and_left_alone(postgres_schema) -> None:
    from sqlalchemy import create_engine, inspect

    url, schema = postgres_schema
    engine = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('ae1027a6acf')"))
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(StorageError, match="holds other data and is not a register"):
        open_database(url, schema=schema)
    with engine.connect() as connection:
        assert sorted(inspect(connection).get_table_names()) == ["alembic_version", "invoices"]
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "ae1027a6acf"
    engine.dispose()


def test_an_in_memory_register_is_still_created() -> None:
    database = open_database("sqlite://")
    try:
        assert current_revision(database.engine) == HEAD_REVISION and database.path is None
        assert RegisterService(database).add_node("goal", "Mål").title == "Mål"
    finally:
        database.close()
