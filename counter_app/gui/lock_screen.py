"""The lock screen: an opaque cover over the whole main window that asks for a password to go back to work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from ..core.roles import Account
from .forms.ui_lock_screen import Ui_LockScreen


class LockScreen(QWidget):
    """Covers its parent window; emits `unlock_requested(username, password)` or `sign_out_requested`."""

    unlock_requested = Signal(str, str)
    sign_out_requested = Signal()

    def __init__(self, account: Account, parent: QWidget) -> None:
        super().__init__(parent)
        self._account = account
        self.setAutoFillBackground(True)  # nothing of the window shows through
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self._build()
        self._connect()
        parent.installEventFilter(self)
        self.hide()

    def _build(self) -> None:
        """The layout comes from ui/lock_screen.ui; the officer's name goes into its sentence."""
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        who = self.ui.lockedOfficer
        who.setText(who.text().replace("%1", self._account.full_name).replace("%2", self._account.username))
        self.username = self.ui.unlockUsername
        self.username.setText(self._account.username)
        self.password = self.ui.unlockPassword
        self.error = self.ui.unlockError
        self.unlock_button = self.ui.unlockButton
        self.sign_out_button = self.ui.lockSignOut

    def _connect(self) -> None:
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.username.returnPressed.connect(self.password.setFocus)
        self.sign_out_button.clicked.connect(self.sign_out_requested)

    # ---- behaviour ---------------------------------------------------------------------------------------------
    def cover(self) -> None:
        """Show over the whole window, empty password, focus in it."""
        self.username.setText(self._account.username)
        self.password.clear()
        self.error.show_error(None, "")
        self.set_busy(False)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Đang kiểm tra…") if busy else self.tr("Mở khóa"))

    def refuse(self, message: str) -> None:
        self.set_busy(False)
        self.password.clear()
        self.password.setFocus()
        self.error.show_error(self.password, message)

    def _on_unlock_clicked(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_error(None, self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        self.set_busy(True)
        self.unlock_requested.emit(username, password)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002
        """Tab stays on the lock screen: focus never reaches the covered form."""
        chain = [
            w
            for w in (self.username, self.password, self.unlock_button, self.sign_out_button)
            if w.isEnabled()
        ]
        current = self.focusWidget()
        index = chain.index(current) if current in chain else -1
        chain[(index + (1 if next else -1)) % len(chain)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())  # keeps covering a resized window
        return False
