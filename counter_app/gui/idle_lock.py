"""The unattended counter locks itself: no keyboard or mouse input for the configured time covers the main window.

`IdleLock` watches input application-wide (an event filter), asks its clock on a timer whether the idle time has
passed (`check_idle()`, which tests call after moving a fake clock), and then shows the `LockScreen` over the
window, hides the window's dialogs and keeps every key and click away from what lies beneath. Nothing under the
cover is reset: a half-typed intake form is there again after unlocking. Only the signed-in officer's password,
or an administrator's, unlocks (`app.accounts.unlock`, recorded in the audit trail and counted towards a
lockout like a sign-in).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from shiboken6 import isValid

from ..app import accounts
from ..core.errors import DomainError
from ..core.roles import Account
from ..messages import describe
from .lock_screen import LockScreen
from .session import Session

#: Input that counts as someone working at the counter.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
#: Input kept from everything but the lock screen while locked.
BLOCKED = ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.ContextMenu,
    QEvent.Type.InputMethod,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
}
#: How often the idle time is checked.
CHECK_INTERVAL_MS = 5000


class IdleLock(QObject):
    """Locks `window` after `session.settings.idle_lock_minutes` without input.

    `clock` gives seconds (monotonic); it is a public attribute so a test can put its own clock in and call
    `note_activity()` then `check_idle()` instead of waiting.
    """

    window_locked = Signal()
    window_unlocked = Signal(object)
    sign_out_requested = Signal()

    def __init__(
        self, window: QMainWindow, session: Session, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self.clock = clock
        self._last_input = clock()
        self._hidden: list[QWidget] = []
        self._locked = False
        self.screen = LockScreen(session.account, window)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._connect()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def _connect(self) -> None:
        self._timer.timeout.connect(self.check_idle)
        self.screen.unlock_requested.connect(self._on_screen_unlock_requested)
        self.screen.sign_out_requested.connect(self.sign_out_requested)

    @property
    def is_locked(self) -> bool:
        return self._locked

    def idle_seconds(self) -> float:
        return self.clock() - self._last_input

    def note_activity(self) -> None:
        """Someone is working now (every keyboard or mouse input calls this)."""
        self._last_input = self.clock()

    def check_idle(self) -> bool:
        """Lock when the idle time has passed (the timer calls this; tests call it after moving the clock)."""
        if not self.is_locked and self.idle_seconds() >= 60 * max(
            1, self._session.settings.idle_lock_minutes
        ):
            self.lock()
        return self.is_locked

    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True
        for widget in QApplication.topLevelWidgets():
            if widget is not self._window and widget.isVisible():
                self._hide(widget)
        self._window.menuBar().setEnabled(False)
        self.screen.cover()
        self.window_locked.emit()

    def stop(self) -> None:
        """The window is closing: stop watching (the window goes, the cover with it)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # ---- unlocking -------------------------------------------------------------------------------------------
    def _on_screen_unlock_requested(self, username: str, password: str) -> None:
        self._session.submit(
            accounts.unlock,
            username,
            password,
            on_done=self._on_unlock_done,
            on_error=self._on_unlock_error,
        )

    def _on_unlock_done(self, account: Account) -> None:
        self._locked = False
        self.screen.hide()
        self._window.menuBar().setEnabled(True)
        for widget in self._hidden:
            if isValid(widget):  # a dialog may have been deleted meanwhile
                widget.show()
        self._hidden.clear()
        self.note_activity()
        self.window_unlocked.emit(account)

    def _on_unlock_error(self, exc: object) -> None:
        text = describe(exc, self._session.lang) if isinstance(exc, DomainError) else str(exc)
        self.screen.refuse(text)

    # ---- input ---------------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.is_locked:
            if kind in ACTIVITY:
                self.note_activity()
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut fires under the cover; the key reaches the focused field instead
            return True
        if not isinstance(watched, QWidget):
            return False  # the window system's side of an event; it reaches a widget next
        if kind in BLOCKED and not self._on_screen(watched):
            return True
        if kind == QEvent.Type.Show and watched.isWindow() and watched is not self._window:
            # a window that opens while locked (a notice, a message) waits until the officer is back
            QTimer.singleShot(0, watched, lambda: self._hide(watched))
        return False

    def _on_screen(self, widget: QWidget) -> bool:
        return widget is self.screen or self.screen.isAncestorOf(widget)

    def _hide(self, widget: QWidget) -> None:
        """Hide a window while locked; dialogs come back on unlock, menus and tooltips simply close."""
        if not self._locked or not widget.isVisible():
            return
        if widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            widget.hide()
        elif widget not in self._hidden:
            widget.hide()
            self._hidden.append(widget)
