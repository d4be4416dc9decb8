"""The national on-time indicator (Decision 766/QĐ-TTg) on constructed periods, each figure worked out by hand.

The indicator = dossiers processed or being processed on time ÷ every dossier received and processed in the period
(received in it, or carried over still being processed). A dossier ends with its result, a withdrawal request or a
stop; supplement waits are left out of its time; one still open is judged at the end of the period (or at `now`
when that comes first); one waiting for papers after a second request is late.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime

from counter_app.core.intake import advance, full_set, new_dossier, receive
from counter_app.core.model import Component, Dossier, Person, Procedure, Status
from counter_app.core.report import build_report, indicator_verdict, processing_end, seen_before
from counter_app.core.statuses import Timeliness, timeliness

S = Status
P = S.PROCESSING
AGENCY = "000.00.06.H56"
UNIT = "Công chức Tư pháp - Hộ tịch"
PROC = Procedure(
    "1.000001", "Thủ tục thử", "Hộ tịch", components=(Component(1, "Tờ khai", originals=1),), duration=3
)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
#: The moment the figures are asked for (the tests' pinned clock): Monday 30 November 2026, 09:00.
NOW = datetime(2026, 11, 30, 9, 0)


def _received(name: str, at: datetime, appointment: datetime) -> Dossier:
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=PROC,
        applicant=Person(name, "001090012345"),
        at=at,
        officer="canbo",
        counter=1,
        components=full_set(PROC),
    )
    return receive(draft, f"{AGENCY}-{at:%y%m%d}-{zlib.crc32(name.encode()) % 9000 + 1000}", appointment)


def _moves(d: Dossier, *steps: tuple[Status, datetime]) -> Dossier:
    for target, at in steps:
        d = advance(d, target, officer="xuly", at=at, unit=UNIT)
    return d


def _dt(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour)


def test_three_received_two_open_and_overdue_gives_33_percent() -> None:
    dossiers = [
        _received("Lê Văn Một", _dt(2, 8), _dt(5, 17)),  # open, appointment 05/11 17:00 passed → late
        _received("Trần Thị Hai", _dt(10, 8), _dt(13, 17)),  # open, appointment 13/11 17:00 passed → late
        _received("Phạm Văn Ba", _dt(27, 8), _dt(3, 17, month=12)),  # open, appointment 03/12 still ahead
    ]
    r = build_report(dossiers, *NOVEMBER, now=NOW)
    # judged at min(now, end of period) = 30/11 09:00; on time 1 (Ba) ÷ counted 3 = 33.33 %
    assert r.as_of == NOW
    assert (r.counted, r.on_time, r.late, r.open_in_time, r.overdue_open) == (3, 1, 2, 1, 2)
    assert r.on_time_rate == 33.33
    # the figure on resolved dossiers alone has nothing to divide by: none was resolved
    assert (r.resolved, r.resolved_on_time_rate) == (0, None)
    assert r.to_dict()["on_time_rate"] == 33.33 and r.to_dict()["resolved_on_time_rate"] is None


def _november_cases() -> dict[str, Dossier]:
    return {
        # open, appointment 03/12 ahead of 30/11 09:00 → in time
        "open_in_time": _received("Phạm Văn Ba", _dt(27, 8), _dt(3, 17, month=12)),
        # open, appointment 05/11 17:00 passed → overdue
        "open_overdue": _received("Lê Văn Một", _dt(2, 8), _dt(5, 17)),
        # the citizen withdrew on 04/11 10:00, stopped on 05/11: ended at the withdrawal, before the 06/11
        # appointment day → on time (early)
        "stopped": _moves(
            _received("Bùi Thị Dừng", _dt(3, 8), _dt(6, 17)),
            (S.WITHDRAWAL_REQUESTED, _dt(4, 10)),
            (S.STOPPED, _dt(5, 9)),
        ),
        # withdrawal asked on 16/11 10:00, after the 12/11 17:00 appointment, not yet stopped → ended late
        "withdrawn": _moves(
            _received("Đỗ Văn Rút", _dt(9, 8), _dt(12, 17)),
            (P, _dt(9, 9)),
            (S.WITHDRAWAL_REQUESTED, _dt(16, 10)),
        ),
        # asked twice for papers, the second time on 19/11 and still waiting → late, however far the appointment
        "waiting_twice": _moves(
            _received("Vũ Thị Chờ", _dt(16, 8), _dt(26, 17, month=12)),
            (P, _dt(16, 9)),
            (S.SUPPLEMENT_REQUESTED, _dt(17, 9)),
            (P, _dt(18, 9)),
            (S.SUPPLEMENT_REQUESTED, _dt(19, 9)),
        ),
        # asked twice, both answered: waits 17/11 09:00→18/11 09:00 (24 h) and 19/11 09:00→20/11 15:00 (30 h);
        # deadline 19/11 17:00 + 54 h = 21/11 23:00; result 21/11 10:00 → on time (on the deadline's day)
        "answered_twice": _moves(
            _received("Hoàng Văn Hai Lần", _dt(16, 8), _dt(19, 17)),
            (P, _dt(16, 9)),
            (S.SUPPLEMENT_REQUESTED, _dt(17, 9)),
            (P, _dt(18, 9)),
            (S.SUPPLEMENT_REQUESTED, _dt(19, 9)),
            (P, _dt(20, 15)),
            (S.RESULT_READY, _dt(21, 10)),
        ),
        # result 06/11 10:00 after the 04/11 17:00 appointment → late
        "finished_late": _moves(
            _received("Ngô Thị Muộn", _dt(2, 8), _dt(4, 17)), (P, _dt(2, 9)), (S.RESULT_READY, _dt(6, 10))
        ),
        # received in October, still being processed on 01/11, result 03/11 after the 30/10 appointment
        "carried_over": _moves(
            _received("Lý Văn Cũ", _dt(28, 8, month=10), _dt(30, 17, month=10)),
            (P, _dt(28, 9, month=10)),
            (S.RESULT_READY, _dt(3, 9)),
        ),
        # finished in October: not processed in November
        "done_before": _moves(
            _received("Mai Thị Xong", _dt(20, 8, month=10), _dt(23, 17, month=10)),
            (P, _dt(20, 9, month=10)),
            (S.RESULT_READY, _dt(22, 9, month=10)),
        ),
        # received in December: after the period
        "after": _received("Cao Văn Sau", _dt(2, 8, month=12), _dt(4, 17, month=12)),
    }


def test_each_case_gets_the_verdict_of_the_national_rule() -> None:
    cases = _november_cases()
    verdicts = {k: indicator_verdict(d, NOW) for k, d in cases.items() if k not in ("done_before", "after")}
    assert verdicts == {
        "open_in_time": Timeliness.IN_TIME,
        "open_overdue": Timeliness.OVERDUE,
        "stopped": Timeliness.EARLY,
        "withdrawn": Timeliness.LATE,
        "waiting_twice": Timeliness.OVERDUE,
        "answered_twice": Timeliness.ON_TIME,
        "finished_late": Timeliness.LATE,
        "carried_over": Timeliness.LATE,
    }
    assert processing_end(cases["stopped"]) == _dt(4, 10)  # the withdrawal request, not the stop
    assert processing_end(cases["withdrawn"]) == _dt(16, 10)
    assert processing_end(cases["waiting_twice"]) is None
    # the screens follow the same rule: two answered requests are judged by time, a second wait is late at once
    assert timeliness(cases["answered_twice"], NOW) is Timeliness.ON_TIME
    assert timeliness(cases["waiting_twice"], NOW) is Timeliness.OVERDUE


def test_a_month_with_every_case() -> None:
    r = build_report(_november_cases().values(), *NOVEMBER, now=NOW)
    # counted: everything but "done_before" (ended 22/10) and "after" (received 02/12) = 8
    #   on time: open_in_time, stopped, answered_twice = 3 → 3 ÷ 8 = 37.5 %
    #   late: open_overdue, withdrawn, waiting_twice, finished_late, carried_over = 5
    assert r.counted == 8 and r.carried_over == 1
    assert (r.finished_on_time, r.finished_early, r.open_in_time) == (
        2,
        1,
        1,
    )  # stopped early, answered on time
    assert (r.finished_late, r.overdue_open) == (
        3,
        2,
    )  # withdrawn, late, carried · open overdue, waiting twice
    assert (r.on_time, r.late) == (3, 5)
    assert r.on_time_rate == 37.5
    assert r.stopped == 2  # stopped and withdrawn, both counted
    # received in November: the 8 counted less the October one = 7
    assert r.received == 7
    # resolved in November: answered_twice (on time), finished_late, carried_over (late) → 1 ÷ 3 = 33.33 %
    assert (r.resolved, r.resolved_on_time, r.resolved_early, r.resolved_late) == (3, 1, 0, 2)
    assert r.resolved_on_time_rate == 33.33
    proc = r.by_procedure[PROC.code]
    assert (proc.counted, proc.on_time, proc.late, proc.on_time_rate) == (8, 3, 5, 37.5)
    assert (proc.resolved, proc.resolved_on_time, proc.resolved_late) == (3, 1, 2)
    figures = r.to_dict()
    assert (figures["counted"], figures["on_time"], figures["late"], figures["on_time_rate"]) == (
        8,
        3,
        5,
        37.5,
    )
    assert figures["resolved_on_time_rate"] == 33.33 and figures["resolved_late"] == 2
    assert figures["as_of"] == "2026-11-30T09:00"


def test_a_past_period_judges_its_open_dossiers_at_its_end() -> None:
    r = build_report(_november_cases().values(), date(2026, 11, 1), date(2026, 11, 15), now=NOW)
    # judged at 16/11 00:00. Counted: open_overdue, stopped, withdrawn, finished_late, carried_over = 5
    #   (waiting_twice, answered_twice received 16/11 and open_in_time 27/11 come after the period)
    #   "withdrawn" asked to withdraw only on 16/11 10:00: on 16/11 00:00 it was open, past its 12/11 appointment
    #   on time: stopped (ended 04/11 10:00, early) = 1 → 1 ÷ 5 = 20 %
    assert r.as_of == datetime(2026, 11, 16)
    assert (r.counted, r.on_time, r.overdue_open, r.finished_late, r.stopped) == (5, 1, 2, 2, 1)
    assert r.on_time_rate == 20.0
    withdrawn = seen_before(_november_cases()["withdrawn"], datetime(2026, 11, 16))
    assert (
        withdrawn.status is P and indicator_verdict(withdrawn, datetime(2026, 11, 16)) is Timeliness.OVERDUE
    )


def test_a_period_not_over_judges_its_open_dossiers_now() -> None:
    open_one = _received("Phạm Văn Ba", _dt(16, 8), _dt(25, 17))
    # asked on 20/11 09:00: the 25/11 17:00 appointment is ahead → 1 ÷ 1 = 100 %
    assert build_report([open_one], *NOVEMBER, now=_dt(20, 9)).on_time_rate == 100.0
    # the month seen whole (01/12 00:00): the appointment passed → 0 ÷ 1 = 0 %
    whole = build_report([open_one], *NOVEMBER)
    assert whole.as_of == datetime(2026, 12, 1) and whole.on_time_rate == 0.0


def test_one_supplement_wait_stops_the_clock_at_the_request() -> None:
    asked_in_time = _moves(
        _received("Đinh Văn Đợi", _dt(2, 8), _dt(5, 17)), (P, _dt(2, 9)), (S.SUPPLEMENT_REQUESTED, _dt(4, 9))
    )
    asked_late = _moves(
        _received("Tạ Thị Trễ", _dt(2, 8), _dt(5, 17)), (P, _dt(2, 9)), (S.SUPPLEMENT_REQUESTED, _dt(6, 9))
    )
    r = build_report([asked_in_time, asked_late], *NOVEMBER, now=NOW)
    # waiting since 04/11 09:00, before the 05/11 17:00 appointment → in time, however long the wait;
    # asked on 06/11 09:00, the appointment already passed → overdue; 1 ÷ 2 = 50 %
    assert (r.open_in_time, r.overdue_open, r.on_time_rate) == (1, 1, 50.0)


def test_nothing_received_or_processed_gives_no_rate() -> None:
    r = build_report([_november_cases()["done_before"]], *NOVEMBER, now=NOW)
    assert (r.counted, r.on_time_rate, r.resolved_on_time_rate) == (0, None, None)
