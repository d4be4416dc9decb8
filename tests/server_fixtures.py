"""Fixtures shared by the server and sync tests: a fresh server database (SQLite file or a new PostgreSQL
database, created and dropped per test) and the real server as a child process on loopback."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess, postgres_available, scratch_database
from counter_app.server.schema import migrate


@functools.cache
def _postgres() -> bool:
    return postgres_available()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres" and not _postgres():
        pytest.skip("PostgreSQL on 127.0.0.1:5432 is not available")
    return str(request.param)


@pytest.fixture
def server_db(backend: str, tmp_path: Path) -> Iterator[str]:
    with scratch_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def admin(server_db: str) -> Iterator[SimpleNamespace]:
    """The server's tables, opened in the test process (to enrol counters and to check the end state)."""
    db = open_database(server_db, pool_size=4)
    migrate(db)
    yield bind_models(db)
    db.close_all()


@pytest.fixture
def server(server_db: str, admin: SimpleNamespace) -> Iterator[ServerProcess]:
    with ServerProcess(server_db) as process:
        yield process
