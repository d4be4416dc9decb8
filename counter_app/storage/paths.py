"""Where shipped data lives: the source tree, an installed package, or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import counter_app


def project_root() -> Path:
    """The folder holding `db/` and `resources/` (the bundle's root when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(counter_app.__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"
