"""Helpers for the GUI tests: typing Vietnamese like an input method does, and signing in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

PASSWORD = "motcua2026"


def type_text(qtbot: QtBot, widget, text: str) -> None:
    """Type like an officer: ASCII through key presses, Vietnamese letters as input-method commits (Unikey style)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def sign_in(qtbot: QtBot, controller, username: str = "canbo", password: str = PASSWORD):
    """Type the credentials on the sign-in screen and wait for the main window."""
    window = controller.sign_in
    window.username.clear()
    qtbot.keyClicks(window.username, username)
    qtbot.keyClicks(window.password, password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as shown:
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    main = shown.args[0]
    qtbot.waitExposed(main)
    return main
