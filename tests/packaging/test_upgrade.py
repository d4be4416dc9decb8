"""Upgrading a counter from release 0.1.0: the database migrates after a backup, and nothing is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from packaging_support import DB_NAME, RELEASE_FIXTURE

from counter_app.core.model import Status
from counter_app.storage.database import available_migrations, schema_version
from counter_app.storage.store import CounterStore

LATEST = max(m.number for m in available_migrations())
#: The tables of schema 1 with the rows a counter must never lose (the search index is rebuilt by 0003).
KEPT_TABLES = (
    "unit_config",
    "unit_setting",
    "procedure",
    "calendar_override",
    "account",
    "processing_unit",
    "dossier",
    "dossier_event",
    "code_sequence",
    "book_sequence",
    "outbox",
    "sync_state",
    "draft",
)


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the kept tables, by the columns release 0.1.0 had, in rowid order."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        rows = {}
        for table in KEPT_TABLES:
            columns = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
            rows[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
        return rows
    finally:
        con.close()


@pytest.fixture
def upgraded(release_data_dir: Path) -> Iterator[CounterStore]:
    store = CounterStore(release_data_dir)
    yield store
    store.close()


def test_the_fixture_is_a_release_0_1_0_database() -> None:
    assert schema_version(RELEASE_FIXTURE) == 1
    rows = snapshot(RELEASE_FIXTURE)
    assert len(rows["dossier"]) == 4 and len(rows["account"]) == 4 and len(rows["procedure"]) > 20
    con = sqlite3.connect(f"{RELEASE_FIXTURE.resolve().as_uri()}?immutable=1", uri=True)
    states = dict(con.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    con.close()
    assert states == {"pending": 6, "parked": 1, "sent": 2}


def test_opening_migrates_to_the_current_schema_after_a_backup_of_version_1(release_data_dir: Path) -> None:
    store = CounterStore(release_data_dir)
    store.close()
    assert schema_version(release_data_dir / DB_NAME) == LATEST
    backups = list((release_data_dir / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert schema_version(backups[0]) == 1
    assert snapshot(backups[0]) == snapshot(RELEASE_FIXTURE)
    CounterStore(release_data_dir).close()  # a second start has nothing to migrate: no second backup
    assert len(list((release_data_dir / "backups").glob("*.sqlite"))) == 1


def test_no_row_is_lost_or_changed(release_data_dir: Path, upgraded: CounterStore) -> None:
    after = snapshot(release_data_dir / DB_NAME)
    before = snapshot(RELEASE_FIXTURE)
    for table in KEPT_TABLES:
        assert after[table] == before[table], table


def test_the_upgraded_counter_keeps_working(upgraded: CounterStore) -> None:
    assert upgraded.accounts.verify("canbo", "motcua2026") is not None
    assert upgraded.accounts.verify("quantri", "motcua2026") is not None
    assert upgraded.accounts.verify("canbo", "wrong-password") is None
    returned = upgraded.dossiers.get("000.00.06.H56-260302-0101")
    assert returned.status is Status.RETURNED
    assert [e.action for e in returned.history][:2] == ["receive", "advance"]
    assert [d.code for d in upgraded.dossiers.search("nguyen van duc")] == ["000.00.06.H56-260302-0101"]
    pending = upgraded.db.execute_sql("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    assert pending == 6
    # The day's code sequence carried over: the next dossier of 2 March 2026 continues at 0103, never reusing a code.
    birth = upgraded.procedure("1.001193")
    from counter_app.core.intake import full_set, new_dossier
    from counter_app.core.model import Person

    draft = new_dossier(
        agency_id="000.00.06.H56",
        procedure=birth,
        applicant=Person(name="Đỗ Minh Khoa", identifier="001099001234"),
        at=datetime(2026, 3, 2, 10, 0),
        officer="canbo",
        counter=1,
        components=full_set(birth),
    )
    assert upgraded.receive(draft).code == "000.00.06.H56-260302-0103"


def test_the_new_index_serves_the_dossier_list(upgraded: CounterStore) -> None:
    plan = upgraded.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM dossier WHERE status = ? AND unit = ? ORDER BY received_at DESC",
        (int(Status.PROCESSING), "Công chức Tư pháp - Hộ tịch"),
    ).fetchall()
    assert any("dossier_status_unit" in str(step[-1]) for step in plan), plan
