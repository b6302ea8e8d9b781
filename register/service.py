"""The service layer: the only way to change a register.

Each public method is one user action in one short transaction. It validates its input, records
what it changed in the audit trail, and either completes or leaves the database as it was. It
returns plain records (:mod:`register.records`), never live database objects.
"""

from __future__ import annotations

import functools
import getpass
import json
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import UTC, date, datetime
from itertools import groupby, starmap
from operator import itemgetter
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from register import validation as check
from register.errors import ConflictError, NotFoundError, ValidationError
from register.i18n import N_, _, ngettext
from register.model import (
    ALLOWED_LINK_TARGETS,
    ALLOWED_PARENTS,
    IMPROVEMENT_DIRECTIONS,
    LINK_STRENGTHS,
    MEASURE_TYPES,
    NODE_KINDS,
    RAG_VALUES,
    RULE_SETS,
    STAGES,
    Annotation,
    AuditEntry,
    Link,
    Measure,
    Node,
    Observation,
    RegisterInfo,
    StatusUpdate,
    new_id,
)
from register.records import (
    AnnotationRecord,
    AuditRecord,
    DeletionImpact,
    LinkRecord,
    MeasureRecord,
    NodeRecord,
    ObservationRecord,
    StatusRecord,
    TreeSnapshot,
    tree_snapshot,
)
from register.storage import Database, after_commit
from register.vocabulary import CHART_TYPES, KIND_NAMES

PROJECT_FIELDS = ("lead", "unit", "start", "end", "stage")
RATIO_CHARTS = ("p", "pp", "u", "up")
PROPORTION_CHARTS = ("p", "pp")
#: The kinds of entity the messages name (``No measure with id …``), translated where shown.
ENTITY_NAMES = {"node": N_("node"), "link": N_("link"), "status update": N_("status update"),
                "measure": N_("measure"), "observation": N_("observation"), "annotation": N_("annotation")}  # fmt: skip
#: The entities a conflict message names without a title.
ENTITY_PHRASES = {N_("The link"), N_("The status update"), N_("The observation"), N_("The annotation")}


def kind_name(kind: str) -> str:
    """A node kind in words, in the language in use (``primary`` → ``primary driver`` / ``primær driver``)."""
    return _(KIND_NAMES[kind])


#: Up to this many added data points the audit entry lists their ids; more are recorded as a count and dates.
MAX_AUDITED_IDS = 50
#: Rows fetched from the database driver at a time by the bulk reads.
_READ_BATCH = 5000


def default_user() -> str:
    """The operating-system user name, the author of changes unless the user set a name."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):
        return "unknown"


#: The longest author name the audit trail holds (its ``user`` column).
MAX_AUTHOR = 200


def check_author(name: str | None) -> str:
    """An author name for the audit trail of a register file: no control characters, at most 200 characters."""
    value = (name or "").strip()
    if any(unicodedata.category(character) in ("Cc", "Cf", "Cs") for character in value):
        message = _("The author name contains a control character; type it again without it.")
        raise ValidationError(message, field="user")
    if len(value) > MAX_AUTHOR:
        raise ValidationError(
            _("The author name is {length} characters long; the limit is {limit}.").format(
                length=len(value), limit=MAX_AUTHOR
            ),
            field="user",
        )
    return value


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _jsonable(value: Any) -> Any:
    """Dates as ISO text, for the audit trail's JSON (also json.dumps's ``default``)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return value


# --------------------------------------------------------------------------- row -> record


def node_record(row: Node) -> NodeRecord:
    return NodeRecord(
        row.id, row.kind, row.title, row.description, row.parent_id, row.position, row.lead, row.unit,
        row.start_date, row.end_date, row.stage, row.archived_at is not None, row.version,
    )  # fmt: skip


def link_record(row: Link) -> LinkRecord:
    return LinkRecord(row.id, row.source_id, row.target_id, row.strength, row.version)


def status_record(row: StatusUpdate) -> StatusRecord:
    return StatusRecord(
        row.id, row.node_id, row.date, row.author, row.rag, row.progress, row.summary, row.next_steps,
        row.help_needed, row.version,
    )  # fmt: skip


def measure_record(row: Measure) -> MeasureRecord:
    return MeasureRecord(
        row.id, row.node_id, row.name, row.type, row.definition, row.unit, row.chart, row.improvement, row.target,
        row.rules, row.baseline, row.position, row.archived_at is not None, row.version,
    )  # fmt: skip


def observation_record(row: Observation) -> ObservationRecord:
    return ObservationRecord(
        row.id, row.measure_id, row.date, row.value, row.denominator, row.note, row.excluded, row.exclude_reason,
        row.version,
    )  # fmt: skip


def annotation_record(row: Annotation) -> AnnotationRecord:
    return AnnotationRecord(row.id, row.measure_id, row.date, row.text, row.phase_break, row.version)


# Record field name -> model attribute name, where they differ.
_NODE_ATTRIBUTES = {"start": "start_date", "end": "end_date"}


