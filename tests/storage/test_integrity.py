"""A damaged database is refused at open with one typed error, and nothing is written to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from damaged_profiles import CORRUPTIONS, corrupt, digest, make_profile

from counter_app.storage.integrity import DatabaseDamagedError, check_profile_database
from counter_app.storage.store import DB_NAME, CounterStore


@pytest.mark.parametrize("how", list(CORRUPTIONS))
def test_a_damaged_database_is_refused_and_left_untouched(tmp_path: Path, how: str) -> None:
    path = make_profile(tmp_path / "counter")
    corrupt(path, how)
    before = digest(path)
    with pytest.raises(DatabaseDamagedError) as raised:
        CounterStore(path.parent)
    assert raised.value.code == "database.damaged"
    assert raised.value.params["path"] == str(path)
    assert raised.value.params["backups"] == str(path.parent / "backups")
    assert digest(path) == before
    wal = path.with_name(DB_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_healthy_profile_opens_and_a_new_one_is_created_whole(tmp_path: Path) -> None:
    path = make_profile(tmp_path / "counter")
    check_profile_database(path)
    CounterStore(path.parent).close()
    fresh = tmp_path / "fresh"
    store = CounterStore(fresh)
    try:
        assert (fresh / DB_NAME).stat().st_size > 0
        assert not [p for p in fresh.iterdir() if p.name.endswith(".new")]
    finally:
        store.close()
