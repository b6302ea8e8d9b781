"""Fixtures of the core's tests."""

from __future__ import annotations

import pytest

from register import i18n


@pytest.fixture
def danish():
    """The core's messages in Danish for one test (English again afterwards)."""
    i18n.set_language("da")
    yield
    i18n.set_language("en")
