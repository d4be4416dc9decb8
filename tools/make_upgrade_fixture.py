"""Builds tests/fixtures/counter-0.1.0.sqlite3: a counter database as release 0.1.0 (schema 1) left it, with data.

Run from the repository root: `.venv/bin/python tools/make_upgrade_fixture.py`. The file is kept in the
repository; the upgrade test copies it and opens it with the current application, which must migrate it
(after a backup) without losing a row. Release 0.1.0 shipped migration 0001 only, so the store is opened
here with the migrations folder narrowed to that one file.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.core.intake import full_set, new_dossier, record_return  # noqa: E402
from counter_app.core.model import Dossier, Person, Status  # noqa: E402
from counter_app.storage import database  # noqa: E402
from counter_app.storage.demo import ensure_demo_profile  # noqa: E402
from counter_app.storage.paths import migrations_dir  # noqa: E402
from counter_app.storage.store import DB_NAME, CounterStore  # noqa: E402

RELEASE_SCHEMA = ("0001_initial.sql",)
DEFAULT_TARGET = ROOT / "tests" / "fixtures" / "counter-0.1.0.sqlite3"
OFFICER = "canbo"
PROCESSOR = "xuly"

APPLICANTS = (
    Person(
        name="Nguyễn Văn Đức", identifier="001090012345", phone="0912345678", address="Số 5 phố Hàng Bông"
    ),
    Person(name="Trần Thị Hồng Nhung", identifier="001185004321", phone="0987654321"),
    Person(name="Lê Hoàng Phúc", identifier="079203001122", phone="0356789012"),
    Person(name="Phạm Thị Ngọc Ánh", identifier="036301009988", phone="0708123456"),
)


def build(target: Path) -> None:
    """Write the fixture to `target` (replaced if present)."""
    with tempfile.TemporaryDirectory() as scratch:
        release_migrations = Path(scratch) / "migrations"
        release_migrations.mkdir()
        for name in RELEASE_SCHEMA:
            shutil.copy(migrations_dir() / name, release_migrations / name)
        data_dir = Path(scratch) / "data"
        shipped = database.migrations_dir
        database.migrations_dir = lambda: release_migrations  # the 0.1.0 schema, not today's
        try:
            store = CounterStore(data_dir)
            try:
                fill(store)
            finally:
                store.close()
        finally:
            database.migrations_dir = shipped
        path = data_dir / DB_NAME
        if database.schema_version(path) != len(RELEASE_SCHEMA):
            raise SystemExit(f"expected schema {len(RELEASE_SCHEMA)}, got {database.schema_version(path)}")
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("VACUUM")
        con.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def fill(store: CounterStore) -> None:
    """A configured unit with its officers and catalogue, dossiers in several states, and an outbox half sent."""
    ensure_demo_profile(store)
    store.set_setting("office_hours", "07:30-11:30,13:30-17:00")
    store.set_override(date(2026, 3, 6), "off", "Nghỉ bù")
    birth = store.procedure("1.001193")
    received = [
        _receive(store, birth, APPLICANTS[0], datetime(2026, 3, 2, 8, 15)),
        _receive(store, birth, APPLICANTS[1], datetime(2026, 3, 2, 9, 40)),
        _receive(store, birth, APPLICANTS[2], datetime(2026, 3, 3, 14, 5)),
    ]
    unit = "Công chức Tư pháp - Hộ tịch"
    for dossier in received:
        store.advance(
            dossier.id, Status.PROCESSING, officer=OFFICER, at=dossier.received_at.replace(hour=16), unit=unit
        )
    first = store.advance(
        received[0].id, Status.RESULT_READY, officer=PROCESSOR, at=datetime(2026, 3, 3, 10, 0), unit=unit
    )
    returned = record_return(
        first,
        officer=OFFICER,
        at=datetime(2026, 3, 3, 15, 0),
        recipient_name=APPLICANTS[0].name,
        recipient_id=APPLICANTS[0].identifier,
    )
    store.dossiers.update(first, returned, OFFICER)
    draft = _draft(store, birth, APPLICANTS[3], datetime(2026, 3, 4, 10, 30))
    store.request_supplement(draft, [c.name for c in birth.components[:1]], "Hồ sơ chưa đủ thành phần.")
    store.save_draft("intake-counter-1", {"applicant_name": "Võ Thị Thu", "procedure": birth.code})
    # The first two changes reached the server; one was refused and parked; the rest wait to be sent.
    store.db.execute_sql(
        "UPDATE outbox SET state = 'sent', sent_at = '2026-03-02T10:00:00', attempts = 1 WHERE seq <= 2"
    )
    store.db.execute_sql(
        "UPDATE outbox SET state = 'parked', attempts = 1, last_error = 'dossier.conflict' WHERE seq = 3"
    )
    store.db.execute_sql("INSERT INTO sync_state (key, value) VALUES ('pull_cursor', '42')")


def _draft(store: CounterStore, procedure: object, applicant: Person, at: datetime) -> Dossier:
    unit = store.require_unit()
    return new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,  # type: ignore[arg-type]
        applicant=applicant,
        at=at,
        officer=OFFICER,
        counter=unit.counter,
        components=full_set(procedure),  # type: ignore[arg-type]
    )


def _receive(store: CounterStore, procedure: object, applicant: Person, at: datetime) -> Dossier:
    return store.receive(_draft(store, procedure, applicant, at))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", type=Path, default=DEFAULT_TARGET)
    target = parser.parse_args().target
    build(target)
    print(f"{target} ({target.stat().st_size // 1024} KB, schema {database.schema_version(target)})")


if __name__ == "__main__":
    main()
