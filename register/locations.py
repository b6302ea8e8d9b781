"""Where a register lives: file paths and PostgreSQL URLs, written and shown without passwords.

Standard library only at import (SQLAlchemy's URL parser is loaded when a URL is parsed), so the window can
use these before it loads the storage layer. :mod:`register.storage` re-exports every name.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

APP_NAME = "improvement-register"
DEFAULT_FILE_NAME = "register.sqlite"


def default_register_path() -> Path:
    """The default register file in the user's data directory."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILE_NAME


_SERVICE_PREFIX = "service="


def is_url(location: str) -> bool:
    return "://" in location or location.strip().startswith(_SERVICE_PREFIX)


def _service_url(location: str) -> str:
    """``service=NAME [sslmode=…]`` (libpq style) as a SQLAlchemy URL that names the same service."""
    pairs = [part.split("=", 1) for part in location.split() if "=" in part]
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in pairs)
    return f"postgresql+psycopg:///?{query}"


def public_location(location: str | Path | None) -> str | None:
    """The location as it may be stored or shown: a URL without its password (None stays None)."""
    if location is None:
        return None
    if isinstance(location, str) and is_url(location):
        if location.strip().startswith(_SERVICE_PREFIX):
            return location.strip()
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(location)
        except ArgumentError:
            return _strip_password_text(location)
        return url._replace(password=None).render_as_string(hide_password=False)
    return str(location)


def _strip_password_text(location: str) -> str:
    """Remove ``:password`` from ``scheme://user:password@host`` text that is not a valid URL."""
    scheme, _sep, rest = location.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return location
    return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"


def url_password(location: str | Path | None) -> str | None:
    """The password written into a URL (to use once, never to store), or None."""
    if isinstance(location, str) and "://" in location:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return make_url(location).password
        except ArgumentError:
            return None
    return None


def discard_register_file(path: Path) -> None:
    """Remove a register file this program has just made (with SQLite's side files), after the action
    that made it failed: a failed import leaves no empty register behind."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
