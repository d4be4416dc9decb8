"""The server's store of digitised papers: files by agency and SHA-256 on disk, uploaded in resumable chunks.

Layout under the `--files` folder: `<agency>/<first two hex digits>/<sha256>` for a whole file, and
`<agency>/.partial/<sha256>` while it arrives. A counter sends a file only after the `attachment.add` change that
names it (so the server knows its size and that it belongs to the agency); it asks how much arrived (`received`) and
sends the rest in chunks, each at the offset the server has: a cut connection resumes where it stopped, and two
counters sending the same file take turns under a lock on its partial file (one process, or several: an exclusive
`flock`). When the last byte is in, the whole file is hashed: a match is renamed into place and recorded in
`stored_files`; a mismatch is thrown away and the counter starts again. Agencies never see each other's files. A
file becoming whole queues the state of the dossiers naming it for the national portal again, in the same
transaction, so the portal hears of the paper's link (portal_queue.requeue_papers).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from ..core.codes import check_agency_id
from ..core.wire import FILE_CHUNK_BYTES, time_text, utc_now
from . import portal_queue
from .admin import lock_agency, log_change
from .database import write_transaction

try:  # POSIX: several server processes share the folder
    import fcntl
except ImportError:  # pragma: no cover - Windows servers are not supported for production
    fcntl = None  # type: ignore[assignment]

CHUNK_BYTES = FILE_CHUNK_BYTES
#: Where files go when `counter-server --files` is not given: beside where the server was started.
DEFAULT_FILES_DIR = Path("counter-server-files")
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


class UploadError(Exception):
    """An upload the server refuses: `code` (file.unknown, file.offset, file.hash_mismatch, file.too_long)."""

    def __init__(self, code: str, received: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.received = received


@dataclass(frozen=True)
class Progress:
    received: int
    complete: bool


class FileVault:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _folder(self, agency_id: str) -> Path:
        return self.root / check_agency_id(agency_id)

    def path(self, agency_id: str, sha256: str) -> Path:
        return self._folder(agency_id) / sha256[:2] / sha256

    def _partial(self, agency_id: str, sha256: str) -> Path:
        return self._folder(agency_id) / ".partial" / sha256

    @contextlib.contextmanager
    def _locked(self, agency_id: str, sha256: str) -> Iterator[Path]:
        partial = self._partial(agency_id, sha256)
        partial.parent.mkdir(parents=True, exist_ok=True)
        key = f"{agency_id}/{sha256}"
        with _LOCKS_GUARD:
            lock = _LOCKS.setdefault(key, threading.Lock())
        with lock, open(partial.with_suffix(".lock"), "a+b") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield partial
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def expected_size(self, m: SimpleNamespace, agency_id: str, sha256: str) -> int:
        """The size of a file an attachment of the agency names; `UploadError("file.unknown")` otherwise."""
        A = m.Attachment
        paper = A.select(A.bytes).where((A.agency_id == agency_id) & (A.sha256 == sha256)).first()
        if paper is None:
            raise UploadError("file.unknown")
        return int(paper.bytes)

    def progress(self, m: SimpleNamespace, agency_id: str, sha256: str) -> Progress:
        size = self.expected_size(m, agency_id, sha256)
        if self.path(agency_id, sha256).is_file():
            return Progress(size, True)
        partial = self._partial(agency_id, sha256)
        return Progress(partial.stat().st_size if partial.exists() else 0, False)

    def append(self, m: SimpleNamespace, agency_id: str, sha256: str, offset: int, chunk: bytes) -> Progress:
        """Add `chunk` at `offset` (which must be what has arrived so far); the last chunk completes the file."""
        size = self.expected_size(m, agency_id, sha256)
        target = self.path(agency_id, sha256)
        with self._locked(agency_id, sha256) as partial:
            if target.is_file():
                return Progress(size, True)
            received = partial.stat().st_size if partial.exists() else 0
            if offset != received:
                raise UploadError("file.offset", received)
            if received + len(chunk) > size:
                raise UploadError("file.too_long", received)
            with open(partial, "ab") as out:
                out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            received += len(chunk)
            if received < size:
                return Progress(received, False)
            digest = hashlib.sha256()
            with open(partial, "rb") as whole:
                for block in iter(lambda: whole.read(1024 * 1024), b""):
                    digest.update(block)
            if digest.hexdigest() != sha256:
                partial.unlink(missing_ok=True)
                raise UploadError("file.hash_mismatch", 0)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(partial, target)
        self._record(m, agency_id, sha256, size)
        return Progress(size, True)

    def _record(self, m: SimpleNamespace, agency_id: str, sha256: str, size: int) -> None:
        """The file is whole: every attachment naming it is announced again, now fetchable, and the first time it
        is recorded their dossiers are queued again for the national portal (the paper now has a link)."""
        now = time_text(utc_now())
        with write_transaction(m.db):
            lock_agency(m, agency_id)
            F = m.StoredFile
            new = F.get_or_none((F.agency_id == agency_id) & (F.sha256 == sha256)) is None
            F.insert(
                agency_id=agency_id, sha256=sha256, bytes=size, stored_at=now
            ).on_conflict_ignore().execute()
            A = m.Attachment
            dossiers = []
            for paper in A.select(A.id, A.dossier_id).where(
                (A.agency_id == agency_id) & (A.sha256 == sha256)
            ):
                log_change(m, agency_id, "attachment", paper.id)
                dossiers.append(paper.dossier_id)
            if new:
                portal_queue.requeue_papers(m, agency_id, dossiers, now)

    def read(self, agency_id: str, sha256: str) -> Path | None:
        path = self.path(agency_id, sha256)
        return path if path.is_file() else None
