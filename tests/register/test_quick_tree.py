"""The window's quick first read of a register file gives exactly the service's tree, or None: never a wrong tree,
and never a changed byte."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from register.errors import RegisterError
from register.quick_tree import read_tree
from register.service import RegisterService
from register.storage import open_database
from resources import sample_copy_path

KINDS = ("goal", "primary", "secondary", "project")
DAYS = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]  # few: statuses on the same day are common


@pytest.fixture(scope="module")
def empty_register(tmp_path_factory) -> Path:
    """A new register at the current schema, copied for each example (creating one runs the migrations)."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    open_database(path).close()
    return path


def build(path: Path, plan: dict) -> RegisterService:
    """A register made from a drawn plan: nodes under earlier ones, archived ones, links and statuses."""
    service = RegisterService(open_database(path, create=False), user="tester")
    if plan["title"]:
        service.set_title(plan["title"])
    ids: list[tuple[str, str]] = []  # (kind, id)
    for depth, parent_pick, title, dated in plan["nodes"]:
        kind = KINDS[depth]
        parents = [node_id for parent_kind, node_id in ids if KINDS.index(parent_kind) == depth - 1]
        if depth and not parents:
            continue
        fields = {"start": DAYS[0], "end": DAYS[2], "lead": title[:10]} if kind == "project" and dated else {}
        node = service.add_node(kind, title, parents[parent_pick % len(parents)] if depth else None, **fields)
        ids.append((kind, node.id))
    projects = [node_id for kind, node_id in ids if kind == "project"]
    drivers = [node_id for kind, node_id in ids if kind in ("primary", "secondary")]
    for pick, target_pick in plan["links"]:
        if projects and drivers:
            with contextlib.suppress(RegisterError):  # a duplicate or a refused link: the plan has one link fewer
                service.add_link(projects[pick % len(projects)], drivers[target_pick % len(drivers)])
    for pick, day, rag, progress in plan["statuses"]:
        if projects:
            service.add_status_update(projects[pick % len(projects)], date=DAYS[day], rag=rag, progress=progress,
                                      summary="Ændret på Århus Sygehus")  # fmt: skip
    for pick in plan["archived"]:
        if ids:
            with contextlib.suppress(RegisterError):  # already archived with an ancestor
                service.archive_node(ids[pick % len(ids)][1])
    return service


rags = st.sampled_from(["green", "amber", "red"])
progress = st.sampled_from([None, 0.5, 3.5, 5.0])
titles = st.text("abcæøå ÆØÅ", min_size=1, max_size=12).filter(str.strip)
plans = st.fixed_dictionaries(
    {
        "title": st.sampled_from(["", "Færre ambulante besøg", "Region Midt"]),
        "nodes": st.lists(st.tuples(st.integers(0, 3), st.integers(0, 20), titles, st.booleans()), max_size=25),
        "links": st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=6),
        "statuses": st.lists(st.tuples(st.integers(0, 20), st.integers(0, 2), rags, progress), max_size=10),
        "archived": st.lists(st.integers(0, 30), max_size=3),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans)
def test_the_quick_read_is_the_services_tree(plan: dict, empty_register: Path, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("register") / "register.sqlite"
    shutil.copyfile(empty_register, path)
    service = build(path, plan)
    try:
        assert read_tree(path) == service.load_tree()
    finally:
        service.db.close()


def test_the_sample_reads_the_same_quickly(tmp_path: Path) -> None:
    assert read_tree(sample_copy_path()) is not None  # the shipped file itself, read-only where it lies
    path = tmp_path / "sample.sqlite"
    shutil.copyfile(sample_copy_path(), path)
    service = RegisterService(open_database(path, create=False), user="tester")
    try:
        assert read_tree(path) == service.load_tree() and len(service.load_tree().nodes) == 29
    finally:
        service.db.close()


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample_copy_path(), path)
    return path


def test_another_schema_revision_is_left_to_the_full_open(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    before = path.read_bytes()
    assert read_tree(path) is None
    assert path.read_bytes() == before


def test_a_value_that_does_not_parse_is_left_to_the_full_open(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE nodes SET start_date = '2026-13-45' WHERE start_date IS NOT NULL")
    assert read_tree(path) is None


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, None])
def test_no_register_there_gives_none_and_creates_nothing(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "register.sqlite"
    if content is not None:
        path.write_bytes(content)
    assert read_tree(path) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if content is None else ["register.sqlite"])
    if content is not None:
        assert path.read_bytes() == content


def test_a_locked_register_gives_none_at_once(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # another program holds the file (rollback-journal mode)
    try:
        assert read_tree(path) is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert read_tree(path) is not None


def test_statuses_on_the_same_day_are_ordered_as_the_service_orders_them(empty_register: Path, tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    shutil.copyfile(empty_register, path)
    nodes = [(0, 0, "Mål", False), (1, 0, "P", False), (2, 0, "S", False), (3, 0, "Projekt", True)]
    same_day = [(0, 1, "green", 1.0), (0, 1, "red", 2.0), (0, 1, "amber", None)]
    plan = {"title": "", "nodes": nodes, "links": [], "statuses": same_day, "archived": []}
    service = build(path, plan)
    try:
        assert len(service.load_tree().latest_status) == 1
        assert read_tree(path) == service.load_tree()
    finally:
        service.db.close()
