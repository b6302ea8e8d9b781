"""Exchange format version 2: the meeting cycle (meetings, members, the decision log, snapshots) round-trips
byte for byte, version 1 files are still read, and damaged meeting sections are refused whole with their place."""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from register.errors import ExchangeFormatError
from register.exchange import export_data, export_file, import_data, import_file
from register.meetings import MeetingService
from register.service import RegisterService
from register.storage import open_database
from resources import sample_register_path


def build_meeting_cycle(service: RegisterService) -> MeetingService:
    """On the sample register: a closed meeting with members and its snapshot, a planned one, and items in every
    kind and state, among them a request made from a project's "help needed" and an item about two nodes."""
    meetings = MeetingService(service)
    june = meetings.create_meeting(date="2026-06-20", title="Styregruppemøde juni", case_number="1-30-72-18-26",
                                   location="Regionshuset Viborg")  # fmt: skip
    meetings.add_member(june.id, name="Erik Vinther", role="chair")
    meetings.add_member(june.id, name="Conny Jensen", role="member")
    meetings.add_member(june.id, name="Sekretær Søren", role="secretary")
    requests = meetings.sync_help_requests()
    assert requests, "the sample asks for help"
    lemvig = service.find_node("Regionsklinik i Lemvig", kind="project")
    goal = next(n for n in service.load_tree().nodes if n.kind == "goal")
    decided = meetings.add_item(kind="decision", text="Forsøget i Lemvig godkendes", node_ids=[lemvig.id, goal.id],
                                raised_meeting_id=june.id, created=june.date)  # fmt: skip
    meetings.answer_item(decided.id, decided.version, state="done", answer="Godkendt", meeting_id=june.id)
    dropped = meetings.add_item(kind="action", text="Notat om lægedækning", owner="Hanne Møller",
                                deadline="2026-06-01", node_ids=[lemvig.id], created=june.date)  # fmt: skip
    meetings.answer_item(dropped.id, dropped.version, state="dropped", answer="Ikke længere relevant",
                         meeting_id=june.id)  # fmt: skip
    meetings.add_item(kind="action", text="Opfølgning på video", owner="Ole", deadline="2026-09-01",
                      node_ids=[lemvig.id], raised_meeting_id=june.id, created=june.date)  # fmt: skip
    meetings.close_meeting(june.id, meetings.get_meeting(june.id).version)
    september = meetings.create_meeting(date="2026-09-15", title="Styregruppemøde september")
    meetings.add_member(september.id, name="Erik Vinther", role="chair")
    return meetings


def _unversioned(records: list[Any]) -> list[Any]:
    return [dataclasses.replace(record, version=0) for record in records]


def fresh(tmp_path: Path, name: str) -> RegisterService:
    return RegisterService(open_database(tmp_path / f"{name}.sqlite"), user="tester")


def test_the_meeting_cycle_round_trips_byte_for_byte(sample_service, tmp_path: Path) -> None:
    meetings = build_meeting_cycle(sample_service)
    first = tmp_path / "first.json"
    export_file(sample_service, first)
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert [m["state"] for m in document["meetings"]] == ["closed", "planned"]
    assert len(document["meeting_members"]) == 4 and len(document["meeting_snapshots"]) == 1
    assert {i["state"] for i in document["log_items"]} == {"open", "done", "dropped"}
    assert {i["kind"] for i in document["log_items"]} == {"decision", "action", "request"}
    assert any(i["source_status"] for i in document["log_items"])
    again = fresh(tmp_path, "again")
    summary = import_file(again, first)
    assert (summary.meetings, summary.log_items, summary.meeting_snapshots) == (2, len(document["log_items"]), 1)
    assert "2 meetings" in str(summary)
    second = tmp_path / "second.json"
    export_file(again, second)
    assert first.read_bytes() == second.read_bytes()
    restored = MeetingService(again)
    june = restored.list_meetings()[0]
    assert restored.snapshot(june.id) == meetings.snapshot(june.id)  # the hash is checked on reading
    assert restored.snapshot_hash(june.id) == meetings.snapshot_hash(june.id)
    assert _unversioned(restored.items()) == _unversioned(meetings.items())  # an import starts versions at 1
    assert _unversioned(restored.members(june.id)) == _unversioned(meetings.members(june.id))
    assert restored.sync_help_requests() == []  # the requests came along: none is made twice
    again.db.close()


