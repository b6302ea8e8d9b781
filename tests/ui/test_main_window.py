"""The main window as a user drives it: dialogs are replaced through ``ui.dialogs``, never exec()'d."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from register.service import RegisterService
from register.storage import open_database
from register.tree_index import TreeIndex
from ui import dialogs
from ui.item_roles import LINK_ID_ROLE, NODE_ID_ROLE
from ui.main_window import MainWindow
from ui.projects_model import RAG, STAGE


@pytest.fixture
def window(qtbot, monkeypatch):
    calls = {"errors": [], "confirm": []}
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: calls["errors"].append(message))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, message, action: calls["confirm"].append(message)
                        or True)  # fmt: skip
    win = MainWindow()
    win.calls = calls
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def open_and_wait(qtbot, window, location, **kwargs) -> None:
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(location), **kwargs)


def fresh_tree(window) -> TreeIndex:
    return TreeIndex(window.document.service.load_tree())


def titles(window) -> set[str]:
    return {node.title for node in fresh_tree(window).nodes.values()}


def test_opens_the_sample_and_shows_it(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    assert window.tree_model.rowCount() == 2  # two goals
    assert "(local)" in window.windowTitle()
    assert "Transformationsdagsorden" in window.windowTitle()
    assert window.projects_filter.rowCount() == 10
    tree = window.document.index
    stale = sum(1 for n in tree.projects() if tree.is_stale(n.id, date.today()))
    assert window.status_label.text() == f"2 goals · 10 projects · {stale} stale"
    assert QSettings().value("files/last") == str((tmp_path / "sample.sqlite").resolve())


def test_build_a_diagram_from_nothing_then_undo_and_redo_all(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "new.sqlite", create=True)
    assert window.tree_model.rowCount() == 0
    window.add_node("goal")
    goal_id = window.selected_node_id()
    window.tree_model.renameRequested.emit(goal_id, "Færre indlæggelser")
    window.add_child()  # Insert: the natural child of a goal is a primary driver
    window.add_child()  # ... of a primary driver, a secondary driver
    window.add_child()  # ... of a secondary driver, a project
    project_id = window.selected_node_id()
    assert window.document.index.nodes[project_id].kind == "project"
    window.editor.lead_edit.setText("Hanne Holm")
    window.editor.save()
    tree = fresh_tree(window)
    assert [tree.nodes[n].kind for n in tree.subtree(goal_id)] == ["goal", "primary", "secondary", "project"]
    assert tree.nodes[goal_id].title == "Færre indlæggelser"
    assert tree.nodes[project_id].lead == "Hanne Holm"
    assert window.undo_action.text() == "&Undo Edit “New project”"

    stack = window.document.undo_stack
    while stack.canUndo():
        window.undo_action.trigger()
    assert fresh_tree(window).nodes == {}
    assert window.tree_model.rowCount() == 0
    while stack.canRedo():
        window.redo_action.trigger()
    assert fresh_tree(window).nodes[project_id].lead == "Hanne Holm"
    assert window.tree_model.rowCount() == 1
    window._update_summaries()
    assert window.status_label.text() == "1 goal · 1 project · 1 stale"  # (no status logged yet)


def test_editor_flags_end_before_start_at_once_and_saves_valid_input(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    project = next(n for n in window.document.index.nodes.values() if n.kind == "project")
    window.select_node(project.id)
    editor = window.editor
    editor.start_edit.setText("2026-05-01")
    editor.end_edit.setText("2026-04-01")
    assert editor.message.text() == "The end date is before the start date."
    assert not editor.save_button.isEnabled()
    assert "border" in editor.end_edit.styleSheet()
    editor.save()
    assert fresh_tree(window).nodes[project.id].end == project.end  # nothing invalid stored
    editor.end_edit.setText("31.12.2027")  # Danish date format is understood
    assert editor.message.text() == ""
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = fresh_tree(window).nodes[project.id]
    assert (stored.start, stored.end) == (date(2026, 5, 1), date(2027, 12, 31))
    editor.end_edit.setText("next year")
    assert editor.message.text() == "End date 'next year' is not a date; write it like 31-03-2026 or 2026-03-31."
    editor.title_edit.setText("  ")
    assert editor.message.text() == "The title cannot be empty."


def test_unsaved_valid_edits_are_saved_when_the_selection_moves(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    projects = [n for n in window.document.index.nodes.values() if n.kind == "project"]
    window.select_node(projects[0].id)
    window.editor.unit_edit.setText("Ny enhed")
    window.select_node(projects[1].id)
    assert fresh_tree(window).nodes[projects[0].id].unit == "Ny enhed"


def test_log_status_with_defaults_from_the_last_update_and_undo(qtbot, window, tmp_path, monkeypatch) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    project_id = next(n for n in tree.latest_status if tree.nodes[n].kind == "project")
    seen = {}

    def fill(parent, title, previous, author):
        seen.update(title=title, previous=previous, author=author)
        return {"date": date(2026, 11, 24), "author": "Jonas Friis", "rag": "red", "progress": 2.5,
                "summary": "Forsinket", "next_steps": "Ny PDSA", "help_needed": "Ressourcer"}  # fmt: skip

    monkeypatch.setattr(dialogs, "ask_status", fill)
    window.select_node(project_id)
    window.status_action.trigger()
    assert seen["previous"] == tree.latest_status[project_id] or seen["previous"].node_id == project_id
    latest = window.document.service.latest_status(project_id)
    assert (latest.rag, latest.progress, latest.summary) == ("red", 2.5, "Forsinket")
    assert window.editor.history_table.item(0, 4).text() == "Forsinket"  # newest first
    assert QSettings().value("status/author") == "Jonas Friis"
    window.undo_action.trigger()
    assert window.document.service.latest_status(project_id).summary != "Forsinket"
    assert window.editor.history_table.item(0, 4).text() != "Forsinket"


def test_status_form_carries_rag_and_progress_and_needs_a_rag(qtbot) -> None:
    from register.records import StatusRecord
    from ui.status_form import StatusForm

    previous = StatusRecord("s", "p", date(2026, 10, 1), "Ann", "amber", 3.0, "Sidst", "", "", 1)
    form = StatusForm("Projekt", previous, "Ann")
    qtbot.addWidget(form)
    values = form.values()
    assert (values["rag"], values["progress"], values["author"]) == ("amber", 3.0, "Ann")
    assert values["date"] == date.today()
    empty = StatusForm("Projekt", None, "Ann")
    qtbot.addWidget(empty)
    assert empty.problem().startswith("Choose a RAG status")
    empty._accept_if_valid()
    assert empty.result() == 0 and "RAG" in empty.message.text()
    empty.set_values(rag="green", summary="Godt")
    empty._accept_if_valid()
    assert empty.result() == 1


def test_projects_table_filters_and_double_click(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    table = window.projects_filter
    tree = window.document.index
    total = table.rowCount()
    window.stage_filter.setCurrentIndex(window.stage_filter.findData("testing"))
    testing = [n for n in tree.projects() if n.stage == "testing"]
    assert table.rowCount() == len(testing) > 0
    window.stage_filter.setCurrentIndex(0)
    window.rag_filter.setCurrentIndex(window.rag_filter.findData("green"))
    greens = [n for n in tree.projects() if tree.latest_status.get(n.id) and tree.latest_status[n.id].rag == "green"]
    assert table.rowCount() == len(greens)
    window.rag_filter.setCurrentIndex(0)
    lead = next(n.lead for n in tree.projects() if n.lead)
    window.lead_filter.setCurrentIndex(window.lead_filter.findData(lead))
    assert table.rowCount() == sum(1 for n in tree.projects() if n.lead == lead)
    window.lead_filter.setCurrentIndex(0)
    window.projects_search.setText("telemedicinske")
    assert 0 < table.rowCount() < total
    assert window.projects_count.text() == f"{table.rowCount()} of {total} projects"
    window.projects_search.clear()
    # Sorting by RAG puts red first; by weeks stale puts the stalest last.
    window.projects_view.sortByColumn(RAG, Qt.SortOrder.AscendingOrder)
    first = table.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert tree.latest_status[first].rag == "red"
    window.projects_view.sortByColumn(STAGE, Qt.SortOrder.AscendingOrder)
    index = table.index(2, 0)
    window.projects_view.doubleClicked.emit(index)
    assert window.tabs.currentIndex() == window.tree_tab
    assert window.selected_node_id() == index.data(Qt.ItemDataRole.UserRole + 1)


def shown_rows(window) -> list[str]:
    """Titles of the rows the tree shows (not hidden by the filter), depth first."""
    model, view, shown = window.tree_model, window.tree_view, []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            if not view.isRowHidden(row, parent):
                index = model.index(row, 0, parent)
                shown.append(index.data())
                walk(index)

    walk(model.index(-1, -1))
    return shown


def test_tree_filter_keeps_matches_and_their_ancestors(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    everything = shown_rows(window)
    window.search_edit.setText("lemvig")
    shown = shown_rows(window)
    tree = window.document.index
    clinic = next(n for n in tree.nodes.values() if n.title == "Regionsklinik i Lemvig")
    cross_links = tree.links_from(clinic.id)
    assert cross_links, "the sample links the clinic to a second driver"
    # The project under its own parent and as a cross-link entry, plus the ancestors of both places.
    assert shown.count(clinic.title) == 1 + len(cross_links)
    places = {tree.nodes[clinic.id].parent_id} | {link.target_id for link in cross_links}
    ancestors = {a.title for place in places for a in [tree.nodes[place], *tree.ancestors(place)]}
    assert set(shown) == ancestors | {clinic.title}
    clinic_index = window.tree_model.index_of_node(clinic.id)
    assert window.tree_view.isExpanded(clinic_index.parent())  # unfolded down to the match
    # A cross-link added while the filter is on is filtered too.
    window.select_node(clinic.id)
    other = next(n for n in tree.nodes.values() if n.kind == "secondary" and n.title not in shown)
    from ui import commands

    unrelated = next(n for n in tree.nodes.values() if n.kind == "project" and "lemvig" not in n.title.lower())
    commands.add_link(window.document, unrelated.id, other.id, "weak")
    qtbot.waitUntil(lambda: set(shown_rows(window)) == ancestors | {clinic.title})
    # Adding a node clears the filter, so the new node can be named in place.
    window.add_node("project")
    assert window.search_edit.text() == ""
    assert set(shown_rows(window)) == set(everything) | {"New project", unrelated.title}


def test_tree_filter_hides_only_outermost_rows_and_a_keystroke_showing_the_same_rows_keeps_the_folding(
        qtbot, window, tmp_path) -> None:  # fmt: skip
    from ui.tree_filter import visible_ids

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree, model, view = window.document.index, window.tree_model, window.tree_view

    def hidden(node_id: str) -> bool:
        return view.isRowHidden(*model.place_of(node_id))

    window.search_edit.setText("lemvig")
    assert visible_ids(tree, "lemvi") == visible_ids(tree, "lemvig")
    hidden_rows = [node_id for node_id in tree.nodes if hidden(node_id)]
    assert hidden_rows
    for node_id in hidden_rows:  # a hidden row hides its branch: no row under it is hidden as well
        assert not any(hidden(ancestor.id) for ancestor in tree.ancestors(node_id))
    shown, _links = visible_ids(tree, "lemvig")
    folded = next(node_id for node_id in shown if tree.child_ids(node_id)
                  and not view.isExpanded(model.index_of_node(node_id)))  # fmt: skip
    view.expand(model.index_of_node(folded))
    window.search_edit.setText("lemvi")  # the same rows: the view is left as the user unfolded it
    assert view.isExpanded(model.index_of_node(folded))
    assert [node_id for node_id in tree.nodes if hidden(node_id)] == hidden_rows


def folding(window) -> dict[str, bool]:
    """Each node with rows under it: is it unfolded?"""
    from ui.tree_filter import branches

    model, view = window.tree_model, window.tree_view
    return {node_id: view.isExpanded(model.index_of_node(node_id)) for node_id, _ in branches(window.document.index)}


def assert_filtered(window, text: str) -> None:
    """Every row is shown exactly when the filter keeps it: its node matches or is an ancestor of a match; a
    cross-link row when its source matches."""
    from ui.tree_filter import visible_ids

    model, view = window.tree_model, window.tree_view
    nodes, links = visible_ids(window.document.index, text)
    wrong = []

    def walk(parent, parent_shown: bool) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            link_id = index.data(LINK_ID_ROLE)
            keep = link_id in links if link_id is not None else index.data(NODE_ID_ROLE) in nodes
            shown = parent_shown and not view.isRowHidden(row, parent)
            if shown != keep:
                wrong.append(index.data())
            walk(index, shown)

    walk(model.index(-1, -1), True)
    assert not wrong, f"rows shown or hidden wrongly for {text!r}: {wrong}"


def test_clearing_the_tree_filter_shows_every_row_unfolded_to_the_drivers(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree, model, view = window.document.index, window.tree_model, window.tree_view
    at_drivers = folding(window)  # as opened: the goals and primary drivers unfolded, nothing below
    assert any(at_drivers.values()) and not all(at_drivers.values())
    everything = shown_rows(window)
    secondary = next(n for n in tree.nodes.values() if n.kind == "secondary" and tree.child_ids(n.id))
    view.expand(model.index_of_node(secondary.id))  # the user unfolds a branch
    window.search_edit.setText("lemvig")  # unfolded down to the match
    assert folding(window) != at_drivers
    window.search_edit.setText("")
    assert shown_rows(window) == everything
    assert folding(window) == at_drivers


def test_a_wide_tree_filter_unfolds_to_the_drivers(qtbot, window, tmp_path, monkeypatch) -> None:
    from ui import tree_filter

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    at_drivers = folding(window)
    window.search_edit.setText("lemvig")
    assert folding(window) != at_drivers
    monkeypatch.setattr(tree_filter, "MAX_UNFOLDED_ROWS", 0)  # every filter is "wide"
    window.search_edit.setText("e")
    assert_filtered(window, "e")
    assert folding(window) == at_drivers


def test_the_tree_filter_keeps_up_with_rows_that_move_while_it_is_on(qtbot, window, tmp_path) -> None:
    from ui import commands

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    window.search_edit.setText("lemvig")
    assert_filtered(window, "lemvig")
    clinic = next(n for n in tree.nodes.values() if n.title == "Regionsklinik i Lemvig")
    # A project that does not match moves to the top of the clinic's driver: the rows below it shift by one.
    other = next(n for n in tree.nodes.values() if n.kind == "project" and n.parent_id != clinic.parent_id
                 and "lemvig" not in n.title.lower())  # fmt: skip
    commands.move_node(window.document, other.id, clinic.parent_id, 0)
    qtbot.waitUntil(lambda: assert_filtered(window, "lemvig"))
    for text in ("lemvi", "regions", "", "lemvig", "a", ""):  # each keystroke hides and shows other rows
        window.search_edit.setText(text)
        assert_filtered(window, text)


def test_a_row_that_comes_back_while_the_tree_filter_is_on_is_filtered(qtbot, window, tmp_path) -> None:
    from ui import commands

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    window.search_edit.setText("lemvig")
    clinic = next(n for n in tree.nodes.values() if n.title == "Regionsklinik i Lemvig")
    siblings = tree.child_ids(clinic.parent_id)
    sibling = next(child for child in siblings if "lemvig" not in tree.nodes[child].title.lower())
    assert window.tree_view.isRowHidden(*window.tree_model.place_of(sibling))  # hidden beside the match
    commands.delete_node(window.document, sibling)
    qtbot.waitUntil(lambda: assert_filtered(window, "lemvig"))
    window.document.undo_stack.undo()  # the row is made again: hidden again, as it does not match
    assert window.tree_model.index_of_node(sibling).isValid()
    qtbot.waitUntil(lambda: assert_filtered(window, "lemvig"))
    window.search_edit.setText("")
    assert_filtered(window, "")


def test_delete_says_what_goes_with_it_and_undo_brings_it_back(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    primary = next(n for n in tree.nodes.values() if n.kind == "primary" and tree.child_ids(n.id))
    before = titles(window)
    window.select_node(primary.id)
    window.delete_action.trigger()
    message = window.calls["confirm"][-1]
    assert primary.title in message and "secondary driver" in message and "Undo" in message
    assert primary.title not in titles(window)
    window.undo_action.trigger()
    assert titles(window) == before
    assert window.tree_model.structure() == DiagramTreeModelCheck.expected(window)


class DiagramTreeModelCheck:
    @staticmethod
    def expected(window):
        from tests.ui.test_tree_model import expected_structure

        return expected_structure(window.document)


def test_cross_links_from_the_dialog_and_removal(qtbot, window, tmp_path, monkeypatch) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    project = next(n for n in tree.nodes.values() if n.kind == "project")
    from ui.link_dialog import link_targets

    target = link_targets(tree, project.id)[0]
    monkeypatch.setattr(dialogs, "ask_link", lambda parent, index, source: (target, "weak"))
    window.select_node(project.id)
    window.link_action.trigger()
    link = next(lk for lk in fresh_tree(window).links.values() if lk.source_id == project.id and lk.target_id == target)
    assert link.strength == "weak"
    window.tree_view.setCurrentIndex(window.tree_model.index_of_link(link.id))
    assert window.delete_action.text() == "Remove cross-&link"
    window.delete_action.trigger()
    assert link.id not in fresh_tree(window).links
    window.undo_action.trigger()
    assert link.id in fresh_tree(window).links


def test_drag_and_drop_move_is_undoable(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    tree = window.document.index
    project = next(n for n in tree.nodes.values() if n.kind == "project")
    target = next(n for n in tree.nodes.values() if n.kind == "secondary" and n.id != project.parent_id)
    model = window.tree_model
    data = model.mimeData([model.index_of_node(project.id)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_node(target.id))
    assert fresh_tree(window).nodes[project.id].parent_id == target.id
    assert window.selected_node_id() == project.id
    window.undo_action.trigger()
    assert fresh_tree(window).nodes[project.id].parent_id == project.parent_id


def test_conflict_offers_reload_and_overwrites_nothing(qtbot, window, tmp_path, monkeypatch) -> None:
    path = tmp_path / "sample.sqlite"
    open_and_wait(qtbot, window, path, sample=True)
    project = next(n for n in window.document.index.nodes.values() if n.kind == "project")
    other = RegisterService(open_database(path), user="kollega")
    other.update_node(project.id, project.version, lead="Kollegaens leder")
    asked = []
    monkeypatch.setattr(dialogs, "ask_reload", lambda parent, message: asked.append(message) or True)
    window.select_node(project.id)
    window.editor.lead_edit.setText("Min leder")
    window.editor.save()
    assert "kollega" in asked[0] and "nothing was overwritten" in asked[0]
    assert fresh_tree(window).nodes[project.id].lead == "Kollegaens leder"
    assert window.document.index.nodes[project.id].lead == "Kollegaens leder"  # reloaded
    other.db.close()


def test_a_file_that_is_not_a_register_gives_a_message_and_stays_as_it_was(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    with qtbot.waitSignal(window.openFailed, timeout=10000) as blocker:
        window.open_location(str(bad))
    assert "not a register" in blocker.args[0]
    assert window.calls["errors"] == [blocker.args[0]]
    assert bad.read_text() == "not a database"
    assert window.document is None


def test_service_errors_become_messages(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    goal = window.document.index.child_ids(None)[0]
    window.select_node(goal)
    window.log_status()  # a goal has no status
    assert window.calls["errors"] == ["Select a project to log its status."]
    long_title = "x" * 600
    window.tree_model.renameRequested.emit(goal, long_title)
    assert "limit is 500" in window.calls["errors"][-1]


def test_window_geometry_splitter_and_recent_files_persist(qtbot, tmp_path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # the offscreen screen is 800 x 600
    first.splitter.setSizes([200, 450])
    sizes = first.splitter.sizes()
    with qtbot.waitSignal(first.documentOpened, timeout=20000):
        first.open_location(str(tmp_path / "a.sqlite"), create=True)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    assert second.recent() == [str((tmp_path / "a.sqlite").resolve())]
    from ui.main_window import default_location

    assert default_location() == str((tmp_path / "a.sqlite").resolve())
    second.close()


def test_import_exchange_into_a_new_register(qtbot, window, tmp_path, monkeypatch) -> None:
    from resources import sample_register_path

    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    target = tmp_path / "imported.sqlite"
    monkeypatch.setattr(dialogs, "ask_import_file", lambda parent: str(sample_register_path()))
    monkeypatch.setattr(dialogs, "ask_new_register", lambda parent: str(target))
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.import_action.trigger()
    assert Path(window.document.location) == target.resolve()
    assert window.projects_filter.rowCount() == 10


def test_export_exchange_runs_in_the_background(qtbot, window, tmp_path, monkeypatch) -> None:
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    out = tmp_path / "out.json"
    monkeypatch.setattr(dialogs, "ask_export_file", lambda parent: str(out))
    window.export_action.trigger()
    window.wait_for_tasks()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage())
    assert out.stat().st_size > 10000


def test_an_edit_after_the_register_file_was_deleted_says_where_it_was(qtbot, window, tmp_path) -> None:
    path = tmp_path / "deleted.sqlite"
    open_and_wait(qtbot, window, path, sample=True)
    projects = [n for n in window.document.index.nodes.values() if n.kind == "project"]
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    window.select_node(projects[0].id)
    window.editor.lead_edit.setText("Min leder")
    window.editor.save()
    assert "no longer there" in window.calls["errors"][-1] and str(path) in window.calls["errors"][-1]
    window.select_node(projects[1].id)  # reading what the open file holds still works
    assert window.editor.title_edit.text() == projects[1].title
    assert not path.exists()
