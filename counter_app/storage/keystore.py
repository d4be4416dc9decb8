"""The operating system's key store (Windows Credential Manager, Secret Service on Linux) holding a profile's secrets.

A profile is named by a random ID kept in plain text beside its database (`profile-id`). The ID is no secret: it
only says which entries of the key store belong to the profile, so a data folder can move (another drive, another
path) and keep its key. The entries live under the service `quay-mot-cua/<profile ID>`: `database-key` (the
SQLCipher key, 256 random bits in hex) and `sync-credential` (the server's credential). Neither is ever written
to the data folder; the database keeps only a reference (`keystore:<profile ID>/sync-credential`).
"""

from __future__ import annotations

import os
import re
import secrets
import sys
import uuid
from pathlib import Path
from typing import Any

from ..core.errors import DomainError
from .privacy import create_private_file, make_private

PROFILE_ID_FILE = "profile-id"
SERVICE_PREFIX = "quay-mot-cua/"
DATABASE_KEY = "database-key"
SYNC_CREDENTIAL = "sync-credential"
REFERENCE_PREFIX = "keystore:"
KEY_BYTES = 32
_PROFILE_ID = re.compile(r"^[0-9a-f]{32}$")
#: The key store of each platform, by keyring's backend name; PYTHON_KEYRING_BACKEND or keyring's own
#: configuration file override it (tests and administrators use that to say "no key store").
_PLATFORM_BACKENDS = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}
_LINUX_BACKEND = "keyring.backends.SecretService.Keyring"
_NAMES = {"WinVaultKeyring": "Windows Credential Manager", "SecretService": "Secret Service"}


class KeyStoreError(DomainError):
    """The key store exists but refused or failed a request, e.g. locked (params: detail)."""

    code = "keystore.unavailable"


class KeyMissingError(DomainError):
    """The profile's database is encrypted and its key is not in this computer's key store (params: path)."""

    code = "database.key_missing"


class KeyStore:
    """One key store backend; every call raises `KeyStoreError` when the store fails."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    @property
    def name(self) -> str:
        kind = type(self._backend)
        return (
            _NAMES.get(kind.__name__) or _NAMES.get(kind.__module__.rsplit(".", 1)[-1]) or str(kind.__name__)
        )

    def get(self, profile: str, entry: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE_PREFIX + profile, entry)  # type: ignore[no-any-return]
        except Exception as exc:  # keyring, D-Bus and OS errors alike: the store did not answer
            raise KeyStoreError(detail=_detail(exc)) from exc

    def put(self, profile: str, entry: str, value: str) -> None:
        """Store `value` and read it back: a store that silently drops it would lose the profile's data."""
        try:
            self._backend.set_password(SERVICE_PREFIX + profile, entry, value)
        except Exception as exc:
            raise KeyStoreError(detail=_detail(exc)) from exc
        if self.get(profile, entry) != value:
            raise KeyStoreError(detail="the value read back differs")


def _detail(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}".strip()


def system_key_store() -> KeyStore | None:
    """This computer's key store for the current user, or None where there is none that answers.

    Detected afresh on every call (keyring's own choice is made once per process): a Secret Service that starts
    after the program is found, one that stopped is not used.
    """
    from keyring import core

    try:
        backend = (
            core.load_env()
            or core.load_config()
            or core.load_keyring(_PLATFORM_BACKENDS.get(sys.platform, _LINUX_BACKEND))
        )
        usable = backend.priority >= 1  # keyring's fail and null backends rank below 1
    except Exception:  # not installed, no D-Bus session, no service: a key store that cannot be asked is none
        return None
    return KeyStore(backend) if usable else None


# ---- the profile ID ----------------------------------------------------------------------------------------------
def profile_id(folder: Path) -> str | None:
    """The ID written beside the profile's database, or None (no file, or not an ID)."""
    try:
        text = (Path(folder) / PROFILE_ID_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if _PROFILE_ID.match(text) else None


def write_profile_id(folder: Path, value: str | None = None) -> str:
    """Write the profile ID file (a new random ID unless `value`), private to the user; returns the ID."""
    value = value or uuid.uuid4().hex
    if not _PROFILE_ID.match(value):
        raise ValueError(f"not a profile ID: {value!r}")
    path = Path(folder) / PROFILE_ID_FILE
    part = path.with_name(f".{PROFILE_ID_FILE}.part")
    part.unlink(missing_ok=True)
    create_private_file(part)
    part.write_text(value + "\n", encoding="ascii")
    os.replace(part, path)
    make_private(path)
    return value


def ensure_profile_id(folder: Path) -> str:
    return profile_id(folder) or write_profile_id(folder)


# ---- the database key -------------------------------------------------------------------------------------------
def stored_key(folder: Path, store: KeyStore | None) -> bytes | None:
    """The database key the key store holds for the profile in `folder` (None: no ID, no store or no entry)."""
    pid = profile_id(folder)
    if pid is None or store is None:
        return None
    text = store.get(pid, DATABASE_KEY)
    if text is None:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def new_profile_key(folder: Path, store: KeyStore) -> bytes:
    """The key for a new database in `folder`: the one already stored for its ID, or a new random one stored now."""
    key = stored_key(folder, store)
    if key is None:
        key = secrets.token_bytes(KEY_BYTES)
        store.put(ensure_profile_id(folder), DATABASE_KEY, key.hex())
    return key


def key_of_encrypted(path: Path, store: KeyStore | None) -> bytes:
    """The key of the encrypted database `path` of a profile; `KeyMissingError` when this computer lacks it."""
    key = stored_key(Path(path).parent, store)
    if key is None:
        raise KeyMissingError(path=str(path), folder=str(Path(path).parent))
    return key


def store_database_key(folder: Path, store: KeyStore, pid: str, key: bytes) -> None:
    """Put an imported key into the key store under `pid` and name the profile in `folder` with that ID."""
    store.put(pid, DATABASE_KEY, key.hex())
    if profile_id(folder) != pid:
        write_profile_id(folder, pid)


# ---- other secrets of the profile (the sync credential) -------------------------------------------------------
def keep_secret(folder: Path, store: KeyStore | None, entry: str, value: str) -> str:
    """Put `value` into the key store for the profile in `folder`; returns what the database keeps in its place.

    That is a reference (`keystore:<ID>/<entry>`), or the value itself where there is no key store or it refuses
    (the value is never lost: a later open of the profile moves it).
    """
    if store is None:
        return value
    pid = ensure_profile_id(folder)
    try:
        store.put(pid, entry, value)
    except KeyStoreError:
        return value
    return f"{REFERENCE_PREFIX}{pid}/{entry}"


def is_reference(stored: str) -> bool:
    return stored.startswith(REFERENCE_PREFIX)


def reveal_secret(stored: str, store: KeyStore | None = None) -> str:
    """The secret a value kept in the database stands for: itself, or what the key store holds for a reference."""
    if not is_reference(stored):
        return stored
    pid, _, entry = stored.removeprefix(REFERENCE_PREFIX).partition("/")
    store = store or system_key_store()
    if store is None:
        raise KeyStoreError(detail="no key store")
    value = store.get(pid, entry)
    if value is None:
        raise KeyStoreError(detail=f"no entry {entry} for this profile")
    return value
