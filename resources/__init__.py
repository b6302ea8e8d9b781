"""Data files shipped with the app: the sample register, translations and icons."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
SAMPLE_REGISTER = "sample-register.json"
#: The same sample as a ready register file (built by scripts/build_sample_copy.py): ``--sample`` copies it.
SAMPLE_COPY = "sample-register.sqlite"
#: Who the sample copy's audit trail says imported the sample.
SAMPLE_COPY_AUTHOR = "Improvement Register"


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file."""
    return RESOURCES_DIR.joinpath(*parts)


def sample_register_path() -> Path:
    """The sample register in exchange format."""
    return resource_path(SAMPLE_REGISTER)


def sample_copy_path() -> Path:
    """The sample register as a register file, to copy for a throwaway sample."""
    return resource_path(SAMPLE_COPY)
