"""Storage on real temporary SQLite files through the real migrations: intake, codes, history, outbox, search."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.core.errors import TransitionError
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person, Status
from counter_app.storage.store import CounterStore

PROCEDURE = "1.001193"  # birth registration, in the sample catalogue


def _draft(
    store: CounterStore, name: str = "Nguyễn Văn Đức", at: datetime | None = None, ident: str = "001090012345"
):
    unit = store.require_unit()
    procedure = store.procedure(PROCEDURE)
    return new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, ident, phone="0912345678"),
        at=at or datetime(2026, 11, 23, 9, 0),
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )


def test_database_runs_in_wal_with_foreign_keys_and_full_sync(store: CounterStore) -> None:
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2


def test_receive_assigns_code_appointment_history_and_outbox_entry(store: CounterStore) -> None:
    d = store.receive(_draft(store))
    assert d.code == "000.00.06.H56-261123-0101"
    assert d.status is Status.RECEIVED
    assert d.appointment is not None and d.appointment > d.received_at
    again = store.dossiers.get(d.code)
    assert again == d
    assert [e.action for e in again.history] == ["receive"]
    rows = store.db.execute_sql("SELECT kind, dossier_id, state FROM outbox").fetchall()
    assert rows == [("dossier.create", d.id, "pending")]


def test_codes_run_per_day_and_continue_after_reopen(data_dir: Path, store: CounterStore) -> None:
    first = [store.receive(_draft(store)).code for _ in range(3)]
    assert first == [f"000.00.06.H56-261123-01{n:02d}" for n in (1, 2, 3)]
    next_day = store.receive(_draft(store, at=datetime(2026, 11, 24, 8, 0))).code
    assert next_day == "000.00.06.H56-261124-0101"
    store.close()
    reopened = CounterStore(data_dir)
    assert reopened.receive(_draft(reopened)).code == "000.00.06.H56-261123-0104"
    reopened.close()


def test_refused_and_supplement_dossiers_get_no_code_and_keep_reason(store: CounterStore) -> None:
    refused = store.refuse(_draft(store), "Không thuộc thẩm quyền của phường")
    assert refused.code is None and refused.status is Status.REFUSED
    supplement = store.request_supplement(_draft(store), ["Giấy chứng sinh"], "Thiếu giấy chứng sinh")
    assert supplement.status is Status.SUPPLEMENT_REQUESTED
    assert store.dossiers.get(supplement.id).missing == ("Giấy chứng sinh",)


def test_advance_follows_the_rules_and_records_officer(store: CounterStore) -> None:
    d = store.receive(_draft(store))
    d = store.advance(d.code, Status.PROCESSING, officer="xuly", unit="Công chức Tư pháp - Hộ tịch")
    assert d.unit == "Công chức Tư pháp - Hộ tịch" and d.history[-1].officer == "xuly"
    with pytest.raises(TransitionError):
        store.advance(d.code, Status.RETURNED, officer="xuly")
    assert store.dossiers.get(d.code).status is Status.PROCESSING
    kinds = [r[0] for r in store.db.execute_sql("SELECT kind FROM outbox ORDER BY seq").fetchall()]
    assert kinds == ["dossier.create", "dossier.event"]


def test_search_ignores_tone_marks_and_accepts_nfd(store: CounterStore) -> None:
    duc = store.receive(_draft(store, "Nguyễn Văn Đức"))
    store.receive(_draft(store, "Trần Thị Hoa", ident="001190054321"))
    assert [d.id for d in store.dossiers.search("nguyen van duc")] == [duc.id]
    assert [d.id for d in store.dossiers.search("Đức")] == [duc.id]
    assert [d.id for d in store.dossiers.search(unicodedata.normalize("NFD", "Nguyễn Đức"))] == [duc.id]
    assert [d.id for d in store.dossiers.search(duc.code or "")] == [duc.id]
    assert [d.id for d in store.dossiers.search("0010900")] == [duc.id]
    assert store.dossiers.search("le van") == []


def test_stored_text_is_nfc(store: CounterStore) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    from counter_app.core.validation import clean_person

    d = store.receive(_draft(store, clean_person(Person(nfd, "001190054321")).name))
    raw = store.db.execute_sql("SELECT applicant_name FROM dossier WHERE id = ?", (d.id,)).fetchone()[0]
    assert raw == unicodedata.normalize("NFC", nfd)


CRASHER = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from pathlib import Path
    from counter_app.core.intake import full_set, new_dossier
    from counter_app.core.model import Person
    from counter_app.storage.store import CounterStore

    store = CounterStore(Path(sys.argv[1]))
    unit = store.require_unit()
    procedure = store.procedure("1.001193")
    while True:
        draft = new_dossier(agency_id=unit.agency_id, procedure=procedure, applicant=Person("Lê Văn A", "001090012345"),
                            at=datetime(2026, 11, 23, 9, 0), officer="canbo", counter=unit.counter,
                            components=full_set(procedure))
        d = store.receive(draft)
        print(d.code, flush=True)
    """
)


def test_kill_during_intake_loses_nothing_committed_and_never_reuses_a_code(
    data_dir: Path, store: CounterStore
) -> None:
    store.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHER, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert proc.stdout is not None
    printed = [proc.stdout.readline().strip() for _ in range(25)]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reopened = CounterStore(data_dir)
    stored = {r[0] for r in reopened.db.execute_sql("SELECT code FROM dossier").fetchall()}
    assert set(printed) <= stored  # everything acknowledged to the officer survived
    dossiers = reopened.db.execute_sql("SELECT COUNT(*) FROM dossier").fetchone()[0]
    creates = reopened.db.execute_sql("SELECT COUNT(*) FROM outbox WHERE kind = 'dossier.create'").fetchone()[
        0
    ]
    assert dossiers == creates  # no dossier without its outbox entry, and no orphan entry
    new_code = reopened.receive(_draft(reopened)).code
    assert new_code not in stored
    reopened.close()


def test_writes_stay_in_the_log_until_the_idle_checkpoint(store: CounterStore) -> None:
    store.checkpoint()
    before = store.path.stat().st_size
    for _ in range(20):
        store.receive(_draft(store))
    assert store.path.stat().st_size == before  # no checkpoint ran during the receipts
    store.checkpoint()
    assert store.path.stat().st_size > before  # the idle checkpoint moved the pages into the file
    assert store.db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 10000
