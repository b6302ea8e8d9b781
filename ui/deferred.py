"""A tab page whose panel is built the first time it is needed, so the window shows before its hidden tabs exist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Panel = TypeVar("Panel", bound=QWidget)


class DeferredPanel(QWidget, Generic[Panel]):
    """Holds the panel ``build`` makes: built when the page is first shown (before it is painted) or asked for."""

    def __init__(self, build: Callable[[], Panel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build = build
        self._panel: Panel | None = None

    @property
    def built(self) -> bool:
        return self._panel is not None

    def panel(self) -> Panel:
        """The panel, built now if it was not yet."""
        if self._panel is None:
            self._panel = self._build()
            self.layout().addWidget(self._panel)
            if self.isVisible():
                self._panel.show()  # (a child added to a visible widget would otherwise show one event later)
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.panel()
        super().showEvent(event)
