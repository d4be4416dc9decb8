"""Backing up the counter's database on demand, and installing a backup in its place without losing unsent changes.

A restore checks the backup completely, refuses while another program has the database open, keeps the current
file aside (a new name, never deleted) after exporting its unsent outbox entries, installs a consistent copy,
then moves every running number past the codes the restored file knows and holds new codes until the next sync.

Backups of an encrypted profile are encrypted with the profile's key (so only a computer holding that key reads
them); a restore reads a backup with the profile's key and installs it encrypted whenever the profile has a key.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.errors import DomainError
from .cipher import DATABASE_ERRORS, copy_database, is_plain, peewee_database
from .database import available_migrations, backup_file, database_key, sync_folder
from .integrity import COUNTER_TABLES, ensure_not_in_use, problem_of, read_only
from .keystore import stored_key, system_key_store
from .models import bind_models
from .outbox import OutboxRepository
from .store import DB_NAME, CounterStore

RESTORE_REASON = "restored"
SIDE_FILES = ("-wal", "-shm")


class BackupError(DomainError):
    """A backup cannot be made or installed; `code` says why (backup.not_found, backup.damaged, …)."""

    code = "backup.invalid"


class UnsentChangesError(DomainError):
    """The current database holds changes the server has not acknowledged (params: count, path)."""

    code = "restore.unsent"


@dataclass(frozen=True)
class RestoreResult:
    installed: Path  # the profile's database, now the backup's content
    kept_aside: Path | None  # the former database under its new name (None: there was none)
    exported: int  # unsent changes of the former database written to `export_file`
    export_file: Path | None
    unreadable: bool  # the former database's outbox could not be read (it stays in `kept_aside`)
    codes_seen: int  # codes the restored database holds; the running numbers now pass all of them
    held: bool  # no new code until the next sync (the profile had joined a server)


def make_backup(store: CounterStore, target: Path | None = None) -> Path:
    """A consistent copy (SQLite backup API) of the open store: into `backups/`, or into `target`.

    `target` must not exist and its folder must; the copy is written beside it and renamed when complete.
    """
    if target is None:
        return backup_file(store.path, store.backup_dir, "manual")
    target = Path(target)
    if not target.parent.is_dir():
        raise BackupError("backup.folder_missing", folder=str(target.parent))
    if target.exists():
        raise BackupError("backup.target_exists", path=str(target))
    part = target.with_name(f".{target.name}.part")
    part.unlink(missing_ok=True)
    key = database_key(store.path)
    _copy(store.path, part, key, key)
    try:
        os.replace(part, target)
    except OSError:
        part.unlink(missing_ok=True)
        raise
    return target


def backup_key(path: Path, profile_db: Path) -> bytes | None:
    """The key that reads the backup `path`: None for a plain file, else the key of the profile of `profile_db`.

    `BackupError("backup.unreadable")` when the backup is encrypted and this profile has no key on this computer.
    """
    if is_plain(path):
        return None
    key = stored_key(Path(profile_db).parent, system_key_store())
    if key is None:
        size = Path(path).stat().st_size
        if size < 1024 or size % 512:  # an encrypted database is whole pages; this is no database at all
            raise BackupError("backup.damaged", path=str(path), detail="not an SQLite database")
        raise BackupError("backup.unreadable", path=str(path))
    return key


def verify_backup(path: Path, profile_db: Path) -> int:
    """Check that `path` is a complete, healthy counter database this release can open; returns its schema."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("backup.not_found", path=str(path))
    if profile_db.exists() and path.resolve() == profile_db.resolve():
        raise BackupError("backup.same_file", path=str(path))
    if path.stat().st_size == 0:
        raise BackupError("backup.damaged", path=str(path), detail="empty file")
    key = backup_key(path, profile_db)
    detail = problem_of(path, thorough=True, detached=True, key=key)
    if detail is not None:
        code = "backup.unreadable" if key is not None and "not a database" in detail else "backup.damaged"
        raise BackupError(code, path=str(path), detail=detail)
    with read_only(path, detached=True, key=key) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
    if not tables >= COUNTER_TABLES or version < 1:
        raise BackupError("backup.not_counter", path=str(path))
    supported = max(m.number for m in available_migrations())
    if version > supported:
        raise BackupError("backup.newer", path=str(path), found=version, supported=supported)
    return version


