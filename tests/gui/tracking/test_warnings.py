"""Deadline warnings: checked at start and on the timer, shown without blocking, dismissed until something new."""

from __future__ import annotations

from datetime import datetime

from conftest import NOW, UNIT, fixed_clock, receive_dossier
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from counter_app.app import tracking
from counter_app.core.listing import QuickView
from counter_app.core.model import Status
from counter_app.gui.tracking.warnings import DeadlineNotice, DeadlineWatcher


def _window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QPushButton("Công việc đang làm"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_notice_lists_overdue_and_due_soon_and_stays_non_blocking(qtbot: QtBot, session, known) -> None:
    window = _window(qtbot)
    notice = DeadlineNotice(window)
    watcher = DeadlineWatcher(session, window, clock=fixed_clock)
    watcher.alerts_found.connect(notice.show_alerts)
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000) as found:
        watcher.start()
    alerts = found.args[0]
    assert (alerts.overdue_count, alerts.due_soon_count) == (1, 1)
    assert watcher.timer.isActive()
    assert notice.isVisible() and not notice.isModal() and not notice.isWindow()
    assert notice.summary.text() == "1 hồ sơ đang quá hạn · 1 hồ sơ đến hạn trong 24 giờ tới"
    assert "Lê Thị Muộn" in notice.details.text() and "Quá hạn" in notice.details.text()
    assert "Nguyễn Văn Đức" in notice.details.text() and "Sắp đến hạn" in notice.details.text()
    frame = notice.geometry()
    assert window.rect().contains(frame) and frame.right() > window.width() - 40  # in the bottom-right corner
    assert window.centralWidget().isEnabled()
    with qtbot.waitSignal(notice.view_requested) as view:
        notice.view_button.click()
    assert view.args == [QuickView.LATE]
    assert not notice.isVisible()


def test_dismissed_notice_returns_only_for_a_new_dossier(qtbot: QtBot, session, known, counter_store) -> None:
    window = _window(qtbot)
    notice = DeadlineNotice(window)
    watcher = DeadlineWatcher(session, window, clock=fixed_clock, interval_ms=60_000)
    watcher.alerts_found.connect(notice.show_alerts)
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000):
        watcher.check_now()
    notice.dismiss_button.click()
    assert not notice.isVisible()
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000):
        watcher.check_now()
    assert not notice.isVisible()  # nothing new since it was dismissed
    receive_dossier(counter_store, "Cao Văn Mới", datetime(2026, 11, 26, 11, 0))
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000):
        watcher.check_now()
    assert notice.isVisible() and "Cao Văn Mới" in notice.details.text()
    with qtbot.waitSignal(notice.dossier_requested) as opened:
        notice.details.linkActivated.emit(notice.alerts.due_soon[0].id)
    assert opened.args[0] in {s.id for s in notice.alerts.due_soon}


def test_the_due_soon_rule_comes_from_the_settings(qtbot: QtBot, session, known) -> None:
    window = _window(qtbot)
    notice = DeadlineNotice(window)
    session.settings.due_soon_hours = 2
    watcher = DeadlineWatcher(session, window, clock=fixed_clock)
    watcher.alerts_found.connect(notice.show_alerts)
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000) as found:
        watcher.check_now()
    assert found.args[0].due_soon_count == 0  # due at 16:00, seven hours away
    assert notice.summary.text() == "1 hồ sơ đang quá hạn"


def test_a_named_dossier_moved_on_elsewhere_leaves_the_notice_at_once(qtbot: QtBot, session, known) -> None:
    window = _window(qtbot)
    notice = DeadlineNotice(window)
    watcher = DeadlineWatcher(session, window, clock=fixed_clock)
    watcher.alerts_found.connect(notice.show_alerts)
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000):
        watcher.start()
    assert "Lê Thị Muộn" in notice.details.text()
    with qtbot.waitSignal(watcher.alerts_found, timeout=10000) as found:  # heard through runner.changed
        session.submit(tracking.advance, known["late"].id, Status.RESULT_READY, at=NOW, unit=UNIT)
    assert found.args[0].overdue_count == 0
    assert "Lê Thị Muộn" not in notice.details.text()
