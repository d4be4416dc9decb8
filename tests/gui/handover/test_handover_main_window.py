"""The assembled main window: every panel present, and a USB scan typed while the intake form has focus opens
the dossier in the hand-over panel without touching the intake field."""

from __future__ import annotations

from handover_samples import Keyboard, receive
from pytestqt.qtbot import QtBot

from counter_app.gui.main_window import MainWindow
from counter_app.gui.session import Session
from counter_app.storage.store import CounterStore


def test_a_scan_during_intake_switches_to_the_hand_over_panel(
    qtbot: QtBot, session: Session, keyboard: Keyboard, store: CounterStore
) -> None:
    d = receive(store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert {"intake", "handover", "tracking"} <= set(window.panels)
    assert "sync" not in window.panels  # retrying or exporting parked changes is for administrators
    qtbot.waitUntil(lambda: "Chờ gửi: 1" in window.status.sync_label.text(), timeout=10000)  # the receipt
    window.show_panel("intake")
    name_field = window.panel("intake").applicant.applicant.editors["name"]  # type: ignore[attr-defined]
    name_field.setFocus()
    qtbot.waitUntil(name_field.hasFocus, timeout=5000)
    handover = window.panel("handover")
    with qtbot.waitSignal(handover.dossier_opened, timeout=10000) as opened:  # type: ignore[attr-defined]
        keyboard.scan(d.code or "")
    assert opened.args[0].id == d.id
    assert window.current_panel_key() == "handover"
    assert name_field.text() == ""
    window.close()


def test_title_and_about_box_carry_name_version_and_publisher(qtbot: QtBot, session: Session) -> None:
    from counter_app import APP_PUBLISHER, __version__

    window = MainWindow(session, panel_modules=(), features=())
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().endswith(f"Quầy Một cửa {__version__}")
    window.about_action.trigger()
    assert __version__ in window.about_box.text() and APP_PUBLISHER in window.about_box.text()
    window.about_box.close()
    window.close()
