"""Opening the local SQLite file: WAL, foreign keys, synchronous writes, and numbered migrations after a backup."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ..core.errors import DomainError
from .integrity import check_profile_database
from .paths import migrations_dir

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


def schema_version(path: Path) -> int:
    """The database's `user_version` (0 for a new file)."""
    if not path.exists():
        return 0
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def backup_file(path: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live database consistently (SQLite backup API) into `backup_dir`; returns the copy's path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S-%f}.sqlite"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(path: Path, backup_dir: Path | None = None, folder: Path | None = None) -> list[int]:
    """Apply pending migrations, each in its own transaction, after backing the file up. Returns applied numbers."""
    current = schema_version(path)
    known = available_migrations(folder)
    if known and current > known[-1].number:
        raise NewerDatabaseError(found=current, supported=known[-1].number)
    pending = [m for m in known if m.number > current]
    if not pending:
        return []
    if current > 0 and backup_dir is not None:
        backup_file(path, backup_dir, f"v{current}-before-migration")
    con = sqlite3.connect(path, isolation_level=None)
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
            except sqlite3.Error as exc:
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


def _create(path: Path) -> None:
    """Make a new database whole beside `path`, then give it that name unless another process did first.

    So a profile's database file is never seen empty or half-made: an empty one is a damaged one.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".new")
    os.close(fd)
    made = Path(name)
    try:
        migrate(made)
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

    A damaged file raises `DatabaseDamagedError` before anything (migration, journal mode) is written to it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        _create(path)
    check_profile_database(path)
    migrate(path, backup_dir)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    return db
