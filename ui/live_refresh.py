"""Other workstations' changes appear in the window by themselves, as fine-grained updates.

A shared register tells about each change with a NOTIFY (:class:`register.live.ChangeListener`); a
register file is watched with SQLite's ``data_version`` (:class:`register.live.FileWatcher`), and
its audit trail says what changed. Changes made by this window are skipped. The tree, links and
latest statuses are compared with the document's index and every difference is applied through the
document's signals (node added, changed, moved, removed; link added, changed, removed; status
changed), so the tree keeps its expansion and selection; measure and data changes become
``measuresChanged`` / ``dataChanged``. An open editor with typed text keeps it (see ``NodeEditor``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from register.errors import RegisterError
from ui.document import RegisterDocument

if TYPE_CHECKING:  # loaded with the register (SQLAlchemy), not at start
    from register.live import ChangeListener, FileWatcher
    from register.records import TreeSnapshot

#: Milliseconds between two looks at a register file's data_version.
FILE_POLL_MS = 500
#: Milliseconds to collect a burst of notifications before applying them in one go.
SETTLE_MS = 100
_TREE_ENTITIES = {"node", "link", "status", "register"}
_TABLE_ENTITIES = {"nodes": "node", "links": "link", "status_updates": "status", "register_info": "register",
                   "measures": "measure", "observations": "observation", "annotations": "annotation"}  # fmt: skip


class LiveRefresh(QObject):
    """Follows a document's register and applies others' changes to it."""

    #: A notification from the listener thread (queued to the GUI thread).
    _notified = Signal(dict)
    #: Emitted after others' changes were applied (for tests and the status bar).
    applied = Signal()

    def __init__(self, document: RegisterDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.pending: list[tuple[str, str, str | None]] = []  # (entity, entity id, node id)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.apply_pending)
        self.listener: ChangeListener | None = None
        self.watcher: FileWatcher | None = None
        self._poll: QTimer | None = None
        from register.live import ChangeListener, FileWatcher

        database = document.service.db
        self._last_audit = document.service.last_audit_id()
        if database.is_shared:
            self._notified.connect(self._on_notified)
            self.listener = ChangeListener(database, self._notified.emit)
            self.listener.start()
        else:
            url = database.engine.url
            if url.database and url.database != ":memory:":
                self.watcher = FileWatcher(Path(url.database))
                self._poll = QTimer(self)
                self._poll.setInterval(FILE_POLL_MS)
                self._poll.timeout.connect(self._check_file)
                self._poll.start()

    def stop(self) -> None:
        if self._poll is not None:
            self._poll.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None

    # ------------------------------------------------------------------ noticing

    def _on_notified(self, payload: dict) -> None:
        from register.storage import BACKEND_PIDS

        if payload.get("action") == "reconnected":  # changes may have been missed: compare everything
            self.pending.append(("node", "", None))
        elif payload.get("pid") in BACKEND_PIDS.get(self.document.service.db.engine, ()):
            return  # this program's own change, already shown
        else:
            entity = _TABLE_ENTITIES.get(str(payload.get("table")))
            if entity is None:
                return
            self.pending.append((entity, str(payload.get("id") or ""), payload.get("node")))
        self._settle.start()

    def _check_file(self) -> None:
        if self.watcher is None or not self.watcher.changed():
            return
        service = self.document.service
        try:
            entries = service.changes_since(self._last_audit)
        except RegisterError:
            return
        own = service.own_audit_ids()
        for entry in entries:
            self._last_audit = max(self._last_audit, entry.id)
            if entry.id not in own:
                self.pending.append((entry.entity_type, entry.entity_id, entry.node_id))
        if self.pending:
            self._settle.start()

    # ------------------------------------------------------------------ applying

    def apply_pending(self) -> None:
        """Apply what others changed since the last time (one read of the tree when the tree changed)."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        try:
            if any(entity in _TREE_ENTITIES for entity, _id, _node in pending):
                self._apply_tree(self.document.service.load_tree())
            self._apply_measures(pending)
        except RegisterError:
            return  # the register is unreachable right now; the next change or F5 brings it up to date
        self.applied.emit()

    def _apply_measures(self, pending: list[tuple[str, str, str | None]]) -> None:
        document = self.document
        measures: set[str] = set()
        data: set[tuple[str, str]] = set()
        for entity, entity_id, node_id in pending:
            if not node_id:
                continue
            if entity == "measure":
                measures.add(node_id)
                data.add((entity_id, node_id))
            elif entity in ("observation", "annotation"):
                measure_ids = [m.id for m in document.service.list_measures(node_id, include_archived=True)]
                for measure_id in measure_ids:
                    data.add((measure_id, node_id))
        for node_id in measures:
            document.measuresChanged.emit(node_id)
        for measure_id, node_id in data:
            document.dataChanged.emit(measure_id, node_id)

    def _apply_tree(self, snapshot: TreeSnapshot) -> None:
        document, index = self.document, self.document.index
        fresh = {node.id: node for node in snapshot.nodes}
        if snapshot.title != index.title:
            index.title = snapshot.title
            document.titleChanged.emit(index.title)
        # Links that went away or whose end goes away, then nodes that went away (outermost first).
        fresh_links = {link.id: link for link in snapshot.links}
        for link_id in [link_id for link_id in index.links if link_id not in fresh_links]:
            document.linkAboutToBeRemoved.emit(link_id)
            index.remove_link(link_id)
            document.linkRemoved.emit(link_id)
        gone = [node_id for node_id in index.nodes if node_id not in fresh]
        for node_id in gone:
            if node_id in index.nodes and (index.nodes[node_id].parent_id not in gone):
                parent_id = index.nodes[node_id].parent_id
                document.nodeAboutToBeRemoved.emit(node_id)
                index.remove_subtree(node_id)
                document.nodeRemoved.emit(node_id)
                index.refresh_nodes([fresh[i] for i in index.child_ids(parent_id) if i in fresh])
        # Nodes that are new or changed, parents before children, each placed where the register has it.
        for record in _parents_first(snapshot):
            old = index.nodes.get(record.id)
            if old is None:
                index.put_node(record)
                document.nodeAdded.emit(record.id)
            elif (old.parent_id, old.position) != (record.parent_id, record.position):
                old_row = index.row_of(record.id)
                index.put_node(record)
                if index.row_of(record.id) != old_row or old.parent_id != record.parent_id:
                    document.nodeMoved.emit(record.id, old.parent_id or "", old_row)
                if old.version != record.version:
                    document.nodeChanged.emit(record.id)
            elif old.version != record.version:
                index.nodes[record.id] = record
                document.nodeChanged.emit(record.id)
        for link in snapshot.links:
            old_link = index.links.get(link.id)
            if old_link is None:
                index.put_link(link)
                document.linkAdded.emit(link.id)
            elif old_link.version != link.version:
                index.put_link(link)
                document.linkChanged.emit(link.id)
        for node_id in set(index.latest_status) | set(snapshot.latest_status):
            if node_id in index.nodes and index.latest_status.get(node_id) != snapshot.latest_status.get(node_id):
                index.set_latest_status(node_id, snapshot.latest_status.get(node_id))
                document.statusChanged.emit(node_id)


def _parents_first(snapshot: TreeSnapshot) -> list[Any]:
    """The snapshot's nodes, each parent before its children and siblings in position order."""
    by_parent = snapshot.children_of()
    order = list(by_parent.get(None, []))
    position = 0
    while position < len(order):
        order.extend(by_parent.get(order[position].id, []))
        position += 1
    return order
