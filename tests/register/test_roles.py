"""Roles and the audit trail of a shared register, enforced by PostgreSQL itself (checked with plain SQL)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from register import roles
from register.cli import main
from register.errors import PermissionDeniedError, ValidationError
from register.service import RegisterService
from register.storage import Database, open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(postgres_schema) -> Iterator[tuple[Database, str, str]]:
    """A shared register opened by its owner, with the sample's shape: (database, url, schema)."""
    url, schema = postgres_schema
    database = open_database(url, schema=schema)
    yield database, url, schema
    database.close()


@pytest.fixture
def make_login(shared) -> Iterator[Callable[[], str]]:
    """Create PostgreSQL logins with unique names; they are dropped afterwards."""
    database, _url, _schema = shared
    created: list[str] = []

    def create() -> str:
        name = f"ir_test_{uuid.uuid4().hex[:10]}"
        with database.engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        created.append(name)
        return name

    yield create
    with database.engine.begin() as connection:
        for name in created:
            connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


def _connect(url: str, schema: str, login: str) -> psycopg.Connection:
    """A plain psycopg connection as ``login`` (what psql or Excel would use), autocommit."""
    parsed = make_url(url)
    return psycopg.connect(
        host=parsed.host, port=parsed.port or 5432, dbname=parsed.database, user=login,
        options=f"-c search_path={schema}", autocommit=True,
    )  # fmt: skip


def _open_as(url: str, schema: str, login: str) -> Database:
    return open_database(make_url(url).set(username=login).render_as_string(hide_password=False), schema=schema)


@pytest.fixture
def programme(shared) -> dict[str, str]:
    """A goal, a driver and two projects led by Mette and by Jonas, each with a status update and a measure."""
    database, _url, _schema = shared
    service = RegisterService(database)
    goal = service.add_node("goal", "Fewer visits")
    driver = service.add_node("primary", "Care at home", goal.id)
    mine = service.add_node("project", "Video consultations", driver.id, lead="Mette Hansen")
    theirs = service.add_node("project", "Tablet relatives", driver.id, lead="Jonas Berg")
    status = service.add_status_update(theirs.id, date="2026-11-01", rag="green", progress=2.0)
    measure = service.add_measure(theirs.id, "Visits", chart="run")
    return {"goal": goal.id, "driver": driver.id, "mine": mine.id, "theirs": theirs.id, "status": status.id,
            "measure": measure.id}  # fmt: skip


