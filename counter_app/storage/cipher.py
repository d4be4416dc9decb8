"""SQLCipher underneath the store: telling encrypted files from plain ones, and opening and copying both kinds.

An encrypted file is opened with its raw 256-bit key (`PRAGMA key = "x'…'"`), so no passphrase derivation runs
on each connection. A plain file keeps going through Python's own sqlite3, as before encryption existed.

The cipher settings are part of an encrypted file's format (SQLCipher stores none of them in the file): AES-256
in 4096-byte pages, each authenticated with HMAC-SHA256, which costs a third less per page than SQLCipher 4's
default HMAC-SHA512 for the same strength of page authentication (docs/BENCHMARKS.md). They are set process-wide
before any encrypted connection is made; changing them would make existing files unreadable.
"""

from __future__ import annotations

import functools
import secrets
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from .privacy import create_private_file

SQLITE_HEADER = b"SQLite format 3\x00"
#: Errors of either library, for code that handles both kinds of file.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError, sqlcipher.OperationalError)
Connection = Any  # a sqlite3 or an sqlcipher3 connection: the same DB-API


def cipher_version() -> str:
    with closing(_cipher_connect(":memory:")) as con:
        return str(con.execute("PRAGMA cipher_version").fetchone()[0])


def is_plain(path: Path) -> bool:
    """The file starts with SQLite's header: a plain database (or the start of one)."""
    with Path(path).open("rb") as f:
        return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """A non-empty file without SQLite's header: encrypted (or damaged: only its key can tell)."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and not is_plain(path)


def key_literal(key: bytes) -> str:
    """The raw-key form SQLCipher accepts in `PRAGMA key` and `ATTACH … KEY`."""
    return f"x'{key.hex()}'"


#: SQLCipher's process-wide settings: the cipher of every encrypted file, and no log of failed page checks on
#: stderr (the program reports errors itself).
CIPHER_SETTINGS = (
    "PRAGMA cipher_default_page_size = 4096",
    "PRAGMA cipher_default_hmac_algorithm = HMAC_SHA256",
    "PRAGMA cipher_log_level = NONE",
)


@functools.cache
def _configure() -> None:
    with closing(sqlcipher.connect(":memory:")) as con:
        for pragma in CIPHER_SETTINGS:
            con.execute(pragma)


def _cipher_connect(target: str, key: bytes | None = None, **kwargs: Any) -> Connection:
    _configure()
    con = sqlcipher.connect(target, **kwargs)
    if key is not None:
        try:
            con.execute(f'PRAGMA key = "{key_literal(key)}"')
        except BaseException:
            con.close()
            raise
    return con


def connect(target: str | Path, key: bytes | None, **kwargs: Any) -> Connection:
    """A DB-API connection: sqlite3 for a plain file (key None), SQLCipher keyed with `key` otherwise."""
    if key is None:
        return sqlite3.connect(str(target), **kwargs)
    return _cipher_connect(str(target), key, **kwargs)


def read_only_uri(path: Path, *, detached: bool = False) -> str:
    """A URI that cannot write to `path`; `detached` (no program has it open, no WAL beside it): immutable."""
    path = Path(path).resolve()
    wal = path.with_name(path.name + "-wal")
    immutable = detached and not (wal.is_file() and wal.stat().st_size > 0)
    return f"{path.as_uri()}?{'mode=ro&immutable=1' if immutable else 'mode=ro'}"


@contextmanager
def open_read_only(path: Path, key: bytes | None, *, detached: bool = False) -> Iterator[Connection]:
    with closing(connect(read_only_uri(path, detached=detached), key, uri=True, timeout=5)) as con:
        yield con


def copy_database(
    source: Path,
    target: Path,
    key: bytes | None,
    target_key: bytes | None,
    *,
    read_only: bool = True,
    detached: bool = False,
) -> None:
    """A consistent copy of the database `source` (key `key`) into the new private file `target`.

    The copy is encrypted with `target_key` (plain when None). Same key: the SQLite backup API, page by page;
    different keys: `sqlcipher_export`, table by table, with the schema version carried over. `read_only`
    opens the source so that nothing, not even a checkpoint, is written to it.
    """
    target = Path(target)
    create_private_file(target)
    if key == target_key:
        if read_only:
            src = connect(read_only_uri(source, detached=detached), key, uri=True, timeout=5)
        else:
            src = connect(source, key, timeout=5)
        with closing(src), closing(connect(target, key)) as dst:
            src.backup(dst)
        return
    with closing(_cipher_connect(str(target), target_key, isolation_level=None, uri=True)) as dst:
        uri = read_only_uri(source, detached=detached) if read_only else Path(source).resolve().as_uri()
        dst.execute("ATTACH DATABASE ? AS source KEY ?", (uri, key_literal(key) if key else ""))
        version = int(dst.execute("PRAGMA source.user_version").fetchone()[0])
        dst.execute("SELECT sqlcipher_export('main', 'source')")
        dst.execute(f"PRAGMA main.user_version = {version}")
        dst.execute("DETACH DATABASE source")


def peewee_database(
    path: str | Path, key: bytes | None, pragmas: Mapping[str, object], **kwargs: Any
) -> SqliteDatabase:
    """A peewee database on `path`: plain SQLite, or SQLCipher opened with the raw key (`kwargs` to connect)."""
    options: dict[str, Any] = {"pragmas": dict(pragmas), "check_same_thread": False, **kwargs}
    if key is None:
        return SqliteDatabase(str(path), **options)
    _configure()
    return SqlCipherDatabase(str(path), passphrase=key_literal(key), **options)


def is_cipher_database(db: SqliteDatabase) -> bool:
    return isinstance(db, SqlCipherDatabase)


def self_check(scratch: Path) -> str | None:
    """What is wrong with this installation's SQLCipher (None when it encrypts, and searches with FTS5 folding)."""
    scratch = Path(scratch)
    try:
        with closing(_cipher_connect(str(scratch), secrets.token_bytes(32), isolation_level=None)) as con:
            con.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 0')")
            con.execute("INSERT INTO t VALUES ('nguyen van duc')")
            found = con.execute("SELECT count(*) FROM t WHERE t MATCH '\"duc\"*'").fetchone()[0]
        if found != 1 or is_plain(scratch):
            return "the scratch file was not encrypted or not searchable"
        return None
    except DATABASE_ERRORS as exc:
        return str(exc)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            scratch.with_name(scratch.name + suffix).unlink(missing_ok=True)
