"""Dates, money and durations, the Vietnamese way in Vietnamese and English style in English."""

from __future__ import annotations

from datetime import date, datetime, time

from counter_app.core.model import DurationUnit, Procedure
from counter_app.gui.formats import (
    format_appointment,
    format_date,
    format_datetime,
    format_duration,
    format_money,
)


def test_dates_and_times(qapp) -> None:
    moment = datetime(2026, 3, 6, 14, 5)
    assert format_date(moment.date(), "vi") == "06/03/2026"
    assert format_date(moment.date(), "en") == "6 Mar 2026"
    assert format_datetime(moment, "vi") == "14:05 06/03/2026"
    assert format_datetime(moment, "en") == "6 Mar 2026, 14:05"
    assert format_appointment(moment, "vi") == "14:05, thứ sáu 06/03/2026"
    assert format_date(None, "vi") == "" and format_date(date(2026, 12, 31), "vi") == "31/12/2026"


def test_money(qapp) -> None:
    assert format_money(8000, "vi") == "8.000 đ"
    assert format_money(1_250_000, "vi") == "1.250.000 đ"
    assert format_money(8000, "en") == "8,000 VND"
    assert format_money(0, "vi") == "Miễn phí"


def test_durations(qapp) -> None:
    def p(duration: float, unit: DurationUnit, cutoff: time | None = None) -> Procedure:
        return Procedure("1.000001", "x", "y", duration=duration, duration_unit=unit, same_day_cutoff=cutoff)

    assert format_duration(p(3, DurationUnit.WORKING_DAYS)) == "3 ngày làm việc"
    assert format_duration(p(1, DurationUnit.WORKING_DAYS, time(15))) == "Trong ngày (trước 15:00)"
    assert format_duration(p(8, DurationUnit.HOURS)) == "8 giờ làm việc"
    assert format_duration(p(30, DurationUnit.DAYS)) == "30 ngày"
    assert format_duration(p(0.5, DurationUnit.WORKING_DAYS)) == "0.5 ngày làm việc"
