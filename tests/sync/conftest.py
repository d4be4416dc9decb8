"""Sync fixtures: a real server process on loopback (SQLite and PostgreSQL) and enrolled counters with their own stores."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from server_fixtures import admin, backend, server, server_db  # noqa: F401  (shared fixtures)
from sync_support import Counters

from counter_app.storage.store import CounterStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def counters(tmp_path: Path, admin: SimpleNamespace) -> Iterator[Counters]:  # noqa: F811
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
