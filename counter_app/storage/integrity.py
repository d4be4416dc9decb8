"""Telling a healthy counter database from a damaged one before anything is written to it (read-only checks)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from ..core.errors import DomainError

SQLITE_HEADER = b"SQLite format 3\x00"
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
def read_only(path: Path, *, detached: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to `path` (not even a checkpoint when it closes).

    `detached` is for a file no program has open (a backup on a USB stick): when no write-ahead log lies
    beside it, SQLite reads it as immutable and leaves no `-wal`/`-shm` files next to it.
    """
    path = Path(path).resolve()
    wal = path.with_name(path.name + "-wal")
    immutable = detached and not (wal.is_file() and wal.stat().st_size > 0)
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    con = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True, timeout=5)
    with closing(con):
        yield con


def problem_of(path: Path, *, thorough: bool = False, detached: bool = False) -> str | None:
    """What is wrong with an existing, non-empty SQLite file (None when healthy); the file is only read.

    `thorough` runs the full `integrity_check` (indexes against tables too) instead of `quick_check`;
    `detached` as for `read_only`.
    """
    path = Path(path)
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return "not an SQLite database"
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        with read_only(path, detached=detached) as con:
            rows = con.execute(f"PRAGMA {pragma}(5)").fetchall()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(_NOT_DAMAGE):
            raise  # a locked or unreachable file is not a damaged one
        return str(exc)
    except sqlite3.DatabaseError as exc:  # SQLITE_CORRUPT, SQLITE_NOTADB
        return str(exc)
    if [tuple(r) for r in rows] != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows).replace("\n", " ")
    return None


def check_profile_database(path: Path) -> None:
    """Raise `DatabaseDamagedError` unless `path` is absent or a healthy SQLite database.

    A zero-length file is damaged too: the store creates a profile's database whole (`database.open_database`),
    so an empty one lost its contents, and turning it into a new empty profile would hide that.
    """
    path = Path(path)
    if not path.exists():
        return
    detail = "empty file" if path.stat().st_size == 0 else problem_of(path)
    if detail is not None:
        raise DatabaseDamagedError(path=str(path), backups=str(path.parent / BACKUP_FOLDER), detail=detail)


def ensure_not_in_use(path: Path) -> None:
    """Raise `DatabaseInUseError` when another connection holds `path` open (it must be closed first)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    con = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(_NOT_DAMAGE[:2]):
            raise DatabaseInUseError(path=str(path)) from exc
    except sqlite3.DatabaseError:
        pass  # a file SQLite cannot read at all is in nobody's use
    finally:
        con.close()
