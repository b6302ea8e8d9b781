"""Where a register lives: a SQLite file (default) or a PostgreSQL database.

:func:`open_database` resolves a path or URL, checks the file, upgrades the schema with Alembic
and returns a :class:`Database` whose :meth:`Database.transaction` gives one short transaction.
Low-level database errors become :class:`~register.errors.StorageError` with a message a user can
act on.
"""

from __future__ import annotations

import os
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
from sqlalchemy.pool import NullPool

from register.errors import ConflictError, MissingRegisterError, RegisterError, StorageError
from register.i18n import _

APP_NAME = "improvement-register"
DEFAULT_FILE_NAME = "register.sqlite"
#: The newest schema revision this version knows (tests check it equals Alembic's head).
HEAD_REVISION = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0004")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The table every register has from its first revision on: it tells our registers from other programs' databases.
MARKER_TABLE = "register_info"


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

    def __init__(self, engine: Engine, display_name: str, path: Path | None = None) -> None:
        self.engine = engine
        self.display_name = display_name
        #: The register file (SQLite) and its identity when opened, to notice it being deleted, moved or replaced.
        self.path = path
        self._identity = _file_identity(path) if path is not None else None
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_shared(self) -> bool:
        """True for a server database several workstations use (PostgreSQL)."""
        return self.engine.dialect.name == "postgresql"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def check_file(self) -> None:
        """Refuse to go on when the open register file was deleted, moved or replaced since it was opened.

        SQLite would keep writing into the unlinked file, and every change would be lost when the register closes.
        """
        if self.path is None or self._identity is None:
            return
        identity = _file_identity(self.path)
        if identity is None:
            raise StorageError(
                _(
                    "The register file {path} is no longer there: it was deleted, moved or renamed while it was open. "
                    "Nothing was saved. Put the file back at {path} (or open it where it is now) and try again."
                ).format(path=self.path)
            )
        if identity != self._identity:
            raise StorageError(
                _(
                    "The register file {path} was replaced by another file while it was open. Nothing was saved. "
                    "Open the register again to see what the file now holds."
                ).format(path=self.path)
            )

    @contextmanager
    def transaction(self, *, check_file: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        Before a transaction that may write, the register file must still be the one that was opened
        (see :meth:`check_file`); reads go on from the open file.
        """
        if check_file:
            self.check_file()
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except RegisterError:
            raise
        except StaleDataError as error:
            raise ConflictError(
                _(
                    "Someone else changed this item while you were editing it. "
                    "Reload to see their change, then try again."
                )
            ) from error
        except SQLAlchemyError as error:
            raise storage_error(error, self.display_name) from error
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (still one short transaction)."""
        with self.transaction(check_file=False) as session:
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
            _(
                "The register {where} is locked by another program; wait a moment and try again, "
                "or close the other program."
            ).format(where=where)
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StorageError(
            _("The register {where} is damaged or is not a register file ({message}).").format(
                where=where, message=message
            )
        )
    if "readonly" in lowered or "read-only" in lowered or "permission" in lowered:
        return StorageError(
            _("The register {where} cannot be written: {message}. Check the file's permissions.").format(
                where=where, message=message
            )
        )
    if isinstance(error, DBAPIError) and (
        error.connection_invalidated or "connection" in lowered or "server" in lowered or "timeout" in lowered
    ):
        return StorageError(
            _(
                "Lost the connection to the register server {where} ({message}). "
                "Check the network and that the server is running, then try again."
            ).format(where=where, message=message)
        )
    if "unable to open" in lowered:
        return StorageError(
            _("Cannot open the register {where}: {message}. Check that the folder exists.").format(
                where=where, message=message
            )
        )
    if "disk" in lowered and "full" in lowered:
        return StorageError(
            _(
                "The disk holding the register {where} is full; nothing was saved. Free some space and try again."
            ).format(where=where)
        )
    return StorageError(
        _("The register {where} could not complete the action: {message}").format(where=where, message=message)
    )


def _file_identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode, or None when there is no file at ``path``."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


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
            raise MissingRegisterError(_("There is no register at {place}.").format(place=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                _("Cannot create the folder for the register {path}: {reason}.").format(
                    path=path, reason=error.strerror
                )
            ) from error
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StorageError(
            _("Cannot read the register {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from error
    if head and head != SQLITE_MAGIC:
        raise StorageError(_("{path} is not a register file (it is not an SQLite database).").format(path=path))
    if not head and not create:
        raise MissingRegisterError(_("There is no register at {path} (the file is empty).").format(path=path))
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
    if tables and not {MARKER_TABLE, "alembic_version"} <= tables:
        raise StorageError(_("{path} holds another program's data and is not a register.").format(path=path))


def make_engine(
    location: str | Path | None, *, busy_timeout: float = 5.0, schema: str | None = None, create: bool = True
) -> Engine:
    """An engine for a file path, a SQLAlchemy URL, or (None) the default register file.

    With ``create=False`` a register file that does not exist is refused (and nothing is created).
    """
    if location is None:
        location = default_register_path()
    if isinstance(location, str) and is_url(location):
        try:
            url = make_url(location)
        except ArgumentError as error:
            raise StorageError(
                _("{location} is not a valid database address: {reason}").format(location=location, reason=error)
            ) from error
        if url.get_backend_name() == "sqlite":
            database = url.database or ""
            if database and database != ":memory:":
                _check_sqlite_file(Path(database), create=create)
            return _sqlite_engine(location, busy_timeout)
        if url.get_backend_name() != "postgresql":
            raise StorageError(
                _("Unsupported database {name}: use a file path or a postgresql+psycopg:// address.").format(
                    name=url.get_backend_name()
                )
            )
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        connect_args: dict[str, Any] = {"connect_timeout": 10}
        if schema:
            connect_args["options"] = f"-csearch_path={schema}"
        try:
            return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        except (ArgumentError, ImportError) as error:
            raise StorageError(
                _("Cannot use {location}: {reason}").format(location=describe_location(location), reason=error)
            ) from error
    path = Path(location).expanduser().resolve()
    _check_sqlite_file(path, create=create)
    return _sqlite_engine(f"sqlite:///{path}", busy_timeout)


def _sqlite_engine(url: str, busy_timeout: float) -> Engine:
    engine = create_engine(url, connect_args={"timeout": busy_timeout})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the register, or None for a new (empty) one."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not {MARKER_TABLE, "alembic_version"} <= tables:
            if tables:
                raise StorageError(
                    _("{location} holds other data and is not a register.").format(
                        location=engine.url.render_as_string(hide_password=True)
                    )
                )
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # configparser interpolates "%": a percent-encoded URL (password, options) must be escaped.
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` with the Alembic migrations, all of it in one transaction.

    On SQLite the driver would commit each CREATE or ALTER on its own, so a crash half-way left a register
    that could not be opened ("table register_info already exists"). Here the whole upgrade runs on a
    connection of its own in one ``BEGIN IMMEDIATE`` transaction (SQLite's DDL is transactional): a crash
    leaves the register as it was, and a second program opening the same new register waits and then finds
    it at the current revision.
    """
    from alembic import command

    config = alembic_config(engine)
    # A file register gets an engine of its own (an in-memory one has nothing to protect and no second connection).
    migration_engine = _transactional_sqlite_engine(engine) if sqlite_file(engine) is not None else engine
    try:
        with migration_engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        if migration_engine is not engine:
            migration_engine.dispose()


def _transactional_sqlite_engine(engine: Engine) -> Engine:
    """An engine on the same SQLite file whose transactions are SQLite's own (DDL included), begun immediately."""
    migration_engine = create_engine(engine.url, connect_args={"timeout": 30.0}, poolclass=NullPool)

    def connected(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver no longer begins or commits behind our back
        _sqlite_pragmas(dbapi_connection, record)

    def begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(migration_engine, "connect", connected)
    event.listen(migration_engine, "begin", begin)
    return migration_engine


def open_database(
    location: str | Path | None = None,
    *,
    busy_timeout: float = 5.0,
    schema: str | None = None,
    create: bool = True,
) -> Database:
    """Open a register and upgrade it to the current schema.

    ``create=True`` makes a new register where there is none; ``create=False`` (every reading command,
    Open, Open Recent) refuses a missing file or an empty database with a clear message and creates nothing.
    """
    display = describe_location(location)
    engine = make_engine(location, busy_timeout=busy_timeout, schema=schema, create=create)
    try:
        revision = current_revision(engine)
        if revision is None and not create:
            raise MissingRegisterError(_("There is no register at {place}.").format(place=display))
        if revision not in (None, *KNOWN_REVISIONS):
            raise StorageError(
                _(
                    "The register {location} was made by a newer version of Improvement Register "
                    "(schema {revision}); update the program to open it."
                ).format(location=display, revision=revision)
            )
        if revision != HEAD_REVISION:
            upgrade(engine)
    except RegisterError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise storage_error(error, display) from error
    return Database(engine, display, sqlite_file(engine))


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite register (None for a server database or an in-memory one)."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database)


def discard_register_file(path: Path) -> None:
    """Remove a register file this program has just made (with SQLite's side files), after the action
    that made it failed: a failed import leaves no empty register behind."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
