"""Re-extract the translatable strings and compile the catalogues.

Run after changing user-visible text: ``python scripts/update_translations.py``. It updates
- ``resources/translations/improvement_register_da.ts``, the window's strings (``ui/``, Qt's lupdate),
  then compiles it to ``.qm``; translate new strings in Qt Linguist (``pyside6-linguist``);
- ``register/locale/da/LC_MESSAGES/improvement_register.po``, the core's strings (``register/``, marked
  with ``_``, ``N_`` and ``ngettext`` from ``register.i18n``, extracted with Babel), then compiles it to
  ``.mo``; translate new strings in the ``.po`` (any PO editor, or by hand).
Existing translations are kept; run it again after translating. English is the source language. A test
fails when a catalogue is out of date, a string is untranslated, or a compiled file is stale.
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


CORE = ROOT / "register"
CORE_LOCALE = CORE / "locale"
CORE_DOMAIN = "improvement_register"
CORE_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def core_po_path(language: str) -> Path:
    return CORE_LOCALE / language / "LC_MESSAGES" / f"{CORE_DOMAIN}.po"


def core_template():  # noqa: ANN201 - babel.messages.Catalog, imported lazily (a development tool)
    """Every string marked in ``register/`` (migrations excluded), in a stable order, without locations."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    template = Catalog(project="Improvement Register", domain=CORE_DOMAIN)
    for path in sorted(CORE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for _line, message, _comments, _context in extract_from_file("python", path, keywords=CORE_KEYWORDS):
            template.add(message)
    return template


def updated_core_po(language: str) -> str:
    """The ``.po`` text for ``language``: the committed translations applied to a fresh extraction."""
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = core_template()
    path = core_po_path(language)
    if path.exists():
        with path.open("rb") as handle:
            existing = read_po(handle, locale=language, domain=CORE_DOMAIN)
    else:
        existing = Catalog(locale=language, domain=CORE_DOMAIN, project="Improvement Register")
    fresh = Catalog(locale=language, domain=CORE_DOMAIN, project="Improvement Register", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        old = existing.get(message.id)
        fresh.add(message.id, old.string if old is not None else ("", "") if isinstance(message.id, tuple) else "")
    buffer = io.BytesIO()
    write_po(buffer, fresh, width=120, omit_header=True, no_location=True, sort_output=True)
    return buffer.getvalue().decode("utf-8")


def compiled_core_mo(po_text: str, language: str) -> bytes:
    import io
    from datetime import UTC, datetime

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalogue = read_po(io.StringIO(po_text), locale=language, domain=CORE_DOMAIN)
    # The header would carry "now" (to the minute), so the .mo would be stale a minute later.
    catalogue.creation_date = datetime(2026, 1, 1, tzinfo=UTC)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def untranslated_core(po_text: str, language: str) -> list[str]:
    """The core's strings that have no translation in ``po_text``."""
    import io

    from babel.messages.pofile import read_po

    catalogue = read_po(io.StringIO(po_text), locale=language, domain=CORE_DOMAIN)
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update_core(language: str) -> None:
    text = updated_core_po(language)
    path = core_po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".mo").write_bytes(compiled_core_mo(text, language))
    missing = untranslated_core(text, language)
    print(f"updated {path.relative_to(ROOT)} and its .mo" + (f" ({len(missing)} untranslated)" if missing else ""))


def main() -> None:
    for language, options in CATALOGUES.items():
        ts_file = TRANSLATIONS / f"improvement_register_{language}.ts"
        extract(ts_file, options)
        compile_catalogue(ts_file, ts_file.with_suffix(".qm"))
        print(f"updated {ts_file.relative_to(ROOT)} and its .qm")
        update_core(language)


if __name__ == "__main__":
    main()
