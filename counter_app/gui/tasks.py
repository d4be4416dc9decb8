"""The one background mechanism: a single writer thread for database writes, a thread pool for the rest.

Work runs off the GUI thread; its result (or exception) comes back to the GUI thread through a queued
signal and is handed to the callbacks given when the work was submitted. Workers never touch a widget.
Application operations go through `submit`: a read runs on the pool, a write on the single writer, and after
each write the runner emits `changed` once with what it changed, for every screen that shows it.

    runner.submit(intake.receive, app, account, draft, on_done=self._on_receive_done)
    runner.submit(tracking.search, app, account, text, on_done=self._on_search_done)
    runner.run(render, kind, dossier, on_done=...)          # non-database work (rendering, decoding)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..app.base import Changes, Done, Op

Callback = Callable[[Any], object]


@dataclass
class _Pending:
    on_done: Callback | None
    on_error: Callback | None


class _Job(QRunnable):
    """Runs one function in a worker thread and reports through the runner's queued signal."""

    def __init__(
        self,
        runner: TaskRunner,
        job_id: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self._runner = runner
        self._job_id = job_id
        self._fn = fn
        self._args = args
        self._kwargs = kwargs or {}

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            self._runner.job_finished.emit(self._job_id, False, exc)
        else:
            self._runner.job_finished.emit(self._job_id, True, result)


class TaskRunner(QObject):
    """Submit work with `write` (serialised database writes) or `run` (reads, decoding, network)."""

    #: (job id, succeeded, result or exception); emitted from worker threads, delivered queued.
    job_finished = Signal(int, bool, object)
    #: Emitted in the GUI thread when a job failed and nobody handled its error.
    unhandled_error = Signal(object)
    #: Number of jobs still running or queued, after every change.
    busy_changed = Signal(int)
    #: After every write operation that changed something: its `app.Changes` (in the GUI thread).
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._writer.setExpiryTimeout(-1)  # the writer thread lives as long as the runner
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._closed = False
        self._connect()

    def _connect(self) -> None:
        from PySide6.QtCore import Qt

        self.job_finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)

    # ---- submitting ------------------------------------------------------------------------------------------
    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> int:
        """Run a database write on the single writer thread (writes keep their submission order)."""
        return self._submit(self._writer, fn, args, on_done, on_error)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> int:
        """Run other work (reads, password checks, rendering) on the pool."""
        return self._submit(self._pool, fn, args, on_done, on_error)

    def submit(
        self,
        op: Op[Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        **kwargs: Any,
    ) -> int:
        """Run an application operation (`kwargs` are its own keyword arguments): a read on the pool, a write on
        the single writer. A write's `on_done` receives its value; then `changed` announces what it changed."""
        if not op.is_write:
            return self._submit(self._pool, op, args, on_done, on_error, kwargs)

        def delivered(done: object) -> None:
            assert isinstance(done, Done)
            if on_done is not None:
                on_done(done.value)
            if done.changes:
                self.changed.emit(done.changes)

        return self._submit(self._writer, op, args, delivered, on_error, kwargs)

    def announce(self, changes: Changes) -> None:
        """Tell every screen about changes made outside the runner (the sync worker's downloads)."""
        if changes:
            self.changed.emit(changes)

    @property
    def accepting(self) -> bool:
        """False once `shutdown` was called: no new work is taken."""
        return not self._closed

    @property
    def pending(self) -> int:
        return len(self._pending)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Block until every submitted job has run (results are delivered when the event loop next runs)."""
        return self._writer.waitForDone(timeout_ms) and self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Refuse new work and wait for what is queued (called when the window closes)."""
        self._closed = True
        self.wait_idle(timeout_ms)

    # ---- internals -------------------------------------------------------------------------------------------
    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Callback | None,
        on_error: Callback | None,
        kwargs: dict[str, Any] | None = None,
    ) -> int:
        if self._closed:
            raise RuntimeError("task runner is shut down")
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(on_done, on_error)
        self.busy_changed.emit(len(self._pending))
        pool.start(_Job(self, job_id, fn, args, kwargs))
        return job_id

    @Slot(int, bool, object)
    def _on_job_finished(self, job_id: int, ok: bool, value: object) -> None:
        pending = self._pending.pop(job_id, None)
        self.busy_changed.emit(len(self._pending))
        if pending is None:
            return
        if ok:
            if pending.on_done is not None:
                pending.on_done(value)
        elif pending.on_error is not None:
            pending.on_error(value)
        else:
            self.unhandled_error.emit(value)
