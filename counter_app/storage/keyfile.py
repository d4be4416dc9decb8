"""The administrator's recovery file: a profile's database key sealed with a passphrase (`counter-app key export`).

scrypt (N = 2^15, r = 8, p = 1) turns the passphrase into a 256-bit key and AES-256-GCM seals the database key
with it; the file's format and the profile ID are authenticated with the key, so neither can be swapped. On a
replaced PC `counter-app key import` opens the file and puts the key into that PC's key store under the same
profile ID, so the profile's database and its backups open there.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..core.errors import DomainError
from .cipher import looks_encrypted
from .integrity import problem_of
from .keystore import KEY_BYTES, profile_id, store_database_key, stored_key, system_key_store
from .privacy import create_private_file, private_folder

FORMAT = "quay-mot-cua/database-key"
VERSION = 1
MIN_PASSPHRASE = 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
DB_NAME = "counter.sqlite3"  # == store.DB_NAME


class KeyFileError(DomainError):
    """The key cannot be exported or imported; `code` says why (keyfile.passphrase, keyfile.other_profile …)."""

    code = "keyfile.invalid"


def _seal_key(passphrase: str, salt: bytes) -> AESGCM:
    text = unicodedata.normalize(
        "NFC", passphrase
    )  # the same words typed with another Vietnamese input method
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return AESGCM(kdf.derive(text.encode("utf-8")))


def _aad(pid: str) -> bytes:
    return f"{FORMAT}/{VERSION}/{pid}".encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def export_key(data_dir: Path, target: Path, passphrase: str) -> str:
    """Write the profile's key, sealed with `passphrase`, to the new file `target`; returns the profile ID."""
    data_dir, target = Path(data_dir), Path(target)
    pid = profile_id(data_dir)
    key = stored_key(data_dir, system_key_store())
    if pid is None or key is None:
        raise KeyFileError("keyfile.no_key", folder=str(data_dir))
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileError("keyfile.passphrase_short", min=MIN_PASSPHRASE)
    if not target.parent.is_dir():
        raise KeyFileError("backup.folder_missing", folder=str(target.parent))
    if target.exists():
        raise KeyFileError("backup.target_exists", path=str(target))
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = _seal_key(passphrase, salt).encrypt(nonce, key, _aad(pid))
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "profile": pid,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce)},
        "sealed_key": _b64(sealed),
    }
    part = target.with_name(f".{target.name}.part")
    part.unlink(missing_ok=True)
    create_private_file(part)
    try:
        part.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        try:
            os.link(part, target)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            raise KeyFileError("backup.target_exists", path=str(target)) from None
        except OSError:  # a file system without hard links (FAT on a USB stick)
            os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return pid


def read_key_file(path: Path, passphrase: str) -> tuple[str, bytes]:
    """The profile ID and database key sealed in `path`; `KeyFileError` for a wrong passphrase or another file."""
    path = Path(path)
    try:
        doc: Any = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("format")
        pid = str(doc["profile"])
        kdf, cipher = doc["kdf"], doc["cipher"]
        if (kdf["name"], kdf["n"], kdf["r"], kdf["p"]) != ("scrypt", SCRYPT_N, SCRYPT_R, SCRYPT_P):
            raise ValueError("kdf")
        salt, nonce = base64.b64decode(kdf["salt"]), base64.b64decode(cipher["nonce"])
        sealed = base64.b64decode(doc["sealed_key"])
    except FileNotFoundError:
        raise KeyFileError("backup.not_found", path=str(path)) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise KeyFileError("keyfile.invalid", path=str(path)) from None
    try:
        key = _seal_key(passphrase, salt).decrypt(nonce, sealed, _aad(pid))
    except (InvalidTag, ValueError):
        raise KeyFileError("keyfile.passphrase", path=str(path)) from None
    if len(key) != KEY_BYTES:
        raise KeyFileError("keyfile.invalid", path=str(path))
    return pid, key


def import_key(data_dir: Path, source: Path, passphrase: str) -> str:
    """Put the key sealed in `source` into this computer's key store for the profile in `data_dir`.

    The data folder may be empty (a backup is restored into it next) or hold that same profile's database; one
    holding another profile is refused. Returns the profile ID.
    """
    data_dir = Path(data_dir)
    pid, key = read_key_file(source, passphrase)
    store = system_key_store()
    if store is None:
        raise KeyFileError("encryption.no_key_store")
    db_path = data_dir / DB_NAME
    existing = profile_id(data_dir)
    if looks_encrypted(db_path):
        if problem_of(db_path, key=key) is not None:
            raise KeyFileError("keyfile.other_profile", folder=str(data_dir))
    elif existing not in (None, pid) and stored_key(data_dir, store) is not None:
        raise KeyFileError("keyfile.other_profile", folder=str(data_dir))
    private_folder(data_dir)
    store_database_key(data_dir, store, pid, key)
    return pid
