"""The driver-diagram tree as a Qt item model: goal → primary → secondary → projects.

Each driver also lists, after its own children, the cross-links that end at it (italic, with a
link icon), so every driver shows everything that serves it. The rows are Qt's own C++ items
(``QStandardItemModel``), each cell's roles computed once per change, so a repaint of the view
calls no Python; the model follows the document's fine-grained signals with row inserts,
removals and changed cells, and resets only when the whole register is reloaded.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    SIGNAL,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from register.vocabulary import ALLOWED_PARENTS
from ui.document import RegisterDocument
from ui.evidence import evidence_name, evidence_tooltip
from ui.icons import evidence_icon, icon, rag_icon
from ui.item_roles import (
    EVIDENCE_ROLE,
    KIND_ROLE,
    LINK_ID_ROLE,
    NODE_ID_ROLE,
    STALE_ROLE,
    AnyIndex,
)
from ui.labels import (
    HIGHLIGHT_COLOUR,
    REQUEST_COLOUR,
    STALE_COLOUR,
    date_text,
    kind_name,
    progress_text,
    rag_name,
    stage_name,
    strength_name,
    weeks_text,
)

translate = QCoreApplication.translate

NODE_MIME_TYPE = "application/x-improvement-register-node"

TITLE, STAGE, RAG, UPDATED, EVIDENCE = range(5)
COLUMNS = 5
_LINK_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NODE_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)  # fmt: skip
_TITLE_FLAGS = _NODE_FLAGS | Qt.ItemFlag.ItemIsEditable
# A row's cells by role: the roles its first ``width`` cells share, each cell's own roles, ``width``.
Cells = tuple[dict[int, Any], list[dict[int, Any]], int]
# The roles the cells hold, as the plain numbers the item model's role maps take.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_NODE_ID, _LINK_ID, _KIND, _STALE, _EVIDENCE = (
    int(role) for role in (NODE_ID_ROLE, LINK_ID_ROLE, KIND_ROLE, STALE_ROLE, EVIDENCE_ROLE)
)
# The signal every view connects to (a model no view shows has only the connections it was made with).
_DATA_CHANGED = SIGNAL("dataChanged(QModelIndex,QModelIndex,QList<int>)")
# Every role a cell may hold: a changed cell is given all of them, None for those it no longer has.
_NO_ROLES = dict.fromkeys(
    (_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND, _BACKGROUND, _FONT, _NODE_ID, _LINK_ID, _KIND, _STALE, _EVIDENCE)
)


# A closed register's rows are let go of a slice per turn of the event loop: for this long at most, this many rows
# at a time (see DiagramTreeModel._on_closed).
DISPOSE_SECONDS = 0.004
DISPOSE_ROWS = 100

#: Cross-link rows: the purple of the diagram's cross-links, dark enough to read (contrast ≥ 4.5:1 on white).
LINK_COLOURS = {"strong": QColor("#4b2c7a"), "weak": QColor("#6b5b8f")}


class DiagramTreeModel(QStandardItemModel):
    """The document's tree held in Qt's C++ item model, kept in step with the document's fine-grained signals.

    Each row is five ``QStandardItem`` cells whose roles are computed once per change of what they show, so the
    view's many questions on every repaint (index, parent, flags, data) are answered in C++ without calling
    Python. Moves, renames and drops are routed to the window through :attr:`moveRequested` and
    :attr:`renameRequested`; the model never changes the register itself."""

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
        #: The day the staleness cells were computed for (checked once a minute; see :meth:`_check_day`).
        self._day = today or date.today()
        #: Each node's and each cross-link's row: its five cells.
        self._nodes: dict[str, list[QStandardItem]] = {}
        self._links: dict[str, list[QStandardItem]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._link_fonts = {strength: _link_font(strength == "strong") for strength in LINK_COLOURS}
        self._link_brushes = {strength: QBrush(colour) for strength, colour in LINK_COLOURS.items()}
        self._stale_brush = QBrush(STALE_COLOUR)
        self._request_brush = QBrush(REQUEST_COLOUR)
        self._highlight_brush = QBrush(HIGHLIGHT_COLOUR)
        # Cells are made by copying these (the flags come along without a call per cell).
        self._node_prototype = QStandardItem()
        self._node_prototype.setFlags(_NODE_FLAGS)
        self._link_prototype = QStandardItem()
        self._link_prototype.setFlags(_LINK_FLAGS)
        self._build()
        self._follow(document, connect=True)
        self._unwatched = self.receivers(_DATA_CHANGED)  # connections to dataChanged before any view (see _on_closed)
        if today is None:  # staleness counts weeks since a date: the cells follow the calendar
            self._day_timer = QTimer(self)
            self._day_timer.setInterval(60_000)
            self._day_timer.timeout.connect(self._check_day)
            self._day_timer.start()

    def _follow(self, document: RegisterDocument, connect: bool) -> None:
        """Follow (or stop following) the document's fine-grained signals."""
        for signal, slot in (
            (document.nodeAdded, self._on_node_added), (document.nodeChanged, self._on_node_changed),
            (document.nodeMoved, self._on_node_moved), (document.nodeAboutToBeRemoved, self._on_node_removing),
            (document.linkAdded, self._on_link_added), (document.linkAboutToBeRemoved, self._on_link_removing),
            (document.linkChanged, self._on_link_changed), (document.statusChanged, self._on_node_changed),
            (document.reloaded, self._on_reloaded), (document.evidenceChanged, self._on_evidence_changed),
            (document.closed, self._on_closed),
        ):  # fmt: skip
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def adopt(self, document: RegisterDocument) -> bool:
        """Follow ``document`` instead of the one this model was built for, keeping every row, when both hold the
        same tree (the window's read-only preview and the register it opened): True. False, changing nothing,
        when they differ (the caller builds a new model). The model then belongs to ``document``."""
        old = self.document
        if not old.index.same_tree(document.index) or old.evidence != document.evidence:
            return False
        self._follow(old, connect=False)
        self.setParent(document)
        self.document = document
        self._follow(document, connect=True)
        return True

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        """Fill the model from the document (each goal's branch is built before it joins the model: one insert)."""
        self._nodes = {}
        self._links = {}
        root = self.invisibleRootItem()
        root.setFlags(Qt.ItemFlag.ItemIsDropEnabled)
        if self.columnCount() != COLUMNS:
            self.setColumnCount(COLUMNS)
        for node_id in self.document.index.child_ids(None):
            root.appendRow(self._make_node_row(node_id))

    def _make_node_row(self, node_id: str) -> list[QStandardItem]:
        """The node's five cells, with its children's rows and then the cross-links that end at it below them."""
        row = _new_row(self._node_prototype, *self._node_cells(node_id))
        row[TITLE].setFlags(_TITLE_FLAGS)
        self._nodes[node_id] = row
        index = self.document.index
        title = row[TITLE]
        for child in index.child_ids(node_id):
            title.appendRow(self._make_node_row(child))
        for link in index.links_to(node_id):
            title.appendRow(self._make_link_row(link.id))
        return row

    def _make_link_row(self, link_id: str) -> list[QStandardItem]:
        row = _new_row(self._link_prototype, *self._link_cells(link_id))
        self._links[link_id] = row
        return row

    def _forget(self, title: QStandardItem) -> None:
        """Drop a row and every row below it from the lookups (the rows themselves are removed by the caller)."""
        link_id = title.data(LINK_ID_ROLE)
        if link_id is not None:
            self._links.pop(link_id, None)
            return
        self._nodes.pop(title.data(NODE_ID_ROLE), None)
        for number in range(title.rowCount()):
            self._forget(title.child(number, TITLE))

    @property
    def today(self) -> date:
        """The given date (tests), or the day the cells were computed for (looked up once a minute)."""
        return self.fixed_today if self.fixed_today is not None else self._day

    def _check_day(self) -> None:
        """A new day: the projects' staleness ("weeks since update") is computed again."""
        day = date.today()
        if self.fixed_today is None and day != self._day:
            self._day = day
            for project in self.document.index.projects():
                self._refresh_node(project.id)

    # ------------------------------------------------------------------ cells

    def _node_cells(self, node_id: str) -> Cells:
        """What the node's cells show, by role (a role without a value is left out): the roles its first four cells
        share, then each cell's own; the evidence cell shares only the node's id and kind."""
        tree = self.document.index
        node = tree.nodes[node_id]
        kind = node.kind
        is_project = kind == "project"
        status = tree.latest_status.get(node_id) if is_project else None
        stale = is_project and tree.is_stale(node_id, self.today)
        rag_text = rag_name(status.rag) if status else ""
        weeks = weeks_text(tree.weeks_since_update(node_id, self.today)) if is_project else ""
        shared = {_NODE_ID: node_id, _KIND: kind, _STALE: stale,
                  _TOOLTIP: self._node_tooltip(node, status, rag_text, stale, weeks)}  # fmt: skip
        title: dict[int, Any] = {_DISPLAY: node.title, _DECORATION: icon(kind)}
        stage: dict[int, Any] = {}
        rag: dict[int, Any] = {}
        updated: dict[int, Any] = {}
        if is_project:
            stage[_DISPLAY] = stage_name(node.stage)
            rag[_DISPLAY] = rag_text
            if status is not None:
                rag[_DECORATION] = rag_icon(status.rag)
            updated[_DISPLAY] = weeks
            if stale:
                updated[_DECORATION] = icon("stale")
                updated[_FOREGROUND] = self._stale_brush
                updated[_FONT] = self._bold
        if kind == "goal":
            shared[_FONT] = self._bold
        if node_id in self.highlighted:
            title[_BACKGROUND] = self._highlight_brush
        if node_id in self.requests:
            title[_FOREGROUND] = self._request_brush
            title[_FONT] = self._bold
        evidence = {_NODE_ID: node_id, _KIND: kind}
        self._add_evidence(node_id, title, evidence)
        return shared, [title, stage, rag, updated, evidence], EVIDENCE

    def _add_evidence(self, node_id: str, title: dict[int, Any], cell: dict[int, Any]) -> None:
        """The node's evidence: its kind on the title and evidence cells, its marker, name and tooltip on the
        evidence cell."""
        evidence = self.document.evidence.get(node_id)
        if evidence is None:
            return
        title[_EVIDENCE] = cell[_EVIDENCE] = evidence.kind
        cell[_DECORATION] = evidence_icon(evidence.marker)
        cell[_DISPLAY] = evidence_name(evidence.kind)
        cell[_TOOLTIP] = evidence_tooltip(evidence)

    def _node_tooltip(self, node: Any, status: Any, rag_text: str, stale: bool, weeks: str) -> str:
        """The node's title, kind, marks and, for a project, lead, latest status and staleness."""
        node_id = node.id
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
                        date=date_text(status.date), rag=rag_text, progress=progress_text(status.progress)
                    )
                )
            if stale:
                lines.append(translate("TreeModel", "Stale: no status update for {weeks}.").format(weeks=weeks))
        return "<br>".join(lines)

    def _link_cells(self, link_id: str) -> Cells:
        """What each of a cross-link row's five cells shows: the source node, italic and purple."""
        tree = self.document.index
        link = tree.links[link_id]
        source = tree.nodes[link.source_id]
        target = tree.nodes[link.target_id]
        tooltip = translate("TreeModel", "{kind} “{source}” also serves “{target}” ({strength} link).").format(
            kind=kind_name(source.kind).capitalize(), source=_escape(source.title), target=_escape(target.title),
            strength=strength_name(link.strength),
        )  # fmt: skip
        shared = {_NODE_ID: link.source_id, _LINK_ID: link_id, _KIND: "link", _TOOLTIP: tooltip,
                  _FONT: self._link_fonts[link.strength], _FOREGROUND: self._link_brushes[link.strength]}  # fmt: skip
        title = {_DISPLAY: source.title, _DECORATION: icon("link")}
        stage = {_DISPLAY: strength_name(link.strength)}  # the icon and italics say "cross-link"; this, how strong
        return shared, [title, stage, {}, {}, {}], COLUMNS

    def _update_row(self, row: list[QStandardItem], cells: Cells) -> None:
        """Give a row's cells their new roles (each changed cell announces itself once)."""
        shared, own, width = cells
        index = self.indexFromItem(row[TITLE])
        for column in range(COLUMNS):
            roles = _NO_ROLES | shared | own[column] if column < width else _NO_ROLES | own[column]
            self.setItemData(index.siblingAtColumn(column) if column else index, roles)

    def _refresh_node(self, node_id: str) -> None:
        row = self._nodes.get(node_id)
        if row is not None:
            self._update_row(row, self._node_cells(node_id))

    def _refresh_link(self, link_id: str) -> None:
        row = self._links.get(link_id)
        if row is not None:
            self._update_row(row, self._link_cells(link_id))

    # ------------------------------------------------------------------ lookups

    def index_of_node(self, node_id: str, column: int = 0) -> QModelIndex:
        row = self._nodes.get(node_id)
        return self.indexFromItem(row[column]) if row is not None else QModelIndex()

    def index_of_link(self, link_id: str) -> QModelIndex:
        row = self._links.get(link_id)
        return self.indexFromItem(row[TITLE]) if row is not None else QModelIndex()

    def place_of(self, node_id: str | None = None, link_id: str | None = None) -> tuple[int, QModelIndex] | None:
        """(row, parent index) of a node's or a cross-link's row (the tree filter hides rows by place); None when it
        has no row."""
        row = self._links.get(link_id) if link_id is not None else self._nodes.get(node_id)  # type: ignore[arg-type]
        if row is None:
            return None
        parent = row[TITLE].parent()
        return row[TITLE].row(), self.indexFromItem(parent) if parent is not None else QModelIndex()

    def places(self, keys: Iterable[str]) -> dict[str, tuple[int, QModelIndex]]:
        """(row, parent index) of many rows at once, by the tree filter's keys (a node id, or "link:" + a link id);
        a key without a row is left out. Two calls into Qt per row: each parent's index is looked up once."""
        found: dict[str, tuple[int, QModelIndex]] = {}
        parents: dict[int, tuple[QStandardItem, QModelIndex]] = {}  # by id() of the parent's item (kept alive)
        top = QModelIndex()
        for key in keys:
            row = self._links.get(key[5:]) if key.startswith("link:") else self._nodes.get(key)
            if row is None:
                continue
            title = row[TITLE]
            parent = title.parent()
            if parent is None:
                found[key] = title.row(), top
                continue
            known = parents.get(id(parent))
            if known is None:
                known = parents[id(parent)] = parent, self.indexFromItem(parent)
            found[key] = title.row(), known[1]
        return found

    def _title_item(self, parent_id: str | None) -> QStandardItem:
        return self.invisibleRootItem() if parent_id is None else self._nodes[parent_id][TITLE]

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

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Renaming in place is routed to the window (an undoable command), not done here."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != TITLE:
            return False
        if index.data(LINK_ID_ROLE) is not None or not isinstance(value, str):
            return False
        self.renameRequested.emit(index.data(NODE_ID_ROLE), value)
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
        if parent.isValid() and parent.data(LINK_ID_ROLE) is not None:
            return False
        return self.can_move(node_id, parent.data(NODE_ID_ROLE) if parent.isValid() else None)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: AnyIndex) -> bool:  # fmt: skip
        """A drop asks the window to move the node (through the undo stack); the model's rows do not move here."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        node_id = self._dragged_node(data)
        parent_id = parent.data(NODE_ID_ROLE) if parent.isValid() else None
        tree = self.document.index
        position = -1 if row < 0 else min(row, len(tree.child_ids(parent_id)))
        # Dropping below its own place: the row counts the node itself, which leaves first.
        if position >= 0 and tree.nodes[node_id].parent_id == parent_id and position > tree.row_of(node_id):
            position -= 1
        self.moveRequested.emit(node_id, parent_id or "", position)
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        """The view asks this after a move by drag and drop; the move was already made through the document."""
        return False

    # ------------------------------------------------------------------ following the document

    def _on_node_added(self, node_id: str) -> None:
        tree = self.document.index
        if node_id in self._nodes:
            return
        parent = self._title_item(tree.nodes[node_id].parent_id)
        parent.insertRow(tree.row_of(node_id), self._make_node_row(node_id))

    def _on_node_changed(self, node_id: str) -> None:
        if node_id not in self._nodes:
            return
        self._refresh_node(node_id)
        tree = self.document.index
        for link in tree.links_from(node_id):  # they show its title
            self._refresh_link(link.id)
        for link in tree.links_to(node_id):  # their tooltips name it
            self._refresh_link(link.id)

    def _on_node_moved(self, node_id: str, old_parent_id: str, old_row: int) -> None:
        """The node's branch is built again at its new place; whatever the views hold on to in the old branch
        (current row, selection, unfolded rows) moves to the same cells of the new one before the old one goes."""
        tree = self.document.index
        parent_id = tree.nodes[node_id].parent_id
        new_row = tree.row_of(node_id)
        same_parent = (old_parent_id or None) == parent_id
        if same_parent and new_row == old_row:
            return
        old_title = self._nodes[node_id][TITLE]
        source = old_title.parent() or self.invisibleRootItem()
        self._title_item(parent_id).insertRow(new_row + 1 if same_parent and new_row > old_row else new_row,
                                              self._make_node_row(node_id))  # fmt: skip
        old_top = self.indexFromItem(old_title)
        held = [index for index in self.persistentIndexList() if _within(index, old_top)]
        places = [self._cell(index.data(NODE_ID_ROLE), index.data(LINK_ID_ROLE), index.column()) for index in held]
        self.changePersistentIndexList(held, places)
        source.removeRow(old_top.row())

    def _cell(self, node_id: str, link_id: str | None, column: int) -> QModelIndex:
        row = self._links[link_id] if link_id is not None else self._nodes[node_id]
        return self.indexFromItem(row[column])

    def _on_node_removing(self, node_id: str) -> None:
        row = self._nodes.get(node_id)
        if row is None:
            return
        tree = self.document.index
        subtree = set(tree.subtree(node_id))
        for link in list(tree.links.values()):
            if link.source_id in subtree and link.target_id not in subtree:
                self._on_link_removing(link.id)
        title = row[TITLE]
        self._forget(title)
        (title.parent() or self.invisibleRootItem()).removeRow(title.row())

    def _on_link_added(self, link_id: str) -> None:
        tree = self.document.index
        link = tree.links[link_id]
        parent = self._nodes.get(link.target_id)
        if parent is None or link_id in self._links:
            return
        order = [entry.id for entry in tree.links_to(link.target_id)]
        row = len(tree.child_ids(link.target_id)) + order.index(link_id)
        parent[TITLE].insertRow(row, self._make_link_row(link_id))

    def _on_link_removing(self, link_id: str) -> None:
        row = self._links.pop(link_id, None)
        if row is not None:
            title = row[TITLE]
            title.parent().removeRow(title.row())

    def _on_link_changed(self, link_id: str) -> None:
        self._refresh_link(link_id)

    def set_marks(self, requests: set[str], highlighted: set[str]) -> None:
        """Mark nodes with an open request for help (bold, purple) and highlight changed ones; only they repaint."""
        changed = (self.requests ^ requests) | (self.highlighted ^ highlighted)
        self.requests, self.highlighted = set(requests), set(highlighted)
        for node_id in changed:
            self._refresh_node(node_id)

    def _on_evidence_changed(self, node_ids: list[str]) -> None:
        """Only the evidence cell and the evidence kind on the title change (evidence arrives for every node at
        once, in slices, while the user works)."""
        for node_id in node_ids:
            row = self._nodes.get(node_id)
            if row is None:
                continue
            title: dict[int, Any] = {_EVIDENCE: None}
            cell: dict[int, Any] = {_DISPLAY: None, _DECORATION: None, _TOOLTIP: None, _EVIDENCE: None}
            self._add_evidence(node_id, title, cell)
            row[TITLE].setData(title[_EVIDENCE], _EVIDENCE)
            self.setItemData(self.indexFromItem(row[EVIDENCE]), cell)

    def _on_reloaded(self) -> None:
        self.clear()
        self._build()

    # ------------------------------------------------------------------ letting go

    def _on_closed(self) -> None:
        """The register was closed (the window shows another one, or closes): the model stops following it, and lets
        go of its rows a slice per turn of the event loop, deepest first, then of itself. With the register, all at
        once, 20,000 cells (each with its Python side) kept the next register's first keystroke waiting 60-120 ms.
        A model that a view still shows (the window closes with it) is left as it is, to go with the register."""
        if self.receivers(_DATA_CHANGED) > self._unwatched:
            return
        self._follow(self.document, connect=False)
        self.document = None  # type: ignore[assignment] - the register replaced must be freed now, not with the rows
        if self.fixed_today is None:
            self._day_timer.stop()
        self.setParent(QCoreApplication.instance())  # it outlives the register, until its rows are gone
        self._disposing = [self.invisibleRootItem()]
        self._disposer = QTimer(self)
        self._disposer.setInterval(0)
        self._disposer.timeout.connect(self._dispose_some)
        self._disposer.start()

    def _dispose_some(self) -> None:
        """Remove rows without rows under them, up to ``DISPOSE_ROWS`` at a time, for ``DISPOSE_SECONDS``; once none
        is left, the model goes."""
        deadline = time.perf_counter() + DISPOSE_SECONDS
        stack = self._disposing
        while stack:
            item = stack[-1]
            count = item.rowCount()
            if count == 0:
                stack.pop()
                continue
            last = item.child(count - 1, TITLE)
            if last.hasChildren():
                stack.append(last)
                continue
            first = count - 1
            while first > max(0, count - DISPOSE_ROWS) and not item.child(first - 1, TITLE).hasChildren():
                first -= 1
            gone = [(title.data(LINK_ID_ROLE), title.data(NODE_ID_ROLE))
                    for title in (item.child(row, TITLE) for row in range(first, count))]  # fmt: skip
            item.removeRows(first, count - first)
            for link_id, node_id in gone:  # their cells' Python sides go now
                if link_id is not None:
                    self._links.pop(link_id, None)
                else:
                    self._nodes.pop(node_id, None)
            if time.perf_counter() >= deadline:
                return
        self._disposer.stop()
        self._nodes, self._links = {}, {}
        self.deleteLater()

    # ------------------------------------------------------------------ checks

    def structure(self, parent: QStandardItem | None = None) -> list[tuple[str, Any]]:
        """The model's rows as nested (id, children) pairs; tests compare it with the register."""
        item = parent or self.invisibleRootItem()
        rows = []
        for number in range(item.rowCount()):
            child = item.child(number, TITLE)
            link_id = child.data(LINK_ID_ROLE)
            rows.append((f"link:{link_id}" if link_id is not None else child.data(NODE_ID_ROLE), self.structure(child)))
        return rows


