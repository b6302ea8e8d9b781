"""The steering-group meeting cycle: meetings, their members, the decision log and meeting snapshots.

Same conventions as :mod:`register.service`: each public method is one user action in one short
transaction, validates its input, writes an audit entry and returns plain records. Every update takes
the version the caller read and is refused with a :class:`~register.errors.ConflictError` when the row
changed meanwhile.

A project's "help needed" becomes an open request for help (:meth:`MeetingService.sync_help_requests`),
which stays on the agenda of every following meeting until the steering group records its answer.
Closing a meeting freezes what the group saw: the register's exchange document and the decision log,
compressed, with the SHA-256 of the document (:meth:`MeetingService.close_meeting`); undoing that
reopens it and removes the snapshot (:meth:`MeetingService.reopen_meeting`).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from register import validation as check
from register.errors import ConflictError, NotFoundError, StorageError, ValidationError
from register.i18n import _
from register.model import (
    ITEM_KINDS,
    ITEM_STATES,
    MEETING_STATES,
    MEMBER_ROLES,
    LogItem,
    LogItemNode,
    Meeting,
    MeetingMember,
    MeetingSnapshot,
    Node,
    StatusUpdate,
    new_id,
)
from register.records import LogItemRecord, MeetingRecord, MemberRecord
from register.service import RegisterService, utc_now
from register.vocabulary import ITEM_KIND_NAMES, MEETING_STATE_NAMES, MEMBER_ROLE_NAMES

SNAPSHOT_FORMAT = "improvement-register-meeting-snapshot"
SNAPSHOT_VERSION = 1

#: Names shown to users (translate with ``_`` where shown); they live with the vocabulary the window loads early.
STATE_NAMES, ROLE_NAMES, KIND_NAMES = MEETING_STATE_NAMES, MEMBER_ROLE_NAMES, ITEM_KIND_NAMES


def meeting_record(row: Meeting) -> MeetingRecord:
    return MeetingRecord(row.id, row.date, row.title, row.case_number, row.location, row.state, row.version)


def member_record(row: MeetingMember) -> MemberRecord:
    return MemberRecord(row.id, row.meeting_id, row.name, row.role, row.position, row.version)


def _item_record(row: LogItem, node_ids: Iterable[str]) -> LogItemRecord:
    return LogItemRecord(
        row.id, row.kind, row.text, row.owner, row.deadline, row.state, row.answer, row.raised_meeting_id,
        row.answered_meeting_id, row.source_status_id, row.created, tuple(sorted(node_ids)), row.version,
    )  # fmt: skip


@dataclass(frozen=True)
class Agenda:
    """What a meeting must deal with: open requests for help, overdue actions, and its other open items."""

    meeting: MeetingRecord
    requests: list[LogItemRecord]
    overdue: list[LogItemRecord]
    other_open: list[LogItemRecord]
    answered_here: list[LogItemRecord]


class MeetingService:
    """Meetings, members and the decision log of one register, on behalf of the service's user."""

    def __init__(self, service: RegisterService) -> None:
        self.service = service
        self.db = service.db

    # ------------------------------------------------------------------ helpers

    def _audit(self, session: Session, entity: str, entity_id: str, node_id: str | None, action: str,
               changes: Mapping[str, Any]) -> None:  # fmt: skip
        self.service._audit(session, entity, entity_id, node_id, action, changes)

    def _check_version(self, session: Session, row: Any, expected: int, what: str) -> None:
        if not isinstance(expected, int) or isinstance(expected, bool):
            raise ValidationError(_("The version you read is needed to change {what}.").format(what=what))
        if row.version != expected:
            raise self._conflict(session, what, row.id)

    @staticmethod
    def _conflict(session: Session, what: str, entity_id: str) -> ConflictError:
        from register.model import AuditEntry

        last = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        if last is None:
            return ConflictError(
                _("{what} was changed after you opened it. Reload to see the change; nothing was overwritten.").format(
                    what=what
                )
            )
        return ConflictError(
            _(
                "{what} was changed by {user} at {when} after you opened it. "
                "Reload to see the change; nothing was overwritten."
            ).format(what=what, user=last.user, when=f"{last.at:%Y-%m-%d %H:%M}")
        )

    @staticmethod
    def _meeting(session: Session, meeting_id: str) -> Meeting:
        row = session.get(Meeting, meeting_id) if isinstance(meeting_id, str) else None
        if row is None:
            raise NotFoundError(_("No meeting with id {id} exists in this register.").format(id=meeting_id))
        return row

    def _open_meeting(self, session: Session, meeting_id: str) -> Meeting:
        row = self._meeting(session, meeting_id)
        if row.state == "closed":
            raise ValidationError(
                _("The meeting '{title}' of {date} is closed; what it decided is frozen.").format(
                    title=row.title, date=row.date.isoformat()
                )
            )
        return row

    @staticmethod
    def _item(session: Session, item_id: str) -> LogItem:
        row = session.get(LogItem, item_id) if isinstance(item_id, str) else None
        if row is None:
            raise NotFoundError(_("No decision-log item with id {id} exists in this register.").format(id=item_id))
        return row

    @staticmethod
    def _node_ids(session: Session, item_id: str) -> list[str]:
        return sorted(session.scalars(select(LogItemNode.node_id).where(LogItemNode.item_id == item_id)))

    def _record(self, session: Session, row: LogItem) -> LogItemRecord:
        return _item_record(row, self._node_ids(session, row.id))

    @staticmethod
    def _meeting_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "date" in fields:
            values["date"] = check.parse_date(fields["date"], _("meeting date"))
        if "title" in fields:
            values["title"] = check.title(fields["title"], _("meeting title"))
        if "case_number" in fields:
            values["case_number"] = check.text(fields["case_number"], _("case number"), limit=100)
        if "location" in fields:
            values["location"] = check.text(fields["location"], _("location"), limit=300)
        return values

    @staticmethod
    def _check_nodes(session: Session, node_ids: Iterable[str]) -> list[str]:
        ids = sorted(set(node_ids))
        for node_id in ids:
            if not isinstance(node_id, str) or session.get(Node, node_id) is None:
                raise NotFoundError(_("No node with id {id} exists in this register.").format(id=node_id))
        return ids

    @staticmethod
    def _item_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "kind" in fields:
            values["kind"] = check.choice(fields["kind"], ITEM_KINDS, _("kind"))
        if "text" in fields:
            values["text"] = check.text(fields["text"], _("text"), required=True, limit=4000)
        if "owner" in fields:
            values["owner"] = check.text(fields["owner"], _("owner"), limit=200)
        if "deadline" in fields:
            values["deadline"] = check.parse_date(fields["deadline"], _("deadline"), optional=True)
        return values

    # ------------------------------------------------------------------ meetings

    def list_meetings(self) -> list[MeetingRecord]:
        """Every meeting, oldest first."""
        with self.db.reading() as session:
            rows = session.scalars(select(Meeting).order_by(Meeting.date, Meeting.title, Meeting.id))
            return [meeting_record(row) for row in rows]

    def get_meeting(self, meeting_id: str) -> MeetingRecord:
        with self.db.reading() as session:
            return meeting_record(self._meeting(session, meeting_id))

    def find_meeting(self, id_or_date: str) -> MeetingRecord:
        """A meeting by id, or by its date (ISO or Danish) when one meeting has that date."""
        with self.db.reading() as session:
            row = session.get(Meeting, id_or_date)
            if row is not None:
                return meeting_record(row)
            try:
                when = check.parse_date(id_or_date, _("meeting"))
            except ValidationError:
                raise NotFoundError(_("No meeting has the id or date {value}.").format(value=id_or_date)) from None
            rows = list(session.scalars(select(Meeting).where(Meeting.date == when)))
        if not rows:
            raise NotFoundError(_("No meeting is held on {date}.").format(date=when.isoformat()))
        if len(rows) > 1:
            raise ValidationError(
                _("{count} meetings are held on {date}; give the id instead.").format(
                    count=len(rows), date=when.isoformat()
                )
            )
        return meeting_record(rows[0])

    def create_meeting(
        self, *, date: date | str, title: str, case_number: str = "", location: str = "",
        meeting_id: str | None = None,
    ) -> MeetingRecord:  # fmt: skip
        """Plan a meeting."""
        values = self._meeting_fields({"date": date, "title": title, "case_number": case_number, "location": location})
        with self.db.transaction() as session:
            if meeting_id is not None and session.get(Meeting, meeting_id) is not None:
                raise ValidationError(_("A meeting with id {id} already exists.").format(id=meeting_id))
            row = Meeting(id=meeting_id or new_id(), state="planned", **values)
            session.add(row)
            session.flush()
            self._audit(session, "meeting", row.id, None, "create",
                        {name: [None, self.service._snapshot(row, [name])[name][1]] for name in values})  # fmt: skip
            return meeting_record(row)

    def update_meeting(self, meeting_id: str, version: int, **changes: Any) -> MeetingRecord:
        """Change a meeting's date, title, case number or location (not once it is closed)."""
        unknown = set(changes) - {"date", "title", "case_number", "location"}
        if unknown:
            raise ValidationError(_("Unknown meeting field(s): {names}.").format(names=", ".join(sorted(unknown))))
        values = self._meeting_fields(changes)
        with self.db.transaction() as session:
            row = self._open_meeting(session, meeting_id)
            self._check_version(session, row, version, _("The meeting"))
            diff = self.service._apply(row, values)
            if diff:
                session.flush()
                self._audit(session, "meeting", row.id, None, "update", diff)
            return meeting_record(row)

    def set_meeting_state(self, meeting_id: str, version: int, state: str) -> MeetingRecord:
        """Mark a meeting planned or held; closing is :meth:`close_meeting`."""
        check.choice(state, MEETING_STATES, _("state"))
        if state == "closed":
            raise ValidationError(_("Close a meeting with 'Close meeting'; it freezes what the group saw."))
        with self.db.transaction() as session:
            row = self._open_meeting(session, meeting_id)
            self._check_version(session, row, version, _("The meeting"))
            diff = self.service._apply(row, {"state": state})
            if diff:
                session.flush()
                self._audit(session, "meeting", row.id, None, "update", diff)
            return meeting_record(row)

    def remove_meeting(self, meeting_id: str, version: int) -> tuple[MeetingRecord, list[MemberRecord]]:
        """Remove a meeting that is not closed and has no items; returns it and its members (for undo)."""
        with self.db.transaction() as session:
            row = self._open_meeting(session, meeting_id)
            self._check_version(session, row, version, _("The meeting"))
            used = session.scalars(
                select(LogItem.id).where(
                    (LogItem.raised_meeting_id == row.id) | (LogItem.answered_meeting_id == row.id)
                )
            ).first()
            if used is not None:
                raise ValidationError(
                    _("The meeting '{title}' has decision-log items; move or remove them first.").format(
                        title=row.title
                    )
                )
            members = [
                member_record(m)
                for m in session.scalars(
                    select(MeetingMember).where(MeetingMember.meeting_id == row.id).order_by(MeetingMember.position)
                )
            ]
            record = meeting_record(row)
            session.execute(delete(MeetingMember).where(MeetingMember.meeting_id == row.id))
            session.delete(row)
            self._audit(session, "meeting", record.id, None, "delete",
                        {"title": [record.title, None], "date": [record.date.isoformat(), None],
                         "members": [[m.name for m in members], None]})  # fmt: skip
            return record, members

    # ------------------------------------------------------------------ members

    def members(self, meeting_id: str) -> list[MemberRecord]:
        with self.db.reading() as session:
            rows = session.scalars(
                select(MeetingMember)
                .where(MeetingMember.meeting_id == meeting_id)
                .order_by(MeetingMember.position, MeetingMember.name, MeetingMember.id)
            )
            return [member_record(row) for row in rows]

    def add_member(
        self, meeting_id: str, *, name: str, role: str = "member", member_id: str | None = None,
        position: int | None = None,
    ) -> MemberRecord:  # fmt: skip
        clean_name = check.text(name, _("name"), required=True, limit=200)
        clean_role = check.choice(role, MEMBER_ROLES, _("role"))
        with self.db.transaction() as session:
            meeting = self._open_meeting(session, meeting_id)
            if member_id is not None and session.get(MeetingMember, member_id) is not None:
                raise ValidationError(_("A member with id {id} already exists.").format(id=member_id))
            siblings = list(
                session.scalars(
                    select(MeetingMember)
                    .where(MeetingMember.meeting_id == meeting.id)
                    .order_by(MeetingMember.position, MeetingMember.id)
                )
            )
            index = len(siblings) if position is None else max(0, min(int(position), len(siblings)))
            row = MeetingMember(id=member_id or new_id(), meeting_id=meeting.id, name=clean_name, role=clean_role)
            siblings.insert(index, row)
            session.add(row)
            for number, sibling in enumerate(siblings):
                if sibling.position != number:
                    sibling.position = number
            session.flush()
            self._audit(session, "member", row.id, None, "create",
                        {"meeting": [None, meeting.id], "name": [None, clean_name],
                         "role": [None, clean_role]})  # fmt: skip
            return member_record(row)

    def update_member(self, member_id: str, version: int, **changes: Any) -> MemberRecord:
        unknown = set(changes) - {"name", "role"}
        if unknown:
            raise ValidationError(_("Unknown member field(s): {names}.").format(names=", ".join(sorted(unknown))))
        values: dict[str, Any] = {}
        if "name" in changes:
            values["name"] = check.text(changes["name"], _("name"), required=True, limit=200)
        if "role" in changes:
            values["role"] = check.choice(changes["role"], MEMBER_ROLES, _("role"))
        with self.db.transaction() as session:
            row = session.get(MeetingMember, member_id) if isinstance(member_id, str) else None
            if row is None:
                raise NotFoundError(_("No member with id {id} exists in this register.").format(id=member_id))
            self._open_meeting(session, row.meeting_id)
            self._check_version(session, row, version, _("The member"))
            diff = self.service._apply(row, values)
            if diff:
                session.flush()
                self._audit(session, "member", row.id, None, "update", diff)
            return member_record(row)

    def remove_member(self, member_id: str) -> MemberRecord:
        with self.db.transaction() as session:
            row = session.get(MeetingMember, member_id) if isinstance(member_id, str) else None
            if row is None:
                raise NotFoundError(_("No member with id {id} exists in this register.").format(id=member_id))
            self._open_meeting(session, row.meeting_id)
            record = member_record(row)
            session.delete(row)
            self._audit(session, "member", record.id, None, "delete",
                        {"name": [record.name, None], "role": [record.role, None]})  # fmt: skip
            return record

    # ------------------------------------------------------------------ the decision log

    def items(self, *, node_id: str | None = None, meeting_id: str | None = None) -> list[LogItemRecord]:
        """Decision-log items (all, those concerning a node, or those raised or answered at a meeting), oldest first."""
        with self.db.reading() as session:
            query = select(LogItem)
            if node_id is not None:
                query = query.where(LogItem.id.in_(select(LogItemNode.item_id).where(LogItemNode.node_id == node_id)))
            if meeting_id is not None:
                query = query.where(
                    (LogItem.raised_meeting_id == meeting_id) | (LogItem.answered_meeting_id == meeting_id)
                )
            rows = list(session.scalars(query.order_by(LogItem.created, LogItem.id)))
            nodes: dict[str, list[str]] = {}
            for item_id, concerned in session.execute(select(LogItemNode.item_id, LogItemNode.node_id)):
                nodes.setdefault(item_id, []).append(concerned)
            return [_item_record(row, nodes.get(row.id, [])) for row in rows]

    def get_item(self, item_id: str) -> LogItemRecord:
        with self.db.reading() as session:
            return self._record(session, self._item(session, item_id))

    def add_item(
        self, *, kind: str, text: str, owner: str = "", deadline: date | str | None = None,
        node_ids: Iterable[str] = (), raised_meeting_id: str | None = None, item_id: str | None = None,
        created: date | None = None,
    ) -> LogItemRecord:  # fmt: skip
        """Record a decision, an action or a request for help (concerning one or more nodes)."""
        values = self._item_fields({"kind": kind, "text": text, "owner": owner, "deadline": deadline})
        with self.db.transaction() as session:
            if item_id is not None and session.get(LogItem, item_id) is not None:
                raise ValidationError(_("A decision-log item with id {id} already exists.").format(id=item_id))
            ids = self._check_nodes(session, node_ids)
            if raised_meeting_id is not None:
                self._open_meeting(session, raised_meeting_id)
            row = LogItem(
                id=item_id or new_id(), state="open", answer="", raised_meeting_id=raised_meeting_id,
                created=created or utc_now().date(), **values,
            )  # fmt: skip
            session.add(row)
            session.add_all(LogItemNode(item_id=row.id, node_id=node_id) for node_id in ids)
            session.flush()
            self._audit(session, "log_item", row.id, ids[0] if ids else None, "create",
                        {"kind": [None, row.kind], "text": [None, row.text], "owner": [None, row.owner],
                         "deadline": [None, check_iso(row.deadline)], "nodes": [None, ids],
                         "raised_meeting": [None, raised_meeting_id]})  # fmt: skip
            return _item_record(row, ids)

    def update_item(self, item_id: str, version: int, **changes: Any) -> LogItemRecord:
        """Change an item's kind, text, owner, deadline or the nodes it concerns."""
        unknown = set(changes) - {"kind", "text", "owner", "deadline", "node_ids"}
        if unknown:
            raise ValidationError(_("Unknown item field(s): {names}.").format(names=", ".join(sorted(unknown))))
        values = self._item_fields(changes)
        with self.db.transaction() as session:
            row = self._item(session, item_id)
            self._check_version(session, row, version, _("The decision-log item"))
            diff = self.service._apply(row, values)
            old_nodes = self._node_ids(session, row.id)
            if "node_ids" in changes:
                new_nodes = self._check_nodes(session, changes["node_ids"])
                if new_nodes != old_nodes:
                    session.execute(delete(LogItemNode).where(LogItemNode.item_id == row.id))
                    session.add_all(LogItemNode(item_id=row.id, node_id=node_id) for node_id in new_nodes)
                    diff["nodes"] = [old_nodes, new_nodes]
                    old_nodes = new_nodes
                    flag_modified(row, "text")  # the item's version counts its nodes too
            if diff:
                session.flush()
                self._audit(session, "log_item", row.id, old_nodes[0] if old_nodes else None, "update", diff)
            return _item_record(row, old_nodes)

    def answer_item(
        self, item_id: str, version: int, *, state: str, answer: str = "", meeting_id: str | None = None
    ) -> LogItemRecord:
        """Record the steering group's answer: decided/done or dropped (or open again), at a meeting."""
        clean_state = check.choice(state, ITEM_STATES, _("state"))
        clean_answer = check.text(answer, _("answer"), limit=4000)
        with self.db.transaction() as session:
            row = self._item(session, item_id)
            self._check_version(session, row, version, _("The decision-log item"))
            if meeting_id is not None:
                self._open_meeting(session, meeting_id)
            if clean_state == "open":
                meeting_id = None
            if row.answered_meeting_id is not None and row.answered_meeting_id != meeting_id:
                self._open_meeting(session, row.answered_meeting_id)
            diff = self.service._apply(
                row, {"state": clean_state, "answer": clean_answer, "answered_meeting_id": meeting_id}
            )
            nodes = self._node_ids(session, row.id)
            if diff:
                session.flush()
                self._audit(session, "log_item", row.id, nodes[0] if nodes else None, "answer", diff)
            return _item_record(row, nodes)

    def remove_item(self, item_id: str) -> LogItemRecord:
        """Remove an item entered by mistake (returned, so undo can add it back with its id)."""
        with self.db.transaction() as session:
            row = self._item(session, item_id)
            if row.source_status_id is not None:
                raise ValidationError(
                    _("This request comes from a project's status update; record it as dropped instead.")
                )
            for meeting_id in (row.raised_meeting_id, row.answered_meeting_id):
                if meeting_id is not None:
                    self._open_meeting(session, meeting_id)
            record = self._record(session, row)
            session.execute(delete(LogItemNode).where(LogItemNode.item_id == row.id))
            session.delete(row)
            self._audit(session, "log_item", record.id, record.node_ids[0] if record.node_ids else None, "delete",
                        {"kind": [record.kind, None], "text": [record.text, None],
                         "nodes": [list(record.node_ids), None]})  # fmt: skip
            return record

    def sync_help_requests(self, node_ids: Collection[str] | None = None) -> list[LogItemRecord]:
        """Make the latest "help needed" of every project (or only of ``node_ids``, after their status changed)
        an open request for help; returns the new requests.

        The request stays open (and on every following meeting's agenda) until it is answered. A project that
        asks again with the same words while its request is open keeps that one request; one that asks again
        after the answer gets a new one. A request whose status update was removed (an undo) and that was never
        answered goes with it.
        """
        scope = sorted(set(node_ids)) if node_ids is not None else None
        with self.db.transaction() as session:
            latest = self.service._latest_statuses(session, scope)
            archived = select(Node.id).where(Node.archived_at.is_not(None))
            if scope is not None:
                archived = archived.where(Node.id.in_(scope))
            hidden = set(session.scalars(archived))
            requests = select(LogItem).where(LogItem.source_status_id.is_not(None))
            if scope is not None:
                concerning = select(LogItemNode.item_id).where(LogItemNode.node_id.in_(scope))
                requests = requests.where(LogItem.id.in_(concerning))
            auto = list(session.scalars(requests))
            # The nodes of every automatic request and which of their status updates still exist, in two queries.
            nodes_of: dict[str, list[str]] = {row.id: [] for row in auto}
            for item_id, node_id in session.execute(
                select(LogItemNode.item_id, LogItemNode.node_id).where(LogItemNode.item_id.in_(list(nodes_of)))
            ):
                nodes_of[item_id].append(node_id)
            sources = [row.source_status_id for row in auto]
            statuses = set(session.scalars(select(StatusUpdate.id).where(StatusUpdate.id.in_(sources))))
            by_source = {row.source_status_id: row for row in auto}
            created: list[LogItemRecord] = []
            for row in auto:
                if row.source_status_id not in statuses and row.state == "open" and row.answered_meeting_id is None:
                    nodes = sorted(nodes_of[row.id])
                    session.execute(delete(LogItemNode).where(LogItemNode.item_id == row.id))
                    session.delete(row)
                    del by_source[row.source_status_id]
                    self._audit(session, "log_item", row.id, nodes[0] if nodes else None, "delete",
                                {"text": [row.text, None], "reason": [None, "status update removed"]})  # fmt: skip
            open_requests: dict[tuple[str, str], LogItem] = {}
            for row in by_source.values():
                if row.state == "open":
                    for node_id in nodes_of[row.id]:
                        open_requests[(node_id, _normalise(row.text))] = row
            for node_id, status in sorted(latest.items(), key=lambda item: (item[1].date, item[1].id)):
                wanted = status.help_needed.strip()
                if not wanted or node_id in hidden or status.id in by_source:
                    continue
                same = open_requests.get((node_id, _normalise(wanted)))
                if same is not None:
                    same.source_status_id = status.id
                    continue
                project = session.get(Node, node_id)
                row = LogItem(
                    id=new_id(), kind="request", text=wanted, owner=project.lead if project else "", state="open",
                    answer="", source_status_id=status.id, created=status.date,
                )  # fmt: skip
                session.add(row)
                session.add(LogItemNode(item_id=row.id, node_id=node_id))
                session.flush()
                self._audit(session, "log_item", row.id, node_id, "create",
                            {"kind": [None, "request"], "text": [None, wanted],
                             "status_update": [None, status.id]})  # fmt: skip
                created.append(_item_record(row, [node_id]))
            return created

    def agenda(self, meeting_id: str) -> Agenda:
        """A meeting's agenda: open requests for help and overdue actions first, then its other open items."""
        self.sync_help_requests()
        meeting = self.get_meeting(meeting_id)
        items = self.items()
        open_items = [item for item in items if item.state == "open" and item.created <= meeting.date]
        requests = [item for item in open_items if item.kind == "request"]
        overdue = [item for item in open_items if item.is_overdue(meeting.date)]
        rest = [item for item in open_items if item not in requests and item not in overdue]
        answered = [item for item in items if item.answered_meeting_id == meeting.id]
        return Agenda(meeting, requests, overdue, rest, answered)

    def open_requests_by_node(self) -> dict[str, list[LogItemRecord]]:
        """Open requests for help per node they concern (for the marks in the tree and the diagram)."""
        found: dict[str, list[LogItemRecord]] = {}
        for item in self.items():
            if item.kind == "request" and item.state == "open":
                for node_id in item.node_ids:
                    found.setdefault(node_id, []).append(item)
        return found

    # ------------------------------------------------------------------ snapshots

    def log_document(self) -> dict[str, Any]:
        """Meetings (with members) and the decision log as plain JSON-ready data, in a stable order."""
        meetings = self.list_meetings()
        with self.db.reading() as session:
            members: dict[str, list[MeetingMember]] = {}
            for row in session.scalars(select(MeetingMember).order_by(MeetingMember.position, MeetingMember.id)):
                members.setdefault(row.meeting_id, []).append(row)
        return {
            "meetings": [
                {"id": m.id, "date": m.date.isoformat(), "title": m.title, "case_number": m.case_number,
                 "location": m.location, "state": m.state,
                 "members": [{"id": r.id, "name": r.name, "role": r.role} for r in members.get(m.id, [])]}
                for m in meetings
            ],
            "items": [
                {"id": i.id, "kind": i.kind, "text": i.text, "owner": i.owner, "deadline": check_iso(i.deadline),
                 "state": i.state, "answer": i.answer, "raised_meeting": i.raised_meeting_id,
                 "answered_meeting": i.answered_meeting_id, "source_status": i.source_status_id,
                 "created": i.created.isoformat(), "nodes": list(i.node_ids)}
                for i in self.items()
            ],
        }  # fmt: skip

    def current_document(self, meeting_id: str | None = None) -> dict[str, Any]:
        """The register and the decision log now, as a snapshot document (for ``meeting_id``'s pack)."""
        from register.exchange import export_data

        self.sync_help_requests()
        return {
            "format": SNAPSHOT_FORMAT,
            "version": SNAPSHOT_VERSION,
            "meeting": meeting_id,
            "register": export_data(self.service, meetings=False),
            "log": self.log_document(),
        }

    def close_meeting(self, meeting_id: str, version: int) -> MeetingRecord:
        """Close a meeting and freeze what the group saw (register and decision log) with the meeting."""
        with self.db.reading() as session:
            row = self._open_meeting(session, meeting_id)
            self._check_version(session, row, version, _("The meeting"))
        document = self.current_document(meeting_id)
        for entry in document["log"]["meetings"]:
            if entry["id"] == meeting_id:
                entry["state"] = "closed"
        payload = canonical_json(document)
        digest = hashlib.sha256(payload).hexdigest()
        compressed = zlib.compress(payload, 9)
        with self.db.transaction() as session:
            row = self._open_meeting(session, meeting_id)
            self._check_version(session, row, version, _("The meeting"))
            if log_changed(session, document):
                raise ConflictError(_("The decision log changed while the meeting was being closed; try again."))
            old_state = row.state
            row.state = "closed"
            row.closed_at = utc_now()
            session.add(MeetingSnapshot(meeting_id=row.id, taken_at=row.closed_at, sha256=digest, document=compressed))
            session.flush()
            self._audit(session, "meeting", row.id, None, "close",
                        {"state": [old_state, "closed"], "snapshot_sha256": [None, digest]})  # fmt: skip
            return meeting_record(row)

    def reopen_meeting(self, meeting_id: str, version: int, state: str = "held") -> MeetingRecord:
        """Undo closing a meeting: back to ``state`` (planned or held), its snapshot removed, in one transaction.

        Refused while a later meeting is closed: that meeting's pack compares with this meeting's snapshot.
        """
        clean_state = check.choice(state, MEETING_STATES, _("state"))
        if clean_state == "closed":
            raise ValidationError(_("A meeting is reopened as planned or held, not as closed."))
        with self.db.transaction() as session:
            row = self._meeting(session, meeting_id)
            self._check_version(session, row, version, _("The meeting"))
            if row.state != "closed":
                raise ValidationError(
                    _("The meeting '{title}' of {date} is not closed, so it cannot be reopened.").format(
                        title=row.title, date=row.date.isoformat()
                    )
                )
            key = (row.date, row.title, row.id)
            later = [
                other
                for other in session.scalars(select(Meeting).where(Meeting.state == "closed", Meeting.id != row.id))
                if (other.date, other.title, other.id) > key
            ]
            if later:
                first = min(later, key=lambda other: (other.date, other.title, other.id))
                raise ValidationError(
                    _(
                        "The later meeting '{title}' of {date} is closed and compares with this one; reopen it first."
                    ).format(title=first.title, date=first.date.isoformat())
                )
            snapshot = session.get(MeetingSnapshot, row.id)
            digest = snapshot.sha256 if snapshot is not None else None
            if snapshot is not None:
                session.delete(snapshot)
            row.state = clean_state
            row.closed_at = None
            session.flush()
            self._audit(session, "meeting", row.id, None, "reopen",
                        {"state": ["closed", clean_state], "snapshot_sha256": [digest, None]})  # fmt: skip
            return meeting_record(row)

    def snapshot(self, meeting_id: str) -> dict[str, Any]:
        """The document frozen when the meeting closed (its hash checked)."""
        with self.db.reading() as session:
            meeting = self._meeting(session, meeting_id)
            row = session.get(MeetingSnapshot, meeting_id)
            if row is None:
                raise NotFoundError(
                    _("The meeting '{title}' of {date} is not closed, so it has no snapshot.").format(
                        title=meeting.title, date=meeting.date.isoformat()
                    )
                )
            compressed, digest = bytes(row.document), row.sha256
        try:
            payload = zlib.decompress(compressed)
        except zlib.error:
            payload = b""
        if hashlib.sha256(payload).hexdigest() != digest:
            raise StorageError(
                _("The snapshot of the meeting of {date} is damaged (its SHA-256 does not match).").format(
                    date=meeting.date.isoformat()
                )
            )
        return json.loads(payload.decode("utf-8"))

    def snapshot_hash(self, meeting_id: str) -> str | None:
        with self.db.reading() as session:
            row = session.get(MeetingSnapshot, meeting_id)
            return row.sha256 if row else None

    def previous_closed(self, meeting: MeetingRecord | None = None) -> MeetingRecord | None:
        """The last closed meeting before ``meeting`` (by date), or the last closed one of all (None)."""
        closed = [m for m in self.list_meetings() if m.state == "closed"]
        if meeting is not None:
            closed = [m for m in closed if (m.date, m.title, m.id) < (meeting.date, meeting.title, meeting.id)]
        return closed[-1] if closed else None

    def pack_documents(self, meeting_id: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The documents a meeting's pack is made from: (what it shows, the previous closed meeting's snapshot).

        A closed meeting shows its own snapshot, so its pack regenerates identically; any other shows the
        register now.
        """
        meeting = self.get_meeting(meeting_id)
        current = self.snapshot(meeting.id) if meeting.state == "closed" else self.current_document(meeting.id)
        previous = self.previous_closed(meeting)
        return current, (self.snapshot(previous.id) if previous else None)


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def canonical_json(document: Mapping[str, Any]) -> bytes:
    """The bytes a snapshot's hash is taken of: sorted keys, no extra spaces, UTF-8."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def log_changed(session: Session, document: Mapping[str, Any]) -> bool:
    """True when the decision log in ``session`` no longer holds the items of ``document``."""
    stored = {item["id"]: item["state"] for item in document["log"]["items"]}
    now = {row[0]: row[1] for row in session.execute(select(LogItem.id, LogItem.state))}
    return stored != now
