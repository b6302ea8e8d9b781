"""Filtering the tree as you type: matching nodes stay visible with their ancestors.

The visible set is computed in plain Python from the tree index, and only rows whose state changes
are hidden or shown in the view (``QTreeView.setRowHidden``; only the outermost rows that do not
match, as a hidden row hides its branch). A ``QSortFilterProxyModel`` with recursive filtering did
the same job in seconds per keystroke on 3,000 projects (it calls back into the Python model
millions of times when the filter narrows); this takes milliseconds.

A keystroke may still hide or show a few thousand rows (typing "Project 1" over 3,000 projects hides about
2,500), so each row costs one call into Qt: where each row is (its row number and parent index) is kept between
keystrokes until the model's rows change. Folding back to the drivers touches only the branches whose folding
differs, and leaves the view one relayout for its next paint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from ui.tree_model import DiagramTreeModel

if TYPE_CHECKING:  # the records load with the register, not before the window shows
    from register.tree_index import TreeIndex

#: Unfold every branch with a match only when that shows at most this many rows; else unfold to the drivers.
MAX_UNFOLDED_ROWS = 600
#: The deepest level unfolded when the tree shows "the drivers": the goals (0) and the primary drivers (1).
DRIVERS_DEPTH = 1


def visible_ids(tree: TreeIndex, text: str) -> tuple[set[str], set[str]]:
    """(node ids, link ids) to show for the filter ``text``: matches, and every ancestor of a match."""
    needle = text.strip().casefold()
    nodes: set[str] = set()
    links: set[str] = set()
    tree_nodes = tree.nodes
    matches = [node_id for node_id, node in tree_nodes.items() if needle in node.title.casefold()]
    for link in tree.links.values():
        if needle in tree_nodes[link.source_id].title.casefold():
            links.add(link.id)
            matches.append(link.target_id)
    for node_id in matches:  # each with its ancestors, up to the first one already kept
        while node_id is not None and node_id not in nodes:
            nodes.add(node_id)
            node_id = tree_nodes[node_id].parent_id
    return nodes, links


class TreeFilter:
    """Hides the rows of a tree view that do not match, keeping ancestors of matches.

    Only the outermost rows that do not match are hidden (a hidden row hides its whole branch), so a narrow filter
    hides a few dozen rows, not thousands, and each keystroke touches only the rows whose state changes."""

    def __init__(self, view: QTreeView, model: DiagramTreeModel) -> None:
        self.view = view
        self.model = model
        self.text = ""
        self._hidden: set[str] = set()  # keys of rows hidden now: node ids and "link:" + link id
        self._shown: tuple[set[str], set[str]] | None = None  # (nodes, links) the filter shows now
        #: Where each row is, by key: (row, parent index), valid until the model's rows change.
        self._places: dict[str, tuple[int, QModelIndex]] = {}
        #: the tree is unfolded to the drivers, and nothing was unfolded or folded since
        self._at_drivers = False
        view.expanded.connect(self._folding_changed)
        view.collapsed.connect(self._folding_changed)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.layoutChanged,
                       model.modelReset):  # fmt: skip
            signal.connect(self._forget_places)

    def active(self) -> bool:
        return bool(self.text)

    def apply(self, text: str, *, again: bool = False) -> None:
        """Filter on ``text``; a keystroke that shows the same rows changes nothing (unless ``again``)."""
        self.text = text.strip()
        if not self.text:
            self._shown = None
            self._show_all()
            return
        tree = self.model.document.index
        nodes, links = visible_ids(tree, self.text)
        if not again and self._shown == (nodes, links):
            return
        self._shown = nodes, links
        hidden = outermost_hidden(tree, nodes, links)
        # Only the rows whose state changes are touched (found by set difference, not by walking the tree); after
        # the tree changed, every row to hide is hidden again (a row made again, as by undoing its deletion, is new).
        self._set_rows_hidden(hidden if again else hidden - self._hidden, True)
        self._set_rows_hidden(self._hidden - hidden, False)
        self._hidden = hidden
        self._unfold(nodes)

    def reapply(self) -> None:
        """After the tree changed while a filter is on."""
        if self.text:
            self.apply(self.text, again=True)

    def _folding_changed(self, *_args: object) -> None:
        self._at_drivers = False

    def _forget_places(self, *_args: object) -> None:
        self._places = {}

    def _set_rows_hidden(self, keys: set[str], hide: bool) -> None:
        """Hide or show the rows of ``keys`` (a key without a row is skipped)."""
        places = self._places
        missing = [key for key in keys if key not in places]
        if missing:
            places.update(self.model.places(missing))
        set_row_hidden = self.view.setRowHidden
        for key in keys:
            place = places.get(key)
            if place is not None:
                set_row_hidden(place[0], place[1], hide)

    def _show_all(self) -> None:
        self._set_rows_hidden(self._hidden, False)
        self._hidden = set()
        self._unfold_to_drivers()

    def _unfold_to_drivers(self) -> None:
        """Unfold the goals and the primary drivers and fold every branch below them, as ``expandToDepth(1)``
        would (not again when the tree is already so). Only branches whose folding differs are touched, and the
        view lays its rows out once, when it next paints: ``expandToDepth`` lays out and repaints the whole tree
        at once, and the keystroke then paints it again."""
        if self._at_drivers:
            return
        view, model = self.view, self.model
        view.scheduleDelayedItemsLayout()  # each fold below is then only noted, not laid out
        for node_id, depth in branches(model.document.index):
            index = model.index_of_node(node_id)
            unfold = depth <= DRIVERS_DEPTH
            if index.isValid() and view.isExpanded(index) != unfold:
                view.setExpanded(index, unfold)
        self._at_drivers = True  # after the view's own signals

    def _unfold(self, nodes: set[str]) -> None:
        if len(nodes) > MAX_UNFOLDED_ROWS:
            self._unfold_to_drivers()
            return
        tree = self.model.document.index
        for node_id in nodes:
            if any(child in nodes for child in tree.child_ids(node_id)):
                self.view.expand(self.model.index_of_node(node_id))


def outermost_hidden(tree: TreeIndex, nodes: set[str], links: set[str]) -> set[str]:
    """Keys of the rows to hide: rows not shown whose parent row is shown (or that are top-level)."""
    hidden = {node_id for node_id in tree.child_ids(None) if node_id not in nodes}
    for node_id in nodes:
        hidden.update(child for child in tree.child_ids(node_id) if child not in nodes)
    hidden.update(f"link:{link.id}" for link in tree.links.values() if link.target_id in nodes and link.id not in links)
    return hidden


def branches(tree: TreeIndex) -> Iterator[tuple[str, int]]:
    """(node id, depth) of every node with rows under it (children, or cross-links that end at it); a goal is at
    depth 0. Only those nodes are visited (not the thousands of projects under them)."""
    nodes = tree.nodes
    with_rows = {node_id for node_id, below in tree.children.items() if below and node_id in nodes}
    with_rows.update(link.target_id for link in tree.links.values() if link.target_id in nodes)
    for node_id in with_rows:
        yield node_id, len(tree.ancestors(node_id))
