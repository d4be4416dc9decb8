"""The one way to find the files shipped with the application, whether installed from a wheel, from a source
checkout (`pip install -e .`) or frozen by PyInstaller.

The files stay where the repository keeps them, `db/` (migrations, the seed catalogue, the day-off notices) and
`resources/` (fonts, icons, translations); the package build maps those folders to the data packages
`counter_app._db` and `counter_app._resources` (setup.py, the package data in pyproject.toml), so an installed
package carries them inside itself. The common-password list lives beside the sign-in rules in `core/`. Every
file is found with `importlib.resources`: a wheel and an editable install answer with their folders on disk, and
PyInstaller collects the same package data onto disk and answers `files()` with its folder in the bundle.

Only the standard library is imported here, so every layer, the core included, may ask.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DATA_PACKAGE = "counter_app._db"
RESOURCES_PACKAGE = "counter_app._resources"
CORE_PACKAGE = "counter_app.core"

COMMON_PASSWORDS_FILE = "common_passwords.txt"


def package_folder(package: str) -> Path:
    """The folder of one of the packages above, on disk (wheels and the bundle are unpacked; a zipped install
    is not supported and raises `FileNotFoundError`)."""
    found = files(package)
    if not isinstance(found, Path):
        raise FileNotFoundError(f"{package} is not a folder on disk: {found}")
    return found


def migrations() -> Path:
    """The counter database's numbered SQL migrations (`NNNN_name.sql`)."""
    return package_folder(DATA_PACKAGE) / "migrations"


def seed_catalogue() -> Path:
    """The sample procedure catalogue a new counter starts with (`db/seed/catalogue.json`)."""
    return package_folder(DATA_PACKAGE) / "seed" / "catalogue.json"


def days_off() -> Path:
    """The government's day-off notices (`db/seed/days_off.json`)."""
    return package_folder(DATA_PACKAGE) / "seed" / "days_off.json"


def fonts() -> Path:
    """The folder of the TrueType fonts: Liberation Serif for the forms, Liberation Sans for the window."""
    return package_folder(RESOURCES_PACKAGE) / "fonts"


def translations() -> Path:
    """The folder of the compiled interface translations (`*.qm`, built from the `.ts` by `make translations`)."""
    return package_folder(RESOURCES_PACKAGE) / "translations"


def icons() -> Path:
    """The folder of the application's icon (`app.svg`, `app.png`, `app.ico`)."""
    return package_folder(RESOURCES_PACKAGE) / "icons"


def common_passwords() -> Path:
    """The list of common passwords a new password may not be."""
    return package_folder(CORE_PACKAGE) / COMMON_PASSWORDS_FILE
