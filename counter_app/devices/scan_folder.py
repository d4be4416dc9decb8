"""The office scanner's "scan to folder" target, watched: the files that appear in it once they are whole.

Office scanners are shared by saving to a folder (often an SMB share on the counter PC or the office server).
Change notifications (inotify, QFileSystemWatcher, ReadDirectoryChangesW) are not sent for files written over a
network share by another machine, so the folder is listed on a timer instead (`poll`, a few times a second is
plenty: a page takes seconds to scan). A file is reported once, and only when it is whole: present, not a temporary
or hidden name, its size and modification time the same on two polls in a row, and readable. Files that were
already there when watching started are someone else's or earlier work and are never reported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: What a scanner saves that can become a digitised paper (as `app.digitise` accepts).
SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp"})
#: Names scanners and copy programs give files still being written.
PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".filepart", "~")


def is_candidate(name: str) -> bool:
    """A name a finished scan may have (not hidden, not a temporary or lock file, a known suffix)."""
    lowered = name.lower()
    if name.startswith((".", "~$", "~")) or lowered.endswith(PARTIAL_SUFFIXES):
        return False
    return Path(lowered).suffix in SUFFIXES


class ScanFolderError(OSError):
    """The folder cannot be listed (not set, gone, not a folder, no permission, share unreachable)."""


@dataclass
class ScanFolderWatch:
    """Reports the whole files that appear in `folder` after `start()`; call `poll()` on a timer."""

    folder: Path
    _known: set[str] = field(default_factory=set)
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    _reported: set[str] = field(default_factory=set)

    def _names(self) -> dict[str, tuple[int, int]]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError as exc:
            raise ScanFolderError(str(exc)) from exc
        found: dict[str, tuple[int, int]] = {}
        for entry in entries:
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                continue  # removed between the listing and the look
            found[entry.name] = (st.st_size, st.st_mtime_ns)
        return found

    def start(self) -> None:
        """Take note of what is there now: none of it will be reported."""
        self._known = set(self._names())
        self._seen = {}
        self._reported = set()

    def poll(self) -> list[Path]:
        """The files that became whole since the last poll, oldest first."""
        now = self._names()
        ready: list[tuple[int, str]] = []
        for name, state in now.items():
            if name in self._known or name in self._reported or not is_candidate(name):
                continue
            size, mtime = state
            if size > 0 and self._seen.get(name) == state and _readable(self.folder / name):
                ready.append((mtime, name))
            self._seen[name] = state
        for name in list(self._seen):
            if name not in now:
                del self._seen[name]  # deleted or renamed away before it was whole
        ready.sort()
        self._reported.update(name for _, name in ready)
        return [self.folder / name for _, name in ready]


def _readable(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError:
        return False
    return True
