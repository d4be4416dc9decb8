"""Following every dossier: the list, a dossier's page and moves, deadline warnings, and the leader's dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ...core.roles import Operation
from ..session import Session

DASHBOARD_SHORTCUT = "F9"


class PanelHost(Protocol):
    """What `install` needs from the main window."""

    def add_panel(
        self, key: str, widget: QWidget, title: str, shortcut: str = "", actions: Sequence[QAction] = ...
    ) -> QAction: ...

    def show_panel(self, key: str) -> None: ...


def install(window: PanelHost, session: Session) -> None:
    """Add the tracking panel (F8), the dashboard for leaders and administrators (F9), and the deadline notice."""
    from .dashboard import DashboardPanel
    from .panel import SHORTCUT, TrackingPanel
    from .warnings import DeadlineNotice, DeadlineWatcher

    parent = window if isinstance(window, QWidget) else None
    tracking = TrackingPanel(session, parent)
    window.add_panel(
        "tracking",
        tracking,
        QCoreApplication.translate("TrackingPanel", "Theo dõi hồ sơ"),
        SHORTCUT,
        [tracking.refresh_action],
    )
    if session.may(Operation.REPORT):
        dashboard = DashboardPanel(session, parent)
        window.add_panel(
            "dashboard",
            dashboard,
            QCoreApplication.translate("DashboardPanel", "Bảng điều hành"),
            DASHBOARD_SHORTCUT,
        )
    intake = getattr(window, "panels", {}).get("intake")
    if intake is not None:  # "Đã nhận bổ sung" on an intake never received reopens it at intake
        tracking.page.continue_intake_requested.connect(intake.widget.continue_intake)
    if parent is None:
        return
    notice = DeadlineNotice(parent, session.lang)
    watcher = DeadlineWatcher(session, parent)
    watcher.alerts_found.connect(notice.show_alerts)

    def show_view(view: object) -> None:
        window.show_panel("tracking")
        tracking.show_view(view)  # type: ignore[arg-type]

    def open_dossier(dossier_id: str) -> None:
        window.show_panel("tracking")
        tracking.open_dossier(dossier_id)

    notice.view_requested.connect(show_view)
    notice.dossier_requested.connect(open_dossier)
    watcher.start()
