"""Where each role starts, what F9 says to a role without the dashboard, and the sign-in screen after a sign-out
(focus on the username, selected, so that the next officer's name replaces it)."""

from __future__ import annotations

import pytest
from gui_helpers import PASSWORD, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter_app.gui.main_window import LANDING


@pytest.mark.parametrize(
    ("username", "landing"),
    [
        ("canbo", "intake"),  # receiving officer: receives
        ("xuly", "tracking"),  # processing officer: works from the list
        ("lanhdao", "dashboard"),  # leader: the figures
        ("quantri", "intake"),  # administrator: often the one at the counter of a small unit
    ],
)
def test_each_role_lands_on_its_own_screen(qtbot: QtBot, controller, username: str, landing: str) -> None:
    main = sign_in(qtbot, controller, username)
    assert main.current_panel_key() == landing
    assert main.stack.currentWidget() is main.panel(landing)
    assert main.windowTitle().startswith(main.panels[landing].title)


def test_every_role_has_a_landing_screen() -> None:
    from counter_app.core.roles import Role

    assert set(LANDING) == set(Role)


@pytest.mark.parametrize(("username", "role"), [("xuly", "Cán bộ xử lý"), ("canbo", "Cán bộ tiếp nhận")])
def test_f9_without_the_dashboard_says_why(qtbot: QtBot, controller, username: str, role: str) -> None:
    main = sign_in(qtbot, controller, username)
    assert "dashboard" not in main.panels
    # the status bar as the officer sees it: the notice that this PC keeps the data unencrypted is there too
    qtbot.waitUntil(lambda: main.status.findChild(QLabel, "encryption") is not None, timeout=10000)
    assert main.status.findChild(QLabel, "encryption").isVisible()
    before = main.current_panel_key()
    qtbot.keyClick(main.stack.currentWidget(), Qt.Key.Key_F9)
    message = main.status.currentMessage()
    assert f"Vai trò {role} không xem được bảng điều hành" in message
    assert main.current_panel_key() == before  # nothing else happened
    # readable whole: the message is drawn left of the status bar's permanent labels, which leave it the room
    QApplication.processEvents()
    labels = [w for w in main.status.findChildren(QWidget) if w.isVisible() and w.parent() is main.status]
    room = min(w.x() for w in labels)
    assert main.status.fontMetrics().horizontalAdvance(message) < room, (room, message)


def test_f9_opens_the_dashboard_for_a_role_that_has_it(qtbot: QtBot, controller) -> None:
    main = sign_in(qtbot, controller, "quantri")
    assert main.current_panel_key() == "intake"
    qtbot.keyClick(main.stack.currentWidget(), Qt.Key.Key_F9)
    assert main.current_panel_key() == "dashboard"
    assert "không xem được" not in main.status.currentMessage()


def test_after_sign_out_the_next_officer_types_their_name_over_the_last_one(qtbot: QtBot, controller) -> None:
    main = sign_in(qtbot, controller, "canbo")
    with qtbot.waitSignal(controller.signed_out):
        main.sign_out_action.trigger()
    window = controller.sign_in
    assert window.username.text() == "canbo"
    assert window.focusWidget() is window.username
    assert window.username.selectedText() == "canbo"
    # a different officer types straight away: the name replaces the last one, never lands in the password
    qtbot.keyClicks(window.focusWidget(), "xuly")
    assert window.username.text() == "xuly" and window.password.text() == ""
    qtbot.keyClick(window.username, Qt.Key.Key_Return)  # on to the password
    assert window.focusWidget() is window.password
    qtbot.keyClicks(window.focusWidget(), PASSWORD)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as shown:
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert shown.args[0].session.account.username == "xuly"
