"""The exchange file: byte-equal round trip, id handling, and all-or-nothing import."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest

from register.errors import ExchangeFormatError
from register.exchange import SECTIONS, dumps, export_data, export_file, import_data, import_file
from register.meetings import MeetingService
from register.service import RegisterService
from register.storage import open_database
from resources import sample_register_path


def fresh(tmp_path: Path, name: str) -> RegisterService:
    return RegisterService(open_database(tmp_path / f"{name}.sqlite"), user="tester")


def test_round_trip_is_byte_equal(sample_service, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    export_file(sample_service, first)
    again = fresh(tmp_path, "again")
    import_file(again, first)
    second = tmp_path / "second.json"
    export_file(again, second)
    assert first.read_bytes() == second.read_bytes()
    assert "æ" in first.read_text(encoding="utf-8") or "ø" in first.read_text(encoding="utf-8")


def test_the_sample_register_has_what_the_seeds_describe(sample_service) -> None:
    tree = sample_service.load_tree()
    titles = {n.title for n in tree.nodes}
    assert sum(n.kind == "goal" for n in tree.nodes) == 2
    for expected in ("AmbuFlex", "Telemedicinske", "reumatologiske", "ældre medicinske", "Lemvig", "tablet"):
        assert any(expected in title for title in titles), expected
    assert len(tree.links) >= 5 and len(tree.latest_status) >= 8
    goal = next(n for n in tree.nodes if "ambulante" in n.title)
    names = {m.name for m in sample_service.list_measures(goal.id)}
    assert {"Sygehusforløb pr. borger", "Andel virtuelle forløb"} <= names
    observations = sample_service.observations(sample_service.find_measure("Andel virtuelle forløb").id)
    assert len(observations) >= 24 and all("Illustrative" in o.note for o in observations)


def test_non_uuid_ids_get_new_uuids_and_references_are_kept(service) -> None:
    data = {
        "format": "improvement-register", "version": 1, "title": "Small",
        "nodes": [
            {"id": "p1", "kind": "project", "title": "Project", "parent": "s1", "stage": "testing"},
            {"id": "g", "kind": "goal", "title": "Goal", "parent": None},
            {"id": "d1", "kind": "primary", "title": "Driver", "parent": "g"},
            {"id": "s1", "kind": "secondary", "title": "Secondary", "parent": "d1"},
        ],
        "links": [{"source": "s1", "target": "d1", "strength": "weak"}] * 0,
        "status_updates": [{"node": "p1", "date": "2024-01-01", "rag": "green", "progress": 2}],
        "measures": [{"id": "m", "node": "p1", "name": "Count", "chart": "c"}],
        "observations": [{"measure": "m", "date": "2024-01-01", "value": 3}],
    }  # fmt: skip
    summary = import_data(service, data)
    assert (summary.nodes, summary.status_updates, summary.observations) == (4, 1, 1)
    tree = service.load_tree()
    project = next(n for n in tree.nodes if n.kind == "project")
    uuid.UUID(project.id)
    assert service.get_node(project.parent_id).title == "Secondary"
    assert tree.latest_status[project.id].progress == 2.0
    assert service.title() == "Small"


def _sample() -> dict:
    return json.loads(sample_register_path().read_text(encoding="utf-8"))


def _corrupt(change) -> dict:
    data = _sample()
    change(data)
    return data


CORRUPTIONS = [
    (lambda d: d.update(version=3), "version: this program reads version 1 and 2 files, not version 3"),
    (lambda d: d.update(format="something"), "format: must be"),
    (lambda d: d["nodes"][3].update(kind="driver"), "nodes[3].kind"),
    (lambda d: d["nodes"][5].update(parent="p9"), 'nodes[5].parent: no node with id "p9"'),
    (lambda d: d["nodes"][2].update(title=17), "nodes[2].title: must be text"),
    (
        lambda d: d["nodes"][1].update(parent=d["nodes"][6]["id"]),
        "nodes[1].parent: a primary driver must sit under goal",
    ),
    (lambda d: d["links"][0].update(target="nowhere"), "links[0].target"),
    (lambda d: d["status_updates"][0].update(progress=7), "status_updates[0].progress"),
    (lambda d: d["status_updates"][1].update(date="2024-13-45"), "status_updates[1].date"),
    (lambda d: d["observations"][-1].update(value="12"), "must be a number"),
    (lambda d: d["observations"][200].update(measure="m0"), 'no measure with id "m0"'),
    (lambda d: d["nodes"].append(dict(d["nodes"][0])), "used twice"),
    (lambda d: d.update(nodes={"not": "a list"}), "nodes: must be a list"),
]


@pytest.mark.parametrize(("change", "message"), CORRUPTIONS)
def test_a_corrupted_file_is_refused_whole_with_its_place(service, change, message) -> None:
    with pytest.raises(ExchangeFormatError) as caught:
        import_data(service, _corrupt(change))
    assert message in str(caught.value)
    assert service.is_empty()
    assert service.audit_trail() == []


def test_a_cycle_is_refused(service) -> None:
    nodes = [{"id": "a", "kind": "goal", "title": "A", "parent": "b"},
             {"id": "b", "kind": "goal", "title": "B", "parent": "a"}]  # fmt: skip
    data = {"format": "improvement-register", "version": 1, "nodes": nodes}
    with pytest.raises(ExchangeFormatError, match=r"nodes\[0\].parent"):
        import_data(service, data)
    assert service.is_empty()


def test_broken_json_names_line_and_column(service, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    text = sample_register_path().read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ExchangeFormatError, match="not valid JSON: .* line \\d+, column \\d+"):
        import_file(service, path)
    assert service.is_empty()


def test_import_into_a_register_with_content_is_refused(sample_service) -> None:
    before = dumps(export_data(sample_service))
    with pytest.raises(ExchangeFormatError, match="already holds"):
        import_file(sample_service, sample_register_path())
    assert dumps(export_data(sample_service)) == before


def test_export_replaces_an_existing_file_only_when_complete(sample_service, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "backup.json"
    target.write_text("previous backup", encoding="utf-8")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("register.safe_output.os.fsync", explode)
    with pytest.raises(RuntimeError):
        export_file(sample_service, target)
    assert target.read_text(encoding="utf-8") == "previous backup"
    assert not [p.name for p in tmp_path.iterdir() if ".partial" in p.name]


# --------------------------------------------------------------------------- streaming writer and reader

from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from register.validation import FIELD_LIMITS  # noqa: E402

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**60), 2**60), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)  # fmt: skip
FLAT_ITEMS = st.lists(st.dictionaries(st.text(max_size=8), SCALARS, min_size=1, max_size=5), max_size=4)


@settings(max_examples=200, deadline=None)
@given(title=st.text(max_size=20), nodes=FLAT_ITEMS, observations=FLAT_ITEMS)
def test_the_streamed_text_is_what_json_dumps_writes(title, nodes, observations) -> None:
    data = {"format": "improvement-register", "version": 1, "title": title, "nodes": nodes, "links": [],
            "observations": observations}  # fmt: skip
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def test_the_streamed_export_is_byte_equal_to_the_in_memory_one(sample_service, tmp_path: Path) -> None:
    out = tmp_path / "streamed.json"
    export_file(sample_service, out)
    assert out.read_bytes() == (json.dumps(export_data(sample_service), ensure_ascii=False, indent=1) + "\n").encode()


def _write(tmp_path: Path, content: bytes | str) -> Path:
    path = tmp_path / "file.json"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _sample_text() -> str:
    return sample_register_path().read_text(encoding="utf-8")


def _refused(service, path: Path, *fragments: str) -> str:
    with pytest.raises(ExchangeFormatError) as caught:
        import_file(service, path)
    for fragment in fragments:
        assert fragment in str(caught.value)
    assert service.is_empty() and service.audit_trail() == []
    return str(caught.value)


@pytest.mark.parametrize(
    ("change", "fragments"),
    [
        (lambda d: d["nodes"][2].update(id=None), ("nodes[2].id", "is missing")),
        (lambda d: d["nodes"][4].update(title="Titel \ud800 uden par"), ("lone surrogate", "line ")),
        (lambda d: d.update(nodez=d.pop("nodes")), ("nodez", "is not a section")),
        (lambda d: d["nodes"][12].update(lead="x" * 10_000), ("nodes[12].lead", "10000 characters", "limit is 200")),
        (lambda d: d["measures"][0].update(name="n" * 301), ("measures[0].name", "limit is 300")),
        (lambda d: d["status_updates"][3].update(author="a" * 201), ("status_updates[3].author", "limit is 200")),
        (lambda d: d["observations"][5].update(value=[1, [2]]), ("observations[5].value", "single value")),
        (lambda d: d["nodes"].__setitem__(1, 7), ("nodes[1]", "must be an object")),
        (lambda d: d.update(title="T" * 201), ("title: is 201 characters long", "limit is 200")),
        (lambda d: d["observations"].append(dict(d["observations"][3])), ("observations[", "used twice")),
    ],
)
def test_bad_input_is_refused_with_its_place(sqlite_service, tmp_path: Path, change, fragments) -> None:
    data = _sample()
    change(data)
    _refused(sqlite_service, _write(tmp_path, json.dumps(data)), *fragments)
    with pytest.raises(ExchangeFormatError):  # the same from memory
        import_data(sqlite_service, data)
    assert sqlite_service.is_empty()


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ('{"format": "improvement-register", "version": ' + "9" * 5000 + "}", ("too large", "line 1")),
        ('{"format": "improvement-register", "version": 1, "title": 1e400}', ("too large", "line 1, column")),
        ('{"format": "improvement-register", "version": 1, "nodes": [], "title": NaN}', ("NaN", "line 1")),
        ('{"format": "improvement-register", "version": 1,\n "title": Infinity}', ("line 2, column",)),
        ('{"format": "improvement-register", "version": 1, "nodes": []} []', ("text after the end",)),
        ('{"format": "improvement-register", "version": 1, "nodes": ' + "[" * 100_000 + "]" * 100_000 + "}",
         ("nodes[0]", "must be an object")),
        ('{"format": "improvement-register", "version": 1, "observations": [{"value": ' + "[" * 100_000
         + "]" * 100_000 + "}]}", ("observations[0].value", "single value")),
        ('{"format": "improvement-register", "version": 1, "nodes": [], "nodes": []}', ("appears twice",)),
        ('["format"]', ("JSON object",)),
        ("", ("ends in the middle",)),
    ],
)  # fmt: skip
def test_broken_or_hostile_json_is_refused_with_its_place(sqlite_service, tmp_path: Path, text, fragments) -> None:
    _refused(sqlite_service, _write(tmp_path, text), *fragments)


def test_a_thirty_digit_baseline_in_memory_is_refused(sqlite_service) -> None:
    data = _sample()
    data["measures"][0]["baseline"] = 10**30
    data["measures"][1]["target"] = 10**400
    with pytest.raises(ExchangeFormatError, match=r"measures\[0\].baseline: must be a whole number"):
        import_data(sqlite_service, data)
    data["measures"][0]["baseline"] = None
    with pytest.raises(ExchangeFormatError, match=r"measures\[1\].target: must be a finite number"):
        import_data(sqlite_service, data)
    data["measures"][1]["target"] = float("nan")
    with pytest.raises(ExchangeFormatError, match=r"measures\[1\].target: must be a finite number"):
        import_data(sqlite_service, data)
    assert sqlite_service.is_empty()


def test_a_surrogate_pair_escape_is_a_character(sqlite_service, tmp_path: Path) -> None:
    text = _sample_text().replace('"title": "', '"title": "\\ud83d\\ude00 ', 1)
    import_file(sqlite_service, _write(tmp_path, text))
    assert sqlite_service.title().startswith("\U0001f600 ")


def test_the_limits_are_the_schemas_column_lengths() -> None:
    from register.model import Measure, Node

    assert FIELD_LIMITS["lead"] == Node.__table__.c.lead.type.length == 200
    assert FIELD_LIMITS["name"] == Measure.__table__.c.name.type.length


def test_a_too_long_lead_is_refused_the_same_on_every_back_end(service) -> None:
    data = _sample()
    project = next(i for i, n in enumerate(data["nodes"]) if n["kind"] == "project")
    data["nodes"][project]["lead"] = "L" * 10_000
    with pytest.raises(ExchangeFormatError, match=rf"nodes\[{project}\].lead: is 10000 characters long"):
        import_data(service, data)
    assert service.is_empty()


# --------------------------------------------------------------------------- property: clean refusal or round trip


@pytest.fixture(scope="module")
def empty_register(tmp_path_factory) -> Path:
    """An empty register file, copied for each example (creating the schema each time would dominate)."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    open_database(path).close()
    return path


