"""Small validators shared by the services, the exchange import and the data import.

Each raises :class:`~register.errors.ValidationError` with a message that names the field and says
what a valid value looks like.
"""

from __future__ import annotations

import math
import numbers
import re
from datetime import UTC, date, datetime
from typing import Any

from register.errors import ValidationError
from register.i18n import N_, _, language
from register.vocabulary import FIELD_LIMITS, PROGRESS_SCALE

MAX_TITLE = FIELD_LIMITS["title"]
#: The register's own title (stored as free text; the same limit everywhere).
MAX_REGISTER_TITLE = 200
_DANISH_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_DANISH_EXPONENT = re.compile(r"^[+-]?\d+,\d+[eE][+-]?\d+$")
#: ISO ``2026-04-13`` (also with ``/`` or ``.``), and a year and month ``2026-04`` (the 1st of the month).
_ISO_DATE = re.compile(r"^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$")
#: Day first, as Danes write it: ``13-04-2026``, ``13.04.2026``, ``13/4/2026``, ``13-4-26`` (20xx).
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$")
_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
           N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))  # fmt: skip

#: The fields the core names in its messages, in words (a field not listed is shown as it is).
FIELD_LABELS = {
    "title": N_("title"),
    "register title": N_("register title"),
    "name": N_("name"),
    "description": N_("description"),
    "lead": N_("lead"),
    "unit": N_("unit"),
    "start": N_("start date"),
    "end": N_("end date"),
    "start date": N_("start date"),
    "end date": N_("end date"),
    "stage": N_("stage"),
    "kind": N_("kind"),
    "strength": N_("strength"),
    "date": N_("date"),
    "RAG status": N_("RAG status"),
    "progress": N_("progress score"),
    "author": N_("author"),
    "summary": N_("summary"),
    "next steps": N_("next steps"),
    "help needed": N_("help needed"),
    "measure type": N_("measure type"),
    "operational definition": N_("operational definition"),
    "chart type": N_("chart type"),
    "direction of improvement": N_("direction of improvement"),
    "target": N_("target"),
    "rule set": N_("rule set"),
    "baseline": N_("baseline"),
    "value": N_("value"),
    "denominator": N_("denominator"),
    "note": N_("note"),
    "reason for exclusion": N_("reason for exclusion"),
    "annotation text": N_("annotation text"),
}


def field_label(field: str) -> str:
    """The field's name in the language in use (``end date`` → ``slutdato``)."""
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def _capital(field: str) -> str:
    label = field_label(field)
    return label[:1].upper() + label[1:]


def text(value: Any, field: str, *, required: bool = False, limit: int | None = None) -> str:
    """A stripped string; ``required`` refuses an empty one."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(
            _("{field} must be text, not {value!r}.").format(field=_capital(field), value=value), field
        )
    value = value.strip()
    if required and not value:
        raise ValidationError(_("{field} cannot be empty.").format(field=_capital(field)), field)
    if limit is not None and len(value) > limit:
        raise ValidationError(_("{field} is {length} characters long; the limit is {limit}.").format(
            field=_capital(field), length=len(value), limit=limit), field)  # fmt: skip
    return value


def title(value: Any, field: str = "title") -> str:
    """A required title of at most :data:`MAX_TITLE` characters."""
    return text(value, field, required=True, limit=MAX_TITLE)


def choice(value: Any, allowed: tuple[str, ...], field: str, *, optional: bool = False) -> str | None:
    """One of ``allowed`` (``optional``: or None for an empty value)."""
    if value is None or value == "":
        if optional:
            return None
        raise ValidationError(_("{field} is missing; choose one of {allowed}.").format(
            field=_capital(field), allowed=", ".join(allowed)), field)  # fmt: skip
    if value not in allowed:
        raise ValidationError(_("{field} {value!r} is not one of {allowed}.").format(
            field=_capital(field), value=value, allowed=", ".join(allowed)), field)  # fmt: skip
    return str(value)


def month_name(month: int) -> str:
    """The month's name in the language in use (1 → ``January`` / ``januar``)."""
    return _(_MONTHS[month - 1])


