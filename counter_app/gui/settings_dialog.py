"""Settings dialog: the unit and office hours (database, administrators only) and the device settings of this counter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..app.settings import record_device_settings, set_unit
from ..core.errors import DomainError, ValidationErrors
from ..core.model import UnitConfig
from ..core.roles import Operation
from ..messages import describe
from .printing import printer_names
from .session import Session
from .unit_form import UnitForm
from .widgets import ErrorLabel, dialog_buttons

#: This PC's settings whose changes go into the audit trail.
AUDITED_DEVICE_SETTINGS = (
    "language",
    "paper",
    "scanner_max_interval_ms",
    "scanner_min_length",
    "scanner_prefix",
    "scanner_suffix",
    "camera_index",
    "server_url",
    "due_soon_hours",
    "idle_lock_minutes",
)
PRINTED_FORMS = ("receipt", "supplement", "refusal")


class SettingsDialog(QDialog):
    """Edits everything a counter can be told; emits `unit_changed(UnitConfig)` after the unit was saved."""

    unit_changed = Signal(object)
    saved = Signal()

    def __init__(self, session: Session, office_hours: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._office_hours = office_hours
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Cài đặt"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._unit_tab(), self.tr("Đơn vị"))
        self.tabs.addTab(self._printing_tab(), self.tr("Giao diện và in"))
        self.tabs.addTab(self._devices_tab(), self.tr("Máy quét và camera"))
        self.tabs.addTab(self._server_tab(), self.tr("Máy chủ và theo dõi"))
        self.tabs.addTab(self._security_tab(), self.tr("Bảo mật"))
        self.error = ErrorLabel("settings", self)
        self.buttons = dialog_buttons(self.tr("Lưu"), self.tr("Hủy"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 500)
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # ---- tabs --------------------------------------------------------------------------------------------------
    def _unit_tab(self) -> QWidget:
        page = QWidget(self)
        self.unit_form = UnitForm(self.session.lang, page)
        self.unit_form.set_unit(self.session.unit, self._office_hours)
        self._unit_before = self._unit_snapshot()
        layout = QVBoxLayout(page)
        if not self.session.may(Operation.CONFIGURE):
            note = QLabel(self.tr("Chỉ người quản trị được sửa thông tin đơn vị."), page)
            note.setProperty("role", "hint")
            layout.addWidget(note)
            self.unit_form.setEnabled(False)
        layout.addWidget(self.unit_form)
        layout.addStretch(1)
        return page

    def _printing_tab(self) -> QWidget:
        page = QWidget(self)
        settings = self.session.settings
        self.language = QComboBox(page)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.paper = QComboBox(page)
        for value, label in (
            ("a5", self.tr("A5")),
            ("a4", self.tr("A4")),
            ("thermal80", self.tr("Giấy in nhiệt 80 mm (giấy hẹn)")),
        ):
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        names = printer_names()
        self.printers: dict[str, QComboBox] = {}
        form = QFormLayout(page)
        form.setSpacing(10)
        form.addRow(self.tr("Ngôn ngữ giao diện:"), self.language)
        hint = QLabel(self.tr("Ngôn ngữ mới có hiệu lực từ lần mở phần mềm sau."), page)
        hint.setProperty("role", "hint")
        form.addRow("", hint)
        form.addRow(self.tr("Khổ giấy in phiếu:"), self.paper)
        labels = {
            "receipt": self.tr("Máy in giấy tiếp nhận (01):"),
            "supplement": self.tr("Máy in phiếu bổ sung (02):"),
            "refusal": self.tr("Máy in phiếu từ chối (03):"),
        }
        for form_kind in PRINTED_FORMS:
            combo = QComboBox(page)
            combo.addItem(self.tr("(Máy in mặc định của hệ thống)"), "")
            for name in names:
                combo.addItem(name, name)
            current = settings.printer_for(form_kind)
            if current and combo.findData(current) < 0:
                combo.addItem(self.tr("%1 (không tìm thấy)").replace("%1", current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.printers[form_kind] = combo
            form.addRow(labels[form_kind], combo)
        return page

    def _devices_tab(self) -> QWidget:
        page = QWidget(self)
        settings = self.session.settings
        self.scanner_interval = QSpinBox(page)
        self.scanner_interval.setRange(5, 500)
        self.scanner_interval.setSuffix(" ms")
        self.scanner_interval.setValue(settings.scanner_max_interval_ms)
        self.scanner_min_length = QSpinBox(page)
        self.scanner_min_length.setRange(1, 100)
        self.scanner_min_length.setValue(settings.scanner_min_length)
        self.scanner_prefix = QLineEdit(settings.scanner_prefix, page)
        self.scanner_suffix = QLineEdit(settings.scanner_suffix, page)
        self.camera_index = QSpinBox(page)
        self.camera_index.setRange(0, 9)
        self.camera_index.setValue(settings.camera_index)
        form = QFormLayout(page)
        form.setSpacing(10)
        note = QLabel(
            self.tr(
                "Máy quét mã vạch hoạt động như bàn phím: các ký tự đến liên tiếp nhanh hơn ngưỡng dưới đây được coi là một lần quét."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        form.addRow(note)
        form.addRow(self.tr("Khoảng cách tối đa giữa hai ký tự:"), self.scanner_interval)
        form.addRow(self.tr("Độ dài tối thiểu của mã:"), self.scanner_min_length)
        form.addRow(self.tr("Tiền tố của máy quét:"), self.scanner_prefix)
        form.addRow(self.tr("Hậu tố của máy quét:"), self.scanner_suffix)
        form.addRow(self.tr("Camera (số thứ tự):"), self.camera_index)
        return page

    def _server_tab(self) -> QWidget:
        page = QWidget(self)
        settings = self.session.settings
        self.server_url = QLineEdit(settings.server_url, page)
        self.server_url.setPlaceholderText("https://motcua.example.gov.vn")
        self.due_soon = QSpinBox(page)
        self.due_soon.setRange(1, 240)
        self.due_soon.setSuffix(self.tr(" giờ"))
        self.due_soon.setValue(settings.due_soon_hours)
        form = QFormLayout(page)
        form.setSpacing(10)
        form.addRow(self.tr("Địa chỉ máy chủ trung tâm:"), self.server_url)
        form.addRow(self.tr("Báo «sắp đến hạn» trước:"), self.due_soon)
        return page

    def _security_tab(self) -> QWidget:
        page = QWidget(self)
        self.idle_lock_minutes = QSpinBox(page)
        self.idle_lock_minutes.setObjectName("idleLockMinutes")
        self.idle_lock_minutes.setRange(1, 120)
        self.idle_lock_minutes.setSuffix(self.tr(" phút"))
        self.idle_lock_minutes.setValue(self.session.settings.idle_lock_minutes)
        note = QLabel(
            self.tr(
                "Khi không ai dùng bàn phím hay chuột trong khoảng thời gian này, máy quầy tự khóa và che dữ liệu "
                "của công dân; mật khẩu của cán bộ đang đăng nhập (hoặc của người quản trị) mở lại, dữ liệu đang "
                "nhập được giữ nguyên."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        form = QFormLayout(page)
        form.setSpacing(10)
        form.addRow(self.tr("Tự khóa máy quầy sau:"), self.idle_lock_minutes)
        form.addRow(note)
        return page

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
        s.camera_index = self.camera_index.value()
        s.server_url = self.server_url.text().strip()
        s.due_soon_hours = self.due_soon.value()
        s.idle_lock_minutes = self.idle_lock_minutes.value()
        s.sync()
        changed = {k: (v, getattr(s, k)) for k, v in before.items() if getattr(s, k) != v}
        if changed:
            self.session.submit(record_device_settings, changed)
