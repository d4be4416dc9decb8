"""The sync worker beside the main window: started with it, woken by every write, its downloads heard by every screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..app import sync
from ..app.base import NOTHING, Changes, Scope
from ..sync.worker import SyncWorker
from .bridge import WorkerBridge
from .session import Session
from .sync_status import NeedsAttentionPanel, SyncStatusIndicator, connect_sync

if TYPE_CHECKING:
    from ..sync.engine import CycleReport


class SyncLink(QObject):
    """Owns the worker, its bridge, the status-bar indicator and the parked-items panel of one signed-in window."""

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.bridge = WorkerBridge()  # no parent: it lives as long as the worker that posts to it
        self.indicator = SyncStatusIndicator(window, session.lang)
        self.panel = NeedsAttentionPanel(window, session.lang)
        self.worker = SyncWorker(
            sync.engine(session.app),
            on_status=self.bridge.poster("status"),
            on_export=self.bridge.poster("export"),
            on_cycle=self.bridge.poster("cycle"),
        )
        self._downloaded: Changes = NOTHING
        self._listening = False
        self._connect()

    def _connect(self) -> None:
        connect_sync(self.bridge, self.worker, self.indicator, self.panel)
        self.bridge.on("cycle", self._on_worker_cycle_finished)
        # every write the counter makes is worth sending at once (reads never wake it); the timer covers the rest
        self.session.runner.changed.connect(self._on_runner_changed)
        self._listening = True

    def start(self) -> None:
        self.worker.start()

    def stop_listening(self) -> None:
        """The window is closing: writes made from now on wait for the next session's worker."""
        if self._listening:
            self._listening = False
            self.session.runner.changed.disconnect(self._on_runner_changed)
        self.bridge.detach()

    def _on_runner_changed(self, changes: Changes) -> None:
        if changes is not self._downloaded:  # the worker's own downloads need no second cycle
            self.worker.nudge()

    def _on_worker_cycle_finished(self, report: CycleReport) -> None:
        """Dossiers, catalogue or calendar days came from the server: every screen hears it like a local write."""
        pulled = report.pull
        scopes = [Scope.SYNC]
        # a dossier the national portal now holds changes the leaders' figures, as a downloaded dossier does
        scopes += [Scope.DOSSIERS] if pulled.dossiers or pulled.portal else []
        scopes += [Scope.CATALOGUE] if pulled.catalogue else []
        scopes += [Scope.CALENDAR] if pulled.calendar_days else []
        if len(scopes) > 1:
            self._downloaded = Changes.of(*scopes)
            self.session.runner.announce(self._downloaded)
