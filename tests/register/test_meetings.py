"""Meetings, members, the decision log, help requests, snapshots and the change list since the last meeting."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from register.errors import ConflictError, NotFoundError, StorageError, ValidationError
from register.meeting_view import Change, RegisterView, changed_node_ids, changes_between
from register.meetings import MeetingService
from register.model import MeetingSnapshot
from register.service import RegisterService


@pytest.fixture
def meetings(service: RegisterService) -> MeetingService:
    return MeetingService(service)


def _tree(service: RegisterService) -> dict[str, str]:
    goal = service.add_node("goal", "Færre ambulante besøg")
    p1 = service.add_node("primary", "Digitale forløb", goal.id)
    p2 = service.add_node("primary", "Nære tilbud", goal.id)
    s1 = service.add_node("secondary", "Virtuelle kontroller", p1.id)
    a = service.add_node("project", "AmbuFlex", s1.id, lead="Hanne", unit="Reumatologi", stage="testing")
    b = service.add_node("project", "Video-konsultationer", s1.id, lead="Ole", stage="planning")
    c = service.add_node("project", "Regionsklinik i Lemvig", p2.id, stage="implementing")
    return {"goal": goal.id, "p1": p1.id, "p2": p2.id, "s1": s1.id, "a": a.id, "b": b.id, "c": c.id}


# --------------------------------------------------------------------------- meetings and members


def test_meeting_life_cycle_with_members_and_audit(service: RegisterService, meetings: MeetingService) -> None:
    meeting = meetings.create_meeting(date="13-04-2026", title="Styregruppemøde", case_number="1-30-72-18-26",
                                      location="Regionshuset Viborg")  # fmt: skip
    assert (meeting.date, meeting.state, meeting.case_number) == (date(2026, 4, 13), "planned", "1-30-72-18-26")
    chair = meetings.add_member(meeting.id, name="Erik Vinther", role="chair")
    meetings.add_member(meeting.id, name="Conny Jensen")
    meetings.add_member(meeting.id, name="Sekretær Sofie", role="secretary", position=0)
    assert [(m.name, m.role) for m in meetings.members(meeting.id)] == [
        ("Sekretær Sofie", "secretary"), ("Erik Vinther", "chair"), ("Conny Jensen", "member")
    ]  # fmt: skip
    with pytest.raises(ConflictError):  # the insertion at the top moved the chair down a place
        meetings.update_member(chair.id, chair.version, name="Erik Vinther (V)")
    chair = meetings.members(meeting.id)[1]
    meetings.update_member(chair.id, chair.version, name="Erik Vinther (V)")
    with pytest.raises(ValidationError, match="Role .king. is not one of"):
        meetings.add_member(meeting.id, name="X", role="king")
    held = meetings.set_meeting_state(meeting.id, meeting.version, "held")
    assert held.state == "held" and held.version == meeting.version + 1
    who = "tester" if meetings.service.db.engine.dialect.name == "sqlite" else meetings.service.db.engine.url.username
    with pytest.raises(ConflictError, match=f"changed by {who} "):  # a shared register names the database login
        meetings.update_meeting(meeting.id, meeting.version, title="Old version")
    with pytest.raises(ValidationError, match="Close a meeting"):
        meetings.set_meeting_state(meeting.id, held.version, "closed")
    assert meetings.find_meeting("2026-04-13").id == meeting.id
    assert meetings.find_meeting("13-04-2026").id == meeting.id
    assert meetings.find_meeting(meeting.id).id == meeting.id
    with pytest.raises(NotFoundError, match="No meeting is held on 2026-04-14"):
        meetings.find_meeting("2026-04-14")
    actions = [(e.entity_type, e.action) for e in service.audit_trail() if e.entity_type in ("meeting", "member")]
    assert ("meeting", "create") in actions and ("member", "update") in actions and ("meeting", "update") in actions


def test_every_update_needs_the_version_read(meetings: MeetingService) -> None:
    meeting = meetings.create_meeting(date="2026-04-13", title="Møde")
    with pytest.raises(TypeError):
        meetings.update_meeting(meeting.id, title="No version")  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="version"):
        meetings.update_meeting(meeting.id, None, title="None is not a version")  # type: ignore[arg-type]
    item = meetings.add_item(kind="action", text="Skriv notat", deadline="2026-05-01")
    with pytest.raises(TypeError):
        meetings.answer_item(item.id, state="done")  # type: ignore[call-arg]


def test_bad_input_changes_nothing(service: RegisterService, meetings: MeetingService) -> None:
    for bad in ({"date": "31-02-2026", "title": "x"}, {"date": "2026-04-13", "title": "  "},
                {"date": "2026-04-13", "title": "x", "case_number": "1" * 101}):  # fmt: skip
        with pytest.raises(ValidationError):
            meetings.create_meeting(**bad)
    with pytest.raises(ValidationError, match="Kind"):
        meetings.add_item(kind="wish", text="x")
    with pytest.raises(NotFoundError):
        meetings.add_item(kind="decision", text="x", node_ids=["nope"])
    assert meetings.list_meetings() == [] and meetings.items() == []
    assert service.audit_trail() == []


def test_items_concern_several_nodes_and_are_answered_at_a_meeting(service: RegisterService,
                                                                   meetings: MeetingService) -> None:  # fmt: skip
    ids = _tree(service)
    meeting = meetings.create_meeting(date="2026-04-13", title="Møde")
    item = meetings.add_item(kind="decision", text="Fælles videoplatform", owner="Erik", node_ids=[ids["a"], ids["b"]],
                             raised_meeting_id=meeting.id)  # fmt: skip
    assert set(item.node_ids) == {ids["a"], ids["b"]}
    assert [i.id for i in meetings.items(node_id=ids["a"])] == [item.id]
    assert meetings.items(node_id=ids["c"]) == []
    moved = meetings.update_item(item.id, item.version, node_ids=[ids["c"]])
    assert moved.node_ids == (ids["c"],) and moved.version == item.version + 1
    with pytest.raises(ConflictError):
        meetings.update_item(item.id, item.version, text="stale")
    done = meetings.answer_item(moved.id, moved.version, state="done", answer="Godkendt", meeting_id=meeting.id)
    assert (done.state, done.answer, done.answered_meeting_id) == ("done", "Godkendt", meeting.id)
    assert [i.id for i in meetings.agenda(meeting.id).answered_here] == [item.id]
    with pytest.raises(ValidationError, match="decision-log items"):
        meetings.remove_meeting(meeting.id, meetings.get_meeting(meeting.id).version)


# --------------------------------------------------------------------------- help needed -> requests


def test_help_needed_becomes_a_request_that_stays_on_the_agenda_until_answered(
    service: RegisterService, meetings: MeetingService
) -> None:
    ids = _tree(service)
    service.add_status_update(
        ids["b"],
        date="2026-06-10",
        rag="amber",
        help_needed="Beslutning om fælles videoplatform",
    )
    june = meetings.create_meeting(date="2026-06-20", title="Juni")
    september = meetings.create_meeting(date="2026-09-20", title="September")
    november = meetings.create_meeting(date="2026-11-20", title="November")
    [request] = meetings.agenda(june.id).requests
    assert (request.kind, request.state, request.node_ids, request.owner) == ("request", "open", (ids["b"],), "Ole")
    # asked again with the same words: still one request, on every following agenda
    service.add_status_update(
        ids["b"],
        date="2026-09-01",
        rag="amber",
        help_needed=" Beslutning om  fælles videoplatform",
    )
    assert [r.id for r in meetings.agenda(september.id).requests] == [request.id]
    assert meetings.sync_help_requests() == []
    request = meetings.get_item(request.id)
    answered = meetings.answer_item(request.id, request.version, state="done", answer="Vi vælger Teams",
                                    meeting_id=september.id)  # fmt: skip
    assert meetings.agenda(november.id).requests == []
    assert answered.answered_meeting_id == september.id
    # asked again after the answer: a new request
    service.add_status_update(
        ids["b"],
        date="2026-10-01",
        rag="red",
        help_needed="Beslutning om fælles videoplatform",
    )
    [again] = meetings.agenda(november.id).requests
    assert again.id != request.id
    # an update removed (undo) takes its unanswered request with it
    latest = service.status_history(ids["b"])[0]
    service.remove_status_update(latest.id)
    assert meetings.agenda(november.id).requests == []
    assert meetings.get_item(request.id).state == "done"


def test_a_request_of_an_archived_project_is_not_made(service: RegisterService, meetings: MeetingService) -> None:
    ids = _tree(service)
    service.add_status_update(ids["c"], date="2026-06-10", rag="red", help_needed="Flere læger")
    service.archive_node(ids["c"])
    assert meetings.sync_help_requests() == []


def test_an_action_past_its_deadline_is_overdue(meetings: MeetingService) -> None:
    meeting = meetings.create_meeting(date="2026-06-20", title="Juni")
    late = meetings.add_item(kind="action", text="Notat om Lemvig", deadline="2026-06-01", created=date(2026, 5, 1))
    meetings.add_item(kind="action", text="Senere", deadline="2026-07-01", created=date(2026, 5, 1))
    meetings.add_item(kind="decision", text="Ingen frist", deadline="2026-06-01", created=date(2026, 5, 1))
    agenda = meetings.agenda(meeting.id)
    assert [i.id for i in agenda.overdue] == [late.id]
    assert late.is_overdue(date(2026, 6, 2)) and not late.is_overdue(date(2026, 6, 1))


# --------------------------------------------------------------------------- snapshots


def test_closing_freezes_a_snapshot_with_its_hash(service: RegisterService, meetings: MeetingService) -> None:
    ids = _tree(service)
    meeting = meetings.create_meeting(date="2026-06-20", title="Juni")
    closed = meetings.close_meeting(meeting.id, meeting.version)
    assert closed.state == "closed"
    document = meetings.snapshot(meeting.id)
    assert {n["id"] for n in document["register"]["nodes"]} == set(ids.values())
    assert document["log"]["meetings"][0]["state"] == "closed"
    assert len(meetings.snapshot_hash(meeting.id) or "") == 64
    service.update_node(
        ids["a"], title="Changed after the meeting", expected_version=service.get_node(ids["a"]).version
    )
    assert meetings.snapshot(meeting.id) == document  # frozen
    assert meetings.pack_documents(meeting.id)[0] == document
    with pytest.raises(ValidationError, match="closed"):
        meetings.update_meeting(meeting.id, closed.version, title="x")
    with pytest.raises(ValidationError, match="closed"):
        meetings.add_member(meeting.id, name="Late")
    with pytest.raises(ValidationError, match="closed"):
        meetings.close_meeting(meeting.id, closed.version)
    with service.db.transaction() as session:
        session.execute(update(MeetingSnapshot).values(document=b"damaged"))
    with pytest.raises(StorageError, match="damaged"):
        meetings.snapshot(meeting.id)


# --------------------------------------------------------------------------- the change list


def test_the_change_list_is_exact_for_a_scripted_sequence_of_edits(service: RegisterService,
                                                                   meetings: MeetingService) -> None:  # fmt: skip
    ids = _tree(service)
    measure = service.add_measure(ids["a"], "Andel virtuelle forløb", chart="run", improvement="up")
    service.add_observations(measure.id, [{"date": date(2025, month, 1), "value": 5 + month % 2}
                                          for month in range(1, 13)])  # fmt: skip
    service.add_status_update(ids["a"], date="2026-02-01", rag="green", progress=2.0)
    service.add_status_update(ids["b"], date="2026-02-15", rag="amber", help_needed="Fælles videoplatform")
    action = meetings.add_item(kind="action", text="Notat om Lemvig", deadline="2026-04-01", node_ids=[ids["c"]],
                               created=date(2026, 2, 1))  # fmt: skip
    first = meetings.create_meeting(date="2026-03-01", title="Marts")
    [request] = meetings.agenda(first.id).requests
    first = meetings.close_meeting(first.id, meetings.get_meeting(first.id).version)

    second = meetings.create_meeting(date="2026-06-01", title="Juni")
    d = service.add_node("project", "Pårørende på tablet", ids["s1"])
    service.archive_node(ids["c"])
    service.move_node(ids["b"], ids["p2"])
    service.update_node(ids["a"], title="AmbuFlex PRO", expected_version=service.get_node(ids["a"]).version)
    service.update_node(ids["b"], stage="testing", expected_version=service.get_node(ids["b"]).version)
    service.add_link(ids["s1"], ids["p2"], "weak")
    service.add_status_update(ids["a"], date="2026-05-01", rag="red", progress=2.5)
    service.add_observations(measure.id, [{"date": date(2026, month, 1), "value": 9} for month in range(1, 10)])
    request = meetings.get_item(request.id)
    meetings.answer_item(request.id, request.version, state="done", answer="Teams", meeting_id=second.id)

    current, previous = meetings.pack_documents(second.id)
    assert previous is not None
    old = RegisterView.from_document(previous, first.date)
    new = RegisterView.from_document(current, second.date)
    assert changes_between(old, new) == [
        Change("node_added", "Pårørende på tablet", d.id, "", "project"),
        Change("node_archived", "Regionsklinik i Lemvig", ids["c"]),
        Change("node_moved", "Video-konsultationer", ids["b"], "Virtuelle kontroller", "Nære tilbud"),
        Change("node_renamed", "AmbuFlex PRO", ids["a"], "AmbuFlex", "AmbuFlex PRO"),
        Change("link_added", "Virtuelle kontroller", ids["s1"], "", "Nære tilbud"),
        Change("rag_changed", "AmbuFlex PRO", ids["a"], "green", "red"),
        Change("stage_changed", "Video-konsultationer", ids["b"], "planning", "testing"),
        Change("status_added", "AmbuFlex PRO", ids["a"], "", "2026-05-01"),
        Change("signal_new", "Andel virtuelle forløb", ids["a"], "no_signal", "improvement"),
        Change("item_decided", "Fælles videoplatform", ids["b"], "open", "done"),
        Change("item_overdue", "Notat om Lemvig", ids["c"], "", "2026-04-01"),
    ]
    assert action.id in {i.id for i in new.overdue_actions()}
    assert changed_node_ids(changes_between(old, new)) == {d.id, ids["a"], ids["b"], ids["c"], ids["s1"]}
    # removing the link again is a change too; nothing changed gives an empty list
    assert changes_between(new, new) == []
    link = next(lk for lk in service.load_tree().links if lk.source_id == ids["s1"])
    service.remove_link(link.id)
    later = RegisterView.from_document(meetings.current_document(second.id), second.date)
    assert [c for c in changes_between(new, later) if c.kind.startswith("link")] == [
        Change("link_removed", "Virtuelle kontroller", ids["s1"], "Nære tilbud", "")
    ]


def test_two_services_on_one_register(database) -> None:
    """Two secretaries on one register: a stale version is refused naming who changed it; a closed meeting is
    frozen for the other one too, and a request answered by one is answered for both."""
    mine = MeetingService(RegisterService(database, user="sofie"))
    theirs = MeetingService(RegisterService(database, user="erik"))
    ids = _tree(mine.service)
    meeting = mine.create_meeting(date="2026-06-20", title="Juni")
    seen_by_them = theirs.get_meeting(meeting.id)
    mine.update_meeting(meeting.id, meeting.version, location="Viborg")
    who = "sofie" if database.engine.dialect.name == "sqlite" else database.engine.url.username
    with pytest.raises(ConflictError, match=f"changed by {who} "):  # a shared register names the database login
        theirs.update_meeting(meeting.id, seen_by_them.version, location="Aarhus")
    assert theirs.get_meeting(meeting.id).location == "Viborg"
    mine.service.add_status_update(ids["b"], date="2026-06-10", rag="amber", help_needed="Videoplatform")
    [request] = theirs.agenda(meeting.id).requests
    assert [r.id for r in mine.agenda(meeting.id).requests] == [request.id]  # one request, not one per service
    theirs.answer_item(request.id, request.version, state="done", answer="Teams", meeting_id=meeting.id)
    with pytest.raises(ConflictError):
        mine.answer_item(request.id, request.version, state="dropped", meeting_id=meeting.id)
    current = theirs.get_meeting(meeting.id)
    theirs.close_meeting(meeting.id, current.version)
    with pytest.raises(ValidationError, match="closed"):
        mine.add_member(meeting.id, name="Late")
    with pytest.raises(ValidationError, match="closed"):
        mine.close_meeting(meeting.id, current.version)
    assert mine.snapshot(meeting.id) == theirs.snapshot(meeting.id)


def test_a_close_killed_half_way_leaves_the_meeting_open_and_no_snapshot(tmp_path) -> None:
    """The child process flushes the closed state and the snapshot, then is killed before it commits."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from register.storage import open_database

    path = tmp_path / "register.sqlite"
    database = open_database(path)
    meetings = MeetingService(RegisterService(database, user="tester"))
    _tree(meetings.service)
    meeting = meetings.create_meeting(date="2026-06-20", title="Juni")
    marker = tmp_path / "flushed"
    script = (
        "import sys, time, pathlib\n"
        "from register.meetings import MeetingService\n"
        "from register.service import RegisterService\n"
        "from register.storage import open_database\n"
        "meetings = MeetingService(RegisterService(open_database(sys.argv[1]), user='child'))\n"
        "def stall(*args, **kwargs):\n"
        "    pathlib.Path(sys.argv[2]).write_text('flushed')\n"
        "    time.sleep(60)\n"
        "meetings._audit = stall\n"
        "meeting = meetings.get_meeting(sys.argv[3])\n"
        "meetings.close_meeting(meeting.id, meeting.version)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(path), str(marker), meeting.id])
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the child never reached the middle of closing"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert meetings.get_meeting(meeting.id).state == "planned"
    assert meetings.snapshot_hash(meeting.id) is None
    closed = meetings.close_meeting(meeting.id, meeting.version)  # and it can still be closed
    assert closed.state == "closed" and meetings.snapshot(meeting.id)["log"]["meetings"][0]["state"] == "closed"
    database.close()


def test_reopening_undoes_a_close_in_one_audited_version_checked_step(service: RegisterService,
                                                                      meetings: MeetingService) -> None:  # fmt: skip
    ids = _tree(service)
    meeting = meetings.create_meeting(date="2026-06-20", title="Juni")
    held = meetings.set_meeting_state(meeting.id, meeting.version, "held")
    with pytest.raises(ValidationError, match="not closed"):
        meetings.reopen_meeting(meeting.id, held.version)
    closed = meetings.close_meeting(meeting.id, held.version)
    digest = meetings.snapshot_hash(meeting.id)
    with pytest.raises(ConflictError):  # the version read before the close
        meetings.reopen_meeting(meeting.id, held.version)
    with pytest.raises(ValidationError, match="not as closed"):
        meetings.reopen_meeting(meeting.id, closed.version, "closed")
    with pytest.raises(ValidationError, match="State .open. is not one of"):
        meetings.reopen_meeting(meeting.id, closed.version, "open")
    assert meetings.get_meeting(meeting.id) == closed and meetings.snapshot_hash(meeting.id) == digest

    reopened = meetings.reopen_meeting(meeting.id, closed.version, "held")
    assert (reopened.state, reopened.version) == ("held", closed.version + 1)
    assert meetings.snapshot_hash(meeting.id) is None
    with pytest.raises(NotFoundError, match="not closed"):
        meetings.snapshot(meeting.id)
    meetings.update_meeting(meeting.id, reopened.version, location="Viborg")  # open for edits again
    [entry] = [e for e in service.audit_trail() if e.entity_id == meeting.id and e.changes.get("state") ==
               ["closed", "held"]]  # fmt: skip
    if service.db.is_shared:  # the database's trigger writes it: the row's state and closed_at went back
        assert entry.action == "update" and entry.changes["closed_at"][1] is None
    else:
        assert entry.action == "reopen" and entry.changes["snapshot_sha256"] == [digest, None]
    # closed again (a redo): a new snapshot of the register as it is now
    service.update_node(ids["a"], title="AmbuFlex PRO", expected_version=service.get_node(ids["a"]).version)
    again = meetings.close_meeting(meeting.id, meetings.get_meeting(meeting.id).version)
    assert again.state == "closed"
    assert "AmbuFlex PRO" in {n["title"] for n in meetings.snapshot(meeting.id)["register"]["nodes"]}


def test_a_meeting_is_not_reopened_under_a_later_closed_one(service: RegisterService,
                                                            meetings: MeetingService) -> None:  # fmt: skip
    june = meetings.create_meeting(date="2026-06-20", title="Juni")
    june = meetings.close_meeting(june.id, june.version)
    september = meetings.create_meeting(date="2026-09-20", title="September")
    september = meetings.close_meeting(september.id, september.version)
    with pytest.raises(ValidationError, match="later meeting 'September' of 2026-09-20 is closed"):
        meetings.reopen_meeting(june.id, june.version, "planned")
    assert meetings.get_meeting(june.id).state == "closed" and meetings.snapshot_hash(june.id) is not None
    meetings.reopen_meeting(september.id, september.version, "planned")
    assert meetings.reopen_meeting(june.id, june.version, "planned").state == "planned"
    assert [m.state for m in meetings.list_meetings()] == ["planned", "planned"]


def test_a_stale_reopen_by_another_service_changes_nothing(database) -> None:
    mine = MeetingService(RegisterService(database, user="sofie"))
    theirs = MeetingService(RegisterService(database, user="erik"))
    meeting = mine.create_meeting(date="2026-06-20", title="Juni")
    closed = mine.close_meeting(meeting.id, meeting.version)
    theirs.reopen_meeting(meeting.id, closed.version, "planned")
    again = theirs.close_meeting(meeting.id, theirs.get_meeting(meeting.id).version)
    with pytest.raises(ConflictError):  # mine still holds the version of the first close
        mine.reopen_meeting(meeting.id, closed.version, "planned")
    assert mine.get_meeting(meeting.id) == again and mine.snapshot_hash(meeting.id) is not None


def test_a_reopen_killed_half_way_leaves_the_meeting_closed_with_its_snapshot(tmp_path) -> None:
    """The child process flushes the reopened state and the removed snapshot, then is killed before it commits."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from register.storage import open_database

    path = tmp_path / "register.sqlite"
    database = open_database(path)
    meetings = MeetingService(RegisterService(database, user="tester"))
    _tree(meetings.service)
    meeting = meetings.create_meeting(date="2026-06-20", title="Juni")
    closed = meetings.close_meeting(meeting.id, meeting.version)
    document, digest = meetings.snapshot(meeting.id), meetings.snapshot_hash(meeting.id)
    marker = tmp_path / "flushed"
    script = (
        "import sys, time, pathlib\n"
        "from register.meetings import MeetingService\n"
        "from register.service import RegisterService\n"
        "from register.storage import open_database\n"
        "meetings = MeetingService(RegisterService(open_database(sys.argv[1]), user='child'))\n"
        "def stall(*args, **kwargs):\n"
        "    pathlib.Path(sys.argv[2]).write_text('flushed')\n"
        "    time.sleep(60)\n"
        "meetings._audit = stall\n"
        "meeting = meetings.get_meeting(sys.argv[3])\n"
        "meetings.reopen_meeting(meeting.id, meeting.version, 'planned')\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(path), str(marker), meeting.id])
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the child never reached the middle of reopening"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert meetings.get_meeting(meeting.id) == closed
    assert meetings.snapshot_hash(meeting.id) == digest and meetings.snapshot(meeting.id) == document
    assert meetings.reopen_meeting(meeting.id, closed.version, "planned").state == "planned"
    database.close()


def test_a_status_change_brings_only_that_projects_requests_up_to_date(
    service: RegisterService, meetings: MeetingService
) -> None:
    """The window syncs the requests of the project whose status changed, not the whole register's."""
    ids = _tree(service)
    service.add_status_update(ids["a"], date="2026-06-10", rag="amber", help_needed="Flere sygeplejersker")
    asked = service.add_status_update(ids["b"], date="2026-06-11", rag="red", help_needed="Fælles videoplatform")
    [made] = meetings.sync_help_requests([ids["b"]])
    assert (made.text, made.node_ids) == ("Fælles videoplatform", (ids["b"],))
    assert meetings.sync_help_requests([ids["b"]]) == []  # the same words: still one request
    assert [r.node_ids for r in meetings.sync_help_requests()] == [(ids["a"],)]  # the rest on a full sync
    service.remove_status_update(asked.id)  # undone before anyone answered: the request goes with it
    meetings.sync_help_requests([ids["b"]])
    assert [i.text for i in meetings.items()] == ["Flere sygeplejersker"]