@pytest.fixture(scope="module")
def cycle_document(tmp_path_factory) -> dict:
    """The sample register with a meeting cycle (a closed meeting and its snapshot, items in every state, a
    request from "help needed"), as a version 2 document (built once)."""
    from register.exchange import export_data
    from tests.register.test_exchange_meetings import build_meeting_cycle

    database = open_database(tmp_path_factory.mktemp("cycle") / "cycle.sqlite")
    service = RegisterService(database, user="tester")
    import_file(service, sample_register_path())
    build_meeting_cycle(service)
    data = export_data(service)
    database.close()
    return data


ID_POOL = st.sampled_from(["g", "p", "s", "x", "m", None, 3, "", str(uuid.UUID(int=5))])
ANY = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(), st.text(max_size=6), ID_POOL,
                st.lists(st.integers(), max_size=2))  # fmt: skip


def _mutations() -> st.SearchStrategy:
    sections = st.sampled_from(SECTIONS)
    names = (
        "id kind title parent position lead start end stage node date rag progress measure value denominator "
        "chart rules baseline target source strength archived text name "
        "meeting item role state case_number location closed_at owner deadline answer raised_meeting "
        "answered_meeting source_status created taken_at sha256 document"
    )
    fields = st.sampled_from(names.split())
    return st.lists(st.tuples(sections, st.integers(0, 400), fields, ANY), max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])  # fmt: skip