def unsent_count(path: Path) -> int | None:
    """Changes of the database at `path` not yet acknowledged by the server; None when they cannot be read."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return 0
    key = None if is_plain(path) else stored_key(path.parent, system_key_store())
    if not is_plain(path) and key is None:
        return 0  # not a database any more (or one this computer cannot read): nothing in it can be read here
    try:
        with read_only(path, key=key) as con:
            return int(con.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0])
    except DATABASE_ERRORS:
        return None


def export_unsent(path: Path, target: Path, now: datetime) -> int:
    """Write the unsent outbox entries of the (possibly damaged) database at `path` to `target`, reading only."""
    meta: dict[str, object] = {"agency_id": None, "counter": None, "server": None}
    key = None if is_plain(path) else stored_key(Path(path).parent, system_key_store())
    with read_only(path, key=key) as con:
        try:
            unit = con.execute("SELECT agency_id, counter FROM unit_config WHERE id = 1").fetchone()
            server = con.execute("SELECT value FROM sync_state WHERE key = 'server_url'").fetchone()
        except DATABASE_ERRORS:
            unit = server = None
    if unit:
        meta["agency_id"], meta["counter"] = unit[0], unit[1]
    if server:
        meta["server"] = server[0]
    db = peewee_database(f"{Path(path).resolve().as_uri()}?mode=ro", key, {}, uri=True)
    try:
        return OutboxRepository(db, bind_models(db)).export(target, meta, now)
    finally:
        db.close()


def restore_profile(
    data_dir: Path, source: Path, *, force: bool = False, now: datetime | None = None
) -> RestoreResult:
    """Install the backup `source` as the profile's database in `data_dir` (see the module docstring).

    Unsent changes of the current database make it refuse (`UnsentChangesError`) unless `force`; even then they
    are exported first to a JSON file in the data folder, and the current file is kept aside in any case.
    """
    now = now or datetime.now()
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    verify_backup(source, db_path)
    source_key = backup_key(source, db_path)
    # A profile with a key stays (or becomes) encrypted, whatever the backup was.
    profile_key = stored_key(data_dir, system_key_store())
    ensure_not_in_use(db_path)
    pending = unsent_count(db_path)
    if pending != 0 and not force:
        code = "restore.unsent" if pending is not None else "restore.unsent_unreadable"
        raise UnsentChangesError(code, count=pending or 0, path=str(db_path))
    exported, export_file, unreadable = 0, None, pending is None
    if pending:
        export_file = _free_name(data_dir / f"outbox-before-restore-{now:%Y%m%d-%H%M%S}.json")
        try:
            exported = export_unsent(db_path, export_file, now)
        except DATABASE_ERRORS:
            exported, export_file, unreadable = 0, None, True
    data_dir.mkdir(parents=True, exist_ok=True)
    incoming = data_dir / f".{DB_NAME}.restoring"
    incoming.unlink(missing_ok=True)
    _copy(Path(source), incoming, source_key, profile_key, detached=True)
    aside = _set_aside(db_path, now) if db_path.exists() else None
    os.replace(incoming, db_path)
    sync_folder(data_dir)
    store = CounterStore(data_dir)
    try:
        seen = store.dossiers.reconcile_code_sequence()
        held = bool(store.dossiers.hold_codes_until_sync(RESTORE_REASON))
    finally:
        store.close()
    return RestoreResult(db_path, aside, exported, export_file, unreadable, seen, held)


def _copy(
    source: Path, target: Path, key: bytes | None, target_key: bytes | None, *, detached: bool = False
) -> None:
    """A consistent copy (`cipher.copy_database`, the source only read) into a new private file, flushed to disk."""
    copy_database(source, target, key, target_key, detached=detached)
    with target.open("rb") as f:
        os.fsync(f.fileno())


def _set_aside(db_path: Path, now: datetime) -> Path:
    """Give the current database (and its write-ahead log) a new name in the same folder; nothing is deleted."""
    aside = _free_name(db_path.with_name(f"{db_path.stem}-replaced-{now:%Y%m%d-%H%M%S}{db_path.suffix}"))
    try:
        os.link(db_path, aside)  # the old name keeps working until the backup replaces it in one step
    except OSError:
        shutil.copy2(db_path, aside)
    for suffix in SIDE_FILES:  # a log left beside the new file would be replayed into it
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
