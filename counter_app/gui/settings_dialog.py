"""Settings dialog: the unit and office hours (database, administrators only) and the device settings of this counter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtSerialPort import QSerialPortInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..app.settings import record_device_settings, set_unit
from ..core.errors import DomainError, ValidationErrors
from ..core.model import UnitConfig
from ..core.roles import Operation
from ..devices.serial_scanner import BAUD_RATES, DEFAULT_BAUD, SUFFIXES
from ..messages import describe
from .form_widgets import put_in_place, set_item_data
from .forms.ui_settings_dialog import Ui_SettingsDialog
from .printing import printer_names
from .session import Session
from .unit_form import UnitForm
from .widgets import ErrorLabel

#: This PC's settings whose changes go into the audit trail.
AUDITED_DEVICE_SETTINGS = (
    "language",
    "paper",
    "scanner_max_interval_ms",
    "scanner_min_length",
    "scanner_prefix",
    "scanner_suffix",
    "scanner_terminator",
    "scanner_mode",
    "scanner_serial_port",
    "scanner_serial_baud",
    "scanner_serial_suffix",
    "camera_index",
    "scan_folder",
    "server_url",
    "due_soon_hours",
    "idle_lock_minutes",
)
#: The values behind the items the form lists, in its order: interface languages and paper sizes.
LANGUAGES = ("vi", "en")
PAPERS = ("a5", "a4", "thermal80")
SCANNER_MODES = ("keyboard", "serial")
#: How a scan ends in keyboard mode, as the settings name it (`scan_router.TERMINATOR_KEYS`).
SCANNER_TERMINATORS = ("enter", "tab", "none")
SERIAL_SUFFIXES = tuple(SUFFIXES)
#: Between a listed port's name and its description in the port box.
PORT_DESCRIPTION_SEPARATOR = " — "


class SettingsDialog(QDialog):
    """Edits everything a counter can be told; emits `unit_changed(UnitConfig)` after the unit was saved."""

    unit_changed = Signal(object)
    saved = Signal()

    def __init__(self, session: Session, office_hours: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._office_hours = office_hours
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.tabs = self.ui.tabs
        self.error = self.ui.settingsError
        self.buttons = self.ui.buttons
        self._fill_unit_tab()
        self._fill_printing_tab()
        self._fill_devices_tab()
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # ---- tabs (laid out in ui/settings_dialog.ui, filled here) -------------------------------------------------
    def _fill_unit_tab(self) -> None:
        self.unit_form = UnitForm(self.session.lang, self.ui.unitTab)
        self.unit_form.set_unit(self.session.unit, self._office_hours)
        put_in_place(self.ui.unitFormSlot, self.unit_form)
        self._unit_before = self._unit_snapshot()
        may_configure = self.session.may(Operation.CONFIGURE)
        self.ui.unitReadOnlyNote.setVisible(not may_configure)
        self.unit_form.setEnabled(may_configure)

    def _fill_printing_tab(self) -> None:
        settings = self.session.settings
        self.language = self.ui.language
        set_item_data(self.language, LANGUAGES)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.paper = self.ui.paper
        set_item_data(self.paper, PAPERS)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        names = printer_names()
        self.printers: dict[str, QComboBox] = {
            "receipt": self.ui.receiptPrinter,
            "supplement": self.ui.supplementPrinter,
            "refusal": self.ui.refusalPrinter,
        }
        for form_kind, combo in self.printers.items():
            combo.addItem(self.tr("(Máy in mặc định của hệ thống)"), "")
            for name in names:
                combo.addItem(name, name)
            current = settings.printer_for(form_kind)
            if current and combo.findData(current) < 0:
                combo.addItem(self.tr("%1 (không tìm thấy)").replace("%1", current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _fill_devices_tab(self) -> None:
        settings = self.session.settings
        self.scanner_interval = self.ui.scannerInterval
        self.scanner_interval.setValue(settings.scanner_max_interval_ms)
        self.scanner_min_length = self.ui.scannerMinLength
        self.scanner_min_length.setValue(settings.scanner_min_length)
        self.scanner_prefix = self.ui.scannerPrefix
        self.scanner_prefix.setText(settings.scanner_prefix)
        self.scanner_suffix = self.ui.scannerSuffix
        self.scanner_suffix.setText(settings.scanner_suffix)
        self._fill_serial_scanner()
        self.camera_index = self.ui.cameraIndex
        self.camera_index.setValue(settings.camera_index)
        self._add_scan_folder_row(settings.scan_folder)
        self.server_url = self.ui.serverUrl
        self.server_url.setText(settings.server_url)
        self.due_soon = self.ui.dueSoon
        self.due_soon.setValue(settings.due_soon_hours)
        self.idle_lock_minutes = self.ui.idleLockMinutes
        self.idle_lock_minutes.setValue(settings.idle_lock_minutes)

    def _add_scan_folder_row(self, folder: str) -> None:
        """The office scanner's "scan to folder" target, under the camera (empty: not used)."""
        self.scan_folder = QLineEdit(folder, self)
        self.scan_folder.setObjectName("scanFolder")
        self.scan_folder.setPlaceholderText(self.tr("Không dùng"))
        self.scan_folder.setToolTip(
            self.tr("Thư mục máy quét của phòng lưu tệp vào (quét vào thư mục / thư mục chia sẻ SMB)")
        )
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.setObjectName("scanFolderBrowse")
        browse.clicked.connect(self._on_scan_folder_browse_clicked)
        self.scan_folder_error = ErrorLabel("scanFolder", self)
        row = QWidget(self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.scan_folder, 1)
        line.addWidget(browse)
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(line)
        box.addWidget(self.scan_folder_error)
        form = self.ui.devicesForm
        position: Any = form.getWidgetPosition(self.camera_index)  # (row, role)
        form.insertRow(int(position[0]) + 1, self.tr("Thư mục máy quét:"), row)

    def _on_scan_folder_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Thư mục máy quét"), self.scan_folder.text())
        if chosen:
            self.scan_folder.setText(chosen)

    def scan_folder_problem(self) -> str:
        """Why the typed scan folder cannot be used ("" when it can, or when none is set)."""
        text = self.scan_folder.text().strip()
        if text and not Path(text).is_dir():
            return self.tr("Thư mục máy quét %1 không tồn tại hoặc không phải thư mục.").replace("%1", text)
        return ""

    def _fill_serial_scanner(self) -> None:
        """The scanner's mode, and for USB-COM its port (listed or typed: a port the system does not list, such as
        `/dev/ttyACM0` before it is plugged in, can be typed), speed and end of message."""
        settings = self.session.settings
        self.scanner_terminator = self.ui.scannerTerminator
        set_item_data(self.scanner_terminator, SCANNER_TERMINATORS)
        self.scanner_terminator.setCurrentIndex(
            max(0, self.scanner_terminator.findData(settings.scanner_terminator))
        )
        self.scanner_mode = self.ui.scannerMode
        set_item_data(self.scanner_mode, SCANNER_MODES)
        self.scanner_mode.setCurrentIndex(max(0, self.scanner_mode.findData(settings.scanner_mode)))
        self.serial_port = self.ui.serialPort
        for name, description in available_ports():
            shown = f"{name}{PORT_DESCRIPTION_SEPARATOR}{description}" if description else name
            self.serial_port.addItem(shown, name)
        port_editor = self.serial_port.lineEdit()
        if port_editor is not None:  # the form makes the box editable
            port_editor.setPlaceholderText(self.tr("ví dụ COM3 hoặc /dev/ttyACM0"))
        current = settings.scanner_serial_port
        index = self.serial_port.findData(current)
        if index >= 0:
            self.serial_port.setCurrentIndex(index)
        else:
            self.serial_port.setEditText(current)
        self.serial_baud = self.ui.serialBaud
        set_item_data(self.serial_baud, BAUD_RATES)
        baud = self.serial_baud.findData(settings.scanner_serial_baud)
        self.serial_baud.setCurrentIndex(baud if baud >= 0 else self.serial_baud.findData(DEFAULT_BAUD))
        self.serial_suffix = self.ui.serialSuffix
        set_item_data(self.serial_suffix, SERIAL_SUFFIXES)
        self.serial_suffix.setCurrentIndex(
            max(0, self.serial_suffix.findData(settings.scanner_serial_suffix))
        )
        self.scanner_mode.currentIndexChanged.connect(self._on_scanner_mode_current_index_changed)
        self._on_scanner_mode_current_index_changed()

    def _on_scanner_mode_current_index_changed(self, _index: int = 0) -> None:
        self.ui.serialScannerGroup.setEnabled(self.scanner_mode.currentData() == "serial")

    def chosen_serial_port(self) -> str:
        """The port as listed (its name, without the description) or as typed."""
        text = self.serial_port.currentText().strip()
        index = self.serial_port.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return str(self.serial_port.itemData(index))
        return text.split(PORT_DESCRIPTION_SEPARATOR, 1)[0].strip()

    # ---- saving ------------------------------------------------------------------------------------------------
    def _unit_snapshot(self) -> tuple[str, ...]:
        f = self.unit_form
        return (
            f.agency_id.text(),
            f.agency_name.text(),
            f.parent_body.text(),
            f.place.text(),
            str(f.counter.value()),
            f.phone.text(),
            f.email.text(),
            f.office_hours.text(),
        )

    def _on_buttons_accepted(self) -> None:
        problem = self.scan_folder_problem()
        self.scan_folder_error.show_error(self.scan_folder, problem)
        if problem:
            self.tabs.setCurrentWidget(self.ui.devicesTab)
            self.error.show_error(None, problem)
            return
        unit_changed = self.session.may(Operation.CONFIGURE) and self._unit_snapshot() != self._unit_before
        if not unit_changed:
            self._finish(None)
            return
        try:
            unit, hours = self.unit_form.validated()
        except ValidationErrors:
            self.tabs.setCurrentIndex(0)
            self.error.show_error(None, self.tr("Hãy sửa các lỗi được đánh dấu."))
            return
        self.buttons.setEnabled(False)
        self.session.submit(set_unit, unit, str(hours), on_done=self._finish, on_error=self._on_write_failed)

    def _on_write_failed(self, exc: object) -> None:
        self.buttons.setEnabled(True)
        self.tabs.setCurrentIndex(0)
        message = (
            describe(exc, self.session.lang) if isinstance(exc, DomainError | ValidationErrors) else str(exc)
        )
        self.error.show_error(None, message)

    def _finish(self, unit: UnitConfig | None) -> None:
        if unit is not None:
            self.unit_changed.emit(unit)
        self._save_device_settings()
        self.saved.emit()
        self.accept()

    def _save_device_settings(self) -> None:
        s = self.session.settings
        before = {key: getattr(s, key) for key in AUDITED_DEVICE_SETTINGS}
        s.language = str(self.language.currentData())
        s.paper = str(self.paper.currentData())
        for form_kind, combo in self.printers.items():
            s.set_printer_for(form_kind, str(combo.currentData() or ""))
        s.scanner_max_interval_ms = self.scanner_interval.value()
        s.scanner_min_length = self.scanner_min_length.value()
        s.scanner_prefix = self.scanner_prefix.text()
        s.scanner_suffix = self.scanner_suffix.text()
        s.scanner_terminator = str(self.scanner_terminator.currentData())
        s.scanner_mode = str(self.scanner_mode.currentData())
        s.scanner_serial_port = self.chosen_serial_port()
        s.scanner_serial_baud = int(self.serial_baud.currentData())
        s.scanner_serial_suffix = str(self.serial_suffix.currentData())
        s.camera_index = self.camera_index.value()
        s.scan_folder = self.scan_folder.text().strip()
        s.server_url = self.server_url.text().strip()
        s.due_soon_hours = self.due_soon.value()
        s.idle_lock_minutes = self.idle_lock_minutes.value()
        s.sync()
        changed = {k: (v, getattr(s, k)) for k, v in before.items() if getattr(s, k) != v}
        if changed:
            self.session.submit(record_device_settings, changed)


def available_ports() -> list[tuple[str, str]]:
    """The serial ports the system lists now, as (the name to open, a description): `COM3` on Windows, the device's
    path (`/dev/ttyACM0`) elsewhere."""
    ports = []
    for info in QSerialPortInfo.availablePorts():
        location = info.systemLocation()
        name = location if location.startswith("/") else info.portName()
        description = " ".join(part for part in (info.description(), info.manufacturer()) if part)
        ports.append((name, description))
    return sorted(ports)
