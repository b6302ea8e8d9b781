"""The shipped sample register file (what ``--sample`` copies) holds the sample at the current schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from register.exchange import export_data, import_data, load_file
from register.service import RegisterService
from register.storage import HEAD_REVISION, open_database
from resources import SAMPLE_COPY_AUTHOR, sample_copy_path, sample_register_path

REBUILD = "Rebuild it: python scripts/build_sample_copy.py"


def test_the_sample_copy_is_at_the_current_schema_and_self_contained(tmp_path: Path) -> None:
    header = sample_copy_path().read_bytes()[:100]
    assert header[18:20] == b"\x01\x01", "the shipped file must be one file (rollback journal, not WAL)"
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(sample_copy_path(), copy)
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)], REBUILD
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def test_the_sample_copy_holds_what_importing_the_sample_makes(tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(sample_copy_path(), copy)
    copied = RegisterService(open_database(copy, create=False), user="tester")
    fresh = RegisterService(open_database(tmp_path / "fresh.sqlite"), user="tester")
    import_data(fresh, load_file(sample_register_path()), source="sample register")
    try:
        assert export_data(copied) == export_data(fresh), REBUILD
        assert {entry.user for entry in copied.audit_trail()} == {SAMPLE_COPY_AUTHOR}
    finally:
        copied.db.close()
        fresh.db.close()
