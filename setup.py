"""The packages of the distribution: `counter_app` with its sub-packages, and the data packages that
pyproject.toml maps to the repository's `db/` and `resources/` folders ([tool.setuptools.package-dir]), each
folder of them a package of its own whose files [tool.setuptools.package-data] names.

Everything else about the build is in pyproject.toml; there, packages are either found or listed, never both,
hence this file.
"""

import tomllib
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup

HERE = Path(__file__).resolve().parent
PYPROJECT = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))
DATA_PACKAGES: dict[str, str] = PYPROJECT["tool"]["setuptools"]["package-dir"]


def with_folders(package: str, folder: str) -> list[str]:
    """`package` and every folder below it (migrations, seed, fonts …) as its namespace sub-packages."""
    below = find_namespace_packages(where=str(HERE / folder), exclude=["__pycache__", "*.__pycache__"])
    return [package, *(f"{package}.{name}" for name in below)]


setup(
    packages=[
        *find_packages(where=str(HERE), include=["counter_app", "counter_app.*"]),
        *(name for package, folder in DATA_PACKAGES.items() for name in with_folders(package, folder)),
    ]
)
