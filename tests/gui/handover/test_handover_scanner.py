"""The USB scanner app-wide: a scan opens the dossier whatever has focus and never types; a person still types."""

from __future__ import annotations

from handover_samples import CounterWindow, Keyboard, receive
from pytestqt.qtbot import QtBot

from counter_app.devices.qt_wedge import ScannerEventFilter
from counter_app.storage.store import CounterStore

HUMAN_MS = 160


def test_a_scan_opens_the_dossier_and_leaves_the_focused_field_untouched(
    qtbot: QtBot,
    counter_window: CounterWindow,
    scanner: ScannerEventFilter,
    keyboard: Keyboard,
    store: CounterStore,
) -> None:
    d = receive(store)
    field = counter_window.other_field
    field.setText("Trần")
    counter_window.focus(qtbot, field)
    with qtbot.waitSignal(counter_window.panel.dossier_opened, timeout=5000) as opened:
        keyboard.scan(d.code or "")
    assert opened.args[0].id == d.id
    assert field.text() == "Trần"
    assert counter_window.panel.lookup.text() == d.code
    assert counter_window.panel.card.code.text() == d.code


def test_a_scan_into_the_lookup_field_replaces_what_was_typed(
    qtbot: QtBot,
    counter_window: CounterWindow,
    scanner: ScannerEventFilter,
    keyboard: Keyboard,
    store: CounterStore,
) -> None:
    d = receive(store)
    panel = counter_window.panel
    counter_window.focus(qtbot, panel.lookup)
    keyboard.type("ngu", HUMAN_MS)
    qtbot.waitUntil(lambda: panel.lookup.text() == "ngu")
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        keyboard.scan(d.code or "")
    assert panel.lookup.text() == d.code


def test_human_typing_still_types_and_opens_nothing(
    qtbot: QtBot,
    counter_window: CounterWindow,
    scanner: ScannerEventFilter,
    keyboard: Keyboard,
    store: CounterStore,
) -> None:
    d = receive(store)
    field = counter_window.other_field
    counter_window.focus(qtbot, field)
    opened: list[object] = []
    counter_window.panel.dossier_opened.connect(opened.append)
    keyboard.type(d.code or "", HUMAN_MS)  # even a code, typed by hand, is just text in this field
    qtbot.waitUntil(lambda: field.text() == d.code)
    assert opened == []
    assert counter_window.panel.lookup.text() == ""


def test_a_mangled_scan_explains_the_input_method_and_types_nothing(
    qtbot: QtBot, counter_window: CounterWindow, scanner: ScannerEventFilter, keyboard: Keyboard
) -> None:
    field = counter_window.other_field
    counter_window.focus(qtbot, field)
    keyboard.scan("000.00.06.H56-2611ư8-0101")  # a Vietnamese input method turned a digit into a letter
    message = counter_window.panel.message
    qtbot.waitUntil(lambda: message.isVisible())
    assert "không phải mã hồ sơ hợp lệ: «000.00.06.H56-2611ư8-0101»" in message.text()
    assert "Unikey" in message.text()
    assert field.text() == ""
