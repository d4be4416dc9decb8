"""Closing the main window without freezing it: a small notice says what is still being finished and for how long.

Signing out or quitting first saves what must survive (drafts, through the task runner) and asks the sync worker to
stop after its current step; `CloseWaiter` then looks every tenth of a second whether the runner has delivered all
its work and the worker has ended, shows what it still waits for, and reports `finished` when both are done, or
when their bounded waits ran out (the worker's thread ends on its own; the runner's writes are short).
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .tasks import TaskRunner

#: How often the notice looks again.
POLL_MS = 100
#: Longest wait for the task runner's queued work (drafts, a receipt being written, a sign-out in the trail).
RUNNER_WAIT_S = 30.0
#: Longest wait for the sync worker to finish the step it is in (a slow server answer).
SYNC_WAIT_S = 10.0
#: A close that finishes sooner shows no notice at all.
NOTICE_AFTER_S = 0.3


class Stoppable(Protocol):
    def stop(self, timeout: float = ...) -> bool: ...


class CloseWaiter(QWidget):
    """A frameless notice over the closing window; `finished` once nothing is left to wait for."""

    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        worker: Stoppable | None,
        parent: QWidget | None = None,
        *,
        runner_wait_s: float = RUNNER_WAIT_S,
        sync_wait_s: float = SYNC_WAIT_S,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("closeWaiter")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(
            "#closeWaiter { background: #fff4ce; border: 1px solid #d9a400; border-radius: 6px; }"
        )
        self.runner = runner
        self.worker = worker
        self.runner_wait_s = runner_wait_s
        self.sync_wait_s = sync_wait_s
        self.label = QLabel(self)
        self.label.setObjectName("closeWaiting")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self._started = 0.0
        self._worker_done = worker is None
        self._connect()

    def _connect(self) -> None:
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Ask the worker to stop (without waiting) and start looking; may finish at once."""
        self._started = time.monotonic()
        self._worker_done = self.worker is None or self.worker.stop(timeout=0)
        self.timer.start()
        self._on_timer_timeout()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def waiting_for(self) -> list[str]:
        """What is not finished yet, in words (empty when done or when the waits ran out)."""
        elapsed = self.elapsed
        if not self._worker_done and self.worker is not None:
            self._worker_done = self.worker.stop(timeout=0) or elapsed >= self.sync_wait_s
        reasons = []
        if self.runner.pending and elapsed < self.runner_wait_s:
            reasons.append(self.tr("lưu %1 việc đang làm dở").replace("%1", str(self.runner.pending)))
        if not self._worker_done:
            reasons.append(self.tr("đồng bộ xong lượt đang chạy"))
        return reasons

    def _on_timer_timeout(self) -> None:
        reasons = self.waiting_for()
        if not reasons:
            self.timer.stop()
            self.hide()
            self.finished.emit()
            return
        self.label.setText(
            self.tr("Đang chờ %1… (%2 giây)")
            .replace("%1", ", ".join(reasons))
            .replace("%2", str(int(self.elapsed)))
        )
        if self.elapsed >= NOTICE_AFTER_S and not self.isVisible():
            self.adjustSize()
            self._place()
            self.show()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            centre = parent.mapToGlobal(parent.rect().center())
            self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)
