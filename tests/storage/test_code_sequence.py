"""The running number of dossier codes on a real store: never backwards, never a code the database already holds."""

from __future__ import annotations

from datetime import date, datetime

from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.model import Dossier, Person
from counter_app.storage.store import CounterStore

AGENCY = "000.00.06.H56"
DAY = date(2026, 11, 23)


def test_note_code_moves_the_running_number_forward_only(store: CounterStore) -> None:
    dossiers = store.dossiers
    dossiers.note_code(f"{AGENCY}-261123-0107")
    dossiers.note_code(f"{AGENCY}-261123-0103")  # older: never moves it back
    dossiers.note_code("a code from another system")  # not ours: ignored
    dossiers.note_code(None)
    assert dossiers.next_code(AGENCY, DAY, 1) == f"{AGENCY}-261123-0108"
    assert dossiers.next_code(AGENCY, DAY, 2) == f"{AGENCY}-261123-0201"


def held_elsewhere(store: CounterStore, number: int) -> Dossier:
    """A dossier of this counter's slot as the server would send it back (not allocated here)."""
    procedure = store.procedures()[0]
    unit = store.require_unit()
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=procedure,
        applicant=Person("Nguyễn Văn Đức"),
        at=datetime(2026, 11, 23, 9, 0),
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return receive(draft, f"{AGENCY}-261123-{unit.counter:02d}{number:02d}", datetime(2026, 11, 24, 9, 0))


def test_next_code_skips_codes_the_database_already_holds(store: CounterStore) -> None:
    unit = store.require_unit()
    # arrives from elsewhere, e.g. in the sync after a restore from backup
    store.dossiers.replace_from_server(held_elsewhere(store, 2))
    # a sequence table that lags behind (a copied file) would hand out …02 again: it is skipped
    store.db.execute_sql("UPDATE code_sequence SET last_number = 0")
    first = store.dossiers.next_code(AGENCY, DAY, unit.counter)
    second = store.dossiers.next_code(AGENCY, DAY, unit.counter)
    assert first.endswith(f"-{unit.counter:02d}01") and second.endswith(f"-{unit.counter:02d}03")


def test_reconcile_moves_every_slot_past_every_stored_code(store: CounterStore) -> None:
    unit = store.require_unit()
    for number in (5, 9):
        store.dossiers.replace_from_server(held_elsewhere(store, number))
    store.db.execute_sql("DELETE FROM code_sequence")  # as in a file from before the sequence existed
    assert store.dossiers.reconcile_code_sequence() == 2
    assert store.dossiers.next_code(AGENCY, DAY, unit.counter).endswith(f"-{unit.counter:02d}10")
