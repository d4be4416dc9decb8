"""`--demo` never merges the demo's published accounts into a configured profile; the demo keeps its own folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from damaged_profiles import digest

from counter_app.core.model import UnitConfig
from counter_app.storage.accounts import Role
from counter_app.storage.demo import DEMO_UNIT, DemoRefusedError, ensure_demo_profile, refuse_real_profile
from counter_app.storage.store import DB_NAME, CounterStore

REAL_UNIT = UnitConfig(
    agency_id="000.00.07.H29",
    agency_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN BÌNH",
    parent_body="UBND XÃ AN BÌNH",
    place="An Bình",
    counter=3,
)


def real_profile(folder: Path, *, unit: bool = True) -> Path:
    store = CounterStore(folder)
    if unit:
        store.set_unit(REAL_UNIT)
    store.accounts.create("admin.anbinh", "Đỗ Thị Hoa", Role.ADMIN, "mat-khau-rieng-1")
    store.close()
    return folder / DB_NAME


def usernames(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT username FROM account")}
    finally:
        con.close()


@pytest.mark.parametrize("unit", [True, False], ids=["configured", "accounts only"])
def test_demo_on_a_real_profile_is_refused_with_one_sentence(cli, data_dir: Path, unit: bool) -> None:
    path = real_profile(data_dir, unit=unit)
    before = digest(path)
    result = cli("--demo")
    assert result.code == 2, result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert "đơn vị thật" in result.err and str(data_dir) in result.err
    english = cli("--demo", lang="en")
    assert english.code == 2 and "real unit's data" in english.err
    assert usernames(path) == {"admin.anbinh"}
    assert digest(path) == before


def test_filling_a_real_store_with_the_demo_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = real_profile(tmp_path / "real")
    store = CounterStore(path.parent)
    try:
        with pytest.raises(DemoRefusedError):
            ensure_demo_profile(store)
        assert store.unit() == REAL_UNIT
        assert {a.username for a in store.accounts.list()} == {"admin.anbinh"}
        assert store.setting("demo_profile") == ""
    finally:
        store.close()


def test_the_demo_folder_itself_opens_again_and_again(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    refuse_real_profile(folder)  # nothing there yet
    store = CounterStore(folder)
    ensure_demo_profile(store)
    store.close()
    refuse_real_profile(folder)
    store = CounterStore(folder)
    try:
        ensure_demo_profile(store)  # idempotent
        assert store.unit() == DEMO_UNIT and "quantri" in {a.username for a in store.accounts.list()}
    finally:
        store.close()


def test_a_demo_profile_from_before_the_mark_is_still_the_demo(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    store = CounterStore(folder)
    ensure_demo_profile(store)
    store.db.execute_sql("DELETE FROM unit_setting WHERE key = 'demo_profile'")
    store.close()
    refuse_real_profile(folder)
    store = CounterStore(folder)
    try:
        ensure_demo_profile(store)
        assert store.setting("demo_profile") == "1"
    finally:
        store.close()
