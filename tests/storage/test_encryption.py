"""Citizens' data at rest: a new profile is encrypted with a key kept in the real key store, never in the data folder;
backups share the key; files are private to the user; no key store leaves the profile plain, and says so."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from damaged_profiles import make_profile, receive_citizen

from counter_app.app.encryption import state
from counter_app.core.errors import DomainError
from counter_app.messages import describe
from counter_app.selftest import Level, SelfTest
from counter_app.storage.backups import make_backup, restore_profile
from counter_app.storage.cipher import SQLITE_HEADER
from counter_app.storage.demo import ensure_demo_profile
from counter_app.storage.keystore import KeyMissingError, profile_id, stored_key, system_key_store
from counter_app.storage.store import DB_NAME, CounterStore

#: What the demo receipt of `make_profile` writes about the citizen, as it would appear in a plain file.
CITIZEN = ("Nguyễn Văn Đức".encode(), b"nguyen van duc", b"001090012345", b"0912345678")


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leaks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [needle for needle in CITIZEN if needle in data]


def test_a_new_profile_is_encrypted_and_its_key_is_only_in_the_key_store(key_store, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = CounterStore(folder)  # kept open: the write-ahead log holds the receipt's pages
    try:
        ensure_demo_profile(store)
        receive_citizen(store)
        found = store.dossiers.search("nguyen van duc")
        assert [d.applicant.name for d in found] == ["Nguyễn Văn Đức"]
        backup = make_backup(store)
        usb = make_backup(store, tmp_path / "usb.sqlite")
        files = [folder / DB_NAME, folder / f"{DB_NAME}-wal", backup, usb]
        assert (folder / f"{DB_NAME}-wal").stat().st_size > 0
        for path in files:
            assert path.read_bytes()[:16] != SQLITE_HEADER, path
            assert leaks(path) == [], path
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            sqlite3.connect(folder / DB_NAME).execute("SELECT count(*) FROM dossier").fetchone()
        key = stored_key(folder, system_key_store())
        assert key is not None and len(key) == 32
        everything = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
        assert key not in everything and key.hex().encode() not in everything
        assert key.hex().upper().encode() not in everything
        assert profile_id(folder) is not None  # the only trace of the key store: which entry is the profile's
        assert state(folder).encrypted
    finally:
        store.close()


def test_backups_are_encrypted_with_the_same_key_and_restore_reads_them(key_store, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_profile(folder)
    store = CounterStore(folder)
    usb = make_backup(store, tmp_path / "usb.sqlite")
    store.close()
    (
        folder / DB_NAME
    ).unlink()  # the same PC, its database lost: the backup comes back with the profile's key
    restore_profile(folder, usb, now=datetime(2026, 11, 30, 9, 0))
    assert (folder / DB_NAME).read_bytes()[:16] != SQLITE_HEADER
    store = CounterStore(folder)
    try:
        assert [d.applicant.name for d in store.dossiers.search("Đức")] == ["Nguyễn Văn Đức"]
    finally:
        store.close()


def test_files_are_private_to_the_user_whatever_the_umask(key_store, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with umask(0o002):
        make_profile(folder)
        store = CounterStore(folder)
        try:
            backup = make_backup(store)
            usb = make_backup(store, tmp_path / "usb.sqlite")
            export = tmp_path / "outbox.json"
            store.dossiers  # noqa: B018  (the store is open: the log and the shared memory exist)
            from counter_app.storage.outbox import OutboxRepository

            OutboxRepository(store.db, store.models).export(export, {}, datetime(2026, 11, 30, 9, 0))
            for path in (folder, folder / "backups"):
                assert mode(path) == 0o700, path
            for path in (
                folder / DB_NAME,
                folder / f"{DB_NAME}-wal",
                folder / f"{DB_NAME}-shm",
                backup,
                usb,
                export,
            ):
                assert mode(path) == 0o600, path
            assert mode(folder / "profile-id") == 0o600
        finally:
            store.close()


def test_an_existing_profile_is_made_private_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_profile(folder)
    (folder / "backups").mkdir(exist_ok=True)
    old_backup = folder / "backups" / "counter-daily-20261101.sqlite"
    old_backup.write_bytes((folder / DB_NAME).read_bytes())
    settings = folder / "settings.ini"
    settings.write_text("[General]\n", encoding="utf-8")
    someone_elses = folder / "notes.txt"  # a folder given with --data-dir may hold other files: left alone
    someone_elses.write_text("x", encoding="utf-8")
    for path, bits in ((folder, 0o755), (folder / "backups", 0o755)):
        os.chmod(path, bits)
    for path in (folder / DB_NAME, old_backup, settings, someone_elses):
        os.chmod(path, 0o644)
    CounterStore(folder).close()
    assert mode(folder) == 0o700 and mode(folder / "backups") == 0o700
    assert mode(folder / DB_NAME) == 0o600 and mode(old_backup) == 0o600 and mode(settings) == 0o600
    assert mode(someone_elses) == 0o644


def test_without_a_key_store_the_profile_stays_plain_and_the_self_test_says_so(tmp_path: Path) -> None:
    assert system_key_store() is None  # tests/conftest.py: no key store unless a test asks for one
    folder = tmp_path / "data"
    make_profile(folder)
    assert (folder / DB_NAME).read_bytes()[:16] == SQLITE_HEADER
    assert not (folder / "profile-id").exists()
    sentence = describe(DomainError("encryption.off_no_key_store"), "vi")
    assert sentence == "Dữ liệu của quầy không được mã hóa vì máy này không có kho khóa của hệ điều hành."
    (tmp_path / "scratch").mkdir()
    outcome = SelfTest(folder, tmp_path / "scratch").check_encryption()
    assert outcome.level is Level.WARNING and outcome.vi == sentence
    assert outcome.en == describe(DomainError("encryption.off_no_key_store"), "en")


def test_the_self_test_reports_an_encrypted_profile_and_reads_its_copy(key_store, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_profile(folder)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    suite = SelfTest(folder, scratch)
    assert suite.check_database().level is Level.OK
    outcome = suite.check_encryption()
    assert outcome.level is Level.OK and "SQLCipher 4." in outcome.en and "Secret Service" in outcome.en
    assert suite.check_audit().level is Level.OK


def test_an_encrypted_profile_without_its_key_is_refused_in_one_sentence(
    key_store, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "data"
    make_profile(folder)
    monkeypatch.setenv(
        "PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring"
    )  # another PC, no key imported
    with pytest.raises(KeyMissingError) as refused:
        CounterStore(folder)
    assert "counter-app key import" in describe(refused.value, "en")
