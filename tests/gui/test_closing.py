"""Signing out never freezes the window: it says what it still finishes, keeps the event loop running, then closes."""

from __future__ import annotations

import threading

from gui_helpers import sign_in
from pytestqt.qtbot import QtBot

from counter_app.gui.closing import CloseWaiter


def test_sign_out_waits_for_unfinished_work_without_freezing(qtbot: QtBot, controller) -> None:
    main = sign_in(qtbot, controller)
    release = threading.Event()
    controller.runner.run(release.wait, 30)  # work still running when the officer signs out (a long report)
    main.sign_out_action.trigger()
    waiter = main.findChild(CloseWaiter)
    # the close returned at once: the window is still there, disabled, while the work finishes
    assert waiter is not None and main.isVisible() and not main.isEnabled()
    qtbot.waitUntil(waiter.isVisible, timeout=5000)  # the event loop goes on: timers run, the notice appears
    assert "việc đang làm dở" in waiter.label.text() and "giây" in waiter.label.text()
    assert controller.sign_in.isVisible()
    with qtbot.waitSignal(main.closed, timeout=10000):
        release.set()
    assert not main.isVisible() and not waiter.isVisible()


def test_a_close_with_nothing_left_to_do_shows_no_notice(qtbot: QtBot, controller) -> None:
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(main.closed, timeout=10000):
        main.quit_action.trigger()
    waiter = main.findChild(CloseWaiter)
    assert waiter is not None and not waiter.isVisible() and not main.isVisible()
