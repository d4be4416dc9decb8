"""The profile's content-addressed file store: names by SHA-256, stored once, sealed when the profile is encrypted,
checked on every read."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from counter_app.storage.files import FileStore, FileStoreError, file_key, sha256_hex

PDF = b"%PDF-1.7\n" + b"Giay chung sinh " * 2000 + b"\n%%EOF\n"


def test_a_file_is_named_by_its_hash_and_stored_once(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    digest = store.put(PDF)
    assert digest == sha256_hex(PDF) and store.has(digest)
    assert (
        store.put(PDF) == digest and len(list((tmp_path / "files").rglob("*"))) == 2
    )  # one folder, one file
    assert store.get(digest) == PDF
    assert store.path(digest).read_bytes() == PDF  # a plain profile keeps plain files


def test_an_encrypted_profile_seals_its_files_and_another_key_reads_nothing(tmp_path: Path) -> None:
    key = file_key(secrets.token_bytes(32))
    sealed = FileStore(tmp_path, key)
    digest = sealed.put(PDF)
    on_disk = sealed.path(digest).read_bytes()
    assert b"Giay chung sinh" not in on_disk and on_disk != PDF
    assert sealed.get(digest) == PDF
    with pytest.raises(FileStoreError) as other:
        FileStore(tmp_path, file_key(secrets.token_bytes(32))).get(digest)
    assert other.value.code == "file.damaged"
    with pytest.raises(FileStoreError):
        FileStore(tmp_path).get(digest)  # without the key store's key: refused, not garbage


def test_a_damaged_or_missing_file_is_an_error(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    digest = store.put(PDF)
    store.path(digest).write_bytes(PDF[:-3])
    with pytest.raises(FileStoreError) as damaged:
        store.get(digest)
    assert damaged.value.code == "file.damaged"
    with pytest.raises(FileStoreError) as missing:
        store.get("0" * 64)
    assert missing.value.code == "file.missing"
    with pytest.raises(FileStoreError):
        store.path("../../etc/passwd")
