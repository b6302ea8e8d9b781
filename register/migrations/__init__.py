"""Alembic migrations of the register schema (run by :func:`register.storage.upgrade`)."""
