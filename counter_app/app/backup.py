"""Backups and restores of the counter's profile, and the typed errors of a damaged or busy database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..core.audit import AuditKind
from ..core.roles import Account, Operation
from ..storage.backups import BackupError, RestoreResult, UnsentChangesError, make_backup, restore_profile
from ..storage.integrity import DatabaseDamagedError, DatabaseInUseError
from ..storage.integrity import damage_behind as _damage_behind
from ..storage.store import DB_NAME
from .base import Changes, CounterApp, Done, Scope, write_op

__all__ = [
    "BackupError",
    "DatabaseDamagedError",
    "DatabaseInUseError",
    "RestoreResult",
    "UnsentChangesError",
    "backup",
    "damage_behind",
    "profile_exists",
    "restore",
]


def damage_behind(exc: BaseException, data_dir: Path) -> DatabaseDamagedError | None:
    """When an unexpected error came from damaged bytes inside the profile's database, the typed error."""
    return _damage_behind(exc, Path(data_dir) / DB_NAME)


def profile_exists(data_dir: Path) -> bool:
    """Whether the folder holds a profile database (a restore onto a new machine must not create one)."""
    return (Path(data_dir) / DB_NAME).exists()


@write_op(Operation.BACKUP)
def backup(app: CounterApp, account: Account, target: Path | None = None) -> Done[Path]:
    """A consistent copy of the open profile (into its `backups/` folder unless `target` is given)."""
    path = make_backup(app.store, target)
    app.store.audit.record(AuditKind.BACKUP.value, account.username, details={"file": str(path)})
    return Done(path, Changes.of(Scope.AUDIT))


def restore(
    data_dir: Path, source: Path, *, actor: str, force: bool = False, now: datetime | None = None
) -> RestoreResult:
    """Install a backup as the profile in `data_dir` (the profile must be closed by everyone), then record the
    restore, by `actor`, in the restored profile's own trail. The caller checked the actor's role beforehand
    (with `backup` rights on the current profile), unless that profile is too damaged to prove anyone."""
    result = restore_profile(Path(data_dir), Path(source), force=force, **({"now": now} if now else {}))
    app = CounterApp.open(Path(data_dir))
    try:
        app.store.audit.record(AuditKind.RESTORE.value, actor, details={"file": str(source)})
    finally:
        app.close()
    return result
