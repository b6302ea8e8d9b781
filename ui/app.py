"""Start the desktop app: ``improvement-register [--db PATH_OR_URL] [--sample]``; subcommands run headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from register import cli
from register.errors import RegisterError
from register.i18n import _
from ui import cli_commands  # noqa: F401 - registers the drawing subcommands

#: X11 libraries Qt's xcb platform plugin needs beyond a bare system (library name -> Debian package).
XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1"}
ORGANISATION = "Improvement Register"
APPLICATION = "improvement-register"


class NoDisplayError(RegisterError):
    """The window cannot be shown here (no display, or Qt's X11 libraries are missing)."""


def display_problem() -> str | None:
    """Why Qt could not open a window here, in words a user can act on; None when it can (or cannot tell)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or (platform and not platform.startswith("xcb")):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return _("there is no display to show the window on (DISPLAY is not set). Start it in a desktop session; "
                 "the subcommands (export-diagram, export-chart, ...) work without one.")  # fmt: skip
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return None
    from ctypes.util import find_library

    missing = [package for library, package in XCB_LIBRARIES.items() if find_library(library) is None]
    if missing:
        return _("Qt cannot open a window on this X11 display: the system libraries {libraries} are missing. "
                 "Install them (Debian/Ubuntu: sudo apt install {packages}) and start again.").format(
            libraries=", ".join(missing), packages=" ".join(missing))  # fmt: skip
    return None


def make_application(argv: Sequence[str] | None = None):  # noqa: ANN201 - QApplication, imported lazily
    """The QApplication with names for QSettings and the translators for the chosen language."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Improvement Register")
    app._translators = install_translators(app)  # keep them alive with the app
    return app


def install_error_hook(window: object) -> None:
    """A bug (an exception no code expected) becomes a message in the window, with the details on stderr."""
    import traceback

    from PySide6.QtCore import QCoreApplication

    from ui import dialogs

    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        traceback.print_exception(kind, error, trace)
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        dialogs.show_error(window, QCoreApplication.translate("App", "Unexpected error"), QCoreApplication.translate(
            "App", "Something went wrong: {error}\n\nYour data is safe: every change is saved in one transaction, "
            "and this one did not complete. Please report the error with the details printed on the console.",
        ).format(error=f"{kind.__name__}: {error}"))  # fmt: skip

    sys.excepthook = hook


def close_on_terminate(window: object) -> None:
    """SIGTERM (a logout, a shutdown, ``kill``) closes the window as the user would: what is being edited is
    saved, the background work stops and a throwaway sample copy is removed (it killed the process outright)."""
    import signal

    from PySide6.QtCore import QTimer

    if not hasattr(signal, "SIGTERM"):
        return
    # The handler runs between two Python instructions, perhaps in the middle of opening a register: the window
    # closes at the event loop's next turn, once that code is done, not inside it.
    signal.signal(signal.SIGTERM, lambda _number, _frame: QTimer.singleShot(0, window.close))
    # Python runs a signal handler only between its own instructions: a short timer lets it in while Qt waits.
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(200)


def show_window(args: argparse.Namespace) -> tuple[Any, Any]:
    """The application and its main window, shown (no register opened yet): the first half of ``start_gui``."""
    problem = display_problem()
    if problem:
        raise NoDisplayError(problem)
    app = make_application()
    window = make_window(args)
    install_error_hook(window)
    close_on_terminate(window)
    window.show()
    return app, window


def start_gui(args: argparse.Namespace) -> int:
    """Open the window on the register from ``--db``, a fresh sample (``--sample``), or the last one used."""
    app, window = show_window(args)
    open_first_register(window, args)
    code = app.exec()
    window.discard_throwaway()
    return code


def make_window(args: argparse.Namespace):  # noqa: ANN201 - MainWindow, imported lazily
    """The main window; ``--user`` names the author in the audit trail and on status updates."""
    from ui.main_window import MainWindow

    return MainWindow(user=getattr(args, "user", None))


def open_first_register(window: object, args: argparse.Namespace) -> None:
    """``--sample``: a throwaway sample copy; ``--db``: that register; else the last used or the default one."""
    if getattr(args, "sample", False):
        window.open_sample_copy()
    elif args.db:
        window.open_location(args.db)
    else:
        window.open_start_register()


def main(argv: Sequence[str] | None = None) -> int:
    """The console entry point: the command line, with the desktop app as its default command."""
    return cli.main(argv, start_gui=start_gui)


if __name__ == "__main__":
    raise SystemExit(main())
