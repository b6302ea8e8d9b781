"""Long work (opening, importing, exporting a register) off the GUI thread, with a busy indicator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from register.errors import RegisterError


class Task(QThread):
    """Runs ``work`` in a thread; ``succeeded(result)`` or ``failed(message)`` arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except RegisterError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"{error.strerror or error}: {error.filename or ''}".strip(": "))
        except Exception as error:  # a bug: still a message, never a traceback in the window
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.succeeded.emit(result)


def start_task(parent: QWidget, label: str, work: Callable[[], Any], on_success: Callable[[Any], None],
               on_failure: Callable[[str], None]) -> Task:  # fmt: skip
    """Start ``work`` with a modal busy dialog that appears only if it takes more than a moment."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setMinimumDuration(400)
    progress.setWindowTitle(parent.windowTitle())
    progress.setAutoClose(False)
    progress.setValue(0)
    task = Task(work, parent)

    def finish() -> None:
        progress.close()
        progress.deleteLater()
        task.deleteLater()

    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    task.finished.connect(finish)
    task.start()
    return task
