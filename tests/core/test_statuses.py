"""Status transitions and the national on-time rule (supplement waiting excluded, waiting after a second
request = late)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from counter_app.core.errors import TransitionError
from counter_app.core.intake import advance, full_set, new_dossier, receive
from counter_app.core.model import Component, Person, Procedure, Status
from counter_app.core.statuses import TERMINAL, TRANSITIONS, Timeliness, check_move, deadline, timeliness

PROC = Procedure(
    "1.000001", "Thủ tục thử", "Hộ tịch", components=(Component(1, "Tờ khai", originals=1),), duration=3
)
T0 = datetime(2026, 11, 23, 8, 0)
DUE = datetime(2026, 11, 26, 8, 0)


def _received():
    draft = new_dossier(
        agency_id="000.00.06.H56",
        procedure=PROC,
        applicant=Person("Lê Văn A", "001090012345"),
        at=T0,
        officer="canbo",
        counter=1,
        components=full_set(PROC),
    )
    return receive(draft, "000.00.06.H56-261123-0101", DUE)


def test_terminal_statuses_lead_nowhere_except_result_ready_to_returned() -> None:
    for status in TERMINAL - {Status.RESULT_READY}:
        assert TRANSITIONS[status] == frozenset()
    assert TRANSITIONS[Status.RESULT_READY] == {Status.RETURNED}


def test_forbidden_move_raises() -> None:
    with pytest.raises(TransitionError):
        check_move(Status.RECEIVED, Status.RETURNED)
    d = _received()
    with pytest.raises(TransitionError):
        advance(d, Status.RETURNED, officer="x", at=T0)


def test_finished_before_the_appointment_day_is_early_and_after_is_late() -> None:
    d = advance(_received(), Status.PROCESSING, officer="x", at=T0 + timedelta(hours=1))
    early = advance(d, Status.RESULT_READY, officer="x", at=datetime(2026, 11, 25, 9))
    assert timeliness(early, datetime(2026, 12, 1)) is Timeliness.EARLY
    same_day = advance(d, Status.RESULT_READY, officer="x", at=datetime(2026, 11, 26, 7, 59))
    assert timeliness(same_day, datetime(2026, 12, 1)) is Timeliness.ON_TIME
    late = advance(d, Status.RESULT_READY, officer="x", at=datetime(2026, 11, 26, 8, 1))
    assert timeliness(late, datetime(2026, 12, 1)) is Timeliness.LATE


def test_open_dossier_is_in_time_then_overdue() -> None:
    d = _received()
    assert timeliness(d, DUE - timedelta(minutes=1)) is Timeliness.IN_TIME
    assert timeliness(d, DUE + timedelta(minutes=1)) is Timeliness.OVERDUE


def test_supplement_waiting_time_is_excluded() -> None:
    d = advance(_received(), Status.PROCESSING, officer="x", at=T0 + timedelta(hours=1))
    d = advance(
        d,
        Status.SUPPLEMENT_REQUESTED,
        officer="x",
        at=datetime(2026, 11, 24, 9),
        data={"missing": ["Bản sao"]},
    )
    d = advance(d, Status.PROCESSING, officer="x", at=datetime(2026, 11, 27, 9))  # 3 days waiting
    assert deadline(d) is not None and deadline(d).due == DUE + timedelta(days=3)  # type: ignore[union-attr]
    done = advance(d, Status.RESULT_READY, officer="x", at=datetime(2026, 11, 28, 10))
    assert timeliness(done, datetime(2026, 12, 5)) is Timeliness.EARLY  # would be late without the pause


def test_waiting_after_a_second_request_is_late_and_two_answered_requests_are_judged_by_time() -> None:
    d = advance(_received(), Status.PROCESSING, officer="x", at=T0 + timedelta(hours=1))
    d = advance(d, Status.SUPPLEMENT_REQUESTED, officer="x", at=datetime(2026, 11, 24, 9))
    d = advance(d, Status.PROCESSING, officer="x", at=datetime(2026, 11, 24, 10))
    waiting = advance(d, Status.SUPPLEMENT_REQUESTED, officer="x", at=datetime(2026, 11, 25, 9))
    # the deadline (26/11 08:00 + 1 h) is ahead, but waiting after a second request is late at once
    assert timeliness(waiting, datetime(2026, 11, 25, 9, 30)) is Timeliness.OVERDUE
    d = advance(waiting, Status.PROCESSING, officer="x", at=datetime(2026, 11, 25, 10))
    assert timeliness(d, datetime(2026, 11, 25, 10, 30)) is Timeliness.IN_TIME
    done = advance(d, Status.RESULT_READY, officer="x", at=datetime(2026, 11, 25, 11))
    assert timeliness(done, datetime(2026, 12, 1)) is Timeliness.EARLY  # due 26/11 10:00 (two 1 h waits)


def test_stopped_dossiers_carry_no_deadline_mark() -> (
    None
):  # the indicator counts them: tests/core/test_report.py
    d = advance(_received(), Status.WITHDRAWAL_REQUESTED, officer="x", at=T0 + timedelta(hours=1))
    d = advance(d, Status.STOPPED, officer="x", at=datetime(2026, 12, 10))
    assert timeliness(d, datetime(2026, 12, 11)) is Timeliness.NOT_APPLICABLE


def test_an_apology_while_waiting_is_not_a_second_supplement_request() -> None:
    from counter_app.core.intake import apologise

    d = advance(_received(), Status.PROCESSING, officer="x", at=T0 + timedelta(hours=1))
    d = advance(
        d, Status.SUPPLEMENT_REQUESTED, officer="x", at=datetime(2026, 11, 24, 9), note="Thiếu bản sao"
    )
    assert d.reason == "Thiếu bản sao"
    d = apologise(
        d, officer="x", at=datetime(2026, 11, 25, 9), new_appointment=datetime(2026, 12, 1, 9), reason="Chậm"
    )
    d = advance(d, Status.PROCESSING, officer="x", at=datetime(2026, 11, 26, 9))
    dl = deadline(d)
    assert dl is not None and dl.supplement_requests == 1
    assert dl.waiting == timedelta(days=2)  # 24/11 09:00 → 26/11 09:00, the apology did not end the wait
