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


def creates(counter: int, first: int, count: int) -> list[Change]:
    made = []
    for number in range(first, first + count):
        at = DAY + timedelta(seconds=number)
        draft = new_dossier(
            agency_id=AGENCY, procedure=PROCEDURE, applicant=Person(f"Lê Văn {number}"), at=at, officer="canbo",
            counter=counter,
        )  # fmt: skip
        d = receive(draft, f"{AGENCY}-{at:%y%m%d}-{counter:02d}{number:02d}", at + timedelta(days=3))
        made.append(
            Change(new_id(), "dossier.create", d.id, counter, "canbo", at.isoformat(), dossier_to_dict(d))
        )
    return made


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
