"""The audit trail on a real store: every dossier write is chained, and changing the history, the outbox or the
chain itself is refused by the database or found by `verify`, which names the first broken entry."""

from __future__ import annotations

from datetime import datetime

import pytest
from peewee import IntegrityError

from counter_app.core.audit import GENESIS, AuditKind, first_break
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Dossier, Person, Status
from counter_app.storage.store import CounterStore

AT = datetime(2026, 11, 23, 9, 0)


def receive(store: CounterStore, name: str = "Nguyễn Văn Đức") -> Dossier:
    procedure = store.procedures()[0]
    unit = store.require_unit()
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name),
        at=AT,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return store.receive(draft)


def test_every_dossier_write_is_a_chained_entry_naming_its_officer(store: CounterStore) -> None:
    d = receive(store)
    store.advance(d.code, Status.PROCESSING, officer="xuly", unit="Tư pháp", at=AT)
    entries = store.audit.entries()
    dossier_entries = [e for e in entries if e.dossier_id == d.id]
    assert [e.kind for e in dossier_entries] == [
        AuditKind.DOSSIER_CREATE.value,
        AuditKind.DOSSIER_EVENT.value,
    ]
    assert [e.actor for e in dossier_entries] == ["canbo", "xuly"]
    assert entries[0].prev_hash == GENESIS and [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert first_break(entries) is None
    check = store.audit.verify()
    assert check.ok and check.entries == len(entries)


def test_the_database_refuses_to_change_history_or_the_trail(store: CounterStore) -> None:
    receive(store)
    with pytest.raises(IntegrityError):
        store.db.execute_sql("UPDATE dossier_event SET officer = 'ai-do'")
    with pytest.raises(IntegrityError):
        store.db.execute_sql("UPDATE audit_log SET actor = 'ai-do'")
    with pytest.raises(IntegrityError):
        store.db.execute_sql("DELETE FROM audit_log")
    with pytest.raises(IntegrityError):
        store.db.execute_sql("DELETE FROM outbox")


def test_a_changed_event_is_found_even_with_the_triggers_dropped(store: CounterStore) -> None:
    first = receive(store, "Một")
    receive(store, "Hai")
    store.db.execute_sql("DROP TRIGGER dossier_event_no_update")
    store.db.execute_sql("UPDATE dossier_event SET officer = 'ai-do' WHERE dossier_id = ?", (first.id,))
    check = store.audit.verify()
    entry = next(e for e in store.audit.entries() if e.dossier_id == first.id)
    assert not check.ok and check.broken is not None
    assert (check.broken.seq, check.broken.reason) == (entry.seq, "event_changed")


def test_deleted_outbox_rows_are_found(store: CounterStore) -> None:
    receive(store, "Một")
    second = receive(store, "Hai")
    store.db.execute_sql("DROP TRIGGER outbox_no_delete")
    store.db.execute_sql("DELETE FROM outbox WHERE dossier_id = ?", (second.id,))
    check = store.audit.verify()
    assert check.broken is not None and check.broken.reason == "outbox_missing"


def test_a_rewritten_entry_breaks_the_chain_at_that_entry(store: CounterStore) -> None:
    for name in ("Một", "Hai", "Ba"):
        receive(store, name)
    store.db.execute_sql("DROP TRIGGER audit_log_no_update")
    store.db.execute_sql("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 2")
    check = store.audit.verify()
    assert check.broken is not None and (check.broken.seq, check.broken.reason) == (2, "hash")
    # recomputing that hash is not enough: the next entry still points at the old one
    from counter_app.core.audit import chain_hash

    entry = store.audit.entries()[1]
    store.db.execute_sql(
        "UPDATE audit_log SET hash = ? WHERE seq = 2", (chain_hash(entry.prev_hash, entry.body()),)
    )
    check = store.audit.verify()
    assert check.broken is not None and (check.broken.seq, check.broken.reason) == (3, "link")
