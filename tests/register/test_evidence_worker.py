"""Every node's evidence computed in a child process: the same results as in process, ended on demand, and no
password on its command line or in its environment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from register import charts, evidence_worker
from register.errors import RegisterError
from register.evidence_worker import EvidenceChild, EvidenceRequest, request_for
from register.storage import open_database

PROC = Path("/proc")
needs_proc = pytest.mark.skipif(not PROC.is_dir(), reason="reads /proc/<pid>/cmdline and environ (Linux)")


def ended(pid: int) -> bool:
    """True when no process ``pid`` runs any more (gone, or a zombie a process other than ours must reap)."""
    stat = PROC / str(pid) / "stat"
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.fixture
def sample_file(sqlite_service) -> Path:
    """A SQLite register holding the sample."""
    from register.exchange import import_file
    from resources import sample_register_path

    import_file(sqlite_service, sample_register_path())
    return sqlite_service.db.path


def command_line(pid: int) -> bytes:
    """The child's command line once it runs Python (right after the fork it is still empty)."""
    deadline = time.monotonic() + 60  # a bound against hanging the run, not a timing
    while not (PROC / str(pid) / "cmdline").read_bytes() and time.monotonic() < deadline:
        threading.Event().wait(0.01)
    return (PROC / str(pid) / "cmdline").read_bytes()


def test_the_child_finds_the_same_evidence_as_this_process(sample_service) -> None:
    expected = charts.evidence_by_node(sample_service)
    assert expected, "the sample has measures with evidence"
    request = request_for(sample_service.db, "en")
    assert request is not None and request.password is None
    child = EvidenceChild(replace(request, chunk_nodes=2))  # several chunks
    assert child.results() == expected
    assert child.process.returncode == 0  # it ended by itself and was reaped


def test_the_child_words_its_readings_in_the_windows_language(sample_service) -> None:
    from register import i18n

    english = charts.evidence_by_node(sample_service)
    found = EvidenceChild(request_for(sample_service.db, "da")).results()
    i18n.set_language("da")
    assert found == charts.evidence_by_node(sample_service) != english


def test_a_register_in_memory_is_computed_in_process(tmp_path: Path) -> None:
    database = open_database("sqlite://")
    try:
        assert request_for(database, "en") is None
    finally:
        database.close()


def test_a_register_file_that_is_gone_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "gone.sqlite"
    database = open_database(path)
    request = request_for(database, "en")
    database.close()
    path.unlink()
    with pytest.raises(RegisterError, match="There is no register file at|no register at") as caught:
        EvidenceChild(request).results()
    assert str(path) in str(caught.value) and "Traceback" not in str(caught.value)
    assert not path.exists()  # nothing was created


def test_a_child_killed_while_it_works_gives_a_clear_message(sample_service) -> None:
    child = EvidenceChild(request_for(sample_service.db, "en"))
    os.kill(child.process.pid, signal.SIGKILL)
    with pytest.raises(RegisterError, match=r"ended unexpectedly \(exit code -9\)"):
        child.results()
    assert child.process.returncode == -signal.SIGKILL


@needs_proc
def test_stop_ends_the_child_at_once_and_nothing_comes_back(sample_service) -> None:
    child = EvidenceChild(request_for(sample_service.db, "en"))
    pid = child.process.pid
    assert not ended(pid)  # it waits for its request
    child.stop()
    assert child.process.returncode is not None and ended(pid)  # ended and reaped: no zombie
    assert child.results() == {}


def test_results_ready_but_stopped_are_not_returned(sample_service) -> None:
    child = EvidenceChild(request_for(sample_service.db, "en"))
    child.send_request()
    child.process.wait()  # everything computed and waiting in the pipe
    child.send_request = lambda: None  # already sent
    child.stop()
    assert child.results() == {}


@needs_proc
def test_the_password_is_neither_on_the_command_line_nor_in_the_environment(sqlite_service, sample_file) -> None:
    secret = "pw-Evidence-7f3a9c"
    request = EvidenceRequest(sample_file, password=secret)
    assert secret not in repr(request)
    child = EvidenceChild(request)
    try:
        cmdline = command_line(child.process.pid)
        assert cmdline.split(b"\0")[:3] == [sys.executable.encode(), b"-m", b"register.evidence_worker"]
        assert secret.encode() not in cmdline and str(sample_file).encode() not in cmdline
        assert secret.encode() not in (PROC / str(child.process.pid) / "environ").read_bytes()
        assert child.results() == charts.evidence_by_node(sqlite_service)  # SQLite ignores the password
    finally:
        child.stop()
        child.close()


@needs_proc
def test_the_child_ends_by_itself_when_its_parent_dies(sample_file) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys, time
            from register.evidence_worker import EvidenceChild, EvidenceRequest
            child = EvidenceChild(EvidenceRequest(sys.argv[1]))
            print(child.process.pid, flush=True)
            time.sleep(600)
        """), str(sample_file)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        pid = int(parent.stdout.readline())
        assert not ended(pid)
    finally:
        parent.kill()
        parent.wait()
        parent.stdout.close()
    deadline = time.monotonic() + 60  # a bound against hanging the run, not a timing
    while not ended(pid) and time.monotonic() < deadline:  # the orphan sees its standard input close and ends
        threading.Event().wait(0.05)
    assert ended(pid)


@pytest.mark.postgres
def test_a_shared_register_is_read_by_the_child_with_its_password(postgres_schema) -> None:
    """PostgreSQL: the child opens the same schema, with the password handed over its standard input."""
    from register.exchange import import_file
    from register.service import RegisterService
    from resources import sample_register_path

    url, schema = postgres_schema
    secret = "pw-Shared-52b1e0"  # the test server does not ask for one: it is carried, not checked
    database = open_database(url, schema=schema, password=secret)
    try:
        service = RegisterService(database, user="tester")
        import_file(service, sample_register_path())
        request = request_for(database, "en")
        assert request is not None and request.schema == schema and request.password == secret
        child = EvidenceChild(request)
        if PROC.is_dir():
            assert secret.encode() not in command_line(child.process.pid)
            assert secret.encode() not in (PROC / str(child.process.pid) / "environ").read_bytes()
        assert child.results() == charts.evidence_by_node(service) != {}
    finally:
        database.close()


def test_frames_round_trip_and_a_cut_frame_is_an_end(tmp_path: Path) -> None:
    path = tmp_path / "frames"
    with path.open("wb") as stream:
        evidence_worker.write_frame(stream, ("chunk", {"a": 1}))
        evidence_worker.write_frame(stream, ("done", 1))
    data = path.read_bytes()
    with path.open("rb") as stream:
        assert evidence_worker.read_frame(stream) == ("chunk", {"a": 1})
        assert evidence_worker.read_frame(stream) == ("done", 1)
        with pytest.raises(EOFError):
            evidence_worker.read_frame(stream)
    path.write_bytes(data[:-3])
    with path.open("rb") as stream:
        evidence_worker.read_frame(stream)
        with pytest.raises(EOFError):
            evidence_worker.read_frame(stream)
