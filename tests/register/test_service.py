"""The service layer: validation, tree edits, archive/restore/purge, links, status, measures, audit,
conflicts, and that a failed action leaves the register exactly as it was."""

from __future__ import annotations

from datetime import date

import pytest

from register.errors import ConflictError, NotFoundError, ValidationError
from register.exchange import dumps, export_data
from register.service import RegisterService


@pytest.fixture
def tree(service: RegisterService) -> dict:
    goal = service.add_node("goal", "Fewer outpatient visits")
    primary = service.add_node("primary", "Technology for chronic patients", goal.id)
    other_primary = service.add_node("primary", "Shared care", goal.id)
    secondary = service.add_node("secondary", "Alternatives to attendance", primary.id)
    project = service.add_node(
        "project", "Telemedical controls", secondary.id, lead="Mads", unit="AUH", start="2024-01-01", end="2024-12-31"
    )
    return {"goal": goal, "primary": primary, "other": other_primary, "secondary": secondary, "project": project}


def snapshot(service: RegisterService) -> str:
    return dumps(export_data(service))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, t: s.add_node("goal", "   "), "Title cannot be empty"),
        (lambda s, t: s.add_node("primary", "P"), "must sit under a goal"),
        (lambda s, t: s.add_node("secondary", "S", t["goal"].id), "cannot sit under the goal"),
        (lambda s, t: s.add_node("goal", "G", t["goal"].id), "top-level"),
        (lambda s, t: s.add_node("project", "P", t["project"].id), "cannot sit under the project"),
        (lambda s, t: s.add_node("wizard", "W"), "not one of"),
        (lambda s, t: s.add_node("primary", "P", t["goal"].id, lead="x"), "Only projects have lead"),
        (lambda s, t: s.update_node(t["project"].id, t["project"].version, end="2023-01-01"), "before the start date"),
        (lambda s, t: s.update_node(t["project"].id, t["project"].version, start="31/31/2024"), "is not a date"),
        (lambda s, t: s.update_node(t["project"].id, t["project"].version, stage="dreaming"), "not one of"),
        (lambda s, t: s.add_status_update(t["project"].id, date="2024-02-01", rag="green", progress=5.5), "IHI scale"),
        (lambda s, t: s.add_status_update(t["project"].id, date="2024-02-01", rag="green", progress=2.2), "IHI scale"),
        (lambda s, t: s.add_status_update(t["project"].id, date="2024-02-01", rag="blue"), "not one of"),
        (lambda s, t: s.add_status_update(t["goal"].id, date="2024-02-01", rag="green"), "logged on projects"),
        (lambda s, t: s.add_measure(t["project"].id, "M", chart="zz"), "Chart type 'zz' is not one of"),
        (lambda s, t: s.add_measure(t["project"].id, "M", chart="p", rules="mdc"), "I charts only"),
        (lambda s, t: s.add_observations("no-such-measure", []), "No measure"),
        (lambda s, t: s.update_node("no-such-node", 1, title="x"), "No node"),
        (lambda s, t: s.add_link(t["project"].id, t["project"].id), "itself"),
        (lambda s, t: s.add_link(t["project"].id, t["secondary"].id), "already the parent"),
        (lambda s, t: s.add_link(t["project"].id, t["goal"].id), "not to the goal"),
        (lambda s, t: s.add_link(t["primary"].id, t["other"].id), "Only projects and secondary drivers"),
    ],
)
def test_invalid_actions_raise_typed_errors_and_change_nothing(service, tree, call, message) -> None:
    before = snapshot(service)
    audit_before = len(service.audit_trail())
    with pytest.raises((ValidationError, NotFoundError), match=message):
        call(service, tree)
    assert snapshot(service) == before
    assert len(service.audit_trail()) == audit_before


