"""Small validators shared by the services, the exchange import and the data import.

Each raises :class:`~register.errors.ValidationError` with a message that names the field and says
what a valid value looks like.
"""

from __future__ import annotations

import math
import numbers
import re
from datetime import date, datetime
from typing import Any

from register.errors import ValidationError
from register.model import PROGRESS_SCALE, Measure, Node, StatusUpdate

#: The longest text each limited field holds, taken from the schema's column lengths so that the services and the
#: exchange import refuse the same lengths on SQLite (which would store any length) and PostgreSQL (which refuses).
FIELD_LIMITS: dict[str, int] = {
    "title": Node.__table__.c.title.type.length,
    "lead": Node.__table__.c.lead.type.length,
    "unit": Node.__table__.c.unit.type.length,
    "author": StatusUpdate.__table__.c.author.type.length,
    "name": Measure.__table__.c.name.type.length,
    "measure unit": Measure.__table__.c.unit.type.length,
}
MAX_TITLE = FIELD_LIMITS["title"]
#: The register's own title (stored as free text; the same limit everywhere).
MAX_REGISTER_TITLE = 200
_DANISH_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%Y-%m")


def text(value: Any, field: str, *, required: bool = False, limit: int | None = None) -> str:
    """A stripped string; ``required`` refuses an empty one."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be text, not {value!r}.", field)
    value = value.strip()
    if required and not value:
        raise ValidationError(f"{field.capitalize()} cannot be empty.", field)
    if limit is not None and len(value) > limit:
        raise ValidationError(f"{field.capitalize()} is {len(value)} characters long; the limit is {limit}.", field)
    return value


def title(value: Any, field: str = "title") -> str:
    return text(value, field, required=True, limit=MAX_TITLE)


def choice(value: Any, allowed: tuple[str, ...], field: str, *, optional: bool = False) -> str | None:
    if value is None or value == "":
        if optional:
            return None
        raise ValidationError(f"{field.capitalize()} is missing; choose one of {', '.join(allowed)}.", field)
    if value not in allowed:
        raise ValidationError(f"{field.capitalize()} {value!r} is not one of {', '.join(allowed)}.", field)
    return str(value)


def parse_date(value: Any, field: str = "date", *, optional: bool = False) -> date | None:
    """A date from a date object or text (ISO ``2024-03-31``, Danish ``31-03-2024`` or ``31.03.2024``)."""
    if value is None or value == "":
        if optional:
            return None
        raise ValidationError(f"{field.capitalize()} is missing; give a date like 2024-03-31.", field)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(stripped, fmt).date()
            except ValueError:
                continue
    raise ValidationError(f"{field.capitalize()} {value!r} is not a date; write it like 2024-03-31.", field)


def parse_number(value: Any, field: str, *, optional: bool = False) -> float | None:
    """A finite number from a number or text; accepts a Danish decimal comma (``1.234,5``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise ValidationError(f"{field.capitalize()} is missing; give a number.", field)
    if isinstance(value, bool):
        raise ValidationError(f"{field.capitalize()} must be a number, not {value!r}.", field)
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        stripped = value.strip().replace("\u00a0", "").replace(" ", "")
        if _DANISH_NUMBER.match(stripped) and ("," in stripped or stripped.count(".") > 1):
            stripped = stripped.replace(".", "").replace(",", ".")
        try:
            number = float(stripped)
        except ValueError:
            raise ValidationError(f"{field.capitalize()} {value!r} is not a number.", field) from None
    else:
        raise ValidationError(f"{field.capitalize()} must be a number, not {value!r}.", field)
    if not math.isfinite(number):
        raise ValidationError(f"{field.capitalize()} must be a finite number, not {value!r}.", field)
    return number


def progress(value: Any, field: str = "progress") -> float | None:
    """An IHI progress score: 0.5 to 5.0 in steps of 0.5, or None."""
    number = parse_number(value, field, optional=True)
    if number is None:
        return None
    if number not in PROGRESS_SCALE:
        raise ValidationError(
            f"Progress score {number:g} is not on the IHI scale; use 0.5 to 5.0 in steps of 0.5.", field
        )
    return number


def date_range(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(f"The end date {end.isoformat()} is before the start date {start.isoformat()}.", "end")
