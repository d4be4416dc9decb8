"""Keeping a profile's files private to the user who runs the counter: 0700 folders and 0600 files on Linux.

Modes are set explicitly after creation, so the result does not depend on the process's umask; a file system
without modes (a FAT-formatted USB stick) keeps its own. On Windows modes mean nothing: the default data folder (%LOCALAPPDATA%) is private to its user through the ACL it
inherits, and nothing here changes it (docs/SECURITY.md).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
#: Files of a data folder that belong to the profile; a folder given with --data-dir may hold others, left alone.
PROFILE_FILE_PREFIXES = ("counter", ".counter", "outbox-", "profile-id", "settings.ini")
#: Sub-folders whose whole content belongs to the profile.
PROFILE_FOLDERS = ("backups", "files")


def applies() -> bool:
    """Whether file modes protect anything on this system (POSIX only)."""
    return os.name == "posix"


def private_folder(path: Path) -> Path:
    """Create `path` (and its parents) if needed and make it readable by its owner only."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    if applies():
        with contextlib.suppress(PermissionError):  # a file system without modes
            os.chmod(path, PRIVATE_FOLDER)
    return path


def create_private_file(path: Path) -> Path:
    """Create the empty file `path` (it must not exist) readable and writable by its owner only."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        if applies():
            with contextlib.suppress(PermissionError):  # a file system without modes
                os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    return path


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (nothing on Windows, nothing for a missing file)."""
    if applies():
        with contextlib.suppress(FileNotFoundError, PermissionError):
            os.chmod(path, PRIVATE_FILE)


def tighten_profile(folder: Path) -> None:
    """Make an existing profile private: the folder, its profile files and the backups (files of others untouched).

    A file that cannot be changed (owned by another user, a read-only medium) is left as it is: opening the
    profile must not fail for it.
    """
    if not applies() or not Path(folder).is_dir():
        return
    folder = Path(folder)
    with contextlib.suppress(OSError):
        os.chmod(folder, PRIVATE_FOLDER)
    for entry in folder.iterdir():
        with contextlib.suppress(OSError):
            if entry.is_file() and entry.name.startswith(PROFILE_FILE_PREFIXES):
                os.chmod(entry, PRIVATE_FILE)
            elif entry.is_dir() and entry.name in PROFILE_FOLDERS:
                os.chmod(entry, PRIVATE_FOLDER)
                for inner in entry.rglob("*"):
                    os.chmod(inner, PRIVATE_FOLDER if inner.is_dir() else PRIVATE_FILE)
