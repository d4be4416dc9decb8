"""Backups on demand and restores: the backup is checked, the current file kept aside, unsent changes never lost."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from damaged_profiles import corrupt, digest, make_profile, unsent

from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person
from counter_app.storage.backups import (
    BackupError,
    UnsentChangesError,
    make_backup,
    restore_profile,
    verify_backup,
)
from counter_app.storage.integrity import DatabaseInUseError
from counter_app.storage.store import DB_NAME, CounterStore

NOW = datetime(2026, 11, 30, 9, 0)
AGENCY = "000.00.06.H56"


def receive(store: CounterStore, name: str, ident: str) -> str:
    unit, procedure = store.require_unit(), store.procedure("1.001193")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, ident, phone="0912345678"),
        at=datetime(2026, 11, 23, 10, 0),
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    code = store.receive(draft).code
    assert code is not None
    return code


def mark_sent(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE outbox SET state = 'sent', sent_at = '2026-11-23T11:00:00'")
    con.close()


def test_backup_goes_to_backups_or_to_the_file_asked_for(tmp_path: Path) -> None:
    folder = tmp_path / "counter"
    make_profile(folder)
    store = CounterStore(folder)
    try:
        default = make_backup(store)
        assert default.parent == folder / "backups" and default.name.startswith("counter-manual-")
        chosen = make_backup(store, tmp_path / "sao-luu.sqlite")
        assert chosen == tmp_path / "sao-luu.sqlite"
        for copy in (default, chosen):
            assert verify_backup(copy, folder / DB_NAME) >= 4
            con = sqlite3.connect(copy)
            assert con.execute("SELECT count(*) FROM dossier").fetchone()[0] == 1
            con.close()
        with pytest.raises(BackupError) as exists:
            make_backup(store, chosen)
        assert exists.value.code == "backup.target_exists"
        with pytest.raises(BackupError) as missing:
            make_backup(store, tmp_path / "khong-co" / "x.sqlite")
        assert missing.value.code == "backup.folder_missing"
        assert not (tmp_path / "khong-co").exists()
    finally:
        store.close()


def test_restore_keeps_the_current_file_aside_and_moves_the_sequence_past_every_code(tmp_path: Path) -> None:
    folder = tmp_path / "counter"
    make_profile(folder)
    store = CounterStore(folder)
    backup = make_backup(store, tmp_path / "backup.sqlite")
    receive(store, "Trần Thị Bình", "001190012346")  # only in the current file
    store.close()
    mark_sent(folder / DB_NAME)
    # the backup's running number lags behind the codes it holds (a file copied while codes came from the server)
    con = sqlite3.connect(backup)
    with con:
        con.execute("UPDATE code_sequence SET last_number = 0")
    con.close()
    current = digest(folder / DB_NAME)

    result = restore_profile(folder, backup, now=NOW)

    assert result.kept_aside == folder / "counter-replaced-20261130-090000.sqlite3"
    assert digest(result.kept_aside) == current
    assert result.exported == 0 and result.export_file is None and not result.unreadable
    assert result.codes_seen == 1 and result.held is False  # never joined a server: nothing to wait for
    restored = CounterStore(folder)
    try:
        assert restored.dossiers.count() == 1
        row = restored.db.execute_sql("SELECT max(last_number) FROM code_sequence").fetchone()
        assert row[0] >= 1
        assert receive(restored, "Lê Văn Cường", "001090012347") == f"{AGENCY}-261123-0102"
    finally:
        restored.close()


def test_restore_of_a_joined_counter_holds_codes_until_the_next_sync(tmp_path: Path) -> None:
    folder = tmp_path / "counter"
    path = make_profile(folder)
    mark_sent(path)
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "INSERT INTO sync_state (key, value) VALUES ('server_url', 'https://motcua.example.gov.vn')"
        )
    con.close()
    backup = tmp_path / "backup.sqlite"
    store = CounterStore(folder)
    make_backup(store, backup)
    store.close()

    result = restore_profile(folder, backup, now=NOW)

    assert result.held is True
    restored = CounterStore(folder)
    try:
        assert restored.dossiers.codes_hold() == "restored"
    finally:
        restored.close()


def test_unsent_changes_refuse_a_restore_unless_forced_and_then_are_exported_first(tmp_path: Path) -> None:
    folder = tmp_path / "counter"
    make_profile(folder)  # its receipt is still in the outbox
    store = CounterStore(folder)
    backup = make_backup(store, tmp_path / "backup.sqlite")
    receive(store, "Trần Thị Bình", "001190012346")
    store.close()
    before, waiting = digest(folder / DB_NAME), unsent(folder / DB_NAME)

    with pytest.raises(UnsentChangesError) as refused:
        restore_profile(folder, backup, now=NOW)
    assert refused.value.code == "restore.unsent" and refused.value.params["count"] == waiting
    assert digest(folder / DB_NAME) == before

    result = restore_profile(folder, backup, force=True, now=NOW)
    assert result.exported == waiting and result.export_file is not None
    exported = json.loads(result.export_file.read_text(encoding="utf-8"))
    assert exported["format"] == "quay-mot-cua/outbox" and exported["agency_id"] == AGENCY
    creates = [e for e in exported["entries"] if e["kind"] == "dossier.create"]
    assert len(creates) == 2 and len(exported["entries"]) == waiting
    assert result.kept_aside is not None and digest(result.kept_aside) == before


def test_a_damaged_current_database_can_be_replaced_and_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "counter"
    path = make_profile(folder)
    mark_sent(path)
    store = CounterStore(folder)
    backup = make_backup(store, tmp_path / "backup.sqlite")
    store.close()
    corrupt(path, "truncated")
    damaged = digest(path)
    with pytest.raises(
        UnsentChangesError
    ) as refused:  # its outbox cannot be read: it may hold unsent changes
        restore_profile(folder, backup, now=NOW)
    assert refused.value.code == "restore.unsent_unreadable"
    result = restore_profile(folder, backup, force=True, now=NOW)
    assert result.unreadable and result.exported == 0
    assert result.kept_aside is not None and digest(result.kept_aside) == damaged
    CounterStore(folder).close()


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        ("truncated", "backup.damaged"),
        ("random page", "backup.damaged"),
        ("emptied", "backup.damaged"),
        ("not sqlite", "backup.damaged"),
        ("other database", "backup.not_counter"),
        ("newer", "backup.newer"),
        ("missing", "backup.not_found"),
        ("itself", "backup.same_file"),
    ],
)
def test_only_a_healthy_counter_database_is_installed(tmp_path: Path, damage: str, code: str) -> None:
    folder = tmp_path / "counter"
    path = make_profile(folder)
    mark_sent(path)
    store = CounterStore(folder)
    backup = make_backup(store, tmp_path / "backup.sqlite")
    store.close()
    if damage == "other database":
        backup.unlink()
        con = sqlite3.connect(backup)
        con.execute("CREATE TABLE note (text TEXT)")
        con.close()
    elif damage == "newer":
        con = sqlite3.connect(backup)
        con.execute("PRAGMA user_version = 999")
        con.close()
    elif damage == "missing":
        backup.unlink()
    elif damage == "itself":
        backup = path
    else:
        corrupt(backup, damage)
    before = digest(path)
    with pytest.raises(BackupError) as refused:
        restore_profile(folder, backup, now=NOW)
    assert refused.value.code == code
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir() if "replaced" in p.name or "restoring" in p.name) == []


def test_a_database_in_use_is_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "counter"
    path = make_profile(folder)
    mark_sent(path)
    store = CounterStore(folder)
    try:
        backup = make_backup(store, tmp_path / "backup.sqlite")
        with pytest.raises(DatabaseInUseError):
            restore_profile(folder, backup, now=NOW)
        assert store.dossiers.count() == 1
    finally:
        store.close()


def test_a_backup_restores_into_a_new_machine_s_empty_data_folder(tmp_path: Path) -> None:
    source = make_profile(tmp_path / "old-machine")
    result = restore_profile(tmp_path / "new-machine" / "quay-mot-cua", source, now=NOW)
    assert result.kept_aside is None and result.codes_seen == 1
    store = CounterStore(result.installed.parent)
    try:
        assert store.dossiers.count() == 1 and store.unit() is not None
    finally:
        store.close()
