"""Opening the local SQLite file: WAL, foreign keys, synchronous writes, and numbered migrations after a backup.

A new profile is encrypted (SQLCipher, its key in the operating system's key store) wherever a key store answers;
an existing one opens as it is, plain or encrypted (`counter-app encrypt` converts it). The profile's folder and
files are made private to the user on every open.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from ..core.errors import DomainError
from .cipher import DATABASE_ERRORS, connect, copy_database, looks_encrypted, peewee_database
from .integrity import check_profile_database
from .keystore import (
    SYNC_CREDENTIAL,
    KeyStore,
    KeyStoreError,
    is_reference,
    keep_secret,
    key_of_encrypted,
    new_profile_key,
    stored_key,
    system_key_store,
)
from .paths import migrations_dir
from .privacy import private_folder, tighten_profile

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed intake survives a power cut
    "busy_timeout": 5000,
    "cache_size": -32000,
    # Checkpoints copy the WAL into the database with fsyncs; left to the default (every 4 MB) one lands on an
    # officer's "Receive" now and then (≈300 ms). The sync worker checkpoints on quiet cycles instead
    # (`CounterStore.checkpoint`); this ceiling keeps the WAL bounded when nobody does.
    "wal_autocheckpoint": 10000,
}
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
#: The `sync_state` key holding the server's credential (== sync.settings.TOKEN): a key-store reference when it can.
CREDENTIAL_STATE_KEY = "token"


@dataclass(frozen=True)
class Migration:
    number: int
    path: Path


class MigrationError(Exception):
    """A migration failed; the database is left as it was before it (each runs in one transaction)."""


class NewerDatabaseError(DomainError):
    """The database was written by a newer release than this one; opening it could lose data."""

    code = "database.newer"


def available_migrations(folder: Path | None = None) -> list[Migration]:
    folder = folder or migrations_dir()
    found = []
    for path in sorted(folder.glob("*.sql")):
        m = _MIGRATION_NAME.match(path.name)
        if m:
            found.append(Migration(int(m.group(1)), path))
    return found


def database_key(path: Path, key: bytes | None = None, store: KeyStore | None = None) -> bytes | None:
    """The key that opens the profile database `path`: `key` if given, None for a plain (or absent) file, else
    the profile's key from the key store (`KeyMissingError` when this computer does not have it)."""
    if key is not None or not looks_encrypted(path):
        return key
    return key_of_encrypted(path, store or system_key_store())


def schema_version(path: Path, key: bytes | None = None) -> int:
    """The database's `user_version` (0 for a new file); an encrypted file is read with its profile's key."""
    if not path.exists():
        return 0
    with closing(connect(path, database_key(path, key))) as con:
        return int(con.execute("PRAGMA user_version").fetchone()[0])


def backup_file(path: Path, backup_dir: Path, label: str, key: bytes | None = None) -> Path:
    """Copy a live database consistently (SQLite backup API) into `backup_dir`; returns the copy's path.

    The copy is private to the user and, for an encrypted database, encrypted with the same key.
    """
    private_folder(backup_dir)
    target = backup_dir / f"{path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S-%f}.sqlite"
    key = database_key(path, key)
    copy_database(path, target, key, key, read_only=False)
    return target


def migrate(
    path: Path, backup_dir: Path | None = None, folder: Path | None = None, key: bytes | None = None
) -> list[int]:
    """Apply pending migrations, each in its own transaction, after backing the file up. Returns applied numbers."""
    key = database_key(path, key)
    current = schema_version(path, key)
    known = available_migrations(folder)
    if known and current > known[-1].number:
        raise NewerDatabaseError(found=current, supported=known[-1].number)
    pending = [m for m in known if m.number > current]
    if not pending:
        return []
    if current > 0 and backup_dir is not None:
        backup_file(path, backup_dir, f"v{current}-before-migration", key)
    con = connect(path, key, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=wal")
        for m in pending:
            sql = m.path.read_text(encoding="utf-8")
            try:
                con.execute("BEGIN IMMEDIATE")
                for statement in _statements(sql):
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {m.number}")
                con.execute("COMMIT")
            except DATABASE_ERRORS as exc:
                con.execute("ROLLBACK")
                raise MigrationError(f"{m.path.name}: {exc}") from exc
    finally:
        con.close()
    return [m.number for m in pending]


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (complete_statement keeps semicolons inside strings intact)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def create_database(path: Path, key: bytes | None = None) -> None:
    """A new, migrated database at `path` (plain unless `key`), made whole before it takes the name."""
    private_folder(path.parent)
    _create(path, key)


def _create(path: Path, key: bytes | None) -> None:
    """Make a new database whole beside `path`, then give it that name unless another process did first.

    So a profile's database file is never seen empty or half-made: an empty one is a damaged one. The file is
    private from its first byte (mkstemp) and encrypted with `key` unless it is None.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".new")
    os.close(fd)
    made = Path(name)
    try:
        migrate(made, key=key)
        try:
            os.link(made, path)  # fails if the name exists: never replaces a database another process made
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (rename refuses an existing name on Windows)
            if not path.exists():
                os.rename(made, path)
    finally:
        for leftover in (made, made.with_name(made.name + "-wal"), made.with_name(made.name + "-shm")):
            leftover.unlink(missing_ok=True)


def open_database(path: Path, backup_dir: Path | None = None) -> SqliteDatabase:
    """Check, migrate (with a backup) and open the counter's database with the durability pragmas.

    A damaged file raises `DatabaseDamagedError` before anything (migration, journal mode) is written to it; an
    encrypted one whose key this computer lacks raises `KeyMissingError`.
    """
    folder = private_folder(path.parent)
    store = system_key_store()
    if not path.exists():
        _create(path, _new_key(folder, store))
    tighten_profile(folder)
    key = stored_key(folder, store) if looks_encrypted(path) else None
    # Without the key: `KeyMissingError` for a profile that has an ID, damage for a file that has none.
    check_profile_database(path, key)
    migrate(path, backup_dir, key=key)
    db = peewee_database(path, key, PRAGMAS)
    db.connect(reuse_if_open=True)
    _move_credential_to_key_store(db, folder, store)
    return db


def _new_key(folder: Path, store: KeyStore | None) -> bytes | None:
    """The key of a new profile: none without a key store, or when the store refuses to keep one."""
    if store is None:
        return None
    try:
        return new_profile_key(folder, store)
    except KeyStoreError:
        return None


def _move_credential_to_key_store(db: SqliteDatabase, folder: Path, store: KeyStore | None) -> None:
    """A sync credential still in the database (written before the key store was used) moves to the key store.

    Its bytes are overwritten in the file (secure_delete) and the write-ahead log is emptied; backups made
    before keep it (docs/SECURITY.md).
    """
    if store is None:
        return
    row = db.execute_sql("SELECT value FROM sync_state WHERE key = ?", (CREDENTIAL_STATE_KEY,)).fetchone()
    if row is None or is_reference(str(row[0])):
        return
    reference = keep_secret(folder, store, SYNC_CREDENTIAL, str(row[0]))
    if not is_reference(reference):
        return  # it stays where it was until the key store answers
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET value = ? WHERE key = ?", (reference, CREDENTIAL_STATE_KEY))
    finally:
        db.execute_sql("PRAGMA secure_delete = OFF")
    # Readers in other processes may hold the log; the next checkpoint empties it then.
    with contextlib.suppress(PeeweeDatabaseError):
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def sync_folder(folder: Path) -> None:
    """Make renames inside `folder` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
