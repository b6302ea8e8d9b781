"""Starting the window: a clear message where no window can be shown, instead of Qt's abort."""

from __future__ import annotations

import subprocess
import sys

import pytest

from register.cli import main
from ui import app


def test_no_display_is_one_clear_line(monkeypatch, capsys) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["--db", "unused.sqlite"], start_gui=app.start_gui) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("improvement-register: error: there is no display") and len(err.splitlines()) == 1


def test_missing_x11_libraries_are_named_with_the_install_command(monkeypatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    import ctypes.util

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    problem = app.display_problem()
    assert "libxcb-cursor0 are missing" in problem and "sudo apt install libxcb-cursor0" in problem
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    assert app.display_problem() is None


@pytest.mark.parametrize("platform", ["offscreen", "wayland"])
def test_other_platforms_are_left_to_qt(monkeypatch, platform) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    assert app.display_problem() is None


def test_help_lists_the_desktop_options_and_every_subcommand() -> None:
    result = subprocess.run([sys.executable, "-m", "ui.app", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for word in ("--sample", "export-diagram", "export-chart", "import-observations", "import", "export", "sample"):
        assert word in result.stdout