class RegisterService:
    """All reads and changes of one register, on behalf of one user."""

    def __init__(self, database: Database, user: str | None = None) -> None:
        self.db = database
        self.user = check_author(user) or default_user()
        #: Ids of the audit entries this service wrote and committed (on a file), so a window can tell its own
        #: changes from others'.
        self._own_audit: set[int] = set()

    # ------------------------------------------------------------------ helpers

    def _audit(
        self, session: Session, entity: str, entity_id: str, node_id: str | None, action: str,
        changes: Mapping[str, Any],
    ) -> None:  # fmt: skip
        if self.db.is_shared:
            # A shared register writes its audit trail itself (triggers of migration 0003), with the
            # database login and the server's clock; nobody can write or rewrite it from here.
            return
        # One INSERT now (no ORM object for the unit of work to track: that flush was half of a status update);
        # the entry's id counts as this service's own once the transaction has committed.
        result = session.connection().execute(insert(AuditEntry.__table__), {
            "at": utc_now(), "user": self.user, "entity_type": entity, "entity_id": entity_id, "node_id": node_id,
            "action": action, "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True, default=_jsonable),
        })  # fmt: skip
        entry_id = result.inserted_primary_key[0]
        after_commit(session, lambda: self._own_audit.add(entry_id))

    @staticmethod
    def _snapshot(row: Any, fields: Iterable[str]) -> dict[str, list[Any]]:
        return {name: [None, _jsonable(getattr(row, name))] for name in fields}

    def _apply(self, row: Any, changes: Mapping[str, Any], attributes: Mapping[str, str] | None = None) -> dict:
        """Set changed attributes; return {field: [old, new]} for those that really changed."""
        diff: dict[str, list[Any]] = {}
        for name, value in changes.items():
            attribute = (attributes or {}).get(name, name)
            old = getattr(row, attribute)
            if old != value:
                setattr(row, attribute, value)
                diff[name] = [_jsonable(old), _jsonable(value)]
        return diff

    def _conflict(self, session: Session, what: str, entity_id: str) -> ConflictError:
        last = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        what = _(what) if what in ENTITY_PHRASES else what
        if last:
            message = _("{what} was changed by {user} at {time} after you opened it. Reload to see the change; "
                        "nothing was overwritten.")  # fmt: skip
            return ConflictError(message.format(what=what, user=last.user, time=check.format_time(last.at)))
        message = _("{what} was changed after you opened it. Reload to see the change; nothing was overwritten.")
        return ConflictError(message.format(what=what))

    def _check_version(self, session: Session, row: Any, expected: int | None, what: str) -> None:
        """Refuse a change based on another version of the row than the stored one (None skips: moves only)."""
        if expected is not None and row.version != expected:
            raise self._conflict(session, what, row.id)

    def _require_version(self, session: Session, row: Any, expected: int, what: str) -> None:
        """Refuse an update unless it is based on the stored version of the row (None or a stale version is refused)."""
        if row.version != expected:
            raise self._conflict(session, what, row.id)

    @staticmethod
    def _get(session: Session, model: type, entity_id: str, what: str) -> Any:
        row = session.get(model, entity_id) if isinstance(entity_id, str) else None
        if row is None:
            raise NotFoundError(_("No {what} with id {id!r} exists in this register; it may have been purged.").format(
                what=_(ENTITY_NAMES[what]) if what in ENTITY_NAMES else what, id=entity_id))  # fmt: skip
        return row

    def _live_node(self, session: Session, node_id: str) -> Node:
        node = self._get(session, Node, node_id, "node")
        if self._is_hidden(session, node):
            raise ValidationError(_("'{title}' is archived; restore it first.").format(title=node.title))
        return node

    @staticmethod
    def _is_hidden(session: Session, node: Node) -> bool:
        if node.archived_at is not None:
            return True
        return bool(node.parent_id) and _archived_ancestor(session, node.parent_id)

    @staticmethod
    def _live_node_facts(session: Session, node_id: str) -> tuple[str, str]:
        """The kind and title of a node that is not archived (itself or any ancestor), in one query."""
        row = session.connection().execute(_live_node_query(), {"node_id": node_id}).first()
        if row is None:
            raise NotFoundError(_("No {what} with id {id!r} exists in this register; it may have been purged.").format(
                what=_(ENTITY_NAMES["node"]), id=node_id))  # fmt: skip
        if row[2]:
            raise ValidationError(_("'{title}' is archived; restore it first.").format(title=row[1]))
        return row[0], row[1]

    # ------------------------------------------------------------------ register

    def title(self) -> str:
        with self.db.reading() as session:
            row = session.get(RegisterInfo, "title")
            return row.value if row else ""

    def set_title(self, title: str) -> str:
        value = check.text(title, "register title", limit=check.MAX_REGISTER_TITLE)
        with self.db.transaction() as session:
            row = session.get(RegisterInfo, "title")
            old = row.value if row else ""
            if row is None:
                session.add(RegisterInfo(key="title", value=value))
            else:
                row.value = value
            if old != value:
                self._audit(session, "register", "title", None, "update", {"title": [old, value]})
        return value

    def is_empty(self) -> bool:
        with self.db.reading() as session:
            return session.scalar(select(func.count()).select_from(Node)) == 0

    # ------------------------------------------------------------------ reading the tree

    def load_tree(self) -> TreeSnapshot:
        """All live nodes, live links and the latest status of every project, in one read."""
        with self.db.reading() as session:
            connection = session.connection()
            n = Node.__table__.c
            node_rows = connection.execute(
                select(
                    n.id, n.kind, n.title, n.description, n.parent_id, n.position, n.lead, n.unit, n.start_date,
                    n.end_date, n.stage, n.archived_at, n.version,
                )
            ).all()  # fmt: skip
            lk = Link.__table__.c
            link_rows = connection.execute(select(lk.id, lk.source_id, lk.target_id, lk.strength, lk.version)).all()
            latest = self._latest_statuses(session)
            title_row = session.get(RegisterInfo, "title")
        return tree_snapshot(node_rows, link_rows, latest, title_row.value if title_row else "")

    @staticmethod
    def _latest_statuses(session: Session, node_ids: list[str] | None = None) -> dict[str, StatusRecord]:
        """The newest status update (by date, then id) of each project: one index lookup per project
        (``ix_status_updates_node_date``) rather than ranking every status update with a window function."""
        s, n = StatusUpdate.__table__.c, Node.__table__.c
        newest = aliased(StatusUpdate.__table__, name="newest")
        latest_id = (
            select(newest.c.id).where(newest.c.node_id == n.id)
            .order_by(newest.c.date.desc(), newest.c.id.desc()).limit(1).scalar_subquery()
        )  # fmt: skip
        query = select(
            s.id, s.node_id, s.date, s.author, s.rag, s.progress, s.summary, s.next_steps, s.help_needed, s.version
        ).join_from(Node.__table__, StatusUpdate.__table__, s.id == latest_id)  # fmt: skip
        if node_ids is not None:
            query = query.where(n.id.in_(node_ids))
        rows = session.connection().execute(query)
        return {row[1]: StatusRecord(*row) for row in rows}

    def get_node(self, node_id: str) -> NodeRecord:
        with self.db.reading() as session:
            return node_record(self._get(session, Node, node_id, "node"))

    def children(self, parent_id: str | None) -> list[NodeRecord]:
        """The live children of a node (or the goals, for None) in position order."""
        with self.db.reading() as session:
            return [node_record(row) for row in self._siblings(session, parent_id) if row.archived_at is None]

    def load_subtree(self, node_id: str) -> TreeSnapshot:
        """A live node with everything under it, the links touching them and their latest statuses."""
        with self.db.reading() as session:
            row = self._live_node(session, node_id)
            rows = [node for node in self._subtree(session, row) if node is row or not self._is_hidden(session, node)]
            ids = [node.id for node in rows]
            links = session.scalars(select(Link).where(Link.source_id.in_(ids) | Link.target_id.in_(ids)))
            live_links = [
                link_record(link)
                for link in links
                if not self._is_hidden(session, session.get(Node, link.source_id))
                and not self._is_hidden(session, session.get(Node, link.target_id))
            ]
            return TreeSnapshot(
                nodes=[node_record(node) for node in rows],
                links=live_links,
                latest_status=self._latest_statuses(session, ids),
            )

    def list_archived(self) -> list[NodeRecord]:
        """Archived nodes (the roots of archived subtrees), newest first."""
        with self.db.reading() as session:
            rows = session.scalars(select(Node).where(Node.archived_at.is_not(None)).order_by(Node.archived_at.desc()))
            return [node_record(row) for row in rows]

    def find_node(self, id_or_title: str, kind: str | None = None) -> NodeRecord:
        """A node by id, or by exact title (case-insensitive) when that is unambiguous."""
        with self.db.reading() as session:
            row = session.get(Node, id_or_title)
            if row is not None and (kind is None or row.kind == kind):
                return node_record(row)
            query = select(Node).where(func.lower(Node.title) == id_or_title.strip().lower())
            if kind:
                query = query.where(Node.kind == kind)
            rows = list(session.scalars(query))
        what = kind_name(kind) if kind else _("node")
        if not rows:
            raise NotFoundError(_("No {what} has the id or title {title!r}.").format(what=what, title=id_or_title))
        if len(rows) > 1:
            message = _("{count} nodes of the kind {what} are titled {title!r}; give the id instead.")
            raise ValidationError(message.format(count=len(rows), what=what, title=id_or_title))
        return node_record(rows[0])

    # ------------------------------------------------------------------ nodes

    def _check_parent(self, session: Session, kind: str, parent_id: str | None) -> Node | None:
        allowed = ALLOWED_PARENTS[kind]
        if parent_id is None:
            if None not in allowed:
                names = _(" or ").join(kind_name(k) for k in allowed if k)
                raise ValidationError(_("A {kind} must sit under a {names}.").format(kind=kind_name(kind), names=names),
                                      field="parent")  # fmt: skip
            return None
        parent = self._live_node(session, parent_id)
        if parent.kind not in allowed:
            if None in allowed:
                raise ValidationError(_("A {kind} is a top-level node; it cannot sit under anything.").format(
                    kind=kind_name(kind)))  # fmt: skip
            names = _(" or ").join(kind_name(k) for k in allowed if k)
            raise ValidationError(
                _("A {kind} cannot sit under the {parent_kind} '{parent}'; it belongs under a {names}.").format(
                    kind=kind_name(kind), parent_kind=kind_name(parent.kind), parent=parent.title, names=names),
                field="parent",
            )  # fmt: skip
        return parent

    @staticmethod
    def _siblings(session: Session, parent_id: str | None, exclude: str | None = None) -> list[Node]:
        query = select(Node).where(Node.parent_id.is_(None) if parent_id is None else Node.parent_id == parent_id)
        if exclude:
            query = query.where(Node.id != exclude)
        return list(session.scalars(query.order_by(Node.position, Node.title, Node.id)))

    @staticmethod
    def _renumber(siblings: list[Node]) -> None:
        for index, sibling in enumerate(siblings):
            if sibling.position != index:
                sibling.position = index

    def _project_fields(self, kind: str, fields: Mapping[str, Any], current: Node | None = None) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "description" in fields:
            values["description"] = check.text(fields["description"], "description")
        if kind != "project":
            given = [name for name in PROJECT_FIELDS if fields.get(name) not in (None, "")]
            if given:
                raise ValidationError(_("Only projects have {fields}; a {kind} does not.").format(
                    fields=", ".join(check.field_label(name) for name in given), kind=kind_name(kind)))  # fmt: skip
            return values
        for name in ("lead", "unit"):
            if name in fields:
                values[name] = check.text(fields[name], name, limit=check.FIELD_LIMITS[name])
        for name in ("start", "end"):
            if name in fields:
                values[name] = check.parse_date(fields[name], f"{name} date", optional=True)
        if "stage" in fields:
            values["stage"] = check.choice(fields["stage"], STAGES, "stage")
        start = values.get("start", current.start_date if current else None)
        end = values.get("end", current.end_date if current else None)
        check.date_range(start, end)
        return values

    def add_node(
        self, kind: str, title: str, parent_id: str | None = None, *, position: int | None = None,
        node_id: str | None = None, **fields: Any,
    ) -> NodeRecord:  # fmt: skip
        """Add a goal, driver or project under ``parent_id`` (appended, or at ``position``)."""
        check.choice(kind, NODE_KINDS, "kind")
        clean_title = check.title(title)
        unknown = set(fields) - {"description", *PROJECT_FIELDS}
        if unknown:
            raise ValidationError(_("Unknown node field(s): {fields}.").format(fields=", ".join(sorted(unknown))))
        values = self._project_fields(kind, fields)
        with self.db.transaction() as session:
            if node_id is not None and session.get(Node, node_id) is not None:
                raise ValidationError(_("A node with id {id} already exists.").format(id=node_id))
            self._check_parent(session, kind, parent_id)
            siblings = self._siblings(session, parent_id)
            index = len(siblings) if position is None else max(0, min(int(position), len(siblings)))
            row = Node(
                id=node_id or new_id(), kind=kind, title=clean_title, parent_id=parent_id, position=index,
                description=values.get("description", ""), lead=values.get("lead", ""), unit=values.get("unit", ""),
                start_date=values.get("start"), end_date=values.get("end"),
                stage=values.get("stage", "idea") if kind == "project" else None,
            )  # fmt: skip
            siblings.insert(index, row)
            session.add(row)
            self._renumber(siblings)
            session.flush()
            self._audit(
                session, "node", row.id, row.id, "create",
                self._snapshot(row, ("kind", "title", "parent_id", "description", "lead", "unit", "start_date",
                                     "end_date", "stage")),
            )  # fmt: skip
            return node_record(row)

    def update_node(self, node_id: str, expected_version: int, **changes: Any) -> NodeRecord:
        """Change a node's title, description or project fields."""
        unknown = set(changes) - {"title", "description", *PROJECT_FIELDS}
        if unknown:
            raise ValidationError(_("Unknown node field(s): {fields}.").format(fields=", ".join(sorted(unknown))))
        with self.db.transaction() as session:
            row = self._live_node(session, node_id)
            self._require_version(session, row, expected_version, f"'{row.title}'")
            values = self._project_fields(row.kind, changes, row)
            if "title" in changes:
                values["title"] = check.title(changes["title"])
            diff = self._apply(row, values, _NODE_ATTRIBUTES)
            if diff:
                session.flush()
                self._audit(session, "node", row.id, row.id, "update", diff)
            return node_record(row)

    def move_node(
        self, node_id: str, parent_id: str | None, position: int | None = None, expected_version: int | None = None
    ) -> NodeRecord:
        """Move a node under another parent of an allowed kind, or to another place among its siblings."""
        with self.db.transaction() as session:
            row = self._live_node(session, node_id)
            self._check_version(session, row, expected_version, f"'{row.title}'")
            parent = self._check_parent(session, row.kind, parent_id)
            ancestor = parent
            while ancestor is not None:
                if ancestor.id == row.id:
                    raise ValidationError(_("'{title}' cannot be moved under itself.").format(title=row.title))
                ancestor = session.get(Node, ancestor.parent_id) if ancestor.parent_id else None
            if parent is not None and session.scalar(
                select(Link.id).where(Link.source_id == row.id, Link.target_id == parent.id)
            ):
                raise ValidationError(
                    _("'{title}' is cross-linked to '{parent}'; remove that link before making it the parent.").format(
                        title=row.title, parent=parent.title)
                )  # fmt: skip
            old_parent, old_position = row.parent_id, row.position
            if old_parent != parent_id:
                self._renumber(self._siblings(session, old_parent, exclude=row.id))
            siblings = self._siblings(session, parent_id, exclude=row.id)
            index = len(siblings) if position is None else max(0, min(int(position), len(siblings)))
            siblings.insert(index, row)
            row.parent_id = parent_id
            self._renumber(siblings)
            session.flush()
            if (old_parent, old_position) != (row.parent_id, row.position):
                self._audit(
                    session, "node", row.id, row.id, "move",
                    {"parent_id": [old_parent, row.parent_id], "position": [old_position, row.position]},
                )  # fmt: skip
            return node_record(row)

    def _subtree(self, session: Session, node: Node) -> list[Node]:
        result, frontier = [node], [node.id]
        while frontier:
            children = list(session.scalars(select(Node).where(Node.parent_id.in_(frontier))))
            result.extend(children)
            frontier = [child.id for child in children]
        return result

    def describe_deletion(self, node_id: str) -> DeletionImpact:
        """What archiving (or purging) the node would take with it."""
        with self.db.reading() as session:
            row = self._get(session, Node, node_id, "node")
            return self._impact(session, row)

    def _impact(self, session: Session, row: Node) -> DeletionImpact:
        subtree = self._subtree(session, row)
        ids = [node.id for node in subtree]
        counts: dict[str, int] = {}
        for node in subtree[1:]:
            counts[node.kind] = counts.get(node.kind, 0) + 1
        measure_ids = select(Measure.id).where(Measure.node_id.in_(ids))
        return DeletionImpact(
            node=node_record(row),
            descendants=counts,
            measures=session.scalar(select(func.count()).where(Measure.node_id.in_(ids))) or 0,
            observations=session.scalar(select(func.count()).where(Observation.measure_id.in_(measure_ids))) or 0,
            status_updates=session.scalar(select(func.count()).where(StatusUpdate.node_id.in_(ids))) or 0,
            links=session.scalar(
                select(func.count()).where(Link.source_id.in_(ids) | Link.target_id.in_(ids))
            ) or 0,
        )  # fmt: skip

    def archive_node(self, node_id: str, expected_version: int | None = None) -> DeletionImpact:
        """Delete a node recoverably: it and everything under it leave the tree until restored."""
        with self.db.transaction() as session:
            row = self._live_node(session, node_id)
            self._check_version(session, row, expected_version, f"'{row.title}'")
            impact = self._impact(session, row)
            row.archived_at = utc_now()
            session.flush()
            self._audit(session, "node", row.id, row.id, "archive", {"archived_at": [None, _jsonable(row.archived_at)]})
            return impact

    def restore_node(self, node_id: str) -> NodeRecord:
        """Bring an archived node (and what was under it) back into the tree."""
        with self.db.transaction() as session:
            row = self._get(session, Node, node_id, "node")
            if row.archived_at is None:
                return node_record(row)
            if row.parent_id is not None:
                parent = session.get(Node, row.parent_id)
                if parent is None or self._is_hidden(session, parent):
                    raise ValidationError(_("'{title}' sits under an archived node; restore that first.").format(
                        title=row.title))  # fmt: skip
            old = row.archived_at
            row.archived_at = None
            session.flush()
            self._audit(session, "node", row.id, row.id, "restore", {"archived_at": [_jsonable(old), None]})
            return node_record(row)

    def purge_node(self, node_id: str) -> DeletionImpact:
        """Destroy an archived node and everything under it for good. Only archived nodes can be purged."""
        with self.db.transaction() as session:
            row = self._get(session, Node, node_id, "node")
            if row.archived_at is None:
                raise ValidationError(_("'{title}' is not archived; archive it before purging it.").format(
                    title=row.title))  # fmt: skip
            impact = self._impact(session, row)
            record = impact.node
            self._destroy(session, [node.id for node in self._subtree(session, row)])
            self._audit(
                session, "node", record.id, record.id, "purge",
                {"title": [record.title, None], "kind": [record.kind, None], "descendants": [impact.descendants, None],
                 "measures": [impact.measures, None], "status_updates": [impact.status_updates, None]},
            )  # fmt: skip
            return impact

    def remove_new_node(self, node_id: str) -> NodeRecord:
        """Take back a node that was just added (undo of an add). It must have nothing attached."""
        with self.db.transaction() as session:
            row = self._get(session, Node, node_id, "node")
            impact = self._impact(session, row)
            if not impact.is_empty:
                raise ValidationError(_("'{title}' has content now; archive it instead.").format(title=row.title))
            record = node_record(row)
            siblings = self._siblings(session, row.parent_id, exclude=row.id)
            session.delete(row)
            self._renumber(siblings)
            session.flush()
            self._audit(session, "node", record.id, record.id, "remove", {"title": [record.title, None]})
            return record

    @staticmethod
    def _destroy(session: Session, node_ids: list[str]) -> None:
        measure_ids = select(Measure.id).where(Measure.node_id.in_(node_ids)).scalar_subquery()
        session.execute(delete(Observation).where(Observation.measure_id.in_(measure_ids)))
        session.execute(delete(Annotation).where(Annotation.measure_id.in_(measure_ids)))
        session.execute(delete(Measure).where(Measure.node_id.in_(node_ids)))
        session.execute(delete(StatusUpdate).where(StatusUpdate.node_id.in_(node_ids)))
        session.execute(delete(Link).where(Link.source_id.in_(node_ids) | Link.target_id.in_(node_ids)))
        session.execute(update(Node).where(Node.id.in_(node_ids)).values(parent_id=None))
        session.execute(delete(Node).where(Node.id.in_(node_ids)), execution_options={"synchronize_session": False})
        session.expire_all()

    # ------------------------------------------------------------------ links

    def add_link(
        self, source_id: str, target_id: str, strength: str = "strong", link_id: str | None = None
    ) -> LinkRecord:
        """Add a contributes-to link from a project or secondary driver to another driver."""
        check.choice(strength, LINK_STRENGTHS, "strength")
        with self.db.transaction() as session:
            source = self._live_node(session, source_id)
            target = self._live_node(session, target_id)
            if source.id == target.id:
                raise ValidationError(_("'{title}' cannot be linked to itself.").format(title=source.title))
            allowed = ALLOWED_LINK_TARGETS.get(source.kind, ())
            if target.kind not in allowed:
                if not allowed:
                    raise ValidationError(
                        _("Only projects and secondary drivers can have cross-links, not a {kind}.").format(
                            kind=kind_name(source.kind))
                    )  # fmt: skip
                names = _(" or ").join(kind_name(k) for k in allowed)
                raise ValidationError(
                    _("A {kind} can be linked to: {names}; not to the {target_kind} '{target}'.").format(
                        kind=kind_name(source.kind), names=names, target_kind=kind_name(target.kind),
                        target=target.title)
                )  # fmt: skip
            if source.parent_id == target.id:
                raise ValidationError(_("'{target}' is already the parent of '{source}'.").format(
                    target=target.title, source=source.title))  # fmt: skip
            if session.scalar(select(Link.id).where(Link.source_id == source.id, Link.target_id == target.id)):
                raise ValidationError(_("'{source}' is already linked to '{target}'.").format(
                    source=source.title, target=target.title))  # fmt: skip
            if link_id is not None and session.get(Link, link_id) is not None:
                raise ValidationError(_("A link with id {id} already exists.").format(id=link_id))
            row = Link(id=link_id or new_id(), source_id=source.id, target_id=target.id, strength=strength)
            session.add(row)
            session.flush()
            self._audit(session, "link", row.id, source.id, "create",
                        self._snapshot(row, ("source_id", "target_id", "strength")))  # fmt: skip
            return link_record(row)

    def set_link_strength(self, link_id: str, strength: str, expected_version: int) -> LinkRecord:
        check.choice(strength, LINK_STRENGTHS, "strength")
        with self.db.transaction() as session:
            row = self._get(session, Link, link_id, "link")
            self._require_version(session, row, expected_version, "The link")
            diff = self._apply(row, {"strength": strength})
            if diff:
                session.flush()
                self._audit(session, "link", row.id, row.source_id, "update", diff)
            return link_record(row)

    def remove_link(self, link_id: str) -> LinkRecord:
        """Remove a link; the audit trail keeps it, and :meth:`add_link` with its id brings it back."""
        with self.db.transaction() as session:
            row = self._get(session, Link, link_id, "link")
            record = link_record(row)
            session.delete(row)
            self._audit(session, "link", record.id, record.source_id, "delete",
                        {"source_id": [record.source_id, None], "target_id": [record.target_id, None],
                         "strength": [record.strength, None]})  # fmt: skip
            return record

    def links_of(self, node_id: str) -> list[LinkRecord]:
        with self.db.reading() as session:
            rows = session.scalars(
                select(Link).where((Link.source_id == node_id) | (Link.target_id == node_id)).order_by(Link.id)
            )
            return [link_record(row) for row in rows]

    # ------------------------------------------------------------------ status updates

    def _status_values(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "date" in fields:
            values["date"] = check.parse_date(fields["date"])
        if "rag" in fields:
            values["rag"] = check.choice(fields["rag"], RAG_VALUES, "RAG status")
        if "progress" in fields:
            values["progress"] = check.progress(fields["progress"])
        if "author" in fields:
            values["author"] = check.text(fields["author"], "author", limit=check.FIELD_LIMITS["author"])
        for name in ("summary", "next_steps", "help_needed"):
            if name in fields:
                values[name] = check.text(fields[name], name.replace("_", " "))
        return values

    def add_status_update(
        self, node_id: str, *, date: date | str, rag: str, progress: float | None = None, author: str | None = None,
        summary: str = "", next_steps: str = "", help_needed: str = "", status_id: str | None = None,
    ) -> StatusRecord:  # fmt: skip
        """Log a project's status: RAG, IHI progress score and narrative."""
        values = self._status_values(
            {"date": date, "rag": rag, "progress": progress, "author": author or self.user, "summary": summary,
             "next_steps": next_steps, "help_needed": help_needed}
        )  # fmt: skip
        with self.db.transaction() as session:
            kind, title = self._live_node_facts(session, node_id) if isinstance(node_id, str) else ("", "")
            if not kind:
                message = _("No {what} with id {id!r} exists in this register; it may have been purged.")
                raise NotFoundError(message.format(what=_(ENTITY_NAMES["node"]), id=node_id))
            if kind != "project":
                raise ValidationError(_("Status is logged on projects; '{title}' is a {kind}.").format(
                    title=title, kind=kind_name(kind)))  # fmt: skip
            # Three statements in all: the check above, this row and its audit row (no ORM object to track).
            row = {"id": status_id or new_id(), "node_id": node_id, "summary": "", "next_steps": "", "help_needed": "",
                   "author": "", "progress": None, **values, "version": 1}  # fmt: skip
            session.connection().execute(insert(StatusUpdate.__table__), row)
            self._audit(session, "status", row["id"], node_id, "create", {k: [None, v] for k, v in values.items()})
            return StatusRecord(row["id"], node_id, row["date"], row["author"], row["rag"], row["progress"],
                                row["summary"], row["next_steps"], row["help_needed"], 1)  # fmt: skip

    def update_status_update(self, status_id: str, expected_version: int, **changes: Any) -> StatusRecord:
        unknown = set(changes) - {"date", "rag", "progress", "author", "summary", "next_steps", "help_needed"}
        if unknown:
            raise ValidationError(_("Unknown status field(s): {fields}.").format(fields=", ".join(sorted(unknown))))
        values = self._status_values(changes)
        with self.db.transaction() as session:
            row = self._get(session, StatusUpdate, status_id, "status update")
            self._require_version(session, row, expected_version, "The status update")
            diff = self._apply(row, values)
            if diff:
                session.flush()
                self._audit(session, "status", row.id, row.node_id, "update", diff)
            return status_record(row)

    def remove_status_update(self, status_id: str) -> StatusRecord:
        """Remove a status update; the returned record (and the audit trail) can bring it back."""
        with self.db.transaction() as session:
            row = self._get(session, StatusUpdate, status_id, "status update")
            record = status_record(row)
            session.delete(row)
            self._audit(session, "status", record.id, record.node_id, "delete",
                        {"date": [_jsonable(record.date), None], "rag": [record.rag, None],
                         "progress": [record.progress, None], "summary": [record.summary, None]})  # fmt: skip
            return record

    def latest_status(self, node_id: str) -> StatusRecord | None:
        """A project's newest status update (by date), or None."""
        with self.db.reading() as session:
            return self._latest_statuses(session, [node_id]).get(node_id)

    def status_history(self, node_id: str) -> list[StatusRecord]:
        """A project's status updates, newest first."""
        with self.db.reading() as session:
            rows = session.scalars(
                select(StatusUpdate)
                .where(StatusUpdate.node_id == node_id)
                .order_by(StatusUpdate.date.desc(), StatusUpdate.id.desc())
            )
            return [status_record(row) for row in rows]

    # ------------------------------------------------------------------ measures

    def _measure_values(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "name" in fields:
            values["name"] = check.text(fields["name"], "name", required=True, limit=check.FIELD_LIMITS["name"])
        if "type" in fields:
            values["type"] = check.choice(fields["type"], MEASURE_TYPES, "measure type")
        if "definition" in fields:
            values["definition"] = check.text(fields["definition"], "operational definition")
        if "unit" in fields:
            values["unit"] = check.text(fields["unit"], "unit", limit=check.FIELD_LIMITS["measure unit"])
        if "chart" in fields:
            values["chart"] = check.choice(fields["chart"], CHART_TYPES, "chart type")
        if "improvement" in fields:
            values["improvement"] = check.choice(
                fields["improvement"], IMPROVEMENT_DIRECTIONS, "direction of improvement", optional=True
            )
        if "target" in fields:
            values["target"] = check.parse_number(fields["target"], "target", optional=True)
        if "rules" in fields:
            values["rules"] = check.choice(fields["rules"], RULE_SETS, "rule set")
        if "baseline" in fields:
            baseline = check.parse_number(fields["baseline"], "baseline", optional=True)
            if baseline is not None and (baseline < 2 or not float(baseline).is_integer()):
                raise ValidationError(_("The baseline is a whole number of points, at least 2."), field="baseline")
            values["baseline"] = None if baseline is None else int(baseline)
        return values

    @staticmethod
    def _check_rules(chart: str, rules: str) -> None:
        if rules in ("mdc", "mdc6") and chart != "i":
            message = _("Making Data Count rules apply to I charts only; choose chart type i.")
            raise ValidationError(message, field="rules")

    def add_measure(self, node_id: str, name: str, *, measure_id: str | None = None, **fields: Any) -> MeasureRecord:
        """Add a measure to any node."""
        unknown = set(fields) - {"type", "definition", "unit", "chart", "improvement", "target", "rules", "baseline"}
        if unknown:
            raise ValidationError(_("Unknown measure field(s): {fields}.").format(fields=", ".join(sorted(unknown))))
        values = self._measure_values({"name": name, **fields})
        self._check_rules(values.get("chart", "run"), values.get("rules", "anhoej"))
        with self.db.transaction() as session:
            node = self._live_node(session, node_id)
            if measure_id is not None and session.get(Measure, measure_id) is not None:
                raise ValidationError(_("A measure with id {id} already exists.").format(id=measure_id))
            count = session.scalar(select(func.count()).where(Measure.node_id == node.id)) or 0
            row = Measure(id=measure_id or new_id(), node_id=node.id, position=count, **values)
            session.add(row)
            session.flush()
            self._audit(session, "measure", row.id, node.id, "create", {k: [None, v] for k, v in values.items()})
            return measure_record(row)

    def update_measure(self, measure_id: str, expected_version: int, **changes: Any) -> MeasureRecord:
        values = self._measure_values(changes)
        unknown = set(changes) - set(values) - {"improvement", "target", "baseline"}
        if unknown:
            raise ValidationError(_("Unknown measure field(s): {fields}.").format(fields=", ".join(sorted(unknown))))
        with self.db.transaction() as session:
            row = self._get(session, Measure, measure_id, "measure")
            self._require_version(session, row, expected_version, _("The measure '{name}'").format(name=row.name))
            self._check_rules(values.get("chart", row.chart), values.get("rules", row.rules))
            if values.get("chart", row.chart) in RATIO_CHARTS and row.chart not in RATIO_CHARTS:
                missing = session.scalar(
                    select(func.count()).where(Observation.measure_id == row.id, Observation.denominator.is_(None))
                )
                if missing:
                    raise ValidationError(
                        ngettext("{count} observation of '{name}' has no denominator; a {chart} chart needs one for "
                                 "every value.", "{count} observations of '{name}' have no denominator; a {chart} "
                                 "chart needs one for every value.", missing).format(
                            count=missing, name=row.name, chart=values["chart"]),
                        field="chart",
                    )  # fmt: skip
            diff = self._apply(row, values)
            if diff:
                session.flush()
                self._audit(session, "measure", row.id, row.node_id, "update", diff)
            return measure_record(row)

    def archive_measure(self, measure_id: str) -> MeasureRecord:
        return self._set_measure_archived(measure_id, archived=True)

    def restore_measure(self, measure_id: str) -> MeasureRecord:
        return self._set_measure_archived(measure_id, archived=False)

    def _set_measure_archived(self, measure_id: str, archived: bool) -> MeasureRecord:
        with self.db.transaction() as session:
            row = self._get(session, Measure, measure_id, "measure")
            old = row.archived_at
            if (old is not None) != archived:
                row.archived_at = utc_now() if archived else None
                session.flush()
                self._audit(session, "measure", row.id, row.node_id, "archive" if archived else "restore",
                            {"archived_at": [_jsonable(old), _jsonable(row.archived_at)]})  # fmt: skip
            return measure_record(row)

    def list_measures(self, node_id: str, include_archived: bool = False) -> list[MeasureRecord]:
        with self.db.reading() as session:
            query = select(Measure).where(Measure.node_id == node_id)
            if not include_archived:
                query = query.where(Measure.archived_at.is_(None))
            return [measure_record(row) for row in session.scalars(query.order_by(Measure.position, Measure.name))]

    def get_measure(self, measure_id: str) -> MeasureRecord:
        with self.db.reading() as session:
            return measure_record(self._get(session, Measure, measure_id, "measure"))

    def find_measure(self, id_or_name: str) -> MeasureRecord:
        """A measure by id, or by exact name (case-insensitive) when that is unambiguous."""
        with self.db.reading() as session:
            row = session.get(Measure, id_or_name)
            if row is not None:
                return measure_record(row)
            rows = list(session.scalars(select(Measure).where(func.lower(Measure.name) == id_or_name.strip().lower())))
        if not rows:
            raise NotFoundError(_("No measure has the id or name {name!r}.").format(name=id_or_name))
        if len(rows) > 1:
            raise ValidationError(_("{count} measures are named {name!r}; give the id instead.").format(
                count=len(rows), name=id_or_name))  # fmt: skip
        return measure_record(rows[0])

    # ------------------------------------------------------------------ observations

    def _observation_values(self, chart: str, fields: Mapping[str, Any], place: str = "") -> dict[str, Any]:
        prefix = f"{place}: " if place else ""
        try:
            values: dict[str, Any] = {}
            if "date" in fields:
                values["date"] = check.parse_date(fields["date"])
            if "value" in fields:
                values["value"] = check.parse_number(fields["value"], "value")
            if "denominator" in fields:
                values["denominator"] = check.parse_number(fields["denominator"], "denominator", optional=True)
            if "note" in fields:
                values["note"] = check.text(fields["note"], "note")
            if "excluded" in fields:
                if not isinstance(fields["excluded"], bool):
                    raise ValidationError(_("Excluded must be true or false."), field="excluded")
                values["excluded"] = fields["excluded"]
            if "exclude_reason" in fields:
                values["exclude_reason"] = check.text(fields["exclude_reason"], "reason for exclusion")
        except ValidationError as error:
            raise ValidationError(prefix + str(error), error.field) from None
        return values

    @staticmethod
    def check_observation(chart: str, value: float, denominator: float | None) -> None:
        """The rules a value must meet for a chart type (raises ValidationError)."""
        if chart in RATIO_CHARTS:
            if denominator is None:
                raise ValidationError(_("A {chart} chart needs a denominator for every value.").format(chart=chart),
                                      field="denominator")  # fmt: skip
            if denominator < 0:  # 0 is kept: the chart shows that month as a gap, as qicharts2 does
                raise ValidationError(
                    _("The denominator is {denominator}; it cannot be negative.").format(
                        denominator=check.format_number(denominator)), field="denominator"
                )  # fmt: skip
        if chart in PROPORTION_CHARTS and denominator is not None and value > denominator:
            message = _("The value {value} is larger than its denominator {denominator}; a proportion cannot "
                        "exceed it.")  # fmt: skip
            raise ValidationError(
                message.format(value=check.format_number(value), denominator=check.format_number(denominator)),
                field="value",
            )
        if chart in ("c", "u", "up", "g", "p", "pp") and value < 0:
            raise ValidationError(_("The value {value} is negative; a {chart} chart counts events.").format(
                value=check.format_number(value), chart=chart), field="value")  # fmt: skip
        if chart == "t" and value <= 0:
            raise ValidationError(
                _("The value {value} must be greater than zero for a t chart (time between events).").format(
                    value=check.format_number(value)), field="value")  # fmt: skip

    def add_observations(self, measure_id: str, rows: Iterable[Mapping[str, Any]]) -> list[ObservationRecord]:
        """Add data points, all or nothing. Each row: date, value, denominator, note (and optionally id)."""
        with self.db.transaction() as session:
            measure = self._get(session, Measure, measure_id, "measure")
            created = []
            for index, fields in enumerate(rows):
                place = _("row {number}").format(number=index + 1)
                values = self._observation_values(measure.chart, {"note": "", **fields}, place)
                if "date" not in values or "value" not in values:
                    raise ValidationError(_("{place}: a date and a value are needed.").format(place=place))
                try:
                    self.check_observation(measure.chart, values["value"], values.get("denominator"))
                except ValidationError as error:
                    raise ValidationError(_("{place}: {error}").format(place=place, error=error), error.field) from None
                observation_id = fields.get("id")
                if observation_id is not None and session.get(Observation, observation_id) is not None:
                    raise ValidationError(_("{place}: an observation with id {id} already exists.").format(
                        place=place, id=observation_id))  # fmt: skip
                row = Observation(id=observation_id or new_id(), measure_id=measure.id, **values)
                session.add(row)
                created.append(row)
            session.flush()
            if len(created) > MAX_AUDITED_IDS:  # a bulk add: one compact entry, not every id
                dates = [row.date for row in created]
                self._audit(session, "measure", measure.id, measure.node_id, "add_data",
                            {"rows": [None, len(created)], "first_date": [None, min(dates)],
                             "last_date": [None, max(dates)]})  # fmt: skip
            elif created:
                self._audit(session, "measure", measure.id, measure.node_id, "add_data",
                            {"observations": [None, [row.id for row in created]]})  # fmt: skip
            return [observation_record(row) for row in created]

    def import_observation_rows(
        self, measure_id: str, rows: Iterable[Mapping[str, Any]], summary: Callable[[], Mapping[str, Any]],
        batch_size: int = 5000,
    ) -> int:  # fmt: skip
        """Add many checked data points in one transaction, in batches, all or nothing; returns how many.

        For a bulk import that may not fit in memory: ``rows`` is consumed once (an error it raises rolls
        everything back), and the audit trail gets one compact entry whose content ``summary()`` gives once all
        rows are in (for a file: its name, SHA-256, the row count, the first and last date), not every row.
        """
        with self.db.transaction() as session:
            measure = self._get(session, Measure, measure_id, "measure")
            count, batch = 0, []
            for fields in rows:
                values = self._observation_values(measure.chart, {"note": "", **fields})
                self.check_observation(measure.chart, values["value"], values.get("denominator"))
                batch.append({"id": new_id(), "measure_id": measure.id, "version": 1, **values})
                if len(batch) >= batch_size:
                    session.execute(insert(Observation), batch)
                    count, batch = count + len(batch), []
            if batch:
                session.execute(insert(Observation), batch)
                count += len(batch)
            if count:
                self._audit(session, "measure", measure.id, measure.node_id, "import",
                            {name: [None, value] for name, value in summary().items()})  # fmt: skip
            return count

    def update_observation(self, observation_id: str, expected_version: int, **changes: Any) -> ObservationRecord:
        unknown = set(changes) - {"date", "value", "denominator", "note", "excluded", "exclude_reason"}
        if unknown:
            raise ValidationError(_("Unknown observation field(s): {fields}.").format(
                fields=", ".join(sorted(unknown))))  # fmt: skip
        with self.db.transaction() as session:
            row = self._get(session, Observation, observation_id, "observation")
            measure = self._get(session, Measure, row.measure_id, "measure")
            self._require_version(session, row, expected_version, "The observation")
            values = self._observation_values(measure.chart, changes)
            self.check_observation(
                measure.chart, values.get("value", row.value), values.get("denominator", row.denominator)
            )
            diff = self._apply(row, values)
            if diff:
                session.flush()
                self._audit(session, "observation", row.id, measure.node_id, "update", diff)
            return observation_record(row)

    def remove_observations(self, observation_ids: Iterable[str]) -> list[ObservationRecord]:
        """Remove data points; the returned records can be added back with their ids."""
        ids = list(observation_ids)
        with self.db.transaction() as session:
            rows = [self._get(session, Observation, oid, "observation") for oid in ids]
            records = [observation_record(row) for row in rows]
            for row in rows:
                measure = session.get(Measure, row.measure_id)
                self._audit(session, "observation", row.id, measure.node_id if measure else None, "delete",
                            {"date": [_jsonable(row.date), None], "value": [row.value, None],
                             "denominator": [row.denominator, None], "note": [row.note, None]})  # fmt: skip
                session.delete(row)
            return records

    def observations(self, measure_id: str) -> list[ObservationRecord]:
        """A measure's data points in date order."""
        with self.db.reading() as session:
            rows = session.scalars(
                select(Observation)
                .where(Observation.measure_id == measure_id)
                .order_by(Observation.date, Observation.id)
            )
            return [observation_record(row) for row in rows]

    def all_measure_data(
        self, node_ids: Collection[str] | None = None
    ) -> list[tuple[MeasureRecord, list[ObservationRecord], list[AnnotationRecord]]]:
        """Every live measure (of ``node_ids``, if given) with its observations and annotations, in one read (for
        the evidence of the nodes drawn). Rows are read as plain tuples, not ORM objects."""
        with self.db.reading() as session:
            query = select(Measure).where(Measure.archived_at.is_(None)).order_by(Measure.node_id, Measure.position)
            measures = [measure_record(row) for row in session.scalars(query)]
            if node_ids is not None:
                wanted = set(node_ids)
                measures = [m for m in measures if m.node_id in wanted]
            measure_ids = {m.id for m in measures}
            connection = session.connection()
            o, a = Observation.__table__.c, Annotation.__table__.c
            observations: dict[str, list[ObservationRecord]] = {}
            found = connection.execute(
                select(o.id, o.measure_id, o.date, o.value, o.denominator, o.note, o.excluded, o.exclude_reason,
                       o.version).order_by(o.measure_id, o.date, o.id)  # the (measure, date) index's order
            )  # fmt: skip
            for rows in found.partitions(_READ_BATCH):  # fetchmany: one driver call per batch, not per row
                for measure_id, group in groupby(rows, key=itemgetter(1)):
                    if measure_id in measure_ids:
                        observations.setdefault(measure_id, []).extend(starmap(ObservationRecord, group))
            annotations: dict[str, list[AnnotationRecord]] = {}
            for row in connection.execute(
                select(a.id, a.measure_id, a.date, a.text, a.phase_break, a.version).order_by(a.date, a.id)
            ):
                if row[1] in measure_ids:
                    annotations.setdefault(row[1], []).append(AnnotationRecord(*row))
        return [(m, observations.get(m.id, []), annotations.get(m.id, [])) for m in measures]  # fmt: skip

    def measure_data(
        self, node_ids: Iterable[str]
    ) -> list[tuple[MeasureRecord, list[ObservationRecord], list[AnnotationRecord]]]:
        """The live measures of the given nodes with their observations and annotations, in one read
        (for the measures overview), ordered by node as given, then by position."""
        order = {node_id: index for index, node_id in enumerate(dict.fromkeys(node_ids))}
        with self.db.reading() as session:
            wanted = select(Measure.id).where(Measure.node_id.in_(list(order)), Measure.archived_at.is_(None))
            measures = [measure_record(row) for row in session.scalars(
                select(Measure).where(Measure.id.in_(wanted)).order_by(Measure.position, Measure.name))]  # fmt: skip
            observations: dict[str, list[ObservationRecord]] = {}
            query = select(Observation).where(Observation.measure_id.in_(wanted))
            for row in session.scalars(query.order_by(Observation.date, Observation.id)):
                observations.setdefault(row.measure_id, []).append(observation_record(row))
            annotations: dict[str, list[AnnotationRecord]] = {}
            query = select(Annotation).where(Annotation.measure_id.in_(wanted))
            for row in session.scalars(query.order_by(Annotation.date, Annotation.id)):
                annotations.setdefault(row.measure_id, []).append(annotation_record(row))
        measures.sort(key=lambda m: order[m.node_id])
        return [(m, observations.get(m.id, []), annotations.get(m.id, [])) for m in measures]  # fmt: skip

    # ------------------------------------------------------------------ annotations

    def add_annotation(
        self, measure_id: str, *, date: date | str, text: str, phase_break: bool = False,
        annotation_id: str | None = None,
    ) -> AnnotationRecord:  # fmt: skip
        clean_date = check.parse_date(date)
        clean_text = check.text(text, "annotation text", required=True)
        if not isinstance(phase_break, bool):
            raise ValidationError(_("Phase break must be true or false."), field="phase_break")
        with self.db.transaction() as session:
            measure = self._get(session, Measure, measure_id, "measure")
            row = Annotation(
                id=annotation_id or new_id(), measure_id=measure.id, date=clean_date, text=clean_text,
                phase_break=phase_break,
            )  # fmt: skip
            session.add(row)
            session.flush()
            self._audit(session, "annotation", row.id, measure.node_id, "create",
                        self._snapshot(row, ("date", "text", "phase_break")))  # fmt: skip
            return annotation_record(row)

    def update_annotation(self, annotation_id: str, expected_version: int, **changes: Any) -> AnnotationRecord:
        values: dict[str, Any] = {}
        if "date" in changes:
            values["date"] = check.parse_date(changes["date"])
        if "text" in changes:
            values["text"] = check.text(changes["text"], "annotation text", required=True)
        if "phase_break" in changes:
            if not isinstance(changes["phase_break"], bool):
                raise ValidationError(_("Phase break must be true or false."), field="phase_break")
            values["phase_break"] = changes["phase_break"]
        with self.db.transaction() as session:
            row = self._get(session, Annotation, annotation_id, "annotation")
            measure = self._get(session, Measure, row.measure_id, "measure")
            self._require_version(session, row, expected_version, "The annotation")
            diff = self._apply(row, values)
            if diff:
                session.flush()
                self._audit(session, "annotation", row.id, measure.node_id, "update", diff)
            return annotation_record(row)

    def remove_annotation(self, annotation_id: str) -> AnnotationRecord:
        with self.db.transaction() as session:
            row = self._get(session, Annotation, annotation_id, "annotation")
            measure = session.get(Measure, row.measure_id)
            record = annotation_record(row)
            session.delete(row)
            self._audit(session, "annotation", record.id, measure.node_id if measure else None, "delete",
                        {"date": [_jsonable(record.date), None], "text": [record.text, None],
                         "phase_break": [record.phase_break, None]})  # fmt: skip
            return record

    def annotations(self, measure_id: str) -> list[AnnotationRecord]:
        with self.db.reading() as session:
            rows = session.scalars(
                select(Annotation).where(Annotation.measure_id == measure_id).order_by(Annotation.date, Annotation.id)
            )
            return [annotation_record(row) for row in rows]

    # ------------------------------------------------------------------ audit trail

    def last_audit_id(self) -> int:
        """The newest audit entry's id (0 for none): where a window starts following others' changes."""
        with self.db.reading() as session:
            return session.scalar(select(func.max(AuditEntry.id))) or 0

    def changes_since(self, audit_id: int, limit: int = 5000) -> list[AuditRecord]:
        """Audit entries after ``audit_id``, oldest first (what changed since a window last looked)."""
        with self.db.reading() as session:
            query = select(AuditEntry).where(AuditEntry.id > audit_id).order_by(AuditEntry.id).limit(limit)
            return [
                AuditRecord(row.id, row.at, row.user, row.entity_type, row.entity_id, row.node_id, row.action, {})
                for row in session.scalars(query)
            ]  # fmt: skip

    def own_audit_ids(self) -> set[int]:
        """Ids of the audit entries this service wrote (on a register file), to tell its changes from others'."""
        ids, self._own_audit = self._own_audit, set()
        return ids

    def audit_trail(self, node_id: str | None = None, limit: int = 500) -> list[AuditRecord]:
        """Recorded changes, newest first: of one node (with its status, measures and data) or of all."""
        with self.db.reading() as session:
            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if node_id is not None:
                query = query.where(AuditEntry.node_id == node_id)
            return [
                AuditRecord(row.id, row.at, row.user, row.entity_type, row.entity_id, row.node_id, row.action,
                            json.loads(row.changes))
                for row in session.scalars(query)
            ]  # fmt: skip


@functools.cache
def _ancestry_chain(start: Any) -> Any:
    """A recursive CTE of the node ``start`` selects and its ancestors (id, parent_id, archived_at)."""
    n = Node.__table__.c
    chain = select(n.id, n.parent_id, n.archived_at).where(n.id == start).cte("chain", recursive=True)
    return chain.union_all(select(n.id, n.parent_id, n.archived_at).join(chain, n.id == chain.c.parent_id))


@functools.cache
def _live_node_query() -> Any:
    """Kind, title and the number of archived nodes among a node and its ancestors (built once, cached compiled)."""
    n = Node.__table__.c
    chain = _ancestry_chain(bindparam("node_id"))
    hidden = select(func.count()).select_from(chain).where(chain.c.archived_at.is_not(None)).scalar_subquery()
    return select(n.kind, n.title, hidden).where(n.id == bindparam("node_id"))


@functools.cache
def _archived_ancestor_query() -> Any:
    chain = _ancestry_chain(bindparam("node_id"))
    return select(func.count()).select_from(chain).where(chain.c.archived_at.is_not(None))


def _archived_ancestor(session: Session, node_id: str) -> bool:
    """True when ``node_id`` or one of its ancestors is archived (one recursive query, not one per level)."""
    return bool(session.connection().execute(_archived_ancestor_query(), {"node_id": node_id}).scalar())
