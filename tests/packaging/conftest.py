"""Fixtures of the packaging tests: headless Qt and a data folder holding the previous release's database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from packaging_support import DB_NAME, RELEASE_FIXTURE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def release_data_dir(tmp_path: Path) -> Path:
    """A data folder holding a copy of the 0.1.0 database, as an upgraded counter PC would have it."""
    folder = tmp_path / "counter-data"
    folder.mkdir()
    shutil.copyfile(RELEASE_FIXTURE, folder / DB_NAME)
    return folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the bundle tests measured (size, start-up times), so CI logs keep the numbers."""
    measured = [
        f"{name.removeprefix('bundle_')}={value}"
        for report in terminalreporter.stats.get("passed", [])
        for name, value in getattr(report, "user_properties", [])
        if name.startswith("bundle_")
    ]
    if measured:
        terminalreporter.write_sep("-", "bundle")
        terminalreporter.write_line(", ".join(measured))
