"""The main window: the driver-diagram tree and the node editor, the Projects table, menus and toolbar."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from register.errors import ConflictError, ConnectionLostError, CredentialsError, MissingRegisterError, RegisterError
from register.locations import default_register_path, discard_register_file, is_url, public_location, url_password
from register.vocabulary import ALLOWED_PARENTS, LINK_STRENGTHS, LOCAL, RAG_VALUES, STAGES
from ui import collector, commands, dialogs
from ui.deferred import DeferredPanel
from ui.document import RegisterDocument
from ui.editor import NodeEditor
from ui.evidence import EVIDENCE_NAMES, EvidenceKeeper, evidence_name
from ui.icons import icon, rag_icon
from ui.item_roles import LINK_ID_ROLE, NODE_ID_ROLE
from ui.labels import (
    bold_font,
    kind_name,
    new_node_title,
    plural,
    rag_name,
    stage_name,
    strength_name,
    weeks_text,
)
from ui.live_refresh import LiveRefresh
from ui.permissions import DIAGRAM, PROJECT_DATA, PROJECT_FIELDS, STATUS, refusal, role_label
from ui.preferences import AUTHOR_KEY
from ui.projects_model import LEAD, RAG, STAGE, ProjectsFilter, ProjectsModel
from ui.tasks import Task, start_task

if TYPE_CHECKING:  # the storage layer (SQLAlchemy, the ORM) loads in the task that opens a register, not at start
    from register.service import RegisterService
    from register.tree_index import TreeIndex
    from ui.diagram_export import TitleBlock  # PDF/printing: loaded when the diagram is first exported or printed
    from ui.diagram_view import DiagramPanel  # the Diagram and Meetings tabs: loaded when first needed
    from ui.meetings_panel import MeetingsPanel
    from ui.tree_filter import TreeFilter  # the tree's model and filter: loaded with the first register shown
    from ui.tree_model import DiagramTreeModel

translate = QCoreApplication.translate

APP_TITLE = "Improvement Register"
RECENT_KEY = "files/recent"
LAST_KEY = "files/last"
MAX_RECENT = 8
#: The child kind "Add child" (Insert) adds under each kind of node; None: a goal at the top.
NATURAL_CHILD = {None: "goal", "goal": "primary", "primary": "secondary", "secondary": "project"}


class MainWindow(QMainWindow):
    """One window, one open register (document) at a time."""

    documentOpened = Signal()  # noqa: N815
    # The tree shows a register's nodes: a read-only preview while it opens, or the open register.
    treeFilled = Signal()  # noqa: N815
    openFailed = Signal(str)  # noqa: N815

    def __init__(self, user: str | None = None) -> None:
        super().__init__()
        #: The name for the audit trail and status updates given with ``--user`` (None: Preferences or login name).
        self.user = user.strip() if user and user.strip() else None
        self.document: RegisterDocument | None = None
        self.tree_model: DiagramTreeModel | None = None
        # The read-only tree painted while a register opens at start-up (see _show_preview).
        self._preview: RegisterDocument | None = None
        self.projects_model: ProjectsModel | None = None
        self.tasks: list[Any] = []
        #: Passwords typed this session, by register address (kept in memory only, never in the settings).
        self._session_passwords: dict[str, str] = {}
        #: Status updates typed but not saved (the register refused or did not answer), by project id.
        self._status_drafts: dict[str, dict[str, Any]] = {}
        self.undo_group = QUndoGroup(self)
        # Set when the window closes: a register that finishes opening after that is closed again at once.
        self._closed = False
        self.setWindowIcon(icon("app"))
        self.resize(fitted_size(self.screen().availableGeometry().size()))
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._update_title()
        self._update_actions()
        self._restore_settings()

    # ================================================================== building

    def _build_widgets(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(translate("MainWindow", "Filter the tree (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._apply_tree_filter)
        self.tree_view = QTreeView()
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setAlternatingRowColors(True)
        self._make_tree_editable()
        self.tree_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree_view.setDropIndicatorShown(True)
        self.tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree_view.customContextMenuRequested.connect(self._tree_context_menu)
        self.tree_filter: TreeFilter | None = None
        self.tree_view.header().setStretchLastSection(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.tree_view)

        self.editor = NodeEditor()
        self.editor.saveRequested.connect(self._save_node)
        self.editor.logStatusRequested.connect(lambda node_id: self.log_status(node_id))
        self.editor.addLinkRequested.connect(lambda node_id: self.add_link(node_id))
        self.editor.removeLinkRequested.connect(lambda link_id: self.remove_link(link_id))
        self.editor.toggleLinkRequested.connect(self._toggle_link)
        self.editor.failed.connect(lambda title, message: dialogs.show_error(self, title, message))
        self.editor.conflict.connect(self._on_conflict)
        self.editor.formBuilt.connect(self._add_decision_log_tab)
        self.editor.showNodeRequested.connect(self.select_node)
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setWidget(self.editor)
        self.editor_scroll = editor_scroll

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(editor_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 500])
        self.tree_view.viewport().installEventFilter(self)  # a resized tree re-fits its columns

        self.projects_filter = ProjectsFilter(self)
        self.projects_view = QTableView()
        self.projects_view.setModel(self.projects_filter)
        self.projects_view.setSortingEnabled(True)
        self.projects_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.projects_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.projects_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.projects_view.setAlternatingRowColors(True)
        self.projects_view.verticalHeader().hide()
        self.projects_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.projects_view.horizontalHeader().setStretchLastSection(True)
        self.projects_view.doubleClicked.connect(self._on_project_double_clicked)
        self.projects_search = QLineEdit()
        self.projects_search.setPlaceholderText(translate("MainWindow", "Filter projects"))
        self.projects_search.setClearButtonEnabled(True)
        self.projects_search.textChanged.connect(self.projects_filter.set_text)
        for signal in (self.projects_filter.rowsInserted, self.projects_filter.rowsRemoved,
                       self.projects_filter.modelReset, self.projects_filter.layoutChanged):  # fmt: skip
            signal.connect(self._update_projects_count)
        self.stage_filter = self._filter_combo(translate("MainWindow", "All stages"),
                                               [(stage_name(s), s) for s in STAGES], STAGE)  # fmt: skip
        self.rag_filter = self._filter_combo(translate("MainWindow", "All RAG"),
                                             [(rag_name(r), r) for r in RAG_VALUES], RAG)  # fmt: skip
        self.lead_filter = self._filter_combo(translate("MainWindow", "All leads"), [], LEAD)
        projects_page = QWidget()
        projects_layout = QVBoxLayout(projects_page)
        filters = QHBoxLayout()
        filters.addWidget(self.projects_search, 2)
        for label, combo in ((translate("MainWindow", "Stage:"), self.stage_filter),
                             (translate("MainWindow", "RAG:"), self.rag_filter),
                             (translate("MainWindow", "Lead:"), self.lead_filter)):  # fmt: skip
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        projects_layout.addLayout(filters)
        projects_layout.addWidget(self.projects_view)
        self.projects_count = QLabel()
        projects_layout.addWidget(self.projects_count)

        # The Diagram and Meetings tabs are built when first shown (or needed), not before the window shows.
        self._diagram_page = DeferredPanel(self._build_diagram_panel)
        self._meetings_page = DeferredPanel(self._build_meetings_panel)
        # Nodes with an open request for help, and nodes changed since the last meeting (the Meetings tab's).
        self._marks: tuple[set[str], set[str]] = (set(), set())
        self.tabs = QTabWidget()
        self.tree_tab = self.tabs.addTab(self.splitter, translate("MainWindow", "Driver diagram"))
        self.diagram_tab = self.tabs.addTab(self._diagram_page, translate("MainWindow", "Diagram"))
        self.projects_tab = self.tabs.addTab(projects_page, translate("MainWindow", "Projects"))
        self.meetings_tab = self.tabs.addTab(self._meetings_page, translate("MainWindow", "Meetings"))
        self.setCentralWidget(self.tabs)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.role_label = QLabel()
        self.role_label.setContentsMargins(16, 0, 4, 0)
        self.statusBar().addPermanentWidget(self.role_label)
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(150)
        self._summary_timer.timeout.connect(self._update_summaries)

    @property
    def diagram_panel(self) -> DiagramPanel:
        """The Diagram tab's panel (built now if it was not yet)."""
        return self._diagram_page.panel()

    @property
    def meetings_panel(self) -> MeetingsPanel:
        """The Meetings tab's panel (built now if it was not yet; opening a register builds it: it marks the tree)."""
        return self._meetings_page.panel()

    def _build_diagram_panel(self) -> DiagramPanel:
        from ui.diagram_view import DiagramPanel

        panel = DiagramPanel()
        panel.nodeSelected.connect(self._on_diagram_selection)
        panel.nodeActivated.connect(self._on_diagram_activated)
        if self.document is not None:
            panel.set_document(self.document)
            panel.set_marks(*self._marks)
            panel.select_node(self._shown_node_id())
        return panel

    def _build_meetings_panel(self) -> MeetingsPanel:
        from ui.meetings_panel import MeetingsPanel

        panel = MeetingsPanel()
        panel.nodeRequested.connect(self._on_meeting_node_requested)
        panel.marksChanged.connect(self._on_meeting_marks)
        return panel

    def _add_decision_log_tab(self) -> None:
        """The node editor's Decision log tab, added when the editor builds its tabs."""
        from ui.meetings_panel import NodeItemsTable

        self.node_items = NodeItemsTable()
        self.node_items_index = self.editor.tabs.addTab(self.node_items, translate("MainWindow", "Decision log"))

    def _filter_combo(self, everything: str, items: list[tuple[str, str]], column: int) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, code in items:
            if column == RAG:
                combo.addItem(rag_icon(code), text, code)
            else:
                combo.addItem(text, code)
        combo.currentIndexChanged.connect(
            lambda _i, c=combo, col=column: self.projects_filter.set_column_filter(col, c.currentData())
        )
        return combo

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, icon_name: str | None = None,
                tip: str | None = None) -> QAction:  # fmt: skip
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if icon_name:
            action.setIcon(icon(icon_name))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            translate("MainWindow", "&New register…"), self.new_register, QKeySequence.StandardKey.New
        )
        self.open_action = self._action(
            translate("MainWindow", "&Open register…"), self.open_register, QKeySequence.StandardKey.Open
        )
        self.import_action = self._action(translate("MainWindow", "&Import exchange file…"), self.import_exchange)
        self.export_action = self._action(translate("MainWindow", "&Export exchange file…"), self.export_exchange)
        self.title_action = self._action(translate("MainWindow", "Register &title…"), self.edit_register_title)
        self.reload_action = self._action(
            translate("MainWindow", "Re&load"),
            self.reload,
            QKeySequence.StandardKey.Refresh,
            tip=translate("MainWindow", "Read the register again (see changes others made)"),
        )
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_group.createUndoAction(self, translate("MainWindow", "&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setIcon(icon("undo"))
        self.redo_action.setIcon(icon("redo"))
        # The toolbar shows a short label; the full action ("Undo Log status of …") is the tooltip, so the
        # buttons after them (Log status, Delete, Add cross-link) stay in view whatever was done last.
        self.undo_action.setIconText(translate("MainWindow", "Undo"))
        self.redo_action.setIconText(translate("MainWindow", "Redo"))
        for action in (self.undo_action, self.redo_action):
            action.changed.connect(lambda a=action: self._full_tooltip(a))
            self._full_tooltip(action)
        self.add_child_action = self._action(
            translate("MainWindow", "Add &child"),
            self.add_child,
            "Insert",
            tip=translate("MainWindow", "Add the next level under the selected node"),
        )
        self.add_actions = {
            "goal": self._action(
                translate("MainWindow", "Add &goal"), lambda: self.add_node("goal"), "Ctrl+Shift+G", "goal"
            ),
            "primary": self._action(
                translate("MainWindow", "Add &primary driver"),
                lambda: self.add_node("primary"),
                "Ctrl+Shift+1",
                "primary",
            ),
            "secondary": self._action(
                translate("MainWindow", "Add &secondary driver"),
                lambda: self.add_node("secondary"),
                "Ctrl+Shift+2",
                "secondary",
            ),
            "project": self._action(
                translate("MainWindow", "Add p&roject"), lambda: self.add_node("project"), "Ctrl+Shift+P", "project"
            ),
        }
        self.rename_action = self._action(translate("MainWindow", "Re&name"), self.rename, "F2")
        self.delete_action = self._action(
            translate("MainWindow", "&Delete…"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.delete_action.setIcon(icon("delete"))
        self.link_action = self._action(
            translate("MainWindow", "Add cross-&link…"), lambda: self.add_link(), "Ctrl+K", "link"
        )
        self.archive_action = self._action(
            translate("MainWindow", "&Archive (deleted nodes)…"),
            self.show_archive,
            tip=translate("MainWindow", "Restore or purge deleted nodes"),
        )
        self.status_action = self._action(translate("MainWindow", "&Log status…"), lambda: self.log_status(), "Ctrl+L")
        self.status_action.setIcon(rag_icon("green"))
        self.preferences_action = self._action(
            translate("MainWindow", "&Preferences…"), self.edit_preferences, QKeySequence.StandardKey.Preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.find_action = self._action(
            translate("MainWindow", "&Find"), self._focus_search, QKeySequence.StandardKey.Find
        )
        self.tree_tab_action = self._action(
            translate("MainWindow", "&Driver diagram"), lambda: self.tabs.setCurrentIndex(self.tree_tab), "Ctrl+1"
        )
        self.diagram_tab_action = self._action(
            translate("MainWindow", "D&iagram"), lambda: self.tabs.setCurrentIndex(self.diagram_tab), "Ctrl+2"
        )
        self.projects_tab_action = self._action(
            translate("MainWindow", "&Projects"), lambda: self.tabs.setCurrentIndex(self.projects_tab), "Ctrl+3"
        )
        self.print_action = self._action(
            translate("MainWindow", "&Print diagram…"), self.print_diagram, QKeySequence.StandardKey.Print
        )
        self.export_diagram_action = self._action(
            translate("MainWindow", "Export dia&gram…"), self.export_diagram, "Ctrl+E"
        )
        self.expand_action = self._action(translate("MainWindow", "&Expand all"), lambda: self.tree_view.expandAll())
        self.collapse_action = self._action(
            translate("MainWindow", "&Collapse to drivers"), lambda: self.tree_view.expandToDepth(0)
        )
        self.about_action = self._action(translate("MainWindow", "&About Improvement Register"), self.about)
        self.guide_action = self._action(
            translate("MainWindow", "User &guide"), self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        if not self.guide_action.shortcuts():  # platforms without a standard help key
            self.guide_action.setShortcut(QKeySequence("F1"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.export_diagram_action])
        file_menu.addSeparator()
        file_menu.addActions([self.title_action, self.reload_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.add_child_action)
        edit_menu.addActions(list(self.add_actions.values()))
        edit_menu.addSeparator()
        edit_menu.addActions([self.rename_action, self.delete_action, self.link_action])
        edit_menu.addAction(self.archive_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.status_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.preferences_action])
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions([self.tree_tab_action, self.diagram_tab_action, self.projects_tab_action])
        view_menu.addSeparator()
        view_menu.addActions([self.expand_action, self.collapse_action])
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(translate("MainWindow", "Main toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions(list(self.add_actions.values()))
        toolbar.addSeparator()
        toolbar.addActions([self.link_action, self.status_action, self.delete_action])
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # ================================================================== opening registers

    def open_start_register(self) -> None:
        """What a plain start opens: the register used last (asking if it is gone), else the default register.

        The default register (in the user data folder) is created on first use.
        """
        last = QSettings().value(LAST_KEY, "", str)
        self.open_location(last or None)

    def open_sample_copy(self) -> None:
        """``--sample``: a throwaway copy of the sample register in a temporary folder.

        It never becomes the last-used register nor enters Open Recent, and its folder is removed when
        the window closes (or another register replaces it).
        """
        folder = Path(tempfile.mkdtemp(prefix="improvement-register-sample-"))
        self.open_location(str(folder / "sample-register.sqlite"), sample=True, throwaway_folder=folder)

    def open_location(
        self, location: str | None, *, sample: bool = False, import_from: str | None = None, create: bool = False,
        throwaway_folder: Path | None = None, password: str | None = None, remember: bool = False,
    ) -> None:  # fmt: skip
        """Open a register in the background: a file, a URL, or (None) the default register.

        A register file that does not exist is never made silently: the user is asked (locate it, remove it
        from the list, or create a new register there), unless ``create`` says this is a new register.
        ``sample`` fills a new register with the sample; ``import_from`` imports an exchange file into it;
        ``throwaway_folder`` marks a temporary copy (not remembered, removed when closed).
        A password in a URL is used once and never stored or shown; without one, libpq's own ways
        (``~/.pgpass``, a service file, ``PGPASSWORD``, Kerberos) or the system keyring are tried, and
        then the user is asked (``remember`` keeps what they typed in the keyring).
        """
        create = create or sample or import_from is not None or location is None
        if not create and not is_url(location) and not Path(location).expanduser().exists():
            self._missing_register(location)
            return
        location, password = public_location(location), url_password(location) or password
        if password is None and location is not None:
            password = self._session_passwords.get(location)
        new_file = None
        if location is not None and not is_url(location) and not Path(location).expanduser().exists():
            new_file = Path(location).expanduser().resolve()
        refused: list[BaseException] = []
        role: list[tuple[str, str]] = []

        def work() -> tuple[RegisterService, TreeIndex] | None:
            from register.credentials import stored_password
            from register.roles import current_person, current_role
            from register.service import RegisterService
            from register.storage import open_database
            from register.tree_index import TreeIndex

            try:
                if sample and new_file is not None:  # a new sample: a copy of the ready sample register file
                    copy_sample_register(new_file)
                database = open_database(location, create=create, password=password)
            except MissingRegisterError:
                if is_url(location):
                    return None  # an empty database: asked on the GUI thread (see _opened)
                raise
            except CredentialsError as error:
                kept = stored_password(location) if password is None and location and is_url(location) else None
                if kept is None:
                    refused.append(error)
                    raise
                try:
                    database = open_database(location, create=create, password=kept)
                except CredentialsError:
                    refused.append(error)
                    raise
            try:
                service = RegisterService(database, user=self.user or QSettings().value(AUTHOR_KEY, "", str) or None)
                if sample or import_from:
                    from register.exchange import import_data, import_file
                    from resources import sample_register_path

                    if sample and service.is_empty():
                        import_data(service, _load_sample(sample_register_path()), source="sample register")
                    if import_from:
                        import_file(service, Path(import_from))
                role.append((current_role(database), current_person(database)))
                return service, TreeIndex(service.load_tree())
            except BaseException:
                database.close()
                if new_file is not None:  # a register made for a failed import leaves nothing behind
                    discard_register_file(new_file)
                raise

        if self.document is None and not (location and is_url(location)):  # at start-up: paint the tree at once
            if sample and new_file is not None:
                from resources import sample_copy_path

                self._show_preview(sample_copy_path())
            elif new_file is None and not import_from:
                self._show_preview(default_register_path() if location is None else Path(location).expanduser())

        label = translate("MainWindow", "Opening the register…")
        if import_from:
            label = translate("MainWindow", "Importing {file}…").format(file=Path(import_from).name)

        def failed(message: str) -> None:
            self._drop_preview()
            if throwaway_folder is not None:
                shutil.rmtree(throwaway_folder, ignore_errors=True)
            if refused and location is not None and not self._closed:
                self._ask_password_and_open(location, message, sample=sample, import_from=import_from, create=create)
            else:
                self._open_failed(message)

        def opened(result: tuple[RegisterService, TreeIndex] | None) -> None:
            if result is not None and password and location is not None:
                self._session_passwords[location] = password
                if remember:
                    from register.credentials import store_password

                    store_password(location, password)
            self._opened(location, result, throwaway_folder, *(role[0] if role else (LOCAL, "")))

        self._track(start_task(self, label, work, opened, failed))

    def _show_preview(self, path: Path) -> None:
        """Paint the tree of the register file at ``path`` at once, read-only, from a quick read with the standard
        library (the storage layer is still loading); the opened register replaces it. Nothing when it cannot be
        read that way."""
        from register.quick_tree import read_tree
        from register.tree_index import TreeIndex
        from ui.tree_model import DiagramTreeModel

        snapshot = read_tree(path)
        if snapshot is None:
            return
        self._preview = RegisterDocument(None, TreeIndex(snapshot), self)  # type: ignore[arg-type] - never edited
        self.tree_model = DiagramTreeModel(self._preview)
        self.tree_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree_view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.tree_view.setModel(self.tree_model)
        self.tree_view.expandToDepth(1)
        self._size_columns()
        self.treeFilled.emit()

    def _make_tree_editable(self) -> None:
        """Rename in place with F2, move by dragging (the preview turns both off)."""
        self.tree_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

    def _drop_preview(self) -> None:
        """The register did not open (or has replaced the preview): the preview's tree goes, the view is editable."""
        preview, self._preview = self._preview, None
        if preview is None:
            return
        self._make_tree_editable()
        if self.document is None:
            self.tree_view.setModel(None)
            self.tree_model = None
        preview.deleteLater()

    def _missing_register(self, location: str) -> None:
        """The register file is not there: locate it, remove it from the list, or create a new one there."""
        choice = dialogs.ask_missing_register(self, location)
        if choice == "locate":
            path = dialogs.ask_open_register(self)
            if path:
                self._forget(location)
                self.open_location(path)
        elif choice == "remove":
            self._forget(location)
        elif choice == "create":
            self.open_location(location, create=True)

    def _ask_password_and_open(
        self, location: str, message: str, *, sample: bool, import_from: str | None, create: bool = False
    ) -> None:
        """The server wants a password libpq could not find: ask for it (never stored in the settings)."""
        from register.credentials import forget_password, keyring_available

        self._session_passwords.pop(location, None)
        forget_password(location)
        answer = dialogs.ask_password(self, location, keyring_available())
        if answer is None:
            self._open_failed(message)
            return
        typed, remember = answer
        self.open_location(location, sample=sample, import_from=import_from, create=create, password=typed,
                           remember=remember)  # fmt: skip

    def _track(self, task: Any) -> None:
        """Keep a running task until it ends (closing the window waits for it).

        Forgotten when it finishes or is deleted, whichever comes first: a task deleted (``deleteLater`` on
        ``finished``) before the removal ran would leave a dead object for closing to wait on."""
        self.tasks.append(task)

        def forget(*_args: object) -> None:
            if task in self.tasks:
                self.tasks.remove(task)

        task.finished.connect(forget)
        task.destroyed.connect(forget)

    def wait_for_tasks(self) -> None:
        """Block until background work is done (tests, and closing the window)."""
        from PySide6.QtWidgets import QApplication

        while self.tasks:
            self.tasks[0].wait()
            QApplication.processEvents()

    def _opened(self, location: str | None, result: tuple[RegisterService, TreeIndex] | None,
                throwaway_folder: Path | None = None, role: str = LOCAL, person: str = "") -> None:  # fmt: skip
        if self._closed:  # the window closed while the register opened (SIGTERM at start): show nothing, leave nothing
            if result is not None:
                result[0].db.close()
            if throwaway_folder is not None:
                shutil.rmtree(throwaway_folder, ignore_errors=True)
            return
        if result is None:  # a database server with no register in it
            self._missing_register(location)
            return
        service, index = result
        if service.db.is_shared:  # a frozen server must never freeze the window
            from ui.responsive import ResponsiveService  # SQLAlchemy's events: loaded with the register

            service = ResponsiveService(service)
        document = RegisterDocument(service, index)
        document.throwaway_folder = throwaway_folder
        document.role, document.person = role, person
        self.set_document(document)
        if throwaway_folder is None:  # a throwaway copy is never the last-used register nor in Open Recent
            where = str(default_register_path()) if location is None else location
            self._remember(where if is_url(where) else str(Path(where).resolve()))
        self.documentOpened.emit()

    def _open_failed(self, message: str) -> None:
        self.openFailed.emit(message)
        if self._closed:
            return  # nobody to tell: the window closed while the register opened
        dialogs.show_error(self, translate("MainWindow", "Cannot open the register"), message)

    def set_document(self, document: RegisterDocument) -> None:
        """Show ``document`` (closing the one shown before)."""
        self._commit_editor()
        old = self.document
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        from ui.tree_filter import TreeFilter
        from ui.tree_model import DiagramTreeModel

        if self._preview is None or self.tree_model is None or not self.tree_model.adopt(document):
            self.tree_model = DiagramTreeModel(document)  # (the preview's rows are kept when they are the register's)
            self.tree_view.setModel(self.tree_model)
        self.tree_model.moveRequested.connect(self._on_move_requested)
        self.tree_model.renameRequested.connect(self._on_rename_requested)
        self._drop_preview()
        self.tree_view.selectionModel().currentRowChanged.connect(self._on_tree_current_changed)
        self.tree_filter = TreeFilter(self.tree_view, self.tree_model)
        for signal in (self.tree_model.rowsInserted, self.tree_model.rowsMoved, self.tree_model.modelReset):
            signal.connect(self._refilter_soon)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.projects_model = ProjectsModel(document)
        self.projects_filter.setSourceModel(self.projects_model)
        self.editor.set_document(document)
        if self._diagram_page.built:
            self.diagram_panel.set_document(document)
        self.meetings_panel.set_document(document)
        self.meetings_panel.log.itemsChanged.connect(self._show_node_items)
        self.tree_view.expandToDepth(1)
        self._size_columns()
        self.treeFilled.emit()
        document.commandFailed.connect(self._on_command_failed, Qt.ConnectionType.QueuedConnection)
        document.undo_stack.indexChanged.connect(self._update_after_change)
        document.titleChanged.connect(lambda _title: self._update_title())
        document.reloaded.connect(self._update_after_change)
        document.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self._update_title()
        self._update_actions()
        self._update_summaries()
        self._start_evidence(document)
        document.live_refresh = LiveRefresh(document, self)
        goals = document.index.child_ids(None)
        if goals:  # a newcomer sees the editor filled at once (the tab the user is on stays in front)
            self.select_node(goals[0], show_tree=False)
        if old is not None:
            if getattr(old, "live_refresh", None) is not None:
                old.live_refresh.stop()
                old.live_refresh.deleteLater()  # it belongs to the window: it would keep the old register alive
            if getattr(old, "evidence_keeper", None) is not None:
                old.evidence_keeper.stop()
            self.undo_group.removeStack(old.undo_stack)
            _close_document(old)
            old.deleteLater()
        collector.after_opening(replacing=old is not None)  # full collector passes: now, not while the user types

    def _show_node_items(self) -> None:
        """The node editor's Decision log tab: the items that concern the node shown."""
        if not self.editor.form_built:
            return  # shown with the form
        log = self.meetings_panel.log
        node_id = self.editor.node_id
        self.node_items.show_items(log.items_for_node(node_id) if log and node_id else [], date.today())

    def _on_meeting_marks(self, requests: set[str], highlighted: set[str]) -> None:
        """Nodes with open requests for help are marked, and changed ones highlighted, in the tree and the diagram."""
        self._marks = (requests, highlighted)
        if self.document is not None:
            self.tree_model.set_marks(requests, highlighted)
        if self._diagram_page.built:
            self.diagram_panel.set_marks(requests, highlighted)

    def _on_meeting_node_requested(self, node_id: str) -> None:
        """An item or a change in the Meetings tab names a node: show it in the tree."""
        self.tabs.setCurrentIndex(self.tree_tab)
        self.select_node(node_id)

    def _start_evidence(self, document: RegisterDocument) -> None:
        """Compute what every node's measures say, in the background; the tree and diagram fill in when done."""
        keeper = EvidenceKeeper(document)
        document.evidence_keeper = keeper
        task = Task(keeper.compute_all, self)
        task.succeeded.connect(lambda evidence: keeper.apply(evidence) if self.document is document else None)
        task.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        task.finished.connect(task.deleteLater)
        self._track(task)
        task.start()

    def _size_columns(self) -> None:
        """Size the columns once per register: re-measuring them on every change costs ~1,000 rows of data()."""
        header = self.tree_view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree_view.fontMetrics()
        bold = QFontMetrics(bold_font(self.tree_view.font()))  # the stale weeks and strong links are bold
        samples = {  # the widest text each column shows, in the window's language
            1: [stage_name(stage) for stage in STAGES] + [strength_name(s) for s in LINK_STRENGTHS],
            2: [rag_name(rag) for rag in RAG_VALUES],
            3: [weeks_text(52), weeks_text(None)],
            4: [evidence_name(kind) for kind in EVIDENCE_NAMES if kind != "signal"],  # that long one elides
        }
        for column, texts in samples.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width = max([bold.horizontalAdvance(text) for text in texts] + [metrics.horizontalAdvance(
                str(self.tree_model.headerData(column, Qt.Orientation.Horizontal)))]) + 30  # fmt: skip
            header.resizeSection(column, width)
        self._tree_column_widths = {column: header.sectionSize(column) for column in samples}
        self._fit_tree_columns()
        widths = (240, 160, 180, 120, 140, 95, 70, 75, 95, 100)
        projects_header = self.projects_view.horizontalHeader()
        stage_width = max(metrics.horizontalAdvance(stage_name(stage)) for stage in STAGES) + 16
        for column, width in enumerate(widths):  # never narrower than the column's header (and sort arrow)
            width = max(width, stage_width) if column == STAGE else width
            self.projects_view.setColumnWidth(column, max(width, projects_header.sectionSizeHint(column)))

    # ================================================================== selection

    def selected_index(self) -> QModelIndex:
        """The current row of the tree, in the tree model's terms (column 0)."""
        current = self.tree_view.currentIndex()
        if not current.isValid() or self.tree_model is None:
            return QModelIndex()
        return current.siblingAtColumn(0)

    def selected_node_id(self) -> str | None:
        index = self.selected_index()
        if not index.isValid() or index.data(LINK_ID_ROLE) is not None:
            return None
        return index.data(NODE_ID_ROLE)

    def selected_link_id(self) -> str | None:
        index = self.selected_index()
        return index.data(LINK_ID_ROLE) if index.isValid() else None

    def select_node(self, node_id: str, show_tree: bool = True) -> None:
        """Select a node in the tree (clearing a filter that hides it) and show it in the editor; with ``show_tree``,
        the tree's tab comes to the front."""
        if self.tree_model is None:
            return
        index = self.tree_model.index_of_node(node_id)
        if not index.isValid():
            return
        if self.tree_filter is not None and self.tree_filter.active() and self._is_filtered_out(index):
            self.search_edit.clear()
        if show_tree:
            self.tabs.setCurrentIndex(self.tree_tab)
        self.tree_view.scrollTo(index)
        self.tree_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def _shown_node_id(self) -> str | None:
        """The node the editor and the diagram show for the tree's current row: a cross-link row shows its source."""
        node_id = self.selected_node_id()
        if node_id is None and self.selected_link_id() is not None:
            node_id = self.selected_index().data(NODE_ID_ROLE)
        return node_id

    def _is_filtered_out(self, index: QModelIndex) -> bool:
        while index.isValid():
            if self.tree_view.isRowHidden(index.row(), index.parent()):
                return True
            index = index.parent()
        return False

    def _on_tree_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._commit_editor()
        node_id = self._shown_node_id()
        self.editor.show_node(node_id)
        # Never narrower than the editor: a narrow window then scrolls nothing sideways and cuts no heading.
        self.editor_scroll.setMinimumWidth(self.editor.minimumSizeHint().width()
                                           + self.editor_scroll.verticalScrollBar().sizeHint().width() + 4)  # fmt: skip
        if self._diagram_page.built:
            self.diagram_panel.select_node(node_id)
        self._show_node_items()
        self._update_actions()

    def _commit_editor(self) -> None:
        """Save valid unsaved edits before the editor shows something else; never lose them silently."""
        if self.document is None or self.editor.node_id is None or self.editor.record() is None:
            return
        message, _field = self.editor.problem()
        if message:
            title = self.editor.record().title
            self.statusBar().showMessage(
                translate("MainWindow", "The changes to “{title}” were not saved: {problem}").format(
                    title=title, problem=message), 10000)  # fmt: skip
            return
        changes = self.editor.changes()
        if changes:
            self._save_node(self.editor.node_id, changes)

    # ================================================================== edits

    def _guard(self, action: Callable[[], Any], title: str | None = None) -> Any:
        """Run an edit; a refusal from the register becomes a message, a conflict offers a reload."""
        while True:
            try:
                return action()
            except ConflictError as error:
                if dialogs.ask_reload(self, str(error)):
                    self.reload()
            except ConnectionLostError as error:  # the server is gone or frozen: the same edit can be retried
                if dialogs.ask_retry(self, str(error)):
                    continue
            except RegisterError as error:
                dialogs.show_error(self, title or translate("MainWindow", "Cannot do that"), str(error))
            return None

    def _on_conflict(self, message: str) -> None:
        if dialogs.ask_reload(self, message):
            self.reload()

    def _on_command_failed(self, message: str) -> None:
        """An undo or redo was refused (the register changed meanwhile): reload so the window shows the truth."""
        dialogs.show_error(
            self, translate("MainWindow", "Cannot undo or redo"),
            translate("MainWindow", "{message}\n\nThe register is reloaded and the undo history cleared.").format(
                message=message),
        )  # fmt: skip
        if self.document is not None:
            self.document.undo_stack.clear()
            self.document.reload()

    def add_node(self, kind: str) -> None:
        """Add a node of ``kind`` under the selected node (or at the top for a goal) and rename it in place."""
        if self.document is None:
            return
        parent_id = self._parent_for(kind)
        if kind != "goal" and parent_id is None:
            parents = " / ".join(kind_name(k) for k in ALLOWED_PARENTS[kind] if k)
            message = translate("MainWindow", "Select a {parents} first: a {kind} goes under one.")
            dialogs.show_error(self, translate("MainWindow", "Cannot add"),
                               message.format(parents=parents, kind=kind_name(kind)))  # fmt: skip
            return
        if self.tree_filter is not None and self.tree_filter.active():
            self.search_edit.clear()  # the new node must be visible to be named
        title = new_node_title(kind)
        record = self._guard(lambda: commands.add_node(self.document, kind, title, parent_id))
        if record is not None:
            self.select_node(record.id)
            self.tree_view.edit(self.tree_view.currentIndex())

    def _parent_for(self, kind: str) -> str | None:
        """The selected node, or its nearest ancestor, that may hold a ``kind``."""
        node_id = self.selected_node_id() or (self.selected_index().data(NODE_ID_ROLE) if self.selected_link_id()
                                              else None)  # fmt: skip
        if kind == "goal" or self.document is None:
            return None
        while node_id is not None:
            node = self.document.index.nodes[node_id]
            if node.kind in ALLOWED_PARENTS[kind]:
                return node_id
            node_id = node.parent_id
        return None

    def add_child(self) -> None:
        node_id = self.selected_node_id()
        kind = self.document.index.nodes[node_id].kind if node_id and self.document else None
        child = NATURAL_CHILD.get(kind)
        if child is not None:
            self.add_node(child)

    def rename(self) -> None:
        if self.selected_node_id() is not None:
            self.tree_view.edit(self.tree_view.currentIndex().siblingAtColumn(0))

    def _on_rename_requested(self, node_id: str, title: str) -> None:
        self._guard(lambda: commands.edit_node(self.document, node_id, title=title.strip()))

    def _save_node(self, node_id: str, changes: dict) -> None:
        self._guard(lambda: commands.edit_node(self.document, node_id, **changes),
                    translate("MainWindow", "Cannot save"))  # fmt: skip

    def _on_move_requested(self, node_id: str, parent_id: str, position: int) -> None:
        self._guard(lambda: commands.move_node(self.document, node_id, parent_id or None,
                                               None if position < 0 else position),
                    translate("MainWindow", "Cannot move"))  # fmt: skip
        self.select_node(node_id)

    def delete_selected(self) -> None:
        if self.document is None:
            return
        link_id = self.selected_link_id()
        if link_id is not None:
            self.remove_link(link_id)
            return
        node_id = self.selected_node_id()
        if node_id is None:
            return
        impact = self._guard(lambda: self.document.service.describe_deletion(node_id))
        if impact is None:
            return
        node = impact.node
        from ui.archive_dialog import describe_impact

        goes_with_it = impact.descendants or impact.measures or impact.status_updates or impact.links
        text = translate("MainWindow", "Delete the {kind} “{title}”?").format(kind=kind_name(node.kind),
                                                                          title=node.title)  # fmt: skip
        if goes_with_it:
            text += "\n\n" + translate("MainWindow", "With it go: {parts}.").format(parts=describe_impact(impact))
        text += "\n\n" + translate("MainWindow", "It is archived, not destroyed: Undo (Ctrl+Z) brings it back, and so "
                                                 "does Edit → Archive, also after a restart.")  # fmt: skip
        if dialogs.confirm(self, translate("MainWindow", "Delete"), text, translate("MainWindow", "&Delete")):
            self._guard(lambda: commands.delete_node(self.document, node_id))

    def show_archive(self) -> None:
        """The archive view: restore (undoable) or purge (confirmed) deleted nodes."""
        if self.document is None:
            return
        self._commit_editor()
        restored: list[str] = []
        self._guard(lambda: dialogs.show_archive(self, self.document, restored.append))
        if restored and restored[-1] in self.document.index.nodes:
            self.select_node(restored[-1])

    def add_link(self, node_id: str | None = None) -> None:
        if self.document is None:
            return
        node_id = node_id or self.selected_node_id()
        if node_id is None:
            return
        if self.document.index.nodes[node_id].kind not in ("project", "secondary"):
            dialogs.show_error(self, translate("MainWindow", "Cannot add a cross-link"),
                               translate("MainWindow", "Only projects and secondary drivers can serve other "
                                                       "drivers through cross-links."))  # fmt: skip
            return
        choice = dialogs.ask_link(self, self.document.index, node_id)
        if choice is not None:
            self._guard(lambda: commands.add_link(self.document, node_id, *choice))

    def remove_link(self, link_id: str) -> None:
        if self.document is not None and link_id in self.document.index.links:
            self._guard(lambda: commands.remove_link(self.document, link_id))

    def _toggle_link(self, link_id: str) -> None:
        link = self.document.index.links.get(link_id) if self.document else None
        if link is not None:
            new = "weak" if link.strength == "strong" else "strong"
            self._guard(lambda: commands.set_link_strength(self.document, link_id, new))

    def log_status(self, node_id: str | None = None) -> None:
        if self.document is None:
            return
        node_id = node_id or self.selected_node_id()
        if node_id is None or self.document.index.nodes[node_id].kind != "project":
            dialogs.show_error(self, translate("MainWindow", "Log status"),
                               translate("MainWindow", "Select a project to log its status."))  # fmt: skip
            return
        settings = QSettings()
        author = self.user or settings.value(AUTHOR_KEY, "", str) or self.document.service.user
        node = self.document.index.nodes[node_id]
        draft = self._status_drafts.get(node_id)  # typed before, not saved (the server did not answer)
        values = dialogs.ask_status(self, node.title, self.document.index.latest_status.get(node_id), author,
                                    **({"draft": draft} if draft else {}))  # fmt: skip
        if values is None:
            return
        if values.get("author"):
            settings.setValue(AUTHOR_KEY, values["author"])
        logged = self._guard(lambda: commands.log_status(self.document, node_id, **values),
                             translate("MainWindow", "Cannot log the status"))  # fmt: skip
        if logged is None:
            self._status_drafts[node_id] = values
            self.statusBar().showMessage(
                translate("MainWindow", "The status update was not saved; Log status opens it again as you typed it."),
                10000,
            )
        else:
            self._status_drafts.pop(node_id, None)

    # ================================================================== file menu

    def new_register(self) -> None:
        path = dialogs.ask_new_register(self)
        if not path:
            return
        if Path(path).exists():
            dialogs.show_error(self, translate("MainWindow", "New register"), translate(
                "MainWindow", "{path} exists already. Choose a new file name, or open it with File → Open.").format(
                    path=path))  # fmt: skip
            return
        self.open_location(path, create=True)

    def open_register(self) -> None:
        path = dialogs.ask_open_register(self)
        if path:
            self.open_location(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for location in self.recent():
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _checked=False, where=location: self.open_location(where))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(translate("MainWindow", "(none)")).setEnabled(False)

    def recent(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, location: str) -> None:
        settings = QSettings()
        recent = [entry for entry in self.recent() if entry != location]
        settings.setValue(RECENT_KEY, [location, *recent][:MAX_RECENT])
        settings.setValue(LAST_KEY, location)

    def _forget(self, location: str) -> None:
        """Take a register that is gone off Open Recent (and off "last used")."""
        settings = QSettings()
        settings.setValue(RECENT_KEY, [entry for entry in self.recent() if entry != location])
        if settings.value(LAST_KEY, "", str) == location:
            settings.remove(LAST_KEY)

    def import_exchange(self) -> None:
        if self.document is None:
            return
        path = dialogs.ask_import_file(self)
        if not path:
            return
        if self.document.service.is_empty():
            self.open_location(self._location_of(self.document), import_from=path)
            return
        target = dialogs.ask_new_register(self)
        if not target:
            return
        if Path(target).exists():
            message = translate("MainWindow", "Import goes into an empty register; {path} exists already.")
            dialogs.show_error(self, translate("MainWindow", "Import"), message.format(path=target))
            return
        self.open_location(target, import_from=path)

    @staticmethod
    def _location_of(document: RegisterDocument) -> str:
        url = document.service.db.engine.url
        return url.database if url.get_backend_name() == "sqlite" else document.location

    def export_exchange(self) -> None:
        if self.document is None:
            return
        path = dialogs.ask_export_file(self)
        if not path:
            return
        from register.exchange import export_file

        service = self.document.service

        def done(_result: object) -> None:
            self.statusBar().showMessage(translate("MainWindow", "Exported the register to {path}.").format(path=path),
                                         10000)  # fmt: skip

        def export() -> None:
            from register.safe_output import write_output

            write_output(Path(path), lambda temporary: export_file(service, temporary), service.db.path)

        def failed(message: str) -> None:
            dialogs.show_error(self, translate("MainWindow", "Export failed"), message)

        self._track(start_task(self, translate("MainWindow", "Exporting…"), export, done, failed))

    def edit_register_title(self) -> None:
        if self.document is None:
            return
        title = dialogs.ask_register_title(self, self.document.index.title)
        if title is not None:
            self._guard(lambda: self.document.set_title(title))

    def reload(self) -> None:
        if self.document is not None:
            self._guard(self.document.reload)

    def edit_preferences(self) -> None:
        dialogs.edit_preferences(self)

    def about(self) -> None:
        """Help → About: version, the user data folder and where the open register lives."""
        from ui.help import about_html

        location = self.document.location if self.document is not None else None
        shared = self.document is not None and self.document.is_shared
        dialogs.show_about(self, translate("MainWindow", "About Improvement Register"), about_html(location, shared))

    def show_guide(self) -> None:
        """F1: the short built-in user guide, in the window's language."""
        dialogs.show_guide(self)

    # ================================================================== the drawn diagram

    def _on_diagram_selection(self, node_id: str) -> None:
        """A box clicked in the diagram selects the node in the tree (without leaving the Diagram tab)."""
        tab = self.tabs.currentIndex()
        self.select_node(node_id)
        self.tabs.setCurrentIndex(tab)

    def _on_diagram_activated(self, node_id: str) -> None:
        """Double-click on a box: open it in the editor."""
        self.select_node(node_id)
        self.editor.title_edit.setFocus()

    def _diagram_title(self, goal_ids: list[str] | None) -> TitleBlock:
        from ui.diagram_export import TitleBlock
        from ui.diagram_paint import goal_label

        tree = self.document.index
        return TitleBlock(tree.title or Path(self.document.location).stem, goal_label(tree, goal_ids))

    def _evidence_kinds(self) -> dict[str, str]:
        if self.document is None:
            return {}
        return {node_id: evidence.marker for node_id, evidence in self.document.evidence.items()}

    def export_diagram(self) -> None:
        if self.document is None:
            return
        goal_ids = self.diagram_panel.goal_ids()
        name = self._diagram_title(goal_ids).goal_label
        choice = dialogs.ask_diagram_export(self, "".join(c for c in name if c.isalnum() or c in " -_")[:60].strip())
        if choice is None:
            return
        from ui.diagram_export import diagram_area, export_diagram
        from ui.diagram_paint import diagram_texts, layout_for_page

        path, setup, dpi = choice
        area = diagram_area(setup.size())
        layout = layout_for_page(self.document.index, goal_ids, area.width(), area.height())
        try:
            pages = export_diagram(layout, path, setup, self._diagram_title(goal_ids), diagram_texts(), dpi,
                                   self._evidence_kinds(), self.document.service.db.path)  # fmt: skip
        except RegisterError as error:
            dialogs.show_error(self, translate("MainWindow", "Export failed"), str(error))
            return
        pages_text = plural(pages, translate("MainWindow", "{count} page"), translate("MainWindow", "{count} pages"))
        message = translate("MainWindow", "Wrote the diagram to {path} ({pages}).").format(path=path, pages=pages_text)
        self.statusBar().showMessage(message, 10000)

    def print_diagram(self) -> None:
        if self.document is None:
            return
        goal_ids = self.diagram_panel.goal_ids()
        title = self._diagram_title(goal_ids)
        tree = self.document.index

        def paint(printer: Any) -> None:
            from ui.diagram_export import diagram_area, print_diagram
            from ui.diagram_paint import diagram_texts, layout_for_page

            rect = printer.pageLayout().fullRectPoints()
            area = diagram_area(QSizeF(rect.width(), rect.height()))
            layout = layout_for_page(tree, goal_ids, area.width(), area.height())
            print_diagram(printer, layout, False, title, diagram_texts(), self._evidence_kinds())

        dialogs.print_preview(self, paint)

    # ================================================================== views

    def _focus_search(self) -> None:
        if self.tabs.currentIndex() == self.projects_tab:
            self.projects_search.setFocus()
            self.projects_search.selectAll()
        else:
            self.search_edit.setFocus()
            self.search_edit.selectAll()

    def _apply_tree_filter(self, text: str) -> None:
        if self.tree_filter is None:
            return
        self.tree_filter.apply(text)
        if not text.strip() and self.editor.node_id:
            self.select_node(self.editor.node_id)

    def _refilter_soon(self, *_args: Any) -> None:
        """Rows came or moved while a filter is on: filter them too (after the current change settles)."""
        if self.tree_filter is not None and self.tree_filter.active():
            QTimer.singleShot(0, self.tree_filter.reapply)

    def _on_project_double_clicked(self, index: QModelIndex) -> None:
        node_id = index.data(NODE_ID_ROLE)
        if node_id:
            self.select_node(node_id)

    def _fill_lead_filter(self) -> None:
        if self.document is None:
            return
        leads = sorted({node.lead for node in self.document.index.projects() if node.lead}, key=str.casefold)
        if leads == [self.lead_filter.itemData(row) for row in range(1, self.lead_filter.count())]:
            return
        current = self.lead_filter.currentData()
        self.lead_filter.blockSignals(True)
        while self.lead_filter.count() > 1:
            self.lead_filter.removeItem(1)
        for lead in leads:
            self.lead_filter.addItem(lead, lead)
        self.lead_filter.setCurrentIndex(max(0, self.lead_filter.findData(current)))
        self.lead_filter.blockSignals(False)
        self.projects_filter.set_column_filter(LEAD, self.lead_filter.currentData())

    def _update_projects_count(self, *_args: Any) -> None:
        total = self.projects_model.rowCount() if self.projects_model else 0
        self.projects_count.setText(translate("MainWindow", "{shown} of {total} projects").format(
            shown=self.projects_filter.rowCount(), total=total))  # fmt: skip

    def _update_after_change(self, *_args: Any) -> None:
        """After an edit: actions at once; counts and the lead list a moment later (coalesced)."""
        self._update_actions()
        self._summary_timer.start()

    def _update_summaries(self) -> None:
        self._update_status()
        self._fill_lead_filter()
        self._update_projects_count()

    def _update_status(self) -> None:
        if self.document is None:
            self.status_label.setText("")
            return
        tree = self.document.index
        projects = [node.id for node in tree.nodes.values() if node.kind == "project"]
        today = self.tree_model.today if self.tree_model is not None else None
        stale = sum(1 for node_id in projects if tree.is_stale(node_id, today))
        self.status_label.setText(" · ".join((
            plural(len(tree.child_ids(None)), translate("MainWindow", "{count} goal"),
                   translate("MainWindow", "{count} goals")),
            plural(len(projects), translate("MainWindow", "{count} project"),
                   translate("MainWindow", "{count} projects")),
            translate("MainWindow", "{count} stale").format(count=stale))))  # fmt: skip

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_TITLE)
            return
        where = (translate("MainWindow", "shared") if self.document.is_shared
                 else translate("MainWindow", "local"))  # fmt: skip
        name = self.document.index.title or Path(self.document.location).stem
        self.setWindowTitle(f"{name} — {self.document.location} ({where}) — {APP_TITLE}")

    def _update_actions(self) -> None:
        has_document = self.document is not None
        node_id = self.selected_node_id()
        link_row = self.selected_link_id() is not None
        kind = self.document.index.nodes[node_id].kind if has_document and node_id else None
        for action in (self.import_action, self.export_action, self.title_action, self.reload_action,
                       self.print_action, self.export_diagram_action, self.archive_action):  # fmt: skip
            action.setEnabled(has_document)
        self.add_actions["goal"].setEnabled(has_document)
        for child_kind in ("primary", "secondary", "project"):
            self.add_actions[child_kind].setEnabled(has_document and self._parent_for(child_kind) is not None)
        self.add_child_action.setEnabled(has_document and NATURAL_CHILD.get(kind) is not None and (
            kind is not None or not self.selected_index().isValid()))  # fmt: skip
        self.rename_action.setEnabled(node_id is not None)
        self.delete_action.setEnabled(node_id is not None or link_row)
        self.delete_action.setText(translate("MainWindow", "Remove cross-&link") if link_row
                                   else translate("MainWindow", "&Delete…"))  # fmt: skip
        self.link_action.setEnabled(kind in ("project", "secondary"))
        self.status_action.setEnabled(kind == "project")
        self._apply_role(node_id)

    def _apply_role(self, node_id: str | None) -> None:
        """Disable what the user's role may not do, with a tooltip that says why (the database refuses it too)."""
        role, person = (getattr(self.document, "role", LOCAL), getattr(self.document, "person", "")) if (
            self.document is not None) else (LOCAL, "")  # fmt: skip
        self.role_label.setText(role_label(role, person) if self.document is not None else "")
        node = self.document.index.nodes.get(node_id) if self.document is not None and node_id else None
        kind, lead = (node.kind, node.lead) if node is not None else (None, "")
        diagram = refusal(role, person, DIAGRAM)
        status = refusal(role, person, STATUS, kind, lead)
        fields = refusal(role, person, PROJECT_FIELDS, kind, lead) if kind == "project" else diagram
        data = refusal(role, person, PROJECT_DATA, kind, lead) if role != "steering-group" else ""
        for action in (*self.add_actions.values(), self.add_child_action, self.delete_action, self.link_action,
                       self.title_action, self.import_action):  # fmt: skip
            self._refuse(action, diagram)
        self._refuse(self.rename_action, fields)
        self._refuse(self.status_action, status)
        self.tree_view.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop if diagram else QAbstractItemView.DragDropMode.InternalMove
        )
        self.editor.restrict(fields, status, data, diagram, lock_lead=role == "project-lead")

    def _refuse(self, action: QAction, reason: str) -> None:
        """Disable ``action`` when there is a reason, and show the reason as its tooltip."""
        if not hasattr(action, "usual_tip"):
            action.usual_tip = action.toolTip()
        if reason:
            action.setEnabled(False)
        action.setToolTip(reason or action.usual_tip)

    def _tree_context_menu(self, position: Any) -> None:
        self._update_actions()
        menu = QMenu(self)
        menu.addAction(self.add_child_action)
        for action in self.add_actions.values():
            if action.isEnabled():
                menu.addAction(action)
        menu.addSeparator()
        menu.addActions([self.rename_action, self.delete_action])
        menu.addSeparator()
        menu.addActions([self.link_action, self.status_action])
        menu.exec(self.tree_view.viewport().mapToGlobal(position))

    # ================================================================== settings

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_toolbar()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.tree_view.viewport():
            self._fit_tree_columns()
        return super().eventFilter(watched, event)

    def _fit_toolbar(self) -> None:
        """Labels beside the toolbar's icons while they fit; else the add buttons show only their icons (the
        name is in the tooltip), so Undo, Add cross-link, Log status and Delete never go behind the » menu."""
        if not hasattr(self, "toolbar"):
            return
        compact_actions = list(self.add_actions.values())
        buttons = [self.toolbar.widgetForAction(action) for action in compact_actions]
        for button in buttons:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        needed = sum(self.toolbar.widgetForAction(action).sizeHint().width() + 6
                     for action in self.toolbar.actions() if not action.isSeparator())  # fmt: skip
        if needed + 40 > self.width():
            for button in buttons:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _fit_tree_columns(self) -> None:
        """Keep room for the titles: in a narrow tree the other columns give up width (their text elides, the
        row's tooltip has it whole) so the title column keeps at least 40 % of the tree's width."""
        widths = getattr(self, "_tree_column_widths", None)
        if not widths or self.tree_model is None:
            return
        available = self.tree_view.viewport().width()
        title = max(160, round(available * 0.4))
        excess = max(0, sum(widths.values()) - (available - title))
        shrinkable = {column: widths[column] for column in (1, 4) if column in widths}  # stage, evidence
        room = sum(round(width * 0.6) for width in shrinkable.values())  # each keeps 40 % of its width
        factor = 1.0 - min(excess, room) / sum(shrinkable.values()) if shrinkable else 1.0
        header = self.tree_view.header()
        for column, width in widths.items():
            header.resizeSection(column, round(width * factor) if column in shrinkable else width)

    def _full_tooltip(self, action: QAction) -> None:
        """The tooltip of a toolbar button with a short label: the action's whole text and its shortcut."""
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{text} ({shortcut})" if shortcut else text
        if action.toolTip() != tip:
            action.setToolTip(tip)

    def _restore_settings(self) -> None:
        settings = QSettings()
        _scrub_passwords(settings)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        available = self.screen().availableGeometry()
        if self.width() > available.width() or self.height() > available.height():  # another, smaller screen
            self.resize(fitted_size(available.size()))
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        sizes = settings.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())

    def discard_throwaway(self) -> None:
        """Remove a throwaway sample copy now (the app quits without its window being closed, e.g. Ctrl+C)."""
        if self.document is not None and getattr(self.document, "throwaway_folder", None) is not None:
            for task in list(self.tasks):
                task.wait()
            _close_document(self.document)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closed = True
        self._commit_editor()
        if self.document is not None and getattr(self.document, "live_refresh", None) is not None:
            self.document.live_refresh.stop()
        if self.document is not None and getattr(self.document, "evidence_keeper", None) is not None:
            self.document.evidence_keeper.stop()
        for task in list(self.tasks):
            task.wait()
        self.save_settings()
        if self.document is not None:
            _close_document(self.document)
        event.accept()


def _close_document(document: RegisterDocument) -> None:
    """Close a register; a throwaway copy (``--sample``) is removed with its folder."""
    document.close()
    folder = getattr(document, "throwaway_folder", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        document.throwaway_folder = None


def copy_sample_register(target: Path) -> None:
    """Put a copy of the shipped sample register file at ``target`` (under a temporary name, then renamed): no
    schema to create and no import to run, so ``--sample`` shows its tree sooner."""
    from register.safe_output import write_output
    from resources import sample_copy_path

    write_output(target, lambda temporary: shutil.copyfile(sample_copy_path(), temporary))


def _load_sample(path: Path) -> Any:
    from register.exchange import load_file

    return load_file(path)


def _scrub_passwords(settings: QSettings) -> None:
    """Remove passwords that an older version wrote into the recent registers (in clear text)."""
    recent = settings.value(RECENT_KEY, [])
    recent = [recent] if isinstance(recent, str) else list(recent or [])
    clean = list(dict.fromkeys(public_location(entry) or "" for entry in recent))
    if clean != recent:
        settings.setValue(RECENT_KEY, clean)
    last = settings.value(LAST_KEY, "", str)
    if last and public_location(last) != last:
        settings.setValue(LAST_KEY, public_location(last))
    settings.sync()


def default_location() -> str | None:
    """The register used last, if it still exists (None otherwise). The window's start goes through
    :meth:`MainWindow.open_start_register`, which asks about a last register that has gone."""
    last = QSettings().value(LAST_KEY, "", str)
    if last and ("://" in last or os.path.exists(last)):
        return last
    return None


#: The size the window would like on a large screen.
PREFERRED_SIZE = QSize(1280, 800)


def fitted_size(available: QSize) -> QSize:
    """The first window's size: the preferred size, but never more than 95 % of the screen's free area
    (1366×768 at 150 % leaves about 910×480 logical pixels)."""
    return QSize(min(PREFERRED_SIZE.width(), round(available.width() * 0.95)),
                 min(PREFERRED_SIZE.height(), round(available.height() * 0.95)))  # fmt: skip
