"""Noticing other workstations' changes: PostgreSQL LISTEN/NOTIFY, or a register file's data_version.

The triggers of migration 0003 send a NOTIFY for every changed row of a shared register (the table,
the row's id, its node, the server process that changed it). :class:`ChangeListener` listens on a
connection of its own, in a thread, and hands each notification to a callback; it reconnects by
itself when the server goes away. For a register file opened by two windows, :class:`FileWatcher`
compares SQLite's ``PRAGMA data_version``, which changes when another connection commits.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from register.roles import notify_channel
from register.storage import Database


class ChangeListener:
    """LISTEN for a shared register's changes on a background connection; ``callback(payload)`` per change."""

    def __init__(self, database: Database, callback: Callable[[dict[str, Any]], None]) -> None:
        self.database = database
        self.callback = callback
        self._stop = threading.Event()
        self._connected = threading.Event()
        with database.reading() as session:
            schema = session.execute(text("SELECT current_schema()")).scalar_one()
        self.channel = notify_channel(schema)
        self._thread = threading.Thread(target=self._run, name="register-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait_until_listening(self, timeout: float = 10.0) -> bool:
        return self._connected.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _connect(self) -> Any:
        # A connection made the engine's way (address, password, timeouts), taken out of its pool for good.
        proxied = self.database.engine.raw_connection()
        proxied.detach()
        connection = proxied.dbapi_connection
        connection.rollback()
        connection.autocommit = True
        quoted = '"' + self.channel.replace('"', '""') + '"'
        connection.execute(f"LISTEN {quoted}")
        return connection

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                connection = self._connect()
            except Exception:  # the server is away: try again in a moment
                self._stop.wait(2.0)
                continue
            self._connected.set()
            try:
                while not self._stop.is_set():
                    for notice in connection.notifies(timeout=0.5):
                        try:
                            payload = json.loads(notice.payload)
                        except ValueError:
                            continue
                        self.callback(payload)
            except Exception:  # the connection broke: reconnect (a missed change shows on the next one)
                self._connected.clear()
                self.callback({"table": "", "action": "reconnected"})
            finally:
                with contextlib.suppress(Exception):
                    connection.close()


class FileWatcher:
    """Tells when another connection committed to a register file (SQLite's ``data_version``)."""

    def __init__(self, path: Path | str) -> None:
        self._connection = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._version = self._read()

    def _read(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once after each commit by any other connection (including this program's own)."""
        try:
            version = self._read()
        except sqlite3.Error:
            return False
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        self._connection.close()
