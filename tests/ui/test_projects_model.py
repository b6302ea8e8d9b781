"""The Projects table model: qtmodeltester, and in step with the register through edits and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from ui import commands
from ui.item_roles import NODE_ID_ROLE
from ui.projects_model import GOAL, PROGRESS, RAG, SORT_ROLE, TITLE, UPDATED, WEEKS, ProjectsFilter, ProjectsModel


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


def _titles(model) -> list[str]:
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_sorting_uses_the_cached_keys_and_keeps_rows_in_place_through_edits(qtmodeltester, document) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = ProjectsModel(document, today=TODAY)
    proxy = ProjectsFilter()
    proxy.setSourceModel(model)
    held = QPersistentModelIndex(model.index(3, TITLE))
    held_id = held.data(NODE_ID_ROLE)
    proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)
    titles = _titles(model)
    assert titles == sorted(titles, key=str.casefold)
    assert held.data(NODE_ID_ROLE) == held_id  # selections follow their project
    assert [proxy.index(r, TITLE).data() for r in range(proxy.rowCount())] == titles
    qtmodeltester.check(model, force_py=True)
    project = model.node_id(0)
    commands.edit_node(document, project, title="Øverst i alfabetet? Nej, sidst")
    titles = _titles(model)
    assert titles == sorted(titles, key=str.casefold) and model.node_id(len(titles) - 1) == project
    secondary = next(n for n in document.index.nodes.values() if n.kind == "secondary")
    added = commands.add_node(document, "project", "AAA nyt projekt", secondary.id)
    assert model.node_id(0) == added.id
    proxy.sort(RAG, Qt.SortOrder.DescendingOrder)
    keys = [model.index(row, RAG).data(SORT_ROLE) for row in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True)
    last = model.node_id(model.rowCount() - 1)
    commands.log_status(document, last, date="2026-11-23", rag="green")  # moves to its sorted place
    keys = [model.index(row, RAG).data(SORT_ROLE) for row in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True)
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert added.id not in {model.node_id(r) for r in range(model.rowCount())}
    qtmodeltester.check(model, force_py=True)


def test_progress_is_shown_with_the_locale_decimal_separator(document) -> None:
    from PySide6.QtCore import QLocale

    project = next(n for n in document.index.projects() if document.index.latest_status.get(n.id))
    commands.log_status(document, project.id, date="2026-11-20", rag="green", progress=3.5)
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        model = ProjectsModel(document, today=TODAY)
        assert model.index(model.row_of(project.id), PROGRESS).data() == "3,5"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        model = ProjectsModel(document, today=TODAY)
        assert model.index(model.row_of(project.id), PROGRESS).data() == "3.5"
    finally:
        QLocale.setDefault(before)


def test_last_update_is_written_the_languages_way_and_sorts_by_date(document) -> None:
    from register import i18n

    projects = [n.id for n in document.index.projects()][:3]
    for node_id, day in zip(projects, ("2026-11-21", "2026-10-30", "2026-11-02"), strict=True):
        commands.log_status(document, node_id, date=day, rag="green")
    try:
        i18n.set_language("da")
        model = ProjectsModel(document, today=TODAY)
        assert [model.index(model.row_of(p), UPDATED).data() for p in projects] == [
            "21-11-2026", "30-10-2026", "02-11-2026"]  # fmt: skip
        model.sort(UPDATED, Qt.SortOrder.AscendingOrder)  # by date, not by the day-first text
        dates = [model.index(row, UPDATED).data(SORT_ROLE) for row in range(model.rowCount())]
        assert dates == sorted(dates)
        order = [model.node_id(row) for row in range(model.rowCount())]
        assert order.index(projects[1]) < order.index(projects[2]) < order.index(projects[0])
        i18n.set_language("en")
        model = ProjectsModel(document, today=TODAY)
        assert model.index(model.row_of(projects[0]), UPDATED).data() == "2026-11-21"
    finally:
        i18n.set_language("en")


def test_the_filter_matches_the_cached_cells(document) -> None:
    model = ProjectsModel(document, today=TODAY)
    proxy = ProjectsFilter()
    proxy.setSourceModel(model)
    project = next(iter(document.index.projects()))
    proxy.set_text(project.title.upper()[:12])
    assert project.id in {proxy.index(r, 0).data(NODE_ID_ROLE) for r in range(proxy.rowCount())}
    commands.edit_node(document, project.id, title="Zzyzx unik titel")
    proxy.set_text("zzyzx")
    assert [proxy.index(r, 0).data(NODE_ID_ROLE) for r in range(proxy.rowCount())] == [project.id]
