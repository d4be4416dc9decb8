"""Migrations: numbered, transactional, and preceded by a backup of an existing database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counter_app.storage.database import MigrationError, available_migrations, migrate, schema_version


def test_shipped_migrations_are_numbered_from_one_without_gaps() -> None:
    numbers = [m.number for m in available_migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_upgrade_backs_up_first_and_keeps_data(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE t (x INTEGER);", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert migrate(db, tmp_path / "backups", folder) == [1]
    con = sqlite3.connect(db)
    con.execute("INSERT INTO t VALUES (42)")
    con.commit()
    con.close()
    (folder / "0002_second.sql").write_text("ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'ok';", encoding="utf-8")
    assert migrate(db, tmp_path / "backups", folder) == [2]
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1 and schema_version(backups[0]) == 1
    assert sqlite3.connect(db).execute("SELECT x, y FROM t").fetchall() == [(42, "ok")]


def test_failed_migration_leaves_database_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE t (x INTEGER);", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    migrate(db, None, folder)
    (folder / "0002_broken.sql").write_text(
        "CREATE TABLE u (y INTEGER);\nSELECT * FROM missing_table;", encoding="utf-8"
    )
    with pytest.raises(MigrationError):
        migrate(db, None, folder)
    assert schema_version(db) == 1
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "u" not in tables


def test_a_database_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    from counter_app.storage.database import NewerDatabaseError

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE t (x INTEGER);", encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 7")
    con.close()
    with pytest.raises(NewerDatabaseError):
        migrate(db, None, folder)
    assert schema_version(db) == 7
