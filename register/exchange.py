"""The exchange file (format v2): a UTF-8 JSON file for backup, exchange and bulk entry.

Version 2 adds the steering-group meeting cycle (meetings, their members, the decision log with the nodes
each item concerns, and the snapshots of closed meetings); version 1 files (no meeting sections) are read
unchanged.

Export writes every field the register holds, in a deterministic order, so that export, import
into an empty register and export again gives the same bytes. It streams: rows are read in batches
and written as they come (the text is byte-identical to ``json.dumps(data, ensure_ascii=False,
indent=1)``), so memory does not grow with the register.

Import streams too (``ijson`` on the yajl2 C parser): a first pass checks the file's shape (no value
nested deeper than a field, known sections only), collects the small sections and notes where each
section ends; the status updates and observations are then read item by item, each parsed only up to
its section's end, and inserted in batches. Everything is written in one
transaction, so a problem anywhere leaves the register as it was; the error names the place of the
first problem (``nodes[12].parent: no node with id "p9"``, or a line and column for broken JSON).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import mmap
import re
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import accumulate, count, islice, takewhile
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

import ijson
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from register import validation as check
from register.collector import collector_paused
from register.errors import ExchangeFormatError, ValidationError
from register.i18n import N_, _
from register.model import (
    Annotation,
    Link,
    LogItem,
    LogItemNode,
    Measure,
    Meeting,
    MeetingMember,
    MeetingSnapshot,
    Node,
    Observation,
    RegisterInfo,
    StatusUpdate,
    new_id,
)
from register.safe_output import os_reason
from register.service import RegisterService, utc_now
from register.vocabulary import (
    ALLOWED_LINK_TARGETS,
    ALLOWED_PARENTS,
    CHART_TYPES,
    IMPROVEMENT_DIRECTIONS,
    ITEM_KINDS,
    ITEM_STATES,
    KIND_NAMES,
    LINK_STRENGTHS,
    MEASURE_TYPES,
    MEETING_STATES,
    MEMBER_ROLES,
    NODE_KINDS,
    RAG_VALUES,
    RULE_SETS,
    STAGES,
)

FORMAT_NAME = "improvement-register"
FORMAT_VERSION = 2
#: The versions import reads.
READ_VERSIONS = (1, 2)
#: The top-level keys of a version 1 file, in the order export writes them.
SECTIONS_V1 = ("nodes", "links", "status_updates", "measures", "observations", "annotations")
#: The sections version 2 adds: the meeting cycle.
MEETING_SECTIONS = ("meetings", "meeting_members", "log_items", "log_item_nodes", "meeting_snapshots")
#: Every top-level section, in the order export writes them.
SECTIONS = SECTIONS_V1 + MEETING_SECTIONS
HEADER = ("format", "version", "title")
#: Rows per INSERT batch and per export read.
BATCH = 5000
_CHUNK = 1 << 16
#: SQLite's page cache while importing, in KiB when negative (the peak memory stays within 250 MiB)
_IMPORT_CACHE_SIZE = -32768
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
#: A ``\uD800``–``\uDFFF`` escape; whether it is a lone surrogate is decided by looking around it.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


@dataclass(frozen=True)
class ImportSummary:
    nodes: int
    links: int
    status_updates: int
    measures: int
    observations: int
    annotations: int
    meetings: int = 0
    log_items: int = 0
    meeting_snapshots: int = 0

    def __str__(self) -> str:
        text = _(
            "{nodes} nodes, {links} links, {status_updates} status updates, {measures} measures, "
            "{observations} observations, {annotations} annotations"
        ).format(
            nodes=self.nodes, links=self.links, status_updates=self.status_updates, measures=self.measures,
            observations=self.observations, annotations=self.annotations,
        )  # fmt: skip
        if self.meetings or self.log_items:
            text += _(", {meetings} meetings, {items} decision-log items, {snapshots} meeting snapshots").format(
                meetings=self.meetings, items=self.log_items, snapshots=self.meeting_snapshots)  # fmt: skip
        return text


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and -(2**53) < value < 2**53 else value


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


#: What a reference in the file points at, in words (translated where shown).
REFERENCE_WORDS = {"node": N_("node"), "measure": N_("measure"), "meeting": N_("meeting"),
                   "item": N_("decision-log item")}  # fmt: skip


def _kind_word(kind: str | None) -> str:
    """A node kind or a referenced thing in the user's language (``goal`` → ``mål``)."""
    if kind in KIND_NAMES:
        return _(KIND_NAMES[kind])
    return _(REFERENCE_WORDS[kind]) if kind in REFERENCE_WORDS else str(kind)


def _show(value: Any) -> str:
    """A short, safe description of a value from the file for a message (never a huge or deep repr)."""
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return repr(shown.encode("utf-8", "backslashreplace").decode("utf-8"))
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


# --------------------------------------------------------------------------- export


def _node_order(session: Any) -> list[Node]:
    """Every node, depth first, siblings by position."""
    children: dict[str | None, list[Node]] = {}
    for node in session.scalars(select(Node)):
        children.setdefault(node.parent_id, []).append(node)
    ordered: list[Node] = []
    stack = sorted(children.get(None, []), key=lambda n: (n.position, n.id), reverse=True)
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(sorted(children.get(node.id, []), key=lambda n: (n.position, n.id), reverse=True))
    return ordered


def _grouped(session: Any, columns: tuple[Any, ...], owner: Any, owners: list[str],
             key: Callable[[Any], Any]) -> Iterator[Any]:  # fmt: skip
    """Rows of a child table, owner by owner in ``owners`` order, sorted by ``key`` within an owner.

    Reads a batch of owners at a time, so memory stays bounded by the batch, not the table."""
    connection = session.connection()
    step = max(1, BATCH // 50)
    for start in range(0, len(owners), step):
        batch = owners[start : start + step]
        rows: dict[str, list[Any]] = {owner_id: [] for owner_id in batch}
        for row in connection.execute(select(*columns).where(owner.in_(batch))).all():
            rows[row[1]].append(tuple(row))
        for owner_id in batch:
            yield from sorted(rows[owner_id], key=key)


def _BY_DATE_AND_ID(row: tuple[Any, ...]) -> tuple[Any, Any]:  # noqa: N802 - a sort key, named like a constant
    return row[2], row[0]


def _export_sections(session: Any, *, meetings: bool = True
                     ) -> tuple[dict[str, Any], dict[str, Iterable[dict[str, Any]]]]:  # fmt: skip
    """The header and, per section, an iterator of its items, read lazily in ``session``.

    Without ``meetings``: the version 1 document (the register alone, as a meeting snapshot holds it)."""
    ordered = _node_order(session)
    order = {node.id: index for index, node in enumerate(ordered)}
    links = sorted(session.scalars(select(Link)), key=lambda r: (order[r.source_id], order[r.target_id], r.id))
    measures = sorted(session.scalars(select(Measure)), key=lambda r: (order[r.node_id], r.position, r.id))
    node_ids = [node.id for node in ordered]
    measure_ids = [measure.id for measure in measures]
    title_row = session.get(RegisterInfo, "title")
    s, o, a = StatusUpdate.__table__.c, Observation.__table__.c, Annotation.__table__.c
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION if meetings else 1,
              "title": title_row.value if title_row else ""}  # fmt: skip
    sections: dict[str, Iterable[dict[str, Any]]] = {
        "nodes": (
            {"id": n.id, "kind": n.kind, "title": n.title, "description": n.description, "parent": n.parent_id,
             "position": n.position, "lead": n.lead, "unit": n.unit, "start": _iso(n.start_date),
             "end": _iso(n.end_date), "stage": n.stage, "archived": n.archived_at is not None}
            for n in ordered
        ),
        "links": (
            {"id": r.id, "source": r.source_id, "target": r.target_id, "strength": r.strength} for r in links
        ),
        "status_updates": (
            {"id": r[0], "node": r[1], "date": r[2].isoformat(), "author": r[3], "rag": r[4],
             "progress": _number(r[5]), "summary": r[6], "next_steps": r[7], "help_needed": r[8]}
            for r in _grouped(session, (s.id, s.node_id, s.date, s.author, s.rag, s.progress, s.summary,
                                        s.next_steps, s.help_needed), s.node_id, node_ids, _BY_DATE_AND_ID)
        ),
        "measures": (
            {"id": r.id, "node": r.node_id, "name": r.name, "type": r.type, "definition": r.definition,
             "unit": r.unit, "chart": r.chart, "improvement": r.improvement, "target": _number(r.target),
             "rules": r.rules, "baseline": r.baseline, "archived": r.archived_at is not None}
            for r in measures
        ),
        "observations": (
            {"id": r[0], "measure": r[1], "date": r[2].isoformat(), "value": _number(r[3]),
             "denominator": _number(r[4]), "note": r[5], "excluded": bool(r[6]), "exclude_reason": r[7]}
            for r in _grouped(session, (o.id, o.measure_id, o.date, o.value, o.denominator, o.note, o.excluded,
                                        o.exclude_reason), o.measure_id, measure_ids, _BY_DATE_AND_ID)
        ),
        "annotations": (
            {"id": r[0], "measure": r[1], "date": r[2].isoformat(), "text": r[3], "phase_break": bool(r[4])}
            for r in _grouped(session, (a.id, a.measure_id, a.date, a.text, a.phase_break), a.measure_id,
                              measure_ids, _BY_DATE_AND_ID)
        ),
    }  # fmt: skip
    if meetings:
        sections.update(_meeting_sections(session))
    return header, sections