def _days_in_month(year: int, month: int) -> int:
    """28 to 31 (the ``calendar`` module would do, but it loads ``locale`` at start for this one number)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _date_from_parts(year: int, month: int, day: int, typed: str, field: str) -> date:
    """The date, or an error that says why it does not exist (``31-02-2026``: February has 28 days)."""
    if not 1 <= month <= 12:
        raise ValidationError(_("{field} {value!r} is not a date: there is no month {month}.").format(
            field=_capital(field), value=typed, month=month), field)  # fmt: skip
    try:
        return date(year, month, day)
    except ValueError:
        last = _days_in_month(year, month)
        raise ValidationError(
            _("{field} {value!r} is not a date: {month} {year} has {days} days.").format(
                field=_capital(field), value=typed, month=month_name(month), year=year, days=last
            ),
            field,
        ) from None


def date_from_text(typed: str, field: str = "date") -> date:
    """A date from what a user types: ISO ``2026-04-13`` or day first ``13-04-2026``, ``13.04.2026``,
    ``13/4/2026``, ``13-4-26`` (a two-digit year is 20xx); a year and month ``2026-04`` is its 1st.

    Never guesses: a text that matches neither form, or names a day that does not exist, is refused.
    """
    stripped = typed.strip()
    iso = _ISO_DATE.match(stripped)
    if iso:
        day = int(iso.group(4)) if iso.group(4) else 1
        return _date_from_parts(int(iso.group(1)), int(iso.group(3)), day, stripped, field)
    day_first = _DAY_FIRST_DATE.match(stripped)
    if day_first:
        year_text = day_first.group(4)
        year = 2000 + int(year_text) if len(year_text) == 2 else int(year_text)
        return _date_from_parts(year, int(day_first.group(3)), int(day_first.group(1)), stripped, field)
    raise ValidationError(_("{field} {value!r} is not a date; write it like 31-03-2026 or 2026-03-31.").format(
        field=_capital(field), value=typed), field)  # fmt: skip


def parse_date(value: Any, field: str = "date", *, optional: bool = False) -> date | None:
    """A date from a date object or text (see :func:`date_from_text`)."""
    if value is None or value == "" or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise ValidationError(_("{field} is missing; give a date like 31-03-2026.").format(field=_capital(field)),
                              field)  # fmt: skip
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date_from_text(value, field)
    raise ValidationError(_("{field} {value!r} is not a date; write it like 31-03-2026 or 2026-03-31.").format(
        field=_capital(field), value=value), field)  # fmt: skip


def parse_number(value: Any, field: str, *, optional: bool = False) -> float | None:
    """A finite number from a number or text; accepts a Danish decimal comma (``1.234,5``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise ValidationError(_("{field} is missing; give a number.").format(field=_capital(field)), field)
    if isinstance(value, bool):
        raise ValidationError(_("{field} must be a number, not {value!r}.").format(field=_capital(field), value=value),
                              field)  # fmt: skip
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        stripped = value.strip().replace("\u00a0", "").replace(" ", "")
        if _DANISH_NUMBER.match(stripped) and ("," in stripped or stripped.count(".") > 1):
            stripped = stripped.replace(".", "").replace(",", ".")
        elif _DANISH_EXPONENT.match(stripped):
            stripped = stripped.replace(",", ".")
        try:
            number = float(stripped)
        except ValueError:
            raise ValidationError(_("{field} {value!r} is not a number.").format(field=_capital(field), value=value),
                                  field) from None  # fmt: skip
    else:
        raise ValidationError(_("{field} must be a number, not {value!r}.").format(field=_capital(field), value=value),
                              field)  # fmt: skip
    if not math.isfinite(number):
        raise ValidationError(_("{field} must be a finite number, not {value!r}.").format(
            field=_capital(field), value=value), field)  # fmt: skip
    return number


def progress(value: Any, field: str = "progress") -> float | None:
    """An IHI progress score: 0.5 to 5.0 in steps of 0.5, or None."""
    number = parse_number(value, field, optional=True)
    if number is None:
        return None
    if number not in PROGRESS_SCALE:
        message = _("Progress score {score} is not on the IHI scale; use 0.5 to 5.0 in steps of 0.5.")
        raise ValidationError(message.format(score=f"{number:g}"), field)
    return number


def date_range(start: date | None, end: date | None) -> None:
    """Refuses an end date before the start date."""
    if start is not None and end is not None and end < start:
        raise ValidationError(_("The end date {end} is before the start date {start}.").format(
            end=format_date(end), start=format_date(start)), field="end")  # fmt: skip


def format_number(value: float) -> str:
    """A number as the language in use writes it (Danish ``2,5``), without thousands separators, so that it
    reads back as the same number."""
    written = f"{value:.15g}"
    return written.replace(".", ",") if language() == "da" else written


def format_date(value: date) -> str:
    """A date as the language in use writes it: Danish ``13-04-2026``, English ISO ``2026-04-13``."""
    return value.strftime("%d-%m-%Y") if language() == "da" else value.isoformat()


def local_time(moment: datetime) -> datetime:
    """A stored moment (UTC; naive means UTC) in this computer's time zone."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone()


def format_time(moment: datetime) -> str:
    """A stored moment in local time, as the language in use writes it (``13-04-2026 14:05``)."""
    local = local_time(moment)
    return f"{format_date(local.date())} {local:%H:%M}"
