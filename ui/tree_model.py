"""The driver-diagram tree as a Qt item model: goal → primary → secondary → projects.

Each driver also lists, after its own children, the cross-links that end at it (italic, with a
link icon), so every driver shows everything that serves it. The model keeps its own light item
tree and follows the document's fine-grained signals with row inserts, moves and removals; it
resets only when the whole register is reloaded.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from register.vocabulary import ALLOWED_PARENTS
from ui.date_edit import date_text
from ui.document import RegisterDocument
from ui.evidence import evidence_name, evidence_tooltip
from ui.icons import evidence_icon, icon, rag_icon
from ui.labels import (
    HIGHLIGHT_COLOUR,
    REQUEST_COLOUR,
    STALE_COLOUR,
    kind_name,
    plural,
    progress_text,
    rag_name,
    stage_name,
    strength_name,
)

translate = QCoreApplication.translate

NODE_MIME_TYPE = "application/x-improvement-register-node"
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LINK_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
STALE_ROLE = Qt.ItemDataRole.UserRole + 4

TITLE, STAGE, RAG, UPDATED, EVIDENCE = range(5)
COLUMNS = 5
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 5
# Computed once: combining flags costs a Python enum operation each time, and the view asks on every paint.
_LINK_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NODE_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)  # fmt: skip
_TITLE_FLAGS = _NODE_FLAGS | Qt.ItemFlag.ItemIsEditable
# The roles a node's cells answer (every other role is None without looking the node up).
_NODE_ROLES = frozenset(
    int(role) for role in (
        NODE_ID_ROLE, KIND_ROLE, LINK_ID_ROLE, STALE_ROLE, EVIDENCE_ROLE, Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
    )
)  # fmt: skip
AnyIndex = QModelIndex | QPersistentModelIndex
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)


_UNKNOWN = object()
_NO_CELLS: list[dict[int, Any]] = []  # a row not asked yet


class _Item:
    """A row: a node, or a cross-link entry under the driver it ends at."""

    __slots__ = ("cells", "cells_generation", "children", "link_id", "node_id", "parent", "row")

    def __init__(self, node_id: str | None, parent: _Item | None, link_id: str | None = None) -> None:
        self.node_id = node_id
        self.link_id = link_id
        self.parent = parent
        self.children: list[_Item] = []
        self.row = 0
        # What data() answered for this row, by column and role, while cells_generation is the model's.
        self.cells: list[dict[int, Any]] = _NO_CELLS
        self.cells_generation = -1

    def renumber(self, start: int = 0) -> None:
        """Refresh the cached row numbers of the children from ``start`` on."""
        children = self.children
        for number in range(start, len(children)):
            children[number].row = number

    def node_count(self) -> int:
        """How many of the children are nodes (they come before the link entries)."""
        count = 0
        for child in self.children:
            if child.link_id is not None:
                break
            count += 1
        return count


#: Cross-link rows: the purple of the diagram's cross-links, dark enough to read (contrast ≥ 4.5:1 on white).
LINK_COLOURS = {"strong": QColor("#4b2c7a"), "weak": QColor("#6b5b8f")}


def weeks_text(weeks: int | None) -> str:
    if weeks is None:
        return translate("TreeModel", "never")
    return plural(weeks, translate("TreeModel", "{count} week"), translate("TreeModel", "{count} weeks"))


class DiagramTreeModel(QAbstractItemModel):
    """Thin adapter of the document's tree index."""

    #: A drop asks to move a node: (node id, new parent id or "", position or -1 for the end).
    moveRequested = Signal(str, str, int)  # noqa: N815
    #: Renaming in place asks for a new title: (node id, title).
    renameRequested = Signal(str, str)  # noqa: N815

    def __init__(self, document: RegisterDocument, today: date | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.fixed_today = today
        #: Nodes with an open request for help, and nodes changed since the last meeting (highlighted).
        self.requests: set[str] = set()
        self.highlighted: set[str] = set()
        self._today = (0.0, date.today())
        self._root = _Item(None, None)
        self._nodes: dict[str, _Item] = {}
        self._links: dict[str, _Item] = {}
        self._build()
        document.nodeAdded.connect(self._on_node_added)
        document.nodeChanged.connect(self._on_node_changed)
        document.nodeMoved.connect(self._on_node_moved)
        document.nodeAboutToBeRemoved.connect(self._on_node_removing)
        document.linkAdded.connect(self._on_link_added)
        document.linkAboutToBeRemoved.connect(self._on_link_removing)
        document.linkChanged.connect(self._on_link_changed)
        document.statusChanged.connect(self._on_node_changed)
        document.reloaded.connect(self._on_reloaded)
        document.evidenceChanged.connect(self._on_evidence_changed)
        # data() answers from each row's cells; whatever the model announces as changed is forgotten first
        # (these connections are made before any view's, so they run before the view repaints).
        self._generation = 0
        self._generation_since = time.monotonic()
        self.dataChanged.connect(self._forget_rows)
        for signal in (self.modelReset, self.layoutChanged, self.rowsInserted, self.rowsRemoved, self.rowsMoved):
            signal.connect(self._forget_all)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self._root = _Item(None, None)
        self._nodes = {}
        self._links = {}
        for node_id in self.document.index.child_ids(None):
            self._root.children.append(self._make_node_item(node_id, self._root))
        self._root.renumber()

    def _make_node_item(self, node_id: str, parent: _Item) -> _Item:
        item = _Item(node_id, parent)
        self._nodes[node_id] = item
        index = self.document.index
        item.children = [self._make_node_item(child, item) for child in index.child_ids(node_id)]
        for link in index.links_to(node_id):
            link_item = _Item(link.source_id, item, link.id)
            self._links[link.id] = link_item
            item.children.append(link_item)
        item.renumber()
        return item

    def _forget(self, item: _Item) -> None:
        if item.link_id is not None:
            self._links.pop(item.link_id, None)
        else:
            self._nodes.pop(item.node_id, None)
        for child in item.children:
            self._forget(child)

    @property
    def today(self) -> date:
        """The given date (tests), or today's, looked up at most once a minute (data() asks often)."""
        if self.fixed_today is not None:
            return self.fixed_today
        checked = self._today[0]
        now = time.monotonic()
        if now - checked > 60:
            self._today = (now, date.today())
        return self._today[1]

    # ------------------------------------------------------------------ lookups

    def _item(self, index: AnyIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def _index_of(self, item: _Item, column: int = 0) -> QModelIndex:
        if item is self._root:
            return QModelIndex()
        return self.createIndex(item.row, column, item)

    def index_of_node(self, node_id: str, column: int = 0) -> QModelIndex:
        item = self._nodes.get(node_id)
        return self._index_of(item, column) if item is not None else QModelIndex()

    def index_of_link(self, link_id: str) -> QModelIndex:
        item = self._links.get(link_id)
        return self._index_of(item) if item is not None else QModelIndex()

    def _parent_item(self, parent_id: str | None) -> _Item:
        return self._root if parent_id is None else self._nodes[parent_id]

    # ------------------------------------------------------------------ QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            children = parent.internalPointer().children
        else:
            children = self._root.children
        if 0 <= row < len(children) and 0 <= column < COLUMNS:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent.parent is None:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return len(parent.internalPointer().children) if parent.column() == 0 else 0
        return len(self._root.children)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid():
            return parent.column() == 0 and bool(parent.internalPointer().children)
        return bool(self._root.children)

    def place_of(self, node_id: str | None = None, link_id: str | None = None) -> tuple[int, QModelIndex] | None:
        """(row, parent index) of a node's or a cross-link's row, from the model's own items (the tree filter hides
        rows by place; asking an index for its parent would call back into Python); None when it has no row."""
        item = self._links.get(link_id) if link_id is not None else self._nodes.get(node_id)  # type: ignore[arg-type]
        return None if item is None else (item.row, self._index_of(item.parent))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("TreeModel", "Driver diagram"),
            translate("TreeModel", "Stage"),
            translate("TreeModel", "RAG"),
            translate("TreeModel", "Updated"),
            translate("TreeModel", "Evidence"),
        )[section] if 0 <= section < COLUMNS else None  # fmt: skip

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalPointer().link_id is not None:
            return _LINK_FLAGS
        return _TITLE_FLAGS if index.column() == TITLE else _NODE_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's value, computed once until the model announces a change of its row (the view asks for
        every visible cell's roles on each repaint); tooltips, asked on hover only, are always computed."""
        if not index.isValid():
            return None
        item: _Item = index.internalPointer()
        column = index.column()
        if role == _TOOLTIP_ROLE:
            return self._compute(item, column, role)
        answers = self._answers(item, column)
        value = answers.get(role, _UNKNOWN)
        if value is _UNKNOWN:
            value = answers[role] = self._compute(item, column, role)
        return value

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N802, N803
        """Every role the view's delegate asks for one cell, in one call (it paints each visible cell with seven
        roles: one call from Qt into Python instead of seven); the same values as :meth:`data`."""
        if not index.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        item: _Item = index.internalPointer()
        column = index.column()
        answers = self._answers(item, column)
        for role_data in roleDataSpan:
            role = role_data.role()
            value = answers.get(role, _UNKNOWN)
            if value is _UNKNOWN:
                value = self._compute(item, column, role)
                if role != _TOOLTIP_ROLE:
                    answers[role] = value
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _answers(self, item: _Item, column: int) -> dict[int, Any]:
        """What the row's cell in ``column`` answered by role; emptied when the model announced a change of the row
        since (tooltips, asked on hover only, are not kept)."""
        if item.cells_generation != self._generation:
            if time.monotonic() - self._generation_since > 60:  # staleness counts days: forget once a minute
                self._forget_all()
            item.cells, item.cells_generation = [{} for _column in range(COLUMNS)], self._generation
        return item.cells[column]

    def _compute(self, item: _Item, column: int, role: int) -> Any:
        if item.link_id is not None:
            return self._link_data(item, column, role)
        return self._node_data(item.node_id, column, role)

    def _forget_rows(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: Any = None) -> None:
        parent = self._item(top_left.parent())
        for row in range(top_left.row(), bottom_right.row() + 1):
            if 0 <= row < len(parent.children):
                parent.children[row].cells_generation = -1

    def _forget_all(self, *_args: Any) -> None:
        self._generation += 1
        self._generation_since = time.monotonic()

    def _node_data(self, node_id: str, column: int, role: int) -> Any:
        if role not in _NODE_ROLES:  # the view asks for a dozen roles per cell on every paint; most are never set
            return None
        tree = self.document.index
        node = tree.nodes[node_id]
        if role == NODE_ID_ROLE:
            return node_id
        if role == KIND_ROLE:
            return node.kind
        if role == LINK_ID_ROLE:
            return None
        if column == EVIDENCE or role == EVIDENCE_ROLE:
            return self._evidence_data(node_id, role)
        is_project = node.kind == "project"
        status = tree.latest_status.get(node_id) if is_project else None
        stale = is_project and tree.is_stale(node_id, self.today)
        if role == STALE_ROLE:
            return stale
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TITLE:
                return node.title
            if not is_project:
                return None
            if column == STAGE:
                return stage_name(node.stage)
            if column == RAG:
                return rag_name(status.rag) if status else ""
            if column == UPDATED:
                return weeks_text(tree.weeks_since_update(node_id, self.today))
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == TITLE:
                return icon(node.kind)
            if column == RAG and status is not None:
                return rag_icon(status.rag)
            if column == UPDATED and stale:
                return icon("stale")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._node_tooltip(node_id, status, stale)
        if role == Qt.ItemDataRole.ForegroundRole and column == UPDATED and stale:
            return QBrush(STALE_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and column == TITLE and node_id in self.highlighted:
            return QBrush(HIGHLIGHT_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and column == TITLE and node_id in self.requests:
            return QBrush(REQUEST_COLOUR)
        if role == Qt.ItemDataRole.FontRole and (node.kind == "goal" or (column == UPDATED and stale)
                                                 or (column == TITLE and node_id in self.requests)):  # fmt: skip
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _evidence_data(self, node_id: str, role: int) -> Any:
        evidence = self.document.evidence.get(node_id)
        if evidence is None:
            return None
        if role == EVIDENCE_ROLE:
            return evidence.kind
        if role == Qt.ItemDataRole.DecorationRole:
            return evidence_icon(evidence.marker)
        if role == Qt.ItemDataRole.DisplayRole:
            return evidence_name(evidence.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return evidence_tooltip(evidence)
        return None

    def _node_tooltip(self, node_id: str, status: Any, stale: bool) -> str:
        node = self.document.index.nodes[node_id]
        lines = [f"<b>{_escape(node.title)}</b>", kind_name(node.kind).capitalize()]
        if node_id in self.requests:
            lines.append(translate("TreeModel", "Open request for help (see the Meetings tab)"))
        if node_id in self.highlighted:
            lines.append(translate("TreeModel", "Changed since the last meeting"))
        if node.kind == "project":
            if node.lead:
                lines.append(translate("TreeModel", "Lead: {lead}").format(lead=_escape(node.lead)))
            if status is not None:
                lines.append(
                    translate("TreeModel", "Latest status {date}: {rag} {progress}").format(
                        date=date_text(status.date), rag=rag_name(status.rag), progress=progress_text(status.progress)
                    )
                )
            if stale:
                lines.append(translate("TreeModel", "Stale: no status update for {weeks}.").format(
                    weeks=weeks_text(self.document.index.weeks_since_update(node_id, self.today))))  # fmt: skip
        return "<br>".join(lines)

    def _link_data(self, item: _Item, column: int, role: int) -> Any:
        tree = self.document.index
        link = tree.links[item.link_id]
        source = tree.nodes[link.source_id]
        if role == NODE_ID_ROLE:
            return link.source_id
        if role == LINK_ID_ROLE:
            return link.id
        if role == KIND_ROLE:
            return "link"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return source.title
            if column == STAGE:  # the link icon and italics say "cross-link"; this says how strong
                return strength_name(link.strength)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return icon("link")
        if role == Qt.ItemDataRole.FontRole:  # italic: a cross-link; bold as well when it is strong
            font = QFont()
            font.setItalic(True)
            font.setBold(link.strength == "strong")
            return font
        if role == Qt.ItemDataRole.ForegroundRole:  # both purples read at 4.5:1 or better on white
            return QBrush(LINK_COLOURS[link.strength])
        if role == Qt.ItemDataRole.ToolTipRole:
            target = tree.nodes[link.target_id]
            return translate("TreeModel", "{kind} “{source}” also serves “{target}” ({strength} link).").format(
                kind=kind_name(source.kind).capitalize(), source=_escape(source.title), target=_escape(target.title),
                strength=strength_name(link.strength),
            )  # fmt: skip
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Renaming in place is routed to the window (an undoable command), not done here."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != TITLE:
            return False
        item: _Item = index.internalPointer()
        if item.link_id is not None or not isinstance(value, str):
            return False
        self.renameRequested.emit(item.node_id, value)
        return False  # the document's nodeChanged signal updates the row

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [NODE_MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # noqa: N802
        ids = {index.data(NODE_ID_ROLE) for index in indexes if index.isValid() and index.data(LINK_ID_ROLE) is None}
        if len(ids) != 1:
            return None
        data = QMimeData()
        data.setData(NODE_MIME_TYPE, QByteArray(next(iter(ids)).encode()))
        return data

    def _dragged_node(self, data: QMimeData) -> str | None:
        if data is None or not data.hasFormat(NODE_MIME_TYPE):
            return None
        node_id = bytes(data.data(NODE_MIME_TYPE).data()).decode()
        return node_id if node_id in self.document.index.nodes else None

    def can_move(self, node_id: str, parent_id: str | None) -> bool:
        """May the node go under this parent (kind allowed, not into its own subtree)?"""
        tree = self.document.index
        parent_kind = tree.nodes[parent_id].kind if parent_id is not None else None
        if parent_kind not in ALLOWED_PARENTS[tree.nodes[node_id].kind]:
            return False
        return parent_id is None or (parent_id != node_id and node_id not in {n.id for n in tree.ancestors(parent_id)})

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: AnyIndex) -> bool:  # fmt: skip
        node_id = self._dragged_node(data)
        if node_id is None or action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        item = self._item(parent)
        if item.link_id is not None:
            return False
        return self.can_move(node_id, item.node_id)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: AnyIndex) -> bool:  # fmt: skip
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        node_id = self._dragged_node(data)
        item = self._item(parent)
        position = -1 if row < 0 else min(row, item.node_count())
        if position >= 0 and self.document.index.nodes[node_id].parent_id == item.node_id:
            # Dropping below its own place: the row counts the node itself, which leaves first.
            current = self.document.index.row_of(node_id)
            if position > current:
                position -= 1
        self.moveRequested.emit(node_id, item.node_id or "", position)
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        """The view asks this after a move by drag and drop; the move was already made through the document."""
        return False

    # ------------------------------------------------------------------ following the document

    def _on_node_added(self, node_id: str) -> None:
        record = self.document.index.nodes[node_id]
        parent = self._parent_item(record.parent_id)
        row = self.document.index.row_of(node_id)
        self.beginInsertRows(self._index_of(parent), row, row)
        parent.children.insert(row, self._make_node_item(node_id, parent))
        parent.renumber(row)
        self.endInsertRows()

    def _on_node_changed(self, node_id: str) -> None:
        item = self._nodes.get(node_id)
        if item is None:
            return
        self.dataChanged.emit(self._index_of(item, 0), self._index_of(item, self.columnCount() - 1))
        for link in self.document.index.links_from(node_id):
            link_item = self._links.get(link.id)
            if link_item is not None:
                self.dataChanged.emit(self._index_of(link_item, 0), self._index_of(link_item, self.columnCount() - 1))

    def _on_node_moved(self, node_id: str, old_parent_id: str, old_row: int) -> None:
        item = self._nodes[node_id]
        source = self._parent_item(old_parent_id or None)
        target = self._parent_item(self.document.index.nodes[node_id].parent_id)
        new_row = self.document.index.row_of(node_id)
        destination = new_row + 1 if source is target and new_row > old_row else new_row
        if source is target and new_row == old_row:
            return
        if not self.beginMoveRows(self._index_of(source), old_row, old_row, self._index_of(target), destination):
            return
        source.children.pop(old_row)
        target.children.insert(new_row, item)
        item.parent = target
        source.renumber(min(old_row, new_row) if source is target else old_row)
        if target is not source:
            target.renumber(new_row)
        self.endMoveRows()

    def _on_node_removing(self, node_id: str) -> None:
        item = self._nodes.get(node_id)
        if item is None:
            return
        subtree = set(self.document.index.subtree(node_id))
        for link in list(self.document.index.links.values()):
            if link.source_id in subtree and link.target_id not in subtree:
                self._on_link_removing(link.id)
        parent = item.parent
        row = item.row
        self.beginRemoveRows(self._index_of(parent), row, row)
        parent.children.pop(row)
        parent.renumber(row)
        self._forget(item)
        self.endRemoveRows()

    def _on_link_added(self, link_id: str) -> None:
        tree = self.document.index
        link = tree.links[link_id]
        parent = self._nodes.get(link.target_id)
        if parent is None or link_id in self._links:
            return
        order = [entry.id for entry in tree.links_to(link.target_id)]
        row = parent.node_count() + order.index(link_id)
        self.beginInsertRows(self._index_of(parent), row, row)
        link_item = _Item(link.source_id, parent, link_id)
        parent.children.insert(row, link_item)
        parent.renumber(row)
        self._links[link_id] = link_item
        self.endInsertRows()

    def _on_link_removing(self, link_id: str) -> None:
        item = self._links.get(link_id)
        if item is None:
            return
        row = item.row
        self.beginRemoveRows(self._index_of(item.parent), row, row)
        item.parent.children.pop(row)
        item.parent.renumber(row)
        del self._links[link_id]
        self.endRemoveRows()

    def _on_link_changed(self, link_id: str) -> None:
        item = self._links.get(link_id)
        if item is not None:
            self.dataChanged.emit(self._index_of(item, 0), self._index_of(item, self.columnCount() - 1))

    def set_marks(self, requests: set[str], highlighted: set[str]) -> None:
        """Mark nodes with an open request for help (bold, purple) and highlight changed ones; only they repaint."""
        changed = (self.requests ^ requests) | (self.highlighted ^ highlighted)
        self.requests, self.highlighted = set(requests), set(highlighted)
        for node_id in changed:
            item = self._nodes.get(node_id)
            if item is not None:
                index = self._index_of(item, TITLE)
                self.dataChanged.emit(index, index)

    def _on_evidence_changed(self, node_ids: list[str]) -> None:
        for node_id in node_ids:
            item = self._nodes.get(node_id)
            if item is not None:
                index = self._index_of(item, EVIDENCE)
                self.dataChanged.emit(index, index)

    def _on_reloaded(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    # ------------------------------------------------------------------ checks

    def structure(self, parent: _Item | None = None) -> list[tuple[str, Any]]:
        """The model's rows as nested (id, children) pairs; tests compare it with the register."""
        item = parent or self._root
        return [
            ((child.link_id and f"link:{child.link_id}") or child.node_id, self.structure(child))
            for child in item.children
        ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
