"""The government's day-off notices: the shipped 2025–2026 notices, named in each test, their place between the
`holidays` package and the centre's overrides, 24/11, provisional years, and the notices file's validation."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from counter_app.core import day_notices
from counter_app.core.calendar import WorkingCalendar, national_year
from counter_app.core.day_notices import (
    NO_NOTICES,
    NotAHoliday,
    NoticeDay,
    parse_day_notices,
)
from counter_app.core.errors import ValidationError
from counter_app.core.model import DurationUnit
from counter_app.messages import MESSAGES, describe
from counter_app.storage.day_notices import load_day_notices, shipped_notices_path

WD = DurationUnit.WORKING_DAYS
NOTICES = load_day_notices()
CAL = WorkingCalendar(notices=NOTICES)
PACKAGE_ONLY = WorkingCalendar()


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm)


def days(year: int, month: int, *numbers: int) -> list[date]:
    return [date(year, month, n) for n in numbers]


# Official Letter 12729/VPCP-KGVX (25/12/2025): Friday 2/1/2026 off, Saturday 10/1/2026 worked -----------------


def test_12729_vpcp_kgvx_friday_2_jan_2026_is_off() -> None:
    # Wednesday 31/12/2025 16:00 + 1 working day: 1 hour on the 31st, Thursday 1/1 (New Year) and Friday 2/1
    # (swapped) are off, the weekend too, so the remaining 7 hours run on Monday 5/1 until 16:00.
    assert CAL.appointment_for(at(2025, 12, 31, 16), 1, WD) == at(2026, 1, 5, 16)
    assert not CAL.is_working_day(date(2026, 1, 2))
    notice = CAL.notice_for(date(2026, 1, 2))
    assert notice is not None and notice.document == "12729/VPCP-KGVX"
    assert notice.document_date == date(2025, 12, 25) and notice.kind == "off"
    # the package alone lacks the swap: this is the appointment the counter used to give
    assert PACKAGE_ONLY.appointment_for(at(2025, 12, 31, 16), 1, WD) == at(2026, 1, 2, 16)


def test_12729_vpcp_kgvx_saturday_10_jan_2026_is_a_working_day() -> None:
    assert CAL.is_working_day(date(2026, 1, 10)) and not PACKAGE_ONLY.is_working_day(date(2026, 1, 10))
    assert date(2026, 1, 10) in CAL.make_up_days(2026)
    # Friday 9/1 16:00 + 1 working day ends on the make-up Saturday at 16:00, not on Monday 12/1
    assert CAL.appointment_for(at(2026, 1, 9, 16), 1, WD) == at(2026, 1, 10, 16)
    assert CAL.add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)


# Notice 9441/TB-BNV (16/10/2025): Tết Bính Ngọ 2026 and National Day 2026 ----------------------------------------


def test_9441_tb_bnv_tet_2026_five_days_and_national_day_swap() -> None:
    assert not any(CAL.is_working_day(d) for d in days(2026, 2, 16, 17, 18, 19, 20))
    assert CAL.is_working_day(date(2026, 2, 23))
    assert not any(CAL.is_working_day(d) for d in (date(2026, 8, 31), *days(2026, 9, 1, 2)))
    assert CAL.is_working_day(date(2026, 8, 22)) and CAL.is_working_day(date(2026, 9, 3))
    assert {CAL.notice_for(d).document for d in (date(2026, 2, 16), date(2026, 8, 22))} == {"9441/TB-BNV"}  # type: ignore[union-attr]
    # Friday 28/8 10:00 + 1 working day: the holiday runs from Saturday 29/8 to Wednesday 2/9
    assert CAL.appointment_for(at(2026, 8, 28, 10), 1, WD) == at(2026, 9, 3, 10)


# Notice 6150/TB-BLĐTBXH (03/12/2024): Tết Ất Tỵ, 30/4–1/5 and National Day 2025 --------------------------------


def test_6150_tb_bldtbxh_2025_tet_reunification_swap_and_national_day() -> None:
    assert not any(CAL.is_working_day(d) for d in days(2025, 1, 27, 28, 29, 30, 31))
    assert not any(CAL.is_working_day(d) for d in (*days(2025, 4, 30), *days(2025, 5, 1, 2)))
    assert CAL.is_working_day(date(2025, 4, 26))  # the Saturday worked for Friday 2/5
    assert not any(CAL.is_working_day(d) for d in days(2025, 9, 1, 2))
    assert CAL.notice_for(date(2025, 5, 2)).document == "6150/TB-BLĐTBXH"  # type: ignore[union-attr]
    # Tuesday 29/4 16:00 + 1 working day: 30/4 to Sunday 4/5 off, so Monday 5/5 at 16:00
    assert CAL.appointment_for(at(2025, 4, 29, 16), 1, WD) == at(2025, 5, 5, 16)


def test_the_notices_change_2025_and_2026_only_where_the_package_lacks_them() -> None:
    """Every day of 2025–2026 the shipped data decides differently from the `holidays` package, and why."""
    differ = {}
    day = date(2025, 1, 1)
    while day.year <= 2026:
        if CAL.is_working_day(day) != PACKAGE_ONLY.is_working_day(day):
            differ[day] = CAL.is_working_day(day)
        day += timedelta(days=1)
    assert differ == {
        date(2026, 1, 2): False,  # 12729/VPCP-KGVX: the swapped Friday
        date(2026, 1, 10): True,  # 12729/VPCP-KGVX: its make-up Saturday
        date(2026, 11, 24): True,  # Vietnam Culture Day: no law in force makes it a day off
    }


# 24/11, Vietnam Culture Day: listed by the package, not a day off by any law in force --------------------------


def test_vietnam_culture_day_24_nov_is_a_working_day_with_its_reason() -> None:
    assert (
        "Ngày Văn hóa Việt Nam" in national_year(2026).holidays[date(2026, 11, 24)]
    )  # what the package says
    assert CAL.is_working_day(date(2026, 11, 24))
    assert date(2026, 11, 24) not in dict(CAL.days_off(2026))
    assert CAL.appointment_for(at(2026, 11, 23, 16), 1, WD) == at(2026, 11, 24, 16)
    [(day, name, reason)] = CAL.left_out(2026)
    assert (day, name) == (date(2026, 11, 24), "Ngày Văn hóa Việt Nam")
    assert "80-NQ/TW" in reason and "Điều 112" in reason
    # 24/11/2029 is a Saturday: the package's Monday "(nghỉ bù)" goes too
    assert CAL.is_working_day(date(2029, 11, 26)) and not PACKAGE_ONLY.is_working_day(date(2029, 11, 26))
    assert [n for _, n, _ in CAL.left_out(2029)] == [
        "Ngày Văn hóa Việt Nam",
        "Ngày Văn hóa Việt Nam (nghỉ bù)",
    ]


def test_a_rule_leaves_out_only_its_part_of_a_joined_name() -> None:
    rule = NotAHoliday("Quốc khánh", 9, 2, "thử")
    kept = national_year(2026, (rule,))
    assert date(2026, 9, 2) not in kept.holidays and date(2026, 4, 30) in kept.holidays
    assert national_year(2026, (rule,)) is kept  # built once per year and rules


# Layers: the centre's overrides win over the notices, recorded days over the shipped ones ------------------------


def test_the_centres_overrides_still_win_over_a_notice() -> None:
    local = WorkingCalendar(days_off=[date(2026, 1, 10)], working_days=[date(2026, 1, 2)], notices=NOTICES)
    assert not local.is_working_day(date(2026, 1, 10)) and local.is_working_day(date(2026, 1, 2))
    assert date(2026, 1, 10) not in local.make_up_days(2026)


def test_a_recorded_notice_day_replaces_the_shipped_one_for_its_date() -> None:
    corrected = NOTICES.with_days(
        [NoticeDay(date(2026, 1, 2), "work", "Đính chính", "1/TB-THU", date(2025, 12, 30))]
    )
    cal = WorkingCalendar(notices=corrected)
    assert cal.is_working_day(date(2026, 1, 2)) and not CAL.is_working_day(date(2026, 1, 2))
    assert cal.notice_for(date(2026, 1, 2)).reference == "1/TB-THU ngày 30/12/2025"  # type: ignore[union-attr]
    assert NOTICES.days[date(2026, 1, 2)].kind == "off"  # the shipped notices themselves are untouched


def test_without_the_national_calendar_notices_do_not_apply() -> None:
    cal = WorkingCalendar(notices=NOTICES, use_national_holidays=False)
    assert cal.is_working_day(date(2026, 1, 2)) and not cal.is_working_day(date(2026, 1, 10))
    assert cal.notice_for(date(2026, 1, 2)) is None and not cal.is_provisional(date(2030, 1, 1))


# Provisional years ---------------------------------------------------------------------------------------------


def test_years_after_the_last_official_notice_are_provisional() -> None:
    assert NOTICES.decided_through == 2026 and NOTICES.first_provisional_year == 2027
    assert not CAL.is_provisional(date(2026, 12, 31))
    assert CAL.is_provisional(date(2027, 1, 1)) and CAL.is_provisional(datetime(2030, 5, 2, 9))  # type: ignore[arg-type]


def test_a_recorded_official_notice_decides_its_year_and_one_without_a_number_does_not() -> None:
    unnumbered = NOTICES.with_days([NoticeDay(date(2027, 1, 4), "off", "Nghe trên đài")])
    assert unnumbered.is_provisional(date(2027, 6, 1))
    numbered = NOTICES.with_days(
        [NoticeDay(date(2027, 1, 4), "off", "Nghỉ bù", "1/VPCP-KGVX", date(2026, 12, 1))]
    )
    assert not numbered.is_provisional(date(2027, 6, 1)) and numbered.is_provisional(date(2028, 1, 1))


def test_without_any_notice_nothing_is_called_provisional() -> None:
    assert NO_NOTICES.decided_through is None and not PACKAGE_ONLY.is_provisional(date(2030, 1, 1))


# The shipped file and its validation ----------------------------------------------------------------------------


def test_every_shipped_notice_has_its_number_date_issuer_title_source_and_days() -> None:
    assert shipped_notices_path().name == "days_off.json"
    assert {n.document for n in NOTICES.notices} == {"6150/TB-BLĐTBXH", "9441/TB-BNV", "12729/VPCP-KGVX"}
    for notice in NOTICES.notices:
        assert notice.document and notice.issuer and notice.title and notice.source.startswith("https://")
        assert notice.days and all(d.document == notice.document for d in notice.days)
        assert all(d.document_date == notice.document_date and d.name for d in notice.days)
        assert all(d.day.weekday() >= 5 for d in notice.days if d.kind == "work")
        assert all(d.day.weekday() < 5 for d in notice.days if d.kind == "off")


def _file(**changes: object) -> dict[str, object]:
    obj = json.loads(shipped_notices_path().read_text(encoding="utf-8"))
    obj.update(changes)
    return obj


@pytest.mark.parametrize(
    "broken",
    [
        None,
        [],
        {"format": "other", "version": 1},
        {"format": day_notices.FORMAT, "version": 2},
        {"format": day_notices.FORMAT, "version": 1, "notices": {}},
        {"format": day_notices.FORMAT, "version": 1, "notices": [{"document": "1/TB", "date": "2026-01-01"}]},
        {
            "format": day_notices.FORMAT,
            "version": 1,
            "notices": [
                {
                    "document": "",
                    "date": "2026-01-01",
                    "issuer": "x",
                    "title": "x",
                    "source": "x",
                    "days_off": [{"day": "2026-01-02", "name": "x"}],
                }
            ],
        },
        {"format": day_notices.FORMAT, "version": 1, "not_holidays": [{"name": "x", "month": 2, "day": 30}]},
        {
            "format": day_notices.FORMAT,
            "version": 1,
            "not_holidays": [{"name": "x", "month": True, "day": 1}],
        },
    ],
)
def test_a_broken_notices_file_is_refused_with_a_code(broken: object) -> None:
    with pytest.raises(ValidationError) as info:
        parse_day_notices(broken)
    assert (info.value.field, info.value.code) == ("days_off", "day_notices.invalid")


def test_two_notices_deciding_one_date_differently_are_refused() -> None:
    obj = _file()
    notices = obj["notices"]
    assert isinstance(notices, list)
    notices[2]["working_days"].append({"day": "2026-01-02", "name": "mâu thuẫn"})
    with pytest.raises(ValidationError, match="day_notices.invalid"):
        parse_day_notices(obj)
    notices[2]["working_days"].pop()
    notices[0]["days_off"][0]["day"] = "2025-13-01"
    with pytest.raises(ValidationError, match="day_notices.invalid"):
        parse_day_notices(obj)


def test_a_broken_shipped_file_says_so_in_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "days_off.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_day_notices(path)
    assert describe(info.value).startswith("Tệp thông báo ngày nghỉ đi kèm ứng dụng bị hỏng")
    assert "reinstall" in describe(info.value, "en")


def test_a_notice_day_is_off_or_work() -> None:
    with pytest.raises(ValidationError, match="calendar.kind"):
        NoticeDay(date(2026, 1, 2), "holiday", "x")


def test_every_day_notices_error_code_has_both_sentences() -> None:
    for code in day_notices.ERROR_CODES:
        vi, en = MESSAGES[code]
        assert vi and en and vi != en
