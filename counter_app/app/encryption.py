"""Encryption at rest: whether the profile is encrypted, converting it, and the administrator's key file.

`state` needs no account (the status bar and the self-test show it; it tells nothing secret). `encrypt` and
`import_key` work on a closed profile, like a restore: the caller checks the actor's role beforehand where the
profile can be opened (`import_key` runs where it cannot: on a replaced PC, before its key is there).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.audit import AuditKind
from ..core.roles import Account, Operation
from ..storage.cipher import cipher_version, looks_encrypted
from ..storage.encryption import EncryptionError, EncryptionResult, encrypt_profile
from ..storage.keyfile import KeyFileError
from ..storage.keyfile import export_key as _export_key
from ..storage.keyfile import import_key as _import_key
from ..storage.keystore import KeyMissingError, KeyStoreError, system_key_store
from ..storage.store import DB_NAME
from .base import Changes, CounterApp, Done, Scope, write_op

__all__ = [
    "EncryptionError",
    "EncryptionResult",
    "EncryptionState",
    "KeyFileError",
    "KeyMissingError",
    "KeyStoreError",
    "encrypt",
    "export_key",
    "import_key",
    "state",
]


@dataclass(frozen=True)
class EncryptionState:
    """The profile's protection at rest: `code` names its sentence in messages.py."""

    encrypted: bool
    key_store: str | None  # the key store's name, None where this computer has none
    exists: bool  # the profile has a database yet
    cipher: str  # the SQLCipher version this installation carries

    @property
    def code(self) -> str:
        if self.encrypted:
            return "encryption.on"
        if self.key_store is None:
            return "encryption.off_no_key_store"
        return "encryption.off" if self.exists else "encryption.new_profiles"


def state(data_dir: Path) -> EncryptionState:
    path = Path(data_dir) / DB_NAME
    store = system_key_store()
    return EncryptionState(
        encrypted=looks_encrypted(path),
        key_store=store.name if store is not None else None,
        exists=path.is_file(),
        cipher=cipher_version(),
    )


def encrypt(data_dir: Path, *, actor: str) -> EncryptionResult:
    """Encrypt the closed plain profile in `data_dir`, then record it (by `actor`) in the profile's trail."""
    result = encrypt_profile(Path(data_dir))
    app = CounterApp.open(Path(data_dir))
    try:
        details = {"backup": str(result.backup), "backups_converted": len(result.converted_backups)}
        app.store.audit.record(AuditKind.ENCRYPT.value, actor, details=details)
    finally:
        app.close()
    return result


@write_op(Operation.BACKUP)
def export_key(app: CounterApp, account: Account, target: Path, passphrase: str) -> Done[str]:
    """Write the profile's key, sealed with `passphrase`, to the new file `target`; the value is the profile ID."""
    profile = _export_key(app.data_dir, Path(target), passphrase)
    details = {"what": "database key", "file": str(target), "profile": profile}
    app.store.audit.record(AuditKind.EXPORT.value, account.username, details=details)
    return Done(profile, Changes.of(Scope.AUDIT))


def import_key(data_dir: Path, source: Path, passphrase: str) -> str:
    """Put the key sealed in `source` into this computer's key store for the profile in `data_dir`."""
    return _import_key(Path(data_dir), Path(source), passphrase)