@given(mutations=_mutations(),
       drop=st.sets(st.sampled_from(["links", "annotations", "title", "nodes", "meetings", "meeting_members",
                                     "log_items", "log_item_nodes", "meeting_snapshots"]), max_size=2),
       extra=st.sampled_from([None, None, "nodez", "Nodes", "format", "meeting"]), through_file=st.booleans(),
       base=st.sampled_from(["version 1", "version 2", "version 2", "version 2 labelled 1"]))  # fmt: skip
def test_import_refuses_cleanly_or_round_trips(empty_register, cycle_document, tmp_path_factory, mutations, drop,
                                                extra, through_file, base) -> None:  # fmt: skip
    """Refused with a message and nothing written, or accepted and export -> import -> export is byte-equal.

    The base is the sample register as a version 1 file, or with its meeting cycle as a version 2 file (also
    mislabelled as version 1)."""
    folder = tmp_path_factory.mktemp("prop")
    shutil.copy(empty_register, folder / "a.sqlite")
    shutil.copy(empty_register, folder / "b.sqlite")
    data = _sample() if base == "version 1" else json.loads(json.dumps(cycle_document))
    if base == "version 2 labelled 1":
        data["version"] = 1
    for section, index, field, value in mutations:
        items = data.get(section)
        if items:
            items[index % len(items)][field] = value
    for name in drop:
        data.pop(name, None)
    if extra is not None and extra != "format":
        data[extra] = []
    service = RegisterService(open_database(folder / "a.sqlite"), user="prop")
    try:
        try:
            if through_file:
                path = folder / "in.json"
                path.write_text(json.dumps(data), encoding="ascii")
                import_file(service, path)
            else:
                import_data(service, data)
        except ExchangeFormatError as error:
            assert str(error).strip()
            assert service.is_empty() and service.audit_trail() == []
            assert MeetingService(service).list_meetings() == [] and MeetingService(service).items() == []
            event(f"{base}: refused")
            return
        event(f"{base}: accepted" + (" with meetings" if MeetingService(service).list_meetings() else ""))
        first = folder / "first.json"
        export_file(service, first)
        again = RegisterService(open_database(folder / "b.sqlite"), user="prop")
        import_file(again, first)
        second = folder / "second.json"
        export_file(again, second)
        again.db.close()
        assert first.read_bytes() == second.read_bytes()
    finally:
        service.db.close()


