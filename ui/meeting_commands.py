"""Undoable edits of meetings, their members and the decision log, on the document's one undo stack.

As in :mod:`ui.commands`, each function performs the edit first (a refused edit raises and pushes
nothing) and then pushes a command whose first ``redo`` does nothing. Every change goes through
:class:`ui.meetings_log.MeetingsLog`, which keeps the versions read and tells the views what changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from register.records import LogItemRecord, MeetingRecord, MemberRecord
from ui.commands import DocumentCommand
from ui.meetings_log import MeetingsLog

translate = QCoreApplication.translate


class _LogCommand(DocumentCommand):
    def __init__(self, log: MeetingsLog, text: str) -> None:
        super().__init__(log.document, text)
        self.log = log


class AddMeetingCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, record: MeetingRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Add meeting “{title}”").format(title=record.title))
        self.record = record

    def apply(self) -> None:
        r = self.record
        self.log.create_meeting(date=r.date, title=r.title, case_number=r.case_number, location=r.location,
                                meeting_id=r.id)  # fmt: skip

    def revert(self) -> None:
        self.log.remove_meeting(self.record.id)


class EditMeetingCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, before: MeetingRecord, after: MeetingRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Edit meeting “{title}”").format(title=after.title))
        self.before, self.after = before, after

    @staticmethod
    def _fields(record: MeetingRecord) -> dict[str, Any]:
        return {"date": record.date, "title": record.title, "case_number": record.case_number,
                "location": record.location}  # fmt: skip

    def apply(self) -> None:
        self.log.update_meeting(self.after.id, **self._fields(self.after))
        if self.after.state != self.before.state:
            self.log.set_meeting_state(self.after.id, self.after.state)

    def revert(self) -> None:
        self.log.update_meeting(self.before.id, **self._fields(self.before))
        if self.after.state != self.before.state:
            self.log.set_meeting_state(self.before.id, self.before.state)


class RemoveMeetingCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, record: MeetingRecord, members: list[MemberRecord]) -> None:
        super().__init__(log, translate("MeetingCommands", "Delete meeting “{title}”").format(title=record.title))
        self.record, self.members = record, members

    def apply(self) -> None:
        self.log.remove_meeting(self.record.id)

    def revert(self) -> None:
        r = self.record
        self.log.create_meeting(date=r.date, title=r.title, case_number=r.case_number, location=r.location,
                                meeting_id=r.id)  # fmt: skip
        if r.state != "planned":
            self.log.set_meeting_state(r.id, r.state)
        for member in self.members:
            self.log.add_member(r.id, name=member.name, role=member.role, member_id=member.id)


class AddMemberCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, record: MemberRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Add member “{name}”").format(name=record.name))
        self.record = record

    def apply(self) -> None:
        r = self.record
        self.log.add_member(r.meeting_id, name=r.name, role=r.role, member_id=r.id, position=r.position)

    def revert(self) -> None:
        self.log.remove_member(self.record.id)


class RemoveMemberCommand(AddMemberCommand):
    def __init__(self, log: MeetingsLog, record: MemberRecord) -> None:
        super().__init__(log, record)
        self.setText(translate("MeetingCommands", "Remove member “{name}”").format(name=record.name))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


class EditMemberCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, before: MemberRecord, after: MemberRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Edit member “{name}”").format(name=after.name))
        self.before, self.after = before, after

    def apply(self) -> None:
        a = self.after
        self.log.update_member(a.meeting_id, a.id, name=a.name, role=a.role)

    def revert(self) -> None:
        b = self.before
        self.log.update_member(b.meeting_id, b.id, name=b.name, role=b.role)


class CloseMeetingCommand(_LogCommand):
    """Closing a meeting; undo reopens it (its snapshot removed), redo closes it again with a new snapshot."""

    def __init__(self, log: MeetingsLog, before: MeetingRecord, after: MeetingRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Close meeting “{title}”").format(title=after.title))
        self.before, self.after = before, after

    def apply(self) -> None:
        self.log.close_meeting(self.after.id)

    def revert(self) -> None:
        self.log.reopen_meeting(self.before.id, self.before.state)


class AddItemCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, record: LogItemRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Add item “{text}”").format(text=_short(record.text)))
        self.record = record

    def apply(self) -> None:
        r = self.record
        self.log.add_item(kind=r.kind, text=r.text, owner=r.owner, deadline=r.deadline, node_ids=r.node_ids,
                          raised_meeting_id=r.raised_meeting_id, item_id=r.id, created=r.created)  # fmt: skip

    def revert(self) -> None:
        self.log.remove_item(self.record.id)


class RemoveItemCommand(AddItemCommand):
    def __init__(self, log: MeetingsLog, record: LogItemRecord) -> None:
        super().__init__(log, record)
        self.setText(translate("MeetingCommands", "Remove item “{text}”").format(text=_short(record.text)))

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()
        if self.record.state != "open":
            r = self.record
            self.log.answer_item(r.id, state=r.state, answer=r.answer, meeting_id=r.answered_meeting_id)


class EditItemCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, before: LogItemRecord, after: LogItemRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Edit item “{text}”").format(text=_short(after.text)))
        self.before, self.after = before, after

    @staticmethod
    def _fields(record: LogItemRecord) -> dict[str, Any]:
        return {"kind": record.kind, "text": record.text, "owner": record.owner, "deadline": record.deadline,
                "node_ids": list(record.node_ids)}  # fmt: skip

    def apply(self) -> None:
        self.log.update_item(self.after.id, **self._fields(self.after))

    def revert(self) -> None:
        self.log.update_item(self.before.id, **self._fields(self.before))


class AnswerItemCommand(_LogCommand):
    def __init__(self, log: MeetingsLog, before: LogItemRecord, after: LogItemRecord) -> None:
        super().__init__(log, translate("MeetingCommands", "Answer “{text}”").format(text=_short(after.text)))
        self.before, self.after = before, after

    def apply(self) -> None:
        a = self.after
        self.log.answer_item(a.id, state=a.state, answer=a.answer, meeting_id=a.answered_meeting_id)

    def revert(self) -> None:
        b = self.before
        self.log.answer_item(b.id, state=b.state, answer=b.answer, meeting_id=b.answered_meeting_id)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- the edits


def add_meeting(log: MeetingsLog, **fields: Any) -> MeetingRecord:
    record = log.create_meeting(**fields)
    log.document.undo_stack.push(AddMeetingCommand(log, record))
    return record


def edit_meeting(log: MeetingsLog, meeting_id: str, state: str | None = None, **fields: Any) -> MeetingRecord:
    before = log.meeting(meeting_id)
    after = log.update_meeting(meeting_id, **fields) if fields else before
    if state is not None and state != before.state:
        after = log.set_meeting_state(meeting_id, state)
    if after != before:
        log.document.undo_stack.push(EditMeetingCommand(log, before, after))
    return after


def remove_meeting(log: MeetingsLog, meeting_id: str) -> None:
    record, members = log.remove_meeting(meeting_id)
    log.document.undo_stack.push(RemoveMeetingCommand(log, record, members))


def add_member(log: MeetingsLog, meeting_id: str, name: str, role: str) -> MemberRecord:
    record = log.add_member(meeting_id, name=name, role=role)
    log.document.undo_stack.push(AddMemberCommand(log, record))
    return record


def edit_member(log: MeetingsLog, meeting_id: str, member_id: str, name: str, role: str) -> MemberRecord:
    before = log.member(meeting_id, member_id)
    after = log.update_member(meeting_id, member_id, name=name, role=role)
    if (after.name, after.role) != (before.name, before.role):
        log.document.undo_stack.push(EditMemberCommand(log, before, after))
    return after


def close_meeting(log: MeetingsLog, meeting_id: str) -> MeetingRecord:
    before = log.meeting(meeting_id)
    after = log.close_meeting(meeting_id)
    log.document.undo_stack.push(CloseMeetingCommand(log, before, after))
    return after


def remove_member(log: MeetingsLog, member_id: str) -> None:
    record = log.remove_member(member_id)
    log.document.undo_stack.push(RemoveMemberCommand(log, record))


def add_item(log: MeetingsLog, **fields: Any) -> LogItemRecord:
    record = log.add_item(**fields)
    log.document.undo_stack.push(AddItemCommand(log, record))
    return record


def edit_item(log: MeetingsLog, item_id: str, **fields: Any) -> LogItemRecord:
    before = log.item(item_id)
    after = log.update_item(item_id, **fields)
    if after != before:
        log.document.undo_stack.push(EditItemCommand(log, before, after))
    return after


def answer_item(log: MeetingsLog, item_id: str, state: str, answer: str, meeting_id: str | None) -> LogItemRecord:
    before = log.item(item_id)
    after = log.answer_item(item_id, state=state, answer=answer, meeting_id=meeting_id)
    log.document.undo_stack.push(AnswerItemCommand(log, before, after))
    return after


def remove_item(log: MeetingsLog, item_id: str) -> None:
    record = log.remove_item(item_id)
    log.document.undo_stack.push(RemoveItemCommand(log, record))
