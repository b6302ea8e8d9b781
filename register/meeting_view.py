"""A register as a meeting saw it, read from a snapshot document, and what changed between two of them.

A snapshot document (:meth:`register.meetings.MeetingService.current_document`) holds the register's
exchange document and the decision log. :class:`RegisterView` reads one into plain records, so a meeting
pack is made the same way from the register now and from a closed meeting's frozen snapshot (and so
regenerates identically). :func:`changes_between` lists what changed from one view to another: nodes added,
archived, restored, moved or renamed; links added or removed; RAG and stage changes; new status updates; new
signals in measures; items decided or overdue. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from register.charts import Reading, chart_data, read_chart
from register.records import (
    AnnotationRecord,
    LinkRecord,
    LogItemRecord,
    MeasureRecord,
    MeetingRecord,
    MemberRecord,
    NodeRecord,
    ObservationRecord,
    StatusRecord,
    TreeSnapshot,
)
from register.tree_index import STALE_AFTER_WEEKS

#: Reading kinds that are a signal (the others are "no signal" and "too little data").
SIGNAL_KINDS = ("worsening", "improvement", "signal")

#: The kinds of change, in the order the change list shows them.
CHANGE_KINDS = (
    "node_added", "node_archived", "node_restored", "node_moved", "node_renamed", "link_added", "link_removed",
    "rag_changed", "stage_changed", "status_added", "signal_new", "item_decided", "item_overdue",
)  # fmt: skip


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass
class RegisterView:
    """A register (from a snapshot document) as plain records, seen on ``on`` (for stale and overdue)."""

    title: str
    on: date
    nodes: dict[str, NodeRecord]
    links: list[LinkRecord]
    statuses: dict[str, list[StatusRecord]]
    measures: list[MeasureRecord]
    observations: dict[str, list[ObservationRecord]]
    annotations: dict[str, list[AnnotationRecord]]
    meetings: list[MeetingRecord]
    members: dict[str, list[MemberRecord]]
    items: list[LogItemRecord]
    hidden: set[str] = field(default_factory=set)
    _readings: dict[str, Reading] | None = None

    @classmethod
    def from_document(cls, document: Mapping[str, Any], on: date) -> RegisterView:
        register = document["register"]
        nodes = {
            n["id"]: NodeRecord(
                n["id"], n["kind"], n["title"], n.get("description", ""), n.get("parent"), n.get("position", 0),
                n.get("lead", ""), n.get("unit", ""), _date(n.get("start")), _date(n.get("end")), n.get("stage"),
                bool(n.get("archived")), 0,
            )
            for n in register["nodes"]
        }  # fmt: skip
        links = [LinkRecord(r["id"], r["source"], r["target"], r["strength"], 0) for r in register["links"]]
        statuses: dict[str, list[StatusRecord]] = {}
        for r in register["status_updates"]:
            statuses.setdefault(r["node"], []).append(
                StatusRecord(
                    r["id"],
                    r["node"],
                    date.fromisoformat(r["date"]),
                    r.get("author", ""),
                    r["rag"],
                    r.get("progress"),
                    r.get("summary", ""),
                    r.get("next_steps", ""),
                    r.get("help_needed", ""),
                    0,
                )
            )
        for history in statuses.values():
            history.sort(key=lambda s: (s.date, s.id))
        measures = [
            MeasureRecord(r["id"], r["node"], r["name"], r.get("type", "outcome"), r.get("definition", ""),
                          r.get("unit", ""), r.get("chart", "run"), r.get("improvement"), r.get("target"),
                          r.get("rules", "anhoej"), r.get("baseline"), index, bool(r.get("archived")), 0)
            for index, r in enumerate(register["measures"])
        ]  # fmt: skip
        observations: dict[str, list[ObservationRecord]] = {}
        for r in register["observations"]:
            observations.setdefault(r["measure"], []).append(
                ObservationRecord(
                    r["id"],
                    r["measure"],
                    date.fromisoformat(r["date"]),
                    r["value"],
                    r.get("denominator"),
                    r.get("note", ""),
                    bool(r.get("excluded")),
                    r.get("exclude_reason", ""),
                    0,
                )
            )
        annotations: dict[str, list[AnnotationRecord]] = {}
        for r in register["annotations"]:
            annotations.setdefault(r["measure"], []).append(
                AnnotationRecord(
                    r["id"],
                    r["measure"],
                    date.fromisoformat(r["date"]),
                    r.get("text", ""),
                    bool(r.get("phase_break")),
                    0,
                )
            )
        log = document.get("log", {"meetings": [], "items": []})
        meetings, members = [], {}
        for m in log["meetings"]:
            meetings.append(MeetingRecord(m["id"], date.fromisoformat(m["date"]), m["title"], m["case_number"],
                                          m["location"], m["state"], 0))  # fmt: skip
            members[m["id"]] = [
                MemberRecord(r["id"], m["id"], r["name"], r["role"], index, 0) for index, r in enumerate(m["members"])
            ]
        items = [
            LogItemRecord(i["id"], i["kind"], i["text"], i["owner"], _date(i["deadline"]), i["state"], i["answer"],
                          i["raised_meeting"], i["answered_meeting"], i["source_status"],
                          date.fromisoformat(i["created"]), tuple(i["nodes"]), 0)
            for i in log["items"]
        ]  # fmt: skip
        view = cls(register.get("title", ""), on, nodes, links, statuses, measures, observations, annotations,
                   meetings, members, items)  # fmt: skip
        view.hidden = view._hidden()
        return view

    def _hidden(self) -> set[str]:
        hidden: set[str] = set()
        for node_id in self.nodes:
            chain, current = [], self.nodes.get(node_id)
            while current is not None:
                chain.append(current.id)
                if current.archived or current.id in hidden:
                    hidden.update(chain)
                    break
                current = self.nodes.get(current.parent_id) if current.parent_id else None
        return hidden

    # ------------------------------------------------------------------ reading

    def is_live(self, node_id: str) -> bool:
        return node_id in self.nodes and node_id not in self.hidden

    def live_nodes(self) -> list[NodeRecord]:
        return [node for node in self.nodes.values() if node.id not in self.hidden]

    def latest_status(self, node_id: str) -> StatusRecord | None:
        history = self.statuses.get(node_id)
        return history[-1] if history else None

    def tree_snapshot(self) -> TreeSnapshot:
        """Live nodes, live links and latest statuses, for the diagram and the tree index."""
        live = {node.id for node in self.live_nodes()}
        links = [link for link in self.links if link.source_id in live and link.target_id in live]
        latest = {node_id: history[-1] for node_id, history in self.statuses.items() if node_id in live and history}
        return TreeSnapshot(self.live_nodes(), links, latest, self.title)

    def live_projects(self) -> list[NodeRecord]:
        """Live projects in the tree's order (depth first, by position)."""
        children: dict[str | None, list[NodeRecord]] = {}
        for node in self.live_nodes():
            children.setdefault(node.parent_id, []).append(node)
        ordered: list[NodeRecord] = []
        stack = sorted(children.get(None, []), key=lambda n: (n.position, n.title, n.id), reverse=True)
        while stack:
            node = stack.pop()
            if node.kind == "project":
                ordered.append(node)
            stack.extend(sorted(children.get(node.id, []), key=lambda n: (n.position, n.title, n.id), reverse=True))
        return ordered

    def is_stale(self, node_id: str) -> bool:
        """A live project not closed whose last status update is 4 weeks or more before ``on`` (or missing)."""
        node = self.nodes.get(node_id)
        if node is None or node.kind != "project" or node.stage == "closed":
            return False
        latest = self.latest_status(node_id)
        return latest is None or (self.on - latest.date).days // 7 >= STALE_AFTER_WEEKS

    def live_measures(self, node_id: str | None = None) -> list[MeasureRecord]:
        return [m for m in self.measures if not m.archived and self.is_live(m.node_id) and node_id in (None, m.node_id)]

    def readings(self) -> dict[str, Reading]:
        """Each live measure's reading (its evidence kind, sentence and figures), by measure id."""
        return {m.id: self.reading(m.id) for m in self.live_measures()}

    def reading(self, measure_id: str) -> Reading:
        """One live measure's reading (computed once)."""
        if self._readings is not None and measure_id in self._readings:
            return self._readings[measure_id]
        measure = next(m for m in self.measures if m.id == measure_id)
        reading = read_chart(
            chart_data(measure, self.observations.get(measure_id, []), self.annotations.get(measure_id, []))
        )
        if self._readings is None:
            self._readings = {}
        self._readings[measure_id] = reading
        return reading

    def meeting(self, meeting_id: str | None) -> MeetingRecord | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def open_requests(self) -> list[LogItemRecord]:
        return [i for i in self.items if i.kind == "request" and i.state == "open" and i.created <= self.on]

    def overdue_actions(self) -> list[LogItemRecord]:
        return [i for i in self.items if i.is_overdue(self.on)]

    def node_title(self, node_id: str) -> str:
        node = self.nodes.get(node_id)
        return node.title if node else node_id


