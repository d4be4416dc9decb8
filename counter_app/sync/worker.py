"""The background sync worker: a thread that runs cycles after local writes, on a timer, and with backoff.

It reports through plain callbacks (`on_status`), called on the worker thread; the GUI's bridge turns
them into queued Qt signals. Administrator actions (retry parked items, export) are queued to the worker
so the database is written from one place.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from .backoff import Backoff
from .engine import CycleReport, SyncEngine
from .status import SyncStatus

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_S = 60.0


class SyncWorker:
    """Owns a `SyncEngine` and runs it on its own daemon thread until `stop()`."""

    def __init__(
        self,
        engine: SyncEngine,
        on_status: Callable[[SyncStatus], None],
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        backoff: Backoff | None = None,
        on_cycle: Callable[[CycleReport], None] | None = None,
        on_export: Callable[[Path, int], None] | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.engine = engine
        self._on_status = on_status
        self._on_cycle = on_cycle
        self._on_export = on_export
        self._interval_s = interval_s
        self._backoff = backoff or Backoff()
        self._today = today
        self._wake = threading.Event()
        self._refresh = threading.Event()  # a nudge while backing off: report the new count, do not sync yet
        self._stopping = threading.Event()
        self._commands: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self.cycles = 0

    # ---- called from any thread ----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> bool:
        """Ask the thread to finish its current cycle and end; True when it ended within `timeout`."""
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def nudge(self) -> None:
        """Something was written locally: sync now instead of waiting for the timer. While backing off the wait
        is kept, but the status is reported again, so the count of changes waiting to be sent stays true."""
        if self._backoff.failures == 0:
            self._wake.set()
        else:
            self._refresh.set()
            self._wake.set()

    def request_retry(self, change_ids: Sequence[str] | None = None) -> None:
        """Re-queue parked changes (all, or the named ones) and sync."""
        ids = list(change_ids) if change_ids is not None else None
        self._commands.put(lambda: self._retry(ids))
        self._wake.set()

    def request_export(self, path: Path) -> None:
        """Export every unsent change to `path`; `on_export(path, count)` reports when done."""
        self._commands.put(lambda: self._export(path))
        self._wake.set()

    # ---- on the worker thread ----------------------------------------------------------------------------
    def _retry(self, ids: list[str] | None) -> None:
        self.engine.requeue(ids)

    def _export(self, path: Path) -> None:
        count = self.engine.export(path)
        if self._on_export is not None:
            self._on_export(path, count)

    def _publish(self, syncing: bool = False) -> None:
        try:
            self._on_status(self.engine.status(syncing=syncing))
        except Exception:
            log.exception("sync status report failed")

    def _run_commands(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            try:
                command()
            except Exception:
                log.exception("sync command failed")

    def _wait(self, delay: float) -> bool:
        """Wait `delay` seconds or until woken (True); a wake that only asks for a fresh status (a nudge while
        backing off) is answered at once and the wait goes on to its end."""
        deadline = time.monotonic() + delay
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._wake.wait(remaining):
                return False
            if self._refresh.is_set() and not self._stopping.is_set() and self._commands.empty():
                self._wake.clear()
                self._refresh.clear()
                self._publish()
                continue
            self._refresh.clear()
            return True

    def _run(self) -> None:
        quiet = False  # True when the last wait ended by the timer, not by a nudge or a request
        try:
            while not self._stopping.is_set():
                self._wake.clear()
                self._run_commands()
                self._publish(syncing=True)
                ok = False
                try:
                    report = self.engine.cycle()
                    ok = report.ok or report.outcome == "not_configured"
                    if self._on_cycle is not None:
                        self._on_cycle(report)
                except Exception:
                    log.exception("sync cycle failed")
                if quiet:  # housekeeping waits for a cycle nobody asked for: WAL checkpoint, daily backup
                    try:
                        self.engine.store.checkpoint()
                        self.engine.backup_if_due(self._today())
                    except Exception:
                        log.exception("local housekeeping failed")
                self.cycles += 1
                self._publish()
                if ok:
                    self._backoff.reset()
                    delay = self._interval_s
                else:
                    delay = self._backoff.next_delay()
                quiet = not self._wait(delay)
        finally:
            self.engine.close()
