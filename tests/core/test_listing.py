"""List rules without a database: quick views, deadline marks, the supplement clock, the timeline and masked names."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.errors import ValidationError
from counter_app.core.intake import advance, apologise, full_set, new_dossier, receive, refuse
from counter_app.core.listing import (
    DeadlineMark,
    DossierFilter,
    QuickView,
    deadline_mark,
    due_soon_limit,
    in_view,
    mask_name,
    public_status,
    summary_of,
    summary_timeliness,
    timeline,
    view_window,
)
from counter_app.core.model import Component, Dossier, Person, Procedure, Status
from counter_app.core.statuses import Timeliness, timeliness

S = Status
PROC = Procedure(
    "1.000001", "Thủ tục thử", "Hộ tịch", components=(Component(1, "Tờ khai", originals=1),), duration=3
)
T0 = datetime(2026, 11, 23, 8, 0)  # Monday
DUE = datetime(2026, 11, 26, 8, 0)  # Thursday
CAL = WorkingCalendar(use_national_holidays=False)
UNIT = "Công chức Tư pháp - Hộ tịch"


def _received(at: datetime = T0, due: datetime = DUE, name: str = "Lê Văn An") -> Dossier:
    draft = new_dossier(
        agency_id="000.00.06.H56",
        procedure=PROC,
        applicant=Person(name, "001090012345", address="12 Phố Huế", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=1,
        components=full_set(PROC),
    )
    return receive(draft, f"000.00.06.H56-{at:%y%m%d}-0101", due)


def _moves(d: Dossier, *steps: tuple[Status, datetime]) -> Dossier:
    for target, at in steps:
        d = advance(d, target, officer="xuly", at=at, unit=UNIT)
    return d


def test_mask_name_keeps_the_family_name_and_initials_only() -> None:
    assert mask_name("Nguyễn Văn Đức") == "Nguyễn V** Đ**"
    assert mask_name("  Trần   thị  Bích Ngọc ") == "Trần t** B** N**"
    assert mask_name("An") == "A**"
    assert mask_name("") == ""
    decomposed = "Nguye\u0302\u0303n Va\u0306n"  # NFD as some input methods type it
    assert mask_name(decomposed) == "Nguyễn V**"


def test_late_dossier_is_under_late_and_not_under_due_soon() -> None:
    late = summary_of(_received())
    now = DUE + timedelta(hours=2)
    assert in_view(late, QuickView.LATE, now, CAL)
    assert not in_view(late, QuickView.DUE_SOON, now, CAL)
    assert not in_view(late, QuickView.DUE_TODAY, now, CAL)
    assert deadline_mark(late, now, due_soon_limit(now, 24)) is DeadlineMark.OVERDUE


def test_dossier_due_this_afternoon_is_due_today_and_soon_but_not_late() -> None:
    soon = summary_of(_received())
    now = DUE - timedelta(hours=3)
    assert in_view(soon, QuickView.DUE_TODAY, now - timedelta(hours=0), CAL) is (now.date() == DUE.date())
    assert in_view(soon, QuickView.DUE_SOON, now, CAL)
    assert not in_view(soon, QuickView.LATE, now, CAL)
    assert deadline_mark(soon, now, due_soon_limit(now, 8)) is DeadlineMark.DUE_SOON
    assert deadline_mark(soon, now, due_soon_limit(now, 2)) is DeadlineMark.NONE


def test_one_working_day_spans_the_weekend() -> None:
    friday = datetime(2026, 11, 27, 16, 0)
    start, end = view_window(QuickView.DUE_SOON, friday, CAL)  # type: ignore[misc]
    assert start == friday and end == datetime(2026, 11, 30, 16, 0)
    monday_morning = summary_of(_received(due=datetime(2026, 11, 30, 9, 0)))
    assert in_view(monday_morning, QuickView.DUE_SOON, friday, CAL)
    assert not in_view(monday_morning, QuickView.DUE_TODAY, friday, CAL)
    assert view_window(QuickView.LATE, friday, CAL) is None


def test_supplement_wait_is_not_counted_and_waiting_after_a_second_request_is_late() -> None:
    d = _moves(
        _received(),
        (S.PROCESSING, T0 + timedelta(hours=1)),
        (S.SUPPLEMENT_REQUESTED, datetime(2026, 11, 24, 8)),
        (S.PROCESSING, datetime(2026, 11, 26, 8)),  # two days of waiting for the citizen
    )
    waiting_row = summary_of(d)
    assert waiting_row.due_at == DUE + timedelta(days=2)
    done = _moves(
        d, (S.RESULT_READY, datetime(2026, 11, 28, 7, 30))
    )  # after the appointment, inside the wait
    now = datetime(2026, 12, 1)
    assert timeliness(done, now) is Timeliness.ON_TIME
    assert summary_timeliness(summary_of(done), now) is Timeliness.ON_TIME
    twice = _moves(
        d,
        (S.SUPPLEMENT_REQUESTED, datetime(2026, 11, 26, 9)),
        (S.PROCESSING, datetime(2026, 11, 26, 10)),
        (S.RESULT_READY, datetime(2026, 11, 26, 11)),
    )
    assert summary_of(twice).supplement_requests == 2
    # both requests answered: judged by its time like any other (result 26/11 11:00, deadline 28/11 08:00 + 1 h)
    assert timeliness(twice, now) is Timeliness.EARLY
    assert summary_timeliness(summary_of(twice), now) is Timeliness.EARLY
    assert not in_view(summary_of(twice), QuickView.LATE, now, CAL)
    # still waiting after the second request: late at once, the deadline far ahead
    waiting_twice = _moves(d, (S.SUPPLEMENT_REQUESTED, datetime(2026, 11, 26, 9)))
    assert timeliness(waiting_twice, datetime(2026, 11, 26, 10)) is Timeliness.OVERDUE
    assert summary_timeliness(summary_of(waiting_twice), datetime(2026, 11, 26, 10)) is Timeliness.OVERDUE
    assert in_view(summary_of(waiting_twice), QuickView.LATE, datetime(2026, 11, 26, 10), CAL)


def test_a_dossier_waiting_for_its_supplement_is_not_overdue_while_the_clock_is_stopped() -> None:
    waiting = _moves(
        _received(),
        (S.PROCESSING, T0 + timedelta(hours=1)),
        (S.SUPPLEMENT_REQUESTED, datetime(2026, 11, 24, 8)),
    )
    row = summary_of(waiting)
    later = DUE + timedelta(days=10)
    assert row.waiting_since == datetime(2026, 11, 24, 8)
    assert timeliness(waiting, later) is Timeliness.IN_TIME
    assert summary_timeliness(row, later) is Timeliness.IN_TIME
    assert in_view(row, QuickView.WAITING_SUPPLEMENT, later, CAL)
    assert not in_view(row, QuickView.DUE_SOON, DUE - timedelta(hours=1), CAL)
    # the request came after the appointment had already passed: the dossier stays overdue while waiting
    asked_late = _moves(
        _received(),
        (S.PROCESSING, T0 + timedelta(hours=1)),
        (S.SUPPLEMENT_REQUESTED, DUE + timedelta(hours=5)),
    )
    assert timeliness(asked_late, later) is Timeliness.OVERDUE
    assert summary_timeliness(summary_of(asked_late), later) is Timeliness.OVERDUE


@pytest.mark.parametrize("now_offset_hours", [-30, -1, 0, 1, 50, 400])
def test_row_judgement_matches_the_full_dossier(now_offset_hours: int) -> None:
    now = DUE + timedelta(hours=now_offset_hours)
    base = _moves(_received(), (S.PROCESSING, T0 + timedelta(hours=1)))
    draft = new_dossier(
        agency_id="000.00.06.H56",
        procedure=PROC,
        applicant=Person("Võ An"),
        at=T0,
        officer="canbo",
        counter=1,
    )
    samples = [
        _received(),
        base,
        _moves(base, (S.RESULT_READY, datetime(2026, 11, 24, 9))),
        _moves(base, (S.RESULT_READY, DUE + timedelta(hours=3)), (S.RETURNED, DUE + timedelta(hours=20))),
        _moves(
            base, (S.WITHDRAWAL_REQUESTED, DUE - timedelta(hours=5)), (S.STOPPED, DUE - timedelta(hours=4))
        ),
        _moves(base, (S.FEES_DUE, DUE - timedelta(hours=5))),
        refuse(draft, "Không thuộc thẩm quyền"),
    ]
    for d in samples:
        if max(e.at for e in d.history) > now:
            continue
        assert summary_timeliness(summary_of(d), now) is timeliness(d, now), d.status


def test_timeline_after_a_sequence_of_transitions() -> None:
    d = _received()
    d = advance(
        d,
        S.PROCESSING,
        officer="canbo",
        at=T0 + timedelta(hours=1),
        unit=UNIT,
        receiver="xuly",
        action="transfer",
    )
    d = advance(
        d, S.SUPPLEMENT_REQUESTED, officer="xuly", at=datetime(2026, 11, 24, 8), data={"missing": ["Bản sao"]}
    )
    d = advance(
        d,
        S.PROCESSING,
        officer="canbo",
        at=datetime(2026, 11, 25, 8),
        unit=UNIT,
        action="supplement_received",
    )
    d = apologise(
        d,
        officer="xuly",
        at=datetime(2026, 11, 27, 8),
        new_appointment=datetime(2026, 12, 2, 8),
        reason="Chờ xác minh",
    )
    d = advance(d, S.RESULT_READY, officer="xuly", at=datetime(2026, 11, 30, 8))
    entries = timeline(d)
    assert [e.action for e in entries] == [
        "receive",
        "transfer",
        "advance",
        "supplement_received",
        "apology",
        "advance",
    ]
    transfer = entries[1]
    assert (transfer.giver, transfer.receiver, transfer.unit) == ("canbo", "xuly", UNIT)
    assert entries[0].result is None  # receipt is not a step
    assert transfer.result is Timeliness.EARLY
    assert entries[3].to_status is S.PROCESSING and entries[3].from_status is S.SUPPLEMENT_REQUESTED
    assert not entries[4].hand_over and entries[4].data["new_appointment"] == "2026-12-02T08:00"
    assert all(e.hand_over for e in entries[:4]) and entries[5].hand_over
    assert (
        entries[5].result is Timeliness.LATE
    )  # deadline Friday 27 08:00 (one day of waiting), done Monday 30


def test_public_status_hides_personal_data_and_shows_the_new_appointment() -> None:
    d = _moves(_received(name="Nguyễn Văn Đức"), (S.PROCESSING, T0 + timedelta(hours=1)))
    d = apologise(d, officer="xuly", at=DUE, new_appointment=DUE + timedelta(days=5), reason="Chờ xác minh")
    public = public_status(d, DUE + timedelta(hours=1))
    assert public.masked_name == "Nguyễn V** Đ**"
    assert public.appointment == DUE + timedelta(days=5) and public.rescheduled
    assert public.unit == UNIT and public.status is S.PROCESSING
    assert public.timeliness is Timeliness.OVERDUE  # an apology does not make a late dossier on time
    shown = " ".join(str(v) for v in vars(public).values())
    for secret in ("001090012345", "Phố Huế", "0912345678", "Văn Đức"):
        assert secret not in shown


def test_filter_rejects_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValidationError) as caught:
        DossierFilter(received_from=date(2026, 11, 2), received_to=date(2026, 11, 1))
    assert caught.value.code == "period.order"
