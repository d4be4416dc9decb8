"""The one rule for events (`core.events`): what each action may do, and that the counter's own operations follow it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from counter_app.core.errors import TransitionError, ValidationError
from counter_app.core.events import apply_event, check_history
from counter_app.core.intake import (
    advance,
    annotate,
    apologise,
    full_set,
    new_dossier,
    rate,
    receive,
    record_return,
    refuse,
    request_supplement,
)
from counter_app.core.model import Component, DossierEvent, Person, Procedure, Rating, Status
from counter_app.core.statuses import check_event

S = Status
PROC = Procedure("1.000001", "Thủ tục thử", "Hộ tịch", components=(Component(1, "Tờ khai", originals=1),))
T0 = datetime(2026, 11, 23, 8, 0)
DUE = datetime(2026, 11, 26, 8, 0)


def _draft():
    return new_dossier(
        agency_id="000.00.06.H56",
        procedure=PROC,
        applicant=Person("Lê Văn A", "001090012345"),
        at=T0,
        officer="canbo",
        counter=1,
        components=full_set(PROC),
    )


def _received():
    return receive(_draft(), "000.00.06.H56-261123-0101", DUE)


@pytest.mark.parametrize(
    ("source", "target", "action"),
    [
        (None, S.RECEIVED, "note"),
        (None, S.RECEIVED, "refuse"),
        (None, S.SUBMITTED, "receive"),
        (S.RECEIVED, S.RECEIVED, "rewrite"),
        (S.RECEIVED, S.PROCESSING, "note"),
        (S.RECEIVED, S.PROCESSING, "return"),
        (S.RECEIVED, S.RETURNED, "advance"),
    ],
)
def test_unknown_or_misused_actions_are_forbidden(source: Status | None, target: Status, action: str) -> None:
    with pytest.raises(TransitionError):
        check_event(source, target, action)


def test_known_actions_pass() -> None:
    check_event(None, S.RECEIVED, "receive")
    check_event(None, S.SUPPLEMENT_REQUESTED, "supplement")
    check_event(S.PROCESSING, S.PROCESSING, "note")
    check_event(S.RECEIVED, S.PROCESSING, "transfer")
    check_event(S.RESULT_READY, S.RETURNED, "return")
    check_event(S.RECEIVED, S.STOPPED, "advance")


def test_every_operation_of_the_counter_is_what_the_rule_derives_from_its_event() -> None:
    d = _received()
    steps = [
        lambda x: advance(x, S.PROCESSING, officer="xl", at=T0 + timedelta(hours=1), unit="Tư pháp"),
        lambda x: annotate(x, action="note", officer="xl", at=T0 + timedelta(hours=2), note="Gọi điện"),
        lambda x: apologise(
            x, officer="xl", at=DUE, new_appointment=DUE + timedelta(days=2), reason="Chờ xác minh"
        ),
        lambda x: advance(
            x,
            S.SUPPLEMENT_REQUESTED,
            officer="xl",
            at=DUE + timedelta(hours=1),
            note="Thiếu bản sao",
            action="supplement_requested",
            data={"missing": ["Bản sao giấy khai sinh"]},
        ),
        lambda x: advance(
            x, S.PROCESSING, officer="xl", at=DUE + timedelta(days=1), action="supplement_received"
        ),
        lambda x: advance(x, S.RESULT_READY, officer="xl", at=DUE + timedelta(days=2), action="result_ready"),
        lambda x: record_return(
            x,
            officer="cb",
            at=DUE + timedelta(days=3),
            recipient_name="Lê Văn A",
            recipient_id="001090012345",
        ),
        lambda x: rate(x, rating=Rating.SATISFIED, officer="cb", at=DUE + timedelta(days=3)),
    ]
    for step in steps:
        after = step(d)
        assert apply_event(d, after.history[-1]) == after
        d = after
    assert d.appointment == DUE and d.new_appointment == DUE + timedelta(days=2)
    assert d.missing == ("Bản sao giấy khai sinh",) and d.reason == "Thiếu bản sao"


def test_an_event_changes_only_what_its_action_may() -> None:
    d = _received()
    note = DossierEvent(
        "e", T0, "xl", "note", S.RECEIVED, S.RECEIVED, data={"new_appointment": "2099-12-31T17:00"}
    )
    after = apply_event(d, note)
    assert (after.appointment, after.new_appointment, after.code, after.received_at) == (
        d.appointment,
        None,
        d.code,
        d.received_at,
    )
    with pytest.raises(TransitionError):  # not from the status the dossier is in
        apply_event(d, replace(note, from_status=S.PROCESSING, to_status=S.PROCESSING))
    with pytest.raises(TransitionError):
        apply_event(d, replace(note, from_status=None))
    with pytest.raises(ValidationError):  # an apology without a new date
        apply_event(d, replace(note, action="apology", data={}))
    with pytest.raises(ValidationError):
        apply_event(d, replace(note, action="rate", data={"rating": 9}))


def test_a_created_history_starts_with_an_intake_and_counts_its_versions() -> None:
    for d in (
        _received(),
        refuse(_draft(), "Không thuộc thẩm quyền"),
        request_supplement(_draft(), ["Tờ khai"], "Thiếu"),
    ):
        check_history(d)
    d = _received()
    with pytest.raises(TransitionError):
        check_history(replace(d, history=(replace(d.history[0], action="rewrite"),)))
    with pytest.raises(ValidationError):
        check_history(replace(d, version=7))
    with pytest.raises(ValidationError):
        check_history(replace(d, code=None))
