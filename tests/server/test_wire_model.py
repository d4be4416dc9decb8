"""One wire model: the server's request and answer models are checked against the core's change and result
records, so the counter's outbox, the sync engine and the server's applier speak the same shapes."""

from __future__ import annotations

import dataclasses

from counter_app.core.wire import Change, ChangeKind, ChangeResult, Result
from counter_app.server.app import ChangeIn, ResultOut


def test_the_request_model_has_exactly_the_fields_of_a_core_change() -> None:
    assert list(ChangeIn.model_fields) == [f.name for f in dataclasses.fields(Change)]


def test_the_answer_model_has_exactly_the_fields_of_a_core_result() -> None:
    assert list(ResultOut.model_fields) == [f.name for f in dataclasses.fields(ChangeResult)]
    described = ResultOut.model_fields["result"].description or ""
    assert set(described.replace(" ", "").split("|")) == {r.value for r in Result}


def test_a_change_survives_the_request_model_unchanged() -> None:
    change = Change(
        "0193f2a4-7b1c-7000-8000-000000000001",
        ChangeKind.DOSSIER_EVENT.value,
        "0193f2a4-7b1c-7000-8000-000000000002",
        3,
        "canbo",
        "2026-11-30T09:00:00",
        {"dossier_id": "x", "event": {"note": "Nguyễn Văn Đức"}},
    )
    parsed = ChangeIn.model_validate(change.to_dict())
    assert Change(**parsed.model_dump()) == change
