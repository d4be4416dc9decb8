"""A notice day the server publishes (`set-day --document`) comes down to every counter, under its own overrides."""

from __future__ import annotations

from datetime import date, datetime

from sync_support import AGENCY, Counters

from counter_app.core.day_notices import NoticeDay
from counter_app.core.model import DurationUnit
from counter_app.server.admin import set_day
from counter_app.server.process import ServerProcess
from counter_app.sync.engine import SyncEngine

WD = DurationUnit.WORKING_DAYS
NEW_YEAR_EVE = datetime(2026, 12, 31, 16, 0)


def test_a_published_notice_day_is_pulled_kept_under_the_counters_override_and_removed(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = counters.new(1, server.url)
    assert one.calendar().appointment_for(NEW_YEAR_EVE, 1, WD) == datetime(2027, 1, 4, 16)
    assert one.calendar().is_provisional(date(2027, 1, 4))
    set_day(
        admin, AGENCY, date(2027, 1, 4), "off", "Nghỉ bù Tết Dương lịch", "1234/VPCP-KGVX", date(2026, 12, 20)
    )
    set_day(admin, AGENCY, date(2027, 1, 9), "work", "Làm bù", "1234/VPCP-KGVX", date(2026, 12, 20))
    engine = SyncEngine(one)
    report = engine.cycle()
    assert report.ok and report.pull.calendar_days == 2
    assert one.notice_days() == [
        NoticeDay(date(2027, 1, 4), "off", "Nghỉ bù Tết Dương lịch", "1234/VPCP-KGVX", date(2026, 12, 20)),
        NoticeDay(date(2027, 1, 9), "work", "Làm bù", "1234/VPCP-KGVX", date(2026, 12, 20)),
    ]
    assert one.overrides() == []  # a notice day is not the counter's own override
    calendar = one.calendar()
    assert calendar.appointment_for(NEW_YEAR_EVE, 1, WD) == datetime(2027, 1, 5, 16)
    assert calendar.is_working_day(date(2027, 1, 9)) and not calendar.is_provisional(date(2027, 6, 1))

    one.set_override(date(2027, 1, 4), "work", "Trực Tết")  # the centre's own decision still wins
    assert one.calendar().appointment_for(NEW_YEAR_EVE, 1, WD) == datetime(2027, 1, 4, 16)
    one.remove_override(date(2027, 1, 4))

    set_day(admin, AGENCY, date(2027, 1, 4), None, document="1234/VPCP-KGVX")
    assert engine.cycle().pull.calendar_days == 1
    assert [d.day for d in one.notice_days()] == [date(2027, 1, 9)]
    assert one.calendar().appointment_for(NEW_YEAR_EVE, 1, WD) == datetime(2027, 1, 4, 16)
    assert engine.cycle().pull.items == 0  # the cursor was saved with the batch
    engine.close()


def test_a_published_correction_replaces_a_shipped_notice_day_on_the_counter(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = counters.new(1, server.url)
    before = datetime(2025, 12, 31, 16, 0)
    assert one.calendar().appointment_for(before, 1, WD) == datetime(
        2026, 1, 5, 16
    )  # shipped 12729/VPCP-KGVX
    set_day(admin, AGENCY, date(2026, 1, 2), "work", "Đính chính", "5/TB-THU", date(2025, 12, 30))
    engine = SyncEngine(one)
    assert engine.cycle().pull.calendar_days == 1
    assert one.calendar().appointment_for(before, 1, WD) == datetime(2026, 1, 2, 16)
    engine.close()
