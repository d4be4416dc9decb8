"""Dates typed day/month/year: the ways officers write them, a wrong shape, and a day that does not exist."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.core.errors import ValidationError
from counter_app.core.validation import parse_typed_date
from counter_app.messages import describe


@pytest.mark.parametrize(
    "typed",
    ["05/09/1990", "5/9/1990", "05-09-1990", "05.09.1990", "05091990", " 05/09/1990 ", "05 / 09 / 1990"],
)
def test_the_usual_ways_of_writing_a_day(typed: str) -> None:
    assert parse_typed_date(typed, "birth_date") == date(1990, 9, 5)


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_nothing_typed_is_no_date(typed: str | None) -> None:
    assert parse_typed_date(typed, "birth_date") is None


def test_29_february_of_a_leap_year_exists() -> None:
    assert parse_typed_date("29/02/1996", "birth_date") == date(1996, 2, 29)


@pytest.mark.parametrize(
    "typed", ["1995-02-28", "05/09/90", "5 tháng 9 1990", "05/09-1990", "0509199", "abc"]
)
def test_another_shape_is_a_format_error(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_typed_date(typed, "birth_date")
    assert (info.value.field, info.value.code) == ("birth_date", "date.format")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("31/02/1995", "31/02/1995"),
        ("31021995", "31/02/1995"),
        ("29/02/1995", "29/02/1995"),  # not a leap year
        ("31/4/2001", "31/04/2001"),
        ("12/13/1990", "12/13/1990"),
        ("00/01/1990", "00/01/1990"),
    ],
)
def test_a_day_that_does_not_exist_is_said_to_be_impossible(typed: str, shown: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_typed_date(typed, "applicant.birth_date")
    assert info.value.code == "date.impossible"
    assert describe(info.value, "vi") == f"Ngày {shown} không có thật."
    assert describe(info.value, "en") == f"{shown} is not a real date."
