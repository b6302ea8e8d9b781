"""Dates and numbers as users type them: every accepted form gives the date meant, an impossible date is
refused with the reason, and the messages exist in Danish."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register import i18n, validation
from register.errors import ValidationError


@pytest.mark.parametrize("typed", ["13-04-2026", "13.04.2026", "13/4/2026", "13-4-26", "2026-04-13", " 13-04-2026 ",
                                   "13/04/2026", "2026/04/13", "13.4.2026"])  # fmt: skip
def test_every_form_a_danish_user_types_gives_the_date_meant(typed: str) -> None:
    assert validation.parse_date(typed) == date(2026, 4, 13)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("31-02-2026", "February 2026 has 28 days"), ("29-02-2025", "February 2025 has 28 days"),
     ("31-04-2026", "April 2026 has 30 days"), ("2026-13-01", "there is no month 13"),
     ("13-04", "write it like"), ("13-04-2026x", "write it like"), ("13-04/2026", "write it like"),
     ("12026-04-13", "write it like"), ("april", "write it like")],
)  # fmt: skip
def test_an_impossible_or_unreadable_date_is_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason) as caught:
        validation.parse_date(typed, "start date")
    assert caught.value.field == "start date"


def test_the_days_of_every_month_the_reason_names_are_the_calendars() -> None:
    import calendar

    for year in (1900, 2000, 2024, 2025, 2026, 2100, 9999):
        for month in range(1, 13):
            assert validation._days_in_month(year, month) == calendar.monthrange(year, month)[1]
    with pytest.raises(ValidationError, match="December 2026 has 31 days"):
        validation.parse_date("32-12-2026")


def test_a_leap_day_and_a_year_and_month() -> None:
    assert validation.parse_date("29-02-2028") == date(2028, 2, 29)
    assert validation.parse_date("2026-03") == date(2026, 3, 1)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_any_date_reads_back_from_every_form(day: date) -> None:
    forms = [day.isoformat(), day.strftime("%d-%m-%Y"), day.strftime("%d.%m.%Y"), f"{day.day}/{day.month}/{day.year}"]
    if 2000 <= day.year <= 2099:
        forms.append(f"{day.day}-{day.month}-{day.year % 100:02d}")
    for form in forms:
        assert validation.parse_date(form) == day, form


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)), st.sampled_from(["da", "en"]))
def test_a_shown_date_reads_back_as_the_same_date(day: date, language: str) -> None:
    try:
        i18n.set_language(language)
        assert validation.parse_date(validation.format_date(day)) == day
    finally:
        i18n.set_language("en")


def test_dates_and_numbers_are_shown_the_danish_way(danish) -> None:
    assert validation.format_date(date(2026, 4, 13)) == "13-04-2026"
    assert validation.format_number(2.5) == "2,5"
    assert validation.format_number(1234567.25) == "1234567,25"
    assert validation.parse_number(validation.format_number(1234567.25), "value") == 1234567.25
    assert validation.format_time(datetime(2026, 4, 13, 12, 5)).startswith("13-04-2026 ")


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_shown_number_reads_back_as_the_same_number(number: float) -> None:
    try:
        i18n.set_language("da")
        assert validation.parse_number(validation.format_number(number), "value") == pytest.approx(number, rel=1e-14)
    finally:
        i18n.set_language("en")


def test_messages_are_danish_in_danish(danish) -> None:
    with pytest.raises(ValidationError) as caught:
        validation.parse_date("31-02-2026", "end date")
    assert str(caught.value) == "Slutdato '31-02-2026' er ikke en dato: februar 2026 har 28 dage."
    with pytest.raises(ValidationError) as caught:
        validation.parse_number("ukendt", "value")
    assert str(caught.value) == "Værdi 'ukendt' er ikke et tal."
    with pytest.raises(ValidationError) as caught:
        validation.title("  ")
    assert str(caught.value) == "Titel må ikke være tom."
    with pytest.raises(ValidationError) as caught:
        validation.progress("7")
    assert str(caught.value) == "Fremdriftsscore 7 er ikke på IHI-skalaen; brug 0,5 til 5,0 i trin på 0,5."


def test_service_messages_in_danish(sqlite_service, danish) -> None:
    import re

    from register.errors import ConflictError

    service = sqlite_service
    with pytest.raises(ValidationError) as caught:
        service.add_node("primary", "Forventninger")
    assert str(caught.value) == "Typen primær driver skal ligge under: mål."
    goal = service.add_node("goal", "Færre ambulante besøg")
    service.update_node(goal.id, title="Færre besøg", expected_version=goal.version)
    with pytest.raises(ConflictError) as caught:
        service.update_node(goal.id, title="Andet", expected_version=goal.version)
    message = str(caught.value)
    assert message.startswith("'Færre besøg' blev ændret af tester ")
    assert re.search(r" \d\d-\d\d-\d{4} \d\d:\d\d, efter du åbnede det\. Genindlæs", message), message
    with pytest.raises(ValidationError) as caught:
        service.update_node(goal.id, start="2026-01-01", expected_version=service.get_node(goal.id).version)
    assert str(caught.value) == "Kun projekter har startdato; typen mål har ikke."
