"""Installing the feature into the main window: panels by role, the deadline notice at sign-in, opening from it."""

from __future__ import annotations

from datetime import datetime, timedelta

from conftest import receive_dossier
from pytestqt.qtbot import QtBot

from counter_app.core.listing import QuickView
from counter_app.gui.main_window import MainWindow
from counter_app.gui.tracking import install
from counter_app.gui.tracking.warnings import DeadlineNotice


def _window(qtbot: QtBot, session) -> MainWindow:
    window = MainWindow(session, panel_modules=(), features=())
    qtbot.addWidget(window)
    install(window, session)
    window.show()
    return window


def test_leader_gets_the_dashboard_and_everyone_the_list(qtbot: QtBot, make_session) -> None:
    leader = _window(qtbot, make_session("lanhdao"))
    assert {"tracking", "dashboard"} <= set(leader.panels)
    assert leader.panels["dashboard"].shortcut == "F9"
    processor = _window(qtbot, make_session("xuly"))
    assert "tracking" in processor.panels and "dashboard" not in processor.panels
    assert processor.panels["tracking"].shortcut == "F8"


def test_the_notice_appears_at_sign_in_and_leads_to_the_late_view(
    qtbot: QtBot, session, counter_store
) -> None:
    now = datetime.now().replace(microsecond=0)  # install() watches the clock, pinned for every GUI test
    receive_dossier(counter_store, "Lê Thị Muộn", now - timedelta(days=2), at=now - timedelta(days=5))
    window = _window(qtbot, session)
    notice = window.findChild(DeadlineNotice)
    assert notice is not None
    qtbot.waitUntil(notice.isVisible, timeout=20000)  # checked at once, in the background
    assert "Lê Thị Muộn" in notice.details.text()
    tracking = window.panel("tracking")
    with qtbot.waitSignal(tracking.list.list_loaded, timeout=10000):
        notice.view_button.click()
    assert window.current_panel_key() == "tracking"
    assert tracking.list.current_view() is QuickView.LATE


def test_the_panel_module_can_also_be_listed_in_the_main_window(qtbot: QtBot, session) -> None:
    window = MainWindow(session, panel_modules=("tracking.panel",), features=())
    qtbot.addWidget(window)
    entry = window.panels["tracking"]
    assert (entry.title, entry.shortcut) == ("Theo dõi hồ sơ", "F8")
    assert [a.shortcut().toString() for a in entry.actions] == ["Ctrl+R"]
