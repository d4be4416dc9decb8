"""An intake kept waiting for papers (form 02, no code) and received later: its reference, the receipt that completes
it, and the event rules that let only such a dossier take it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from counter_app.core.codes import ScanKind, classify_scan
from counter_app.core.errors import TransitionError, ValidationError
from counter_app.core.events import apply_event, check_history
from counter_app.core.ids import new_id
from counter_app.core.intake import advance, full_set, new_dossier, receive, request_supplement
from counter_app.core.model import Component, Dossier, HandedComponent, Person, Procedure, Status
from counter_app.core.references import is_dossier_id, parse_reference, reference
from counter_app.core.statuses import Timeliness, deadline, may_take, timeliness
from counter_app.core.supplement import (
    IntakeStateError,
    check_completable,
    complete,
    form_reference,
    waiting_at_counter,
)

S = Status
PROC = Procedure(
    "1.000001",
    "Thủ tục thử",
    "Hộ tịch",
    components=(Component(1, "Tờ khai", originals=1), Component(2, "Giấy chứng sinh", originals=1)),
)
T0 = datetime(2026, 11, 23, 8, 0)
BACK = datetime(2026, 11, 30, 9, 15)  # the citizen comes back a week later
AGENCY = "000.00.06.H56"


def _intake() -> Dossier:
    """Only the declaration handed in: form 02 asks for the birth certificate; no code."""
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=PROC,
        applicant=Person("Lê Văn A", "001090012345", phone="0912345678"),
        at=T0,
        officer="canbo",
        counter=1,
        components=(HandedComponent(1, "Tờ khai", originals=1),),
    )
    return request_supplement(draft, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh")


def _revised(pending: Dossier, **changes: object) -> Dossier:
    """The intake as the officer has it when the citizen is back: every paper ticked, at `BACK`, at counter 3."""
    fields: dict[str, object] = {
        "received_at": BACK,
        "officer": "canbo2",
        "counter": 3,
        "components": full_set(PROC),
        **changes,
    }
    return replace(pending, **fields)  # type: ignore[arg-type]


def _completed(pending: Dossier | None = None) -> Dossier:
    pending = pending or _intake()
    return complete(
        pending,
        _revised(pending),
        code=f"{AGENCY}-261130-0301",
        appointment=BACK + timedelta(days=3),
        book_volume="03/2026",
        book_entry=7,
    )


def test_the_reference_is_derived_from_the_id_and_read_back_in_any_form() -> None:
    dossier_id = new_id()
    ref = reference(dossier_id)
    assert ref == reference(dossier_id.upper()) and ref.startswith("BS-") and len(ref) == 14
    digits = ref.replace("BS-", "").replace("-", "")
    assert digits.isdigit() and len(digits) == 10
    for typed in (ref, ref.lower(), ref.replace("-", ""), f"  {ref}\n", ref.replace("-", " ")):
        assert parse_reference(typed) == ref
    for other in ("BS-1234-567890x", "AB-12345-67890", "BS-12345-6789", "000.00.06.H56-261130-0101", ""):
        assert parse_reference(other) is None
    assert is_dossier_id(dossier_id) and is_dossier_id(dossier_id.upper()) and not is_dossier_id(ref)
    assert len({reference(new_id()) for _ in range(2000)}) == 2000


def test_a_scanned_reference_is_its_own_kind_never_a_code_or_a_card() -> None:
    ref = reference(new_id())
    assert classify_scan(ref) is ScanKind.SUPPLEMENT_REFERENCE
    assert classify_scan(ref.lower()) is ScanKind.SUPPLEMENT_REFERENCE
    assert classify_scan(f"{AGENCY}-261130-0301") is ScanKind.DOSSIER_CODE
    assert classify_scan("0912345678") is ScanKind.OTHER


def test_form_02_finds_an_intake_by_its_reference_and_a_received_dossier_by_its_code() -> None:
    pending = _intake()
    assert waiting_at_counter(pending) and form_reference(pending) == reference(pending.id)
    done = _completed()
    assert not waiting_at_counter(done) and form_reference(done) == done.code


def test_completing_receives_the_same_dossier_now_with_code_appointment_and_book_entry() -> None:
    pending = _intake()
    done = _completed(pending)
    assert done.id == pending.id
    assert done.status is S.RECEIVED and done.code == f"{AGENCY}-261130-0301"
    assert done.received_at == BACK  # the moment the papers were complete, not the first visit
    assert done.appointment == BACK + timedelta(days=3)
    assert (done.officer, done.counter, done.book_volume, done.book_entry) == ("canbo2", 3, "03/2026", 7)
    assert done.components == full_set(PROC) and done.missing == () and done.reason == ""
    assert [e.action for e in done.history] == ["supplement", "receive"]
    last = done.history[-1]
    assert (last.from_status, last.to_status, last.at) == (S.SUPPLEMENT_REQUESTED, S.RECEIVED, BACK)
    check_history(done)  # a server creating it from its full history accepts it


def test_the_completed_dossier_is_judged_from_its_receipt_without_a_supplement_wait() -> None:
    done = _completed()
    dl = deadline(done, BACK + timedelta(days=1))
    assert dl is not None and dl.due == done.appointment and dl.supplement_requests == 0
    assert dl.waiting == timedelta(0)  # the week before receipt is no processing time at all
    assert timeliness(done, BACK + timedelta(days=1)) is Timeliness.IN_TIME


def test_corrections_made_at_the_second_visit_are_received() -> None:
    pending = _intake()
    corrected = replace(pending.applicant, phone="0987654321")
    done = complete(
        pending,
        _revised(pending, applicant=corrected),
        code=f"{AGENCY}-261130-0301",
        appointment=BACK + timedelta(days=3),
    )
    assert done.applicant.phone == "0987654321"


def test_a_paper_still_missing_is_refused_with_its_number() -> None:
    pending = _intake()
    with pytest.raises(ValidationError) as caught:
        complete(
            pending,
            _revised(pending, components=pending.components),
            code=f"{AGENCY}-261130-0301",
            appointment=BACK + timedelta(days=3),
        )
    assert caught.value.code == "components.missing" and caught.value.params["numbers"] == [2]


def test_another_procedure_is_another_intake() -> None:
    pending = _intake()
    other = replace(PROC, code="1.000002")
    with pytest.raises(ValidationError) as caught:
        complete(
            pending,
            _revised(pending, procedure=other),
            code=f"{AGENCY}-261130-0301",
            appointment=BACK + timedelta(days=3),
        )
    assert caught.value.code == "supplement.procedure_changed"


def test_only_an_intake_waiting_for_papers_can_be_completed() -> None:
    done = _completed()
    with pytest.raises(IntakeStateError) as caught:
        check_completable(done)
    assert (
        caught.value.code == "supplement.already_received"
        and caught.value.params["dossier_code"] == done.code
    )
    received = receive(
        new_dossier(
            agency_id=AGENCY,
            procedure=PROC,
            applicant=Person("Lê Văn B", "001090012346"),
            at=T0,
            officer="canbo",
            counter=1,
            components=full_set(PROC),
        ),
        f"{AGENCY}-261123-0101",
        T0 + timedelta(days=3),
    )
    waiting = advance(received, S.SUPPLEMENT_REQUESTED, officer="xuly", at=T0 + timedelta(days=1))
    with pytest.raises(
        IntakeStateError
    ):  # sent back for papers during processing: "supplement received" instead
        check_completable(waiting)
    with pytest.raises(IntakeStateError) as refused:
        check_completable(replace(_intake(), status=S.STOPPED))
    assert refused.value.code == "supplement.not_waiting"


def test_a_receipt_event_on_a_received_dossier_is_refused_wherever_it_comes_from() -> None:
    done = _completed()
    again = apply_event(
        done,
        advance(done, S.SUPPLEMENT_REQUESTED, officer="xuly", at=BACK + timedelta(hours=1)).history[-1],
    )
    forged = replace(done.history[-1], id=new_id(), at=BACK + timedelta(hours=2))
    with pytest.raises(TransitionError):
        apply_event(again, forged)  # status 5 again, but it has a code: it was received already
    with pytest.raises(TransitionError):
        check_history(replace(again.with_event(forged), code=done.code))
    assert not may_take("receive", S.SUPPLEMENT_REQUESTED)  # never offered as a move


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("code", "not-a-code"),
        ("code", f"{AGENCY}-261129-0301"),  # another day than the receipt's
        ("appointment", "2026-11-29T09:00:00"),  # before the receipt
        ("appointment", ""),
        ("counter", True),
        ("counter", 0),
        ("book_entry", 0),
        ("components", [{"number": "1", "name": "x"}]),
        ("applicant", "Lê Văn A"),
    ],
)
def test_a_receipt_event_carrying_bad_data_is_invalid(key: str, value: object) -> None:
    pending = _intake()
    good = _completed().history[-1]
    bad = replace(good, data={**good.data, key: value})
    with pytest.raises(ValidationError):
        apply_event(pending, bad)


def test_the_receipt_is_a_move_from_status_5_only() -> None:
    pending = _intake()
    good = _completed().history[-1]
    with pytest.raises(TransitionError):
        apply_event(pending, replace(good, to_status=S.PROCESSING))
    with pytest.raises(TransitionError):
        apply_event(replace(pending, status=S.SUBMITTED), replace(good, from_status=S.SUBMITTED))
