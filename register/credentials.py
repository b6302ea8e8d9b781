"""Passwords for shared registers, kept where the operating system keeps secrets, never in settings.

libpq finds a password by itself (``~/.pgpass``, a service file, ``PGPASSWORD``, Kerberos/GSSAPI);
when it cannot and the user typed one, the window may keep it in the system keyring (the
``keyring`` package: Windows Credential Locker, macOS Keychain, Secret Service on Linux) under the
register's address without the password. Nothing here ever writes a password to a file of ours.
"""

from __future__ import annotations

from typing import Any

from register.errors import CredentialsError
from register.storage import Database, is_url, open_database, public_location, url_password

KEYRING_SERVICE = "improvement-register"


def _keyring():  # noqa: ANN202 - the module, or None when it cannot be used
    try:
        import keyring
        from keyring.backends.fail import Keyring as FailKeyring
    except ImportError:
        return None
    try:
        if isinstance(keyring.get_keyring(), FailKeyring):
            return None
    except Exception:  # a broken backend configuration: behave as if there were none
        return None
    return keyring


def keyring_available() -> bool:
    """True when the system has a keyring the password can be kept in."""
    return _keyring() is not None


def stored_password(location: str) -> str | None:
    """The password kept for this register's address, or None."""
    backend = _keyring()
    if backend is None:
        return None
    try:
        return backend.get_password(KEYRING_SERVICE, public_location(location) or "")
    except Exception:  # a locked or failing keyring is the same as no password kept
        return None


def store_password(location: str, password: str) -> bool:
    """Keep the password in the system keyring; False when there is none or it refused."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, public_location(location) or "", password)
    except Exception:
        return False
    return True


def forget_password(location: str) -> None:
    """Remove a kept password (after the server refused it)."""
    backend = _keyring()
    if backend is None:
        return
    try:
        backend.delete_password(KEYRING_SERVICE, public_location(location) or "")
    except Exception:  # nothing kept, or the keyring refused: nothing to undo
        return


def open_shared(location: str | None, **options: Any) -> Database:
    """Open a register; when the server wants a password libpq could not find, try the one in the keyring."""
    try:
        return open_database(location, **options)
    except CredentialsError:
        kept = stored_password(location) if location and is_url(location) and not url_password(location) else None
        if kept is None:
            raise
        return open_database(location, password=kept, **options)
