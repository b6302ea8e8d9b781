"""Re-extract the translatable strings from ``ui/`` and compile the catalogues.

Run after changing user-visible text: ``python scripts/update_translations.py``. It updates
``resources/translations/improvement_register_da.ts`` (English is the source language), keeps existing
translations, then compiles it to ``.qm``.
Translate new strings in Qt Linguist (``pyside6-linguist``) and run it again. A test fails when the
catalogues or the compiled files are out of date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUES: dict[str, list[str]] = {"da": []}


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6 (pyside6-lupdate, pyside6-lrelease), next to this Python."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(beside) if beside.exists() else (shutil.which(f"pyside6-{name}") or f"pyside6-{name}")


#: Modules of the Qt-free core whose user-visible words are marked with QT_TRANSLATE_NOOP.
CORE_SOURCES = ("register/charts.py",)


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").glob("*.py")) + list(CORE_SOURCES)


def extract(ts_file: Path, options: list[str]) -> None:
    subprocess.run([tool("lupdate"), *sources(), *options, "-no-obsolete", "-locations", "none", "-ts", str(ts_file)],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip


def compile_catalogue(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True)


def main() -> None:
    for language, options in CATALOGUES.items():
        ts_file = TRANSLATIONS / f"improvement_register_{language}.ts"
        extract(ts_file, options)
        compile_catalogue(ts_file, ts_file.with_suffix(".qm"))
        print(f"updated {ts_file.relative_to(ROOT)} and its .qm")


if __name__ == "__main__":
    main()
