"""Typed errors of the register. Every message says what went wrong and what the user can do."""

from __future__ import annotations


class RegisterError(Exception):
    """Base class of every error the register raises on purpose."""


class ValidationError(RegisterError):
    """Input that cannot be stored; ``field`` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(RegisterError):
    """The entity asked for does not exist (or no longer does)."""


class ConflictError(RegisterError):
    """Someone else changed the row since it was read; reload and try again."""


class StorageError(RegisterError):
    """The register file or server cannot be used (locked, damaged, gone, newer version)."""


class MissingRegisterError(StorageError):
    """There is no register where one was asked for (a missing or empty file, an empty database); nothing was
    created."""


class PermissionDeniedError(StorageError):
    """The user's role in a shared register does not allow the change (the database refused it)."""


class ConnectionLostError(StorageError):
    """The register server cannot be reached or did not answer in time; the action can be retried."""


class CredentialsError(StorageError):
    """The register server wants a password (or a different one) for this login."""


class ExchangeFormatError(RegisterError):
    """An exchange file cannot be imported; ``place`` points into the file (``nodes[12].parent``)."""

    def __init__(self, place: str, message: str) -> None:
        super().__init__(f"{place}: {message}" if place else message)
        self.place = place


class OutputError(RegisterError):
    """An output file (export, diagram, chart) cannot be written there; nothing was replaced."""
