"""The exchange file: byte-equal round trip, id handling, and all-or-nothing import."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from register.errors import ExchangeFormatError
from register.exchange import dumps, export_data, export_file, import_data, import_file
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
    (lambda d: d.update(version=2), "version: this program reads version 1"),
    (lambda d: d.update(format="something"), "format: must be"),
    (lambda d: d["nodes"][3].update(kind="driver"), "nodes[3].kind"),
    (lambda d: d["nodes"][5].update(parent="p9"), 'nodes[5].parent: no node with id "p9"'),
    (lambda d: d["nodes"][2].update(title=17), "nodes[2].title: must be text"),
    (lambda d: d["nodes"][1].update(parent=d["nodes"][6]["id"]), "nodes[1].parent: a primary must sit under goal"),
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

    monkeypatch.setattr("register.exchange.os.fsync", explode)
    with pytest.raises(RuntimeError):
        export_file(sample_service, target)
    assert target.read_text(encoding="utf-8") == "previous backup"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
