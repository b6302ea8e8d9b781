"""Credentials never stored or shown; passwords from libpq's own ways or the system keyring; author names."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy import text
from sqlalchemy.engine import make_url

from register import credentials
from register.errors import StorageError, ValidationError
from register.service import RegisterService
from register.storage import describe_location, open_database, public_location, url_password

SECRET = "pa%ss@w:rd/1"  # a % (Alembic's config interpolation), an @ and a : (URL syntax)
ENCODED = "pa%25ss%40w%3Ard%2F1"


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, as the system's would behave."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username))


@pytest.fixture
def memory_keyring():
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        (f"postgresql+psycopg://anne:{ENCODED}@db.region.dk:5432/register",
         "postgresql+psycopg://anne@db.region.dk:5432/register"),
        (f"postgresql://anne:{ENCODED}@db/register?sslmode=require", "postgresql://anne@db/register?sslmode=require"),
        ("postgresql+psycopg://anne@db/register", "postgresql+psycopg://anne@db/register"),
        ("service=register sslmode=verify-full", "service=register sslmode=verify-full"),
        ("/home/anne/register.sqlite", "/home/anne/register.sqlite"),
    ],
)  # fmt: skip
def test_a_password_is_stripped_before_anything_is_shown_or_stored(location: str, shown: str) -> None:
    assert public_location(location) == shown
    assert describe_location(location) == shown
    assert SECRET not in shown and ENCODED not in shown


def test_the_password_in_a_url_is_used_once() -> None:
    assert url_password(f"postgresql+psycopg://anne:{ENCODED}@db/register") == SECRET
    assert url_password("postgresql+psycopg://anne@db/register") is None
    assert url_password("/home/anne/register.sqlite") is None


def test_an_unreachable_server_never_prints_the_password() -> None:
    with pytest.raises(StorageError) as refused:
        open_database(f"postgresql+psycopg://anne:{ENCODED}@127.0.0.1:1/none")
    assert SECRET not in str(refused.value) and ENCODED not in str(refused.value)
    assert "127.0.0.1" in str(refused.value)


def test_the_keyring_keeps_a_password_under_the_address_without_it(memory_keyring) -> None:
    location = f"postgresql+psycopg://anne:{ENCODED}@db/register"
    assert credentials.keyring_available()
    assert credentials.stored_password("postgresql+psycopg://anne@db/register") is None
    assert credentials.store_password(location, SECRET)
    assert memory_keyring.kept == {("improvement-register", "postgresql+psycopg://anne@db/register"): SECRET}
    assert credentials.stored_password("postgresql+psycopg://anne@db/register") == SECRET
    credentials.forget_password(location)
    assert credentials.stored_password("postgresql+psycopg://anne@db/register") is None
    credentials.forget_password(location)  # nothing kept: no error


def test_without_a_system_keyring_nothing_is_kept() -> None:
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        assert not credentials.keyring_available()
        assert credentials.store_password("postgresql+psycopg://anne@db/register", SECRET) is False
        assert credentials.stored_password("postgresql+psycopg://anne@db/register") is None
    finally:
        keyring.set_keyring(previous)


@pytest.mark.postgres
def test_a_percent_in_the_password_opens_and_is_never_kept_in_the_engine(postgres_schema) -> None:
    url, schema = postgres_schema
    with_password = make_url(url).set(password=SECRET).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(with_password.render_as_string(hide_password=False))
    try:
        assert database.engine.url.password is None
        assert SECRET not in database.display_name and ENCODED not in database.display_name
        RegisterService(database).add_node("goal", "Fewer visits")
        assert [n.title for n in RegisterService(database).load_tree().nodes] == ["Fewer visits"]
    finally:
        database.close()


@pytest.mark.postgres
def test_a_service_name_and_sslmode_reach_libpq(postgres_schema, tmp_path, monkeypatch) -> None:
    url, schema = postgres_schema
    parsed = make_url(url)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[register-test]\nhost={parsed.host}\nport={parsed.port or 5432}\ndbname={parsed.database}\n"
        f"user={parsed.username}\noptions=-csearch_path={schema}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    database = open_database("service=register-test sslmode=disable")
    try:
        assert database.is_shared and database.display_name == "service=register-test sslmode=disable"
        with database.reading() as session:
            assert session.execute(text("SELECT current_schema()")).scalar_one() == schema
            assert session.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is False
    finally:
        database.close()


@pytest.mark.parametrize("name", ["Anne\nBob", "Anne\x00", "Anne\x1b[31m", "A\u202eB", "x" * 201])
def test_an_author_name_with_control_characters_or_too_long_is_refused(tmp_path, name: str) -> None:
    database = open_database(tmp_path / "r.sqlite")
    try:
        with pytest.raises(ValidationError, match="control character|limit is 200"):
            RegisterService(database, user=name)
        service = RegisterService(database, user="Anne Østergaard " + "x" * 183)
        service.add_node("goal", "Fewer visits")
        assert service.audit_trail()[0].user == "Anne Østergaard " + "x" * 183
    finally:
        database.close()
