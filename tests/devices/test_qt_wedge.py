"""ScannerEventFilter in a real (offscreen) window: key events with explicit timestamps, as Qt delivers them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from counter_app.devices.qt_wedge import ScannerEventFilter

CODE = "000.00.06.H56-231027-0361"
CARD = "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|01072021"
SCANNER_MS = 5
TYPIST_MS = 22  # a fast typist, or a paste tool
HUMAN_MS = 150


class Keyboard:
    """Sends key presses and releases with explicit timestamps to the focused widget."""

    def __init__(self) -> None:
        self.now = 100_000

    def _send(self, kind: QEvent.Type, key: Qt.Key, text: str, modifiers: Qt.KeyboardModifier) -> None:
        event = QKeyEvent(kind, key, modifiers, text)
        event.setTimestamp(self.now)
        focused = QApplication.focusWidget()
        assert focused is not None
        QCoreApplication.sendEvent(focused, event)

    def press(self, key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        self._send(QEvent.Type.KeyPress, key, text, modifiers)
        self._send(QEvent.Type.KeyRelease, key, text, modifiers)

    def type(self, text: str, gap_ms: int) -> None:
        """Type `text` one key every `gap_ms`; upper-case letters come with Shift, as a scanner sends them."""
        for ch in text:
            self.now += gap_ms
            if ch == "\r":
                self.press(Qt.Key.Key_Return, "\r")
                continue
            if ch == "\t":
                self.press(Qt.Key.Key_Tab, "\t")
                continue
            key = Qt.Key(ord(ch.upper())) if ord(ch) < 128 else Qt.Key.Key_unknown
            if ch.isupper():
                shift = Qt.KeyboardModifier.ShiftModifier
                self._send(QEvent.Type.KeyPress, Qt.Key.Key_Shift, "", shift)
                self.press(key, ch, shift)
                self._send(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, "", Qt.KeyboardModifier.NoModifier)
            else:
                self.press(key, ch)

    def pause(self, ms: int = 1000) -> None:
        self.now += ms


@pytest.fixture
def line_edit(qtbot: QtBot) -> Iterator[QLineEdit]:
    """A focused line edit in a shown window (the window is kept alive until the test ends)."""
    window = QWidget()
    edit = QLineEdit(window)
    QVBoxLayout(window).addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    yield edit


@pytest.fixture
def scanner_filter(qapp: QApplication) -> Iterator[ScannerEventFilter]:
    event_filter = ScannerEventFilter()
    qapp.installEventFilter(event_filter)
    yield event_filter
    qapp.removeEventFilter(event_filter)


def test_a_scan_emits_the_code_and_never_reaches_the_field(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    with qtbot.waitSignal(scanner_filter.scanned, timeout=1000) as signal:
        Keyboard().type(CODE + "\r", SCANNER_MS)
    assert signal.args == [CODE]
    assert line_edit.text() == ""


def test_human_typing_still_types_in_order(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    scanned: list[str] = []
    scanner_filter.scanned.connect(scanned.append)
    Keyboard().type("Nguyen Van A", HUMAN_MS)
    qtbot.waitUntil(lambda: line_edit.text() == "Nguyen Van A", timeout=2000)
    assert scanned == []


def test_a_code_mangled_by_an_input_method_is_taken_as_a_scan_for_the_router_to_explain(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    mangled = "000.00.06.Hư6-231027-0361"  # an input method turned "H56" into "Hư6"
    with qtbot.waitSignal(scanner_filter.scanned, timeout=1000) as signal:
        Keyboard().type(mangled + "\r", SCANNER_MS)
    assert signal.args == [mangled]
    assert line_edit.text() == ""


def test_typing_then_a_scan_keeps_the_typing_and_takes_the_scan(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    keyboard = Keyboard()
    keyboard.type("ghi chú", HUMAN_MS)
    keyboard.pause()
    with qtbot.waitSignal(scanner_filter.scanned, timeout=1000) as signal:
        keyboard.type(CODE + "\r", SCANNER_MS)
    assert signal.args == [CODE]
    assert line_edit.text() == "ghi chú"


def test_a_scan_without_enter_ends_on_the_pause_for_a_scanner_set_to_send_no_suffix(
    qtbot: QtBot, qapp: QApplication, line_edit: QLineEdit
) -> None:
    event_filter = ScannerEventFilter(terminator="")
    qapp.installEventFilter(event_filter)
    try:
        with qtbot.waitSignal(event_filter.scanned, timeout=1000) as signal:
            Keyboard().type(CODE, SCANNER_MS)
        assert signal.args == [CODE]
        assert line_edit.text() == ""
    finally:
        qapp.removeEventFilter(event_filter)


def test_held_keys_are_delivered_before_a_non_text_key(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    keyboard = Keyboard()
    keyboard.type("abc", HUMAN_MS)
    keyboard.now += HUMAN_MS
    keyboard.press(Qt.Key.Key_Backspace, "\x08")  # "c" is still held when Backspace arrives
    assert line_edit.text() == "ab"


def test_human_enter_reaches_the_field_after_its_text(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    submitted: list[str] = []
    line_edit.returnPressed.connect(lambda: submitted.append(line_edit.text()))
    Keyboard().type("12\r", HUMAN_MS)
    assert submitted == ["12"]


def test_settings_prefix_and_thresholds_are_honoured(
    qtbot: QtBot, qapp: QApplication, line_edit: QLineEdit
) -> None:
    event_filter = ScannerEventFilter(max_interval_ms=10, min_length=6, prefix="*")
    qapp.installEventFilter(event_filter)
    try:
        scanned: list[str] = []
        event_filter.scanned.connect(scanned.append)
        keyboard = Keyboard()
        keyboard.type(f"*{CODE}\r", 8)
        keyboard.pause()
        keyboard.type(f"*{CODE}\r", 20)  # too slow for a 10 ms scanner: typed into the field
        assert scanned == [CODE]
        assert line_edit.text() == f"*{CODE}"
    finally:
        qapp.removeEventFilter(event_filter)


def test_a_code_typed_fast_without_enter_stays_in_the_field(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    scanned: list[str] = []
    scanner_filter.scanned.connect(scanned.append)
    Keyboard().type(CODE, TYPIST_MS)
    qtbot.waitUntil(lambda: line_edit.text() == CODE, timeout=2000)
    assert scanned == []


def test_text_typed_at_22_ms_a_key_with_enter_stays_typing_and_enter_reaches_the_field(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    scanned: list[str] = []
    submitted: list[str] = []
    scanner_filter.scanned.connect(scanned.append)
    line_edit.returnPressed.connect(lambda: submitted.append(line_edit.text()))
    Keyboard().type("Nguyen Van An 0912345678\r", TYPIST_MS)
    assert submitted == ["Nguyen Van An 0912345678"]
    assert scanned == []


def test_a_card_scan_is_taken_whole_with_its_vietnamese_letters(
    qtbot: QtBot, line_edit: QLineEdit, scanner_filter: ScannerEventFilter
) -> None:
    with qtbot.waitSignal(scanner_filter.scanned, timeout=1000) as signal:
        Keyboard().type(CARD + "\r", SCANNER_MS)
    assert signal.args == [CARD]
    assert line_edit.text() == ""


def test_a_scanner_set_to_end_with_tab(qtbot: QtBot, qapp: QApplication, line_edit: QLineEdit) -> None:
    event_filter = ScannerEventFilter(terminator="\t")
    qapp.installEventFilter(event_filter)
    try:
        scanned: list[str] = []
        event_filter.scanned.connect(scanned.append)
        keyboard = Keyboard()
        keyboard.type(CODE + "\t", SCANNER_MS)
        assert scanned == [CODE]
        assert line_edit.text() == "" and line_edit.hasFocus()  # the Tab was the scanner's: focus stayed
        keyboard.pause()
        keyboard.type(CODE + "\r", SCANNER_MS)  # Enter is not this scanner's suffix: typed
        qtbot.waitUntil(lambda: line_edit.text() == CODE, timeout=2000)
        assert scanned == [CODE]
    finally:
        qapp.removeEventFilter(event_filter)
