"""The keyboard scanner's settings take effect when Settings are saved (no new sign-in needed), and how a scan ends
(Enter, Tab, or a pause) is one of them, recorded in the audit trail like the other settings of this PC."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import sign_in
from handover_samples import Keyboard
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.gui.widgets import accept_button
from counter_app.settings import CounterSettings

CODE = "000.00.06.H56-261130-0101"


def _tab(keyboard: Keyboard) -> None:
    keyboard.clock_ms += 4
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, int(Qt.Key.Key_Tab), Qt.KeyboardModifier.NoModifier, "\t")
        event.setTimestamp(keyboard.clock_ms)
        QApplication.sendEvent(QApplication.focusWidget(), event)


def test_a_scanner_ending_its_scans_with_tab_is_chosen_in_settings_and_works_at_once(
    qtbot: QtBot, controller, settings: CounterSettings
) -> None:
    main = sign_in(qtbot, controller, "quantri")
    assert main.scanner.detector.terminator == "\r"
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    dialog.scanner_terminator.setCurrentIndex(dialog.scanner_terminator.findData("tab"))
    with qtbot.waitSignal(dialog.saved):
        accept_button(dialog.buttons).click()
    assert CounterSettings.for_data_dir(Path(settings.path).parent).scanner_terminator == "tab"
    assert main.scanner.detector.terminator == "\t"  # the filter was made again from the saved settings

    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    keyboard = Keyboard()
    keyboard.clock_ms += 2_000
    with qtbot.waitSignal(main.scanner.scanned, timeout=5000) as scanned:
        keyboard.type(CODE, 4)
        _tab(keyboard)
    assert scanned.args == [CODE]

    app = main.session.app
    qtbot.waitUntil(
        lambda: any(
            "scanner_terminator" in dict(e.details).get("device", {})
            for e in app.store.audit.entries()
            if e.kind == "setting.change"
        ),
        timeout=10000,
    )
