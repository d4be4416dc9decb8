"""`counter-app encrypt` converts an existing profile (backup first, search intact); `key export` / `key import`
recover it on a replaced PC with a fresh key store; the sync credential lives in the key store, not in the data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from damaged_profiles import make_profile
from keystore_support import PrivateSecretService

from counter_app.storage.cipher import SQLITE_HEADER, connect
from counter_app.storage.database import database_key
from counter_app.storage.keystore import SYNC_CREDENTIAL, profile_id, system_key_store
from counter_app.storage.outbox import SyncStateRepository
from counter_app.storage.store import DB_NAME, CounterStore
from counter_app.sync.client import Identity, Timed
from counter_app.sync.enrol import join_server
from counter_app.sync.settings import server_settings

PASSPHRASE = "mùa thu Hà Nội 2026"
CREDENTIAL = "cred-7f3a9c51e2d04b8f9a6e"


def plain_profile(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile made while the computer had no key store (as every profile before this release)."""
    with monkeypatch.context() as m:
        m.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        make_profile(folder)
        backup = CounterStore(folder)
        from counter_app.storage.backups import make_backup

        make_backup(backup)
        backup.close()
    assert (folder / DB_NAME).read_bytes()[:16] == SQLITE_HEADER


def test_encrypt_converts_an_existing_profile_after_a_backup(
    key_store, cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_profile(data_dir, monkeypatch)
    before = cli("dossier", "search", "nguyen van duc")
    assert before.code == 0 and "Nguyễn Văn Đức" in before.out

    result = cli("encrypt")
    assert result.code == 0, result.err
    assert (data_dir / DB_NAME).read_bytes()[:16] != SQLITE_HEADER
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir / DB_NAME).execute("SELECT count(*) FROM dossier").fetchone()
    made_first = list((data_dir / "backups").glob("counter-before-encryption-*.sqlite"))
    assert len(made_first) == 1 and str(made_first[0]) in result.out
    key = database_key(data_dir / DB_NAME)
    assert key is not None
    with closing(connect(made_first[0], key)) as con:  # the backup holds the data as it was, with the new key
        assert con.execute("SELECT count(*) FROM dossier").fetchone()[0] == 1
    for backup in (data_dir / "backups").glob("*.sqlite"):  # the plain backup made earlier was converted too
        assert backup.read_bytes()[:16] != SQLITE_HEADER and b"Nguy" not in backup.read_bytes()

    after = cli("dossier", "search", "nguyen van duc")
    assert after.code == 0 and "Nguyễn Văn Đức" in after.out
    again = cli("encrypt", lang="en")
    assert again.code == 0 and "already encrypted" in again.out
    trail = cli("audit", "list", "--limit", "3")
    assert trail.code == 0 and "encrypt" in trail.out


def test_encrypt_without_a_key_store_refuses_in_one_sentence(cli, data_dir: Path) -> None:
    make_profile(data_dir)
    result = cli("encrypt", lang="en")
    assert (
        result.code == 2 and "no operating system key store" in result.err and "Traceback" not in result.err
    )
    assert (data_dir / DB_NAME).read_bytes()[:16] == SQLITE_HEADER


@pytest.fixture
def new_pc(tmp_path: Path) -> Iterator[PrivateSecretService]:
    """Another computer's key store: empty, and the only one the test process sees once it is switched to."""
    service = PrivateSecretService(tmp_path / "new-pc-keyring").start()
    yield service
    service.stop()


