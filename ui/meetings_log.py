"""The open register's meetings, members and decision log, for the window.

A thin layer over :class:`register.meetings.MeetingService`: it keeps the records last read (so every
update passes the version the window showed), and says what changed with a signal, so the Meetings tab,
the node editor and the "Since last meeting" view refresh only what they show.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from register.meeting_view import Change, RegisterView, changes_between
from register.records import LogItemRecord, MeetingRecord, MemberRecord
from ui.document import RegisterDocument


class MeetingsLog(QObject):
    """Meetings and the decision log of one document, read once and kept current by every edit."""

    meetingsChanged = Signal()  # noqa: N815 - Qt signal naming
    membersChanged = Signal(str)  # noqa: N815 - meeting id
    itemsChanged = Signal()  # noqa: N815
    closedChanged = Signal()  # noqa: N815 - a meeting was closed or reopened: what "since last meeting" compares with

    def __init__(self, document: RegisterDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from register.meetings import MeetingService  # the ORM: loaded with the register, not at start

        self.document = document
        self.service = MeetingService(document.service)
        self._meetings: dict[str, MeetingRecord] = {}
        self._members: dict[str, list[MemberRecord]] = {}
        self._items: dict[str, LogItemRecord] = {}
        self.reload()

    # ------------------------------------------------------------------ reading

    def reload(self) -> None:
        """Read everything again (after opening or reloading the register, or a status change)."""
        self.service.sync_help_requests()
        self._meetings = {m.id: m for m in self.service.list_meetings()}
        self._members = {}
        self._items = {i.id: i for i in self.service.items()}
        self.meetingsChanged.emit()
        self.itemsChanged.emit()

    def refresh_items(self, node_id: str | None = None) -> None:
        """Make new "help needed" texts into requests and read the log again (after a status update of
        ``node_id``: only that project's requests are brought up to date, not the whole register's)."""
        self.service.sync_help_requests(None if node_id is None else [node_id])
        self._items = {i.id: i for i in self.service.items()}
        self.itemsChanged.emit()

    def meetings(self) -> list[MeetingRecord]:
        return sorted(self._meetings.values(), key=lambda m: (m.date, m.title, m.id))

    def meeting(self, meeting_id: str) -> MeetingRecord:
        return self._meetings[meeting_id]

    def members(self, meeting_id: str) -> list[MemberRecord]:
        if meeting_id not in self._members:
            self._members[meeting_id] = self.service.members(meeting_id)
        return self._members[meeting_id]

    def items(self) -> list[LogItemRecord]:
        return sorted(self._items.values(), key=lambda i: (i.created, i.id))

    def item(self, item_id: str) -> LogItemRecord:
        return self._items[item_id]

    def items_for_node(self, node_id: str) -> list[LogItemRecord]:
        return [item for item in self.items() if node_id in item.node_ids]

    def open_request_nodes(self) -> set[str]:
        """Nodes with an open request for help."""
        return {n for i in self._items.values() if i.kind == "request" and i.state == "open" for n in i.node_ids}

    def changes_since_last_meeting(self, on: date) -> tuple[MeetingRecord | None, list[Change]]:
        """The last closed meeting and what changed since its snapshot (empty without one)."""
        previous = self.service.previous_closed()
        if previous is None:
            return None, []
        old = RegisterView.from_document(self.service.snapshot(previous.id), previous.date)
        new = RegisterView.from_document(self.service.current_document(), on)
        return previous, changes_between(old, new)

    # ------------------------------------------------------------------ meetings

    def _put_meeting(self, record: MeetingRecord) -> MeetingRecord:
        self._meetings[record.id] = record
        self.meetingsChanged.emit()
        return record

    def create_meeting(self, **fields: Any) -> MeetingRecord:
        return self._put_meeting(self.service.create_meeting(**fields))

    def update_meeting(self, meeting_id: str, **fields: Any) -> MeetingRecord:
        return self._put_meeting(self.service.update_meeting(meeting_id, self.meeting(meeting_id).version, **fields))

    def set_meeting_state(self, meeting_id: str, state: str) -> MeetingRecord:
        record = self.service.set_meeting_state(meeting_id, self.meeting(meeting_id).version, state)
        return self._put_meeting(record)

    def remove_meeting(self, meeting_id: str) -> tuple[MeetingRecord, list[MemberRecord]]:
        record, members = self.service.remove_meeting(meeting_id, self.meeting(meeting_id).version)
        del self._meetings[meeting_id]
        self._members.pop(meeting_id, None)
        self.meetingsChanged.emit()
        return record, members

    def close_meeting(self, meeting_id: str) -> MeetingRecord:
        """Close a meeting (freezing its snapshot of what the group saw)."""
        record = self._put_meeting(self.service.close_meeting(meeting_id, self.meeting(meeting_id).version))
        self.refresh_items()
        self.closedChanged.emit()
        return record

    def reopen_meeting(self, meeting_id: str, state: str) -> MeetingRecord:
        """Undo closing a meeting: back to ``state``, its snapshot removed."""
        record = self._put_meeting(self.service.reopen_meeting(meeting_id, self.meeting(meeting_id).version, state))
        self.closedChanged.emit()
        return record

    # ------------------------------------------------------------------ members

    def add_member(self, meeting_id: str, **fields: Any) -> MemberRecord:
        record = self.service.add_member(meeting_id, **fields)
        self._members.pop(meeting_id, None)
        self.membersChanged.emit(meeting_id)
        return record

    def member(self, meeting_id: str, member_id: str) -> MemberRecord:
        return next(m for m in self.members(meeting_id) if m.id == member_id)

    def update_member(self, meeting_id: str, member_id: str, **fields: Any) -> MemberRecord:
        """Change a member's name or role (with the version last read)."""
        record = self.service.update_member(member_id, self.member(meeting_id, member_id).version, **fields)
        self._members.pop(meeting_id, None)
        self.membersChanged.emit(meeting_id)
        return record

    def remove_member(self, member_id: str) -> MemberRecord:
        record = self.service.remove_member(member_id)
        self._members.pop(record.meeting_id, None)
        self.membersChanged.emit(record.meeting_id)
        return record

    # ------------------------------------------------------------------ items

    def _put_item(self, record: LogItemRecord) -> LogItemRecord:
        self._items[record.id] = record
        self.itemsChanged.emit()
        return record

    def add_item(self, **fields: Any) -> LogItemRecord:
        return self._put_item(self.service.add_item(**fields))

    def update_item(self, item_id: str, **fields: Any) -> LogItemRecord:
        return self._put_item(self.service.update_item(item_id, self.item(item_id).version, **fields))

    def answer_item(self, item_id: str, **fields: Any) -> LogItemRecord:
        return self._put_item(self.service.answer_item(item_id, self.item(item_id).version, **fields))

    def remove_item(self, item_id: str) -> LogItemRecord:
        record = self.service.remove_item(item_id)
        del self._items[item_id]
        self.itemsChanged.emit()
        return record
