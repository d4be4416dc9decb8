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
