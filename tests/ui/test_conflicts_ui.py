"""The window passes the version the user read on every edit, and undo/redo expect the version they left."""

from __future__ import annotations

from typing import Any

import pytest

from register.errors import ConflictError
from register.service import RegisterService
from register.storage import open_database
from ui import commands


@pytest.fixture
def colleague(sample_path):
    database = open_database(sample_path)
    yield RegisterService(database, user="kollega")
    database.close()


def _measure(document) -> Any:
    project = next(n for n in document.index.nodes.values() if document.service.list_measures(n.id))
    return document.service.list_measures(project.id)[0]


def test_undo_and_redo_of_an_observation_edit_repeat_without_conflict(document) -> None:
    measure = _measure(document)
    first = document.service.observations(measure.id)[0]
    commands.edit_observation(document, measure.id, first, value=first.value + 1)
    for _ in range(2):
        document.undo_stack.undo()
        assert document.service.observations(measure.id)[0].value == first.value
        document.undo_stack.redo()
        assert document.service.observations(measure.id)[0].value == first.value + 1


def test_an_edit_of_a_data_point_someone_else_changed_is_refused(document, colleague) -> None:
    measure = _measure(document)
    seen = document.service.observations(measure.id)[0]
    colleague.update_observation(seen.id, seen.version, note="kollegaens note")
    with pytest.raises(ConflictError, match="kollega"):
        commands.edit_observation(document, measure.id, seen, note="min note")
    assert document.service.observations(measure.id)[0].note == "kollegaens note"
    assert document.undo_stack.count() == 0


def test_undo_after_someone_else_changed_the_data_point_is_refused(document, colleague) -> None:
    measure = _measure(document)
    seen = document.service.observations(measure.id)[0]
    commands.edit_observation(document, measure.id, seen, note="min note")
    mine = document.service.observations(measure.id)[0]
    colleague.update_observation(mine.id, mine.version, note="kollegaens note")
    failures: list[str] = []
    document.commandFailed.connect(failures.append)
    document.undo_stack.undo()
    assert failures and "kollega" in failures[0]
    assert document.service.observations(measure.id)[0].note == "kollegaens note"


def test_annotation_and_measure_edits_check_the_version(document, colleague) -> None:
    measure = _measure(document)
    note = document.service.add_annotation(measure.id, date="2026-03-01", text="PDSA")
    commands.edit_annotation(document, note, text="PDSA 1")
    document.undo_stack.undo()
    document.undo_stack.redo()
    stale = next(a for a in document.service.annotations(measure.id) if a.id == note.id)
    assert stale.text == "PDSA 1"
    colleague.update_annotation(note.id, stale.version, text="Kollegaens tekst")
    with pytest.raises(ConflictError):
        commands.edit_annotation(document, stale, text="Min tekst")
    commands.edit_measure(document, measure, unit="dage")
    document.undo_stack.undo()
    document.undo_stack.redo()
    current = document.service.get_measure(measure.id)
    colleague.update_measure(measure.id, current.version, unit="timer")
    failures: list[str] = []
    document.commandFailed.connect(failures.append)
    document.undo_stack.undo()
    assert failures and document.service.get_measure(measure.id).unit == "timer"
    with pytest.raises(ConflictError):
        commands.edit_measure(document, current, unit="uger")


def test_an_edit_after_the_register_file_was_deleted_is_refused_and_nothing_is_pushed(document, sample_path) -> None:
    from register.errors import StorageError

    project = next(n for n in document.index.nodes.values() if n.kind == "project")
    for suffix in ("", "-wal", "-shm"):
        sample_path.with_name(sample_path.name + suffix).unlink(missing_ok=True)
    with pytest.raises(StorageError, match="no longer there") as refused:
        commands.edit_node(document, project.id, title="Nyt navn")
    assert str(sample_path) in str(refused.value)
    assert document.node(project.id).title == project.title and document.undo_stack.count() == 0
