"""Shared fixtures: headless Qt, a configured store on a real temporary SQLite file, and the CLI runner."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COUNTER_APP_LANG", "vi")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def store(data_dir: Path) -> Iterator[object]:
    """A demo-configured CounterStore (unit, officers, sample catalogue) on a fresh database file."""
    from counter_app.storage.demo import ensure_demo_profile
    from counter_app.storage.store import CounterStore

    s = CounterStore(data_dir)
    ensure_demo_profile(s)
    yield s
    s.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    """Run `counter-app` in-process on the test's data folder; usage errors come back in `err` too."""
    from counter_app.cli.main import main

    def run(*args: str, lang: str = "vi") -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        try:
            code = main(["--data-dir", str(data_dir), "--lang", lang, *args], out=out, err=err)
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, out.getvalue() + captured.out, err.getvalue() + captured.err)

    return run
