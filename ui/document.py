"""One open register in the desktop app: its service, its tree index, its undo stack.

Every edit goes through a method here, which calls the service layer (one short transaction),
applies the result to the :class:`~register.tree_index.TreeIndex` and emits a fine-grained signal
that the item models turn into row inserts, moves, removals and data changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:  # loaded with the register, in the task that opens it
    from register.records import (
        AnnotationRecord,
        DeletionImpact,
        LinkRecord,
        MeasureRecord,
        NodeRecord,
        ObservationRecord,
        StatusRecord,
    )
    from register.service import RegisterService
    from register.tree_index import TreeIndex


class RegisterDocument(QObject):
    """The register the window shows, and the one undo stack for its edits."""

    #: A node was inserted into the index (id).
    nodeAdded = Signal(str)  # noqa: N815 - Qt signal naming
    #: A node's fields changed, place unchanged (id).
    nodeChanged = Signal(str)  # noqa: N815
    #: A node moved (id, old parent id or "", old row).
    nodeMoved = Signal(str, str, int)  # noqa: N815
    #: A node is about to leave the index with its subtree (id).
    nodeAboutToBeRemoved = Signal(str)  # noqa: N815
    nodeRemoved = Signal(str)  # noqa: N815
    linkAdded = Signal(str)  # noqa: N815
    linkAboutToBeRemoved = Signal(str)  # noqa: N815
    linkRemoved = Signal(str)  # noqa: N815
    linkChanged = Signal(str)  # noqa: N815
    #: A project's status history changed (node id).
    statusChanged = Signal(str)  # noqa: N815
    titleChanged = Signal(str)  # noqa: N815
    #: The whole index was reloaded from the register.
    reloaded = Signal()
    #: A node's measures changed: added, edited, archived or restored (node id).
    measuresChanged = Signal(str)  # noqa: N815
    #: A measure's observations or annotations changed (measure id, node id).
    dataChanged = Signal(str, str)  # noqa: N815
    #: The evidence of these nodes was (re)computed (list of node ids).
    evidenceChanged = Signal(list)  # noqa: N815
    #: An undo or redo could not be carried out (the message says why).
    commandFailed = Signal(str)  # noqa: N815
    #: The register was closed (the window shows another one, or closes).
    closed = Signal()

    def __init__(self, service: RegisterService, index: TreeIndex | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        if index is None:
            from register.tree_index import TreeIndex

            index = TreeIndex(service.load_tree())
        self.index = index
        self.undo_stack = QUndoStack(self)
        #: Evidence per node id, filled in the background after opening (see ``ui.evidence``).
        self.evidence: dict[str, Any] = {}

    # ------------------------------------------------------------------ about the register

    @property
    def location(self) -> str:
        return self.service.db.display_name

    @property
    def is_shared(self) -> bool:
        return self.service.db.is_shared

    def node(self, node_id: str) -> NodeRecord:
        return self.index.nodes[node_id]

    def reload(self) -> None:
        """Read the whole tree again (after a conflict, or when someone else changed a shared register)."""
        self.index.reset(self.service.load_tree())
        self.reloaded.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.service.db.close()
        self.closed.emit()

    def set_title(self, title: str) -> None:
        self.index.title = self.service.set_title(title)
        self.titleChanged.emit(self.index.title)

    # ------------------------------------------------------------------ nodes

    def _refresh_siblings(self, parent_id: str | None) -> None:
        """Take the new versions of siblings the service renumbered."""
        self.index.refresh_nodes(self.service.children(parent_id))

    def add_node(self, kind: str, title: str, parent_id: str | None, position: int | None = None,
                 node_id: str | None = None, **fields: Any) -> NodeRecord:  # fmt: skip
        record = self.service.add_node(kind, title, parent_id, position=position, node_id=node_id, **fields)
        self.index.put_node(record)
        self._refresh_siblings(parent_id)
        self.nodeAdded.emit(record.id)
        return record

    def update_node(self, node_id: str, **changes: Any) -> NodeRecord:
        record = self.service.update_node(node_id, expected_version=self.node(node_id).version, **changes)
        self.index.nodes[node_id] = record
        self.nodeChanged.emit(node_id)
        return record

    def move_node(self, node_id: str, parent_id: str | None, position: int | None) -> NodeRecord:
        old = self.node(node_id)
        old_row = self.index.row_of(node_id)
        record = self.service.move_node(node_id, parent_id, position, expected_version=old.version)
        self.index.put_node(record)
        self._refresh_siblings(parent_id)
        if old.parent_id != parent_id:
            self._refresh_siblings(old.parent_id)
        self.nodeMoved.emit(node_id, old.parent_id or "", old_row)
        return record

    def _drop_subtree(self, node_id: str) -> None:
        parent_id = self.node(node_id).parent_id
        self.nodeAboutToBeRemoved.emit(node_id)
        self.index.remove_subtree(node_id)
        self.nodeRemoved.emit(node_id)
        self._refresh_siblings(parent_id)

    def archive_node(self, node_id: str) -> DeletionImpact:
        impact = self.service.archive_node(node_id, expected_version=self.node(node_id).version)
        self._drop_subtree(node_id)
        return impact

    def restore_node(self, node_id: str) -> NodeRecord:
        record = self.service.restore_node(node_id)
        self._insert_subtree(node_id)
        return record

    def purge_node(self, node_id: str) -> DeletionImpact:
        """Destroy an archived node for good. Not undoable: the undo history, which may refer to it, is cleared."""
        impact = self.service.purge_node(node_id)
        self.undo_stack.clear()
        return impact

    def _insert_subtree(self, node_id: str) -> None:
        """Load a restored subtree and announce it: the root first, then its links."""
        snapshot = self.service.load_subtree(node_id)
        by_parent = snapshot.children_of()
        root = next(node for node in snapshot.nodes if node.id == node_id)
        order, index = [root], 0
        while index < len(order):
            order.extend(by_parent.get(order[index].id, []))
            index += 1
        for record in order:
            self.index.put_node(record)
        self.index.latest_status.update(snapshot.latest_status)
        self._refresh_siblings(root.parent_id)
        self.nodeAdded.emit(node_id)
        for link in snapshot.links:
            if link.id not in self.index.links:
                self.index.put_link(link)
                self.linkAdded.emit(link.id)

    def remove_new_node(self, node_id: str) -> None:
        """Undo of an add: the service refuses when the node has content by now."""
        self.service.remove_new_node(node_id)
        self._drop_subtree(node_id)

    # ------------------------------------------------------------------ links

    def add_link(self, source_id: str, target_id: str, strength: str, link_id: str | None = None) -> LinkRecord:
        record = self.service.add_link(source_id, target_id, strength, link_id=link_id)
        self.index.put_link(record)
        self.linkAdded.emit(record.id)
        return record

    def remove_link(self, link_id: str) -> LinkRecord:
        record = self.service.remove_link(link_id)
        self.linkAboutToBeRemoved.emit(link_id)
        self.index.remove_link(link_id)
        self.linkRemoved.emit(link_id)
        return record

    def set_link_strength(self, link_id: str, strength: str) -> LinkRecord:
        record = self.service.set_link_strength(link_id, strength, expected_version=self.index.links[link_id].version)
        self.index.put_link(record)
        self.linkChanged.emit(link_id)
        return record

    # ------------------------------------------------------------------ status

    def add_status_update(self, node_id: str, status_id: str | None = None, **fields: Any) -> StatusRecord:
        record = self.service.add_status_update(node_id, status_id=status_id, **fields)
        self.index.set_latest_status(node_id, self.service.latest_status(node_id))
        self.statusChanged.emit(node_id)
        return record

    def remove_status_update(self, status_id: str, node_id: str) -> StatusRecord:
        record = self.service.remove_status_update(status_id)
        self.index.set_latest_status(node_id, self.service.latest_status(node_id))
        self.statusChanged.emit(node_id)
        return record

    # ------------------------------------------------------------------ measures and data

    def add_measure(self, node_id: str, name: str, measure_id: str | None = None, **fields: Any) -> MeasureRecord:
        record = self.service.add_measure(node_id, name, measure_id=measure_id, **fields)
        self.measuresChanged.emit(node_id)
        return record

    def update_measure(self, measure_id: str, expected_version: int, **changes: Any) -> MeasureRecord:
        """Change a measure as the user saw it at ``expected_version`` (a stale version raises ConflictError)."""
        record = self.service.update_measure(measure_id, expected_version=expected_version, **changes)
        self.measuresChanged.emit(record.node_id)
        self.dataChanged.emit(measure_id, record.node_id)
        return record

    def set_measure_archived(self, measure_id: str, archived: bool) -> MeasureRecord:
        change = self.service.archive_measure if archived else self.service.restore_measure
        record = change(measure_id)
        self.measuresChanged.emit(record.node_id)
        return record

    def _node_of_measure(self, measure_id: str) -> str:
        return self.service.get_measure(measure_id).node_id

    def add_observations(self, measure_id: str, rows: list[dict[str, Any]]) -> list[ObservationRecord]:
        records = self.service.add_observations(measure_id, rows)
        self.dataChanged.emit(measure_id, self._node_of_measure(measure_id))
        return records

    def update_observation(
        self, observation_id: str, measure_id: str, expected_version: int, **changes: Any
    ) -> ObservationRecord:
        """Change a data point as the user saw it at ``expected_version`` (a stale version raises ConflictError)."""
        record = self.service.update_observation(observation_id, expected_version=expected_version, **changes)
        self.dataChanged.emit(measure_id, self._node_of_measure(measure_id))
        return record

    def remove_observations(self, observation_ids: list[str], measure_id: str) -> list[ObservationRecord]:
        records = self.service.remove_observations(observation_ids)
        self.dataChanged.emit(measure_id, self._node_of_measure(measure_id))
        return records

    def add_annotation(self, measure_id: str, annotation_id: str | None = None, **fields: Any) -> AnnotationRecord:
        record = self.service.add_annotation(measure_id, annotation_id=annotation_id, **fields)
        self.dataChanged.emit(measure_id, self._node_of_measure(measure_id))
        return record

    def update_annotation(
        self, annotation_id: str, measure_id: str, expected_version: int, **changes: Any
    ) -> AnnotationRecord:
        """Change an annotation as the user saw it at ``expected_version`` (a stale version raises ConflictError)."""
        record = self.service.update_annotation(annotation_id, expected_version=expected_version, **changes)
        self.dataChanged.emit(measure_id, self._node_of_measure(measure_id))
        return record

    def remove_annotation(self, annotation_id: str, measure_id: str) -> AnnotationRecord:
        record = self.service.remove_annotation(annotation_id)
        self.dataChanged.emit(measure_id, self._node_of_measure(measure_id))
        return record
