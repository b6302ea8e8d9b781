"""The schema revisions this version knows (standard library only: the window's quick first read needs them
before the storage layer has loaded)."""

from __future__ import annotations

#: The newest schema revision this version knows (tests check it equals Alembic's head).
HEAD_REVISION = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
