"""The tree model: qtmodeltester, and in step with the register after every kind of edit, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon

from register.tree_index import TreeIndex
from tests.ui.conftest import TODAY
from ui import commands
from ui.item_roles import KIND_ROLE, LINK_ID_ROLE, NODE_ID_ROLE, STALE_ROLE
from ui.tree_model import DiagramTreeModel


def expected_structure(document, parent_id=None):
    """What the tree should show, read fresh from the database (not from the document's index)."""
    fresh = TreeIndex(document.service.load_tree())

    def rows(node_id):
        result = [(child, rows(child)) for child in fresh.child_ids(node_id)]
        if node_id is not None:
            result += [(f"link:{link.id}", []) for link in fresh.links_to(node_id)]
        return result

    return rows(parent_id)


def find(model, title):
    matches = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        title,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    assert matches, title
    return matches[0]


def test_model_passes_qtmodeltester(qtmodeltester, document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    qtmodeltester.check(model, force_py=True)


def test_rows_show_goals_drivers_projects_and_cross_links(document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    assert model.structure() == expected_structure(document)
    goal = find(model, "Færre ambulante besøg i Region Midtjylland")
    assert goal.data(KIND_ROLE) == "goal"
    link_rows = [
        model.index(r, 0, parent)
        for parent in [model.index_of_node(n) for n in document.index.nodes]
        for r in range(model.rowCount(parent))
        if model.index(r, 0, parent).data(LINK_ID_ROLE)
    ]
    assert len(link_rows) == len(document.index.links) == 11
    assert all(index.data(Qt.ItemDataRole.FontRole).italic() for index in link_rows)


def _cells(model, index) -> list[dict]:
    """Each cell's roles; an icon as its cache key (QIcon has no ``==``)."""
    return [{role: ("icon", value.cacheKey()) if isinstance(value, QIcon) else value
             for role, value in model.itemData(index.siblingAtColumn(column)).items()}
            for column in range(model.columnCount())]  # fmt: skip


def test_a_row_built_with_the_tree_shows_what_the_same_row_refreshed_shows(document) -> None:
    """Each cell of a freshly built row holds its own roles only: a driver's or a link's Stage, RAG, Updated and
    Evidence cells did show the title (copies of the title cell made after it got its text)."""
    model = DiagramTreeModel(document, today=TODAY)
    tree = document.index
    built = {("node", node_id): _cells(model, model.index_of_node(node_id)) for node_id in tree.nodes}
    built |= {("link", link_id): _cells(model, model.index_of_link(link_id)) for link_id in tree.links}
    for node_id in tree.nodes:
        model._refresh_node(node_id)
    for link_id in tree.links:
        model._refresh_link(link_id)
    refreshed = {("node", node_id): _cells(model, model.index_of_node(node_id)) for node_id in tree.nodes}
    refreshed |= {("link", link_id): _cells(model, model.index_of_link(link_id)) for link_id in tree.links}
    assert built == refreshed
    display = Qt.ItemDataRole.DisplayRole
    for node in tree.nodes.values():
        cells = _cells(model, model.index_of_node(node.id))
        assert cells[0][display] == node.title
        if node.kind != "project":
            assert [cell.get(display) for cell in cells[1:4]] == [None, None, None], node.title
            assert Qt.ItemDataRole.DecorationRole not in cells[1] and Qt.ItemDataRole.DecorationRole not in cells[2]
    for link in tree.links.values():
        cells = _cells(model, model.index_of_link(link.id))
        assert [cell.get(display) for cell in cells[2:]] == [None, None, None]


def test_stale_projects_stand_out(document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    stale = [n for n in document.index.nodes if document.index.is_stale(n, TODAY)]
    fresh = [
        n
        for n in document.index.nodes
        if document.index.nodes[n].kind == "project" and not document.index.is_stale(n, TODAY)
    ]
    assert stale and fresh
    for node_id in stale:
        assert model.index_of_node(node_id).data(STALE_ROLE) is True
        updated = model.index_of_node(node_id, 3)
        assert updated.data(Qt.ItemDataRole.ForegroundRole) is not None
    for node_id in fresh:
        assert model.index_of_node(node_id).data(STALE_ROLE) is False


def test_model_follows_edits_undo_and_redo(qtmodeltester, document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    qtmodeltester.check(model, force_py=True)  # keeps watching every signal from here on
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    stack = document.undo_stack
    goal = document.index.child_ids(None)[0]
    primary = document.index.child_ids(goal)[0]
    secondaries = [n for n in document.index.nodes.values() if n.kind == "secondary"]

    new = commands.add_node(document, "secondary", "Ny sekundær driver", primary)
    project = commands.add_node(document, "project", "Nyt projekt", new.id, lead="Hanne", stage="testing")
    commands.edit_node(document, project.id, title="Nyt projekt (omdøbt)", unit="AUH")
    commands.move_node(document, project.id, secondaries[0].id, 0)
    commands.move_node(document, project.id, secondaries[0].id, 2)  # reorder among siblings
    commands.add_link(document, project.id, primary, "weak")
    commands.log_status(document, project.id, date="2026-11-20", rag="amber", progress=2.0, summary="Første PDSA")
    commands.delete_node(document, secondaries[1].id)
    assert model.structure() == expected_structure(document)

    while stack.canUndo():
        stack.undo()
        assert model.structure() == expected_structure(document)
    assert new.id not in document.index.nodes
    while stack.canRedo():
        stack.redo()
        assert model.structure() == expected_structure(document)
    assert document.index.nodes[project.id].title == "Nyt projekt (omdøbt)"
    assert document.index.latest_status[project.id].rag == "amber"
    assert not resets, "edits must not reset the model"


def test_drop_on_allowed_and_forbidden_parent(document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    requests = []
    model.moveRequested.connect(lambda *args: requests.append(args))
    project = next(n for n in document.index.nodes.values() if n.kind == "project")
    goal = document.index.child_ids(None)[0]
    other_secondary = next(
        n for n in document.index.nodes.values() if n.kind == "secondary" and n.id != project.parent_id
    )
    data = model.mimeData([model.index_of_node(project.id)])
    # A project may not sit under a goal, nor under a link entry.
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_node(goal))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_node(goal))
    # A goal may not go under its own project or anywhere but the top.
    goal_data = model.mimeData([model.index_of_node(goal)])
    assert not model.canDropMimeData(goal_data, Qt.DropAction.MoveAction, -1, 0, model.index_of_node(project.id))
    assert model.canDropMimeData(goal_data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert requests == []
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_node(other_secondary.id))
    assert requests == [(project.id, other_secondary.id, -1)]


def test_link_rows_carry_the_source_node(document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    link = next(iter(document.index.links.values()))
    index = model.index_of_link(link.id)
    assert index.data(NODE_ID_ROLE) == link.source_id
    assert index.data(Qt.ItemDataRole.DisplayRole) == document.index.nodes[link.source_id].title
    assert index.parent() == model.index_of_node(link.target_id)


def test_many_roles_at_once_answer_what_data_answers(document) -> None:
    """The view's delegate asks for a cell's roles in one call (multiData); it must see what data() says, also
    after an edit, and nothing left over from an earlier answer where there is no value."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model = DiagramTreeModel(document, today=TODAY)
    roles = [int(role) for role in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.CheckStateRole, NODE_ID_ROLE, LINK_ID_ROLE, KIND_ROLE,
        STALE_ROLE,
    )]  # fmt: skip

    def same(index) -> None:
        for role in roles:
            role_data = QModelRoleData(role)
            role_data.setData("left over")
            model.multiData(index, QModelRoleDataSpan(role_data))
            expected = index.data(role)
            got = role_data.data()
            if isinstance(expected, float | int | str | bool) or expected is None:
                assert got == expected, (index.data(), role)
            else:
                assert type(got) is type(expected), (index.data(), role)

    def every(parent):
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                yield model.index(row, column, parent)
            yield from every(model.index(row, 0, parent))

    for index in every(QModelIndex()):
        same(index)
    project = next(node for node in document.index.nodes.values() if node.kind == "project")
    index = model.index_of_node(project.id)
    model.multiData(index, QModelRoleDataSpan(QModelRoleData(int(Qt.ItemDataRole.DisplayRole))))  # remembered
    commands.edit_node(document, project.id, title="Renamed through the undo stack")
    role_data = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(index, QModelRoleDataSpan(role_data))
    assert role_data.data() == "Renamed through the undo stack"


def test_marks_come_and_go(document) -> None:
    """A cell given new roles loses those it no longer has (the request's colour and font go with the request)."""
    model = DiagramTreeModel(document, today=TODAY)
    project = next(node.id for node in document.index.nodes.values() if node.kind == "project")
    index = model.index_of_node(project)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_marks({project}, {project})
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Open request for help" in index.data(Qt.ItemDataRole.ToolTipRole)
    model.set_marks(set(), set())
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Open request for help" not in index.data(Qt.ItemDataRole.ToolTipRole)


def test_renaming_a_node_renames_its_cross_link_rows(document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    link = next(iter(document.index.links.values()))
    commands.edit_node(document, link.source_id, title="Ny titel")
    commands.edit_node(document, link.target_id, title="Nyt mål")
    index = model.index_of_link(link.id)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Ny titel"
    assert "Nyt mål" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_move_keeps_the_views_current_row_selection_and_unfolded_rows(qtbot, document) -> None:
    """The moved branch is built again at its new place; the view keeps what it showed of it."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTreeView

    model = DiagramTreeModel(document, today=TODAY)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    tree = document.index
    secondary = next(node for node in tree.nodes.values() if node.kind == "secondary" and tree.child_ids(node.id))
    project = tree.child_ids(secondary.id)[0]
    primary = next(node.id for node in tree.nodes.values() if node.kind == "primary" and node.id != secondary.parent_id)
    view.expandAll()
    view.selectionModel().setCurrentIndex(
        model.index_of_node(project),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    changes = []
    view.selectionModel().currentChanged.connect(lambda *args: changes.append(args))

    def kept() -> None:
        assert model.structure() == expected_structure(document)
        assert view.currentIndex() == model.index_of_node(project)
        assert view.selectionModel().isRowSelected(
            model.index_of_node(project).row(), model.index_of_node(secondary.id)
        )
        assert view.isExpanded(model.index_of_node(secondary.id))

    commands.move_node(document, secondary.id, primary, 0)
    kept()
    document.undo_stack.undo()
    kept()
    assert not changes


def test_staleness_follows_the_calendar(document, monkeypatch) -> None:
    """Without a fixed date, the model looks at the calendar once a minute and computes staleness again."""
    from datetime import date

    import ui.tree_model

    model = DiagramTreeModel(document)
    fresh = next(
        node.id for node in document.index.nodes.values()
        if node.kind == "project" and not document.index.is_stale(node.id, date.today())
    )  # fmt: skip
    assert model.index_of_node(fresh).data(STALE_ROLE) is False

    class Later(date):
        @classmethod
        def today(cls) -> date:
            return date(date.today().year + 2, 1, 1)

    monkeypatch.setattr(ui.tree_model, "date", Later)
    model._check_day()
    assert model.today == Later.today()
    assert model.index_of_node(fresh).data(STALE_ROLE) is True
    assert model.index_of_node(fresh, 3).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_places_of_many_rows_at_once_are_their_places(document) -> None:
    model = DiagramTreeModel(document, today=TODAY)
    tree = document.index
    keys = [*tree.nodes, *(f"link:{link_id}" for link_id in tree.links), "no-such-node", "link:no-such-link"]
    places = model.places(keys)
    assert set(places) == set(keys) - {"no-such-node", "link:no-such-link"}
    for key, (row, parent) in places.items():
        expected = model.place_of(link_id=key[5:]) if key.startswith("link:") else model.place_of(key)
        assert (row, parent) == expected
        index = model.index(row, 0, parent)
        assert (f"link:{index.data(LINK_ID_ROLE)}" if index.data(LINK_ID_ROLE) else index.data(NODE_ID_ROLE)) == key


def test_a_closed_registers_rows_go_a_slice_per_turn_then_the_model(qtbot, document, monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import tree_model

    monkeypatch.setattr(tree_model, "DISPOSE_SECONDS", 0.0)  # one slice per turn of the event loop
    monkeypatch.setattr(tree_model, "DISPOSE_ROWS", 2)
    model = DiagramTreeModel(document, today=TODAY)
    rows = len(document.index.nodes) + len(document.index.links)
    slices: list[int] = []
    model.rowsRemoved.connect(lambda _parent, first, last: slices.append(last - first + 1))
    gone: list[bool] = []
    model.destroyed.connect(lambda: gone.append(True))
    document.close()
    assert model.document is None  # the register is let go of at once
    assert model.parent() is QCoreApplication.instance()  # the rows outlive it
    assert not slices  # none removed yet
    document.nodeAdded.emit(next(iter(document.index.nodes)))  # no longer followed
    qtbot.waitUntil(lambda: bool(gone), timeout=10000)
    assert sum(slices) == rows and max(slices) <= 2


def test_a_closed_registers_model_that_a_view_still_shows_is_left_as_it_is(qtbot, document) -> None:
    from PySide6.QtWidgets import QTreeView

    model = DiagramTreeModel(document, today=TODAY)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    before = model.structure()
    document.close()  # the window closes with it
    qtbot.wait(20)
    assert model.document is document and model.parent() is document and model.structure() == before


def test_branches_are_the_nodes_with_rows_under_them_at_their_depth(document) -> None:
    from ui.tree_filter import branches

    tree = document.index
    model = DiagramTreeModel(document, today=TODAY)
    found = dict(branches(tree))
    assert len(found) == len(list(branches(tree)))  # each once
    assert found == {node_id: len(tree.ancestors(node_id)) for node_id in tree.nodes
                     if model.rowCount(model.index_of_node(node_id))}  # fmt: skip
    assert set(found.values()) == {0, 1, 2}  # goals, primary and secondary drivers
