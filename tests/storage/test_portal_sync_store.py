"""The dossiers the national portal holds, as the counter records them from the server's feed (migration 0010)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from peewee import IntegrityError

from counter_app.storage.database import available_migrations
from counter_app.storage.portal_sync import PortalSyncRepository
from counter_app.storage.store import CounterStore


def test_the_migration_makes_the_table_and_is_the_latest(store: CounterStore) -> None:
    assert max(m.number for m in available_migrations()) >= 10
    columns = [r[1] for r in store.db.execute_sql("PRAGMA table_info(portal_sync)").fetchall()]
    assert columns == ["dossier_id", "code", "synced_at"]
    with pytest.raises(IntegrityError):  # synced_at NOT NULL
        store.db.execute_sql("INSERT INTO portal_sync (dossier_id, code, synced_at) VALUES ('x', 'c', NULL)")


def test_recording_again_keeps_one_row_the_first_code_and_the_earliest_time(store: CounterStore) -> None:
    portal = PortalSyncRepository(store.db)
    assert portal.synced_ids() == frozenset()
    assert portal.record("d-1", "000.00.06.H56-261123-0101", "2026-11-23T02:00:00.000+00:00") is True
    # the same announcement again: nothing new
    assert portal.record("d-1", "000.00.06.H56-261123-0101", "2026-11-23T02:00:00.000+00:00") is False
    # a later time for the same dossier does not move it
    assert portal.record("d-1", "other", "2026-11-24T08:00:00.000+00:00") is False
    assert portal.synced_at("d-1") == datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    # an earlier one does (written in another zone: 08:30 in Vietnam is 01:30 UTC)
    assert portal.record("d-1", None, "2026-11-23T08:30:00+07:00") is True
    assert portal.synced_at("d-1") == datetime(2026, 11, 23, 1, 30, tzinfo=UTC)
    rows = store.db.execute_sql("SELECT dossier_id, code, synced_at FROM portal_sync").fetchall()
    assert rows == [("d-1", "000.00.06.H56-261123-0101", "2026-11-23T01:30:00.000+00:00")]
    assert portal.count() == 1


def test_a_dossier_not_downloaded_yet_is_kept_and_a_missing_code_filled_later(store: CounterStore) -> None:
    portal = PortalSyncRepository(store.db)
    assert portal.record("d-unknown", None, "2026-11-23T02:00:00.000+00:00") is True
    assert portal.record("d-unknown", "000.00.06.H56-261123-0201", "2026-11-23T02:00:00.000+00:00") is False
    assert store.db.execute_sql("SELECT code FROM portal_sync WHERE dossier_id = 'd-unknown'").fetchone() == (
        "000.00.06.H56-261123-0201",
    )
    assert portal.synced_ids() == frozenset({"d-unknown"})


def test_a_time_that_is_not_iso_text_or_an_empty_id_is_refused(store: CounterStore) -> None:
    portal = PortalSyncRepository(store.db)
    with pytest.raises(ValueError):
        portal.record("d-1", "c", "hôm qua")
    with pytest.raises(ValueError):
        portal.record(" ", "c", "2026-11-23T02:00:00.000+00:00")
    assert portal.count() == 0
