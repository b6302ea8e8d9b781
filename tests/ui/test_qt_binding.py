"""The Qt binding must not drop references to None/True/False (PySide6 6.12.0 does on Python 3.11 and crashes)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


class _Emitter(QObject):
    fired = Signal(str)


def test_binding_keeps_reference_counts_of_singletons(qapp) -> None:
    model = _NoneModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for index in range(2000):
        model.index(index % 3, 0).data(Qt.ItemDataRole.DecorationRole)
        proxy.setFilterFixedString("a" if index % 2 else "b")
        emitter.fired.emit("x")
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # A leak of one reference per call shows as thousands; allow a little for unrelated objects.
    assert all(a - b > -100 for a, b in zip(after, before, strict=True)), (before, after)
    assert len(received) == 2000
