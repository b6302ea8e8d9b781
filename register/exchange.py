"""The exchange file (format v1): a UTF-8 JSON file for backup, exchange and bulk entry.

Export writes every field the register holds, in a deterministic order, so that export, import
into an empty register and export again gives the same bytes. Import checks the whole file before
writing anything, names the place of the first problem (``nodes[12].parent: no node with id "p9"``),
and writes everything in one transaction.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select

from register import validation as check
from register.errors import ExchangeFormatError, ValidationError
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
    Link,
    Measure,
    Node,
    Observation,
    RegisterInfo,
    StatusUpdate,
    new_id,
)
from register.service import RegisterService, utc_now
from register.spc import CHART_TYPES

FORMAT_NAME = "improvement-register"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ImportSummary:
    nodes: int
    links: int
    status_updates: int
    measures: int
    observations: int
    annotations: int

    def __str__(self) -> str:
        return (
            f"{self.nodes} nodes, {self.links} links, {self.status_updates} status updates, "
            f"{self.measures} measures, {self.observations} observations, {self.annotations} annotations"
        )


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# --------------------------------------------------------------------------- export


def export_data(service: RegisterService) -> dict[str, Any]:
    """The whole register as an exchange-format dictionary."""
    with service.db.reading() as session:
        nodes = list(session.scalars(select(Node)))
        children: dict[str | None, list[Node]] = {}
        for node in nodes:
            children.setdefault(node.parent_id, []).append(node)
        ordered: list[Node] = []
        stack = sorted(children.get(None, []), key=lambda n: (n.position, n.id), reverse=True)
        while stack:
            node = stack.pop()
            ordered.append(node)
            stack.extend(sorted(children.get(node.id, []), key=lambda n: (n.position, n.id), reverse=True))
        order = {node.id: index for index, node in enumerate(ordered)}
        links = sorted(session.scalars(select(Link)), key=lambda r: (order[r.source_id], order[r.target_id], r.id))
        statuses = sorted(session.scalars(select(StatusUpdate)), key=lambda r: (order[r.node_id], r.date, r.id))
        measures = sorted(session.scalars(select(Measure)), key=lambda r: (order[r.node_id], r.position, r.id))
        measure_order = {measure.id: index for index, measure in enumerate(measures)}
        observation_table = Observation.__table__.c
        observations = sorted(
            session.connection().execute(
                select(
                    observation_table.id, observation_table.measure_id, observation_table.date,
                    observation_table.value, observation_table.denominator, observation_table.note,
                    observation_table.excluded, observation_table.exclude_reason,
                )
            ),
            key=lambda r: (measure_order[r.measure_id], r.date, r.id),
        )  # fmt: skip
        annotations = sorted(
            session.scalars(select(Annotation)), key=lambda r: (measure_order[r.measure_id], r.date, r.id)
        )
        title_row = session.get(RegisterInfo, "title")
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "title": title_row.value if title_row else "",
            "nodes": [
                {"id": n.id, "kind": n.kind, "title": n.title, "description": n.description, "parent": n.parent_id,
                 "position": n.position, "lead": n.lead, "unit": n.unit, "start": _iso(n.start_date),
                 "end": _iso(n.end_date), "stage": n.stage, "archived": n.archived_at is not None}
                for n in ordered
            ],
            "links": [
                {"id": r.id, "source": r.source_id, "target": r.target_id, "strength": r.strength} for r in links
            ],
            "status_updates": [
                {"id": r.id, "node": r.node_id, "date": r.date.isoformat(), "author": r.author, "rag": r.rag,
                 "progress": _number(r.progress), "summary": r.summary, "next_steps": r.next_steps,
                 "help_needed": r.help_needed}
                for r in statuses
            ],
            "measures": [
                {"id": r.id, "node": r.node_id, "name": r.name, "type": r.type, "definition": r.definition,
                 "unit": r.unit, "chart": r.chart, "improvement": r.improvement, "target": _number(r.target),
                 "rules": r.rules, "baseline": r.baseline, "archived": r.archived_at is not None}
                for r in measures
            ],
            "observations": [
                {"id": r.id, "measure": r.measure_id, "date": r.date.isoformat(), "value": _number(r.value),
                 "denominator": _number(r.denominator), "note": r.note, "excluded": bool(r.excluded),
                 "exclude_reason": r.exclude_reason}
                for r in observations
            ],
            "annotations": [
                {"id": r.id, "measure": r.measure_id, "date": r.date.isoformat(), "text": r.text,
                 "phase_break": r.phase_break}
                for r in annotations
            ],
        }  # fmt: skip


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_atomically(path: Path, content: bytes) -> None:
    """Write a file so that an existing one is only replaced once the new one is complete."""
    path = Path(path)
    directory = path.resolve().parent
    if not directory.is_dir():
        raise ValidationError(f"The folder {directory} does not exist.")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_file(service: RegisterService, path: Path) -> None:
    """Export the register to ``path`` (replaced only when the new file is complete)."""
    write_atomically(Path(path), dumps(export_data(service)).encode("utf-8"))


# --------------------------------------------------------------------------- import


def load_file(path: Path) -> Any:
    """Read and parse an exchange file; problems become ExchangeFormatError."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ExchangeFormatError("", f"Cannot read {path}: {error.strerror}.") from error
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeFormatError("", f"{path} is not UTF-8 text (byte {error.start}).") from error
    try:
        return json.loads(content)
    except json.JSONDecodeError as error:
        raise ExchangeFormatError(
            "", f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from error


class _Reader:
    """Checks one exchange document and turns it into rows to insert."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.ids: dict[str, dict[str, str]] = {"node": {}, "measure": {}}
        self.used: set[str] = set()

    def fail(self, place: str, message: str) -> ExchangeFormatError:
        return ExchangeFormatError(place, message)

    def section(self, name: str) -> list[Any]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(name, f"must be a list, not {type(value).__name__}")
        return value

    def item(self, place: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(place, f"must be an object, not {type(value).__name__}")
        return value

    def field(self, place: str, converter: Callable[[], Any]) -> Any:
        try:
            return converter()
        except ValidationError as error:
            raise self.fail(place, str(error)) from None

    def string(self, item: Mapping[str, Any], place: str, name: str, *, required: bool = False) -> str:
        value = item.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{place}.{name}", "is missing" if value is None else f"must be text, not {value!r}")
        if required and not value.strip():
            raise self.fail(f"{place}.{name}", "cannot be empty")
        return value.strip()

    def new_id(self, place: str, value: Any, kind: str | None) -> str:
        """The register id for a file id: kept when it is a UUID, else a new UUID."""
        if value is None:
            result = new_id()
        elif not isinstance(value, str) or not value.strip():
            raise self.fail(f"{place}.id", f"must be a non-empty string, not {value!r}")
        else:
            if kind is not None and value in self.ids[kind]:
                raise self.fail(f"{place}.id", f'the id "{value}" is used twice')
            try:
                result = str(uuid.UUID(value))
            except ValueError:
                result = new_id()
            if kind is not None:
                self.ids[kind][value] = result
        if result in self.used:
            raise self.fail(f"{place}.id", f'the id "{value}" is used twice')
        self.used.add(result)
        return result

    def reference(self, place: str, value: Any, kind: str) -> str:
        if not isinstance(value, str):
            raise self.fail(place, f"must be the id of a {kind} (a string), not {value!r}")
        if value not in self.ids[kind]:
            raise self.fail(place, f'no {kind} with id "{value}"')
        return self.ids[kind][value]

    def flag(self, item: Mapping[str, Any], place: str, name: str) -> bool:
        value = item.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"{place}.{name}", f"must be true or false, not {value!r}")
        return value

    def read(self) -> dict[str, list[dict[str, Any]]]:
        data = self.data
        if not isinstance(data, dict):
            raise self.fail("", "the file must hold a JSON object with format, version and nodes")
        if data.get("format") != FORMAT_NAME:
            raise self.fail("format", f'must be "{FORMAT_NAME}", not {data.get("format")!r}')
        version = data.get("version")
        if version != FORMAT_VERSION or isinstance(version, bool):
            raise self.fail("version", f"this program reads version {FORMAT_VERSION} files, not version {version!r}")
        title = data.get("title", "")
        if title is not None and not isinstance(title, str):
            raise self.fail("title", f"must be text, not {title!r}")
        nodes = self.read_nodes()
        measures = self.read_measures()
        return {
            "title": [{"key": "title", "value": (title or "").strip()}],
            "nodes": nodes,
            "links": self.read_links(nodes),
            "status_updates": self.read_status(nodes),
            "measures": measures,
            "observations": self.read_observations(measures),
            "annotations": self.read_annotations(),
        }

    def read_nodes(self) -> list[dict[str, Any]]:
        items = [(f"nodes[{i}]", self.item(f"nodes[{i}]", v)) for i, v in enumerate(self.section("nodes"))]
        for place, item in items:  # ids first, so parents may come after their children in the file
            if "id" not in item:
                raise self.fail(f"{place}.id", "is missing")
            self.new_id(place, item["id"], "node")
        rows: list[dict[str, Any]] = []
        for index, (place, item) in enumerate(items):
            kind = item.get("kind")
            if kind not in NODE_KINDS:
                raise self.fail(f"{place}.kind", f"must be one of {', '.join(NODE_KINDS)}, not {kind!r}")
            parent = item.get("parent")
            parent_id = None if parent is None else self.reference(f"{place}.parent", parent, "node")
            position = item.get("position", index)
            if position is None:
                position = index
            if isinstance(position, bool) or not isinstance(position, int) or position < 0:
                raise self.fail(f"{place}.position", f"must be a whole number of 0 or more, not {position!r}")
            row = {
                "id": self.ids["node"][item["id"]], "kind": kind, "title": self.string(item, place, "title",
                required=True), "description": self.string(item, place, "description"), "parent_id": parent_id,
                "position": position, "lead": "", "unit": "", "start_date": None, "end_date": None, "stage": None,
                "archived_at": None, "version": 1, "_place": place, "_order": index,
            }  # fmt: skip
            if len(row["title"]) > check.MAX_TITLE:
                raise self.fail(f"{place}.title", f"is longer than {check.MAX_TITLE} characters")
            if kind == "project":
                row["lead"] = self.string(item, place, "lead")
                row["unit"] = self.string(item, place, "unit")
                row["start_date"] = self.field(f"{place}.start", lambda i=item: check.parse_date(
                    i.get("start"), "start date", optional=True))  # fmt: skip
                row["end_date"] = self.field(f"{place}.end", lambda i=item: check.parse_date(
                    i.get("end"), "end date", optional=True))  # fmt: skip
                self.field(f"{place}.end", lambda r=row: check.date_range(r["start_date"], r["end_date"]))
                stage = item.get("stage") or "idea"
                if stage not in STAGES:
                    raise self.fail(f"{place}.stage", f"must be one of {', '.join(STAGES)}, not {stage!r}")
                row["stage"] = stage
            else:
                for name in ("lead", "unit", "start", "end", "stage"):
                    if item.get(name) not in (None, ""):
                        raise self.fail(f"{place}.{name}", f"only projects have a {name}; this is a {kind}")
            if self.flag(item, place, "archived"):
                row["archived_at"] = utc_now()
            rows.append(row)
        by_id = {row["id"]: row for row in rows}
        for row in rows:
            parent = by_id.get(row["parent_id"]) if row["parent_id"] else None
            allowed = ALLOWED_PARENTS[row["kind"]]
            if (parent["kind"] if parent else None) not in allowed:
                wanted = " or ".join(k for k in allowed if k) or "nothing (it is a top-level node)"
                found = parent["kind"] if parent else "nothing"
                raise self.fail(f"{row['_place']}.parent", f"a {row['kind']} must sit under {wanted}, not {found}")
        # The kind rules make cycles impossible, but a damaged file may still hold one: refuse it plainly.
        for row in rows:
            seen, current = set(), row
            while current is not None and current["parent_id"]:
                if current["id"] in seen:
                    raise self.fail(f"{row['_place']}.parent", "the parents form a cycle")
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
        return rows

    def read_links(self, nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        by_id = {row["id"]: row for row in nodes}
        rows, pairs = [], set()
        for index, value in enumerate(self.section("links")):
            place = f"links[{index}]"
            item = self.item(place, value)
            source = by_id[self.reference(f"{place}.source", item.get("source"), "node")]
            target = by_id[self.reference(f"{place}.target", item.get("target"), "node")]
            strength = item.get("strength") or "strong"
            if strength not in LINK_STRENGTHS:
                raise self.fail(f"{place}.strength", f"must be strong or weak, not {strength!r}")
            if source["id"] == target["id"]:
                raise self.fail(place, "a node cannot be linked to itself")
            if target["kind"] not in ALLOWED_LINK_TARGETS.get(source["kind"], ()):
                raise self.fail(place, f"a {source['kind']} cannot be linked to a {target['kind']}")
            if source["parent_id"] == target["id"]:
                raise self.fail(place, "the target is already the source's parent")
            if (source["id"], target["id"]) in pairs:
                raise self.fail(place, "the same link is listed twice")
            pairs.add((source["id"], target["id"]))
            rows.append({"id": self.new_id(place, item.get("id"), None), "source_id": source["id"],
                         "target_id": target["id"], "strength": strength, "version": 1})  # fmt: skip
        return rows

    def read_status(self, nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kinds = {row["id"]: row["kind"] for row in nodes}
        rows = []
        for index, value in enumerate(self.section("status_updates")):
            place = f"status_updates[{index}]"
            item = self.item(place, value)
            node_id = self.reference(f"{place}.node", item.get("node"), "node")
            if kinds[node_id] != "project":
                raise self.fail(f"{place}.node", f"status is logged on projects, not on a {kinds[node_id]}")
            rag = item.get("rag")
            if rag not in RAG_VALUES:
                raise self.fail(f"{place}.rag", f"must be green, amber or red, not {rag!r}")
            rows.append({
                "id": self.new_id(place, item.get("id"), None), "node_id": node_id,
                "date": self.field(f"{place}.date", lambda i=item: check.parse_date(i.get("date"))),
                "author": self.string(item, place, "author"), "rag": rag,
                "progress": self.field(f"{place}.progress", lambda i=item: check.progress(i.get("progress"))),
                "summary": self.string(item, place, "summary"), "next_steps": self.string(item, place, "next_steps"),
                "help_needed": self.string(item, place, "help_needed"), "version": 1,
            })  # fmt: skip
        return rows

    def read_measures(self) -> list[dict[str, Any]]:
        rows = []
        for index, value in enumerate(self.section("measures")):
            place = f"measures[{index}]"
            item = self.item(place, value)
            node_id = self.reference(f"{place}.node", item.get("node"), "node")
            measure_id = self.new_id(place, item.get("id"), "measure") if "id" in item else None
            if measure_id is None:
                raise self.fail(f"{place}.id", "is missing (observations refer to measures by id)")
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
                    raise self.fail(f"{place}.{name}", f"must be one of {', '.join(allowed)}, not {chosen!r}")
                row[name] = chosen
            if row["rules"] in ("mdc", "mdc6") and row["chart"] != "i":
                raise self.fail(f"{place}.rules", "Making Data Count rules apply to i charts only")
            improvement = item.get("improvement")
            if improvement is not None and improvement not in IMPROVEMENT_DIRECTIONS:
                raise self.fail(f"{place}.improvement", f"must be up, down or null, not {improvement!r}")
            row["improvement"] = improvement
            row["name"] = self.string(item, place, "name", required=True)
            row["definition"] = self.string(item, place, "definition")
            row["unit"] = self.string(item, place, "unit")
            row["target"] = self.number(item, place, "target", optional=True)
            baseline = item.get("baseline")
            if baseline is not None and (isinstance(baseline, bool) or not isinstance(baseline, int) or baseline < 2):
                raise self.fail(f"{place}.baseline", f"must be a whole number of 2 or more, or null, not {baseline!r}")
            row["baseline"] = baseline
            if self.flag(item, place, "archived"):
                row["archived_at"] = utc_now()
            rows.append(row)
        return rows

    def number(self, item: Mapping[str, Any], place: str, name: str, *, optional: bool = False) -> float | None:
        value = item.get(name)
        if value is None:
            if optional:
                return None
            raise self.fail(f"{place}.{name}", "is missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{place}.{name}", f"must be a number, not {value!r}")
        return float(value)

    def read_observations(self, measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
        charts = {row["id"]: row["chart"] for row in measures}
        rows = []
        for index, value in enumerate(self.section("observations")):
            place = f"observations[{index}]"
            item = self.item(place, value)
            measure_id = self.reference(f"{place}.measure", item.get("measure"), "measure")
            number = self.number(item, place, "value")
            denominator = self.number(item, place, "denominator", optional=True)
            assert number is not None
            self.field(place, lambda c=charts[measure_id], v=number, d=denominator:
                       RegisterService.check_observation(c, v, d))  # fmt: skip
            rows.append({
                "id": self.new_id(place, item.get("id"), None), "measure_id": measure_id,
                "date": self.field(f"{place}.date", lambda i=item: check.parse_date(i.get("date"))),
                "value": number, "denominator": denominator, "note": self.string(item, place, "note"),
                "excluded": self.flag(item, place, "excluded"),
                "exclude_reason": self.string(item, place, "exclude_reason"), "version": 1,
            })  # fmt: skip
        return rows

    def read_annotations(self) -> list[dict[str, Any]]:
        rows = []
        for index, value in enumerate(self.section("annotations")):
            place = f"annotations[{index}]"
            item = self.item(place, value)
            rows.append({
                "id": self.new_id(place, item.get("id"), None),
                "measure_id": self.reference(f"{place}.measure", item.get("measure"), "measure"),
                "date": self.field(f"{place}.date", lambda i=item: check.parse_date(i.get("date"))),
                "text": self.string(item, place, "text", required=True),
                "phase_break": self.flag(item, place, "phase_break"), "version": 1,
            })  # fmt: skip
        return rows


def import_data(service: RegisterService, data: Any, source: str = "") -> ImportSummary:
    """Import an exchange document into an empty register, all or nothing."""
    tables = _Reader(data).read()
    with service.db.transaction() as session:
        existing = session.scalar(select(func.count()).select_from(Node)) or 0
        if existing:
            raise ExchangeFormatError(
                "", f"The register already holds {existing} nodes; import into a new, empty register instead "
                "(nothing was imported)."
            )  # fmt: skip
        for name, model in (("title", RegisterInfo), ("nodes", Node), ("links", Link),
                            ("status_updates", StatusUpdate), ("measures", Measure),
                            ("observations", Observation), ("annotations", Annotation)):  # fmt: skip
            rows = [{k: v for k, v in row.items() if not k.startswith("_")} for row in tables[name]]
            if name == "title":
                session.execute(delete(RegisterInfo).where(RegisterInfo.key == "title"))
            for start in range(0, len(rows), 5000):
                session.execute(insert(model), rows[start : start + 5000])
        summary = ImportSummary(
            len(tables["nodes"]), len(tables["links"]), len(tables["status_updates"]), len(tables["measures"]),
            len(tables["observations"]), len(tables["annotations"]),
        )  # fmt: skip
        service._audit(session, "register", "import", None, "import",
                       {"source": [None, source], "imported": [None, str(summary)]})  # fmt: skip
    return summary


def import_file(service: RegisterService, path: Path) -> ImportSummary:
    return import_data(service, load_file(path), source=str(path))
