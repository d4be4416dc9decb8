"""Opening the server's database from a URL (`sqlite:///FILE` or `postgresql://USER@HOST:PORT/DB`) with a pool."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from peewee import Database, PostgresqlDatabase
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

DEFAULT_URL = "sqlite:///counter-server.sqlite3"
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: an acknowledged push survives a power cut
    "busy_timeout": 30000,
    "cache_size": -64000,
}
POOL_SIZE = 48


class DatabaseUrlError(ValueError):
    """The `--database` value is neither `sqlite:///FILE` nor `postgresql://…`."""


@dataclass(frozen=True)
class DatabaseUrl:
    """A parsed database URL."""

    engine: str  # "sqlite" | "postgresql"
    name: str  # file path (SQLite) or database name (PostgreSQL)
    user: str | None = None
    password: str | None = None
    host: str | None = None
    port: int | None = None

    @property
    def is_postgres(self) -> bool:
        return self.engine == "postgresql"

    def connect_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for key in ("user", "password", "host", "port"):
            value = getattr(self, key)
            if value is not None:
                kwargs[key] = value
        return kwargs


def parse_url(url: str) -> DatabaseUrl:
    """Parse `sqlite:///relative.db`, `sqlite:////absolute.db` or `postgresql://user:pw@host:port/db`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        path = unquote(parts.path)
        if parts.netloc or not path.startswith("/") or len(path) < 2:
            raise DatabaseUrlError(url)
        return DatabaseUrl("sqlite", path[1:])
    if scheme in ("postgresql", "postgres"):
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise DatabaseUrlError(url)
        return DatabaseUrl(
            "postgresql",
            name,
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            host=parts.hostname,
            port=parts.port,
        )
    raise DatabaseUrlError(url)


def open_database(url: str, *, pool_size: int = POOL_SIZE) -> Database:
    """A pooled peewee database for the URL; SQLite files get WAL and synchronous writes."""
    parsed = parse_url(url)
    if parsed.is_postgres:
        return PooledPostgresqlDatabase(
            parsed.name, max_connections=pool_size, stale_timeout=300, timeout=30, **parsed.connect_kwargs()
        )
    Path(parsed.name).parent.mkdir(parents=True, exist_ok=True)
    return PooledSqliteDatabase(
        parsed.name,
        pragmas=SQLITE_PRAGMAS,
        max_connections=pool_size,
        stale_timeout=300,
        timeout=30,
        check_same_thread=False,
    )


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """A transaction that takes the write lock at once on SQLite (no upgrade deadlocks), a plain one on PostgreSQL."""
    with db.atomic() if is_postgres(db) else db.atomic("IMMEDIATE"):
        yield


def bulk_write(db: Database, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run one parameterised INSERT/UPDATE for many rows, fast: `executemany` on SQLite, batched on PostgreSQL.

    `sql` uses `?` placeholders only (no literal values in the VALUES list); for an INSERT on PostgreSQL the
    VALUES list is sent in pages, and what follows it (ON CONFLICT …) is kept.
    """
    if not rows:
        return
    cursor = db.cursor()
    if not is_postgres(db):
        cursor.executemany(sql, rows)
        return
    from psycopg2.extras import execute_batch, execute_values

    pg_sql = sql.replace("?", "%s")
    head, sep, rest = pg_sql.partition(" VALUES (")
    if sep and pg_sql.lstrip().upper().startswith("INSERT"):
        tail = rest[rest.index(")") + 1 :]  # e.g. ON CONFLICT DO NOTHING
        execute_values(cursor, f"{head} VALUES %s{tail}", rows, page_size=500)
    else:
        execute_batch(cursor, pg_sql, rows, page_size=500)


def _maintenance(parsed: DatabaseUrl) -> PostgresqlDatabase:
    db = PostgresqlDatabase("postgres", autoconnect=False, **parsed.connect_kwargs())
    db.connect()
    db.connection().autocommit = True
    return db


def create_postgres_database(url: str) -> None:
    """Create the PostgreSQL database named in `url` (connecting to the `postgres` maintenance database)."""
    parsed = parse_url(url)
    db = _maintenance(parsed)
    try:
        db.execute_sql(f"CREATE DATABASE \"{_identifier(parsed.name)}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        db.close()


def drop_postgres_database(url: str) -> None:
    """Drop the PostgreSQL database named in `url`, closing its remaining sessions first."""
    parsed = parse_url(url)
    db = _maintenance(parsed)
    try:
        db.execute_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (parsed.name,),
        )
        db.execute_sql(f'DROP DATABASE IF EXISTS "{_identifier(parsed.name)}"')
    finally:
        db.close()


def _identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise DatabaseUrlError(name)
    return name