def test_grant_list_and_revoke_from_the_command_line(shared, make_login, capsys) -> None:
    database, url, schema = shared
    lead, viewer = make_login(), make_login()
    db_url = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    assert main(["roles", "grant", "--db", db_url, lead, "project-lead", "--person", "Mette Hansen"]) == 0
    assert main(["roles", "grant", "--db", db_url, viewer, "viewer"]) == 0
    assert f"{lead} is now project-lead (lead name 'Mette Hansen')." in capsys.readouterr().out
    assert main(["roles", "list", "--db", db_url]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split() == ["LOGIN", "ROLE", "PERSON"]
    assert [lead, "project-lead", "Mette Hansen"] in [line.split(None, 2) for line in listing]
    assert any(line.split() == [viewer, "viewer"] for line in listing)
    # A second grant replaces the role (one role per login).
    assert main(["roles", "grant", "--db", db_url, viewer, "steering-group"]) == 0
    assert {m.login: m.role for m in roles.members(database)}[viewer] == "steering-group"
    assert main(["roles", "revoke", "--db", db_url, viewer]) == 0
    assert viewer not in {m.login for m in roles.members(database)}
    capsys.readouterr()
    assert main(["roles", "grant", "--db", db_url, "nobody_" + uuid.uuid4().hex[:6], "viewer"]) == 1
    assert "no login named" in capsys.readouterr().err


def test_a_register_file_has_no_roles(tmp_path, capsys) -> None:
    assert main(["roles", "list", "--db", str(tmp_path / "r.sqlite")]) == 1
    assert "no roles" in capsys.readouterr().err
    assert not (tmp_path / "r.sqlite").exists()
    database = open_database(tmp_path / "r.sqlite")
    assert roles.current_role(database) == roles.LOCAL
    with pytest.raises(ValidationError, match="no roles"):
        roles.grant(database, "anne", "viewer")
    database.close()


def test_a_viewers_update_changes_nothing(shared, make_login, programme) -> None:
    database, url, schema = shared
    viewer = make_login()
    roles.grant(database, viewer, "viewer")
    with _connect(url, schema, viewer) as connection:
        assert connection.execute("SELECT count(*) FROM nodes").fetchone()[0] == 4
        for statement in (
            "UPDATE nodes SET title = 'Hacked'",
            "DELETE FROM status_updates",
            "INSERT INTO register_info (key, value) VALUES ('title', 'Hacked')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
    service = RegisterService(database)
    assert {node.title for node in service.load_tree().nodes} == {
        "Fewer visits", "Care at home", "Video consultations", "Tablet relatives",
    }  # fmt: skip
    assert len(service.status_history(programme["theirs"])) == 1


def test_the_window_gets_a_clear_message_when_the_role_refuses(shared, make_login, programme) -> None:
    database, url, schema = shared
    viewer = make_login()
    roles.grant(database, viewer, "viewer")
    as_viewer = _open_as(url, schema, viewer)
    try:
        assert roles.current_role(as_viewer) == "viewer"
        service = RegisterService(as_viewer)
        node = service.get_node(programme["goal"])
        with pytest.raises(PermissionDeniedError, match="role in the shared register") as refused:
            service.update_node(node.id, expected_version=node.version, title="Mine now")
        assert "file" not in str(refused.value)
        with pytest.raises(PermissionDeniedError):
            roles.grant(as_viewer, viewer, "admin")
    finally:
        as_viewer.close()
    assert RegisterService(database).get_node(programme["goal"]).title == "Fewer visits"


def test_a_project_lead_changes_only_their_own_projects(shared, make_login, programme) -> None:
    database, url, schema = shared
    lead = make_login()
    roles.grant(database, lead, "project-lead", person="Mette Hansen")
    with _connect(url, schema, lead) as connection:
        # Their own project: fields and status updates.
        connection.execute("UPDATE nodes SET description = 'Mine', version = version + 1 WHERE id = %s",
                           (programme["mine"],))  # fmt: skip
        connection.execute(
            "INSERT INTO status_updates (id, node_id, date, author, rag, summary, next_steps, help_needed, version) "
            "VALUES (%s, %s, %s, '', 'amber', '', '', '', 1)",
            (str(uuid.uuid4()), programme["mine"], date(2026, 11, 20)),
        )
        # Another lead's project: refused or nothing touched.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE nodes SET description = 'Taken' WHERE id = %s", (programme["theirs"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "INSERT INTO status_updates (id, node_id, date, author, rag, summary, next_steps, help_needed, "
                "version) VALUES (%s, %s, %s, '', 'red', '', '', '', 1)",
                (str(uuid.uuid4()), programme["theirs"], date(2026, 11, 20)),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE status_updates SET rag = 'red' WHERE id = %s", (programme["status"],))
        assert connection.execute("DELETE FROM status_updates WHERE id = %s", (programme["status"],)).rowcount == 0
        assert connection.execute("DELETE FROM measures WHERE id = %s", (programme["measure"],)).rowcount == 0
        # Not their place in the tree, not the lead field, not the diagram.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE nodes SET parent_id = NULL WHERE id = %s", (programme["mine"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE nodes SET lead = 'Jonas Berg' WHERE id = %s", (programme["mine"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE nodes SET title = 'Goal' WHERE id = %s", (programme["goal"],))
    service = RegisterService(database)
    theirs = service.get_node(programme["theirs"])
    assert (theirs.description, theirs.lead) == ("", "Jonas Berg")
    assert [s.rag for s in service.status_history(programme["theirs"])] == ["green"]
    assert service.get_node(programme["mine"]).description == "Mine"
    assert len(service.status_history(programme["mine"])) == 1
    assert len(service.list_measures(programme["theirs"])) == 1


def test_a_project_lead_works_through_the_service(shared, make_login, programme) -> None:
    database, url, schema = shared
    lead = make_login()
    roles.grant(database, lead, "project-lead", person="Mette Hansen")
    as_lead = _open_as(url, schema, lead)
    try:
        assert (roles.current_role(as_lead), roles.current_person(as_lead)) == ("project-lead", "Mette Hansen")
        service = RegisterService(as_lead, user="ignored label")
        node = service.get_node(programme["mine"])
        service.update_node(node.id, expected_version=node.version, stage="testing")
        service.add_status_update(node.id, date="2026-11-25", rag="green", progress=3.0, summary="Going well")
        measure = service.add_measure(node.id, "Video share", chart="run")
        service.add_observations(measure.id, [{"date": "2026-10-01", "value": 3}, {"date": "2026-11-01", "value": 5}])
        with pytest.raises(PermissionDeniedError):
            service.add_status_update(programme["theirs"], date="2026-11-25", rag="red")
        entry = service.audit_trail(node.id)[0]
        assert entry.user == lead  # the login, never the label
    finally:
        as_lead.close()


def test_the_steering_group_edits_the_diagram_and_the_audit_names_the_login(shared, make_login, programme) -> None:
    database, url, schema = shared
    member = make_login()
    roles.grant(database, member, "steering-group")
    with _connect(url, schema, member) as connection:
        connection.execute("UPDATE nodes SET title = 'Fewer outpatient visits' WHERE id = %s", (programme["goal"],))
        server_now = connection.execute("SELECT now() AT TIME ZONE 'UTC'").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO audit_entries (at, \"user\", entity_type, entity_id, action, changes) "
                               "VALUES (now(), 'someone else', 'node', 'x', 'update', '{}')")  # fmt: skip
    entry = RegisterService(database, user="label").audit_trail(programme["goal"])[0]
    assert (entry.user, entry.entity_type, entry.action) == (member, "node", "update")
    assert entry.changes == {"title": ["Fewer visits", "Fewer outpatient visits"]}
    assert abs((entry.at - server_now).total_seconds()) < 5


def test_audit_rows_cannot_be_updated_or_deleted_even_by_the_owner(shared, programme) -> None:
    database, url, schema = shared
    owner = make_url(url).username
    before = RegisterService(database).audit_trail()
    assert before and all(entry.user == owner for entry in before)
    with _connect(url, schema, owner) as connection:
        for statement in (
            "UPDATE audit_entries SET \"user\" = 'nobody'",
            "DELETE FROM audit_entries",
            "TRUNCATE audit_entries",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                connection.execute(statement)
    assert RegisterService(database).audit_trail() == before


def test_a_shared_register_of_the_previous_version_is_upgraded_with_its_data(postgres_schema) -> None:
    from register.storage import current_revision, make_engine, upgrade

    url, schema = postgres_schema
    engine = make_engine(url, schema=schema)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO nodes (id, kind, title, description, parent_id, position, lead, unit, version) "
            "VALUES ('00000000-0000-4000-8000-000000000001', 'goal', 'Old goal', '', NULL, 0, '', '', 1)"
        ))  # fmt: skip
    assert current_revision(engine) == "0002"
    engine.dispose()
    database = open_database(url, schema=schema)
    try:
        service = RegisterService(database)
        [goal] = service.load_tree().nodes
        assert goal.title == "Old goal"
        service.update_node(goal.id, expected_version=goal.version, title="Old goal, new words")
        entry = service.audit_trail(goal.id)[0]
        assert (entry.user, entry.changes) == (make_url(url).username, {"title": ["Old goal", "Old goal, new words"]})
        assert roles.current_role(database) == "admin"  # the owner
    finally:
        database.close()
