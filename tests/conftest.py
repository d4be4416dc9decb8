"""Shared fixtures: headless Qt, a pinned clock, a configured store on a real temporary SQLite file, the CLI runner.

Time in tests: the product asks the clock (`datetime.now()`, `date.today()`), so a test whose outcome depends on
"now" pins it with the `clock` fixture (time-machine, ticking from PINNED_NOW) and builds its dates from PINNED_NOW,
never from the wall clock. `make test` runs the non-GUI suite a second time with `--clock-shift 400`: the clock of
the test process, and of every Python process it starts (the real server, CLI subprocesses, through
tests/clockshift/sitecustomize.py), is moved 400 days ahead, so a test that still reads the real date fails there.
(Debian's faketime was tried first: its libfaketime 0.9.10 breaks Python's timed waits and sleeps.)

Skips: with `--fail-on-skip` (what `make test` passes) any skipped test fails the run unless it is listed in
EXPECTED_SKIPS with the documented reason, so a real part (CUPS, PostgreSQL, a key store) that did not come up
cannot pass silently.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COUNTER_APP_LANG", "vi")
# No test reaches the developer's own key store: keyring is told there is none, unless a test asks for the
# private Secret Service (`key_store` below). Processes the tests start inherit this.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

# Monday 30 November 2026, 09:00 local time: an ordinary working day, three days after the fixtures' Friday receipts.
PINNED_NOW = datetime(2026, 11, 30, 9, 0, 0)

# node id -> why it may skip in CI. Empty on purpose: every real part is brought up by `make test`.
EXPECTED_SKIPS: dict[str, str] = {}


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    """Pin "now" to PINNED_NOW for this test (the clock keeps ticking from there); `clock.move_to(...)` moves it."""
    with time_machine.travel(PINNED_NOW, tick=True) as traveller:
        yield traveller


CLOCK_SHIFT_ENV = "COUNTER_APP_TEST_CLOCK_SHIFT_DAYS"
CLOCK_SHIFT_PATH = Path(__file__).parent / "clockshift"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock-shift",
        type=int,
        default=0,
        metavar="DAYS",
        help="move the clock of the test run (and of the Python processes it starts) DAYS days ahead",
    )
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        help="fail the run when a test skips and is not listed in tests/conftest.py EXPECTED_SKIPS",
    )


_unexpected_skips: list[tuple[str, str]] = []


def pytest_configure(config: pytest.Config) -> None:
    days = config.getoption("--clock-shift")
    if not days:
        return
    traveller = time_machine.travel(datetime.now() + timedelta(days=days), tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)
    os.environ[CLOCK_SHIFT_ENV] = str(days)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(CLOCK_SHIFT_PATH), os.environ.get("PYTHONPATH")])
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    days = config.getoption("--clock-shift")
    return f"clock shifted {days} days ahead: now is {datetime.now():%Y-%m-%d %H:%M}" if days else None


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail") and report.nodeid not in EXPECTED_SKIPS:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _unexpected_skips.append((report.nodeid, reason))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--fail-on-skip") and _unexpected_skips and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if config.getoption("--fail-on-skip") and _unexpected_skips:
        terminalreporter.section("unexpected skips (each fails the run; see EXPECTED_SKIPS)", red=True)
        for nodeid, reason in _unexpected_skips:
            terminalreporter.line(f"{nodeid}: {reason}")


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """gnome-keyring's Secret Service on a private D-Bus bus (tests/keystore_support.py), shared by the run."""
    from keystore_support import PrivateSecretService

    service = PrivateSecretService(tmp_path_factory.mktemp("secret-service")).start()
    yield service
    service.stop()


@pytest.fixture
def key_store(secret_service, monkeypatch: pytest.MonkeyPatch):
    """This test process (and the processes it starts) see the private Secret Service as the computer's key store."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service.address)
    return secret_service


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
