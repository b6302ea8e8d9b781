"""Every node's evidence computed in a child process, so the window's interpreter stays free while the user types.

Reading 300,000 observations and analysing thousands of charts holds Python's GIL, and in a thread of the window's
process every keystroke waited for it (and for the garbage collector going over the larger heap). A child started
with ``python -m register.evidence_worker`` does that work instead:

1. the parent writes one :class:`EvidenceRequest` (where the register is, its schema and password, the language)
   to the child's standard input, never on the command line or in the environment, and keeps that pipe open;
2. the child opens the register (``create=False``), computes :func:`register.charts.evidence_by_node` and writes
   ``("chunk", {node_id: Evidence})`` frames of a few hundred nodes each, then ``("done", count)``; a failure is
   one ``("error", message)`` frame in the user's language;
3. the child ends when it is done, when its standard input closes (the parent ended) or when a write fails.

A frame is an 8-byte big-endian length and a pickle. The parent's reading thread waits in ``read`` (without the
GIL) and unpickles one small chunk at a time. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from register.errors import RegisterError
from register.i18n import _

if TYPE_CHECKING:
    from register.charts import Evidence
    from register.storage import Database

#: Nodes per chunk: each unpickles in about a millisecond in the parent.
CHUNK_NODES = 250
#: Seconds a child is given to end after ``terminate`` before it is killed.
TERMINATE_GRACE = 2.0
#: How much the child gives way to the window's process for the CPU (POSIX niceness; a 2-core machine shares).
NICENESS = 10
_LENGTH = struct.Struct(">Q")


@dataclass(frozen=True)
class EvidenceRequest:
    """What the child needs to open the register the way the window did (the password is left out of ``repr``)."""

    location: str | Path
    schema: str | None = None
    password: str | None = field(default=None, repr=False)
    language: str = "en"
    chunk_nodes: int = CHUNK_NODES


def request_for(database: Database, language: str) -> EvidenceRequest | None:
    """How a child process can open ``database``; None when it cannot (a register in memory, a frozen program
    that cannot run ``python -m``): its evidence is then computed in the window's process."""
    if getattr(sys, "frozen", False):
        return None
    if database.path is not None:
        return EvidenceRequest(database.path, language=language)
    opened = database.opened_with
    if database.is_shared and opened is not None and opened.location is not None:
        return EvidenceRequest(opened.location, opened.schema, opened.password, language)
    return None


def write_frame(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """The next message; EOFError when the stream ends before a whole frame."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(header)
    data = stream.read(length)
    if len(data) < length:
        raise EOFError
    return pickle.loads(data)


def child_command() -> list[str]:
    """The child's command line: no register, schema or password in it."""
    return [sys.executable, "-m", "register.evidence_worker"]


def _child_environment() -> dict[str, str]:
    """The parent's environment, with this package importable wherever the parent was started from."""
    root = str(Path(__file__).resolve().parents[1])
    paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


def end_process(process: subprocess.Popen[bytes], grace: float = 0.0) -> None:
    """Give ``process`` ``grace`` seconds to end by itself, then end it (terminate, then kill) and reap it, so no
    zombie is left behind."""
    try:
        process.wait(grace)
        return
    except subprocess.TimeoutExpired:
        process.terminate()
    try:
        process.wait(TERMINATE_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class EvidenceChild:
    """One child process computing every node's evidence; :meth:`results` waits for it (call it off the GUI
    thread), :meth:`stop` ends it from any thread."""

    def __init__(self, request: EvidenceRequest) -> None:
        self.request = request
        self.stopped = False
        self.process = subprocess.Popen(
            child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_child_environment(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )  # fmt: skip

    def send_request(self) -> None:
        """Hand the child what it needs, over its standard input."""
        assert self.process.stdin is not None
        write_frame(self.process.stdin, self.request)

    def results(self) -> dict[str, Evidence]:
        """Every node's evidence (empty once stopped); RegisterError with the child's message, or saying that it
        ended unexpectedly."""
        assert self.process.stdout is not None
        evidence: dict[str, Evidence] = {}
        try:
            self.send_request()
            while not self.stopped:
                kind, payload = read_frame(self.process.stdout)
                if kind == "chunk":
                    evidence.update(payload)
                elif kind == "error":
                    raise RegisterError(payload)
                else:
                    return evidence
        except (EOFError, OSError, pickle.UnpicklingError, ValueError, TypeError) as error:
            if not self.stopped:
                end_process(self.process, TERMINATE_GRACE)  # a garbled stream from a live child ends it too
                raise RegisterError(
                    _(
                        "The evidence could not be computed: the background process that computes it ended "
                        "unexpectedly (exit code {code}). Open the register again to try once more."
                    ).format(code=self.process.returncode)
                ) from error
        finally:
            self.close()
        return {}

    def stop(self) -> None:
        """End the child at once; :meth:`results` then returns nothing."""
        self.stopped = True
        end_process(self.process)

    def close(self) -> None:
        """Let the child end (its standard input closes), end it if it does not, reap it and close the pipes."""
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # the child is gone: nothing left to flush
                    stream.close()
        end_process(self.process, TERMINATE_GRACE)


# --------------------------------------------------------------------------- the child


def compute(request: EvidenceRequest) -> dict[str, Evidence]:
    """Open the register as the parent did (creating nothing) and compute every node's evidence."""
    from register import charts, i18n
    from register.service import RegisterService
    from register.storage import open_database

    i18n.set_language(request.language)
    database = open_database(request.location, schema=request.schema, password=request.password, create=False)
    try:
        return charts.evidence_by_node(RegisterService(database))
    finally:
        database.close()


def _exit_when_parent_ends(descriptor: int) -> None:
    """The parent keeps our standard input open while it waits: its end means nobody wants the results.

    Reads the descriptor itself: a daemon thread blocked in ``sys.stdin.buffer`` would hold its lock at exit."""
    while os.read(descriptor, 4096):
        pass
    os._exit(0)


def _failure_text(error: Exception) -> str:
    if isinstance(error, RegisterError):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".strip(": ")
    return f"{type(error).__name__}: {error}"  # a bug: still a message, never a traceback in the window


def main() -> int:
    """The child: one request in, chunks of evidence out."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the frames
    try:
        request = read_frame(stdin)
    except EOFError:
        return 1  # the parent ended before asking
    threading.Thread(target=_exit_when_parent_ends, args=(stdin.fileno(),), daemon=True).start()
    if hasattr(os, "nice"):  # background work: the window's keystrokes come first
        os.nice(NICENESS)
    try:
        try:
            evidence = compute(request)
        except Exception as error:
            write_frame(stdout, ("error", _failure_text(error)))
            return 0
        items, size = list(evidence.items()), max(1, request.chunk_nodes)
        for start in range(0, len(items), size):
            write_frame(stdout, ("chunk", dict(items[start : start + size])))
        write_frame(stdout, ("done", len(items)))
    except BrokenPipeError:
        os._exit(1)  # the parent ended: nobody reads (and flushing at exit would fail again)
    return 0


if __name__ == "__main__":
    sys.exit(main())
