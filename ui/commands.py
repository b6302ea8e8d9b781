"""Undoable edits: one small ``QUndoCommand`` per kind of change, all on the document's one stack.

Each public function performs the edit through the document first, so that a refused edit raises
its :class:`~register.errors.RegisterError` to the caller and nothing is pushed; on success it pushes
a command whose first ``redo`` does nothing (the edit is already done). A later undo or redo that
the register refuses (someone else changed the row meanwhile) is reported through
``document.commandFailed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from register.errors import RegisterError
from ui.document import RegisterDocument
from ui.labels import kind_name

if TYPE_CHECKING:  # the records load with the register, not before the window shows
    from register.records import (
        AnnotationRecord,
        LinkRecord,
        MeasureRecord,
        NodeRecord,
        ObservationRecord,
        StatusRecord,
    )

translate = QCoreApplication.translate

NODE_FIELDS = ("title", "description", "lead", "unit", "start", "end", "stage")


class DocumentCommand(QUndoCommand):
    """A command whose edit is already done when it is pushed."""

    def __init__(self, document: RegisterDocument, text: str) -> None:
        super().__init__(text)
        self.document = document
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, action: Any) -> None:
        try:
            action()
        except RegisterError as error:
            self.document.commandFailed.emit(str(error))

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


def _push(document: RegisterDocument, command: DocumentCommand) -> None:
    document.undo_stack.push(command)


# --------------------------------------------------------------------------- nodes


class AddNodeCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, record: NodeRecord) -> None:
        super().__init__(
            document,
            translate("Commands", "Add {kind} “{title}”").format(kind=kind_name(record.kind), title=record.title),
        )
        self.record = record

    def apply(self) -> None:
        r = self.record
        fields = {"description": r.description}
        if r.kind == "project":
            fields.update(lead=r.lead, unit=r.unit, start=r.start, end=r.end, stage=r.stage)
        self.document.add_node(r.kind, r.title, r.parent_id, r.position, node_id=r.id, **fields)

    def revert(self) -> None:
        self.document.remove_new_node(self.record.id)


def add_node(document: RegisterDocument, kind: str, title: str, parent_id: str | None, **fields: Any) -> NodeRecord:
    record = document.add_node(kind, title, parent_id, **fields)
    _push(document, AddNodeCommand(document, record))
    return record


class EditNodeCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, node_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        title = document.node(node_id).title
        text = (
            translate("Commands", "Rename “{title}”").format(title=before["title"])
            if set(after) == {"title"}
            else translate("Commands", "Edit “{title}”").format(title=title)
        )
        super().__init__(document, text)
        self.node_id, self.before, self.after = node_id, before, after

    def apply(self) -> None:
        self.document.update_node(self.node_id, **self.after)

    def revert(self) -> None:
        self.document.update_node(self.node_id, **self.before)


def _field_values(record: NodeRecord, names: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


def edit_node(document: RegisterDocument, node_id: str, **changes: Any) -> NodeRecord | None:
    """Change fields of a node; returns None when nothing changed (nothing is pushed)."""
    current = document.node(node_id)
    changed = {name: value for name, value in changes.items() if getattr(current, name) != value}
    if not changed:
        return None
    before = _field_values(current, changed)
    record = document.update_node(node_id, **changed)
    after = {name: getattr(record, name) for name in changed}
    _push(document, EditNodeCommand(document, node_id, before, after))
    return record


class MoveNodeCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, node_id: str, before: tuple[str | None, int],
                 after: tuple[str | None, int]) -> None:  # fmt: skip
        super().__init__(document, translate("Commands", "Move “{title}”").format(title=document.node(node_id).title))
        self.node_id, self.before, self.after = node_id, before, after

    def apply(self) -> None:
        self.document.move_node(self.node_id, *self.after)

    def revert(self) -> None:
        self.document.move_node(self.node_id, *self.before)


def move_node(document: RegisterDocument, node_id: str, parent_id: str | None, position: int | None) -> NodeRecord:
    old = document.node(node_id)
    before = (old.parent_id, document.index.row_of(node_id))
    record = document.move_node(node_id, parent_id, position)
    after = (record.parent_id, document.index.row_of(node_id))
    if before != after:
        _push(document, MoveNodeCommand(document, node_id, before, after))
    return record


class DeleteNodeCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, record: NodeRecord) -> None:
        super().__init__(
            document,
            translate("Commands", "Delete {kind} “{title}”").format(kind=kind_name(record.kind), title=record.title),
        )
        self.node_id = record.id

    def apply(self) -> None:
        self.document.archive_node(self.node_id)

    def revert(self) -> None:
        self.document.restore_node(self.node_id)


def delete_node(document: RegisterDocument, node_id: str) -> None:
    record = document.node(node_id)
    document.archive_node(node_id)
    _push(document, DeleteNodeCommand(document, record))


class RestoreNodeCommand(DocumentCommand):
    """Restore from the archive; undo archives the node again."""

    def __init__(self, document: RegisterDocument, record: NodeRecord) -> None:
        super().__init__(
            document,
            translate("Commands", "Restore {kind} “{title}”").format(kind=kind_name(record.kind), title=record.title),
        )
        self.node_id = record.id

    def apply(self) -> None:
        self.document.restore_node(self.node_id)

    def revert(self) -> None:
        self.document.archive_node(self.node_id)


def restore_node(document: RegisterDocument, node_id: str) -> NodeRecord:
    record = document.restore_node(node_id)
    _push(document, RestoreNodeCommand(document, record))
    return record


# --------------------------------------------------------------------------- links


def _link_text(document: RegisterDocument, template: str, link: LinkRecord) -> str:
    return template.format(
        source=document.node(link.source_id).title, target=document.node(link.target_id).title
    )  # fmt: skip


class AddLinkCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, link: LinkRecord) -> None:
        super().__init__(document, _link_text(document, translate("Commands", "Link “{source}” to “{target}”"), link))
        self.link = link

    def apply(self) -> None:
        self.document.add_link(self.link.source_id, self.link.target_id, self.link.strength, link_id=self.link.id)

    def revert(self) -> None:
        self.document.remove_link(self.link.id)


class RemoveLinkCommand(AddLinkCommand):
    def __init__(self, document: RegisterDocument, link: LinkRecord) -> None:
        super().__init__(document, link)
        self.setText(_link_text(document, translate("Commands", "Remove link “{source}” → “{target}”"), link))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


def add_link(document: RegisterDocument, source_id: str, target_id: str, strength: str) -> LinkRecord:
    link = document.add_link(source_id, target_id, strength)
    _push(document, AddLinkCommand(document, link))
    return link


def remove_link(document: RegisterDocument, link_id: str) -> None:
    link = document.index.links[link_id]
    command = RemoveLinkCommand(document, link)  # made first: its text names both ends
    document.remove_link(link_id)
    _push(document, command)


class LinkStrengthCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, link: LinkRecord, old: str, new: str) -> None:
        super().__init__(document, _link_text(document, translate("Commands", "Change link “{source}” → “{target}”"),
                                              link))  # fmt: skip
        self.link_id, self.old, self.new = link.id, old, new

    def apply(self) -> None:
        self.document.set_link_strength(self.link_id, self.new)

    def revert(self) -> None:
        self.document.set_link_strength(self.link_id, self.old)


def set_link_strength(document: RegisterDocument, link_id: str, strength: str) -> None:
    old = document.index.links[link_id].strength
    if old == strength:
        return
    link = document.set_link_strength(link_id, strength)
    _push(document, LinkStrengthCommand(document, link, old, strength))


# --------------------------------------------------------------------------- status


class LogStatusCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, status: StatusRecord) -> None:
        super().__init__(
            document,
            translate("Commands", "Log status of “{title}”").format(title=document.node(status.node_id).title),
        )
        self.status = status

    def apply(self) -> None:
        s = self.status
        self.document.add_status_update(
            s.node_id, status_id=s.id, date=s.date, rag=s.rag, progress=s.progress, author=s.author,
            summary=s.summary, next_steps=s.next_steps, help_needed=s.help_needed,
        )  # fmt: skip

    def revert(self) -> None:
        self.document.remove_status_update(self.status.id, self.status.node_id)


def log_status(document: RegisterDocument, node_id: str, **fields: Any) -> StatusRecord:
    status = document.add_status_update(node_id, **fields)
    _push(document, LogStatusCommand(document, status))
    return status


# --------------------------------------------------------------------------- measures and data

MEASURE_FIELDS = ("name", "type", "definition", "unit", "chart", "improvement", "target", "rules", "baseline")
OBSERVATION_FIELDS = ("date", "value", "denominator", "note", "excluded", "exclude_reason")


class AddMeasureCommand(DocumentCommand):
    """Undo archives the new measure; redo restores it (a measure is never destroyed by undo)."""

    def __init__(self, document: RegisterDocument, measure: MeasureRecord) -> None:
        super().__init__(document, translate("Commands", "Add measure “{name}”").format(name=measure.name))
        self.measure_id = measure.id

    def apply(self) -> None:
        self.document.set_measure_archived(self.measure_id, False)

    def revert(self) -> None:
        self.document.set_measure_archived(self.measure_id, True)


class ArchiveMeasureCommand(AddMeasureCommand):
    def __init__(self, document: RegisterDocument, measure: MeasureRecord) -> None:
        super().__init__(document, measure)
        self.setText(translate("Commands", "Archive measure “{name}”").format(name=measure.name))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


def add_measure(document: RegisterDocument, node_id: str, name: str, **fields: Any) -> MeasureRecord:
    measure = document.add_measure(node_id, name, **fields)
    _push(document, AddMeasureCommand(document, measure))
    return measure


def archive_measure(document: RegisterDocument, measure_id: str) -> None:
    measure = document.set_measure_archived(measure_id, True)
    _push(document, ArchiveMeasureCommand(document, measure))


class EditMeasureCommand(DocumentCommand):
    """Undo and redo expect the version the previous step left, so a colleague's change in between is not lost."""

    def __init__(self, document: RegisterDocument, measure: MeasureRecord, before: dict, after: dict) -> None:
        super().__init__(document, translate("Commands", "Edit measure “{name}”").format(name=measure.name))
        self.measure_id, self.before, self.after = measure.id, before, after
        self.version = measure.version

    def apply(self) -> None:
        self.version = self.document.update_measure(self.measure_id, self.version, **self.after).version

    def revert(self) -> None:
        self.version = self.document.update_measure(self.measure_id, self.version, **self.before).version


