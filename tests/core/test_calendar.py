"""Tests of the working-time calendar: national holidays, local overrides and appointment rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.core.calendar import (
    ERROR_CODES,
    LOCAL_DAY_OFF,
    OfficeHours,
    WorkingCalendar,
    national_year,
)
from counter_app.core.errors import ValidationError
from counter_app.core.model import DurationUnit

WD = DurationUnit.WORKING_DAYS
CAL = WorkingCalendar()
DAY = timedelta(hours=8)

received_moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31, 23, 59))
some_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
durations = st.floats(min_value=0.5, max_value=30, allow_nan=False, allow_infinity=False)
half_days = st.integers(min_value=1, max_value=60).map(lambda n: n / 2)
calendar_settings = settings(deadline=None, max_examples=150)


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm)


# Office hours -------------------------------------------------------------------------------------


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert (hours.opening, hours.closing) == (time(7, 0), time(17, 0))
    assert hours.day_length == DAY
    assert str(hours) == "07:00-11:30,13:30-17:00"


def test_office_hours_parse_round_trip() -> None:
    hours = OfficeHours.parse(" 07:30 - 11:30 , 13:00–16:30 ")
    assert hours.periods == ((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30)))
    assert hours.day_length == timedelta(hours=7, minutes=30)
    assert OfficeHours.parse(str(hours)) == hours


@pytest.mark.parametrize("text", ["", "7-11", "07:00-11:30;13:30-17:00", "25:00-26:00", "11:30-07:00"])
def test_office_hours_parse_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        OfficeHours.parse(text)
    assert (info.value.field, info.value.code) == ("office_hours", "office_hours.invalid")


@pytest.mark.parametrize(
    "periods",
    [
        (),
        ((time(11, 0), time(11, 0)),),
        ((time(13, 0), time(17, 0)), (time(7, 0), time(11, 0))),
        ((time(7, 0), time(12, 0)), (time(11, 0), time(17, 0))),
    ],
)
def test_office_hours_invalid_periods(periods: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(ValidationError, match="office_hours.invalid"):
        OfficeHours(periods)


# National calendar ---------------------------------------------------------------------------------


def test_tet_2026_is_off_and_pushes_the_appointment() -> None:
    for day in range(16, 21):
        assert not CAL.is_working_day(date(2026, 2, day))
    assert CAL.appointment_for(at(2026, 2, 13, 10), 1, WD) == at(2026, 2, 23, 10)


def test_reunification_and_labour_day_2026() -> None:
    assert not CAL.is_working_day(date(2026, 4, 30))
    assert not CAL.is_working_day(date(2026, 5, 1))
    assert CAL.appointment_for(at(2026, 4, 29, 10), 1, WD) == at(2026, 5, 4, 10)


def test_national_day_with_adjacent_day_and_make_up_saturday_2026() -> None:
    # 2 Sep (Wed) plus 1 Sep; 31 Aug is given in exchange for working Saturday 22 Aug.
    assert [CAL.is_working_day(date(2026, 8, d)) for d in (28, 31)] == [True, False]
    assert [CAL.is_working_day(date(2026, 9, d)) for d in (1, 2, 3)] == [False, False, True]
    assert CAL.appointment_for(at(2026, 8, 28, 10), 1, WD) == at(2026, 9, 3, 10)
    assert CAL.is_working_day(date(2026, 8, 22))
    assert CAL.make_up_days(2026) == [date(2026, 8, 22)]
    assert CAL.appointment_for(at(2026, 8, 21, 10), 1, WD) == at(2026, 8, 22, 10)


def test_hung_kings_day_observed_2026() -> None:
    off = dict(CAL.days_off(2026))
    assert not CAL.is_working_day(date(2026, 4, 27))
    assert "Giỗ Tổ Hùng Vương" in off[date(2026, 4, 27)]
    assert date(2026, 4, 26) not in off  # a Sunday: given back on the Monday instead


def test_days_off_are_sorted_weekdays_with_vietnamese_names() -> None:
    off = CAL.days_off(2026)
    assert off == sorted(off)
    assert all(day.weekday() < 5 and day.year == 2026 for day, _ in off)
    names = dict(off)
    assert names[date(2026, 1, 1)] == "Tết Dương lịch"
    assert "Tết Nguyên Đán" in names[date(2026, 2, 17)]


def test_national_year_is_built_once_per_year() -> None:
    assert national_year(2026) is national_year(2026)


# Local overrides -----------------------------------------------------------------------------------


def test_local_day_off_with_default_and_given_names() -> None:
    cal = WorkingCalendar(days_off=[date(2026, 3, 10), (date(2026, 3, 11), "Bầu cử")])
    assert not cal.is_working_day(date(2026, 3, 10))
    names = dict(cal.days_off(2026))
    assert names[date(2026, 3, 10)] == LOCAL_DAY_OFF
    assert names[date(2026, 3, 11)] == "Bầu cử"
    assert cal.appointment_for(at(2026, 3, 9, 10), 1, WD) == at(2026, 3, 12, 10)


def test_local_working_day_wins_over_holiday_and_local_day_off() -> None:
    cal = WorkingCalendar(
        days_off=[date(2026, 3, 10), date(2026, 3, 15)],
        working_days=[date(2026, 2, 17), date(2026, 3, 10), date(2026, 3, 15)],
    )
    assert cal.is_working_day(date(2026, 2, 17))
    assert cal.is_working_day(date(2026, 3, 10))
    assert date(2026, 2, 17) not in dict(cal.days_off(2026))
    assert cal.make_up_days(2026) == [date(2026, 3, 15), date(2026, 8, 22)]


def test_without_national_holidays_only_weekends_are_off() -> None:
    cal = WorkingCalendar(use_national_holidays=False)
    assert cal.is_working_day(date(2026, 2, 17))
    assert not cal.is_working_day(date(2026, 8, 22))
    assert cal.days_off(2026) == []
    assert cal.make_up_days(2026) == []


def test_a_calendar_without_working_days_fails_with_a_code() -> None:
    start = date(2030, 1, 1)
    cal = WorkingCalendar(
        days_off=[start + timedelta(days=i) for i in range(4000)], use_national_holidays=False
    )
    with pytest.raises(ValidationError, match="calendar.no_working_day"):
        cal.next_opening(datetime(2030, 1, 1, 8))


# Working-day appointments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "duration", "expected"),
    [
        (at(2026, 3, 2, 9), 1, at(2026, 3, 3, 9)),  # Monday 09:00 → Tuesday 09:00
        (at(2026, 3, 6, 16), 1, at(2026, 3, 9, 16)),  # Friday 16:00 → Monday 16:00
        (at(2026, 3, 7, 10), 1, at(2026, 3, 9, 17)),  # Saturday → Monday 07:00 + 8 h
        (at(2026, 3, 8, 10), 1, at(2026, 3, 9, 17)),  # Sunday
        (at(2026, 3, 2, 17, 30), 1, at(2026, 3, 3, 17)),  # after closing
        (at(2026, 3, 2, 17), 1, at(2026, 3, 3, 17)),  # exactly at closing
        (at(2026, 3, 2, 6), 1, at(2026, 3, 2, 17)),  # before opening: lands on 17:00 and stays
        (at(2026, 3, 2, 12), 0.5, at(2026, 3, 3, 7, 30)),  # lunch counts from 13:30
        (at(2026, 3, 2, 9), 0.5, at(2026, 3, 2, 15)),  # 2 h 30 before lunch, 1 h 30 after
        (at(2026, 3, 2, 7), 0.5625, at(2026, 3, 2, 11, 30)),  # 4 h 30 lands on the lunch break
        (at(2026, 3, 2, 9), 5, at(2026, 3, 9, 9)),
    ],
)
def test_working_day_appointments(received: datetime, duration: float, expected: datetime) -> None:
    assert CAL.appointment_for(received, duration, WD) == expected


def test_zero_working_days_is_the_effective_receipt() -> None:
    assert CAL.appointment_for(at(2026, 3, 2, 9), 0, WD) == at(2026, 3, 2, 9)
    assert CAL.appointment_for(at(2026, 3, 7, 9), 0, WD) == at(2026, 3, 9, 7)


def test_hours_are_working_hours() -> None:
    assert CAL.appointment_for(at(2026, 3, 6, 16), 2, DurationUnit.HOURS) == at(2026, 3, 9, 8)
    assert CAL.appointment_for(at(2026, 3, 2, 7), 4.5, DurationUnit.HOURS) == at(2026, 3, 2, 11, 30)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (at(2026, 3, 2, 10), 3, at(2026, 3, 5, 10)),
        (at(2026, 3, 2, 10), 5, at(2026, 3, 9, 10)),  # lands on Saturday → Monday, same clock
        (at(2026, 2, 13, 10), 3, at(2026, 2, 23, 10)),  # lands in Tết
        (at(2026, 3, 2, 18), 1, at(2026, 3, 3, 17)),  # after closing → closing of that day
        (at(2026, 3, 2, 12), 1, at(2026, 3, 3, 17)),  # lunch break → closing of that day
        (at(2026, 3, 2, 11, 30), 1, at(2026, 3, 3, 11, 30)),  # a period end stays
    ],
)
def test_calendar_day_appointments(received: datetime, days: float, expected: datetime) -> None:
    assert CAL.appointment_for(received, days, DurationUnit.DAYS) == expected


@pytest.mark.parametrize(
    ("received", "duration", "expected"),
    [
        (at(2026, 3, 2, 14, 59), 0, at(2026, 3, 2, 17)),
        (at(2026, 3, 2, 15, 0), 0, at(2026, 3, 2, 17)),
        (at(2026, 3, 2, 15, 1), 0, at(2026, 3, 3, 17)),
        (at(2026, 3, 2, 14, 59), 1, at(2026, 3, 2, 17)),
        (at(2026, 3, 2, 15, 1), 1, at(2026, 3, 3, 17)),
        (at(2026, 3, 2, 14, 59), 2, at(2026, 3, 3, 17)),
        (at(2026, 3, 2, 6, 30), 1, at(2026, 3, 2, 17)),  # before opening
        (at(2026, 3, 6, 15, 1), 1, at(2026, 3, 9, 17)),  # Friday after cut-off → Monday
        (at(2026, 3, 8, 9), 1, at(2026, 3, 9, 17)),  # Sunday
        (at(2026, 2, 13, 15, 30), 1, at(2026, 2, 23, 17)),  # before Tết
    ],
)
def test_same_day_cutoff(received: datetime, duration: float, expected: datetime) -> None:
    assert CAL.appointment_for(received, duration, WD, cutoff=time(15, 0)) == expected


def test_cutoff_with_hours_moves_the_start_to_the_next_opening() -> None:
    assert CAL.appointment_for(at(2026, 3, 2, 14), 2, DurationUnit.HOURS, time(15)) == at(2026, 3, 2, 16)
    assert CAL.appointment_for(at(2026, 3, 2, 15, 30), 2, DurationUnit.HOURS, time(15)) == at(2026, 3, 3, 9)


def test_cutoff_after_closing_still_needs_the_office_open() -> None:
    assert CAL.appointment_for(at(2026, 3, 2, 17, 30), 0, WD, cutoff=time(18)) == at(2026, 3, 3, 17)


@pytest.mark.parametrize("duration", [-1, float("nan"), float("inf"), 10_000])
def test_invalid_durations(duration: float) -> None:
    with pytest.raises(ValidationError) as info:
        CAL.appointment_for(at(2026, 3, 2, 9), duration, WD)
    assert (info.value.field, info.value.code) == ("duration", "duration.invalid")


def test_aware_datetimes_are_converted_to_vietnam_time() -> None:
    received = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 09:00 in Vietnam
    due = CAL.appointment_for(received, 1, WD)
    assert due == at(2026, 3, 3, 9) and due.tzinfo is None
    assert CAL.next_opening(datetime(2026, 3, 2, 11, 0, tzinfo=UTC)) == at(2026, 3, 3, 7)


def test_next_opening() -> None:
    assert CAL.next_opening(at(2026, 3, 2, 9)) == at(2026, 3, 2, 9)
    assert CAL.next_opening(at(2026, 3, 2, 11, 30)) == at(2026, 3, 2, 13, 30)
    assert CAL.next_opening(at(2026, 3, 6, 17)) == at(2026, 3, 9, 7)


def test_working_time_between() -> None:
    assert CAL.working_time_between(at(2026, 3, 6, 16), at(2026, 3, 9, 9)) == timedelta(hours=3)
    assert CAL.working_time_between(at(2026, 3, 9, 9), at(2026, 3, 6, 16)) == -timedelta(hours=3)
    assert CAL.working_time_between(at(2026, 2, 16, 7), at(2026, 2, 20, 17)) == timedelta(0)


def test_add_working_days_examples() -> None:
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert CAL.add_working_days(date(2026, 2, 23), -1) == date(2026, 2, 13)
    assert CAL.add_working_days(date(2026, 3, 8), 0) == date(2026, 3, 9)
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1


# Properties ---------------------------------------------------------------------------------------


@calendar_settings
@given(received=received_moments, duration=durations)
def test_appointment_is_office_time_and_spends_exactly_the_duration(
    received: datetime, duration: float
) -> None:
    due = CAL.appointment_for(received, duration, WD)
    assert CAL.is_working_day(due.date())
    assert CAL.is_office_time(due, include_end=True)
    assert due > received
    assert CAL.working_time_between(CAL.next_opening(received), due) == DAY * duration
    assert CAL.working_time_between(received, due) == DAY * duration


@calendar_settings
@given(received=received_moments, first=half_days, second=half_days)
def test_appointment_is_monotonic_in_the_duration(received: datetime, first: float, second: float) -> None:
    shorter, longer = sorted((first, second))
    assert CAL.appointment_for(received, shorter, WD) <= CAL.appointment_for(received, longer, WD)


@calendar_settings
@given(start=received_moments, first=half_days, second=half_days)
def test_working_time_adds_up(start: datetime, first: float, second: float) -> None:
    a, b = DAY * first, DAY * second
    assert CAL.add_working_time(CAL.add_working_time(start, a), b) == CAL.add_working_time(start, a + b)


@calendar_settings
@given(moment=received_moments)
def test_next_opening_is_open_and_adds_no_office_time(moment: datetime) -> None:
    opening = CAL.next_opening(moment)
    assert opening >= moment
    assert CAL.is_office_time(opening)
    assert CAL.next_opening(opening) == opening
    assert CAL.working_time_between(moment, opening) == timedelta(0)


@calendar_settings
@given(day=some_days, n=st.integers(min_value=1, max_value=40))
def test_add_working_days_round_trip(day: date, n: int) -> None:
    later = CAL.add_working_days(day, n)
    assert CAL.is_working_day(later)
    assert CAL.working_days_between(day, later) == n
    if CAL.is_working_day(day):
        assert CAL.add_working_days(later, -n) == day


@calendar_settings
@given(received=received_moments, duration=st.integers(min_value=0, max_value=10))
def test_cutoff_appointment_is_a_closing_time(received: datetime, duration: int) -> None:
    due = CAL.appointment_for(received, duration, WD, cutoff=time(15))
    assert due.time() == time(17) and CAL.is_working_day(due.date())
    assert due > received
    assert CAL.working_days_between(received.date(), due.date()) in (max(duration, 1) - 1, max(duration, 1))


@calendar_settings
@given(day=some_days)
def test_overrides_take_effect(day: date) -> None:
    assert not WorkingCalendar(days_off=[day]).is_working_day(day)
    assert WorkingCalendar(working_days=[day]).is_working_day(day)
    assert WorkingCalendar(days_off=[day], working_days=[day]).is_working_day(day)
    off = WorkingCalendar(days_off=[day])
    assert (day in dict(off.days_off(day.year))) == (day.weekday() < 5)


def test_error_codes_are_listed() -> None:
    assert set(ERROR_CODES) == {"office_hours.invalid", "duration.invalid", "calendar.no_working_day"}
