"""The Projects table model: qtmodeltester, and in step with the register through edits and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from ui import commands
from ui.projects_model import GOAL, RAG, WEEKS, ProjectsFilter, ProjectsModel
from ui.tree_model import NODE_ID_ROLE


def rows(model):
    return {model.index(row, 0).data(NODE_ID_ROLE) for row in range(model.rowCount())}


def test_projects_model_passes_qtmodeltester(qtmodeltester, document) -> None:
    model = ProjectsModel(document, today=TODAY)
    qtmodeltester.check(model, force_py=True)
    proxy = ProjectsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_projects_model_follows_edits_and_undo(qtmodeltester, document) -> None:
    model = ProjectsModel(document, today=TODAY)
    qtmodeltester.check(model, force_py=True)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    tree = document.index
    expected = {n.id for n in tree.projects()}
    assert rows(model) == expected
    secondary = next(n for n in tree.nodes.values() if n.kind == "secondary")
    project = commands.add_node(document, "project", "Nyt projekt", secondary.id)
    assert rows(model) == expected | {project.id}
    commands.log_status(document, project.id, date="2026-11-20", rag="red")
    row = model.row_of(project.id)
    assert model.index(row, RAG).data() == "red"
    assert model.index(row, WEEKS).data() == "0 weeks"
    goal = tree.ancestor_of_kind(project.id, "goal")
    commands.edit_node(document, goal.id, title="Omdøbt mål")
    assert model.index(row, GOAL).data() == "Omdøbt mål"
    commands.delete_node(document, secondary.id)
    assert project.id not in rows(model)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert rows(model) == expected
    assert not resets


def test_stale_rows_are_marked(document) -> None:
    model = ProjectsModel(document, today=TODAY)
    for row in range(model.rowCount()):
        node_id = model.index(row, 0).data(NODE_ID_ROLE)
        stale = document.index.is_stale(node_id, TODAY)
        assert (model.index(row, WEEKS).data(Qt.ItemDataRole.ForegroundRole) is not None) == stale
