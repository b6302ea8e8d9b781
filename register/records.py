"""Plain, immutable records the service layer returns. They hold no database session, so the UI
can keep them as long as it likes and pass them between threads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class NodeRecord:
    id: str
    kind: str
    title: str
    description: str
    parent_id: str | None
    position: int
    lead: str
    unit: str
    start: date | None
    end: date | None
    stage: str | None
    archived: bool
    version: int


@dataclass(frozen=True, slots=True)
class LinkRecord:
    id: str
    source_id: str
    target_id: str
    strength: str
    version: int


@dataclass(frozen=True, slots=True)
class StatusRecord:
    id: str
    node_id: str
    date: date
    author: str
    rag: str
    progress: float | None
    summary: str
    next_steps: str
    help_needed: str
    version: int


@dataclass(frozen=True, slots=True)
class MeasureRecord:
    id: str
    node_id: str
    name: str
    type: str
    definition: str
    unit: str
    chart: str
    improvement: str | None
    target: float | None
    rules: str
    baseline: int | None
    position: int
    archived: bool
    version: int


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    id: str
    measure_id: str
    date: date
    value: float
    denominator: float | None
    note: str
    excluded: bool
    exclude_reason: str
    version: int


@dataclass(frozen=True, slots=True)
class AnnotationRecord:
    id: str
    measure_id: str
    date: date
    text: str
    phase_break: bool
    version: int


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    user: str
    entity_type: str
    entity_id: str
    node_id: str | None
    action: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class TreeSnapshot:
    """Everything the tree and the diagram show: live nodes, links and each project's latest status."""

    nodes: list[NodeRecord]
    links: list[LinkRecord]
    latest_status: dict[str, StatusRecord]
    title: str = ""

    def children_of(self) -> dict[str | None, list[NodeRecord]]:
        """Nodes grouped by parent id, each group in position order."""
        groups: dict[str | None, list[NodeRecord]] = {}
        for node in self.nodes:
            groups.setdefault(node.parent_id, []).append(node)
        for siblings in groups.values():
            siblings.sort(key=lambda n: (n.position, n.title, n.id))
        return groups


@dataclass(frozen=True)
class DeletionImpact:
    """What goes with a node when it is archived (and what a purge would destroy)."""

    node: NodeRecord
    descendants: dict[str, int] = field(default_factory=dict)
    measures: int = 0
    observations: int = 0
    status_updates: int = 0
    links: int = 0

    @property
    def is_empty(self) -> bool:
        return not (sum(self.descendants.values()) or self.measures or self.status_updates or self.links)


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    id: str
    date: date
    title: str
    case_number: str
    location: str
    state: str
    version: int


@dataclass(frozen=True, slots=True)
class MemberRecord:
    id: str
    meeting_id: str
    name: str
    role: str
    position: int
    version: int


@dataclass(frozen=True, slots=True)
class LogItemRecord:
    """A decision-log item; ``node_ids`` are the nodes it concerns, sorted."""

    id: str
    kind: str
    text: str
    owner: str
    deadline: date | None
    state: str
    answer: str
    raised_meeting_id: str | None
    answered_meeting_id: str | None
    source_status_id: str | None
    created: date
    node_ids: tuple[str, ...]
    version: int

    def is_overdue(self, on: date) -> bool:
        """An open action whose deadline has passed by ``on``."""
        return self.kind == "action" and self.state == "open" and self.deadline is not None and self.deadline < on


def hidden_ids(nodes: Mapping[str, NodeRecord]) -> set[str]:
    """Ids of nodes that are archived or sit under an archived node."""
    hidden: set[str] = set()
    state: dict[str, bool] = {}

    def is_hidden(node_id: str) -> bool:
        chain = []
        current: str | None = node_id
        result = False
        while current is not None:
            if current in state:
                result = state[current]
                break
            node = nodes.get(current)
            if node is None:
                break
            chain.append(current)
            if node.archived:
                result = True
                break
            current = node.parent_id
        for item in chain:
            state[item] = result
        return result

    for node_id in nodes:
        if is_hidden(node_id):
            hidden.add(node_id)
    return hidden


def tree_snapshot(
    node_rows: Iterable[Sequence[Any]],
    link_rows: Iterable[Sequence[Any]],
    latest_status: Mapping[str, StatusRecord],
    title: str,
) -> TreeSnapshot:
    """The live tree from the rows of ``nodes`` (id, kind, title, description, parent_id, position, lead, unit,
    start_date, end_date, stage, archived_at, version) and ``links`` (id, source_id, target_id, strength, version):
    nodes archived or under an archived node, and the links and statuses touching them, are left out."""
    nodes = {row[0]: NodeRecord(*row[:11], row[11] is not None, row[12]) for row in node_rows}
    hidden = hidden_ids(nodes)
    return TreeSnapshot(
        nodes=[node for node in nodes.values() if node.id not in hidden],
        links=[LinkRecord(*row) for row in link_rows if row[1] not in hidden and row[2] not in hidden],
        latest_status={k: v for k, v in latest_status.items() if k not in hidden},
        title=title,
    )
