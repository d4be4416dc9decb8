"""The unattended counter: the main window locks after the idle time, hides the citizens' data, keeps what was
typed, and opens again only with the signed-in officer's (or an administrator's) password."""

from __future__ import annotations

import pytest
from gui_helpers import PASSWORD, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.gui.idle_lock import IdleLock
from counter_app.gui.intake.panel import IntakePanel

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class FakeClock:
    """Seconds that only move when the test says so (stands in for time.monotonic)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock(main_window) -> FakeClock:
    clock = FakeClock()
    main_window.idle_lock.clock = clock
    main_window.idle_lock.note_activity()
    return clock


def lock_now(main_window, clock: FakeClock) -> IdleLock:
    lock: IdleLock = main_window.idle_lock
    clock.advance(10 * 60)
    assert lock.check_idle()
    return lock


def unlock(qtbot: QtBot, lock: IdleLock, password: str, username: str | None = None) -> None:
    screen = lock.screen
    if username is not None:
        screen.username.clear()
        type_text(qtbot, screen.username, username)
    type_text(qtbot, screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def audit(store) -> list[tuple[str, str, dict]]:
    return [(e.kind, e.actor, dict(e.details)) for e in store.audit.entries() if e.kind.startswith("unlock")]


def test_the_window_locks_after_ten_idle_minutes_and_input_postpones_it(
    qtbot: QtBot, main_window, fake_clock: FakeClock, settings
) -> None:
    lock: IdleLock = main_window.idle_lock
    assert settings.idle_lock_minutes == 10
    fake_clock.advance(9 * 60 + 59)
    assert not lock.check_idle()
    qtbot.keyClick(main_window.stack.currentWidget(), Qt.Key.Key_Shift)  # any input counts as someone working
    fake_clock.advance(60)
    assert not lock.check_idle()
    fake_clock.advance(8 * 60)
    qtbot.mouseMove(main_window.stack, QPoint(200, 200))
    qtbot.mouseMove(main_window.stack, QPoint(220, 210))
    fake_clock.advance(9 * 60)
    assert not lock.check_idle()
    with qtbot.waitSignal(lock.window_locked):
        fake_clock.advance(60)
        lock.check_idle()
    assert lock.is_locked and lock.screen.isVisible()
    assert lock.screen.geometry() == main_window.rect()  # covers everything, menus and status bar included
    assert not main_window.menuBar().isEnabled()


def test_a_shorter_idle_time_from_the_settings_applies(main_window, fake_clock: FakeClock, settings) -> None:
    settings.idle_lock_minutes = 2
    fake_clock.advance(119)
    assert not main_window.idle_lock.check_idle()
    fake_clock.advance(1)
    assert main_window.idle_lock.check_idle()


def test_typed_text_is_kept_and_the_officers_password_unlocks(
    qtbot: QtBot, main_window, intake: IntakePanel, fake_clock: FakeClock, counter_store
) -> None:
    name = intake.applicant.applicant.editors["name"]
    type_text(qtbot, name, "Nguyễn Văn An")
    lock = lock_now(main_window, fake_clock)
    officer = lock.screen.findChild(QLabel, "lockedOfficer")
    assert "Nguyễn Thị Lan (canbo)" in officer.text()
    assert lock.screen.password.hasFocus()
    with qtbot.waitSignal(lock.window_unlocked, timeout=10000) as unlocked:
        unlock(qtbot, lock, PASSWORD)
    assert unlocked.args[0].username == "canbo"
    assert not lock.is_locked and not lock.screen.isVisible() and main_window.menuBar().isEnabled()
    assert name.text() == "Nguyễn Văn An"  # nothing was reset
    assert audit(counter_store) == [("unlock.ok", "canbo", {"officer": "canbo"})]


def test_a_wrong_unlock_password_is_refused_and_recorded(
    qtbot: QtBot, main_window, fake_clock: FakeClock, counter_store
) -> None:
    lock = lock_now(main_window, fake_clock)
    unlock(qtbot, lock, "sai-mat-khau")
    qtbot.waitUntil(lambda: lock.screen.error.isVisible(), timeout=10000)
    assert "không đúng" in lock.screen.error.text()
    assert lock.is_locked and lock.screen.password.text() == ""
    assert audit(counter_store) == [("unlock.failed", "canbo", {"officer": "canbo", "reason": "password"})]


def test_an_administrator_may_unlock_another_officer_may_not(
    qtbot: QtBot, main_window, fake_clock: FakeClock, counter_store
) -> None:
    lock = lock_now(main_window, fake_clock)
    unlock(qtbot, lock, PASSWORD, username="xuly")
    qtbot.waitUntil(lambda: lock.screen.error.isVisible(), timeout=10000)
    assert "người quản trị" in lock.screen.error.text() and lock.is_locked
    with qtbot.waitSignal(lock.window_unlocked, timeout=10000) as unlocked:
        unlock(qtbot, lock, PASSWORD, username="quantri")
    assert unlocked.args[0].username == "quantri"
    assert [(kind, actor) for kind, actor, _ in audit(counter_store)] == [
        ("unlock.failed", "xuly"),
        ("unlock.ok", "quantri"),
    ]


def test_while_locked_no_shortcut_fires_and_no_key_reaches_the_form(
    qtbot: QtBot, main_window, intake: IntakePanel, fake_clock: FakeClock
) -> None:
    name = intake.applicant.applicant.editors["name"]
    window_wide = QAction("thử", main_window)
    window_wide.setShortcut(QKeySequence("Ctrl+Shift+F12"))
    main_window.addAction(window_wide)
    lock = lock_now(main_window, fake_clock)
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_F6)  # the hand-over panel's shortcut
    assert main_window.current_panel_key() == "intake"
    with qtbot.assertNotEmitted(window_wide.triggered):
        qtbot.keyClick(lock.screen.password, Qt.Key.Key_F12, CTRL_SHIFT)
    qtbot.keyClicks(name, "xyz")  # sent straight at the covered field
    assert name.text() == ""
    for _ in range(6):  # Tab cycles on the lock screen, never into the covered form
        qtbot.keyClick(main_window.focusWidget(), Qt.Key.Key_Tab)
        assert lock.screen.isAncestorOf(main_window.focusWidget())


def test_a_dialog_open_at_lock_time_is_hidden_and_comes_back(
    qtbot: QtBot, main_window, fake_clock: FakeClock
) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Hồ sơ", "Nguyễn Văn An", parent=main_window)
    box.open()
    qtbot.waitExposed(box)
    lock = lock_now(main_window, fake_clock)
    assert not box.isVisible()
    with qtbot.waitSignal(lock.window_unlocked, timeout=10000):
        unlock(qtbot, lock, PASSWORD)
    assert box.isVisible()
    box.close()


def test_sign_out_from_the_lock_screen(qtbot: QtBot, controller, main_window, fake_clock: FakeClock) -> None:
    lock = lock_now(main_window, fake_clock)
    with qtbot.waitSignal(controller.signed_out, timeout=10000):
        lock.screen.sign_out_button.click()
    assert controller.sign_in.isVisible() and controller.main_window is None
