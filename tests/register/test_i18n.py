"""The core's words exist in Danish: every marked string is translated, the catalogue is current and
compiled, no error is raised with an untranslatable literal, and the language follows the environment."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

CORE_FILES = sorted(p for p in (ROOT / "register").rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("language", ["da"])
def test_core_catalogue_is_complete_current_and_compiled(language: str) -> None:
    fresh = update_translations.updated_core_po(language)
    committed = update_translations.core_po_path(language)
    assert fresh == committed.read_text(encoding="utf-8"), "the .po is out of date: run scripts/update_translations.py"
    missing = update_translations.untranslated_core(fresh, language)
    assert not missing, f"untranslated core strings ({language}): {missing[:10]}"
    compiled = update_translations.compiled_core_mo(fresh, language)
    assert compiled == committed.with_suffix(".mo").read_bytes(), "the .mo is stale: run scripts/update_translations.py"


def _untranslatable_messages(path: Path) -> list[str]:
    """Errors raised with a plain or f-string literal: their text would never reach the catalogue."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        function = node.exc.func
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
        if not name.endswith("Error") or name in ("UsageError",):
            continue
        for argument in node.exc.args:
            if isinstance(argument, ast.JoinedStr) or (
                isinstance(argument, ast.Constant) and isinstance(argument.value, str) and argument.value.strip()
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: p.name)
def test_errors_are_raised_with_translatable_text(path: Path) -> None:
    assert _untranslatable_messages(path) == [], "wrap the message in _(…) and put values in with .format"


def test_the_language_follows_the_environment() -> None:
    script = (
        "from register.errors import StorageError\n"
        "from register.storage import open_database\n"
        "import sys\n"
        "try:\n"
        "    open_database(sys.argv[1])\n"
        "except StorageError as error:\n"
        "    print(error)\n"
    )
    folder = str(ROOT / "register")
    outputs = {}
    for lang in ("da_DK.UTF-8", "en_GB.UTF-8", "C"):
        env = {"PATH": "/usr/bin:/bin", "LANG": lang}
        result = subprocess.run([sys.executable, "-c", script, folder], capture_output=True, text=True, cwd=ROOT,
                                env=env, check=True)  # fmt: skip
        outputs[lang] = result.stdout.strip()
    assert outputs["da_DK.UTF-8"] == f"{folder} er en mappe, ikke en registerfil."
    assert outputs["en_GB.UTF-8"] == outputs["C"] == f"{folder} is a folder, not a register file."


def test_set_language_switches_and_falls_back() -> None:
    from register import i18n

    try:
        assert i18n.set_language("da") == "da"
        assert i18n._("{path} is a folder, not a register file.") == "{path} er en mappe, ikke en registerfil."
        assert i18n.set_language("en") == "en"
        assert i18n._("{path} is a folder, not a register file.") == "{path} is a folder, not a register file."
    finally:
        i18n.set_language("en")
