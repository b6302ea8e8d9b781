"""The item-data roles the window's item models share (the tree's and the Projects table's), and their index type:
a light module, so the window can name them before the models themselves load."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LINK_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
STALE_ROLE = Qt.ItemDataRole.UserRole + 4
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 5

AnyIndex = QModelIndex | QPersistentModelIndex