def test_observations_are_all_or_nothing(service, tree) -> None:
    measure = service.add_measure(tree["project"].id, "Share virtual", chart="p", improvement="up")
    good = {"date": "2024-01-01", "value": 5, "denominator": 10}
    with pytest.raises(ValidationError, match="row 3: .*larger than its denominator"):
        service.add_observations(measure.id, [good, {**good, "date": "2024-02-01"}, {**good, "value": 11}])
    with pytest.raises(ValidationError, match="row 2: .*needs a denominator"):
        service.add_observations(measure.id, [good, {"date": "2024-02-01", "value": 3}])
    with pytest.raises(ValidationError, match="row 1: .*not a number"):
        service.add_observations(measure.id, [{"date": "2024-02-01", "value": "many", "denominator": 4}])
    assert service.observations(measure.id) == []
    added = service.add_observations(measure.id, [good, {"date": "01-02-2024", "value": "2,5", "denominator": "10"}])
    assert [(o.date, o.value) for o in added] == [(date(2024, 1, 1), 5.0), (date(2024, 2, 1), 2.5)]


def test_moves_respect_kinds_and_keep_positions_dense(service, tree) -> None:
    second = service.add_node("secondary", "Second", tree["primary"].id)
    service.move_node(second.id, tree["primary"].id, 0)
    titles = [n.title for n in service.load_tree().children_of()[tree["primary"].id]]
    assert titles == ["Second", "Alternatives to attendance"]
    moved = service.move_node(tree["project"].id, tree["other"].id)  # project directly under a primary is allowed
    assert moved.parent_id == tree["other"].id
    with pytest.raises(ValidationError, match="cannot sit under"):
        service.move_node(second.id, tree["goal"].id)
    positions = [n.position for n in service.load_tree().children_of()[tree["primary"].id]]
    assert positions == [0, 1]


def test_archive_restore_and_purge(service, tree) -> None:
    service.add_status_update(tree["project"].id, date="2024-03-01", rag="amber", progress=2.0)
    measure = service.add_measure(tree["project"].id, "Visits", chart="c")
    service.add_observations(measure.id, [{"date": "2024-01-01", "value": 3}])
    impact = service.describe_deletion(tree["primary"].id)
    assert impact.descendants == {"secondary": 1, "project": 1}
    assert (impact.measures, impact.observations, impact.status_updates) == (1, 1, 1)
    service.archive_node(tree["primary"].id)
    visible = {n.id for n in service.load_tree().nodes}
    assert tree["project"].id not in visible and tree["primary"].id not in visible
    with pytest.raises(ValidationError, match="not archived"):
        service.purge_node(tree["other"].id)
    service.restore_node(tree["primary"].id)
    assert tree["project"].id in {n.id for n in service.load_tree().nodes}
    assert service.status_history(tree["project"].id)[0].rag == "amber"
    service.archive_node(tree["primary"].id)
    service.purge_node(tree["primary"].id)
    with pytest.raises(NotFoundError):
        service.get_node(tree["project"].id)
    # A shared register's audit trail is written by the database, which sees the rows deleted.
    assert service.audit_trail(tree["primary"].id)[0].action == ("delete" if service.db.is_shared else "purge")


def test_links_and_their_rules(service, tree) -> None:
    link = service.add_link(tree["project"].id, tree["other"].id, "weak")
    with pytest.raises(ValidationError, match="already linked"):
        service.add_link(tree["project"].id, tree["other"].id)
    with pytest.raises(ValidationError, match="cross-linked"):
        service.move_node(tree["project"].id, tree["other"].id)
    assert service.set_link_strength(link.id, "strong", link.version).strength == "strong"
    removed = service.remove_link(link.id)
    assert service.load_tree().links == []
    service.add_link(removed.source_id, removed.target_id, removed.strength, link_id=removed.id)
    assert [item.id for item in service.load_tree().links] == [link.id]


def test_latest_status_and_history(service, tree) -> None:
    project = tree["project"].id
    service.add_status_update(project, date="2024-03-01", rag="amber", progress=2.0, summary="first")
    service.add_status_update(project, date="2024-05-01", rag="green", progress=3.0, summary="latest")
    service.add_status_update(project, date="2024-04-01", rag="red", summary="middle")
    assert service.load_tree().latest_status[project].summary == "latest"
    assert [s.summary for s in service.status_history(project)] == ["latest", "middle", "first"]
    assert service.status_history(project)[0].author == "tester"


