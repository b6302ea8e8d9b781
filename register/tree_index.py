"""An in-memory index of the live driver-diagram tree, kept in step with the register.

The desktop app's item models and the diagram read from one :class:`TreeIndex`; the document that
owns it applies each change the service layer reports, so nothing has to reload the whole tree
after an edit. Plain Python: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from register.records import LinkRecord, NodeRecord, StatusRecord, TreeSnapshot

#: A project whose latest status is older than this many weeks (or that has none) is stale.
STALE_AFTER_WEEKS = 4


class TreeIndex:
    """Nodes by id, ordered children, links by end and each project's latest status."""

    def __init__(self, snapshot: TreeSnapshot | None = None) -> None:
        self.title = ""
        self.nodes: dict[str, NodeRecord] = {}
        self.children: dict[str | None, list[str]] = {None: []}
        self.links: dict[str, LinkRecord] = {}
        self._links_by_end: dict[tuple[str, str], set[str]] = {}  # ("source" | "target", node id) -> link ids
        self.latest_status: dict[str, StatusRecord] = {}
        if snapshot is not None:
            self.reset(snapshot)

    def same_tree(self, other: TreeIndex) -> bool:
        """True when ``other`` holds the same title, nodes in the same places, links and latest statuses."""
        return (self.title, self.nodes, self.children, self.links, self.latest_status) == (
            other.title, other.nodes, other.children, other.links, other.latest_status)  # fmt: skip

    def reset(self, snapshot: TreeSnapshot) -> None:
        """Replace everything with a freshly loaded snapshot."""
        self.title = snapshot.title
        self.nodes = {node.id: node for node in snapshot.nodes}
        self.children = {None: []}
        for parent_id, siblings in snapshot.children_of().items():
            self.children[parent_id] = [node.id for node in siblings]
        self.links = {}
        self._links_by_end = {}
        for link in snapshot.links:
            self.put_link(link)
        self.latest_status = dict(snapshot.latest_status)

    # ------------------------------------------------------------------ reading

    def child_ids(self, parent_id: str | None) -> list[str]:
        return self.children.get(parent_id, [])

    def row_of(self, node_id: str) -> int:
        """The node's place among its siblings."""
        return self.child_ids(self.nodes[node_id].parent_id).index(node_id)

    def links_to(self, target_id: str) -> list[LinkRecord]:
        """Cross-links that end at a driver, ordered by the source's title (then id) for a stable order."""
        found = [self.links[link_id] for link_id in self._links_by_end.get(("target", target_id), ())]
        found.sort(key=lambda link: (self.nodes[link.source_id].title.casefold(), link.id))
        return found

    def links_from(self, source_id: str) -> list[LinkRecord]:
        found = [self.links[link_id] for link_id in self._links_by_end.get(("source", source_id), ())]
        return sorted(found, key=lambda link: link.id)

    def ancestors(self, node_id: str) -> list[NodeRecord]:
        """The chain from the node's parent up to its goal."""
        chain = []
        parent_id = self.nodes[node_id].parent_id
        while parent_id is not None and parent_id in self.nodes:
            chain.append(self.nodes[parent_id])
            parent_id = self.nodes[parent_id].parent_id
        return chain

    def ancestor_of_kind(self, node_id: str, kind: str) -> NodeRecord | None:
        return next((node for node in self.ancestors(node_id) if node.kind == kind), None)

    def subtree(self, node_id: str) -> list[str]:
        """The node and everything under it, parents before children."""
        result, index = [node_id], 0
        while index < len(result):
            result.extend(self.child_ids(result[index]))
            index += 1
        return result

    def projects(self) -> Iterator[NodeRecord]:
        """Every project in tree order."""
        for node_id in self.subtree_order():
            node = self.nodes[node_id]
            if node.kind == "project":
                yield node

    def subtree_order(self) -> list[str]:
        """All node ids in depth-first tree order."""
        order: list[str] = []
        stack = list(reversed(self.child_ids(None)))
        while stack:
            node_id = stack.pop()
            order.append(node_id)
            stack.extend(reversed(self.child_ids(node_id)))
        return order

    def weeks_since_update(self, node_id: str, today: date | None = None) -> int | None:
        """Whole weeks since a project's latest status update; None when it has none."""
        status = self.latest_status.get(node_id)
        if status is None:
            return None
        return max(0, ((today or date.today()) - status.date).days // 7)

    def is_stale(self, node_id: str, today: date | None = None, after_weeks: int = STALE_AFTER_WEEKS) -> bool:
        """True for a project nobody has updated for ``after_weeks`` weeks, or ever (closed ones excepted)."""
        node = self.nodes[node_id]
        if node.kind != "project" or node.stage == "closed":
            return False
        weeks = self.weeks_since_update(node_id, today)
        return weeks is None or weeks >= after_weeks

    # ------------------------------------------------------------------ applying changes

    def put_node(self, record: NodeRecord) -> None:
        """Insert a new node at ``record.position`` or update one (moving it if its parent or place changed)."""
        old = self.nodes.get(record.id)
        if old is not None:
            self.children[old.parent_id].remove(record.id)
        siblings = self.children.setdefault(record.parent_id, [])
        siblings.insert(min(record.position, len(siblings)), record.id)
        self.children.setdefault(record.id, [])
        self.nodes[record.id] = record

    def refresh_nodes(self, records: list[NodeRecord]) -> None:
        """Take newer versions of nodes whose place did not change (after siblings were renumbered)."""
        for record in records:
            if record.id in self.nodes:
                self.nodes[record.id] = record

    def remove_subtree(self, node_id: str) -> tuple[list[str], list[str]]:
        """Remove a node and everything under it; return (node ids, link ids) that went with it."""
        ids = self.subtree(node_id)
        gone = set(ids)
        self.children[self.nodes[node_id].parent_id].remove(node_id)
        link_ids = [link.id for link in self.links.values() if link.source_id in gone or link.target_id in gone]
        for link_id in link_ids:
            self.remove_link(link_id)
        for removed in ids:
            self.children.pop(removed, None)
            self.latest_status.pop(removed, None)
            del self.nodes[removed]
        return ids, link_ids

    def put_link(self, record: LinkRecord) -> None:
        if record.id in self.links:
            self.remove_link(record.id)
        self.links[record.id] = record
        self._links_by_end.setdefault(("source", record.source_id), set()).add(record.id)
        self._links_by_end.setdefault(("target", record.target_id), set()).add(record.id)

    def remove_link(self, link_id: str) -> LinkRecord:
        record = self.links.pop(link_id)
        self._links_by_end[("source", record.source_id)].discard(link_id)
        self._links_by_end[("target", record.target_id)].discard(link_id)
        return record

    def set_latest_status(self, node_id: str, record: StatusRecord | None) -> None:
        if record is None:
            self.latest_status.pop(node_id, None)
        else:
            self.latest_status[node_id] = record