def test_an_id_repeated_in_a_later_batch_is_named_and_nothing_is_kept(service, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("register.exchange.BATCH", 7)
    data = _sample()
    data["observations"].append(dict(data["observations"][2], date="2030-01-01"))
    last = len(data["observations"]) - 1
    data["status_updates"].append(dict(data["status_updates"][0], date="2030-01-01"))
    with pytest.raises(ExchangeFormatError, match=rf"status_updates\[{len(data['status_updates']) - 1}\].id: .*twice"):
        import_file(service, _write(tmp_path, json.dumps(data)))
    data["status_updates"].pop()
    with pytest.raises(ExchangeFormatError, match=rf"observations\[{last}\].id: .*used twice"):
        import_file(service, _write(tmp_path, json.dumps(data)))
    assert service.is_empty() and service.audit_trail() == []
    data["observations"].pop()
    import_file(service, _write(tmp_path, json.dumps(data)))  # small batches give the same register
    assert sum(len(service.observations(m.id)) for n in service.load_tree().nodes
               for m in service.list_measures(n.id)) == len(data["observations"])  # fmt: skip


def test_a_refused_import_leaves_the_indexes_as_they_were(sqlite_service, tmp_path: Path) -> None:
    import sqlite3

    path = Path(sqlite_service.db.engine.url.database)

    def indexes() -> list[tuple]:
        with sqlite3.connect(path) as raw:
            return raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()

    before = indexes()
    assert any(name == "ix_observations_measure_date" for name, _sql in before)
    data = _sample()
    data["observations"][-1]["value"] = "not a number"
    with pytest.raises(ExchangeFormatError, match="must be a number"):
        import_file(sqlite_service, _write(tmp_path, json.dumps(data)))
    assert indexes() == before and sqlite_service.is_empty()
    import_file(sqlite_service, sample_register_path())
    assert indexes() == before


def test_export_refuses_a_folder_a_pipe_and_the_register_itself(sqlite_service, tmp_path: Path) -> None:
    import os

    from register.errors import OutputError

    sqlite_service.add_node("goal", "Mål")
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        export_file(sqlite_service, folder)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="not an ordinary file"):
        export_file(sqlite_service, pipe)
    register = Path(sqlite_service.db.engine.url.database)
    before = register.read_bytes()[:16]
    with pytest.raises(OutputError, match="is the open register itself"):
        export_file(sqlite_service, register)
    assert register.read_bytes()[:16] == before and sqlite_service.title() == ""
    assert [p.name for p in folder.iterdir()] == []


