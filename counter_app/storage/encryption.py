"""Converting an existing plain profile into an encrypted one (`counter-app encrypt`) without ever losing the original.

A key is made and kept in the key store (and read back); the plain database is backed up, encrypted with that key,
into backups/; `sqlcipher_export` writes an encrypted copy beside the database; the copy is checked (integrity, the
schema version and the same rows in every table) and only then takes the database's name. Plain backups already in
backups/ are converted the same way, one by one. Files the conversion does not own (a database kept aside by a
restore, outbox exports) are named in the result for the administrator to deal with.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..core.errors import DomainError
from .cipher import connect, copy_database, is_plain, looks_encrypted, open_read_only
from .database import open_database, sync_folder
from .integrity import BACKUP_FOLDER, ensure_not_in_use, problem_of
from .keystore import new_profile_key, system_key_store
from .privacy import private_folder

DB_NAME = "counter.sqlite3"  # == store.DB_NAME (the store imports this layer, not the other way round)


class EncryptionError(DomainError):
    """The profile cannot be encrypted: `encryption.no_key_store`, `encryption.verify_failed` (params: detail) …"""

    code = "encryption.failed"


@dataclass(frozen=True)
class EncryptionResult:
    database: Path
    backup: Path  # the plain database's content as it was, encrypted with the new key
    converted_backups: list[Path] = field(default_factory=list)
    left_plain: list[Path] = field(default_factory=list)  # profile files still holding plain data


def encrypt_profile(data_dir: Path, now: datetime | None = None) -> EncryptionResult:
    """Encrypt the plain profile in `data_dir` (see the module docstring); nobody may have it open."""
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    if not db_path.exists():
        raise EncryptionError("encryption.no_profile", folder=str(data_dir))
    if looks_encrypted(db_path):
        raise EncryptionError("encryption.already", path=str(db_path))
    store = system_key_store()
    if store is None:
        raise EncryptionError("encryption.no_key_store")
    backups = private_folder(data_dir / BACKUP_FOLDER)
    open_database(db_path, backups).close()  # checks, migrates, moves the sync credential to the key store
    ensure_not_in_use(db_path)
    _checkpoint(db_path)
    key = new_profile_key(data_dir, store)
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S-%f}"
    backup = backups / f"{db_path.stem}-before-encryption-{stamp}.sqlite"
    _encrypted_copy(db_path, backup, key)
    incoming = data_dir / f".{DB_NAME}.encrypting"
    incoming.unlink(missing_ok=True)
    _encrypted_copy(db_path, incoming, key)
    for suffix in ("-wal", "-shm"):  # the plain file's (empty) log must not be replayed into the new one
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, db_path)
    sync_folder(data_dir)
    converted = []
    for old in sorted(backups.glob("*.sqlite")):
        if old != backup and is_plain(old) and problem_of(old, detached=True) is None:
            part = old.with_name(f".{old.name}.encrypting")
            part.unlink(missing_ok=True)
            _encrypted_copy(old, part, key)
            os.replace(part, old)
            converted.append(old)
    return EncryptionResult(db_path, backup, converted, _left_plain(data_dir))


def _encrypted_copy(source: Path, target: Path, key: bytes) -> None:
    """`source` exported into the new file `target` under `key`, then compared with it; a failed copy is removed."""
    try:
        copy_database(source, target, None, key, detached=True)
        detail = problem_of(target, thorough=True, detached=True, key=key)
        if detail is None and _fingerprint(source, None) != _fingerprint(target, key):
            detail = "the copy's rows differ from the original's"
        if detail is not None:
            raise EncryptionError("encryption.verify_failed", path=str(source), detail=detail)
        with target.open("rb") as f:
            os.fsync(f.fileno())
    except BaseException:  # a half-made or wrong copy never stays behind
        target.unlink(missing_ok=True)
        raise


def _fingerprint(path: Path, key: bytes | None) -> tuple[int, dict[str, str]]:
    """The schema version and a digest of every row of every stored table (virtual tables through their shadows)."""
    with open_read_only(path, key, detached=True) as con:
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        tables = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name"
        ).fetchall()
        digests = {}
        for table, sql in tables:
            if "WITHOUT ROWID" in str(sql).upper():
                width = len(con.execute(f'PRAGMA table_info("{table}")').fetchall())
                order = ", ".join(str(i) for i in range(1, width + 1))
            else:
                order = "rowid"
            h = hashlib.sha256()
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                h.update(repr(row).encode("utf-8"))
            digests[table] = h.hexdigest()
    return version, digests


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the plain file, so that the copies read everything from the file itself."""
    with closing(connect(path, None, isolation_level=None)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _left_plain(data_dir: Path) -> list[Path]:
    """Files of the profile that still hold citizens' data in plain text: set-aside databases, outbox exports."""
    found = [p for p in data_dir.glob("counter-replaced-*") if p.is_file() and not looks_encrypted(p)]
    found += [p for p in data_dir.glob("outbox-*.json") if p.is_file()]
    found += [p for p in (data_dir / BACKUP_FOLDER).glob("*.sqlite") if is_plain(p)]
    return sorted(found)