def _datetime_text(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _meeting_sections(session: Any) -> dict[str, Iterable[dict[str, Any]]]:
    """The meeting cycle's sections (version 2): small tables, read whole; snapshots one at a time."""
    meetings = list(session.scalars(select(Meeting).order_by(Meeting.date, Meeting.title, Meeting.id)))
    meeting_order = {row.id: index for index, row in enumerate(meetings)}
    members = sorted(session.scalars(select(MeetingMember)),
                     key=lambda r: (meeting_order.get(r.meeting_id, -1), r.position, r.id))  # fmt: skip
    items = list(session.scalars(select(LogItem).order_by(LogItem.created, LogItem.id)))
    item_order = {row.id: index for index, row in enumerate(items)}
    item_nodes = sorted(session.execute(select(LogItemNode.item_id, LogItemNode.node_id)).all(),
                        key=lambda r: (item_order.get(r[0], -1), r[1]))  # fmt: skip
    snapshot_ids = sorted(session.scalars(select(MeetingSnapshot.meeting_id)), key=lambda i: meeting_order.get(i, -1))

    def snapshots() -> Iterator[dict[str, Any]]:
        for meeting_id in snapshot_ids:
            row = session.get(MeetingSnapshot, meeting_id)
            yield {"meeting": row.meeting_id, "taken_at": _datetime_text(row.taken_at), "sha256": row.sha256,
                   "document": base64.b64encode(bytes(row.document)).decode("ascii")}  # fmt: skip
            session.expunge(row)  # not kept by the session once written

    return {
        "meetings": (
            {"id": m.id, "date": m.date.isoformat(), "title": m.title, "case_number": m.case_number,
             "location": m.location, "state": m.state, "closed_at": _datetime_text(m.closed_at)}
            for m in meetings
        ),
        "meeting_members": (
            {"id": r.id, "meeting": r.meeting_id, "name": r.name, "role": r.role, "position": r.position}
            for r in members
        ),
        "log_items": (
            {"id": i.id, "kind": i.kind, "text": i.text, "owner": i.owner, "deadline": _iso(i.deadline),
             "state": i.state, "answer": i.answer, "raised_meeting": i.raised_meeting_id,
             "answered_meeting": i.answered_meeting_id, "source_status": i.source_status_id,
             "created": i.created.isoformat()}
            for i in items
        ),
        "log_item_nodes": ({"item": r[0], "node": r[1]} for r in item_nodes),
        "meeting_snapshots": snapshots(),
    }  # fmt: skip


def export_data(service: RegisterService, *, meetings: bool = True) -> dict[str, Any]:
    """The whole register as an exchange-format dictionary (in memory; :func:`export_file` streams).

    Without ``meetings``: the version 1 document, the register without its meeting cycle (what a meeting's
    snapshot holds, so that a snapshot never holds the snapshots before it)."""
    with service.db.reading() as session:
        header, sections = _export_sections(session, meetings=meetings)
        return {**header, **{name: list(items) for name, items in sections.items()}}


_ITEM_SEPARATORS = (",\n   ", ": ")


def _items_text(items: list[Mapping[str, Any]]) -> str:
    """Flat items as ``json.dumps(indent=1)`` writes them two levels deep, each after ``,\n  ``.

    The C encoder writes the whole batch with the item separator ``,\n   ``; a raw line break never occurs
    inside a JSON string, so the only ``},\n   {`` are the joins between items, which get their own indentation.
    """
    text = json.dumps(items, ensure_ascii=False, separators=_ITEM_SEPARATORS)
    return ",\n  {\n   " + text[2:-2].replace("},\n   {", "\n  },\n  {\n   ") + "\n  }"


def _write_document(header: Mapping[str, Any], sections: Mapping[str, Iterable[Mapping[str, Any]]],
                    write: Callable[[str], Any]) -> None:  # fmt: skip
    """Write the document as ``json.dumps(data, ensure_ascii=False, indent=1) + "\\n"`` would, piece by piece."""
    write("{")
    first = True
    for key, value in header.items():
        write(("\n " if first else ",\n ") + json.dumps(key) + ": " + json.dumps(value, ensure_ascii=False))
        first = False
    for name, items in sections.items():
        write(("\n " if first else ",\n ") + json.dumps(name) + ": [")
        first = False
        empty = True
        pending: list[Mapping[str, Any]] = []
        for item in items:
            pending.append(item)
            if len(pending) >= 1000:
                text = _items_text(pending)
                write(text[1:] if empty else text)
                empty = False
                pending.clear()
        if pending:
            text = _items_text(pending)
            write(text[1:] if empty else text)
            empty = False
        write("]" if empty else "\n ]")
    write("\n}\n")


def dumps(data: Mapping[str, Any]) -> str:
    """The exchange text of a document held in memory (the same bytes :func:`export_file` writes)."""
    header = {key: data[key] for key in data if key not in SECTIONS}
    sections = {key: data[key] for key in data if key in SECTIONS}
    if any(not isinstance(item, Mapping) or any(isinstance(v, dict | list) for v in item.values())
           for items in sections.values() for item in items):  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    parts: list[str] = []
    _write_document(header, sections, parts.append)
    return "".join(parts)


def export_file(service: RegisterService, path: Path) -> None:
    """Export the register to ``path`` (replaced only when the new file is complete), streaming."""
    from register.safe_output import write_output

    def produce(temporary: Path) -> None:
        with open(temporary, "w", encoding="utf-8", newline="\n") as text, service.db.reading() as session:
            header, sections = _export_sections(session)
            _write_document(header, sections, text.write)

    write_output(Path(path), produce, service.db.path)


# --------------------------------------------------------------------------- reading the file


def load_file(path: Path) -> Any:
    """Read and parse a small exchange file into memory (the sample register); :func:`import_file` streams."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ExchangeFormatError("", _("Cannot read {path}: {reason}.").format(path=path, reason=os_reason(error))
                                  ) from error  # fmt: skip
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeFormatError("", _("{path} is not UTF-8 text (byte {byte}).").format(
            path=path, byte=error.start)) from error  # fmt: skip

    def refuse_constant(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(content, parse_constant=refuse_constant)
    except json.JSONDecodeError as error:
        raise ExchangeFormatError("", _("{path} is not valid JSON: {reason} at line {line}, column {column}.").format(
            path=path, reason=error.msg, line=error.lineno, column=error.colno)) from error  # fmt: skip
    except (ValueError, RecursionError) as error:
        raise ExchangeFormatError("", _("{path} is not valid JSON: {reason}.").format(
            path=path, reason=_("a number out of range, or values nested too deeply"))) from error  # fmt: skip


class _Limited:
    """The first ``limit`` bytes of a binary file (to re-parse a prefix when locating a syntax error)."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.stream, self.left = stream, limit

    def read(self, size: int = -1) -> bytes:
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self.stream.read(size)
        self.left -= len(data)
        return data


class _Counting:
    """A binary file that counts the bytes handed to the parser (to find where a syntax error is)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.offset = stream, 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.offset += len(data)
        return data


class _SectionDoneError(Exception):
    """Every item of a section was handed out: the rest of the file is not parsed again."""


class _UpTo:
    """A binary file that stops when the parser asks for more after ``end`` bytes (a section's end, from the scan):
    by then every item that ends before ``end`` was handed out, as the parser reads in whole chunks."""

    def __init__(self, stream: IO[bytes], end: int | None) -> None:
        self.stream, self.end, self.offset = stream, end, 0

    def read(self, size: int = -1) -> bytes:
        if self.end is not None and self.offset >= self.end:
            raise _SectionDoneError
        data = self.stream.read(size)
        self.offset += len(data)
        return data


_YAJL_REASONS = (
    ("premature eof", N_("the file ends in the middle of a value")),
    ("overflow", N_("a number is too large")),
    ("trailing garbage", N_("there is text after the end of the document")),
    ("invalid char", N_("an unexpected character (note that NaN and Infinity are not JSON numbers)")),
    ("invalid string", N_("a text value holds a control character or a bad escape")),
    ("utf8", N_("the text is not valid UTF-8")),
)


def _reason(error: Exception) -> str:
    lowered = str(error).lower()
    for marker, reason in _YAJL_REASONS:
        if marker in lowered:
            return _(reason)
    return _("a value is missing or misplaced")


class _TooDeepError(Exception):
    """A value nested deeper than a field, found by the quick walk (the strict walk names its place)."""


_DEPTH_STEP = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1, "map_key": 0, "string": 0,
               "number": 0, "integer": 0, "double": 0, "boolean": 0, "null": 0}  # fmt: skip


class _FileSource:
    """An exchange file on disk, read as a stream (several passes; nothing is held whole)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.size = self.path.stat().st_size
            with self.path.open("rb") as stream:
                self.skip = 3 if stream.read(3) == b"\xef\xbb\xbf" else 0
        except OSError as error:
            raise ExchangeFormatError("", _("Cannot read {path}: {reason}.").format(
                path=self.path, reason=os_reason(error))) from error  # fmt: skip
        #: how many bytes (after a byte order mark) the parser had read when each section's list ended
        self.ends: dict[str, int] = {}
        if self.path.is_dir():
            raise ExchangeFormatError("", _("{path} is a folder, not an exchange file.").format(path=self.path))

    def open(self) -> IO[bytes]:
        stream = self.path.open("rb")
        stream.seek(self.skip)
        return stream

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based, in characters) of byte ``offset``."""
        with self.open() as stream:
            before = stream.read(max(0, offset - self.skip))
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return line, column

    def syntax_error(self, error: Exception, near: int) -> ExchangeFormatError:
        """A clear message for a parser error first seen after ``near`` bytes: the exact place, by bisection."""
        low, high = self.skip, min(near, self.size)
        if "premature eof" in str(error).lower():
            low = high = self.size
        while low < high:  # the shortest prefix the parser refuses (a prefix that is only cut short is not refused)
            middle = (low + high) // 2
            try:
                with self.open() as stream:
                    for _event in ijson.basic_parse(_Limited(stream, middle - self.skip), use_float=True):
                        pass
                refused = False
            except ijson.JSONError as probe:
                refused = "premature eof" not in str(probe).lower()
            if refused:
                high = middle
            else:
                low = middle + 1
        line, column = self.position(max(self.skip, low - 1))
        return ExchangeFormatError("", _("{path} is not valid JSON: {reason} at line {line}, column {column}.").format(
            path=self.path, reason=_reason(error), line=line, column=column))  # fmt: skip

    def check_surrogates(self) -> None:
        """Refuse a lone UTF-16 surrogate escape (``"\\ud800"``): it is not a character and cannot be stored."""
        if self.size == 0:
            return
        with self.path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
            for match in _SURROGATE_ESCAPE.finditer(data):
                start = match.start()
                slashes = 0
                while start - slashes - 1 >= 0 and data[start - slashes - 1] == 0x5C:
                    slashes += 1
                if slashes % 2:
                    continue  # an escaped backslash followed by "u...": ordinary text
                high = int(match.group()[2:], 16) < 0xDC00
                after = data[match.end() : match.end() + 6]
                if high and re.fullmatch(rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}", after):
                    continue  # a valid pair (its low half is matched next and checked below)
                if not high:
                    before = data[max(0, start - 6) : start]
                    if re.fullmatch(rb"\\u[dD][89abAB][0-9a-fA-F]{2}", before) and (
                        start - 6 == 0 or data[start - 7] != 0x5C
                    ):
                        continue
                line, column = self.position(start)
                raise ExchangeFormatError("", _(
                    "{path} holds a lone surrogate escape {escape} at line {line}, column {column}; it is not a "
                    "character. Remove it or write the character itself.").format(
                    path=self.path, escape=match.group().decode("ascii"), line=line, column=column))  # fmt: skip

    def scan(self, wanted: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
        """One pass over the file: its shape is checked, the header and the ``wanted`` sections are kept."""
        try:
            return self._scan(wanted, strict=False)
        except _TooDeepError:
            return self._scan(wanted, strict=True)  # walk again, event by event, to name the place

    def _scan(self, wanted: tuple[str, ...], *, strict: bool) -> tuple[dict[str, Any], dict[str, list[Any]]]:
        header: dict[str, Any] = {}
        kept: dict[str, list[Any]] = {}
        with self.open() as raw:
            counting = _Counting(raw)
            events = ijson.basic_parse(counting, buf_size=_CHUNK, use_float=True)

            def ended(key: str) -> None:
                self.ends[key] = counting.offset

            try:
                self._walk(events, header, kept, wanted, strict, ended)
            except ijson.JSONError as error:
                raise self.syntax_error(error, counting.offset) from None
        return header, kept

    @staticmethod
    def _walk(events: Iterator[tuple[str, Any]], header: dict[str, Any], kept: dict[str, list[Any]],
              wanted: tuple[str, ...], strict: bool, ended: Callable[[str], None]) -> None:  # fmt: skip
        """Check the nesting of the document and collect what is asked for; ``ended`` is told each list's end."""
        first = next(events, None)
        if first is None or first[0] != "start_map":
            raise ExchangeFormatError("", _("the file must hold a JSON object with format, version and nodes"))
        for event, key in events:
            if event == "end_map":
                break
            if key not in HEADER and key not in SECTIONS:
                raise ExchangeFormatError(key, _(
                    "is not a section of an exchange file (expected one of {names})").format(
                    names=", ".join(HEADER + SECTIONS)))  # fmt: skip
            if key in header or key in kept.get("", ()):
                raise ExchangeFormatError(key, _("appears twice in the file"))
            event, value = next(events)
            if key in HEADER:
                if event in ("start_map", "start_array"):
                    raise ExchangeFormatError(key, _("must be a single value, not {value}").format(
                        value=_("an object") if event == "start_map" else _("a list")))  # fmt: skip
                header[key] = value
                continue
            if event != "start_array":
                shown = _("an object") if event == "start_map" else _show(value)
                raise ExchangeFormatError(key, _("must be a list, not {value}").format(value=shown))
            collect = key in wanted
            if not collect and not strict:
                # Only the nesting matters here (the items are read later, one by one): checked without a Python
                # step per parser event. Deeper than a field means a misplaced list or object: found by a strict walk.
                deepest = max(takewhile((0).__lt__, accumulate(map(_DEPTH_STEP.__getitem__, map(
                    itemgetter(0), events)), initial=1)))  # fmt: skip
                if deepest > 2:
                    raise _TooDeepError
                ended(key)
                kept.setdefault("", []).append(key)
                continue
            items: list[Any] = []
            for index, (event, value) in enumerate(events):
                if event == "end_array":
                    break
                place = f"{key}[{index}]"
                if event != "start_map":
                    shown = _("a list") if event == "start_array" else _show(value)
                    raise ExchangeFormatError(place, _("must be an object, not {value}").format(value=shown))
                item: dict[str, Any] = {}
                for event, field in events:
                    if event == "end_map":
                        break
                    event, value = next(events)
                    if event in ("start_map", "start_array"):
                        raise _Reader.fail(f"{place}.{field}", _("must be a single value, not {value}").format(
                            value=_("an object") if event == "start_map" else _("a list")))  # fmt: skip
                    if collect:
                        item[field] = value
                if collect:
                    items.append(item)
            if collect:
                kept[key] = items
            ended(key)
            kept.setdefault("", []).append(key)
        for _rest in events:  # the parser refuses text after the document only when asked for more
            pass

    def items(self, section: str) -> Iterator[Any]:
        """The items of one section, one at a time (the shape was checked by :meth:`scan`); the file is parsed up to
        the section's end, not to the end of the file."""
        with self.open() as stream:
            try:
                yield from ijson.items(_UpTo(stream, self.ends.get(section)), f"{section}.item", use_float=True)
            except _SectionDoneError:
                return


class _MemorySource:
    """An exchange document already in memory (a dictionary)."""

    def __init__(self, data: Any) -> None:
        self.data = data

    def check_surrogates(self) -> None:
        """Surrogates in memory are caught field by field (see :meth:`_Reader.string`)."""

    def scan(self, wanted: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
        data = self.data
        if not isinstance(data, dict):
            raise ExchangeFormatError("", _("the file must hold a JSON object with format, version and nodes"))
        for key in data:
            if key not in HEADER and key not in SECTIONS:
                raise ExchangeFormatError(str(key), _(
                    "is not a section of an exchange file (expected one of {names})").format(
                    names=", ".join(HEADER + SECTIONS)))  # fmt: skip
        header = {key: data[key] for key in HEADER if key in data}
        kept: dict[str, list[Any]] = {}
        for key in SECTIONS:
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, list):
                raise ExchangeFormatError(key, _("must be a list, not {value}").format(value=_show(value)))
            if key in wanted:
                kept[key] = value
        kept[""] = [key for key in SECTIONS if data.get(key) is not None]
        return header, kept

    def items(self, section: str) -> Iterator[Any]:
        yield from self.data.get(section) or []


# --------------------------------------------------------------------------- checking and importing

_TEXT_LIMITS = check.FIELD_LIMITS


class _Reader:
    """Checks exchange items and turns them into rows to insert."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, str]] = {"node": {}, "measure": {}, "meeting": {}, "item": {}}
        self.version = FORMAT_VERSION
        #: each meeting's state and place in the file (to check its snapshot)
        self.meeting_states: dict[str, tuple[str, str]] = {}
        self.used: set[str] = set()
        self.node_kinds: dict[str, str] = {}
        self.charts: dict[str, str] = {}
        #: keep a checked ISO date as text (SQLite stores dates as that text; PostgreSQL wants date objects).
        self.dates_as_text = False

    @staticmethod
    def fail(place: str, message: str) -> ExchangeFormatError:
        return ExchangeFormatError(place.lstrip("."), message)  # a top-level field has no section in front

    @staticmethod
    def item(place: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ExchangeFormatError(place, _("must be an object, not {value}").format(value=_show(value)))
        return value

    def field(self, place: str, converter: Callable[[], Any]) -> Any:
        try:
            return converter()
        except ValidationError as error:
            raise self.fail(place, str(error)) from None

    def date(self, item: Mapping[str, Any], place: str, name: str, what: str, *, optional: bool = False) -> Any:
        value = item.get(name)
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        if not isinstance(value, str | None):
            raise self.fail(f"{place}.{name}", _("must be a date like 2024-03-31, not {value}").format(
                value=_show(value)))  # fmt: skip
        return self.field(f"{place}.{name}", lambda: check.parse_date(value, what, optional=optional))

    def string(self, item: Mapping[str, Any], place: str, name: str, *, required: bool = False,
               limit: int | None = None) -> str:  # fmt: skip
        value = item.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{place}.{name}", _("is missing") if value is None else _(
                "must be text, not {value}").format(value=_show(value)))  # fmt: skip
        value = value.strip()
        if required and not value:
            raise self.fail(f"{place}.{name}", _("cannot be empty"))
        if limit is not None and len(value) > limit:
            raise self.fail(f"{place}.{name}", _("is {length} characters long; the limit is {limit}").format(
                length=len(value), limit=limit))  # fmt: skip
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise self.fail(f"{place}.{name}", _(
                    "holds a lone surrogate (character {position}); it is not a character").format(
                    position=error.start + 1)) from None  # fmt: skip
        return value

    def new_id(self, place: str, value: Any, kind: str | None, *, remember: bool = True) -> str:
        """The register id for a file id: kept when it is a UUID, else a new UUID.

        ``kind`` (node, measure) keeps the file id for references; ``remember`` keeps the id to refuse it when it
        comes again (the streamed sections leave that to the database, so memory does not grow with them)."""
        if value is None:
            return new_id()
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{place}.id", _("must be a non-empty string, not {value}").format(value=_show(value)))
        if kind is not None and value in self.ids[kind]:
            raise self.fail(f"{place}.id", _('the id "{id}" is used twice').format(id=value))
        if _CANONICAL_UUID.match(value):
            result = value
        else:
            try:
                result = str(uuid.UUID(value))
            except ValueError:
                return self._fresh(kind, value)
        if result in self.used:
            raise self.fail(f"{place}.id", _('the id "{id}" is used twice').format(id=value))
        if remember:
            self.used.add(result)
        if kind is not None:
            self.ids[kind][value] = result
        return result

    def _fresh(self, kind: str | None, value: str) -> str:
        """A new UUID for a file id that is not one (references to it are kept)."""
        result = new_id()
        if kind is not None:
            self.ids[kind][value] = result
        return result

    def reference(self, place: str, value: Any, kind: str) -> str:
        if not isinstance(value, str):
            raise self.fail(place, _("must be the id of a {kind} (a string), not {value}").format(
                kind=_kind_word(kind), value=_show(value)))  # fmt: skip
        found = self.ids[kind].get(value)
        if found is None:
            raise self.fail(place, _('no {kind} with id "{id}"').format(kind=_kind_word(kind), id=value))
        return found

    def flag(self, item: Mapping[str, Any], place: str, name: str) -> bool:
        value = item.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"{place}.{name}", _("must be true or false, not {value}").format(value=_show(value)))
        return value

    def number(self, item: Mapping[str, Any], place: str, name: str, *, optional: bool = False) -> float | None:
        value = item.get(name)
        if value is None:
            if optional:
                return None
            raise self.fail(f"{place}.{name}", _("is missing"))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{place}.{name}", _("must be a number, not {value}").format(value=_show(value)))
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise self.fail(f"{place}.{name}", _("must be a finite number, not {value}").format(value=_show(value)))
        return number

    def whole(self, value: Any, place: str, smallest: int, *, optional: bool) -> int | None:
        """A whole number of at least ``smallest`` that a database integer column holds."""
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not smallest <= value < 2**31:
            raise self.fail(place, _("must be a whole number from {low} to {high}, not {value}").format(
                low=smallest, high=2**31 - 1, value=_show(value)))  # fmt: skip
        return value

    # ------------------------------------------------------------------ sections

    def header(self, header: Mapping[str, Any]) -> str:
        if header.get("format") != FORMAT_NAME:
            raise self.fail("format", _('must be "{name}", not {value}').format(
                name=FORMAT_NAME, value=_show(header.get("format"))))  # fmt: skip
        version = header.get("version")
        if version not in READ_VERSIONS or isinstance(version, bool) or not isinstance(version, int):
            raise self.fail("version", _("this program reads version 1 and 2 files, not version {value}").format(
                value=_show(version)))  # fmt: skip
        self.version = version
        title = header.get("title")
        if title is None:
            return ""
        if not isinstance(title, str):
            raise self.fail("title", _("must be text, not {value}").format(value=_show(title)))
        return self.string({"title": title}, "", "title", limit=check.MAX_REGISTER_TITLE)

    def nodes(self, values: list[Any]) -> list[dict[str, Any]]:
        items = [(f"nodes[{i}]", self.item(f"nodes[{i}]", v)) for i, v in enumerate(values)]
        for place, item in items:  # ids first, so parents may come after their children in the file
            if item.get("id") is None:
                raise self.fail(f"{place}.id", _("is missing"))
            self.new_id(place, item["id"], "node")
        rows: list[dict[str, Any]] = []
        for index, (place, item) in enumerate(items):
            kind = item.get("kind")
            if kind not in NODE_KINDS:
                raise self.fail(f"{place}.kind", _("must be one of {choices}, not {value}").format(
                    choices=", ".join(NODE_KINDS), value=_show(kind)))  # fmt: skip
            parent = item.get("parent")
            parent_id = None if parent is None else self.reference(f"{place}.parent", parent, "node")
            position = item.get("position", index)
            if position is None:
                position = index
            self.whole(position, f"{place}.position", 0, optional=False)
            row = {
                "id": self.ids["node"][item["id"]], "kind": kind,
                "title": self.string(item, place, "title", required=True, limit=_TEXT_LIMITS["title"]),
                "description": self.string(item, place, "description"), "parent_id": parent_id,
                "position": position, "lead": "", "unit": "", "start_date": None, "end_date": None, "stage": None,
                "archived_at": None, "version": 1, "_place": place, "_order": index,
            }  # fmt: skip
            if kind == "project":
                row["lead"] = self.string(item, place, "lead", limit=_TEXT_LIMITS["lead"])
                row["unit"] = self.string(item, place, "unit", limit=_TEXT_LIMITS["unit"])
                row["start_date"] = self.date(item, place, "start", "start date", optional=True)
                row["end_date"] = self.date(item, place, "end", "end date", optional=True)
                self.field(f"{place}.end", lambda r=row: check.date_range(r["start_date"], r["end_date"]))
                stage = item.get("stage") or "idea"
                if stage not in STAGES:
                    raise self.fail(f"{place}.stage", _("must be one of {choices}, not {value}").format(
                        choices=", ".join(STAGES), value=_show(stage)))  # fmt: skip
                row["stage"] = stage
            else:
                for name in ("lead", "unit", "start", "end", "stage"):
                    if item.get(name) not in (None, ""):
                        raise self.fail(f"{place}.{name}", _("only projects have a {field}; this is a {kind}").format(
                            field=name, kind=kind))  # fmt: skip
            if self.flag(item, place, "archived"):
                row["archived_at"] = utc_now()
            rows.append(row)
        by_id = {row["id"]: row for row in rows}
        for row in rows:
            parent = by_id.get(row["parent_id"]) if row["parent_id"] else None
            allowed = ALLOWED_PARENTS[row["kind"]]
            if (parent["kind"] if parent else None) not in allowed:
                wanted = _(" or ").join(_kind_word(k) for k in allowed if k) or _("nothing (it is a top-level node)")
                found = _kind_word(parent["kind"]) if parent else _("nothing")
                raise self.fail(f"{row['_place']}.parent", _("a {kind} must sit under {wanted}, not {found}").format(
                    kind=_kind_word(row["kind"]), wanted=wanted, found=found))  # fmt: skip
        # The kind rules make cycles impossible, but a damaged file may still hold one: refuse it plainly.
        for row in rows:
            seen, current = set(), row
            while current is not None and current["parent_id"]:
                if current["id"] in seen:
                    raise self.fail(f"{row['_place']}.parent", _("the parents form a cycle"))
                seen.add(current["id"])
                current = by_id.get(current["parent_id"])
        groups: dict[str | None, list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row["parent_id"], []).append(row)
        for siblings in groups.values():
            siblings.sort(key=lambda r: (r["position"], r["_order"]))
            for position, row in enumerate(siblings):
                row["position"] = position
        depth: dict[str, int] = {}
        for row in rows:
            level, current = 0, row
            while current["parent_id"]:
                level += 1
                current = by_id[current["parent_id"]]
            depth[row["id"]] = level
        rows.sort(key=lambda r: (depth[r["id"]], r["_order"]))
        self.node_kinds = {row["id"]: row["kind"] for row in rows}
        self.node_rows = by_id
        return [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]

    def links(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        by_id = self.node_rows
        rows, pairs = [], set()
        for index, value in enumerate(values):
            place = f"links[{index}]"
            item = self.item(place, value)
            source = by_id[self.reference(f"{place}.source", item.get("source"), "node")]
            target = by_id[self.reference(f"{place}.target", item.get("target"), "node")]
            strength = item.get("strength") or "strong"
            if strength not in LINK_STRENGTHS:
                raise self.fail(f"{place}.strength", _("must be strong or weak, not {value}").format(
                    value=_show(strength)))  # fmt: skip
            if source["id"] == target["id"]:
                raise self.fail(place, _("a node cannot be linked to itself"))
            if target["kind"] not in ALLOWED_LINK_TARGETS.get(source["kind"], ()):
                raise self.fail(place, _("a {source} cannot be linked to a {target}").format(
                    source=source["kind"], target=target["kind"]))  # fmt: skip
            if source["parent_id"] == target["id"]:
                raise self.fail(place, _("the driver it links to is already the source's parent"))
            if (source["id"], target["id"]) in pairs:
                raise self.fail(place, _("the same link is listed twice"))
            pairs.add((source["id"], target["id"]))
            rows.append({"id": self.new_id(place, item.get("id"), None), "source_id": source["id"],
                         "target_id": target["id"], "strength": strength, "version": 1})  # fmt: skip
        return rows

    def status(self, index: int, value: Any) -> dict[str, Any]:
        place = f"status_updates[{index}]"
        item = self.item(place, value)
        node_id = self.reference(f"{place}.node", item.get("node"), "node")
        if self.node_kinds[node_id] != "project":
            raise self.fail(f"{place}.node", _("status is logged on projects, not on a {kind}").format(
                kind=self.node_kinds[node_id]))  # fmt: skip
        rag = item.get("rag")
        if rag not in RAG_VALUES:
            raise self.fail(f"{place}.rag", _("must be green, amber or red, not {value}").format(value=_show(rag)))
        progress = item.get("progress")
        if progress is not None:
            progress = self.number(item, place, "progress")
        return {
            "id": self.new_id(place, item.get("id"), None, remember=False), "node_id": node_id,
            "date": self.date(item, place, "date", "date"),
            "author": self.string(item, place, "author", limit=_TEXT_LIMITS["author"]), "rag": rag,
            "progress": self.field(f"{place}.progress", lambda: check.progress(progress)),
            "summary": self.string(item, place, "summary"), "next_steps": self.string(item, place, "next_steps"),
            "help_needed": self.string(item, place, "help_needed"), "version": 1,
        }  # fmt: skip

    def measures(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for index, value in enumerate(values):
            place = f"measures[{index}]"
            item = self.item(place, value)
            node_id = self.reference(f"{place}.node", item.get("node"), "node")
            if item.get("id") is None:
                raise self.fail(f"{place}.id", _("is missing (observations refer to measures by id)"))
            measure_id = self.new_id(place, item.get("id"), "measure")
            choices = {
                "type": (MEASURE_TYPES, "outcome"),
                "chart": (CHART_TYPES, "run"),
                "rules": (RULE_SETS, "anhoej"),
            }
            row: dict[str, Any] = {"id": measure_id, "node_id": node_id, "position": index, "version": 1,
                                   "archived_at": None}  # fmt: skip
            for name, (allowed, default) in choices.items():
                chosen = item.get(name) or default
                if chosen not in allowed:
                    raise self.fail(f"{place}.{name}", _("must be one of {choices}, not {value}").format(
                        choices=", ".join(allowed), value=_show(chosen)))  # fmt: skip
                row[name] = chosen
            if row["rules"] in ("mdc", "mdc6") and row["chart"] != "i":
                raise self.fail(f"{place}.rules", _("Making Data Count rules apply to i charts only"))
            improvement = item.get("improvement")
            if improvement is not None and improvement not in IMPROVEMENT_DIRECTIONS:
                raise self.fail(f"{place}.improvement", _("must be up, down or null, not {value}").format(
                    value=_show(improvement)))  # fmt: skip
            row["improvement"] = improvement
            row["name"] = self.string(item, place, "name", required=True, limit=_TEXT_LIMITS["name"])
            row["definition"] = self.string(item, place, "definition")
            row["unit"] = self.string(item, place, "unit", limit=_TEXT_LIMITS["measure unit"])
            row["target"] = self.number(item, place, "target", optional=True)
            row["baseline"] = self.whole(item.get("baseline"), f"{place}.baseline", 2, optional=True)
            if self.flag(item, place, "archived"):
                row["archived_at"] = utc_now()
            rows.append(row)
        self.charts = {row["id"]: row["chart"] for row in rows}
        return rows

    def observation(self, index: int, value: Any) -> dict[str, Any]:
        row = self._plain_observation(value)
        return row if row is not None else self._observation(index, value)

    def _plain_observation(self, item: Any) -> dict[str, Any] | None:
        """The common observation checked inline (the import's inner loop); None sends anything else, good or
        bad, to the full check, which names the place of a problem."""
        if type(item) is not dict:
            return None
        get = item.get
        measure, number, denominator, when, file_id = get("measure"), get("value"), get("denominator"), get("date"), \
            get("id")  # fmt: skip
        note, reason, excluded = get("note"), get("exclude_reason"), get("excluded")
        measure_id = self.ids["measure"].get(measure) if type(measure) is str else None
        if (
            measure_id is None or type(number) not in (float, int) or not -1e308 < number < 1e308
            or (denominator is not None and (type(denominator) not in (float, int) or not -1e308 < denominator < 1e308))
            or type(when) is not str or not _ISO_DATE.match(when)
            or (file_id is not None and (type(file_id) is not str or not _CANONICAL_UUID.match(file_id)
                                         or file_id in self.used))
            or (note is not None and (type(note) is not str or not note.isascii()))
            or (reason is not None and (type(reason) is not str or not reason.isascii()))
            or (excluded is not None and type(excluded) is not bool)
        ):  # fmt: skip
            return None
        try:
            day = date.fromisoformat(when)  # checked; SQLite stores the same ISO text, so it is kept as it is
            RegisterService.check_observation(self.charts[measure_id], float(number), denominator)
        except (ValueError, ValidationError):
            return None
        if self.dates_as_text:
            day = when
        return {
            "id": file_id or new_id(), "measure_id": measure_id, "date": day, "value": float(number),
            "denominator": None if denominator is None else float(denominator), "note": (note or "").strip(),
            "excluded": bool(excluded), "exclude_reason": (reason or "").strip(), "version": 1,
        }  # fmt: skip

    def _observation(self, index: int, value: Any) -> dict[str, Any]:
        place = f"observations[{index}]"
        item = self.item(place, value)
        measure_id = self.reference(f"{place}.measure", item.get("measure"), "measure")
        number = self.number(item, place, "value")
        denominator = self.number(item, place, "denominator", optional=True)
        assert number is not None
        self.field(place, lambda: RegisterService.check_observation(self.charts[measure_id], number, denominator))
        return {
            "id": self.new_id(place, item.get("id"), None, remember=False), "measure_id": measure_id,
            "date": self.date(item, place, "date", "date"),
            "value": number, "denominator": denominator, "note": self.string(item, place, "note"),
            "excluded": self.flag(item, place, "excluded"),
            "exclude_reason": self.string(item, place, "exclude_reason"), "version": 1,
        }  # fmt: skip

    def annotation(self, index: int, value: Any) -> dict[str, Any]:
        place = f"annotations[{index}]"
        item = self.item(place, value)
        return {
            "id": self.new_id(place, item.get("id"), None, remember=False),
            "measure_id": self.reference(f"{place}.measure", item.get("measure"), "measure"),
            "date": self.date(item, place, "date", "date"),
            "text": self.string(item, place, "text", required=True),
            "phase_break": self.flag(item, place, "phase_break"), "version": 1,
        }  # fmt: skip

    # ------------------------------------------------------------------ the meeting cycle (version 2)

    def moment(self, item: Mapping[str, Any], place: str, name: str, *, optional: bool) -> datetime | None:
        """A date and time like 2026-11-30T14:05:00 (UTC; an offset is converted to UTC)."""
        value = item.get(name)
        if value is None and optional:
            return None
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{place}.{name}", _(
                "must be a date and time like 2026-11-30T14:05:00, not {value}").format(
                value=_show(value))) from None  # fmt: skip
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment.replace(microsecond=0)

    def choice(self, item: Mapping[str, Any], place: str, name: str, allowed: tuple[str, ...]) -> str:
        value = item.get(name)
        if value not in allowed:
            raise self.fail(f"{place}.{name}", _("must be one of {choices}, not {value}").format(
                choices=", ".join(allowed), value=_show(value)))  # fmt: skip
        return value

    def optional_reference(self, place: str, value: Any, kind: str) -> str | None:
        return None if value is None else self.reference(place, value, kind)

    def meetings(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        limits = Meeting.__table__.c
        rows = []
        for index, value in enumerate(values):
            place = f"meetings[{index}]"
            item = self.item(place, value)
            if item.get("id") is None:
                raise self.fail(f"{place}.id", _("is missing (decision-log items refer to meetings by id)"))
            rows.append({
                "id": self.new_id(place, item.get("id"), "meeting"), "date": self.date(item, place, "date", "date"),
                "title": self.string(item, place, "title", required=True, limit=limits.title.type.length),
                "case_number": self.string(item, place, "case_number", limit=limits.case_number.type.length),
                "location": self.string(item, place, "location", limit=limits.location.type.length),
                "state": self.choice(item, place, "state", MEETING_STATES),
                "closed_at": self.moment(item, place, "closed_at", optional=True), "version": 1,
            })  # fmt: skip
        self.meeting_states = {row["id"]: (row["state"], f"meetings[{index}]") for index, row in enumerate(rows)}
        return rows

    def members(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for index, value in enumerate(values):
            place = f"meeting_members[{index}]"
            item = self.item(place, value)
            position = item.get("position")
            rows.append({
                "id": self.new_id(place, item.get("id"), None),
                "meeting_id": self.reference(f"{place}.meeting", item.get("meeting"), "meeting"),
                "name": self.string(item, place, "name", required=True,
                                    limit=MeetingMember.__table__.c.name.type.length),
                "role": self.choice(item, place, "role", MEMBER_ROLES),
                "position": index if position is None else self.whole(position, f"{place}.position", 0,
                                                                      optional=False),
                "version": 1,
            })  # fmt: skip
        return rows

    def log_items(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        limits = LogItem.__table__.c
        rows, sources = [], set()
        for index, value in enumerate(values):
            place = f"log_items[{index}]"
            item = self.item(place, value)
            if item.get("id") is None:
                raise self.fail(f"{place}.id", _("is missing (log_item_nodes refer to items by id)"))
            source = item.get("source_status")
            if source is not None:
                if not isinstance(source, str) or not _CANONICAL_UUID.match(source):
                    raise self.fail(f"{place}.source_status", _(
                        "must be the id of a status update (a UUID) or null, not {value}").format(
                        value=_show(source)))  # fmt: skip
                if source in sources:
                    raise self.fail(f"{place}.source_status", _(
                        "another request already comes from the status update {id}").format(id=source))  # fmt: skip
                sources.add(source)
            rows.append({
                "id": self.new_id(place, item.get("id"), "item"),
                "kind": self.choice(item, place, "kind", ITEM_KINDS),
                "text": self.string(item, place, "text", required=True, limit=4000),
                "owner": self.string(item, place, "owner", limit=limits.owner.type.length),
                "deadline": self.date(item, place, "deadline", "deadline", optional=True),
                "state": self.choice(item, place, "state", ITEM_STATES),
                "answer": self.string(item, place, "answer", limit=4000),
                "raised_meeting_id": self.optional_reference(f"{place}.raised_meeting", item.get("raised_meeting"),
                                                             "meeting"),
                "answered_meeting_id": self.optional_reference(f"{place}.answered_meeting",
                                                               item.get("answered_meeting"), "meeting"),
                "source_status_id": source, "created": self.date(item, place, "created", "date"), "version": 1,
            })  # fmt: skip
        return rows

    def item_nodes(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        """The nodes each item concerns: a node of the file, or the UUID of a node purged since (kept as text)."""
        rows, pairs = [], set()
        for index, value in enumerate(values):
            place = f"log_item_nodes[{index}]"
            item = self.item(place, value)
            item_id = self.reference(f"{place}.item", item.get("item"), "item")
            node = item.get("node")
            node_id = self.ids["node"].get(node) if isinstance(node, str) else None
            if node_id is None and isinstance(node, str) and _CANONICAL_UUID.match(node) and node not in self.used:
                node_id = node
            if node_id is None:
                raise self.fail(f"{place}.node", _(
                    "must be the id of a node (or of one purged since), not {value}").format(
                    value=_show(node)))  # fmt: skip
            if (item_id, node_id) in pairs:
                raise self.fail(place, _("the same item and node are listed twice"))
            pairs.add((item_id, node_id))
            rows.append({"item_id": item_id, "node_id": node_id})
        return rows

    def snapshots(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        """Closed meetings' snapshots: base64 of the compressed document, its SHA-256 checked here."""
        rows: list[dict[str, Any]] = []
        states = self.meeting_states
        for index, value in enumerate(values):
            place = f"meeting_snapshots[{index}]"
            item = self.item(place, value)
            meeting_id = self.reference(f"{place}.meeting", item.get("meeting"), "meeting")
            if any(row["meeting_id"] == meeting_id for row in rows):
                raise self.fail(f"{place}.meeting", _("the meeting already has a snapshot"))
            if states[meeting_id][0] != "closed":
                raise self.fail(f"{place}.meeting", _("only a closed meeting has a snapshot"))
            digest = item.get("sha256")
            if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise self.fail(f"{place}.sha256", _("must be 64 hexadecimal digits, not {value}").format(
                    value=_show(digest)))  # fmt: skip
            document = item.get("document")
            try:
                if not isinstance(document, str):
                    raise ValueError
                compressed = base64.b64decode(document.encode("ascii"), validate=True)
            except (ValueError, binascii.Error):
                raise self.fail(f"{place}.document", _("must be base64 text, not {value}").format(
                    value=_show(document))) from None  # fmt: skip
            if _inflated_sha256(compressed) != digest:
                raise self.fail(f"{place}.document", _(
                    "is damaged: its SHA-256 does not match (or it is not a compressed document)"))  # fmt: skip
            rows.append({"meeting_id": meeting_id, "taken_at": self.moment(item, place, "taken_at", optional=False),
                         "sha256": digest, "document": compressed})  # fmt: skip
        missing = sorted(place for meeting_id, (state, place) in states.items()
                         if state == "closed" and not any(row["meeting_id"] == meeting_id for row in rows))  # fmt: skip
        if missing:
            raise self.fail(f"{missing[0]}.state", _(
                "the meeting is closed but the file holds no snapshot of it (meeting_snapshots)"))  # fmt: skip
        return rows


def _inflated_sha256(compressed: bytes) -> str | None:
    """The SHA-256 of a zlib stream's content, inflated piece by piece (a hostile stream cannot fill memory);
    None when it is not a complete zlib stream."""
    inflater, digest = zlib.decompressobj(), hashlib.sha256()
    pending = compressed
    try:
        while True:
            digest.update(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
            if inflater.eof or not pending:
                break
    except zlib.error:
        return None
    if not inflater.eof or inflater.unused_data:
        return None
    return digest.hexdigest()


#: Sections small enough to hold while checking (they are referred to, or refer to what is held).
_HELD = ("nodes", "links", "measures", "annotations", *MEETING_SECTIONS)
#: Sections read item by item and inserted in batches, in this order.
_STREAMED: tuple[tuple[str, Any, str], ...] = (
    ("status_updates", StatusUpdate, "status"),
    ("observations", Observation, "observation"),
    ("annotations", Annotation, "annotation"),
)


def _import(service: RegisterService, source: _FileSource | _MemorySource, description: str) -> ImportSummary:
    # Hundreds of thousands of short-lived rows and no reference cycles: the cyclic garbage collector only
    # rescans the held sections again and again while they are made (about a tenth of the import's time).
    with collector_paused():
        return _import_checked(service, source, description)


def _import_checked(service: RegisterService, source: _FileSource | _MemorySource, description: str
                    ) -> ImportSummary:  # fmt: skip
    source.check_surrogates()
    header, held = source.scan(_HELD)
    reader = _Reader()
    title = reader.header(header)
    nodes = reader.nodes(held.get("nodes", []))
    measures = reader.measures(held.get("measures", []))
    links = reader.links(held.get("links", []))
    present = set(held.get("", []))
    if reader.version == 1:
        for name in MEETING_SECTIONS:
            if name in present:
                raise ExchangeFormatError(name, _(
                    "a version 1 file carries no meetings; a file with meetings is version 2"))  # fmt: skip
    meeting_rows: list[tuple[Any, list[dict[str, Any]]]] = []
    if reader.version >= 2:
        meeting_rows = [(Meeting, reader.meetings(held.get("meetings", []))),
                        (MeetingMember, reader.members(held.get("meeting_members", []))),
                        (LogItem, reader.log_items(held.get("log_items", []))),
                        (LogItemNode, reader.item_nodes(held.get("log_item_nodes", []))),
                        (MeetingSnapshot, reader.snapshots(held.get("meeting_snapshots", [])))]  # fmt: skip
    counts = {"nodes": len(nodes), "links": len(links), "measures": len(measures)}
    with service.db.transaction() as session:
        connection = session.connection()
        reader.dates_as_text = connection.dialect.name == "sqlite"
        existing = session.scalar(select(func.count()).select_from(Node)) or 0
        if existing:
            raise ExchangeFormatError("", _(
                "The register already holds {count} nodes; import into a new, empty register instead "
                "(nothing was imported).").format(count=existing))  # fmt: skip
        cycle = sum(session.scalar(select(func.count()).select_from(model)) or 0 for model in (Meeting, LogItem))
        if cycle:
            raise ExchangeFormatError("", _(
                "The register already holds {count} meetings and decision-log items; import into a new, empty "
                "register instead (nothing was imported).").format(count=cycle))  # fmt: skip
        session.execute(delete(RegisterInfo).where(RegisterInfo.key == "title"))
        connection.execute(insert(RegisterInfo.__table__), [{"key": "title", "value": title}])
        for model, rows in ((Node, nodes), (Link, links), (Measure, measures)):
            for start in range(0, len(rows), BATCH):
                connection.execute(insert(model.__table__), rows[start : start + BATCH])
        rebuild = _drop_secondary_indexes(connection, [model.__table__.name for _name, model, _method in _STREAMED])
        with _page_cache(connection):
            for name, model, method in _STREAMED:
                items: Iterable[Any] = held[name] if name in held else (source.items(name) if name in present else ())
                checked = map(getattr(reader, method), count(), items)  # (index, item) → row, item by item
                done = 0
                while batch := list(islice(checked, BATCH)):
                    _insert_batch(connection, model, batch, name, done)
                    done += len(batch)
                counts[name] = done
            for statement in rebuild:
                connection.exec_driver_sql(statement)
        for model, rows in meeting_rows:
            for start in range(0, len(rows), BATCH):
                connection.execute(insert(model.__table__), rows[start : start + BATCH])
        sizes = {model: len(rows) for model, rows in meeting_rows}
        summary = ImportSummary(
            counts["nodes"], counts["links"], counts["status_updates"], counts["measures"], counts["observations"],
            counts["annotations"], sizes.get(Meeting, 0), sizes.get(LogItem, 0), sizes.get(MeetingSnapshot, 0),
        )  # fmt: skip
        service._audit(session, "register", "import", None, "import",
                       {"source": [None, description], "imported": [None, str(summary)]})  # fmt: skip
    return summary


@contextmanager
def _page_cache(connection: Any) -> Iterator[None]:
    """On SQLite, a page cache of 32 MiB while the streamed sections go in (their ids are random, so the primary
    key's pages are visited all over; the default 2 MiB cache rereads them); the connection's own size comes back
    afterwards, also after a failure."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar())
    connection.exec_driver_sql(f"PRAGMA cache_size = {_IMPORT_CACHE_SIZE}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")


def _drop_secondary_indexes(connection: Any, tables: list[str]) -> list[str]:
    """On SQLite, drop the secondary indexes of ``tables`` for the bulk insert; returns the statements that build
    them again (the stored ones, so they come back exactly as they were). Inside the import's transaction: if the
    import fails, the rollback restores them. Building an index once after the rows are in is faster than
    keeping it up to date row by row."""
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
        f"({', '.join('?' * len(tables))})", tuple(tables)
    ).all()  # fmt: skip
    for name, _sql in rows:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


def _insert_batch(connection: Any, model: Any, rows: list[dict[str, Any]], section: str, before: int) -> None:
    """Insert one batch of ``section`` (``before`` of its rows are already in); an id used twice in the section
    (kept in the database, not in memory) is named."""
    places = [f"{section}[{before + offset}]" for offset in range(len(rows))]
    seen = set(map(itemgetter("id"), rows))
    if len(seen) < len(rows):  # name the first repeat
        first: set[str] = set()
        for row, place in zip(rows, places, strict=True):
            if row["id"] in first:
                raise _Reader.fail(f"{place}.id", _('the id "{id}" is used twice').format(id=row["id"]))
            first.add(row["id"])
    table = model.__table__
    if connection.dialect.name != "sqlite":
        # Checked before: after a failed statement PostgreSQL accepts no more queries in the transaction.
        taken = set(connection.execute(select(table.c.id).where(table.c.id.in_(seen))).scalars())
        for row, place in zip(rows, places, strict=True):
            if row["id"] in taken:
                raise _Reader.fail(f"{place}.id", _('the id "{id}" is used twice').format(id=row["id"]))
        connection.execute(insert(table), rows)
        return
    # SQLite: the driver directly, without SQLAlchemy's per-value processing (a third of the import's time), dates
    # as the ISO text SQLAlchemy stores. A repeated id stops the statement at that row (the rows before it stay,
    # the transaction goes on, and is rolled back as a whole); the table was empty, so the count says which row.
    names = list(rows[0])
    if "date" in rows[0]:
        for row in rows:
            if type(row["date"]) is not str:
                row["date"] = row["date"].isoformat()
    try:  # named parameters: the driver reads each row's values from its dictionary
        connection.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(':' + name for name in names)})", rows
        )
    except IntegrityError as error:
        failed = (connection.execute(select(func.count()).select_from(table)).scalar() or 0) - before
        if 0 <= failed < len(rows):
            raise _Reader.fail(f"{places[failed]}.id", _('the id "{id}" is used twice').format(
                id=rows[failed]["id"])) from error  # fmt: skip
        raise _Reader.fail(places[0], _("cannot be stored: {reason}").format(
            reason=str(error.orig).splitlines()[0])) from error  # fmt: skip


def import_data(service: RegisterService, data: Any, source: str = "") -> ImportSummary:
    """Import an exchange document held in memory into an empty register, all or nothing."""
    return _import(service, _MemorySource(data), source)


def import_file(service: RegisterService, path: Path) -> ImportSummary:
    """Import an exchange file into an empty register, all or nothing, reading it as a stream."""
    return _import(service, _FileSource(Path(path)), str(path))