def _author(service: RegisterService, label: str) -> str:
    """Who the audit trail names: the label on a file, the database login on a shared register."""
    return service.db.engine.url.username if service.db.is_shared else label


def test_audit_trail_records_who_what_and_old_and_new_values(service, tree) -> None:
    service.update_node(tree["project"].id, tree["project"].version, title="Video controls", lead="Anne")
    entry = service.audit_trail(tree["project"].id)[0]
    assert (entry.user, entry.entity_type, entry.action) == (_author(service, "tester"), "node", "update")
    assert entry.changes == {"title": ["Telemedical controls", "Video controls"], "lead": ["Mads", "Anne"]}
    status = service.add_status_update(tree["project"].id, date="2024-03-01", rag="amber")
    service.update_status_update(status.id, status.version, rag="green")
    assert service.audit_trail(tree["project"].id)[0].changes == {"rag": ["amber", "green"]}


def test_user_defaults_to_the_login_name(database) -> None:
    from register.service import default_user

    assert RegisterService(database).user == default_user() != ""


def test_stale_update_raises_conflict_and_keeps_the_other_change(service, tree) -> None:
    first = service.get_node(tree["project"].id)
    other = RegisterService(service.db, user="colleague")
    other.update_node(first.id, expected_version=first.version, title="Their title")
    with pytest.raises(ConflictError, match=_author(other, "colleague")):
        service.update_node(first.id, expected_version=first.version, title="My title")
    assert service.get_node(first.id).title == "Their title"


def test_remove_new_node_only_when_empty(service, tree) -> None:
    with pytest.raises(ValidationError, match="has content"):
        service.remove_new_node(tree["primary"].id)
    service.remove_new_node(tree["project"].id)
    with pytest.raises(NotFoundError):
        service.get_node(tree["project"].id)


def test_measure_annotations_and_observation_edits(service, tree) -> None:
    measure = service.add_measure(tree["project"].id, "Time to answer", chart="t", improvement="down", target="2,5")
    assert measure.target == 2.5
    [obs] = service.add_observations(measure.id, [{"date": "2024-01-01", "value": 4}])
    with pytest.raises(ValidationError, match="greater than zero"):
        service.update_observation(obs.id, obs.version, value=0)
    edited = service.update_observation(obs.id, obs.version, excluded=True, exclude_reason="IT outage")
    assert edited.excluded and edited.exclude_reason == "IT outage"
    annotation = service.add_annotation(measure.id, date="2024-01-15", text="PDSA 1", phase_break=True)
    assert service.annotations(measure.id) == [annotation]
    service.archive_measure(measure.id)
    assert service.list_measures(tree["project"].id) == []
    assert service.restore_measure(measure.id).archived is False
    assert service.find_measure("time TO answer").id == measure.id


def test_find_node_by_title_or_id(service, tree) -> None:
    assert service.find_node("fewer outpatient visits").id == tree["goal"].id
    assert service.find_node(tree["goal"].id, kind="goal").id == tree["goal"].id
    with pytest.raises(NotFoundError):
        service.find_node("nothing like it")


def test_a_measure_can_use_the_six_point_mdc_variant(service, tree) -> None:
    measure = service.add_measure(tree["project"].id, "Falls", chart="i", rules="mdc6", improvement="down")
    assert service.get_measure(measure.id).rules == "mdc6"
    with pytest.raises(ValidationError, match="I charts only"):
        service.update_measure(measure.id, chart="c", expected_version=measure.version)
    assert service.get_measure(measure.id).chart == "i"


def test_a_zero_denominator_is_stored_and_a_negative_one_refused(service, tree) -> None:
    measure = service.add_measure(tree["project"].id, "Share seen virtually", chart="p")
    service.add_observations(measure.id, [{"date": "2024-01-31", "value": 0, "denominator": 0}])
    with pytest.raises(ValidationError, match="cannot be negative"):
        service.add_observations(measure.id, [{"date": "2024-02-29", "value": 0, "denominator": -1}])
    assert [o.denominator for o in service.observations(measure.id)] == [0]


