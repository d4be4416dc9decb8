"""A scan while a dialog is open waits for it: held and announced in the dialog and the status bar, never applied to
the window behind it, and handled once the dialog has closed (USB scanner bursts through the real event filter)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from handover_samples import Keyboard, receive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counter_app.gui.main_window import MainWindow
from counter_app.gui.session import Session
from counter_app.storage.store import CounterStore


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> Iterator[MainWindow]:
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.show_panel("intake")
    intake = main.panel("intake")
    qtbot.waitUntil(lambda: intake.picker.model.rowCount() > 0, timeout=10000)  # type: ignore[attr-defined]
    yield main
    main.close()


def _open_refusal(qtbot: QtBot, window: MainWindow):
    intake = window.panel("intake")
    qtbot.keyClicks(intake.picker.search, "khai sinh")  # type: ignore[attr-defined]
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    intake.refuse_action.trigger()  # type: ignore[attr-defined]
    dialog = intake.refuse_dialog  # type: ignore[attr-defined]
    assert dialog.isVisible()
    dialog.activateWindow()
    dialog.applicant.setFocus()
    qtbot.waitUntil(dialog.applicant.hasFocus, timeout=5000)
    return dialog


def test_a_scan_during_the_refusal_dialog_waits_for_it_to_close(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard, store: CounterStore
) -> None:
    d = receive(store)
    dialog = _open_refusal(qtbot, window)
    handover = window.panel("handover")
    opened: list[object] = []
    handover.dossier_opened.connect(opened.append)  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.scan_gate.scan_held, timeout=5000) as held:
        keyboard.scan(d.code or "")
    sentence = held.args[0]
    assert sentence == f"Đã nhận một lần quét (mã hồ sơ {d.code}); sẽ xử lý khi đóng hộp thoại này."
    note = dialog.findChild(QLabel, "heldScanNote")
    assert note is not None and note.isVisible() and note.text() == sentence  # said in the dialog itself
    assert window.status.currentMessage() == sentence
    qtbot.wait(50)  # nothing happens behind the dialog meanwhile
    assert window.current_panel_key() == "intake" and opened == [] and dialog.isVisible()
    assert dialog.applicant.text() == ""  # and the scanner's keys did not land in the dialog's field

    with qtbot.waitSignal(handover.dossier_opened, timeout=10000) as shown:  # type: ignore[attr-defined]
        dialog.reject()
    assert shown.args[0].id == d.id
    assert window.current_panel_key() == "handover"
    assert window.status.currentMessage() != sentence


def test_only_the_latest_scan_is_kept_and_a_second_dialog_is_waited_for_too(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard, store: CounterStore
) -> None:
    first, second = receive(store), receive(store)
    dialog = _open_refusal(qtbot, window)
    keyboard.scan(first.code or "")
    with qtbot.waitSignal(window.scan_gate.scan_held, timeout=5000):
        keyboard.scan(second.code or "")
    notes = dialog.findChildren(QLabel, "heldScanNote")
    assert len(notes) == 1 and second.code in notes[0].text()

    intake = window.panel("intake")
    question = None

    def ask_on_close() -> None:  # closing the dialog opens another one (a question)
        nonlocal question
        intake.applicant.applicant.editors["phone"].setText("0912")  # type: ignore[attr-defined]
        intake.new_action.trigger()  # type: ignore[attr-defined]
        question = intake.discard_question  # type: ignore[attr-defined]

    dialog.rejected.connect(ask_on_close)
    dialog.reject()
    qtbot.waitUntil(lambda: question is not None and question.findChild(QLabel, "heldScanNote") is not None)
    assert window.current_panel_key() == "intake"
    handover = window.panel("handover")
    with qtbot.waitSignal(handover.dossier_opened, timeout=10000) as shown:  # type: ignore[attr-defined]
        question.buttons_by_key["keep"].click()
    assert shown.args[0].id == second.id


def test_a_window_that_closes_drops_what_it_held(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard, store: CounterStore
) -> None:
    d = receive(store)
    dialog = _open_refusal(qtbot, window)
    with qtbot.waitSignal(window.scan_gate.scan_held, timeout=5000):
        keyboard.scan(d.code or "")
    released: list[str] = []
    window.scan_gate.scan_released.connect(released.append)
    window.setEnabled(False)  # as when signing out or quitting
    dialog.reject()
    qtbot.waitUntil(lambda: window.scan_gate.held is None, timeout=5000)
    assert released == [] and window.current_panel_key() == "intake"
    window.setEnabled(True)


def test_without_a_dialog_a_scan_is_handled_at_once(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard, store: CounterStore
) -> None:
    d = receive(store)
    name = window.panel("intake").applicant.applicant.editors["name"]  # type: ignore[attr-defined]
    name.setFocus()
    qtbot.waitUntil(name.hasFocus, timeout=5000)
    held: list[str] = []
    window.scan_gate.scan_held.connect(held.append)
    with qtbot.waitSignal(window.panel("handover").dossier_opened, timeout=10000):  # type: ignore[attr-defined]
        keyboard.scan(d.code or "")
    assert held == [] and window.current_panel_key() == "handover"


def test_a_keyboard_scan_while_the_counter_is_locked_changes_nothing_under_the_cover(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard, store: CounterStore
) -> None:
    """The idle lock's cover is no dialog, but nothing may change under it either: the USB scanner's scan is
    dropped with a sentence, as the serial scanner's is; the officer unlocks and scans again."""
    d = receive(store)
    handover = window.panel("handover")
    opened: list[object] = []
    handover.dossier_opened.connect(opened.append)  # type: ignore[attr-defined]
    window.idle_lock.lock()
    screen = window.idle_lock.screen
    qtbot.waitUntil(lambda: screen.isVisible(), timeout=5000)
    screen.password.setFocus()
    qtbot.waitUntil(screen.password.hasFocus, timeout=5000)
    keyboard.scan(d.code or "")
    qtbot.waitUntil(lambda: window.status.currentMessage().startswith("Máy quầy đang khóa"), timeout=5000)
    assert opened == [] and window.current_panel_key() == "intake"
    assert screen.password.text() == ""  # the burst did not go into the password either
