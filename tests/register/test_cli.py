"""The command line: subcommands, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from register.cli import main


def run(*args: str) -> tuple[int, str, str]:
    process = subprocess.run([sys.executable, "-m", "register.cli", *args], capture_output=True, text=True)
    return process.returncode, process.stdout, process.stderr


def test_sample_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, copy = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert main(["sample", "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "a.json")]) == 0
    assert main(["import", "--db", str(copy), str(tmp_path / "a.json")]) == 0
    assert main(["export", "--db", str(copy), "--out", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert "Imported 29 nodes" in capsys.readouterr().out


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "improvement-register", "version": 1,
                               "nodes": [{"id": "x", "kind": "primary", "title": "P", "parent": "p9"}]}))  # fmt: skip
    code, _, err = run("import", "--db", str(tmp_path / "r.sqlite"), str(bad))
    assert code == 1
    assert err.strip() == 'improvement-register: error: nodes[0].parent: no node with id "p9"'
    assert "Traceback" not in err


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    code, _, err = run("import", "--debug", "--db", str(tmp_path / "r.sqlite"), str(tmp_path / "missing.json"))
    assert code == 1 and "Traceback" in err and err.strip().endswith("No such file or directory.")


def test_bad_arguments_exit_2_with_one_line(tmp_path: Path) -> None:
    code, _, err = run("export", "--db", str(tmp_path / "r.sqlite"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "--out" in err


def test_sample_into_a_register_with_content_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    assert run("sample", "--db", db)[0] == 0
    code, _, err = run("sample", "--db", db)
    assert code == 1 and "already holds" in err


def test_help_lists_the_subcommands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in ("import", "export", "sample"):
        assert name in out
