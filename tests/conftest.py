"""Shared fixtures. Qt runs offscreen; PostgreSQL tests need IMPROVEMENT_REGISTER_TEST_POSTGRES_URL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests expect English from the core unless a test asks for Danish (subprocesses inherit this).
os.environ["LANGUAGE"] = "en"
from register import i18n

i18n.set_language("en")

POSTGRES_ENV = "IMPROVEMENT_REGISTER_TEST_POSTGRES_URL"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def english_core_after_each_test() -> Iterator[None]:
    """A test that runs the window in Danish also switches the core's language; the next test starts in English."""
    yield
    if i18n.language() != "en":
        i18n.set_language("en")


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture
def postgres_schema() -> Iterator[tuple[str, str]]:
    """A fresh schema on the test server, dropped afterwards: (url, schema)."""
    url = postgres_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    from sqlalchemy import create_engine, text

    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url, schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path):
    """An open, empty register on SQLite and (when configured) on PostgreSQL."""
    from register.storage import open_database

    if request.param == "sqlite":
        db = open_database(tmp_path / "register.sqlite")
    else:
        url, schema = request.getfixturevalue("postgres_schema")
        db = open_database(url, schema=schema)
    yield db
    db.close()


@pytest.fixture
def service(database):
    from register.service import RegisterService

    return RegisterService(database, user="tester")


@pytest.fixture
def sample_service(service):
    from register.exchange import import_file
    from resources import sample_register_path

    import_file(service, sample_register_path())
    return service


@pytest.fixture
def sqlite_service(tmp_path: Path):
    """A service on a fresh SQLite register only (for tests that do not depend on the database)."""
    from register.service import RegisterService
    from register.storage import open_database

    database = open_database(tmp_path / "register-sqlite.sqlite")
    yield RegisterService(database, user="tester")
    database.close()
