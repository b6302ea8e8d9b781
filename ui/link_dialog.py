"""Choose the driver a project or secondary driver should also serve, and how strongly."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QRadioButton, QWidget

from register.tree_index import TreeIndex
from register.vocabulary import ALLOWED_LINK_TARGETS
from ui.icons import icon
from ui.labels import kind_name

translate = QCoreApplication.translate


def link_targets(tree: TreeIndex, source_id: str) -> list[str]:
    """Drivers the node may be cross-linked to: allowed kind, not its parent, not linked already."""
    source = tree.nodes[source_id]
    allowed = ALLOWED_LINK_TARGETS.get(source.kind, ())
    linked = {link.target_id for link in tree.links_from(source_id)}
    return [
        node_id
        for node_id in tree.subtree_order()
        if tree.nodes[node_id].kind in allowed and node_id not in linked and node_id != source.parent_id
    ]


class LinkDialog(QDialog):
    def __init__(self, tree: TreeIndex, source_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LinkDialog", "Add cross-link"))
        source = tree.nodes[source_id]
        layout = QFormLayout(self)
        layout.addRow(QLabel(translate("LinkDialog", "“{title}” also serves:").format(title=source.title)))
        self.target_combo = QComboBox()
        for node_id in link_targets(tree, source_id):
            node = tree.nodes[node_id]
            goal = tree.ancestor_of_kind(node_id, "goal")
            label = f"{node.title}" + (f"  ({goal.title})" if goal else "")
            self.target_combo.addItem(icon(node.kind), label, node_id)
            self.target_combo.setItemData(self.target_combo.count() - 1, kind_name(node.kind), 3)
        layout.addRow(translate("LinkDialog", "&Driver:"), self.target_combo)
        self.strong = QRadioButton(translate("LinkDialog", "&Strong (solid line)"))
        self.weak = QRadioButton(translate("LinkDialog", "&Weak (dashed line)"))
        self.strong.setChecked(True)
        layout.addRow(translate("LinkDialog", "Strength:"), self.strong)
        layout.addRow("", self.weak)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.target_combo.count() > 0)
        layout.addRow(buttons)

    def choice(self) -> tuple[str, str] | None:
        target = self.target_combo.currentData()
        return (target, "strong" if self.strong.isChecked() else "weak") if target else None
