"""A register file's tree read with the standard library alone, for the window to paint at once.

Opening a register loads the storage layer (SQLAlchemy and the ORM, a few hundred milliseconds on a slow
machine) before anything can be read. The window shows this read-only tree meanwhile; the register opens as
usual beside it and replaces it. Anything unexpected (another schema revision, a locked or damaged file, a
value that does not parse) gives None: the window then simply waits for the full open, which reports problems.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from register.records import StatusRecord, TreeSnapshot, tree_snapshot
from register.revisions import HEAD_REVISION

#: The same columns, in the same order, as ``RegisterService.load_tree`` reads.
NODES = (
    "SELECT id, kind, title, description, parent_id, position, lead, unit, start_date, end_date, stage, archived_at, "
    "version FROM nodes"
)
LINKS = "SELECT id, source_id, target_id, strength, version FROM links"
#: Each project's newest status update (by date, then id), one index lookup per project.
LATEST_STATUSES = (
    "SELECT s.id, s.node_id, s.date, s.author, s.rag, s.progress, s.summary, s.next_steps, s.help_needed, s.version "
    "FROM nodes AS n JOIN status_updates AS s ON s.id = (SELECT newest.id FROM status_updates AS newest "
    "WHERE newest.node_id = n.id ORDER BY newest.date DESC, newest.id DESC LIMIT 1)"
)
TITLE = "SELECT value FROM register_info WHERE key = 'title'"


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def read_tree(path: Path) -> TreeSnapshot | None:
    """The live tree of the register file at ``path`` (read-only, one read transaction), or None when it cannot
    be read this way."""
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=0.1)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        connection.execute("BEGIN")
        if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD_REVISION,)]:
            return None
        nodes = [
            (*row[:8], _day(row[8]), _day(row[9]), *row[10:]) for row in connection.execute(NODES)
        ]  # fmt: skip
        links = connection.execute(LINKS).fetchall()
        latest = {
            row[1]: StatusRecord(row[0], row[1], date.fromisoformat(row[2]), *row[3:])
            for row in connection.execute(LATEST_STATUSES)
        }
        title = connection.execute(TITLE).fetchone()
        return tree_snapshot(nodes, links, latest, title[0] if title else "")
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
