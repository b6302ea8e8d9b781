"""The archive: deleted (archived) nodes, to restore (undoable) or purge for good (after a confirmation).

A deleted node is archived with everything under it, so it survives a restart; this view is how the
user reaches it again. Restoring puts the node back where it was; purging destroys it and what was
under it, which cannot be undone.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from register.errors import RegisterError
from register.records import DeletionImpact, NodeRecord
from register.vocabulary import NODE_KINDS
from ui import commands, dialogs
from ui.document import RegisterDocument
from ui.icons import icon
from ui.labels import kind_name, kind_plural, plural

translate = QCoreApplication.translate
TITLE, KIND, UNDER, ARCHIVED, BY, CONTENT = range(6)


def local_time(moment: datetime) -> str:
    """A stored moment (UTC) in local time, the UI language's way (Danish ``13-04-2026 14:05``)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    pattern = "%d-%m-%Y %H:%M" if QLocale().name().startswith("da") else "%Y-%m-%d %H:%M"
    return moment.astimezone().strftime(pattern)


def describe_impact(impact: DeletionImpact) -> str:
    """What goes with a node, in words: "2 projects, 3 measures with 60 observations, 4 status updates"."""
    ordered = sorted(impact.descendants.items(), key=lambda item: NODE_KINDS.index(item[0]))
    parts = [plural(count, f"{{count}} {kind_name(kind)}", f"{{count}} {kind_plural(kind)}")
             for kind, count in ordered]  # fmt: skip
    if impact.measures:
        measures = plural(impact.measures, translate("Archive", "{count} measure"),
                          translate("Archive", "{count} measures"))  # fmt: skip
        observations = plural(impact.observations, translate("Archive", "{count} observation"),
                              translate("Archive", "{count} observations"))  # fmt: skip
        parts.append(translate("Archive", "{measures} with {observations}").format(
            measures=measures, observations=observations))  # fmt: skip
    if impact.status_updates:
        parts.append(plural(impact.status_updates, translate("Archive", "{count} status update"),
                            translate("Archive", "{count} status updates")))  # fmt: skip
    if impact.links:
        parts.append(plural(impact.links, translate("Archive", "{count} cross-link"),
                            translate("Archive", "{count} cross-links")))  # fmt: skip
    return ", ".join(parts) if parts else translate("Archive", "nothing else")


class ArchiveDialog(QDialog):
    """Every archived node with where it was, when and by whom it was deleted, and what went with it."""

    #: A node was restored (its id), so the window can select it.
    restored = Signal(str)

    def __init__(self, document: RegisterDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(translate("Archive", "Archive"))
        self.nodes: list[NodeRecord] = []
        layout = QVBoxLayout(self)
        note = QLabel(translate("Archive", "Deleted nodes are kept here with everything that was under them. "
                                "Restore puts a node back where it was (Undo takes it out again); purge "
                                "destroys it for good."))  # fmt: skip
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            translate("Archive", "Title"), translate("Archive", "Kind"), translate("Archive", "Was under"),
            translate("Archive", "Deleted"), translate("Archive", "By"), translate("Archive", "With it"),
        ])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.table)
        self.empty_label = QLabel(translate("Archive", "The archive is empty: nothing has been deleted."))
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(translate("Archive", "&Restore"))
        self.restore_button.setIcon(icon("goal"))
        self.purge_button = QPushButton(translate("Archive", "&Purge…"))
        self.purge_button.setIcon(icon("delete"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        layout.addWidget(buttons)
        self.resize(1040, 420)
        self.refresh()

    def refresh(self) -> None:
        """Read the archive again from the register."""
        service = self.document.service
        self.nodes = service.list_archived()
        archived_titles = {node.id: node.title for node in self.nodes}
        self.table.setRowCount(len(self.nodes))
        for row, node in enumerate(self.nodes):
            entry = next((e for e in service.audit_trail(node.id, limit=50) if e.action == "archive"), None)
            parent = self.document.index.nodes.get(node.parent_id) if node.parent_id else None
            if node.parent_id is None:
                under = translate("Archive", "(top level)")
            else:
                under = parent.title if parent is not None else archived_titles.get(node.parent_id, "")
            cells = (node.title, kind_name(node.kind), under, local_time(entry.at) if entry else "",
                     entry.user if entry else "", describe_impact(service.describe_deletion(node.id)))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == TITLE:
                    item.setData(Qt.ItemDataRole.UserRole, node.id)
                    item.setIcon(icon(node.kind))
                self.table.setItem(row, column, item)
        for column, width in ((TITLE, 260), (KIND, 120), (UNDER, 200), (ARCHIVED, 120), (BY, 90)):
            self.table.setColumnWidth(column, width)
        self.table.setVisible(bool(self.nodes))
        self.empty_label.setVisible(not self.nodes)
        if self.nodes and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> NodeRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.nodes[rows[0].row()] if rows else None

    def select(self, node_id: str) -> None:
        for row, node in enumerate(self.nodes):
            if node.id == node_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def restore_selected(self) -> None:
        """Put the selected node back where it was (undoable)."""
        node = self.selected()
        if node is None:
            return
        try:
            commands.restore_node(self.document, node.id)
        except RegisterError as error:
            dialogs.show_error(self, translate("Archive", "Cannot restore"), str(error))
            return
        self.refresh()
        self.restored.emit(node.id)

    def purge_selected(self) -> None:
        """Destroy the selected node for good, after saying what goes with it."""
        node = self.selected()
        if node is None:
            return
        try:
            what = describe_impact(self.document.service.describe_deletion(node.id))
        except RegisterError as error:
            dialogs.show_error(self, translate("Archive", "Cannot purge"), str(error))
            self.refresh()
            return
        text = translate("Archive", "Destroy the {kind} “{title}” for good, with {what}?\n\nThis cannot be undone, "
                         "and it clears the undo history.").format(kind=kind_name(node.kind), title=node.title,
                                                                   what=what)  # fmt: skip
        if not dialogs.confirm(self, translate("Archive", "Purge"), text, translate("Archive", "&Purge")):
            return
        try:
            self.document.purge_node(node.id)
        except RegisterError as error:
            dialogs.show_error(self, translate("Archive", "Cannot purge"), str(error))
        self.refresh()
