"""Where a register lives: a SQLite file (default) or a PostgreSQL database.

:func:`open_database` resolves a path or URL, checks the file, upgrades the schema with Alembic
and returns a :class:`Database` whose :meth:`Database.transaction` gives one short transaction.
Low-level database errors become :class:`~register.errors.StorageError` with a message a user can
act on.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from register.errors import (
    ConflictError,
    ConnectionLostError,
    CredentialsError,
    MissingRegisterError,
    PermissionDeniedError,
    RegisterError,
    StorageError,
)
from register.i18n import _
from register.locations import (  # noqa: F401 - re-exported: these need no SQLAlchemy until a URL is parsed
    _SERVICE_PREFIX,
    APP_NAME,
    DEFAULT_FILE_NAME,
    _service_url,
    default_register_path,
    discard_register_file,
    is_url,
    public_location,
    url_password,
)
from register.revisions import HEAD_REVISION, KNOWN_REVISIONS
from register.safe_output import os_reason

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The table every register has from its first revision on: it tells our registers from other programs' databases.
MARKER_TABLE = "register_info"


#: Seconds to wait for a PostgreSQL server to accept a connection.
CONNECT_TIMEOUT = 5
#: Milliseconds a statement may run on a PostgreSQL server before it is cancelled (the window
#: also stops waiting after this long, see ``ui.responsive``).
STATEMENT_TIMEOUT_MS = 8000
#: Milliseconds to wait for another workstation's row lock before giving up.
LOCK_TIMEOUT_MS = 5000


#: A libpq connection-string shortcut: ``service=register`` names an entry of pg_service.conf.
#: ``session.info`` key: what a transaction's code asks to be done once its changes are committed.
_AFTER_COMMIT = "after_commit"


def after_commit(session: Session, action: Callable[[], None]) -> None:
    """Run ``action`` when the transaction of ``session`` (a :meth:`Database.transaction`) has committed; never if
    it rolls back."""
    session.info.setdefault(_AFTER_COMMIT, []).append(action)


def describe_location(location: str | Path | None) -> str:
    """A short human name for a register: the file path, or the URL without its password."""
    if location is None:
        return str(default_register_path())
    if isinstance(location, str) and is_url(location):
        return public_location(location) or ""
    return str(Path(location))


@dataclass(frozen=True)
class OpenedWith:
    """What :func:`open_database` was given, so another process can open the same register (never shown: the
    password is left out of ``repr``)."""

    location: str | None
    schema: str | None
    password: str | None = field(default=None, repr=False)


class Database:
    """An open register: an engine plus one short session per user action."""

    def __init__(self, engine: Engine, display_name: str, path: Path | None = None) -> None:
        self.engine = engine
        self.display_name = display_name
        #: The register file (SQLite) and its identity when opened, to notice it being deleted, moved or replaced.
        self.path = path
        self._identity = _file_identity(path) if path is not None else None
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        #: How it was opened (set by :func:`open_database`; None for a Database made directly).
        self.opened_with: OpenedWith | None = None

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
            for action in session.info.pop(_AFTER_COMMIT, ()):
                action()
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
    shared = _postgres_error(original, message, where)
    if shared is not None:
        return shared
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


def _postgres_error(original: BaseException, message: str, where: str) -> StorageError | None:
    """The message for a PostgreSQL error, by its SQLSTATE (None when it is not one of these)."""
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is None and "psycopg" not in type(original).__module__:
        return None
    lowered = message.lower()
    if sqlstate in ("28P01", "28000") or "no password supplied" in lowered or "password authentication" in lowered:
        return CredentialsError(
            _("The register server {where} did not accept the login: a password is needed, or it was wrong.").format(
                where=where
            )
        )
    if sqlstate == "42501":  # insufficient_privilege: a GRANT or a row-level security policy said no
        return PermissionDeniedError(
            _(
                "Your role in the shared register {where} does not allow this change; nothing was changed. "
                "Ask the register's administrator if you need to make it."
            ).format(where=where)
        )
    if sqlstate == "57014":  # query_canceled: the statement timeout
        return ConnectionLostError(
            _(
                "The register server {where} did not answer within {seconds} seconds; nothing was changed. "
                "Try again; if it keeps happening, the server is overloaded or stopped."
            ).format(where=where, seconds=STATEMENT_TIMEOUT_MS // 1000)
        )
    if sqlstate == "55P03":  # lock_not_available: another workstation holds the row
        return ConnectionLostError(
            _("Another workstation is changing the same rows of {where}; nothing was changed. Try again.").format(
                where=where
            )
        )
    if sqlstate in (None, "08000", "08003", "08006", "08001", "08004", "57P01", "57P02", "57P03"):
        return ConnectionLostError(
            _(
                "Lost the connection to the register server {where} ({message}). Nothing was changed; "
                "check the network and that the server is running, then try again."
            ).format(where=where, message=message)
        )
    return None


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
                    path=path, reason=os_reason(error)
                )
            ) from error
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StorageError(
            _("Cannot read the register {path}: {reason}.").format(path=path, reason=os_reason(error))
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
    location: str | Path | None,
    *,
    busy_timeout: float = 5.0,
    schema: str | None = None,
    create: bool = True,
    password: str | None = None,
) -> Engine:
    """An engine for a file path, a SQLAlchemy URL, or (None) the default register file.

    With ``create=False`` a register file that does not exist is refused (and nothing is created).
    A PostgreSQL password is taken from ``password`` or the URL and handed to the driver directly
    (never kept in the URL); without one, libpq finds it (``~/.pgpass``, a service file,
    ``PGPASSWORD``, Kerberos/GSSAPI).
    """
    if location is None:
        location = default_register_path()
    if isinstance(location, str) and location.strip().startswith(_SERVICE_PREFIX):
        location = _service_url(location.strip())
    if isinstance(location, str) and is_url(location):
        try:
            url = make_url(location)
        except ArgumentError as error:
            raise StorageError(
                _("{location} is not a valid database address.").format(location=public_location(location))
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
        return _postgres_engine(url, schema, password if password is not None else url.password)
    path = Path(location).expanduser().resolve()
    _check_sqlite_file(path, create=create)
    return _sqlite_engine(f"sqlite:///{path}", busy_timeout)


def _postgres_engine(url: Any, schema: str | None, password: str | None) -> Engine:
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT,
        # Notice a server that went away (restart, network) instead of waiting for TCP's hours.
        "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 2,
    }  # fmt: skip
    if schema:  # a given schema (tests) comes after the URL's own ``?options=…``
        options = [str(url.query["options"])] if url.query.get("options") else []
        connect_args["options"] = " ".join([*options, f"-c search_path={schema}"])
        url = url.difference_update_query(["options"])
    if password:
        connect_args["password"] = password
    try:
        engine = create_engine(url._replace(password=None), pool_pre_ping=True, connect_args=connect_args)
    except (ArgumentError, ImportError) as error:
        raise StorageError(
            _("Cannot use {location}: {error}").format(location=public_location(str(url)), error=error)
        ) from error
    pids: set[int] = set()
    BACKEND_PIDS[engine] = pids
    event.listen(engine, "connect", lambda connection, record: _remember_backend(connection, record, pids))
    return engine


def _remember_backend(dbapi_connection: Any, record: Any, pids: set[int]) -> None:
    """Set the timeouts of a new connection and note its server process id (to tell this window's changes
    from others')."""
    cursor = dbapi_connection.cursor()
    # Set here rather than in the connection's ``options``, which would hide a service file's own.
    cursor.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
    cursor.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
    cursor.execute("SELECT pg_backend_pid()")
    record.info["backend_pid"] = cursor.fetchone()[0]
    cursor.close()
    dbapi_connection.commit()
    pids.add(record.info["backend_pid"])


#: Server process ids of each PostgreSQL engine's connections (to tell its own changes from others').
BACKEND_PIDS: weakref.WeakKeyDictionary[Engine, set[int]] = weakref.WeakKeyDictionary()


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
    # The migrations run on the connection :func:`upgrade` hands over. The URL is not put into the
    # config: it may hold a password (which must never be printed), and ConfigParser would read a
    # ``%`` in it as interpolation.
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
    password: str | None = None,
) -> Database:
    """Open a register and upgrade it to the current schema.

    ``create=True`` makes a new register where there is none; ``create=False`` (every reading command,
    Open, Open Recent) refuses a missing file or an empty database with a clear message and creates nothing.
    """
    display = describe_location(location)
    engine = make_engine(location, busy_timeout=busy_timeout, schema=schema, create=create, password=password)
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
    database = Database(engine, display, sqlite_file(engine))
    database.opened_with = OpenedWith(None if location is None else str(location), schema, password)
    return database


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite register (None for a server database or an in-memory one)."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database)
