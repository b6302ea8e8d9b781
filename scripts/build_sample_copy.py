"""Build resources/sample-register.sqlite: the sample register (resources/sample-register.json) as a register file.

``--sample`` and File ▸ New sample copy this file instead of creating a register and importing the sample into it
(schema creation and the import took most of the sample's start-up). Run after changing the sample or the schema:
    python scripts/build_sample_copy.py
tests/register/test_sample_copy.py checks that the shipped file holds the sample at the current schema.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from register.exchange import import_data, load_file  # noqa: E402
from register.service import RegisterService  # noqa: E402
from register.storage import open_database  # noqa: E402
from resources import SAMPLE_COPY_AUTHOR, resource_path, sample_register_path  # noqa: E402


def build(target: Path) -> None:
    """Import the sample into a new register and write it as one self-contained file (no WAL beside it)."""
    with tempfile.TemporaryDirectory() as folder:
        partial = Path(folder) / "sample.sqlite"
        database = open_database(partial)
        try:
            import_data(RegisterService(database, user=SAMPLE_COPY_AUTHOR), load_file(sample_register_path()),
                        source="sample register")  # fmt: skip
        finally:
            database.close()
        connection = sqlite3.connect(partial)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode=DELETE")  # one file; each copy turns WAL on when opened
            connection.execute("VACUUM")
        finally:
            connection.close()
        partial.replace(target)


if __name__ == "__main__":
    out = resource_path("sample-register.sqlite")
    build(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
