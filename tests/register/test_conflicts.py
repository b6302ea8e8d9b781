"""Two services on one register: every update takes the version its caller read, and a stale write is refused.

Runs on SQLite and (when configured) PostgreSQL, each service with its own connection, as two workstations would.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from register.errors import ConflictError
from register.service import RegisterService
from register.storage import open_database

UPDATES = ("update_node", "update_status_update", "update_measure", "update_observation", "update_annotation",
           "set_link_strength")  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_services(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[RegisterService, RegisterService]]:
    """Alice and Bob, each with their own open register on the same database."""
    if request.param == "sqlite":
        location: Any = tmp_path / "shared.sqlite"
        first, second = open_database(location), open_database(location)
    else:
        url, schema = request.getfixturevalue("postgres_schema")
        first, second = open_database(url, schema=schema), open_database(url, schema=schema)
    yield RegisterService(first, user="alice"), RegisterService(second, user="bob")
    first.close()
    second.close()


@pytest.mark.parametrize("name", UPDATES)
def test_every_update_requires_the_version_read(name: str) -> None:
    parameter = inspect.signature(getattr(RegisterService, name)).parameters["expected_version"]
    assert parameter.default is inspect.Parameter.empty


def _entities(service: RegisterService) -> dict[str, Any]:
    goal = service.add_node("goal", "Færre besøg")
    primary = service.add_node("primary", "Primær", goal.id)
    other = service.add_node("primary", "Anden primær", goal.id)
    secondary = service.add_node("secondary", "Sekundær", primary.id)
    project = service.add_node("project", "Projekt", secondary.id, lead="Mads")
    link = service.add_link(project.id, other.id, "weak")
    status = service.add_status_update(project.id, date="2026-04-13", rag="amber", summary="first")
    measure = service.add_measure(project.id, "Ventetid", chart="i")
    [observation] = service.add_observations(measure.id, [{"date": "2026-01-01", "value": 3.5}])
    annotation = service.add_annotation(measure.id, date="2026-01-15", text="PDSA 1")
    return {"node": project, "link": link, "status": status, "measure": measure, "observation": observation,
            "annotation": annotation}  # fmt: skip


#: (method, entity, read it back, change by alice, change by bob, field that shows whose change is stored)
CASES: list[tuple[str, str, Callable[[RegisterService, Any], Any], dict, dict, str]] = [
    ("update_node", "node", lambda s, e: s.get_node(e.id), {"lead": "Alice"}, {"lead": "Bob"}, "lead"),
    ("update_status_update", "status", lambda s, e: s.status_history(e.node_id)[0], {"summary": "Alice"},
     {"summary": "Bob"}, "summary"),
    ("update_measure", "measure", lambda s, e: s.get_measure(e.id), {"unit": "Alice"}, {"unit": "Bob"}, "unit"),
    ("update_observation", "observation", lambda s, e: s.observations(e.measure_id)[0], {"value": 4.0},
     {"value": 5.0}, "value"),
    ("update_annotation", "annotation", lambda s, e: s.annotations(e.measure_id)[0], {"text": "Alice"},
     {"text": "Bob"}, "text"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "entity", "read", "alice_change", "bob_change", "field"), CASES,
                         ids=[case[0] for case in CASES])  # fmt: skip
def test_a_stale_update_raises_conflict_and_overwrites_nothing(two_services, method, entity, read, alice_change,
                                                               bob_change, field) -> None:  # fmt: skip
    alice, bob = two_services
    created = _entities(alice)[entity]
    seen_by_alice, seen_by_bob = read(alice, created), read(bob, created)
    getattr(alice, method)(created.id, seen_by_alice.version, **alice_change)
    audit_before = len(bob.audit_trail())
    # A register file names the author the program was given; a shared register names the database login.
    who = "alice" if alice.db.engine.dialect.name == "sqlite" else alice.db.engine.url.username
    with pytest.raises(ConflictError, match=f"changed by {who} "):
        getattr(bob, method)(created.id, seen_by_bob.version, **bob_change)
    stored = read(bob, created)
    assert getattr(stored, field) == alice_change[field]
    assert len(bob.audit_trail()) == audit_before
    with pytest.raises(ConflictError):  # no version at all is refused too, never a write that skips the check
        getattr(bob, method)(created.id, None, **bob_change)
    assert getattr(bob, method)(created.id, stored.version, **bob_change).version == stored.version + 1
    assert getattr(read(alice, created), field) == bob_change[field]


def test_a_stale_link_strength_is_refused(two_services) -> None:
    alice, bob = two_services
    link = _entities(alice)["link"]
    alice.set_link_strength(link.id, "strong", link.version)
    who = "alice" if alice.db.engine.dialect.name == "sqlite" else alice.db.engine.url.username
    with pytest.raises(ConflictError, match=f"changed by {who} "):
        bob.set_link_strength(link.id, "weak", link.version)
    assert bob.links_of(link.source_id)[0].strength == "strong"
