"""The register's tables as SQLAlchemy 2 typed models.

Only the service layer (:mod:`register.service`) changes these rows. Every entity has a stable
UUID (its primary key, as text) and a version counter for optimistic concurrency.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The vocabulary lives in register.vocabulary (no SQLAlchemy, so the window starts without it); re-exported here.
from register.vocabulary import (  # noqa: F401
    ALLOWED_LINK_TARGETS,
    ALLOWED_PARENTS,
    FIELD_LIMITS,
    IMPROVEMENT_DIRECTIONS,
    ITEM_KINDS,
    ITEM_STATES,
    LINK_STRENGTHS,
    MEASURE_TYPES,
    MEETING_STATES,
    MEMBER_ROLES,
    NODE_KINDS,
    PROGRESS_SCALE,
    RAG_VALUES,
    RULE_SETS,
    STAGES,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new entity id: a random UUID as text."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RegisterInfo(Base):
    """Key/value facts about the register (its title)."""

    __tablename__ = "register_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Node(Base):
    """A goal, a primary or secondary driver, or an improvement project."""

    __tablename__ = "nodes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(FIELD_LIMITS["title"]))
    description: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("nodes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    lead: Mapped[str] = mapped_column(String(FIELD_LIMITS["lead"]), default="")
    unit: Mapped[str] = mapped_column(String(FIELD_LIMITS["unit"]), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    stage: Mapped[str | None] = mapped_column(String(16))
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Link(Base):
    """An extra contributes-to edge from a project or secondary driver to another driver."""

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("source_id", "target_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    source_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"), index=True)
    strength: Mapped[str] = mapped_column(String(8), default="strong")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class StatusUpdate(Base):
    """A project lead's status report: RAG, IHI progress score and narrative."""

    __tablename__ = "status_updates"
    __table_args__ = (Index("ix_status_updates_node_date", "node_id", "date"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    node_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"))
    date: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(FIELD_LIMITS["author"]), default="")
    rag: Mapped[str] = mapped_column(String(8))
    progress: Mapped[float | None] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    help_needed: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Measure(Base):
    """A measure of a node: what is counted, how it is charted, which way is better."""

    __tablename__ = "measures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    node_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"), index=True)
    name: Mapped[str] = mapped_column(String(FIELD_LIMITS["name"]))
    type: Mapped[str] = mapped_column(String(16), default="outcome")
    definition: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(FIELD_LIMITS["measure unit"]), default="")
    chart: Mapped[str] = mapped_column(String(8), default="run")
    improvement: Mapped[str | None] = mapped_column(String(8))
    target: Mapped[float | None] = mapped_column(Float)
    rules: Mapped[str] = mapped_column(String(8), default="anhoej", server_default="anhoej")
    baseline: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Observation(Base):
    """One data point of a measure (a value for a period, with a denominator for ratios)."""

    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_measure_date", "measure_id", "date"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    measure_id: Mapped[str] = mapped_column(ForeignKey("measures.id"))
    date: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    excluded: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    exclude_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class Annotation(Base):
    """An event on a measure's chart; a phase break starts a new phase."""

    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_measure_date", "measure_id", "date"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    measure_id: Mapped[str] = mapped_column(ForeignKey("measures.id"))
    date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    phase_break: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class AuditEntry(Base):
    """One recorded change: who changed which fields of which entity, from what to what."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity", "entity_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(200))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    #: the node an entry concerns (the node itself, or the node a status/measure belongs to).
    node_id: Mapped[str | None] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(16))
    #: JSON object: field name -> [old value, new value].
    changes: Mapped[str] = mapped_column(Text, default="{}")


# --------------------------------------------------------------------------- the steering-group meeting cycle


class Meeting(Base):
    """A steering-group meeting: when, where, its case number (sagsnummer) and its state."""

    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_date", "date"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    date: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(500))
    case_number: Mapped[str] = mapped_column(String(100), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(16), default="planned")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class MeetingMember(Base):
    """A member of the steering group at a meeting, with their role (chair, member, secretary)."""

    __tablename__ = "meeting_members"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="member")
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class LogItem(Base):
    """An item of the decision log: a decision, an action or a request for help, and its answer."""

    __tablename__ = "log_items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="open")
    answer: Mapped[str] = mapped_column(Text, default="")
    raised_meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    answered_meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    #: the status update whose "help needed" made this request (kept as text: the update may be removed);
    #: unique, so two workstations syncing at once cannot make the same request twice.
    source_status_id: Mapped[str | None] = mapped_column(String(36), index=True, unique=True)
    created: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class LogItemNode(Base):
    """A node a decision-log item concerns (kept as text: a purged node leaves the item's history intact)."""

    __tablename__ = "log_item_nodes"

    item_id: Mapped[str] = mapped_column(ForeignKey("log_items.id"), primary_key=True)
    node_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class MeetingSnapshot(Base):
    """What the steering group saw: the register when the meeting closed, compressed, with its SHA-256."""

    __tablename__ = "meeting_snapshots"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[bytes] = mapped_column(LargeBinary)


class LeadLogin(Base):
    """A shared register's login mapped to the name in its projects' lead field (see :mod:`register.roles`)."""

    __tablename__ = "lead_logins"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    person: Mapped[str] = mapped_column(String(200))