@pytest.mark.parametrize(("number", "reason"), [(28, "The disk is full: .*backup.json was not written"),
                                                (13, "You may not write .*backup.json")])  # fmt: skip
def test_a_failed_write_says_why_and_keeps_the_old_file(sample_service, tmp_path, monkeypatch, number, reason) -> None:
    import os

    from register.errors import OutputError

    target = tmp_path / "backup.json"
    target.write_text("previous backup", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr("register.safe_output.os.replace", refuse)
    with pytest.raises(OutputError, match=reason):
        export_file(sample_service, target)
    assert target.read_text(encoding="utf-8") == "previous backup"
    assert not [p.name for p in tmp_path.iterdir() if ".partial" in p.name]


def test_refusals_name_kinds_and_system_errors_in_danish(sqlite_service, tmp_path) -> None:
    """Seen in a smoke test: "en goal skal ligge under ingenting … ikke project" and "No such file or directory"."""
    from register import i18n
    from register.exchange import load_file

    i18n.set_language("da")
    try:
        with pytest.raises(ExchangeFormatError) as caught:
            import_data(sqlite_service, _corrupt(lambda d: d["nodes"][1].update(parent=d["nodes"][6]["id"])))
        assert "en primær driver skal ligge under mål, ikke sekundær driver" in str(caught.value)
        with pytest.raises(ExchangeFormatError, match="filen findes ikke"):
            load_file(tmp_path / "findes-ikke.json")
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("padding", [0, 1, 4096, 65536 - 700])
def test_a_streamed_section_is_read_whole_and_only_to_its_end(sqlite_service, tmp_path: Path, monkeypatch,
                                                              padding) -> None:  # fmt: skip
    """A section read item by item stops at its end (found by the scan), wherever its end falls in the parser's
    chunks, and no item is lost; the rest of the file is not parsed again."""
    from register import exchange

    data = _sample()
    statuses = data["status_updates"]
    while len(json.dumps(statuses)) < 3 * 65536:  # several of the parser's chunks
        statuses = statuses + [dict(status, id=str(uuid.uuid4())) for status in data["status_updates"]]
    statuses[-1] = dict(statuses[-1], summary="x" * padding)
    data["status_updates"] = statuses
    observations = data["observations"]  # after the status updates in the file, as exported: several chunks more
    while len(json.dumps(observations)) < 4 * 65536:
        observations = observations + [dict(item, id=str(uuid.uuid4())) for item in data["observations"]]
    data["observations"] = observations
    path = _write(tmp_path, json.dumps(data, indent=1))
    source = exchange._FileSource(path)
    source.scan(())
    read: list[int] = []
    original = exchange._UpTo.read

    def counted(self, size: int = -1) -> bytes:
        chunk = original(self, size)
        read.append(self.offset)
        return chunk

    monkeypatch.setattr(exchange._UpTo, "read", counted)
    assert [item["id"] for item in source.items("status_updates")] == [status["id"] for status in statuses]
    assert max(read) <= path.stat().st_size - 2 * 65536  # at most one chunk past the section's end
    summary = import_file(sqlite_service, path)
    assert summary.status_updates == len(statuses)


def test_a_refused_import_restores_the_page_cache_and_the_garbage_collector(sqlite_service, tmp_path: Path) -> None:
    import gc

    def cache_size() -> int:
        with sqlite_service.db.transaction() as session:
            return session.connection().exec_driver_sql("PRAGMA cache_size").scalar()

    before = cache_size()
    data = _sample()
    data["observations"][-1]["value"] = "not a number"
    with pytest.raises(ExchangeFormatError, match="must be a number"):
        import_file(sqlite_service, _write(tmp_path, json.dumps(data)))
    assert gc.isenabled() and cache_size() == before
    import_file(sqlite_service, sample_register_path())
    assert gc.isenabled() and cache_size() == before
