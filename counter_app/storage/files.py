"""The profile's content-addressed file store: each digitised PDF kept once, under the SHA-256 of its bytes.

Files live in `<data folder>/files/<first two hex digits>/<sha256>`, the folders 0700 and the files 0600 like the
rest of the profile. When the profile's database is encrypted (SQLCipher, its key in the system's key store), the
files are too: AES-256-GCM under a key derived from the database key (HKDF-SHA256), so a copied folder without the
key store gives nothing away; the name stays the hash of the plain bytes, which is what the server checks.

A file is written beside its final name, flushed to disk and renamed into place: a crash leaves either the whole
file or none (a leftover `.partial` is removed on the next write). Reading checks the hash: a damaged file is an
error, never a wrong document.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..core.errors import DomainError
from .privacy import make_private, private_folder

FOLDER = "files"
_MAGIC = b"QMCF1\n"  # an encrypted file: magic, 12-byte nonce, ciphertext with its tag


class FileStoreError(DomainError):
    """A stored file that is missing or does not match its hash (params: sha256)."""

    code = "file.missing"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_key(database_key: bytes) -> bytes:
    """The files' AES-256 key, derived from the database key (never the same bytes)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"quay-mot-cua files v1").derive(
        database_key
    )


class FileStore:
    """Content-addressed files of one profile; `key` (from `file_key`) when the profile is encrypted."""

    def __init__(self, data_dir: Path, key: bytes | None = None) -> None:
        self.root = Path(data_dir) / FOLDER
        self._aead = AESGCM(key) if key is not None else None

    @property
    def encrypted(self) -> bool:
        return self._aead is not None

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise FileStoreError("file.missing", sha256=digest)
        return self.root / digest[:2] / digest

    def has(self, digest: str) -> bool:
        return self.path(digest).is_file()

    def put(self, data: bytes) -> str:
        """Store `data` (once: the same bytes again change nothing) and return its SHA-256."""
        digest = sha256_hex(data)
        target = self.path(digest)
        if target.is_file():
            return digest
        private_folder(self.root)
        private_folder(target.parent)
        partial = target.with_name(target.name + ".partial")
        body = data
        if self._aead is not None:
            nonce = secrets.token_bytes(12)
            body = _MAGIC + nonce + self._aead.encrypt(nonce, data, digest.encode("ascii"))
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(body)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        make_private(partial)
        os.replace(partial, target)
        return digest

    def remove(self, digest: str) -> bool:
        """Delete the file stored under `digest`; False when there was none."""
        try:
            self.path(digest).unlink()
        except FileNotFoundError:
            return False
        return True

    def get(self, digest: str) -> bytes:
        """The bytes stored under `digest`, checked against it."""
        try:
            body = self.path(digest).read_bytes()
        except OSError as exc:
            raise FileStoreError("file.missing", sha256=digest) from exc
        if body.startswith(_MAGIC):
            if self._aead is None:
                raise FileStoreError("file.damaged", sha256=digest)
            nonce, sealed = body[len(_MAGIC) : len(_MAGIC) + 12], body[len(_MAGIC) + 12 :]
            try:
                body = self._aead.decrypt(nonce, sealed, digest.encode("ascii"))
            except Exception as exc:  # InvalidTag: damaged or another profile's key
                raise FileStoreError("file.damaged", sha256=digest) from exc
        if sha256_hex(body) != digest:
            raise FileStoreError("file.damaged", sha256=digest)
        return body
