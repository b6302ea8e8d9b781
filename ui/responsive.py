"""Database calls of a shared register that never freeze the window.

A PostgreSQL server that is stopped, restarted or frozen must not hang the window. On the GUI
thread, :class:`ResponsiveService` runs each call of the service layer in a worker thread while the
window keeps painting (user input is held back, so nothing else starts meanwhile). When the server
has not answered after :data:`DEADLINE` seconds, the call's socket is shut down, which ends the
worker's transaction without a commit, and :class:`~register.errors.ConnectionLostError` tells the
user, who keeps what they typed and can try again; the next call reconnects by itself
(``pool_pre_ping``). Calls from other threads (the evidence computation) run directly.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, QTimer
from sqlalchemy import event

from register.errors import ConnectionLostError
from register.service import RegisterService
from register.storage import STATEMENT_TIMEOUT_MS

#: Seconds the window waits for the server before giving up on a call (the statement timeout).
DEADLINE = STATEMENT_TIMEOUT_MS / 1000

translate = QCoreApplication.translate


class _Call:
    """One service call on a worker thread: its result or error, and the connections it uses."""

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.function, self.args, self.kwargs = function, args, kwargs
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.sockets: list[int] = []
        self.abandoned = False
        self.thread = threading.Thread(target=self._run, name="register-call", daemon=True)

    def _run(self) -> None:
        _CURRENT.call = self
        try:
            self.result = self.function(*self.args, **self.kwargs)
        except BaseException as error:  # handed to the GUI thread, which raises it there
            self.error = error
        finally:
            _CURRENT.call = None
            self.done.set()

    def abandon(self) -> None:
        """Shut the call's sockets down: its transaction ends without a commit and the thread returns.

        Should the worker still be waiting for a connection (a pool ping), it may go on when the server
        answers again; it then runs no statement and commits nothing (see :func:`_refuse_if_abandoned`).
        """
        self.abandoned = True
        for descriptor in list(self.sockets):
            try:
                duplicate = socket.socket(fileno=os.dup(descriptor))
            except OSError:
                continue
            try:
                duplicate.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            finally:
                duplicate.close()


_CURRENT = threading.local()


def _note_socket(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Pool checkout on a worker thread: remember the connection's socket, so a stuck call can be ended."""
    call = getattr(_CURRENT, "call", None)
    if call is not None:
        pgconn = getattr(dbapi_connection, "pgconn", None)
        if pgconn is not None:
            call.sockets.append(pgconn.socket)


class AbandonedCallError(Exception):
    """A statement or commit of a call the window already gave up on (never reaches the register)."""


def _refuse_if_abandoned(*_args: Any, **_kwargs: Any) -> None:
    call = getattr(_CURRENT, "call", None)
    if call is not None and call.abandoned:
        raise AbandonedCallError("the window stopped waiting for this call")


class ResponsiveService:
    """A :class:`RegisterService` whose calls from the GUI thread wait at most ``deadline`` seconds."""

    def __init__(self, service: RegisterService, deadline: float | None = None) -> None:
        self._service = service
        self.deadline = DEADLINE if deadline is None else deadline
        engine = service.db.engine
        if not event.contains(engine, "checkout", _note_socket):
            event.listen(engine, "checkout", _note_socket)
            event.listen(engine, "before_cursor_execute", _refuse_if_abandoned)
            event.listen(engine, "commit", _refuse_if_abandoned)

    @property
    def wrapped(self) -> RegisterService:
        return self._service

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._service, name)
        if not callable(attribute) or name.startswith("_"):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            application = QCoreApplication.instance()
            if application is None or QThread.currentThread() is not application.thread():
                return attribute(*args, **kwargs)
            return self._wait_for(_Call(attribute, args, kwargs))

        call.__name__ = name
        return call

    def _wait_for(self, call: _Call) -> Any:
        call.thread.start()
        if not call.done.wait(0.05):  # most calls end here, without spinning an event loop
            give_up = time.monotonic() + self.deadline
            loop = QEventLoop()
            timer = QTimer()
            timer.setInterval(20)
            timer.timeout.connect(lambda: loop.quit() if call.done.is_set() or time.monotonic() >= give_up else None)
            timer.start()
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            timer.stop()
        if not call.done.is_set():
            call.abandon()
            raise ConnectionLostError(
                translate(
                    "Responsive",
                    "The register server {where} did not answer within {seconds} seconds. Nothing was changed; "
                    "what you typed is still here. Try again when the server is back.",
                ).format(where=self._service.db.display_name, seconds=f"{self.deadline:g}")
            )
        if call.error is not None:
            raise call.error
        return call.result
