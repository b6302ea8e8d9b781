"""The window starts without the heavy libraries: they load with the register, in the task that opens it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "sqlalchemy", "matplotlib", "alembic", "register.model", "register.service", "register.storage",
         # built when first needed, after the window shows: the hidden tabs, the node editor's tabs, the records
         "ui.diagram_view", "ui.meetings_panel", "ui.measures_panel", "ui.charts_panel", "ui.overview_panel",
         "register.records", "register.charts", "register.evidence_worker", "ui.tree_model",
         "ui.tree_filter")  # fmt: skip


def test_the_real_start_shows_the_window_without_any_heavy_module(tmp_path) -> None:
    """Through the command's own entry point (``improvement-register`` parses its command line first)."""
    code = f"""
import json, sys
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from register import cli
from ui import app as gui

def shown(args):
    application, window = gui.show_window(args)
    application.processEvents()
    print(json.dumps(sorted(name for name in {HEAVY!r} if name in sys.modules)))
    return 0

sys.exit(cli.main([], start_gui=shown))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
