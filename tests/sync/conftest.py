"""Sync fixtures: a real server process on loopback (SQLite and PostgreSQL) and enrolled counters with their own stores."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sync_support import Counters

from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess, postgres_available, scratch_database
from counter_app.server.schema import migrate
from counter_app.storage.store import CounterStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


@pytest.fixture
def counters(tmp_path: Path, admin: SimpleNamespace) -> Iterator[Counters]:
    group = Counters(tmp_path, admin)
    yield group
    group.close()


@pytest.fixture
def cli_for(capsys: pytest.CaptureFixture[str]):
    """Run `counter-app --data-dir <store's folder> …` in-process; returns code, out, err."""
    import io

    from counter_app.cli.main import main

    def bind(store: CounterStore) -> Callable[..., SimpleNamespace]:
        def run(*args: str, lang: str = "vi") -> SimpleNamespace:
            out, err = io.StringIO(), io.StringIO()
            try:
                code = main(["--data-dir", str(store.data_dir), "--lang", lang, *args], out=out, err=err)
            except SystemExit as exc:
                code = int(exc.code or 0)
            captured = capsys.readouterr()
            return SimpleNamespace(
                code=code, out=out.getvalue() + captured.out, err=err.getvalue() + captured.err
            )

        return run

    return bind
