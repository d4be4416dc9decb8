"""A counter never issues a code twice, whatever happened to its disk: restored from a backup, or reinstalled with
the same number, on a real server (SQLite and PostgreSQL). Whatever the server parks, sync goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sync_support import AGENCY, DAY, PROCEDURE, Counters, receive_one

from counter_app.core.model import UnitConfig
from counter_app.server.admin import add_counter, revoke_counter
from counter_app.storage.dossiers import CodesOnHoldError
from counter_app.storage.store import DB_NAME, CounterStore
from counter_app.sync.engine import SyncEngine
from counter_app.sync.enrol import join_server
from counter_app.sync.status import SyncState

UNIT = ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU", "UBND PHƯỜNG MẪU", "Phường Mẫu")


def copy_profile(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob(f"{DB_NAME}*"):
        shutil.copy(path, target / path.name)


def fresh_store(folder: Path, number: int) -> CounterStore:
    store = CounterStore(folder)
    store.set_unit(UnitConfig(AGENCY, *UNIT, number))
    store.replace_catalogue([PROCEDURE])
    return store


def test_restore_from_a_backup_then_sync_then_receive(server, counters: Counters, tmp_path: Path) -> None:
    one = counters.new(1, server.url)
    engine = SyncEngine(one)
    receive_one(one, "Trước sao lưu")
    assert engine.cycle().ok
    one.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp_path / "backup"
    copy_profile(one.data_dir, backup)  # the backup holds code …-0101 only
    after = [receive_one(one, f"Sau sao lưu {i}").code for i in range(3)]  # …-0102 … -0104
    assert engine.cycle().ok
    engine.close()
    one.close()
    counters.stores.pop(1)

    # the disk dies; the data folder comes back from the backup, and the counter syncs
    shutil.rmtree(one.data_dir)
    copy_profile(backup, one.data_dir)
    restored = CounterStore(one.data_dir)
    engine = SyncEngine(restored)
    report = engine.cycle()
    assert report.ok and report.pull.dossiers == 3
    again = receive_one(restored, "Hôm nay")
    assert again.code == f"{AGENCY}-261123-0105" and again.code not in after
    assert engine.cycle().ok and engine.status().parked == ()
    engine.close()
    restored.close()


def test_a_restore_holds_codes_until_the_first_full_sync(server, counters: Counters) -> None:
    one = counters.new(1, server.url)
    receive_one(one)
    assert one.dossiers.hold_codes_until_sync("restored") is True
    with pytest.raises(CodesOnHoldError):
        receive_one(one, "Chờ đồng bộ")
    engine = SyncEngine(one)
    assert engine.cycle().ok
    assert one.dossiers.codes_hold() is None
    assert receive_one(one, "Sau đồng bộ").code == f"{AGENCY}-261123-0102"
    engine.close()


def test_a_standalone_counter_is_never_held(tmp_path: Path) -> None:
    store = fresh_store(tmp_path / "standalone", 4)
    assert store.dossiers.hold_codes_until_sync("restored") is False
    assert receive_one(store).code == f"{AGENCY}-261123-0401"
    store.close()


def test_reinstall_then_offline_receive_then_sync_parks_the_clash_and_goes_on(
    server, counters: Counters, admin, tmp_path: Path
) -> None:
    two = counters.new(2, server.url)
    first = receive_one(two, "Công dân đầu tiên")
    engine = SyncEngine(two)
    assert engine.cycle().ok
    engine.close()

    # the PC is reinstalled with the same number and, before it joins again, receives a citizen offline
    again = fresh_store(tmp_path / "reinstalled", 2)
    clash = receive_one(again, "Công dân nhận khi chưa kết nối")
    assert clash.code == first.code  # what the review found: nothing on this disk knew the code was taken
    revoke_counter(admin, AGENCY, 2)
    identity = join_server(again, server.url, add_counter(admin, AGENCY, 2))
    assert identity.reinstalled and identity.slot_numbers == {"261123": 1}
    with pytest.raises(CodesOnHoldError):
        receive_one(again, "Chưa đồng bộ")

    engine = SyncEngine(again)
    report = engine.cycle()
    assert report.ok, report  # the clash is parked on both sides; the cycle finishes
    reasons = {item.reason for item in engine.status().parked}
    assert reasons == {"code.taken", "download.code_taken"}
    assert engine.status().state is SyncState.NEEDS_ATTENTION
    assert int(engine.state.get("pull_cursor") or 0) > 0
    assert again.dossiers.codes_hold() is None
    fresh = receive_one(again, "Công dân sau đồng bộ")
    assert fresh.code == f"{AGENCY}-261123-0202"
    second = engine.cycle()
    assert second.ok and second.push.sent == 1
    engine.close()
    again.close()


def test_a_reinstalled_counter_that_joins_first_issues_no_code_until_it_synced(
    server, counters: Counters, admin, tmp_path: Path
) -> None:
    two = counters.new(2, server.url)
    for name in ("A", "B", "C"):
        receive_one(two, name)
    engine = SyncEngine(two)
    assert engine.cycle().ok
    engine.close()
    revoke_counter(admin, AGENCY, 2)

    again = fresh_store(tmp_path / "reinstalled", 2)
    join_server(again, server.url, add_counter(admin, AGENCY, 2))
    # even before the first sync the running number already stands past the server's codes
    assert again.dossiers.next_code(AGENCY, DAY.date(), 2) == f"{AGENCY}-261123-0204"
    with pytest.raises(CodesOnHoldError):
        receive_one(again, "D")
    engine = SyncEngine(again)
    assert engine.cycle().ok
    assert receive_one(again, "D").code == f"{AGENCY}-261123-0205"
    engine.close()
    again.close()


def test_the_status_bar_says_in_one_sentence_that_codes_wait_for_the_first_sync(
    qtbot, server, counters: Counters
) -> None:
    from counter_app.gui.sync_status import SyncStatusIndicator

    one = counters.new(1, server.url)
    one.dossiers.hold_codes_until_sync("restored")
    engine = SyncEngine(one)
    indicator = SyncStatusIndicator()
    qtbot.addWidget(indicator)
    indicator.show_status(engine.status())
    assert engine.status().to_json()["codes_hold"] == "restored"
    assert "chưa cấp mã hồ sơ cho đến khi đồng bộ xong" in indicator.label.text()
    assert engine.cycle().ok
    indicator.show_status(engine.status())
    assert "chưa cấp mã" not in indicator.label.text()
    engine.close()