def test_a_status_update_checks_every_ancestor_in_one_query(service, tree) -> None:
    from sqlalchemy import event

    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.split()[0].upper())

    event.listen(service.db.engine, "before_cursor_execute", record)
    try:
        status = service.add_status_update(tree["project"].id, date="2026-11-01", rag="amber", progress=2.5,
                                           summary="På vej")  # fmt: skip
    finally:
        event.remove(service.db.engine, "before_cursor_execute", record)
    work = [s for s in statements if s not in ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")]
    # On PostgreSQL the database writes the audit row itself (a trigger): one INSERT fewer.
    inserts = ["INSERT", "INSERT"] if service.db.engine.dialect.name == "sqlite" else ["INSERT"]
    assert work[0] in ("WITH", "SELECT") and work[1:] == inserts, work
    assert service.latest_status(tree["project"].id) == status
    assert service.audit_trail(tree["project"].id)[0].action == "create"
    service.archive_node(tree["primary"].id)  # the project's grandparent
    with pytest.raises(ValidationError, match="archived"):
        service.add_status_update(tree["project"].id, date="2026-11-02", rag="red")
    service.restore_node(tree["primary"].id)
    service.add_status_update(tree["project"].id, date="2026-11-02", rag="red")
    with pytest.raises(ValidationError, match="Status is logged on projects"):
        service.add_status_update(tree["secondary"].id, date="2026-11-02", rag="red")
    with pytest.raises(NotFoundError):
        service.add_status_update("no-such-node", date="2026-11-02", rag="red")


def test_the_latest_status_is_the_newest_by_date_then_id(service, tree) -> None:
    project = tree["project"].id
    ids = ["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"]
    for status_id in reversed(ids):
        service.add_status_update(project, date="2026-03-01", rag="green", status_id=status_id)
    service.add_status_update(project, date="2026-01-01", rag="red", status_id="00000000-0000-4000-8000-00000000000c")
    assert service.latest_status(project).id == ids[1]
    assert service.load_tree().latest_status[project].id == ids[1]
    assert tree["secondary"].id not in service.load_tree().latest_status


@pytest.mark.parametrize("batch", [2, 5000])
def test_all_measure_data_reads_each_measure_in_date_order_across_read_batches(service, tree, monkeypatch,
                                                                               batch) -> None:  # fmt: skip
    """The bulk read behind the evidence groups rows by measure in batches: a measure's rows split over two batches
    (batch 2) must come back whole, in date order, the same as one measure at a time."""
    import register.service

    monkeypatch.setattr(register.service, "_READ_BATCH", batch)
    visits = service.add_measure(tree["project"].id, "Visits", chart="c")
    share = service.add_measure(tree["secondary"].id, "Share", chart="run")
    gone = service.add_measure(tree["project"].id, "Old", chart="run")
    service.add_observations(visits.id, [{"date": f"2024-0{m}-01", "value": m} for m in (5, 1, 3, 2, 4)])
    service.add_observations(share.id, [{"date": f"2024-0{m}-15", "value": m / 10} for m in (2, 1, 3)])
    service.add_observations(gone.id, [{"date": "2024-01-01", "value": 1}])
    service.add_annotation(visits.id, date="2024-03-01", text="New clinic", phase_break=True)
    service.archive_measure(gone.id)

    data = {measure.name: (observations, notes) for measure, observations, notes in service.all_measure_data()}
    assert set(data) == {"Visits", "Share"}
    assert data["Visits"][0] == service.observations(visits.id)
    assert [o.value for o in data["Visits"][0]] == [1, 2, 3, 4, 5]
    assert [o.value for o in data["Share"][0]] == [0.1, 0.2, 0.3]
    assert [a.text for a in data["Visits"][1]] == ["New clinic"] and data["Share"][1] == []
    only = service.all_measure_data([tree["secondary"].id])
    assert [(m.name, len(o)) for m, o, _notes in only] == [("Share", 3)]