def edit_measure(document: RegisterDocument, current: MeasureRecord, **changes: Any) -> MeasureRecord | None:
    """Change a measure as the user saw it (``current``); a colleague's newer change raises ConflictError."""
    changed = {name: value for name, value in changes.items() if getattr(current, name) != value}
    if not changed:
        return None
    before = {name: getattr(current, name) for name in changed}
    record = document.update_measure(current.id, current.version, **changed)
    _push(document, EditMeasureCommand(document, record, before, {name: getattr(record, name) for name in changed}))
    return record


def _observation_rows(records: list[ObservationRecord]) -> list[dict[str, Any]]:
    return [{"id": r.id, **{name: getattr(r, name) for name in OBSERVATION_FIELDS}} for r in records]


class AddObservationsCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, measure_id: str, records: list[ObservationRecord]) -> None:
        super().__init__(document, translate("Commands", "Add {count} data point(s)").format(count=len(records)))
        self.measure_id = measure_id
        self.rows = _observation_rows(records)

    def apply(self) -> None:
        self.document.add_observations(self.measure_id, self.rows)

    def revert(self) -> None:
        self.document.remove_observations([row["id"] for row in self.rows], self.measure_id)


class RemoveObservationsCommand(AddObservationsCommand):
    def __init__(self, document: RegisterDocument, measure_id: str, records: list[ObservationRecord]) -> None:
        super().__init__(document, measure_id, records)
        self.setText(translate("Commands", "Delete {count} data point(s)").format(count=len(records)))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


