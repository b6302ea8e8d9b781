"""Where a register lives: a SQLite file (default) or a PostgreSQL database.

:func:`open_database` resolves a path or URL, checks the file, upgrades the schema with Alembic
and returns a :class:`Database` whose :meth:`Database.transaction` gives one short transaction.
Low-level database errors become :class:`~register.errors.StorageError` with a message a user can
act on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from register.errors import ConflictError, RegisterError, StorageError
from register.i18n import _

APP_NAME = "improvement-register"
DEFAULT_FILE_NAME = "register.sqlite"
#: The newest schema revision this version knows (tests check it equals Alembic's head).
HEAD_REVISION = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0004")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"


def default_register_path() -> Path:
    """The default register file in the user's data directory."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILE_NAME


def is_url(location: str) -> bool:
    return "://" in location


def describe_location(location: str | Path | None) -> str:
    """A short human name for a register: the file path, or the URL without its password."""
    if location is None:
        return str(default_register_path())
    if isinstance(location, str) and is_url(location):
        try:
            return make_url(location).render_as_string(hide_password=True)
        except ArgumentError:
            return location
    return str(Path(location))


class Database:
    """An open register: an engine plus one short session per user action."""

    def __init__(self, engine: Engine, display_name: str) -> None:
        self.engine = engine
        self.display_name = display_name
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_shared(self) -> bool:
        """True for a server database several workstations use (PostgreSQL)."""
        return self.engine.dialect.name == "postgresql"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except RegisterError:
            raise
        except StaleDataError as error:
            raise ConflictError(
                "Someone else changed this item while you were editing it. Reload to see their change, then try again."
            ) from error
        except SQLAlchemyError as error:
            raise storage_error(error, self.display_name) from error
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (still one short transaction)."""
        with self.transaction() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def storage_error(error: BaseException, where: str) -> StorageError:
    """Turn a low-level database error into a message a user can act on."""
    original = getattr(error, "orig", None) or error
    message = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return StorageError(
            f"The register {where} is locked by another program; wait a moment and try again, "
            "or close the other program."
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StorageError(f"The register {where} is damaged or is not a register file ({message}).")
    if "readonly" in lowered or "read-only" in lowered or "permission" in lowered:
        return StorageError(f"The register {where} cannot be written: {message}. Check the file's permissions.")
    if isinstance(error, DBAPIError) and (
        error.connection_invalidated or "connection" in lowered or "server" in lowered or "timeout" in lowered
    ):
        return StorageError(
            f"Lost the connection to the register server {where} ({message}). "
            "Check the network and that the server is running, then try again."
        )
    if "unable to open" in lowered:
        return StorageError(f"Cannot open the register {where}: {message}. Check that the folder exists.")
    return StorageError(f"The register {where} could not complete the action: {message}")


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _check_sqlite_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StorageError(_("{path} is a folder, not a register file.").format(path=path))
    if not path.exists():
        if not create:
            raise StorageError(f"There is no register at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(f"Cannot create the folder for the register {path}: {error.strerror}.") from error
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StorageError(f"Cannot read the register {path}: {error.strerror}.") from error
    if head and head != SQLITE_MAGIC:
        raise StorageError(_("{path} is not a register file (it is not an SQLite database).").format(path=path))
    if head:
        _check_sqlite_tables(path)


def _check_sqlite_tables(path: Path) -> None:
    """Refuse another program's database before our connection settings (WAL) touch its bytes."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise storage_error(error, str(path)) from error
    if tables and "alembic_version" not in tables:
        raise StorageError(f"{path} holds another program's data and is not a register.")


def make_engine(location: str | Path | None, *, busy_timeout: float = 5.0, schema: str | None = None) -> Engine:
    """An engine for a file path, a SQLAlchemy URL, or (None) the default register file."""
    if location is None:
        location = default_register_path()
    if isinstance(location, str) and is_url(location):
        try:
            url = make_url(location)
        except ArgumentError as error:
            raise StorageError(f"{location!r} is not a valid database address: {error}") from error
        if url.get_backend_name() == "sqlite":
            database = url.database or ""
            if database and database != ":memory:":
                _check_sqlite_file(Path(database), create=True)
            return _sqlite_engine(location, busy_timeout)
        if url.get_backend_name() != "postgresql":
            raise StorageError(
                f"Unsupported database {url.get_backend_name()!r}: use a file path or a postgresql+psycopg:// address."
            )
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        connect_args: dict[str, Any] = {"connect_timeout": 10}
        if schema:
            connect_args["options"] = f"-csearch_path={schema}"
        try:
            return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        except (ArgumentError, ImportError) as error:
            raise StorageError(f"Cannot use {describe_location(location)}: {error}") from error
    path = Path(location).expanduser().resolve()
    _check_sqlite_file(path, create=True)
    return _sqlite_engine(f"sqlite:///{path}", busy_timeout)


def _sqlite_engine(url: str, busy_timeout: float) -> Engine:
    engine = create_engine(url, connect_args={"timeout": busy_timeout})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the register, or None for a new (empty) one."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            if tables:
                raise StorageError(
                    f"{engine.url.render_as_string(hide_password=True)} holds other data and is not a register."
                )
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` with the Alembic migrations."""
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(
    location: str | Path | None = None, *, busy_timeout: float = 5.0, schema: str | None = None
) -> Database:
    """Open (creating if need be) a register and upgrade it to the current schema."""
    display = describe_location(location)
    engine = make_engine(location, busy_timeout=busy_timeout, schema=schema)
    try:
        revision = current_revision(engine)
        if revision not in (None, *KNOWN_REVISIONS):
            raise StorageError(
                f"The register {display} was made by a newer version of Improvement Register "
                f"(schema {revision}); update the program to open it."
            )
        if revision != HEAD_REVISION:
            upgrade(engine)
    except RegisterError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise storage_error(error, display) from error
    return Database(engine, display)