def test_key_export_and_import_recover_the_profile_on_a_new_pc(
    key_store,
    new_pc: PrivateSecretService,
    cli,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_profile(data_dir)  # encrypted from the start: this PC has a key store
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    key_file = tmp_path / "usb" / "quay03.key"
    key_file.parent.mkdir()
    exported = cli("key", "export", "--file", str(key_file), "--passphrase-file", str(passphrase))
    assert exported.code == 0, exported.err
    key = database_key(data_dir / DB_NAME)
    assert key is not None and key.hex() not in key_file.read_text(encoding="utf-8")
    assert cli("key", "export", "--file", str(key_file), "--passphrase-file", str(passphrase)).code == 2
    usb_backup = tmp_path / "usb" / "quay03.sqlite"
    assert cli("backup", "-o", str(usb_backup)).code == 0

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", new_pc.address)  # the replaced PC: a fresh key store
    new_folder = tmp_path / "new-pc-data"
    new_folder.mkdir()
    from counter_app.cli.main import main

    def on_new_pc(*args: str) -> tuple[int, str]:
        import io

        out, err = io.StringIO(), io.StringIO()
        code = main(["--data-dir", str(new_folder), "--lang", "en", *args], out=out, err=err)
        return code, out.getvalue() + err.getvalue()

    code, text = on_new_pc("restore", str(usb_backup))
    assert code == 2 and "key import" in text and not (new_folder / DB_NAME).exists()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    code, text = on_new_pc("key", "import", "--file", str(key_file), "--passphrase-file", str(wrong))
    assert code == 2 and "passphrase does not open" in text
    code, text = on_new_pc("key", "import", "--file", str(key_file), "--passphrase-file", str(passphrase))
    assert code == 0, text
    assert profile_id(new_folder) == profile_id(data_dir)
    code, text = on_new_pc("restore", str(usb_backup))
    assert code == 0, text
    code, text = on_new_pc("dossier", "search", "nguyen van duc")
    assert code == 0 and "Nguyễn Văn Đức" in text
    assert (new_folder / DB_NAME).read_bytes()[:16] != SQLITE_HEADER


class _Enrolment:
    """The server's answer to an enrolment (the real exchange is tested in tests/sync)."""

    def __init__(self, url: str, token: str) -> None:
        self.token = token

    def __enter__(self) -> _Enrolment:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def enrol(self) -> Identity:
        at = datetime(2026, 11, 30, 9, 0)
        return Identity("000.00.06.H56", 1, Timed(at, at, at), credential=CREDENTIAL)


def raw_files(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_the_sync_credential_lives_in_the_key_store_not_in_the_data(key_store, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_profile(folder)
    store = CounterStore(folder)
    try:
        join_server(store, "https://motcua.example.gov.vn", "one-time", client_factory=_Enrolment)  # type: ignore[arg-type]
        state = SyncStateRepository(store.db, store.models)
        assert state.get("token", "").startswith("keystore:")
        found = server_settings(state)
        assert found is not None and found.token == CREDENTIAL
        from counter_app.storage.backups import make_backup

        make_backup(store)
        with closing(connect(store.path, database_key(store.path))) as con:
            assert CREDENTIAL not in str(con.execute("SELECT * FROM sync_state").fetchall())
    finally:
        store.close()
    assert CREDENTIAL.encode() not in raw_files(folder)


def test_a_credential_kept_in_an_old_profile_moves_to_the_key_store_on_open(
    key_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    plain_profile(folder, monkeypatch)
    with closing(sqlite3.connect(folder / DB_NAME)) as con, con:  # as an earlier release wrote it
        con.execute("INSERT INTO sync_state (key, value) VALUES ('token', ?)", (CREDENTIAL,))
    assert CREDENTIAL.encode() in raw_files(folder)
    for old in (folder / "backups").glob("*.sqlite"):
        old.unlink()  # backups made before keep it (docs/SECURITY.md); this test follows the live file
    store = CounterStore(folder)
    try:
        assert SyncStateRepository(store.db, store.models).get("token", "").startswith("keystore:")
        from counter_app.storage.backups import make_backup

        make_backup(store)
        pid = profile_id(folder)
        key_store_entry = system_key_store()
        assert pid is not None and key_store_entry is not None
        assert key_store_entry.get(pid, SYNC_CREDENTIAL) == CREDENTIAL
    finally:
        store.close()
    assert CREDENTIAL.encode() not in raw_files(folder)