def add_observations(document: RegisterDocument, measure_id: str, rows: list[dict[str, Any]]) -> list:
    records = document.add_observations(measure_id, rows)
    if records:
        _push(document, AddObservationsCommand(document, measure_id, records))
    return records


def remove_observations(document: RegisterDocument, measure_id: str, observation_ids: list[str]) -> None:
    records = document.remove_observations(observation_ids, measure_id)
    if records:
        _push(document, RemoveObservationsCommand(document, measure_id, records))


class EditObservationCommand(DocumentCommand):
    """Undo and redo expect the version the previous step left, so a colleague's change in between is not lost."""

    def __init__(self, document: RegisterDocument, measure_id: str, record: ObservationRecord, before: dict,
                 after: dict) -> None:  # fmt: skip
        super().__init__(document, translate("Commands", "Edit data point"))
        self.measure_id, self.observation_id, self.before, self.after = measure_id, record.id, before, after
        self.version = record.version

    def apply(self) -> None:
        self.version = self.document.update_observation(
            self.observation_id, self.measure_id, self.version, **self.after
        ).version

    def revert(self) -> None:
        self.version = self.document.update_observation(
            self.observation_id, self.measure_id, self.version, **self.before
        ).version


def edit_observation(document: RegisterDocument, measure_id: str, current: ObservationRecord,
                     **changes: Any) -> ObservationRecord:  # fmt: skip
    """Change a data point as the user saw it (``current``); a colleague's newer change raises ConflictError."""
    record = document.update_observation(current.id, measure_id, current.version, **changes)
    before = {name: getattr(current, name) for name in changes}
    after = {name: getattr(record, name) for name in changes}
    if before != after:
        _push(document, EditObservationCommand(document, measure_id, record, before, after))
    return record


class AddAnnotationCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, annotation: AnnotationRecord) -> None:
        super().__init__(document, translate("Commands", "Add annotation “{text}”").format(text=annotation.text))
        self.annotation = annotation

    def apply(self) -> None:
        a = self.annotation
        self.document.add_annotation(a.measure_id, annotation_id=a.id, date=a.date, text=a.text,
                                     phase_break=a.phase_break)  # fmt: skip

    def revert(self) -> None:
        self.document.remove_annotation(self.annotation.id, self.annotation.measure_id)


class RemoveAnnotationCommand(AddAnnotationCommand):
    def __init__(self, document: RegisterDocument, annotation: AnnotationRecord) -> None:
        super().__init__(document, annotation)
        self.setText(translate("Commands", "Remove annotation “{text}”").format(text=annotation.text))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


def add_annotation(document: RegisterDocument, measure_id: str, **fields: Any) -> AnnotationRecord:
    annotation = document.add_annotation(measure_id, **fields)
    _push(document, AddAnnotationCommand(document, annotation))
    return annotation


def remove_annotation(document: RegisterDocument, annotation: AnnotationRecord) -> None:
    document.remove_annotation(annotation.id, annotation.measure_id)
    _push(document, RemoveAnnotationCommand(document, annotation))


class EditAnnotationCommand(DocumentCommand):
    def __init__(self, document: RegisterDocument, annotation: AnnotationRecord, before: dict, after: dict) -> None:
        super().__init__(document, translate("Commands", "Edit annotation “{text}”").format(text=annotation.text))
        self.annotation_id, self.measure_id = annotation.id, annotation.measure_id
        self.before, self.after = before, after
        self.version = annotation.version

    def apply(self) -> None:
        self.version = self.document.update_annotation(
            self.annotation_id, self.measure_id, self.version, **self.after
        ).version

    def revert(self) -> None:
        self.version = self.document.update_annotation(
            self.annotation_id, self.measure_id, self.version, **self.before
        ).version


def edit_annotation(document: RegisterDocument, annotation: AnnotationRecord, **changes: Any) -> AnnotationRecord:
    changed = {name: value for name, value in changes.items() if getattr(annotation, name) != value}
    if not changed:
        return annotation
    record = document.update_annotation(annotation.id, annotation.measure_id, annotation.version, **changed)
    before = {name: getattr(annotation, name) for name in changed}
    _push(document, EditAnnotationCommand(document, record, before, {name: getattr(record, name) for name in changed}))
    return record
