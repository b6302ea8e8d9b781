"""Data files shipped with the app: the sample register, translations and icons."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
SAMPLE_REGISTER = "sample-register.json"


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file."""
    return RESOURCES_DIR.joinpath(*parts)


def sample_register_path() -> Path:
    """The sample register in exchange format."""
    return resource_path(SAMPLE_REGISTER)
