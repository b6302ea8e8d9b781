"""The window starts without the heavy libraries: they load with the register, in the task that opens it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "sqlalchemy", "matplotlib", "alembic", "register.model", "register.service", "register.storage")


def test_importing_and_showing_the_window_loads_no_heavy_module(tmp_path) -> None:
    code = f"""
import json, sys
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from ui.app import make_application
app = make_application()
from ui.main_window import MainWindow
window = MainWindow(); window.show(); app.processEvents()
print(json.dumps(sorted(name for name in {HEAVY!r} if name in sys.modules)))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