def test_the_in_memory_document_imports_the_same(sample_service, tmp_path: Path) -> None:
    build_meeting_cycle(sample_service)
    data = export_data(sample_service)
    again = fresh(tmp_path, "memory")
    import_data(again, json.loads(json.dumps(data)))
    assert export_data(again) == data
    again.db.close()


def test_a_snapshot_holds_the_register_without_the_meeting_sections(sample_service) -> None:
    meetings = build_meeting_cycle(sample_service)
    june = meetings.list_meetings()[0]
    register = meetings.snapshot(june.id)["register"]
    assert register["version"] == 1 and not set(register) & {"meetings", "meeting_snapshots"}


def test_a_version_1_file_is_read_unchanged(sqlite_service) -> None:
    data = json.loads(sample_register_path().read_text(encoding="utf-8"))
    assert data["version"] == 1
    import_data(sqlite_service, data)
    exported = export_data(sqlite_service)
    assert exported["version"] == 2 and exported["meetings"] == [] and exported["meeting_snapshots"] == []
    register_only = export_data(sqlite_service, meetings=False)
    assert register_only["version"] == 1
    assert {key: exported[key] for key in register_only if key != "version"} == {
        key: value for key, value in register_only.items() if key != "version"
    }


@pytest.fixture(scope="module")
def cycle_document(tmp_path_factory) -> dict[str, Any]:
    """A version 2 document of the sample register with its meeting cycle (built once)."""
    database = open_database(tmp_path_factory.mktemp("cycle") / "cycle.sqlite")
    service = RegisterService(database, user="tester")
    import_file(service, sample_register_path())
    build_meeting_cycle(service)
    data = export_data(service)
    database.close()
    return data


def _snapshot_with(document: bytes) -> str:
    return base64.b64encode(zlib.compress(document)).decode("ascii")


DAMAGES = [
    (lambda d: d.update(version=1), ("meetings: a version 1 file carries no meetings",)),
    (lambda d: d["meeting_snapshots"][0].update(document=d["meeting_snapshots"][0]["document"][:-8] + "AAAAAAA="),
     ("meeting_snapshots[0].document", "SHA-256 does not match")),
    (lambda d: d["meeting_snapshots"][0].update(document="not base64!"),
     ("meeting_snapshots[0].document", "must be base64")),
    (lambda d: d["meeting_snapshots"][0].update(document=_snapshot_with(b'{"other": 1}')),
     ("meeting_snapshots[0].document", "SHA-256 does not match")),
    (lambda d: d["meeting_snapshots"][0].update(sha256="ABC"), ("meeting_snapshots[0].sha256", "64 hexadecimal")),
    (lambda d: d["meeting_snapshots"].append(dict(d["meeting_snapshots"][0])),
     ("meeting_snapshots[1].meeting", "already has a snapshot")),
    (lambda d: d["meeting_snapshots"].clear(), ("meetings[0].state", "no snapshot")),
    (lambda d: d["meetings"][1].update(state="closed"), ("meetings[1].state", "no snapshot")),
    (lambda d: d["meeting_snapshots"][0].update(meeting=d["meetings"][1]["id"]),
     ("meeting_snapshots[0].meeting", "only a closed meeting")),
    (lambda d: d["meetings"][0].update(state="finished"), ("meetings[0].state", "must be one of planned")),
    (lambda d: d["meetings"][0].update(date="30-13-2026"), ("meetings[0].date",)),
    (lambda d: d["meetings"][0].update(closed_at="yesterday"), ("meetings[0].closed_at", "date and time")),
    (lambda d: d["meetings"][0].update(title="t" * 501), ("meetings[0].title", "limit is 500")),
    (lambda d: d["meetings"][1].update(id=None), ("meetings[1].id", "is missing")),
    (lambda d: d["meeting_members"][0].update(role="boss"), ("meeting_members[0].role", "chair")),
    (lambda d: d["meeting_members"][2].update(meeting="m9"), ('meeting_members[2].meeting: no meeting with id "m9"',)),
    (lambda d: d["log_items"][0].update(kind="wish"), ("log_items[0].kind",)),
    (lambda d: d["log_items"][1].update(raised_meeting="nowhere"), ("log_items[1].raised_meeting", "no meeting")),
    (lambda d: d["log_items"][1].update(text=" "), ("log_items[1].text", "cannot be empty")),
    (lambda d: d["log_items"][2].update(deadline="2026-02-30"), ("log_items[2].deadline",)),
    (lambda d: d["log_items"][0].update(source_status="s1"), ("log_items[0].source_status", "UUID")),
    (lambda d: [i.update(source_status="0" * 8 + "-0000-0000-0000-" + "0" * 12) for i in d["log_items"]],
     ("log_items[1].source_status", "already comes from")),
    (lambda d: d["log_item_nodes"][0].update(item="x"), ('log_item_nodes[0].item: no decision-log item with id "x"',)),
    (lambda d: d["log_item_nodes"][0].update(node="p1"), ("log_item_nodes[0].node", "id of a node")),
    (lambda d: d["log_item_nodes"].append(dict(d["log_item_nodes"][0])), ("listed twice",)),
    (lambda d: d["meeting_members"].__setitem__(0, [1]), ("meeting_members[0]", "must be")),
]  # fmt: skip


