"""An intake kept waiting for papers travels to the server without a code and is received later, maybe at another
counter: the server accepts the receipt event with its code (in the receiving counter's slot), every counter ends
with the same received dossier, and a receipt claiming another counter's slot is refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta

from sync_support import AGENCY, DAY, PROCEDURE, Counters, assert_converged, sync_until_quiet

from counter_app.core.codes import parse_code
from counter_app.core.intake import new_dossier
from counter_app.core.model import Component, Dossier, HandedComponent, Person, Procedure, Status
from counter_app.server.process import ServerProcess
from counter_app.storage.store import CounterStore
from counter_app.sync.engine import SyncEngine

S = Status
BACK = DAY + timedelta(days=7, hours=1)


def _procedure() -> Procedure:
    """The sample procedure with two papers to hand in (the sync tests' catalogue has none)."""
    return replace(
        PROCEDURE,
        components=(Component(1, "Tờ khai", originals=1), Component(2, "Giấy chứng sinh", originals=1)),
    )


def _draft(store: CounterStore, at: datetime, numbers: tuple[int, ...]) -> Dossier:
    unit = store.require_unit()
    procedure = store.procedure(PROCEDURE.code)
    return new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person("Hoàng Thị Bổ Sung", "001190054321", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=tuple(
            HandedComponent(c.number, c.name, originals=1)
            for c in procedure.components
            if c.number in numbers
        ),
    )


def _counter(counters: Counters, number: int, url: str) -> CounterStore:
    store = counters.new(number, url)
    store.replace_catalogue([_procedure()])
    return store


def _waiting(store: CounterStore) -> Dossier:
    return store.request_supplement(_draft(store, DAY, (1,)), ["Giấy chứng sinh"], "Thiếu giấy chứng sinh")


def test_an_intake_stored_at_one_counter_is_received_at_another_and_everyone_agrees(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one, three = _counter(counters, 1, server.url), _counter(counters, 3, server.url)
    waiting = _waiting(one)
    e1, e3 = SyncEngine(one), SyncEngine(three)
    assert e1.cycle().push.sent == 1
    assert admin.Dossier.get_by_id(waiting.id).code is None
    assert e3.cycle().pull.dossiers == 1
    # the citizen comes back a week later, to counter 3
    done = three.complete(waiting.id, _draft(three, BACK, (1, 2)))
    assert done.code is not None and parse_code(done.code).slot == 3 and done.counter == 3
    report = e3.cycle()
    assert report.ok and report.push.sent == 1 and report.push.parked == []
    row = admin.Dossier.get_by_id(waiting.id)
    assert (row.code, row.counter, row.status) == (done.code, 3, int(S.RECEIVED))
    sync_until_quiet([e1, e3])
    seen = one.dossiers.get(done.code)
    assert seen.status is S.RECEIVED and seen.received_at == BACK and seen.appointment == done.appointment
    assert_converged(admin, [one, three])
    e1.close()
    e3.close()


def test_an_intake_received_before_it_was_ever_sent_goes_up_in_one_batch(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = _counter(counters, 1, server.url)
    waiting = _waiting(one)
    done = one.complete(waiting.id, _draft(one, BACK, (1, 2)))
    engine = SyncEngine(one)
    report = engine.cycle()
    assert report.ok and report.push.sent == 2 and report.push.parked == []
    assert admin.Dossier.get_by_id(waiting.id).code == done.code
    assert_converged(admin, [one])
    engine.close()


def test_a_receipt_claiming_another_counters_slot_is_refused(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = _counter(counters, 1, server.url)
    waiting = _waiting(one)
    engine = SyncEngine(one)
    engine.cycle()
    done = one.complete(waiting.id, _draft(one, BACK, (1, 2)))
    assert done.code is not None
    forged = done.code.rsplit("-", 1)[0] + "-0901"  # counter 9's slot
    row = one.db.execute_sql("SELECT change_id, payload FROM outbox WHERE state = 'pending'").fetchone()
    payload = json.loads(row[1])
    payload["code"] = forged
    payload["event"]["data"]["code"] = forged
    one.db.execute_sql("UPDATE outbox SET payload = ? WHERE change_id = ?", (json.dumps(payload), row[0]))
    report = engine.cycle()
    assert [p.reason for p in report.push.parked] == ["code.slot"]
    assert admin.Dossier.get_by_id(waiting.id).code is None
    assert AGENCY in done.code
    engine.close()
