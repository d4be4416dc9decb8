"""Digitised papers' files between a counter and the server: uploaded after their record, in chunks that resume
where the server's copy stops, and fetched on demand by any counter of the agency.

The record (`attachment.add`) goes with the other changes; once the server has acknowledged it, `upload_pending`
asks how much of each file the server holds and sends the rest, 4 MiB at a time, each chunk at the offset the server
reports — a cut connection, or a server killed in the middle, costs the chunk in flight and no more. The server
checks the whole file's SHA-256 before it keeps it; the counter marks the paper synced when the server says the file
is complete. `fetch` downloads a paper another counter made and keeps it only if its hash is the record's.
"""

from __future__ import annotations

from datetime import datetime

from ..core.attachments import Attachment
from ..core.wire import FILE_CHUNK_BYTES
from ..storage.store import CounterStore
from .client import RequestRefused, SyncClient

CHUNK_BYTES = FILE_CHUNK_BYTES
#: Attempts for one file in one cycle (a hash mismatch starts the file again; a cut connection ends the cycle).
ATTEMPTS = 3


def upload_pending(store: CounterStore, client: SyncClient, clock: datetime) -> int:
    """Send the files the server lacks; returns how many became whole on the server. Network errors propagate
    (the cycle reports the counter offline and the next one resumes)."""
    done = 0
    for paper in store.attachments.to_upload():
        try:
            if _upload(store, client, paper):
                store.attachments.mark_synced(paper.sha256, clock.isoformat(timespec="seconds"))
                done += 1
        except RequestRefused as exc:
            if exc.status == 404:  # the server does not know the record (parked, or another agency's): skip
                continue
            raise
    return done


def _upload(store: CounterStore, client: SyncClient, paper: Attachment) -> bool:
    data = store.attachments.read(paper)
    for _ in range(ATTEMPTS):
        progress = client.file_status(paper.sha256)
        try:
            while not progress.complete:
                offset = progress.received
                progress = client.upload_chunk(paper.sha256, offset, data[offset : offset + CHUNK_BYTES])
                if not progress.complete and progress.received <= offset:
                    return False  # no progress (another counter is sending the same file): next cycle
            return True
        except RequestRefused as exc:
            if exc.status != 422:  # 422: the whole did not match its hash and was thrown away: start again
                raise
    return False


def fetch(store: CounterStore, client: SyncClient, paper: Attachment) -> bytes:
    """The paper's PDF from the server, checked against its hash and kept in this counter's store."""
    data = client.download(paper.sha256)
    store.attachments.keep_file(paper, data)
    return data
