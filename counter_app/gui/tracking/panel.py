"""The "Theo dõi hồ sơ" panel: the dossier list and a dossier's page on one stack (both follow every change)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ...core.listing import QuickView
from ..session import PanelEntry, Session
from .dossier_page import DossierPage
from .list_panel import DossierListPanel

Clock = Callable[[], datetime]
SHORTCUT = "F8"
REFRESH_SHORTCUT = "Ctrl+R"


class TrackingPanel(QWidget):
    """Double-click (or Enter) in the list opens the dossier's page; "back" (or Esc) returns to the list."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, clock: Clock = datetime.now
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("trackingPanel")
        self.stack = QStackedWidget(self)
        self.list = DossierListPanel(session, self.stack, clock=clock)
        self.page = DossierPage(session, self.stack, clock=clock)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh_action = QAction(self.tr("Làm mới danh sách hồ sơ"), self)
        self.refresh_action.setObjectName("refreshDossiers")
        self.refresh_action.setShortcut(QKeySequence(REFRESH_SHORTCUT))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.refresh_action)
        self._connect()

    def _connect(self) -> None:
        self.list.dossier_opened.connect(self._on_list_dossier_opened)
        self.page.back_requested.connect(self._on_page_back_requested)
        self.refresh_action.triggered.connect(self._on_refresh_action_triggered)

    def open_dossier(self, key: str) -> None:
        """Show a dossier's page (by ID or code)."""
        self.page.show_dossier(key)
        self.stack.setCurrentWidget(self.page)

    def show_view(self, view: QuickView) -> None:
        """Back to the list, on a quick view."""
        self.stack.setCurrentWidget(self.list)
        self.list.show_view(view)

    def _on_list_dossier_opened(self, dossier_id: str) -> None:
        self.open_dossier(dossier_id)

    def _on_page_back_requested(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def _on_refresh_action_triggered(self) -> None:
        if self.stack.currentWidget() is self.page and self.page.dossier is not None:
            self.page.show_dossier(self.page.dossier.id)
        else:
            self.list.reload()


def create_panel(session: Session, parent: QWidget | None = None) -> PanelEntry:
    """The panel as the main window lists it (key "tracking", shortcut F8)."""
    panel = TrackingPanel(session, parent)
    return PanelEntry(
        "tracking",
        panel,
        QCoreApplication.translate("TrackingPanel", "Theo dõi hồ sơ"),
        SHORTCUT,
        [panel.refresh_action],
    )
