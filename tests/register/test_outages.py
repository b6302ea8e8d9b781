"""A PostgreSQL server that stops, comes back or holds a lock: clear messages, timeouts, automatic reconnect."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from register.errors import ConnectionLostError
from register.service import RegisterService
from register.storage import LOCK_TIMEOUT_MS, STATEMENT_TIMEOUT_MS, open_database
from tests.tcp_proxy import FreezableProxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def proxied(postgres_schema):
    """(proxy, url through the proxy, schema)."""
    url, schema = postgres_schema
    parsed = make_url(url)
    proxy = FreezableProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    yield proxy, parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False), schema
    proxy.close()


def test_every_connection_has_statement_and_lock_timeouts(postgres_schema) -> None:
    url, schema = postgres_schema
    database = open_database(url, schema=schema)
    try:
        with database.reading() as session:
            assert session.execute(text("SHOW statement_timeout")).scalar_one() == f"{STATEMENT_TIMEOUT_MS // 1000}s"
            assert session.execute(text("SHOW lock_timeout")).scalar_one() == f"{LOCK_TIMEOUT_MS // 1000}s"
    finally:
        database.close()


def test_a_stopped_server_gives_a_clear_message_and_the_next_call_reconnects(proxied) -> None:
    proxy, url, schema = proxied
    database = open_database(url, schema=schema)
    try:
        service = RegisterService(database)
        goal = service.add_node("goal", "Fewer visits")
        proxy.stop()
        with pytest.raises(ConnectionLostError, match="Lost the connection to the register server") as lost:
            service.update_node(goal.id, expected_version=goal.version, title="Fewer outpatient visits")
        assert "try again" in str(lost.value)
        proxy.start()  # the server is back: the same edit works again without reopening anything
        service.update_node(goal.id, expected_version=goal.version, title="Fewer outpatient visits")
        assert service.get_node(goal.id).title == "Fewer outpatient visits"
    finally:
        database.close()


def test_a_row_held_by_another_workstation_gives_up_after_the_lock_timeout(postgres_schema) -> None:
    url, schema = postgres_schema
    database = open_database(url, schema=schema)
    try:
        service = RegisterService(database)
        goal = service.add_node("goal", "Fewer visits")
        with database.engine.connect() as other:
            other.execute(text("SELECT * FROM nodes WHERE id = :id FOR UPDATE"), {"id": goal.id})
            started = time.monotonic()
            with pytest.raises(ConnectionLostError, match="Another workstation"):
                service.update_node(goal.id, expected_version=goal.version, title="Mine")
            assert time.monotonic() - started < LOCK_TIMEOUT_MS / 1000 + 3
            other.rollback()
        assert service.get_node(goal.id).title == "Fewer visits"
    finally:
        database.close()


def test_the_change_listener_hears_other_connections_and_reconnects_after_an_outage(proxied) -> None:
    import queue

    from register.live import ChangeListener

    proxy, url, schema = proxied
    database = open_database(url, schema=schema)
    writer_db = open_database(url, schema=schema)
    heard: queue.Queue = queue.Queue()
    listener = ChangeListener(database, heard.put)
    try:
        listener.start()
        assert listener.wait_until_listening()
        writer = RegisterService(writer_db)
        goal = writer.add_node("goal", "Fewer visits")
        payload = heard.get(timeout=2)
        assert (payload["table"], payload["id"], payload["node"], payload["action"]) == (
            "nodes", goal.id, goal.id, "create")  # fmt: skip
        proxy.stop()
        assert heard.get(timeout=10)["action"] == "reconnected"  # missed changes are looked up, not lost
        proxy.start()
        deadline = time.monotonic() + 15
        while not listener.wait_until_listening(0.2) and time.monotonic() < deadline:
            pass
        assert listener.wait_until_listening(0)
        writer.update_node(goal.id, expected_version=goal.version, title="Fewer outpatient visits")
        payload = heard.get(timeout=2)
        assert (payload["id"], payload["action"]) == (goal.id, "update")
    finally:
        listener.stop()
        database.close()
        writer_db.close()
