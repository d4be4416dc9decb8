"""Helpers of the packaging tests: the previous release's database and running `counter-app` as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: A counter database written by release 0.1.0 (schema 1); rebuilt by tools/make_upgrade_fixture.py.
RELEASE_FIXTURE = ROOT / "tests" / "fixtures" / "counter-0.1.0.sqlite3"
DB_NAME = "counter.sqlite3"


def source_command() -> list[str]:
    """`counter-app` as installed in this environment (its console script, else `python -m`)."""
    script = Path(sys.executable).with_name("counter-app")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "counter_app.cli.main"]


def run_command(
    command: Sequence[str], *, cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run with Qt offscreen and Vietnamese defaults, from `cwd` (so nothing depends on the repository folder)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTER_APP_LANG="vi")
    env.pop("COUNTER_APP_DATA_DIR", None)
    return subprocess.run(
        list(command), cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout
    )


def parse_checks(stdout: str) -> dict[str, tuple[str, str]]:
    """Self-test lines `LABEL  name: detail` → {name: (label, detail)}."""
    found: dict[str, tuple[str, str]] = {}
    for line in stdout.splitlines():
        label, sep, rest = line.partition("  ")
        name, colon, detail = rest.strip().partition(": ")
        if (
            sep
            and colon
            and label.strip() in {"OK", "LỖI", "CẢNH BÁO", "THÔNG TIN", "FAIL", "WARNING", "INFO"}
        ):
            found[name] = (label.strip(), detail)
    return found
