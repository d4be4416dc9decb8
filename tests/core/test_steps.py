"""Step timeliness for the control slip: each step judged against its own due time, else the dossier deadline."""

from __future__ import annotations

from datetime import datetime

from counter_app.core.model import Dossier, DossierEvent, Person, Procedure, Status
from counter_app.core.statuses import Timeliness
from counter_app.core.steps import judge_step, parse_moment, step_results

RECEIVED = datetime(2026, 10, 27, 9, 0)
APPOINTMENT = datetime(2026, 10, 30, 16, 0)


def event(
    n: int, at: datetime, to: Status, frm: Status | None, unit: str = "", **data: object
) -> DossierEvent:
    return DossierEvent(f"e{n}", at, "officer", "step", to, frm, unit=unit, data=dict(data))


def dossier(*events: DossierEvent, appointment: datetime | None = APPOINTMENT) -> Dossier:
    return Dossier(
        id="d1",
        agency_id="000.00.06.H56",
        procedure=Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch"),
        applicant=Person("Nguyễn Văn An"),
        status=events[-1].to_status if events else Status.RECEIVED,
        received_at=RECEIVED,
        officer="officer",
        counter=1,
        code="000.00.06.H56-261027-0101",
        appointment=appointment,
        history=events,
    )


def test_judge_step_early_on_time_late() -> None:
    due = datetime(2026, 10, 28, 17, 0)
    assert judge_step(datetime(2026, 10, 27, 18, 0), due) is Timeliness.EARLY
    assert judge_step(datetime(2026, 10, 28, 8, 0), due) is Timeliness.ON_TIME
    assert judge_step(due, due) is Timeliness.ON_TIME
    assert judge_step(datetime(2026, 10, 28, 17, 1), due) is Timeliness.LATE
    assert judge_step(due, None) is None


def test_each_step_uses_the_due_time_set_when_the_unit_took_the_dossier() -> None:
    d = dossier(
        event(1, RECEIVED, Status.RECEIVED, None, "Một cửa"),
        event(2, datetime(2026, 10, 27, 9, 30), Status.PROCESSING, Status.RECEIVED, "Tư pháp",
              step_due="2026-10-28T17:00:00"),
        event(3, datetime(2026, 10, 28, 17, 30), Status.PROCESSING, Status.PROCESSING, "Lãnh đạo",
              step_due="2026-10-29T11:00:00"),
        event(4, datetime(2026, 10, 29, 10, 0), Status.RESULT_READY, Status.PROCESSING, "Một cửa"),
        event(5, datetime(2026, 10, 30, 15, 0), Status.RETURNED, Status.RESULT_READY, "Một cửa"),
    )  # fmt: skip
    results = step_results(d)
    assert [e.id for e, _ in results] == ["e2", "e3", "e4", "e5"]
    assert [r for _, r in results] == [
        Timeliness.EARLY,  # the counter step has no due of its own: days before the appointment
        Timeliness.LATE,  # civil-status step due 28/10 17:00, handed on 17:30
        Timeliness.ON_TIME,  # leader's step due 29/10 11:00, done 10:00 the same day
        Timeliness.ON_TIME,  # return on the appointment day, before 16:00
    ]


def test_without_step_dues_the_deadline_is_stretched_by_supplement_waits() -> None:
    d = dossier(
        event(1, RECEIVED, Status.RECEIVED, None, "Một cửa"),
        event(2, datetime(2026, 10, 28, 9, 0), Status.SUPPLEMENT_REQUESTED, Status.RECEIVED),
        event(3, datetime(2026, 10, 30, 9, 0), Status.PROCESSING, Status.SUPPLEMENT_REQUESTED),
        event(4, datetime(2026, 11, 1, 10, 0), Status.RESULT_READY, Status.PROCESSING),
    )
    # two days of waiting move the 30/10 16:00 appointment to 01/11 16:00
    assert [r for _, r in step_results(d)] == [Timeliness.EARLY, Timeliness.EARLY, Timeliness.ON_TIME]


def test_a_new_unit_without_a_due_time_falls_back_to_the_deadline() -> None:
    d = dossier(
        event(1, RECEIVED, Status.RECEIVED, None, "Một cửa"),
        event(2, datetime(2026, 10, 27, 10, 0), Status.PROCESSING, Status.RECEIVED, "Tư pháp",
              step_due="2026-10-27T11:00:00"),
        event(3, datetime(2026, 10, 27, 10, 30), Status.PROCESSING, Status.PROCESSING, "Lãnh đạo"),
        event(4, datetime(2026, 10, 27, 15, 0), Status.RESULT_READY, Status.PROCESSING, "Một cửa"),
    )  # fmt: skip
    assert [r for _, r in step_results(d)] == [Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.EARLY]


def test_no_appointment_and_no_due_gives_no_verdict_and_bad_dues_are_ignored() -> None:
    d = dossier(
        event(1, RECEIVED, Status.RECEIVED, None, "Một cửa", step_due="not a date"),
        event(2, datetime(2026, 10, 27, 10, 0), Status.PROCESSING, Status.RECEIVED, "Tư pháp"),
        appointment=None,
    )
    assert step_results(d) == [(d.history[1], None)]
    assert parse_moment("2026-10-27T10:00:00") == datetime(2026, 10, 27, 10, 0)
    assert parse_moment(" ") is None and parse_moment(42) is None


def test_history_without_a_receipt_judges_every_event() -> None:
    d = dossier(event(1, datetime(2026, 10, 31, 9, 0), Status.PROCESSING, Status.RECEIVED, "Tư pháp"))
    assert step_results(d) == [(d.history[0], Timeliness.LATE)]
