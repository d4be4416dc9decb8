"""The one way a worker thread that is not the task runner's (the camera, the sync worker) reports to the window.

A worker is handed plain callbacks (`bridge.poster("code_read")`); each call, from any thread, is queued to the GUI
thread and handed to the handler registered for that event with `bridge.on("code_read", handler)`. After
`detach()` nothing more is delivered, even reports already queued, so a worker that was switched off cannot
touch a window that moved on. No widget is ever called from the worker's thread.

    bridge = WorkerBridge()
    bridge.on("status", indicator.show_status)
    worker = SyncWorker(engine, on_status=bridge.poster("status"))
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

Handler = Callable[..., object]


class WorkerBridge(QObject):
    """Carries `(event, values)` reports from worker threads to handlers run in the GUI thread."""

    #: (event name, tuple of values); emitted in the worker's thread, delivered queued.
    reported = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._live = threading.Event()
        self._live.set()
        self._handlers: dict[str, list[Handler]] = {}
        self._connect()

    def _connect(self) -> None:
        self.reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    def on(self, event: str, handler: Handler) -> None:
        """Run `handler(*values)` in the GUI thread for every report of `event`."""
        self._handlers.setdefault(event, []).append(handler)

    def poster(self, event: str) -> Callable[..., None]:
        """A callback for the worker: calling it (in any thread) reports `event` with its arguments."""

        def post(*values: Any) -> None:
            self.post(event, *values)

        return post

    def post(self, event: str, *values: Any) -> None:
        if not self._live.is_set():
            return
        try:
            self.reported.emit(event, values)
        except RuntimeError:  # the Qt side is gone (the application is quitting)
            self._live.clear()

    def detach(self) -> None:
        """Deliver nothing more from now on."""
        self._live.clear()

    @property
    def attached(self) -> bool:
        return self._live.is_set()

    def _on_reported(self, event: str, values: tuple[Any, ...]) -> None:
        if not self._live.is_set():
            return
        for handler in self._handlers.get(event, ()):
            handler(*values)
