"""The push writer's rounds: the small pushes waiting go first, then one large batch, so a counter at work never
waits behind a reconnect storm for more than one batch, and the storm's batches still go in arrival order."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from counter_app.core.ids import new_id
from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Person, Procedure
from counter_app.core.serial import dossier_to_dict
from counter_app.core.wire import Change, Result
from counter_app.server import writer as writer_module
from counter_app.server.admin import add_counter, enrol_installation
from counter_app.server.writer import SMALL_PUSH, PushWriter

AGENCY = "000.00.06.H56"
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", duration=3)
DAY = datetime(2026, 11, 23, 8, 0)


def create(counter: int, number: int, code: str | None = None) -> Change:
    """A receipt as a counter's outbox sends it, under `code` (by default the counter's own slot)."""
    at = DAY + timedelta(seconds=number)
    draft = new_dossier(
        agency_id=AGENCY, procedure=PROCEDURE, applicant=Person(f"Lê Văn {number}"), at=at, officer="canbo",
        counter=counter,
    )  # fmt: skip
    d = receive(draft, code or f"{AGENCY}-{at:%y%m%d}-{counter:02d}{number:02d}", at + timedelta(days=3))
    return Change(new_id(), "dossier.create", d.id, counter, "canbo", at.isoformat(), dossier_to_dict(d))


def creates(counter: int, first: int, count: int) -> list[Change]:
    return [create(counter, number) for number in range(first, first + count)]


def test_small_pushes_pass_the_large_batches_waiting(
    admin: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    credential = enrol_installation(admin, add_counter(admin, AGENCY, 1)).credential
    order: list[int] = []
    first_applying, go_on = threading.Event(), threading.Event()
    original = writer_module.BatchApplier.apply

    def apply(self: Any, changes: list[Change]) -> Any:
        order.append(len(changes))
        if len(order) == 1:
            first_applying.set()
            assert go_on.wait(30)
        return original(self, changes)

    monkeypatch.setattr(writer_module.BatchApplier, "apply", apply)
    writer = PushWriter(admin)
    try:
        busy = writer.enqueue(credential, creates(1, 1, 1))
        assert first_applying.wait(30)
        large = SMALL_PUSH + 1
        waiting = [
            writer.enqueue(credential, creates(1, 100, large)),
            writer.enqueue(credential, creates(1, 200, large + 1)),
            writer.enqueue(credential, creates(1, 300, 2)),
            writer.enqueue(credential, creates(1, 400, 3)),
        ]
        go_on.set()
        answers = [f.result(60) for f in (busy, *waiting)]
    finally:
        writer.close()
    assert order == [1, 2, 3, large, large + 1]
    assert all(r.result is Result.APPLIED for answer in answers for r in answer)
    assert admin.Dossier.select().count() == 1 + large + large + 1 + 2 + 3


def test_a_large_batch_is_applied_in_parts_with_small_pushes_between(
    admin: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    credential = enrol_installation(admin, add_counter(admin, AGENCY, 1)).credential
    order: list[int] = []
    first_applying, go_on = threading.Event(), threading.Event()
    late: list[Any] = []
    original = writer_module.BatchApplier.apply
    writer = PushWriter(admin)

    def apply(self: Any, changes: list[Change]) -> Any:
        order.append(len(changes))
        if len(order) == 1:
            first_applying.set()
            assert go_on.wait(30)
        if len(order) == 3:  # the large batch's first part: a counter at work pushes meanwhile
            late.append(writer.enqueue(credential, creates(1, 90, 3)))
        if len(changes) == 3:  # it is answered before the large batch, which is not answered yet
            assert not large.done()
        return original(self, changes)

    monkeypatch.setattr(writer_module.BatchApplier, "apply", apply)
    try:
        busy = writer.enqueue(credential, creates(1, 1, 1))
        assert first_applying.wait(30)
        batch = creates(1, 100, 2 * writer_module.LARGE_PART + 10)
        large = writer.enqueue(credential, batch)
        small = writer.enqueue(credential, creates(1, 10, 2))
        go_on.set()
        answers = [f.result(60) for f in (busy, small, large)]
        answers.append(late[0].result(60))
    finally:
        writer.close()
    part = writer_module.LARGE_PART
    assert order == [1, 2, part, 3, part, 10]
    assert [r.change_id for r in answers[2]] == [c.change_id for c in batch]
    assert all(r.result is Result.APPLIED for answer in answers for r in answer)
    assert admin.Dossier.select().count() == 1 + 2 + len(batch) + 3


def test_a_dossier_refused_in_one_part_waits_in_the_later_parts(admin: SimpleNamespace) -> None:
    credential = enrol_installation(admin, add_counter(admin, AGENCY, 1)).credential
    part = writer_module.LARGE_PART
    batch = creates(1, 100, part + 10)
    wrong_slot = create(1, 7, f"{AGENCY}-{DAY:%y%m%d}-0207")  # another counter's slot: refused
    again = Change(
        new_id(), wrong_slot.kind, wrong_slot.dossier_id, 1, "canbo", wrong_slot.created_at,
        {**wrong_slot.payload, "code": f"{AGENCY}-{DAY:%y%m%d}-0107"},
    )  # fmt: skip
    batch[2] = wrong_slot
    batch[part + 5] = again  # the same dossier, in the second part
    writer = PushWriter(admin)
    try:
        answer = writer.submit(credential, batch)
    finally:
        writer.close()
    assert answer[2].result is Result.REJECTED
    assert (answer[part + 5].result, answer[part + 5].reason) == (Result.RETRY, "dossier.blocked")
    applied = [r for r in answer if r.result is Result.APPLIED]
    assert len(applied) == len(batch) - 2
    assert admin.Dossier.select().where(admin.Dossier.id == wrong_slot.dossier_id).count() == 0
