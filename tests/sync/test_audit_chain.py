"""The counter's audit chain reaches a real server, which keeps it in order and reports gaps, forks and forged
entries as incidents instead of accepting them silently (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
from sync_support import AGENCY, Counters, receive_one

from counter_app.server.audit import chain_length, list_incidents
from counter_app.storage.store import DB_NAME, CounterStore
from counter_app.sync.engine import SyncEngine


def test_the_chain_reaches_the_server_whole_and_in_order(server, counters: Counters, admin) -> None:
    one = counters.new(1, server.url)
    for name in ("Một", "Hai", "Ba"):
        receive_one(one, name)
    engine = SyncEngine(one)
    report = engine.cycle()
    assert report.ok and report.audit_sent == one.audit.count() >= 3
    assert chain_length(admin, AGENCY, 1) == one.audit.count()
    again = engine.cycle()  # nothing new: nothing sent twice
    assert again.ok and again.audit_sent == 0
    assert list_incidents(admin) == []
    engine.close()


def test_a_profile_rewound_from_a_backup_is_a_reported_fork(
    server, counters: Counters, admin, tmp_path: Path
) -> None:
    one = counters.new(1, server.url)
    receive_one(one, "Trước")
    engine = SyncEngine(one)
    assert engine.cycle().ok
    one.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp_path / "backup"
    backup.mkdir()
    for path in one.data_dir.glob(f"{DB_NAME}*"):
        shutil.copy(path, backup / path.name)
    receive_one(one, "Sau")
    assert engine.cycle().ok
    engine.close()
    one.close()
    counters.stores.pop(1)
    for path in one.data_dir.glob(f"{DB_NAME}*"):
        path.unlink()
    for path in backup.iterdir():
        shutil.copy(path, one.data_dir / path.name)

    restored = CounterStore(one.data_dir)
    receive_one(restored, "Sau khi khôi phục")  # a different entry under a number the server already holds
    engine = SyncEngine(restored)
    assert engine.cycle().ok
    kinds = [i.kind for i in list_incidents(admin, AGENCY)]
    assert kinds == ["fork"]
    assert chain_length(admin, AGENCY, 1) == restored.audit.count()
    engine.close()
    restored.close()


def test_missing_entries_are_a_gap_and_a_forged_entry_is_refused(server, counters: Counters, admin) -> None:
    one = counters.new(1, server.url)
    receive_one(one, "Một")
    engine = SyncEngine(one)
    assert engine.cycle().ok
    chain_id = one.audit.chain_id()
    entries = [e.to_dict() for e in one.audit.entries()]
    credential = engine.settings().token  # type: ignore[union-attr]
    head = len(entries)

    # the counter's next entries, with the first two never sent (deleted on the way)
    for name in ("Hai", "Ba", "Bốn"):
        receive_one(one, name)
    later = [e.to_dict() for e in one.audit.entries(after_seq=head)]
    skipped = [e for e in later if e["seq"] > head + 2]
    answer = httpx.post(
        f"{server.url}/v1/audit",
        json={"chain_id": chain_id, "entries": skipped},
        headers={"Authorization": f"Bearer {credential}"},
    )
    assert answer.status_code == 200 and answer.json()["incidents"] == [f"audit.gap@{head + 3}"]

    forged = dict(later[-1], seq=later[-1]["seq"] + 1, actor="ai-do")
    answer = httpx.post(
        f"{server.url}/v1/audit",
        json={"chain_id": chain_id, "entries": [forged]},
        headers={"Authorization": f"Bearer {credential}"},
    )
    assert answer.status_code == 200 and answer.json()["refused"] == [forged["seq"]]
    assert [i.kind for i in list_incidents(admin, AGENCY)] == ["gap", "hash"]
    engine.close()


def test_counter_server_lists_the_incidents(server, counters: Counters, admin, server_db: str) -> None:
    import io

    from counter_app.server.cli import main as server_main

    out = io.StringIO()
    assert server_main(["audit-incidents", "--database", server_db], out=out, err=io.StringIO()) == 0
    assert "Không có sự cố nào." in out.getvalue()
    one = counters.new(1, server.url)
    engine = SyncEngine(one)
    credential = engine.settings().token  # type: ignore[union-attr]
    receive_one(one)
    entry = one.audit.entries()[-1].to_dict()
    httpx.post(
        f"{server.url}/v1/audit",
        json={"chain_id": one.audit.chain_id(), "entries": [entry]},  # the first entries never came
        headers={"Authorization": f"Bearer {credential}"},
    )
    out = io.StringIO()
    assert server_main(["audit-incidents", "--database", server_db], out=out, err=io.StringIO()) == 0
    assert f"\t{AGENCY}\t01\t" in out.getvalue() and "\tgap\t" in out.getvalue()
    engine.close()
