"""The specimens behind the sample forms and screenshots are lawful cases: legal histories, every event in office
hours of a working day, a refusal for lack of competence (missing papers call for a supplement request), an
apology dated before the appointment it postpones, a stop after the citizen's request and within office hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from document_samples import Probe

from counter_app.core.events import check_history
from counter_app.core.letters import check_new_appointment, proposed_new_appointment
from counter_app.core.model import Dossier, Status
from counter_app.core.text import fold
from counter_app.documents import FormKind, render_form
from counter_app.documents.specimen import (
    CALENDAR,
    NAMES,
    UNIT,
    specimen_apology,
    specimen_dossier,
    specimen_other_counter,
    specimen_refusal,
    specimen_stopped,
    specimen_supplement,
)

SPECIMENS = {
    "dossier": specimen_dossier,
    "supplement": specimen_supplement,
    "refusal": specimen_refusal,
    "apology": specimen_apology,
    "stopped": specimen_stopped,
    "other counter": specimen_other_counter,
}


@pytest.mark.parametrize("name", SPECIMENS)
def test_a_specimen_history_is_legal_and_kept_in_office_hours(name: str) -> None:
    dossier = SPECIMENS[name]()
    check_history(dossier)  # every move allowed from where the one before left it; status and version agree
    for event in dossier.history:
        assert CALENDAR.is_office_time(event.at, include_end=True), (name, event.action, event.at)
    if dossier.code is not None:  # a received dossier's appointment is the calendar's for its procedure
        p = dossier.procedure
        assert dossier.appointment == CALENDAR.appointment_for(
            dossier.received_at, p.duration, p.duration_unit
        )


def test_the_refusal_is_for_lack_of_competence_and_the_missing_papers_are_a_supplement_request() -> None:
    refusal = specimen_refusal()
    assert refusal.status is Status.REFUSED and refusal.code is None and refusal.missing == ()
    reason = fold(refusal.reason)
    assert "tham quyen" in reason
    assert not any(word in reason for word in ("thieu", "bo sung", "chua du", "khong du"))
    supplement = specimen_supplement()
    assert supplement.status is Status.SUPPLEMENT_REQUESTED and supplement.missing and supplement.reason
    assert [e.action for e in supplement.history].count("supplement_requested") == 1  # asked once


def test_the_apology_is_dated_before_its_deadline_and_gives_a_working_day() -> None:
    dossier = specimen_apology()
    apology = dossier.history[-1]
    assert apology.action == "apology" and dossier.appointment is not None
    assert apology.at < dossier.appointment  # sent while the appointment still stands
    assert CALENDAR.working_days_between(apology.at.date(), dossier.appointment.date()) >= 1
    promised = dossier.new_appointment
    assert promised is not None
    assert check_new_appointment(CALENDAR, replace_new(dossier), promised, apology.at) == promised
    assert promised == proposed_new_appointment(CALENDAR, replace_new(dossier), apology.at)
    assert promised.weekday() < 5 and promised > dossier.appointment


def replace_new(dossier: Dossier) -> Dossier:
    """The dossier as it stood before its apology (no new appointment yet)."""
    return replace(dossier, new_appointment=None)


def test_the_stop_follows_the_request_within_office_hours_before_the_appointment() -> None:
    dossier = specimen_stopped()
    request, stop = dossier.history[-2], dossier.history[-1]
    assert (request.to_status, stop.to_status) == (Status.WITHDRAWAL_REQUESTED, Status.STOPPED)
    requested = datetime.fromisoformat(str(stop.data["requested_at"]))
    assert requested == request.at <= stop.at
    assert CALENDAR.is_office_time(stop.at) and stop.at.time() < CALENDAR.hours.closing
    assert dossier.appointment is not None and stop.at < dossier.appointment


@pytest.mark.parametrize(
    ("kind", "make", "dated"),
    [
        (FormKind.SUPPLEMENT, specimen_supplement, "ngày 27 tháng 10 năm 2026"),
        (FormKind.REFUSAL, specimen_refusal, "ngày 27 tháng 10 năm 2026"),
        (FormKind.APOLOGY, specimen_apology, "ngày 27 tháng 10 năm 2026"),  # the appointment is on 29/10
        (FormKind.STOP, specimen_stopped, "ngày 28 tháng 10 năm 2026"),
    ],
)
def test_the_specimen_forms_carry_their_event_dates(kind: FormKind, make, dated: str) -> None:
    text = Probe.text(render_form(kind, make(), UNIT, names=NAMES, printed_at=datetime(2026, 12, 1, 9, 0)))
    assert f"Ba Đình, {dated}" in text
