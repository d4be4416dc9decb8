"""The status bar: signed-in officer, counter number, the sync state, the serial scanner's state, and a notice when data
is not encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ..app import accounts, settings
from ..app.base import Changes, Scope
from ..app.encryption import state as encryption_state
from ..core.errors import DomainError
from ..core.model import UnitConfig
from ..core.roles import Account
from ..messages import describe

if TYPE_CHECKING:
    from .session import Session


class CounterStatusBar(QStatusBar):
    """Permanent labels on the right; transient messages (`showMessage`) on the left.

    The sync state is shown through `set_sync_state` (the label's objectName is "syncState").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.officer_label = QLabel(self)
        self.officer_label.setObjectName("officer")
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("counter")
        self.sync_label = QLabel(self.tr("Chưa kết nối máy chủ"), self)
        self.sync_label.setObjectName("syncState")
        self.sync_label.setToolTip(self.tr("Trạng thái đồng bộ với máy chủ trung tâm"))
        for label in (self.officer_label, self.counter_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.messageChanged.connect(self._on_message_changed)

    def _on_message_changed(self, message: str) -> None:
        """A transient message needs the room on the left: the long encryption notice steps aside while one is shown
        (it would otherwise squeeze the message to a few letters)."""
        label = self.findChild(QLabel, "encryption")
        if label is not None:
            label.setVisible(not message and bool(label.text()))

    def follow(self, session: Session) -> None:
        """Show `session`'s officer and unit, and keep them current as accounts and the unit change."""
        self._session = session
        self.set_officer(session.account)
        self.set_unit(session.unit)
        session.runner.changed.connect(self._on_runner_changed)

    def _on_runner_changed(self, changes: Changes) -> None:
        session = getattr(self, "_session", None)
        if session is None:
            return
        if changes.touches(Scope.UNIT):
            session.submit(settings.unit, on_done=self.set_unit)
        if changes.touches(Scope.ACCOUNTS):
            session.submit(accounts.find, session.officer, on_done=self.set_officer)

    def set_officer(self, account: Account) -> None:
        self.officer_label.setText(
            self.tr("Cán bộ: %1 (%2)").replace("%1", account.full_name).replace("%2", account.username)
        )

    def set_unit(self, unit: UnitConfig | None) -> None:
        if unit is None:
            self.counter_label.setText(self.tr("Chưa cấu hình đơn vị"))
        else:
            self.counter_label.setText(self.tr("Quầy số %1").replace("%1", str(unit.counter)))
            self.counter_label.setToolTip(f"{unit.agency_name} · {unit.agency_id}")

    def set_encryption_notice(self, sentence: str) -> None:
        """Say in one sentence that the counter's data is not encrypted at rest (empty: encrypted, say nothing)."""
        label = self.findChild(QLabel, "encryption")
        if label is None:
            label = QLabel(self)
            label.setObjectName("encryption")
            label.setContentsMargins(8, 0, 8, 0)
            self.insertPermanentWidget(0, label)
        label.setText(sentence)
        label.setVisible(bool(sentence) and not self.currentMessage())

    def set_scanner_state(self, text: str, tooltip: str = "", ready: bool = False) -> None:
        """Show the serial scanner's state (its port, ready or not; the tooltip says why not); empty text hides it."""
        label = self.findChild(QLabel, "scannerState")
        if label is None:
            label = QLabel(self)
            label.setObjectName("scannerState")
            label.setContentsMargins(8, 0, 8, 0)
            self.insertPermanentWidget(0, label)
        label.setText(text)
        label.setToolTip(tooltip)
        label.setProperty("ready", ready)
        label.setVisible(bool(text))

    def set_sync_indicator(self, indicator: QWidget) -> None:
        """Put the sync worker's own indicator where the placeholder label was."""
        self.removeWidget(self.sync_label)
        self.sync_label.setParent(None)
        self.sync_label.deleteLater()
        self.addPermanentWidget(indicator)
        self.sync_label = indicator.findChild(QLabel, "syncState") or self.sync_label

    def set_sync_state(self, text: str, tooltip: str = "") -> None:
        self.sync_label.setText(text)
        if tooltip:
            self.sync_label.setToolTip(tooltip)


def encryption_notice(data_dir: Path, lang: str) -> str:
    """The status bar's sentence for a profile whose data is not encrypted at rest; empty when it is."""
    found = encryption_state(data_dir)
    return "" if found.encrypted else describe(DomainError(found.code), lang)
