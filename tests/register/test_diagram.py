"""The driver-diagram layout, without a window: complete, no overlaps, no line through a box, deterministic."""

from __future__ import annotations

import contextlib
import itertools
import random

import pytest

from register.diagram import (
    COLUMN_OF,
    approximate_measurer,
    fit_text,
    layout_diagram,
    segments_crossing_boxes,
    wrap,
)
from register.errors import ValidationError
from register.tree_index import TreeIndex


@pytest.fixture
def service(sqlite_service):
    """These tests do not depend on the database: SQLite only."""
    return sqlite_service


@pytest.fixture
def sample_service(service):
    from register.exchange import import_file
    from resources import sample_register_path

    import_file(service, sample_register_path())
    return service


@pytest.fixture
def tree(sample_service) -> TreeIndex:
    return TreeIndex(sample_service.load_tree())


def overlapping(layout):
    pairs = []
    for a, b in itertools.combinations(layout.boxes.values(), 2):
        if a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom:
            pairs.append((a.node_id, b.node_id))
    return pairs


def check_layout(tree: TreeIndex, layout) -> None:
    shown = set()
    for goal in layout.goal_ids:
        shown |= set(tree.subtree(goal))
    assert set(layout.boxes) == shown, "every node of the chosen goals has a box"
    assert overlapping(layout) == []
    assert segments_crossing_boxes(layout) == []
    # Columns: goal | primary | secondary | project, left to right.
    for box in layout.boxes.values():
        assert box.column == COLUMN_OF[box.kind]
    # Every tree edge has a connector from the parent's right edge to the child's left edge.
    edges = {(c.parent_id, c.child_id) for c in layout.connectors}
    expected = {(tree.nodes[n].parent_id, n) for n in shown if tree.nodes[n].parent_id is not None}
    assert edges == expected
    for connector in layout.connectors:
        parent, child = layout.boxes[connector.parent_id], layout.boxes[connector.child_id]
        assert connector.points[0] == (parent.right, parent.centre_y)
        assert connector.points[-1] == (child.x, child.centre_y)
        assert all(x1 == x2 or y1 == y2 for (x1, y1), (x2, y2) in itertools.pairwise(connector.points))
    # Every cross-link between shown nodes is drawn, from the source's left to the target's right edge.
    links = {lk.id for lk in tree.links.values() if lk.source_id in shown and lk.target_id in shown}
    assert {r.link_id for r in layout.cross_links} == links
    for route in layout.cross_links:
        assert route.points[0][0] == layout.boxes[route.source_id].x
        assert route.points[-1][0] == layout.boxes[route.target_id].right
    # Children sit beside their parent: the parent's centre lies within the span of its children.
    for node_id, box in layout.boxes.items():
        children = [layout.boxes[c] for c in tree.child_ids(node_id)]
        if children:
            assert min(c.y for c in children) <= box.centre_y <= max(c.bottom for c in children)
    assert layout.width > 0 and layout.height >= max(box.bottom for box in layout.boxes.values())


def test_sample_register_layout_is_complete_and_clean(tree) -> None:
    layout = layout_diagram(tree)
    check_layout(tree, layout)
    assert len(layout.cross_links) == 11
    assert [h.text for h in layout.headers] == ["Goal", "Primary drivers", "Secondary drivers", "Projects"]


def test_one_goal_at_a_time(tree) -> None:
    for goal in tree.child_ids(None):
        layout = layout_diagram(tree, [goal])
        check_layout(tree, layout)
        assert layout.goal_ids == [goal]


def test_layout_is_deterministic(tree, sample_service) -> None:
    first = layout_diagram(tree)
    again = layout_diagram(TreeIndex(sample_service.load_tree()))
    assert first.boxes == again.boxes
    assert first.connectors == again.connectors
    assert first.cross_links == again.cross_links


def test_projects_directly_under_a_primary_driver_and_random_trees(service) -> None:
    rng = random.Random(3)
    for round_number in range(6):
        goal = service.add_node("goal", f"Mål {round_number}")
        primaries = [
            service.add_node("primary", f"Primær {round_number}.{i}", goal.id) for i in range(rng.randint(1, 4))
        ]
        secondaries, projects = [], []
        for primary in primaries:
            for j in range(rng.randint(0, 3)):
                secondaries.append(service.add_node("secondary", f"Sekundær {primary.title}.{j} " * rng.randint(1, 4),
                                                    primary.id))  # fmt: skip
            for k in range(rng.randint(0, 2)):  # directly under the primary driver
                projects.append(service.add_node("project", f"Direkte projekt {k}", primary.id))
        for secondary in secondaries:
            for k in range(rng.randint(0, 4)):
                projects.append(
                    service.add_node("project", f"Projekt {k} " + "ord " * rng.randint(1, 30), secondary.id)
                )
        for project in projects:
            if rng.random() < 0.5:
                target = rng.choice(primaries + secondaries)
                if target.id != project.parent_id:
                    with contextlib.suppress(ValidationError):  # already linked
                        service.add_link(project.id, target.id, rng.choice(["strong", "weak"]))
    tree = TreeIndex(service.load_tree())
    check_layout(tree, layout_diagram(tree))


def test_long_titles_wrap_then_shrink_before_truncating() -> None:
    measure = approximate_measurer
    short = fit_text("Kort titel", 150, (9, 8, 7, 6), 5, False, measure)
    assert short.lines == ("Kort titel",) and short.font_size == 9
    long = "Gennemgang af henvisninger, retningslinjer, opfølgninger og kontroller for værdi og evidens " * 2
    fitted = fit_text(long, 150, (9, 8, 7, 6), 5, False, measure)
    assert fitted.font_size < 9 and not fitted.lines[-1].endswith("…")
    assert " ".join(fitted.lines) == long.strip()
    huge = fit_text(long * 4, 150, (9, 8, 7, 6), 5, False, measure)
    assert huge.font_size == 6 and huge.lines[-1].endswith("…") and len(huge.lines) == 5
    assert all(measure(line, 6, False) <= 150 for line in huge.lines)
    assert wrap("Supercalifragilisticexpialidocious" * 3, 60, 9, False, measure)[0]  # a long word is broken