@pytest.mark.parametrize(("change", "fragments"), DAMAGES)
def test_damaged_meeting_sections_are_refused_whole_with_their_place(cycle_document, service, tmp_path, change,
                                                                     fragments) -> None:  # fmt: skip
    data = json.loads(json.dumps(cycle_document))
    change(data)
    for attempt in ("file", "memory"):
        with pytest.raises(ExchangeFormatError) as caught:
            if attempt == "file":
                path = tmp_path / "damaged.json"
                path.write_text(json.dumps(data), encoding="utf-8")
                import_file(service, path)
            else:
                import_data(service, data)
        for fragment in fragments:
            assert fragment in str(caught.value), (attempt, str(caught.value))
        assert service.is_empty() and service.audit_trail() == []
        assert MeetingService(service).list_meetings() == [] and MeetingService(service).items() == []


def test_an_item_about_a_purged_node_keeps_its_id(cycle_document, sqlite_service) -> None:
    data = json.loads(json.dumps(cycle_document))
    purged = "12345678-1234-4234-8234-123456789abc"
    data["log_item_nodes"].append({"item": data["log_items"][0]["id"], "node": purged})
    import_data(sqlite_service, data)
    assert purged in MeetingService(sqlite_service).get_item(data["log_items"][0]["id"]).node_ids


def test_a_register_with_meetings_but_no_nodes_is_not_empty(cycle_document, service) -> None:
    meetings = MeetingService(service)
    meetings.create_meeting(date="2026-01-10", title="Opstartsmøde")
    with pytest.raises(ExchangeFormatError, match="already holds 1 meetings and decision-log items"):
        import_data(service, json.loads(json.dumps(cycle_document)))
    assert service.is_empty() and [m.title for m in meetings.list_meetings()] == ["Opstartsmøde"]


def test_a_damaged_snapshot_is_refused_in_danish(cycle_document, sqlite_service) -> None:
    from register import i18n

    data = json.loads(json.dumps(cycle_document))
    data["meeting_snapshots"][0]["sha256"] = "0" * 64
    i18n.set_language("da")
    with pytest.raises(ExchangeFormatError, match=r"meeting_snapshots\[0\].document: er beskadiget: dens SHA-256"):
        import_data(sqlite_service, data)
    assert sqlite_service.is_empty()
