"""The service layer: the only way to change a register.

Each public method is one user action in one short transaction. It validates its input, records
what it changed in the audit trail, and either completes or leaves the database as it was. It
returns plain records (:mod:`register.records`), never live database objects.
"""

from __future__ import annotations

import getpass
import json
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from register import validation as check
from register.errors import ConflictError, NotFoundError, ValidationError
from register.i18n import _
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
)
from register.spc import CHART_TYPES
from register.storage import Database

KIND_NAMES = {"goal": "goal", "primary": "primary driver", "secondary": "secondary driver", "project": "project"}
PROJECT_FIELDS = ("lead", "unit", "start", "end", "stage")
RATIO_CHARTS = ("p", "pp", "u", "up")
PROPORTION_CHARTS = ("p", "pp")


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
        raise ValidationError(_("The author name contains a control character; type it again without it."), "user")
    if len(value) > MAX_AUTHOR:
        raise ValidationError(
            _("The author name is {length} characters long; the limit is {limit}.").format(
                length=len(value), limit=MAX_AUTHOR
            ),
            "user",
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
        #: Audit entries this service wrote (on a file), so a window can tell its own changes from others'.
        self._own_audit: list[AuditEntry] = []

    # ------------------------------------------------------------------ helpers

    def _audit(
        self, session: Session, entity: str, entity_id: str, node_id: str | None, action: str,
        changes: Mapping[str, Any],
    ) -> None:  # fmt: skip
        if self.db.is_shared:
            # A shared register writes its audit trail itself (triggers of migration 0003), with the
            # database login and the server's clock; nobody can write or rewrite it from here.
            return
        entry = AuditEntry(
            at=utc_now(), user=self.user, entity_type=entity, entity_id=entity_id, node_id=node_id, action=action,
            changes=json.dumps(changes, ensure_ascii=False, sort_keys=True, default=_jsonable),
        )  # fmt: skip
        session.add(entry)
        self._own_audit.append(entry)

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
        who = f" by {last.user} at {last.at:%Y-%m-%d %H:%M}" if last else ""
        return ConflictError(
            f"{what} was changed{who} after you opened it. Reload to see the change; nothing was overwritten."
        )

    def _check_version(self, session: Session, row: Any, expected: int | None, what: str) -> None:
        if expected is not None and row.version != expected:
            raise self._conflict(session, what, row.id)

    @staticmethod
    def _get(session: Session, model: type, entity_id: str, what: str) -> Any:
        row = session.get(model, entity_id) if isinstance(entity_id, str) else None
        if row is None:
            raise NotFoundError(f"No {what} with id {entity_id!r} exists in this register; it may have been purged.")
        return row

    def _live_node(self, session: Session, node_id: str) -> Node:
        node = self._get(session, Node, node_id, "node")
        if self._is_hidden(session, node):
            raise ValidationError(f"'{node.title}' is archived; restore it first.")
        return node

    @staticmethod
    def _is_hidden(session: Session, node: Node) -> bool:
        current: Node | None = node
        while current is not None:
            if current.archived_at is not None:
                return True
            current = session.get(Node, current.parent_id) if current.parent_id else None
        return False

    # ------------------------------------------------------------------ register

    def title(self) -> str:
        with self.db.reading() as session:
            row = session.get(RegisterInfo, "title")
            return row.value if row else ""

    def set_title(self, title: str) -> str:
        value = check.text(title, "register title", limit=200)
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
            nodes = {row[0]: NodeRecord(*row[:11], row[11] is not None, row[12]) for row in node_rows}
            hidden = _hidden_ids(nodes)
            live = [node for node in nodes.values() if node.id not in hidden]
            lk = Link.__table__.c
            links = [
                LinkRecord(*row)
                for row in connection.execute(select(lk.id, lk.source_id, lk.target_id, lk.strength, lk.version))
                if row[1] not in hidden and row[2] not in hidden
            ]
            latest = self._latest_statuses(session)
            title_row = session.get(RegisterInfo, "title")
        return TreeSnapshot(
            nodes=live,
            links=links,
            latest_status={k: v for k, v in latest.items() if k not in hidden},
            title=title_row.value if title_row else "",
        )

    @staticmethod
    def _latest_statuses(session: Session, node_ids: list[str] | None = None) -> dict[str, StatusRecord]:
        s = StatusUpdate.__table__.c
        ranked = select(
            s.id, s.node_id, s.date, s.author, s.rag, s.progress, s.summary, s.next_steps, s.help_needed, s.version,
            func.row_number().over(partition_by=s.node_id, order_by=(s.date.desc(), s.id.desc())).label("rank"),
        )  # fmt: skip
        if node_ids is not None:
            ranked = ranked.where(s.node_id.in_(node_ids))
        ranked = ranked.subquery()
        rows = session.connection().execute(select(*list(ranked.c)[:-1]).where(ranked.c.rank == 1))
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
        what = KIND_NAMES.get(kind or "", "node")
        if not rows:
            raise NotFoundError(f"No {what} has the id or title {id_or_title!r}.")
        if len(rows) > 1:
            raise ValidationError(f"{len(rows)} {what}s are titled {id_or_title!r}; give the id instead.")
        return node_record(rows[0])

    # ------------------------------------------------------------------ nodes

    def _check_parent(self, session: Session, kind: str, parent_id: str | None) -> Node | None:
        allowed = ALLOWED_PARENTS[kind]
        if parent_id is None:
            if None not in allowed:
                names = " or ".join(KIND_NAMES[k] for k in allowed if k)
                raise ValidationError(f"A {KIND_NAMES[kind]} must sit under a {names}.", "parent")
            return None
        parent = self._live_node(session, parent_id)
        if parent.kind not in allowed:
            if None in allowed:
                raise ValidationError(f"A {KIND_NAMES[kind]} is a top-level node; it cannot sit under anything.")
            names = " or ".join(KIND_NAMES[k] for k in allowed if k)
            raise ValidationError(
                f"A {KIND_NAMES[kind]} cannot sit under the {KIND_NAMES[parent.kind]} '{parent.title}'; "
                f"it belongs under a {names}.",
                "parent",
            )
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
                raise ValidationError(f"Only projects have {', '.join(given)}; a {KIND_NAMES[kind]} does not.")
            return values
        for name in ("lead", "unit"):
            if name in fields:
                values[name] = check.text(fields[name], name, limit=200)
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
            raise ValidationError(f"Unknown node field(s): {', '.join(sorted(unknown))}.")
        values = self._project_fields(kind, fields)
        with self.db.transaction() as session:
            if node_id is not None and session.get(Node, node_id) is not None:
                raise ValidationError(f"A node with id {node_id} already exists.")
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

    def update_node(self, node_id: str, expected_version: int | None = None, **changes: Any) -> NodeRecord:
        """Change a node's title, description or project fields."""
        unknown = set(changes) - {"title", "description", *PROJECT_FIELDS}
        if unknown:
            raise ValidationError(f"Unknown node field(s): {', '.join(sorted(unknown))}.")
        with self.db.transaction() as session:
            row = self._live_node(session, node_id)
            self._check_version(session, row, expected_version, f"'{row.title}'")
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
                    raise ValidationError(f"'{row.title}' cannot be moved under itself.")
                ancestor = session.get(Node, ancestor.parent_id) if ancestor.parent_id else None
            if parent is not None and session.scalar(
                select(Link.id).where(Link.source_id == row.id, Link.target_id == parent.id)
            ):
                raise ValidationError(
                    f"'{row.title}' is cross-linked to '{parent.title}'; remove that link before making it the parent."
                )
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
                    raise ValidationError(f"'{row.title}' sits under an archived node; restore that first.")
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
                raise ValidationError(f"'{row.title}' is not archived; archive it before purging it.")
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
                raise ValidationError(f"'{row.title}' has content now; archive it instead.")
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
                raise ValidationError(f"'{source.title}' cannot be linked to itself.")
            allowed = ALLOWED_LINK_TARGETS.get(source.kind, ())
            if target.kind not in allowed:
                if not allowed:
                    raise ValidationError(
                        f"Only projects and secondary drivers can have cross-links, not a {KIND_NAMES[source.kind]}."
                    )
                names = " or ".join(KIND_NAMES[k] for k in allowed)
                raise ValidationError(
                    f"A {KIND_NAMES[source.kind]} can be linked to a {names}, not to the "
                    f"{KIND_NAMES[target.kind]} '{target.title}'."
                )
            if source.parent_id == target.id:
                raise ValidationError(f"'{target.title}' is already the parent of '{source.title}'.")
            if session.scalar(select(Link.id).where(Link.source_id == source.id, Link.target_id == target.id)):
                raise ValidationError(f"'{source.title}' is already linked to '{target.title}'.")
            if link_id is not None and session.get(Link, link_id) is not None:
                raise ValidationError(f"A link with id {link_id} already exists.")
            row = Link(id=link_id or new_id(), source_id=source.id, target_id=target.id, strength=strength)
            session.add(row)
            session.flush()
            self._audit(session, "link", row.id, source.id, "create",
                        self._snapshot(row, ("source_id", "target_id", "strength")))  # fmt: skip
            return link_record(row)

    def set_link_strength(self, link_id: str, strength: str, expected_version: int | None = None) -> LinkRecord:
        check.choice(strength, LINK_STRENGTHS, "strength")
        with self.db.transaction() as session:
            row = self._get(session, Link, link_id, "link")
            self._check_version(session, row, expected_version, "The link")
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
            values["author"] = check.text(fields["author"], "author", limit=200)
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
            node = self._live_node(session, node_id)
            if node.kind != "project":
                raise ValidationError(f"Status is logged on projects; '{node.title}' is a {KIND_NAMES[node.kind]}.")
            row = StatusUpdate(id=status_id or new_id(), node_id=node.id, **values)
            session.add(row)
            session.flush()
            self._audit(session, "status", row.id, node.id, "create", {k: [None, v] for k, v in values.items()})
            return status_record(row)

    def update_status_update(self, status_id: str, expected_version: int | None = None, **changes: Any) -> StatusRecord:
        unknown = set(changes) - {"date", "rag", "progress", "author", "summary", "next_steps", "help_needed"}
        if unknown:
            raise ValidationError(f"Unknown status field(s): {', '.join(sorted(unknown))}.")
        values = self._status_values(changes)
        with self.db.transaction() as session:
            row = self._get(session, StatusUpdate, status_id, "status update")
            self._check_version(session, row, expected_version, "The status update")
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
            values["name"] = check.text(fields["name"], "name", required=True, limit=300)
        if "type" in fields:
            values["type"] = check.choice(fields["type"], MEASURE_TYPES, "measure type")
        if "definition" in fields:
            values["definition"] = check.text(fields["definition"], "operational definition")
        if "unit" in fields:
            values["unit"] = check.text(fields["unit"], "unit", limit=100)
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
                raise ValidationError("The baseline is a whole number of points, at least 2.", "baseline")
            values["baseline"] = None if baseline is None else int(baseline)
        return values

    @staticmethod
    def _check_rules(chart: str, rules: str) -> None:
        if rules == "mdc" and chart != "i":
            raise ValidationError("Making Data Count rules apply to I charts only; choose chart type i.", "rules")

    def add_measure(self, node_id: str, name: str, *, measure_id: str | None = None, **fields: Any) -> MeasureRecord:
        """Add a measure to any node."""
        unknown = set(fields) - {"type", "definition", "unit", "chart", "improvement", "target", "rules", "baseline"}
        if unknown:
            raise ValidationError(f"Unknown measure field(s): {', '.join(sorted(unknown))}.")
        values = self._measure_values({"name": name, **fields})
        self._check_rules(values.get("chart", "run"), values.get("rules", "anhoej"))
        with self.db.transaction() as session:
            node = self._live_node(session, node_id)
            if measure_id is not None and session.get(Measure, measure_id) is not None:
                raise ValidationError(f"A measure with id {measure_id} already exists.")
            count = session.scalar(select(func.count()).where(Measure.node_id == node.id)) or 0
            row = Measure(id=measure_id or new_id(), node_id=node.id, position=count, **values)
            session.add(row)
            session.flush()
            self._audit(session, "measure", row.id, node.id, "create", {k: [None, v] for k, v in values.items()})
            return measure_record(row)

    def update_measure(self, measure_id: str, expected_version: int | None = None, **changes: Any) -> MeasureRecord:
        values = self._measure_values(changes)
        unknown = set(changes) - set(values) - {"improvement", "target", "baseline"}
        if unknown:
            raise ValidationError(f"Unknown measure field(s): {', '.join(sorted(unknown))}.")
        with self.db.transaction() as session:
            row = self._get(session, Measure, measure_id, "measure")
            self._check_version(session, row, expected_version, f"The measure '{row.name}'")
            self._check_rules(values.get("chart", row.chart), values.get("rules", row.rules))
            if values.get("chart", row.chart) in RATIO_CHARTS and row.chart not in RATIO_CHARTS:
                missing = session.scalar(
                    select(func.count()).where(Observation.measure_id == row.id, Observation.denominator.is_(None))
                )
                if missing:
                    raise ValidationError(
                        f"{missing} observation(s) of '{row.name}' have no denominator; a "
                        f"{values['chart']} chart needs one for every value.",
                        "chart",
                    )
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
            raise NotFoundError(f"No measure has the id or name {id_or_name!r}.")
        if len(rows) > 1:
            raise ValidationError(f"{len(rows)} measures are named {id_or_name!r}; give the id instead.")
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
                    raise ValidationError("Excluded must be true or false.", "excluded")
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
                raise ValidationError(f"A {chart} chart needs a denominator for every value.", "denominator")
            if denominator <= 0:
                raise ValidationError(
                    f"The denominator is {denominator:g}; it must be greater than zero.", "denominator"
                )
        if chart in PROPORTION_CHARTS and denominator is not None and value > denominator:
            raise ValidationError(
                f"The value {value:g} is larger than its denominator {denominator:g}; a proportion cannot exceed it.",
                "value",
            )
        if chart in ("c", "u", "up", "g", "p", "pp") and value < 0:
            raise ValidationError(f"The value {value:g} is negative; a {chart} chart counts events.", "value")
        if chart == "t" and value <= 0:
            raise ValidationError(f"The value {value:g} must be greater than zero for a t chart (time between events).",
                                  "value")  # fmt: skip

    def add_observations(self, measure_id: str, rows: Iterable[Mapping[str, Any]]) -> list[ObservationRecord]:
        """Add data points, all or nothing. Each row: date, value, denominator, note (and optionally id)."""
        with self.db.transaction() as session:
            measure = self._get(session, Measure, measure_id, "measure")
            created = []
            for index, fields in enumerate(rows):
                place = f"row {index + 1}"
                values = self._observation_values(measure.chart, {"note": "", **fields}, place)
                if "date" not in values or "value" not in values:
                    raise ValidationError(f"{place}: a date and a value are needed.")
                try:
                    self.check_observation(measure.chart, values["value"], values.get("denominator"))
                except ValidationError as error:
                    raise ValidationError(f"{place}: {error}", error.field) from None
                observation_id = fields.get("id")
                if observation_id is not None and session.get(Observation, observation_id) is not None:
                    raise ValidationError(f"{place}: an observation with id {observation_id} already exists.")
                row = Observation(id=observation_id or new_id(), measure_id=measure.id, **values)
                session.add(row)
                created.append(row)
            session.flush()
            if created:
                self._audit(session, "measure", measure.id, measure.node_id, "add_data",
                            {"observations": [None, [row.id for row in created]]})  # fmt: skip
            return [observation_record(row) for row in created]

    def update_observation(
        self, observation_id: str, expected_version: int | None = None, **changes: Any
    ) -> ObservationRecord:
        unknown = set(changes) - {"date", "value", "denominator", "note", "excluded", "exclude_reason"}
        if unknown:
            raise ValidationError(f"Unknown observation field(s): {', '.join(sorted(unknown))}.")
        with self.db.transaction() as session:
            row = self._get(session, Observation, observation_id, "observation")
            measure = self._get(session, Measure, row.measure_id, "measure")
            self._check_version(session, row, expected_version, "The observation")
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

    def all_measure_data(self) -> list[tuple[MeasureRecord, list[ObservationRecord], list[AnnotationRecord]]]:
        """Every live measure with its observations and annotations, in one read (for the evidence of all nodes)."""
        with self.db.reading() as session:
            measures = [
                measure_record(row)
                for row in session.scalars(
                    select(Measure).where(Measure.archived_at.is_(None)).order_by(Measure.node_id, Measure.position)
                )
            ]
            observations: dict[str, list[ObservationRecord]] = {}
            for row in session.scalars(select(Observation).order_by(Observation.date, Observation.id)):
                observations.setdefault(row.measure_id, []).append(observation_record(row))
            annotations: dict[str, list[AnnotationRecord]] = {}
            for row in session.scalars(select(Annotation).order_by(Annotation.date, Annotation.id)):
                annotations.setdefault(row.measure_id, []).append(annotation_record(row))
        return [(m, observations.get(m.id, []), annotations.get(m.id, [])) for m in measures]  # fmt: skip

    # ------------------------------------------------------------------ annotations

    def add_annotation(
        self, measure_id: str, *, date: date | str, text: str, phase_break: bool = False,
        annotation_id: str | None = None,
    ) -> AnnotationRecord:  # fmt: skip
        clean_date = check.parse_date(date)
        clean_text = check.text(text, "annotation text", required=True)
        if not isinstance(phase_break, bool):
            raise ValidationError("Phase break must be true or false.", "phase_break")
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

    def update_annotation(
        self, annotation_id: str, expected_version: int | None = None, **changes: Any
    ) -> AnnotationRecord:
        values: dict[str, Any] = {}
        if "date" in changes:
            values["date"] = check.parse_date(changes["date"])
        if "text" in changes:
            values["text"] = check.text(changes["text"], "annotation text", required=True)
        if "phase_break" in changes:
            if not isinstance(changes["phase_break"], bool):
                raise ValidationError("Phase break must be true or false.", "phase_break")
            values["phase_break"] = changes["phase_break"]
        with self.db.transaction() as session:
            row = self._get(session, Annotation, annotation_id, "annotation")
            measure = self._get(session, Measure, row.measure_id, "measure")
            self._check_version(session, row, expected_version, "The annotation")
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
        ids = {entry.id for entry in self._own_audit if entry.id is not None}
        self._own_audit = [entry for entry in self._own_audit if entry.id is None]
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


def _hidden_ids(nodes: Mapping[str, NodeRecord]) -> set[str]:
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