def _new_row(prototype: QStandardItem, shared: dict[int, Any], own: list[dict[int, Any]], width: int,
             ) -> list[QStandardItem]:  # fmt: skip
    """A row's cells, not yet in a model (setting their roles announces nothing): the first ``width`` cells are
    copies of one holding the ``shared`` roles, the others copies of the bare ``prototype``; each then gets its own."""
    base = QStandardItem(prototype)  # a copy (clone()'s copies lose their Python side once in a model)
    for role, value in shared.items():
        base.setData(value, role)
    # Every copy is made before any cell gets its own roles (a copy of the title cell would show the title).
    row = [base, *(QStandardItem(base if column < width else prototype) for column in range(1, len(own)))]
    for item, roles in zip(row, own, strict=True):
        for role, value in roles.items():
            item.setData(value, role)
    return row


def _link_font(bold: bool) -> QFont:
    """Italic: a cross-link; bold as well when it is strong."""
    font = QFont()
    font.setItalic(True)
    font.setBold(bold)
    return font


def _within(index: QModelIndex, top: QModelIndex) -> bool:
    """Is ``index`` a cell of the row ``top`` (column 0) or of a row below it?"""
    while index.isValid():
        if index.siblingAtColumn(0) == top:
            return True
        index = index.parent()
    return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
