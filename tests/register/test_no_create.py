"""Opening without creating: a register that does not exist is refused and nothing is made (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from register.errors import StorageError
from register.storage import open_database


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "folder" / "gone.sqlite"
    with pytest.raises(StorageError, match="There is no register at"):
        open_database(missing, create=False)
    assert not missing.parent.exists()


def test_an_existing_register_opens_without_create(tmp_path: Path) -> None:
    open_database(tmp_path / "r.sqlite").close()
    open_database(tmp_path / "r.sqlite", create=False).close()
    open_database(f"sqlite:///{tmp_path / 'r.sqlite'}", create=False).close()
    with pytest.raises(StorageError, match="There is no register at"):
        open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", create=False)
    assert not (tmp_path / "other.sqlite").exists()


@pytest.mark.postgres
def test_an_empty_postgresql_database_is_refused_and_left_empty(postgres_schema: tuple[str, str]) -> None:
    from sqlalchemy import create_engine, inspect, text

    url, schema = postgres_schema
    with pytest.raises(StorageError, match="There is no register at"):
        open_database(url, schema=schema, create=False)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names(schema=schema) == []
    finally:
        engine.dispose()
    open_database(url, schema=schema, create=True).close()
    open_database(url, schema=schema, create=False).close()
    try:
        with engine.connect() as connection:
            assert connection.execute(text(f'SELECT count(*) FROM "{schema}".alembic_version')).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_percent_encoded_address_can_be_created_and_opened(postgres_schema: tuple[str, str]) -> None:
    """Alembic's configparser must not choke on "%" in the address (percent-encoded options or password)."""
    url, schema = postgres_schema
    location = f"{url}?options=-csearch_path%3D{schema}"
    open_database(location, create=True).close()
    database = open_database(location, create=False)
    try:
        assert database.is_shared
    finally:
        database.close()
