"""A shared register on PostgreSQL: two workstations changing the same node."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from register.errors import ConflictError
from register.service import RegisterService
from register.storage import open_database

pytestmark = pytest.mark.postgres


def test_second_writer_gets_a_conflict_and_nothing_is_lost(postgres_schema) -> None:
    url, schema = postgres_schema
    first_db, second_db = open_database(url, schema=schema), open_database(url, schema=schema)
    try:
        assert first_db.is_shared
        alice, bob = RegisterService(first_db, user="alice"), RegisterService(second_db, user="bob")
        goal = alice.add_node("goal", "Fewer visits")
        seen_by_alice = alice.get_node(goal.id)
        seen_by_bob = bob.get_node(goal.id)
        alice.update_node(goal.id, expected_version=seen_by_alice.version, description="Alice's wording")
        # On a shared register the audit trail names the database login, not the --user label.
        with pytest.raises(ConflictError, match=make_url(url).username):
            bob.update_node(goal.id, expected_version=seen_by_bob.version, description="Bob's wording")
        stored = bob.get_node(goal.id)
        assert stored.description == "Alice's wording"
        bob.update_node(goal.id, expected_version=stored.version, description="Bob's wording after reload")
        assert alice.get_node(goal.id).description == "Bob's wording after reload"
    finally:
        first_db.close()
        second_db.close()
