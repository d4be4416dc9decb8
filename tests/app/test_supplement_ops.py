"""The supplement cycle through the application layer, on a real store: an intake kept waiting for papers is found by
the reference on its form 02 (or its ID, or the applicant), received later with a code and an appointment counted
from that moment, audited and queued for the server; a received dossier sent back for papers during processing is
marked "supplement received" and its deadline moves by exactly the wait."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from counter_app.app import CounterApp, intake, tracking
from counter_app.core import supplement
from counter_app.core.errors import NotFoundError, ValidationError
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Dossier, Person, Status
from counter_app.core.references import reference
from counter_app.core.roles import PermissionDenied
from counter_app.core.statuses import deadline
from counter_app.core.supplement import IntakeStateError
from counter_app.messages import MESSAGES, describe
from counter_app.storage.store import CounterStore

S = Status
PROCEDURE = "1.004873"  # marital-status confirmation: 3 working days, two required papers
FIRST_VISIT = datetime(2026, 11, 23, 9, 0)  # Monday
BACK = datetime(2026, 11, 30, 14, 20)  # the Monday after, in the afternoon
CITIZEN = Person("Trần Thị Bích Ngọc", "001190012345", address="Số 5 ngõ Huế", phone="0912345678")


def _ops(store: CounterStore, username: str = "canbo"):
    return CounterApp(store), store.accounts.get(username)


def _draft(store: CounterStore, at: datetime, *, all_papers: bool) -> Dossier:
    app, officer = _ops(store)
    procedure = intake.procedure(app, officer, PROCEDURE)
    handed = full_set(procedure)
    if not all_papers:
        handed = tuple(h for h in handed if h.number != 4)  # the ID card only shown is not there
    return new_dossier(
        agency_id=store.require_unit().agency_id,
        procedure=procedure,
        applicant=CITIZEN,
        at=at,
        officer="someone-else",
        counter=store.require_unit().counter,
        components=handed,
    )


def _waiting(store: CounterStore) -> Dossier:
    app, officer = _ops(store)
    draft = _draft(store, FIRST_VISIT, all_papers=False)
    return intake.request_supplement(app, officer, draft, ["Giấy tờ tùy thân"], "Chưa xuất trình").value


def test_an_intake_waiting_for_papers_is_found_by_reference_id_and_name(store: CounterStore) -> None:
    app, officer = _ops(store)
    waiting = _waiting(store)
    ref = reference(waiting.id)
    for key in (ref, ref.lower().replace("-", ""), waiting.id, waiting.id.upper()):
        assert intake.pending(app, officer, key).id == waiting.id
    assert [d.id for d in tracking.search(app, officer, ref)] == [waiting.id]
    assert waiting.id in [d.id for d in tracking.search(app, officer, "tran thi bich ngoc")]
    assert waiting.id in [d.id for d in tracking.search(app, officer, "001190012345")]
    with pytest.raises(NotFoundError) as unknown:
        intake.pending(app, officer, "BS-00000-00000")
    assert describe(unknown.value) == "Không tìm thấy hồ sơ chờ bổ sung có số tham chiếu «BS-00000-00000»."


def test_an_intake_stored_before_references_were_indexed_is_still_found(store: CounterStore) -> None:
    app, officer = _ops(store)
    waiting = _waiting(store)
    store.db.execute_sql("DELETE FROM dossier_search")  # as a database written by an older version holds it
    assert intake.pending(app, officer, reference(waiting.id)).id == waiting.id


def test_completing_receives_it_now_with_code_appointment_book_entry_audit_and_outbox(
    store: CounterStore,
) -> None:
    app, officer = _ops(store)
    waiting = _waiting(store)
    audit_before = store.audit.count()
    revised = replace(_draft(store, BACK, all_papers=True), id="ignored", officer="ignored")
    done = intake.complete(app, officer, reference(waiting.id), revised)
    d = done.value
    assert done.changes.dossier_ids == {waiting.id}
    assert d.id == waiting.id and d.status is S.RECEIVED
    unit = store.require_unit()
    assert d.code is not None and d.code.startswith(f"{unit.agency_id}-261130-")
    assert d.received_at == BACK and d.officer == "canbo"
    p = d.procedure
    assert d.appointment == store.calendar().appointment_for(
        BACK, p.duration, p.duration_unit, p.same_day_cutoff
    )
    assert d.appointment is not None and d.appointment > BACK + timedelta(
        days=2
    )  # counted from today, not last week
    assert d.book_volume == f"{unit.counter:02d}/2026" and d.book_entry == 1
    assert d.missing == () and 4 in {c.number for c in d.components}
    stored = store.dossiers.get(d.code)
    assert stored == d and stored.history[-1].action == "receive"
    assert store.audit.count() == audit_before + 1 and store.audit.verify().ok
    box = store.models.Outbox
    last = box.select().where(box.dossier_id == d.id).order_by(box.seq.desc()).get()
    payload = json.loads(last.payload)
    assert last.kind == "dossier.event" and payload["code"] == d.code and payload["base_version"] == 1
    assert payload["event"]["data"]["code"] == d.code and payload["state"]["status"] == 2
    # the next receipt of the day continues the counter's numbers and book entries
    following = intake.receive(
        app, officer, _draft(store, BACK + timedelta(minutes=5), all_papers=True)
    ).value
    assert following.code is not None and following.code > d.code and following.book_entry == 2


def test_a_received_or_refused_reference_is_refused_in_a_sentence(store: CounterStore) -> None:
    app, officer = _ops(store)
    waiting = _waiting(store)
    ref = reference(waiting.id)
    d = intake.complete(app, officer, ref, _draft(store, BACK, all_papers=True)).value
    with pytest.raises(IntakeStateError) as again:
        intake.complete(app, officer, ref, _draft(store, BACK + timedelta(hours=1), all_papers=True))
    assert describe(again.value) == (
        f"Hồ sơ «{ref}» đã được tiếp nhận, mã hồ sơ {d.code}; không tiếp nhận lại."
    )
    refused = intake.refuse(
        app, officer, _draft(store, BACK, all_papers=True), "Không thuộc thẩm quyền"
    ).value
    with pytest.raises(IntakeStateError) as not_waiting:
        intake.pending(app, officer, refused.id)
    assert "Không được tiếp nhận" in describe(not_waiting.value)


def test_a_paper_still_missing_changes_nothing(store: CounterStore) -> None:
    app, officer = _ops(store)
    waiting = _waiting(store)
    with pytest.raises(ValidationError) as caught:
        intake.complete(app, officer, waiting.id, _draft(store, BACK, all_papers=False))
    assert caught.value.code == "components.missing"
    assert store.dossiers.get(waiting.id) == waiting
    following = intake.receive(app, officer, _draft(store, BACK, all_papers=True)).value
    assert following.code is not None and following.code.endswith("01")  # no number was used up


def test_only_an_account_that_receives_may_complete(store: CounterStore) -> None:
    app, processor = _ops(store, "xuly")
    waiting = _waiting(store)
    with pytest.raises(PermissionDenied):
        intake.complete(app, processor, waiting.id, _draft(store, BACK, all_papers=True))


def test_supplement_received_during_processing_moves_the_deadline_by_the_wait(store: CounterStore) -> None:
    app, officer = _ops(store)
    _mover, processor = _ops(store, "xuly")
    received = intake.receive(app, officer, _draft(store, FIRST_VISIT, all_papers=True)).value
    assert received.appointment is not None
    asked_at = FIRST_VISIT + timedelta(hours=3)
    tracking.advance(app, processor, received.id, S.PROCESSING, at=FIRST_VISIT + timedelta(hours=1))
    tracking.advance(
        app,
        processor,
        received.id,
        S.SUPPLEMENT_REQUESTED,
        at=asked_at,
        action="supplement_requested",
        note="Thiếu bản sao",
        data={"missing": ["Bản sao giấy khai sinh"]},
    )
    with pytest.raises(IntakeStateError):  # a received dossier is not completed at intake: it has its code
        intake.pending(app, officer, received.id)
    back = tracking.advance(
        app, processor, received.id, S.PROCESSING, at=BACK, action="supplement_received"
    ).value
    assert back.status is S.PROCESSING and back.code == received.code
    dl = deadline(back, BACK)
    assert dl is not None and dl.waiting == BACK - asked_at
    assert dl.due == received.appointment + (BACK - asked_at) and back.appointment == received.appointment


def test_every_supplement_error_has_both_sentences() -> None:
    for code in supplement.ERROR_CODES:
        vi, en = MESSAGES[code]
        assert vi and en and vi != en
