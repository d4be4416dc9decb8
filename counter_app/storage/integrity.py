"""Telling a healthy counter database from a damaged one before anything is written to it (read-only checks)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import DomainError
from .cipher import DATABASE_ERRORS, OPERATIONAL_ERRORS, connect, is_plain, open_read_only
from .cipher import SQLITE_HEADER as SQLITE_HEADER
from .keystore import KeyMissingError, KeyStoreError, profile_id, stored_key, system_key_store

#: Tables every counter database has had since its first schema.
COUNTER_TABLES = frozenset(
    (
        "unit_config",
        "account",
        "procedure",
        "dossier",
        "dossier_event",
        "code_sequence",
        "outbox",
        "sync_state",
    )
)
BACKUP_FOLDER = "backups"
#: SQLite errors that say the file could not be reached, not that its contents are wrong.
_NOT_DAMAGE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN")


class DatabaseDamagedError(DomainError):
    """The profile's database file is damaged; it is not opened and nothing is written to it.

    params: `path` (the file), `backups` (the folder holding automatic backups), `detail` (what SQLite said).
    """

    code = "database.damaged"


class DatabaseInUseError(DomainError):
    """Another program (a counter window, the sync worker) has the database open (params: path)."""

    code = "database.in_use"


@contextmanager
def read_only(
    path: Path, *, detached: bool = False, key: bytes | None = None
) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to `path` (not even a checkpoint when it closes).

    `detached` is for a file no program has open (a backup on a USB stick): when no write-ahead log lies
    beside it, SQLite reads it as immutable and leaves no `-wal`/`-shm` files next to it. An encrypted file
    is opened with `key`, or else with the key of the profile it belongs to when this computer has it.
    """
    if key is None:
        key = _profile_key_if_any(Path(path))
    with open_read_only(path, key, detached=detached) as con:
        yield con


def _profile_key_if_any(path: Path) -> bytes | None:
    """The key of the profile holding the encrypted file `path`; None for a plain file or an unknown key."""
    try:
        if not path.is_file() or is_plain(path):
            return None
        return stored_key(path.parent, system_key_store())
    except (OSError, KeyStoreError):
        return None


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def problem_of(
    path: Path, *, thorough: bool = False, detached: bool = False, key: bytes | None = None
) -> str | None:
    """What is wrong with an existing, non-empty SQLite file (None when healthy); the file is only read.

    `thorough` runs the full `integrity_check` (indexes against tables too) instead of `quick_check`;
    `detached` as for `read_only`. An encrypted file is checked with `key`; without one it is not a database.
    """
    path = Path(path)
    plain = is_plain(path)
    if not plain and key is None:
        return "not an SQLite database"
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        with open_read_only(path, None if plain else key, detached=detached) as con:
            con.text_factory = _lenient_text  # the report can quote damaged bytes
            rows = con.execute(f"PRAGMA {pragma}(5)").fetchall()
    except OPERATIONAL_ERRORS as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(_NOT_DAMAGE):
            raise  # a locked or unreachable file is not a damaged one
        return str(exc)
    except DATABASE_ERRORS as exc:  # SQLITE_CORRUPT, SQLITE_NOTADB (or another key)
        return str(exc)
    except UnicodeDecodeError:  # SQLite's own message quotes a damaged schema's bytes
        return "malformed database schema"
    if [tuple(r) for r in rows] != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows).replace("\n", " ")
    return None


def check_profile_database(path: Path, key: bytes | None = None) -> None:
    """Raise `DatabaseDamagedError` unless `path` is absent or a healthy SQLite database.

    A zero-length file is damaged too: the store creates a profile's database whole (`database.open_database`),
    so an empty one lost its contents, and turning it into a new empty profile would hide that. An encrypted
    file is checked with `key` (default: the profile's key from the key store); a profile whose key this
    computer lacks raises `KeyMissingError` instead.
    """
    path = Path(path)
    if not path.exists():
        return
    if path.stat().st_size > 0 and key is None and not is_plain(path):
        key = stored_key(path.parent, system_key_store())
        if key is None and profile_id(path.parent) is not None:
            raise KeyMissingError(path=str(path), folder=str(path.parent))
    detail = "empty file" if path.stat().st_size == 0 else problem_of(path, key=key)
    if detail is not None:
        raise DatabaseDamagedError(path=str(path), backups=str(path.parent / BACKUP_FOLDER), detail=detail)


def damage_behind(exc: BaseException, path: Path) -> DatabaseDamagedError | None:
    """The damage an unexpected failure while reading the store stands for, or None when it is something else.

    `quick_check` proves the file's structure; bytes changed inside a row only show when the row is read: SQLite
    reporting corruption, stored text that is not UTF-8, stored JSON (always written valid) that does not parse.
    """
    for error in _causes(exc):
        name = getattr(error, "sqlite_errorname", None) or ""
        corrupt = isinstance(error, DATABASE_ERRORS) and name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        undecodable = isinstance(error, OPERATIONAL_ERRORS) and "decode to UTF-8" in str(error)
        unparsable = isinstance(error, UnicodeDecodeError | json.JSONDecodeError) and _raised_here(error)
        if corrupt or undecodable or unparsable:
            return DatabaseDamagedError(
                path=str(path), backups=str(Path(path).parent / BACKUP_FOLDER), detail=str(error)[:200]
            )
    return None


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc`, the errors it wraps (peewee keeps the original in its arguments) and its causes."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        error = todo.pop()
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        todo += [a for a in error.args if isinstance(a, BaseException)]
        todo += [e for e in (error.__cause__, error.__context__) if e is not None]


def _raised_here(error: BaseException) -> bool:
    """Whether the storage layer was reading when `error` was raised."""
    package = str(Path(__file__).resolve().parent)
    tb = error.__traceback__
    while tb is not None:
        if str(Path(tb.tb_frame.f_code.co_filename).resolve().parent) == package:
            return True
        tb = tb.tb_next
    return False


def ensure_not_in_use(path: Path, key: bytes | None = None) -> None:
    """Raise `DatabaseInUseError` when another connection holds `path` open (it must be closed first)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    con = connect(path, key or _profile_key_if_any(path), timeout=0, isolation_level=None)
    try:
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
    except OPERATIONAL_ERRORS as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(_NOT_DAMAGE[:2]):
            raise DatabaseInUseError(path=str(path)) from exc
    except DATABASE_ERRORS:
        pass  # a file SQLite cannot read at all is in nobody's use
    finally:
        con.close()
