"""Where the counter database's migrations are: the shipped files, found by `counter_app.shipped`."""

from __future__ import annotations

from pathlib import Path

from .. import shipped


def migrations_dir() -> Path:
    return shipped.migrations()