@dataclass(frozen=True)
class Change:
    """One change between two views: its kind, the node (or item) it is about, and the values before and after."""

    kind: str
    subject: str
    node_id: str | None
    before: str = ""
    after: str = ""


def _rag(view: RegisterView, node_id: str) -> str:
    latest = view.latest_status(node_id)
    return latest.rag if latest else ""


def changes_between(old: RegisterView, new: RegisterView) -> list[Change]:
    """Everything that changed from ``old`` to ``new``, in the order of :data:`CHANGE_KINDS`, then by title.

    Nodes are named by their title in ``new`` (an archived node is still there) or, once purged, in ``old``.
    """
    found: list[Change] = []

    def title(node_id: str) -> str:
        return new.node_title(node_id) if node_id in new.nodes else old.node_title(node_id)

    for node_id in new.nodes.keys() | old.nodes.keys():
        was, now = old.is_live(node_id), new.is_live(node_id)
        if now and node_id not in old.nodes:
            found.append(Change("node_added", title(node_id), node_id, "", new.nodes[node_id].kind))
        elif now and not was:
            found.append(Change("node_restored", title(node_id), node_id))
        elif was and not now:
            found.append(Change("node_archived", title(node_id), node_id))
        if not (was and now):
            continue
        before, after = old.nodes[node_id], new.nodes[node_id]
        if before.parent_id != after.parent_id:
            found.append(Change("node_moved", after.title, node_id, old.node_title(before.parent_id or ""),
                                new.node_title(after.parent_id or "")))  # fmt: skip
        if before.title != after.title:
            found.append(Change("node_renamed", after.title, node_id, before.title, after.title))
        if before.stage != after.stage:
            found.append(Change("stage_changed", after.title, node_id, before.stage or "", after.stage or ""))
        if _rag(old, node_id) != _rag(new, node_id):
            found.append(Change("rag_changed", after.title, node_id, _rag(old, node_id), _rag(new, node_id)))

    def live_links(view: RegisterView) -> dict[tuple[str, str], LinkRecord]:
        return {(lk.source_id, lk.target_id): lk for lk in view.tree_snapshot().links}

    old_links, new_links = live_links(old), live_links(new)
    for key in new_links.keys() - old_links.keys():
        found.append(Change("link_added", title(key[0]), key[0], "", title(key[1])))
    for key in old_links.keys() - new_links.keys():
        found.append(Change("link_removed", title(key[0]), key[0], title(key[1]), ""))

    old_status_ids = {s.id for history in old.statuses.values() for s in history}
    for node_id, history in new.statuses.items():
        for status in history:
            if status.id not in old_status_ids:
                found.append(Change("status_added", title(node_id), node_id, "", status.date.isoformat()))

    old_measures = {m.id: m for m in old.live_measures()}
    for measure in new.live_measures():
        before_measure = old_measures.get(measure.id)
        if before_measure is not None and _same_data(old, new, before_measure, measure):
            continue  # the same data reads the same: no new signal (and no analysis needed)
        reading = new.reading(measure.id)
        before = old.reading(measure.id) if before_measure is not None else None
        if reading.kind in SIGNAL_KINDS and (before is None or before.kind != reading.kind):
            found.append(Change("signal_new", measure.name, measure.node_id, before.kind if before else "",
                                reading.kind))  # fmt: skip

    old_items = {item.id: item for item in old.items}
    for item in new.items:
        before_item = old_items.get(item.id)
        if item.state != "open" and (before_item is None or before_item.state == "open"):
            found.append(Change("item_decided", item.text, item.node_ids[0] if item.node_ids else None,
                                before_item.state if before_item else "", item.state))  # fmt: skip
        if item.is_overdue(new.on) and not (before_item is not None and before_item.is_overdue(old.on)):
            found.append(Change("item_overdue", item.text, item.node_ids[0] if item.node_ids else None, "",
                                item.deadline.isoformat() if item.deadline else ""))  # fmt: skip

    found.sort(key=lambda c: (CHANGE_KINDS.index(c.kind), c.subject.casefold(), c.after, c.node_id or ""))
    return found


def _same_data(old: RegisterView, new: RegisterView, before: MeasureRecord, after: MeasureRecord) -> bool:
    """True when a measure's settings, data and annotations are the same in both views."""
    settings = ("chart", "improvement", "target", "rules", "baseline")
    return (
        all(getattr(before, name) == getattr(after, name) for name in settings)
        and old.observations.get(before.id, []) == new.observations.get(after.id, [])
        and old.annotations.get(before.id, []) == new.annotations.get(after.id, [])
    )


def changed_node_ids(changes: list[Change]) -> set[str]:
    """The nodes the changes are about (for highlighting in the tree and the diagram)."""
    return {change.node_id for change in changes if change.node_id}
