"""Deadline warnings: at sign-in, on a timer and when a dossier the notice names changes, a non-blocking notice of
open dossiers that are overdue or due soon.

"Due soon" means a deadline within `CounterSettings.due_soon_hours` clock hours from now (key
`dossiers/due_soon_hours`, default 24), read at every check so a change applies at the next one.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...app import tracking
from ...app.base import Changes, Scope
from ...core.listing import DeadlineAlerts, DossierSummary, QuickView, due_soon_limit
from ..formats import format_datetime
from ..session import Session

Clock = Callable[[], datetime]
#: How often the counter looks again for dossiers becoming due or late.
CHECK_INTERVAL_MS = 10 * 60 * 1000
#: Dossiers named in the notice (the rest are counted).
SHOWN = 5
#: Pause after a change to the dossiers before looking again (a burst of changes is one check).
RECHECK_DELAY_MS = 500


class DeadlineWatcher(QObject):
    """Checks the deadlines in the background now and then every `interval_ms`; reports each result."""

    alerts_found = Signal(object)  # DeadlineAlerts
    check_failed = Signal(object)

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        clock: Clock = datetime.now,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.recheck = QTimer(self)
        self.recheck.setSingleShot(True)
        self.recheck.setInterval(RECHECK_DELAY_MS)
        self._checking = False
        self._again = False  # a change arrived while a check was running
        self._named: frozenset[str] = frozenset()  # the dossiers the last check named
        self._connect()

    def _connect(self) -> None:
        self.timer.timeout.connect(self._on_timer_timeout)
        self.recheck.timeout.connect(self._on_recheck_timeout)
        self.session.runner.changed.connect(self._on_runner_changed)
        parent = self.parent()
        if parent is not None:
            parent.installEventFilter(self)  # the window closing ends the watch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            self.stop()
        return super().eventFilter(watched, event)

    def start(self) -> None:
        """Check at once (sign-in), then on the timer."""
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.recheck.stop()

    def check_now(self) -> None:
        if not self.session.runner.accepting:
            return  # the application is closing
        if self._checking:
            self._again = True
            return
        self._checking = True
        now = self.clock().replace(microsecond=0)
        until = due_soon_limit(now, self.session.settings.due_soon_hours)
        self.session.submit(
            tracking.deadline_alerts,
            now,
            until,
            SHOWN,
            on_done=self._on_check_done,
            on_error=self._on_check_failed,
        )

    def _on_timer_timeout(self) -> None:
        self.check_now()

    def _on_runner_changed(self, changes: Changes) -> None:
        """A dossier the notice names moved on or was handed over, dossiers were downloaded, or a day off changed:
        look again (while watching). A new receipt is never overdue at once; the timer finds it when it is due."""
        if not self.timer.isActive():
            return
        ids = changes.dossier_ids
        named = changes.touches(Scope.DOSSIERS) and (not ids or bool(ids & self._named))
        if named or changes.touches(Scope.CALENDAR):
            self.recheck.start()

    def _on_recheck_timeout(self) -> None:
        self.check_now()

    def _on_check_done(self, alerts: DeadlineAlerts) -> None:
        self._named = alerts.ids
        self._finished()
        self.alerts_found.emit(alerts)

    def _on_check_failed(self, exc: object) -> None:
        self._finished()
        self.check_failed.emit(exc)

    def _finished(self) -> None:
        self._checking = False
        if self._again:
            self._again = False
            self.recheck.start()


class DeadlineNotice(QFrame):
    """A dismissible notice in the bottom-right corner of its window; it never takes the focus or blocks work.

    After "Ẩn" (dismiss) it stays hidden until a check finds a dossier it has not shown yet.
    """

    view_requested = Signal(object)  # QuickView
    dossier_requested = Signal(str)  # dossier ID
    dismissed = Signal()

    def __init__(self, parent: QWidget, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("deadlineNotice")
        self.setProperty("role", "banner")
        self.setStyleSheet(
            "#deadlineNotice { background: #fff4ce; border: 1px solid #d9a400; border-radius: 6px; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alerts: DeadlineAlerts | None = None
        self._seen: frozenset[str] = frozenset()
        self.title = QLabel(self)
        self.title.setObjectName("noticeTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("noticeSummary")
        self.summary.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("noticeDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.view_button = QPushButton(self.tr("Xem danh sách"), self)
        self.view_button.setObjectName("noticeView")
        self.view_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dismiss_button = QPushButton(self.tr("Ẩn"), self)
        self.dismiss_button.setObjectName("noticeDismiss")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dismiss_button.setToolTip(self.tr("Ẩn thông báo đến khi có hồ sơ mới cần chú ý"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setFixedWidth(430)
        self.hide()
        parent.installEventFilter(self)
        self._connect()

    def _connect(self) -> None:
        self.view_button.clicked.connect(self._on_view_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.details.linkActivated.connect(self._on_details_link_activated)

    def show_alerts(self, alerts: DeadlineAlerts) -> None:
        """Show the result of a check (hide when nothing is due; stay hidden after dismissal unless something is new)."""
        self.alerts = alerts
        if alerts.is_empty:
            self.hide()
            return
        if alerts.ids <= self._seen and not self.isVisible():
            return
        title = self.tr("Cảnh báo hạn giải quyết")
        self.title.setText(f"<b>⚠ {html.escape(title)}</b>")
        lines = []
        if alerts.overdue_count:
            lines.append(self.tr("%n hồ sơ đang quá hạn", "", alerts.overdue_count))
        if alerts.due_soon_count:
            hours = max(1, round((alerts.due_soon_until - alerts.checked_at).total_seconds() / 3600))
            lines.append(
                self.tr("%n hồ sơ đến hạn trong %1", "", alerts.due_soon_count).replace(
                    "%1", self.tr("%n giờ tới", "", hours)
                )
            )
        self.summary.setText(" · ".join(lines))
        rows = [self._line(s, self.tr("Quá hạn")) for s in alerts.overdue[:SHOWN]]
        rows += [self._line(s, self.tr("Sắp đến hạn")) for s in alerts.due_soon[: max(0, SHOWN - len(rows))]]
        self.details.setText("<br>".join(rows))
        self.view_button.setText(
            self.tr("Xem hồ sơ quá hạn") if alerts.overdue_count else self.tr("Xem hồ sơ sắp đến hạn")
        )
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def _line(self, s: DossierSummary, mark: str) -> str:
        due = format_datetime(s.due_at, self.lang)
        return (
            f"<a href='{html.escape(s.id)}'>{html.escape(s.code or '')}</a> — {html.escape(s.applicant_name)}"
            f" — <b>{html.escape(mark)}</b> ({html.escape(due)})"
        )

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        margin = 16
        bottom = parent.height() - margin
        status = parent.findChild(QWidget, "statusBar") or getattr(parent, "statusBar", lambda: None)()
        if isinstance(status, QWidget) and status.isVisible():
            bottom -= status.height()
        self.move(max(0, parent.width() - self.width() - margin), max(0, bottom - self.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def _on_view_button_clicked(self) -> None:
        overdue = self.alerts is not None and self.alerts.overdue_count > 0
        self.view_requested.emit(QuickView.LATE if overdue else QuickView.DUE_SOON)
        self._on_dismiss_button_clicked()

    def _on_dismiss_button_clicked(self) -> None:
        if self.alerts is not None:
            self._seen = self._seen | self.alerts.ids
        self.hide()
        self.dismissed.emit()

    def _on_details_link_activated(self, dossier_id: str) -> None:
        self.dossier_requested.emit(dossier_id)
