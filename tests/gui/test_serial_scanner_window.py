"""The serial (USB-COM) scanner in the signed-in window: chosen in Settings, read through a pseudo-terminal as the
real port, its scans handled as the keyboard scanner's are, its state and problems in the status bar."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import sign_in
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person
from counter_app.devices.qt_serial_scanner import STATE_READY
from counter_app.gui.widgets import accept_button
from counter_app.settings import CounterSettings
from counter_app.storage.store import CounterStore

CARD = "001090012345||Nguyễn Văn An|01011990|Nam|Thôn 1, xã An Bình|15062021"


@pytest.fixture(autouse=True)
def _no_dialog_left_open(qapp: QApplication) -> None:
    """A modal dialog an earlier test left open (test_settings keeps an invalid unit's dialog open) would hold every
    scan (gui/scan_gate.py holds scans while a modal dialog is open): close it first."""
    for _ in range(10):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        dialog.close()
        qapp.processEvents()
    assert QApplication.activeModalWidget() is None


@dataclass
class Pty:
    master: int
    slave: int
    name: str

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
        self.master = -1


@pytest.fixture
def pty() -> Iterator[Pty]:
    master, slave = os.openpty()
    pair = Pty(master, slave, os.ttyname(slave))
    yield pair
    for fd in (pair.master, pair.slave):
        if fd >= 0:
            os.close(fd)


def use_serial(settings: CounterSettings, port: str, suffix: str = "cr") -> None:
    settings.scanner_mode = "serial"
    settings.scanner_serial_port = port
    settings.scanner_serial_suffix = suffix
    settings.sync()


def scanner_label(main) -> QLabel:
    label = main.status.findChild(QLabel, "scannerState")
    assert label is not None
    return label


def ready(qtbot: QtBot, main) -> None:
    link = main.serial_scanner
    qtbot.waitUntil(lambda: link.scanner is not None and link.scanner.state == STATE_READY, timeout=5000)


def some_code(store: CounterStore) -> str:
    """The code of a dossier received at this counter just now."""
    procedure = store.procedures()[0]
    unit = store.require_unit()
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person("Trần Thị Bình", "001190012345", address="Số 3 phố Huế, phường Hai Bà Trưng"),
        at=datetime.now().replace(microsecond=0),
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    code = store.receive(draft).code
    assert code is not None
    return code


def test_a_dossier_code_from_the_serial_scanner_opens_the_hand_over(
    qtbot: QtBot, controller, settings: CounterSettings, counter_store: CounterStore, pty: Pty
) -> None:
    code = some_code(counter_store)
    use_serial(settings, pty.name)
    main = sign_in(qtbot, controller)
    ready(qtbot, main)
    label = scanner_label(main)
    assert label.isVisible() and label.text() == f"Máy quét ({pty.name}): sẵn sàng"
    main.show_panel("intake")
    handover = main.panel("handover")
    with qtbot.waitSignal(handover.dossier_opened, timeout=10000) as opened:
        pty.write(code.encode("ascii") + b"\r")
    assert opened.args[0].code == code
    assert main.current_panel_key() == "handover" and handover.lookup.text() == code


def test_a_scan_while_the_counter_is_locked_changes_nothing_under_the_cover(
    qtbot: QtBot, controller, settings: CounterSettings, counter_store: CounterStore, pty: Pty
) -> None:
    code = some_code(counter_store)
    use_serial(settings, pty.name)
    main = sign_in(qtbot, controller)
    ready(qtbot, main)
    main.show_panel("intake")
    opened: list[object] = []
    main.panel("handover").dossier_opened.connect(opened.append)
    main.idle_lock.lock()
    pty.write(code.encode("ascii") + b"\r")
    qtbot.waitUntil(lambda: main.status.currentMessage().startswith("Máy quầy đang khóa"), timeout=5000)
    assert opened == [] and main.current_panel_key() == "intake"


def test_a_chip_id_card_arrives_intact_and_reaches_the_scan_handling(
    qtbot: QtBot, controller, settings: CounterSettings, pty: Pty
) -> None:
    use_serial(settings, pty.name, suffix="crlf")
    main = sign_in(qtbot, controller)
    ready(qtbot, main)
    main.show_panel("intake")
    with qtbot.waitSignal(main.scan_router.id_card_scanned, timeout=10000) as scanned:
        card = CARD.encode("utf-8")
        pty.write(card[:20])  # a message in two writes
        pty.write(card[20:] + b"\r\n")
    card_read, source = scanned.args
    assert source == "serial"
    assert card_read.name == "Nguyễn Văn An" and card_read.id == "001090012345"
    assert card_read.address == "Thôn 1, xã An Bình"
    assert main.current_panel_key() == "intake"


def test_invalid_utf8_and_an_unplugged_port_are_sentences_in_the_status_bar(
    qtbot: QtBot, controller, settings: CounterSettings, pty: Pty
) -> None:
    use_serial(settings, pty.name)
    main = sign_in(qtbot, controller)
    ready(qtbot, main)
    pty.write("Văn An".encode("cp1258") + b"\r")
    qtbot.waitUntil(lambda: "UTF-8" in main.status.currentMessage(), timeout=5000)
    assert main.status.currentMessage().startswith("Máy quét gửi dữ liệu không phải UTF-8")
    pty.unplug()
    qtbot.waitUntil(lambda: main.status.currentMessage().startswith("Mất kết nối với máy quét"), timeout=5000)
    label = scanner_label(main)
    assert label.text() == f"Máy quét ({pty.name}): chưa kết nối"
    assert label.toolTip().startswith("Mất kết nối với máy quét")
    assert main.isVisible()  # nothing crashed; the window goes on
    main.show_panel("handover")
    assert main.current_panel_key() == "handover"


def test_settings_choose_the_serial_scanner_and_saving_starts_it(
    qtbot: QtBot, controller, settings: CounterSettings, counter_store: CounterStore, pty: Pty, tmp_path: Path
) -> None:
    main = sign_in(qtbot, controller)
    assert main.serial_scanner.scanner is None  # keyboard mode by default: no port is opened
    assert main.status.findChild(QLabel, "scannerState") is None or not scanner_label(main).isVisible()
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    dialog.tabs.setCurrentWidget(dialog.ui.devicesTab)
    assert not dialog.ui.serialScannerGroup.isEnabled()
    dialog.scanner_mode.setCurrentIndex(dialog.scanner_mode.findData("serial"))
    assert dialog.ui.serialScannerGroup.isEnabled()
    assert [dialog.serial_baud.itemData(i) for i in range(dialog.serial_baud.count())] == [
        9600,
        19200,
        38400,
        57600,
        115200,
    ]
    dialog.serial_port.setEditText(pty.name)  # a pseudo-terminal is not listed: typed
    dialog.serial_baud.setCurrentIndex(dialog.serial_baud.findData(115200))
    dialog.serial_suffix.setCurrentIndex(dialog.serial_suffix.findData("crlf"))
    with qtbot.waitSignal(dialog.saved):
        accept_button(dialog.buttons).click()
    again = CounterSettings.for_data_dir(Path(settings.path).parent)
    assert (again.scanner_mode, again.scanner_serial_port) == ("serial", pty.name)
    assert (again.scanner_serial_baud, again.scanner_serial_suffix) == (115200, "crlf")
    ready(qtbot, main)
    assert main.serial_scanner.scanner.baud == 115200
    code = some_code(counter_store)
    with qtbot.waitSignal(main.panel("handover").dossier_opened, timeout=10000):
        pty.write(code.encode("ascii") + b"\r\n")
    # a setting of this PC: who chose the serial scanner, and its port, is in the audit trail
    app = main.session.app

    def device_changes() -> dict:
        found: dict = {}
        for entry in app.store.audit.entries():
            if entry.kind == "setting.change":
                found.update(dict(entry.details).get("device", {}))
        return found

    qtbot.waitUntil(lambda: "scanner_mode" in device_changes(), timeout=10000)
    assert device_changes()["scanner_mode"] == ["keyboard", "serial"]
    assert device_changes()["scanner_serial_port"] == ["", pty.name]
    # back to keyboard mode: the port is closed and the label goes
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    assert dialog.chosen_serial_port() == pty.name  # shown again as saved
    dialog.scanner_mode.setCurrentIndex(dialog.scanner_mode.findData("keyboard"))
    with qtbot.waitSignal(dialog.saved):
        accept_button(dialog.buttons).click()
    assert main.serial_scanner.scanner is None and not scanner_label(main).isVisible()


def test_a_listed_port_is_saved_by_its_name_without_its_description(
    qtbot: QtBot, controller, settings: CounterSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counter_app.gui import settings_dialog

    monkeypatch.setattr(
        settings_dialog, "available_ports", lambda: [("/dev/ttyACM0", "Honeywell 1950g"), ("/dev/ttyS0", "")]
    )
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    assert [dialog.serial_port.itemText(i) for i in range(dialog.serial_port.count())] == [
        "/dev/ttyACM0 — Honeywell 1950g",
        "/dev/ttyS0",
    ]
    dialog.scanner_mode.setCurrentIndex(dialog.scanner_mode.findData("serial"))
    dialog.serial_port.setCurrentIndex(0)
    assert dialog.chosen_serial_port() == "/dev/ttyACM0"
    dialog.serial_port.setEditText("COM7")
    assert dialog.chosen_serial_port() == "COM7"
    dialog.serial_port.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.saved):
        accept_button(dialog.buttons).click()
    assert CounterSettings.for_data_dir(Path(settings.path).parent).scanner_serial_port == "/dev/ttyACM0"
    # the port is absent here: the window says so and keeps trying
    qtbot.waitUntil(lambda: "Không tìm thấy cổng /dev/ttyACM0" in main.status.currentMessage(), timeout=5000)
    assert scanner_label(main).text() == "Máy quét (/dev/ttyACM0): chưa kết nối"
