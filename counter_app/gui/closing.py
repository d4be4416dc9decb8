"""Closing the main window without freezing it and without losing anything: a small notice says what is still being
finished and for how long, and quitting with changes not yet sent to the server asks first.

Quitting (not signing out: the next officer's session sends them) with unsent changes on a counter joined to a
server, `QuitGuard` says how many and offers to send them now, to quit and send them next time, or to stay.
Signing out or quitting then saves what must survive (drafts, through the task runner) and asks the sync worker to
stop after its current step; `CloseWaiter` looks every tenth of a second whether the runner has delivered all its
work and the worker has ended, shows what it still waits for, and reports `finished` when both are done, or when
their bounded waits ran out (the worker's thread ends on its own; the runner's writes are short). Asked to send,
it then runs one last sync cycle and, should the server not take the changes, says so before closing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ..app import sync
from ..sync.wording import describe_sync
from .questions import Answer, Question
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..sync.engine import CycleReport
    from ..sync.status import SyncStatus
    from .session import Session

#: How often the notice looks again.
POLL_MS = 100
#: Longest wait for the task runner's queued work (drafts, a receipt being written, a sign-out in the trail).
RUNNER_WAIT_S = 30.0
#: Longest wait for the sync worker to finish the step it is in (a slow server answer).
SYNC_WAIT_S = 10.0
#: A close that finishes sooner shows no notice at all.
NOTICE_AFTER_S = 0.3
#: How long the sentence saying the last send failed stays before the window closes by itself.
SEND_FAILED_NOTICE_S = 20.0
#: The officer's answers when quitting with unsent changes.
QUIT, SEND_THEN_QUIT, STAY = "quit", "send", "stay"

#: Told "" once the changes are sent, else the sentence saying why they were not.
SendDone = Callable[[str], None]
#: Sends what waits (one sync cycle) and calls its `SendDone`.
Sender = Callable[[SendDone], None]


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
        send: Sender | None = None,
        unsent: int = 0,
    ) -> None:
        """`send`: once the runner and the worker are done, send the `unsent` changes before finishing."""
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
        self.label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Thoát"), self)
        self.close_button.setObjectName("closeAnyway")
        self.close_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self._started = 0.0
        self._worker_done = worker is None
        self._send = send
        self.unsent = unsent
        self._sending = False
        self.send_problem = ""  # why the last send failed, once it has
        self._failed_at = 0.0
        self._connect()

    def _connect(self) -> None:
        self.timer.timeout.connect(self._on_timer_timeout)
        self.close_button.clicked.connect(self._finish)

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
        if self._sending:
            reasons.append(self.tr("gửi %n thay đổi lên máy chủ", "", self.unsent))
        elif self.runner.pending and elapsed < self.runner_wait_s:
            reasons.append(self.tr("lưu %n việc đang làm dở", "", self.runner.pending))
        if not self._worker_done:
            reasons.append(self.tr("đồng bộ xong lượt đang chạy"))
        return reasons

    def _on_timer_timeout(self) -> None:
        if self.send_problem:  # the officer reads why the changes did not go, then it closes
            if time.monotonic() - self._failed_at >= SEND_FAILED_NOTICE_S:
                self._finish()
            return
        reasons = self.waiting_for()
        if not reasons and self._send is not None:
            send, self._send = self._send, None
            self._sending = True
            send(self._on_sent)
            reasons = self.waiting_for()
        if not reasons:
            self._finish()
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

    def _on_sent(self, problem: str) -> None:
        self._sending = False
        if not problem:
            self._on_timer_timeout()
            return
        self.send_problem = problem
        self._failed_at = time.monotonic()
        self.label.setText(
            self.tr(
                "Chưa gửi được %n thay đổi: %1 Chúng vẫn được giữ trên máy này và sẽ gửi ở lần mở sau.",
                "",
                self.unsent,
            ).replace("%1", problem)
        )
        self.close_button.show()
        self.setEnabled(True)  # the window behind is disabled while closing; this notice takes the click
        self.adjustSize()
        self._place()
        self.show()

    def _finish(self) -> None:
        self.timer.stop()
        self.hide()
        self.finished.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            centre = parent.mapToGlobal(parent.rect().center())
            self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)


class QuitGuard(QObject):
    """Before the counter quits: when it is joined to a server and changes still wait to be sent, say how many and
    let the officer choose (`answered`): send them now and quit, quit and send them next time, or stay."""

    answered = Signal(str)  # QUIT, SEND_THEN_QUIT or STAY

    def __init__(
        self, session: Session, window: QWidget, last_status: Callable[[], SyncStatus | None]
    ) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self._last_status = last_status
        self._asking = False
        self.question: Question | None = None
        self.unsent = 0

    def may_have_unsent(self) -> bool:
        """False when the counter is known not to be joined to a server: there is nowhere to send anything, and
        quitting needs no question."""
        known = self._last_status()
        return known is None or known.server is not None

    def ask(self) -> None:
        """Count what waits (off the GUI thread), then ask; `answered` says QUIT without asking when nothing waits."""
        if self.question is not None and self.question.isVisible():
            self.question.raise_()
            self.question.activateWindow()
            return
        if self._asking:
            return
        self._asking = True
        self.session.submit(sync.status, on_done=self._on_status_loaded, on_error=self._on_status_failed)

    def _on_status_failed(self, _exc: object) -> None:
        self._asking = False
        self.answered.emit(QUIT)

    def _on_status_loaded(self, status: SyncStatus) -> None:
        self._asking = False
        if status.server is None or status.pending == 0:
            self.answered.emit(QUIT)
            return
        self.unsent = status.pending
        details = self.tr(
            "Các thay đổi vẫn được giữ an toàn trên máy này và sẽ tự gửi khi mở lại Quầy Một cửa. "
            "Gửi ngay để máy chủ và các quầy khác có chúng từ bây giờ."
        )
        if status.problem:
            details += " " + self.tr("Lần đồng bộ gần nhất: %1").replace(
                "%1", describe_sync(status.problem, self.session.lang)
            )
        self.question = Question(
            self.tr("Thoát Quầy Một cửa"),
            self.tr("Còn %n thay đổi chưa gửi lên máy chủ.", "", status.pending),
            details,
            [
                Answer(SEND_THEN_QUIT, self.tr("Gửi ngay rồi thoát"), QMessageBox.ButtonRole.AcceptRole),
                Answer(QUIT, self.tr("Thoát, gửi sau"), QMessageBox.ButtonRole.DestructiveRole),
                Answer(STAY, self.tr("Ở lại"), QMessageBox.ButtonRole.RejectRole),
            ],
            safe=STAY,
            default=SEND_THEN_QUIT,
            parent=self.window,
        )
        self.question.setObjectName("quitQuestion")
        self.question.answered.connect(self.answered)
        self.question.open()

    def final_send(self) -> Sender:
        """One last sync cycle, on the writer once the sync worker has stopped (nothing else sends meanwhile)."""
        session = self.session

        def send(done: SendDone) -> None:
            engine = sync.engine(session.app)

            def finished(report: CycleReport) -> None:
                engine.close()
                done("" if report.ok else describe_sync(report.error or "sync.unreachable", session.lang))

            def failed(exc: object) -> None:
                engine.close()
                done(self.tr("lỗi khi gửi (%1).").replace("%1", str(exc)))

            session.submit(sync.cycle, engine, on_done=finished, on_error=failed)

        return send
