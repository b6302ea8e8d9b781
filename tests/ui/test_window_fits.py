"""Nothing clipped at 1366×768 or at 150 % scaling (which leaves about 911×512 logical pixels), in Danish:
the first window fits the screen, the toolbar keeps Undo, Add cross-link, Log status and Delete in view after
an edit (Undo/Redo show a short label, the full action is the tooltip), headers and cross-link rows read
whole, the editor needs no sideways scrolling and a long title shows its beginning."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QToolButton

from tests.ui.test_main_window import open_and_wait, window  # noqa: F401 - the window fixture
from ui import commands
from ui.item_roles import LINK_ID_ROLE
from ui.labels import bold_font
from ui.main_window import fitted_size

#: The logical screen of 1366×768 at 150 % (QT_SCALE_FACTOR=1.5) and at 100 %, minus a 40-pixel panel.
SCREENS = {"150 %": QSize(911, 472), "100 %": QSize(1366, 728)}


def test_the_first_window_is_sized_from_the_screen() -> None:
    assert fitted_size(QSize(911, 512)) == QSize(865, 486)
    assert fitted_size(QSize(1366, 728)) == QSize(1280, 692)
    assert fitted_size(QSize(2560, 1400)) == QSize(1280, 800)


@pytest.mark.parametrize("screen", SCREENS)
def test_nothing_is_clipped_after_an_edit(qtbot, danish, window, tmp_path, screen) -> None:  # noqa: F811
    size = fitted_size(SCREENS[screen])
    window.resize(size)
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    assert window.minimumSizeHint().width() <= size.width() and window.minimumSizeHint().height() <= size.height()
    document = window.document
    project = next(n for n in document.index.nodes.values() if n.kind == "project" and len(n.title) > 60)
    window.select_node(project.id)
    commands.log_status(document, project.id, date=date(2026, 11, 20), rag="amber", progress=3.5, author="Mette",
                        summary="Test", next_steps="", help_needed="")  # fmt: skip
    qtbot.wait(50)

    # Undo: a short label on the toolbar, the whole action in its tooltip.
    undo_button = window.toolbar.widgetForAction(window.undo_action)
    assert undo_button.text() == "Fortryd"
    assert window.undo_action.toolTip().startswith(f"Fortryd Registrer status for “{project.title}”")
    assert window.undo_action.toolTip().endswith("(Ctrl+Z)")
    # Every toolbar button is in view: none went behind the » extension menu.
    for action in window.toolbar.actions():
        if not action.isSeparator():
            button = window.toolbar.widgetForAction(action)
            assert button.isVisible() and button.geometry().right() <= window.toolbar.width(), action.text()
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    for action in (window.link_action, window.status_action, window.delete_action):  # labelled, not only icons
        assert window.toolbar.widgetForAction(action).toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    compact = screen == "150 %"
    add_button = window.toolbar.widgetForAction(window.add_actions["primary"])
    assert (add_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly) is compact
    assert window.add_actions["primary"].toolTip() != ""

    # The editor fits its pane (no sideways scrolling) and a long title shows its beginning.
    qtbot.waitUntil(lambda: window.editor_scroll.horizontalScrollBar().maximum() == 0)
    assert window.editor.title_edit.cursorPosition() == 0

    # The tree keeps room for titles; a cross-link row says strong or weak in full.
    tree = window.tree_view
    assert tree.columnWidth(0) >= 0.39 * tree.viewport().width()
    model = window.tree_model
    bold = QFontMetrics(bold_font(tree.font()))  # a strong link is bold
    link_rows = []

    def collect(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(LINK_ID_ROLE):
                link_rows.append(index)
            collect(index)

    collect(tree.rootIndex())
    assert link_rows
    for index in link_rows:
        text = index.siblingAtColumn(1).data()
        assert text in ("stærk", "svag")
        assert bold.horizontalAdvance(text) + 8 <= tree.columnWidth(1)

    # The Projects table: no header is cut.
    window.tabs.setCurrentIndex(window.projects_tab)
    header = window.projects_view.horizontalHeader()
    for column in range(header.count()):
        assert window.projects_view.columnWidth(column) >= header.sectionSizeHint(column), column


@pytest.fixture(params=["en", "da"])
def language(request) -> str:
    """The window in English, then in Danish (asked for before the window, so it is built in that language)."""
    if request.param == "da":
        request.getfixturevalue("danish")
    return request.param


@pytest.mark.parametrize("screen", ["large", *SCREENS])
def test_the_data_grid_shows_every_column_title_whole(qtbot, language, window, tmp_path, screen) -> None:  # noqa: F811
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QStyle

    window.resize(QSize(1280, 800) if screen == "large" else fitted_size(SCREENS[screen]))
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    goal = window.document.index.child_ids(None)[0]
    window.select_node(goal)
    panel = window.editor.measures_panel
    window.editor.tabs.setCurrentIndex(window.editor.measures_index)
    measures = window.document.service.list_measures(goal)  # as the list shows them
    panel.measure_list.setCurrentRow(next(row for row, m in enumerate(measures) if m.chart == "p"))
    grid, header = panel.grid, panel.grid.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)  # a header is drawn bold while its column holds the selection
    metrics = QFontMetrics(bold)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    titles = [grid.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    english = ["Excluded", "Reason for exclusion"]
    assert titles[-2:] == (english if language == "en" else ["Udeladt", "Grund til udeladelse"])

    def whole() -> None:
        for column, title in enumerate(titles):
            room = QRect(0, 0, header.sectionSize(column) - 2 * margin, 1000)
            needs = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, title)  # broken at spaces only
            assert needs.width() <= room.width() and needs.height() <= header.height() - 2 * margin, title
            if screen != "150 %":  # every title in view, without scrolling sideways
                left = header.sectionViewportPosition(column)
                assert left >= 0 and left + header.sectionSize(column) <= header.viewport().width(), title
        if screen != "150 %":
            assert grid.horizontalScrollBar().maximum() == 0

    qtbot.waitUntil(whole, timeout=3000)
    assert grid.columnWidth(3) >= header.sectionSizeHint(3)  # the note keeps more than its title's room


def test_the_data_grid_measures_its_cells_when_rows_change_not_when_it_is_resized(qtbot, window, tmp_path) -> None:  # noqa: F811
    """Dragging the splitter fits the columns to each new width without reading the cells again (on a long series
    that read took about 0.1 s); a point added measures them once more."""
    window.resize(QSize(1280, 800))
    open_and_wait(qtbot, window, tmp_path / "sample.sqlite", sample=True)
    goal = window.document.index.child_ids(None)[0]
    window.select_node(goal)
    window.editor.tabs.setCurrentIndex(window.editor.measures_index)
    panel = window.editor.measures_panel
    grid, header = panel.grid, panel.grid.horizontalHeader()
    qtbot.waitUntil(lambda: header._contents is not None)
    measured: list[int] = []
    real = grid.sizeHintForColumn
    grid.sizeHintForColumn = lambda column: (measured.append(column), real(column))[1]
    total: dict[int, int] = {}
    for width in (700, 420):
        grid.resize(width, grid.height())  # the grid sets its header's width
        header.fit()
        total[width] = sum(header.sectionSize(c) for c in range(header.count()))
    assert measured == []
    assert total[420] < total[700]  # fitted to each width all the same
    measure = panel.measure()
    point = {"date": "2030-01-01", "value": 1} | ({"denominator": 2} if measure.chart in ("p", "pp", "u", "up") else {})
    panel.document.add_observations(measure.id, [point])
    qtbot.waitUntil(lambda: len(measured) == header.count())
