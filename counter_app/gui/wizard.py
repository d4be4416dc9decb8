"""First-run wizard: configures the unit (agency ID, names, place, counter, office hours) and creates the administrator.

Everything is written by one operation (`app.profile.set_up`) on the task runner's writer: hashing the password
and installing the sample catalogue never hold up the window.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..app import profile
from ..app.base import CounterApp
from ..core.errors import DomainError, ValidationError, ValidationErrors
from ..core.model import UnitConfig
from ..core.signin import check_new_password
from ..messages import describe
from .accounts_dialog import password_policy_hint
from .tasks import TaskRunner
from .unit_form import UnitForm
from .widgets import ErrorLabel


class UnitPage(QWizardPage):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Thông tin đơn vị"))
        self.setSubTitle(
            self.tr(
                "Những thông tin này được in trên giấy tiếp nhận và trong mã hồ sơ. Có thể sửa lại trong Cài đặt."
            )
        )
        self.form = UnitForm(lang, self)
        self.seed_catalogue = QCheckBox(self.tr("Nạp danh mục thủ tục mẫu (cấp xã) để bắt đầu ngay"), self)
        self.seed_catalogue.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.seed_catalogue)

    def validatePage(self) -> bool:
        try:
            self.form.validated()
        except ValidationErrors:
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tài khoản quản trị"))
        self.setSubTitle(
            self.tr("Người quản trị tạo tài khoản cho các cán bộ và quản lý cài đặt của đơn vị.")
        )
        self.username = QLineEdit(self)
        self.username.setPlaceholderText("quantri")
        self.full_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel("admin", self)
        form = QFormLayout(self)
        form.setSpacing(10)
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Họ và tên:"), self.full_name)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.confirm)
        form.addRow("", password_policy_hint(self))
        form.addRow(QLabel(self), self.error)


class FirstRunWizard(QWizard):
    """Writes the unit and the first administrator when finished; emits `configured(UnitConfig)` once written."""

    configured = Signal(object)
    set_up_failed = Signal(str)

    def __init__(self, app: CounterApp, runner: TaskRunner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._runner = runner
        self._lang = lang
        self._saving = False
        self.setWindowTitle(self.tr("Thiết lập lần đầu — Quầy Một cửa"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.unit_page = UnitPage(lang, self)
        self.admin_page = AdminPage(self)
        self.addPage(self.unit_page)
        self.addPage(self.admin_page)
        self.resize(760, 620)

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is self.admin_page:
            return self._finish()
        return super().validateCurrentPage()

    def _finish(self) -> bool:
        """Check the last page and start the write; the wizard closes when it is done (returns False till then)."""
        page = self.admin_page
        if self._saving:
            return False
        try:
            check_new_password(page.password.text())
        except ValidationError as exc:
            page.error.show_error(page.password, describe(exc, self._lang))
            return False
        if page.password.text() != page.confirm.text():
            page.error.show_error(
                page.confirm, describe(ValidationError("password", "password.mismatch"), self._lang)
            )
            return False
        try:
            unit, hours = self.unit_page.form.validated()
        except ValidationErrors:
            self.back()
            return False
        first = profile.FirstRun(
            unit,
            str(hours),
            page.username.text(),
            page.full_name.text(),
            page.password.text(),
            sample_catalogue=self.unit_page.seed_catalogue.isChecked(),
        )
        self._set_saving(True)
        page.error.show_error(None, "")
        self._runner.submit(
            profile.set_up,
            self._app,
            None,
            first,
            on_done=lambda _admin: self._on_set_up_done(unit),
            on_error=self._on_set_up_failed,
        )
        return False

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(which).setEnabled(not saving)
        self.admin_page.setSubTitle(
            self.tr("Đang lưu thông tin đơn vị và tài khoản quản trị…")
            if saving
            else self.tr("Người quản trị tạo tài khoản cho các cán bộ và quản lý cài đặt của đơn vị.")
        )

    def _on_set_up_done(self, unit: UnitConfig) -> None:
        self._set_saving(False)
        self.configured.emit(unit)
        self.accept()

    def _on_set_up_failed(self, exc: object) -> None:
        self._set_saving(False)
        known = isinstance(exc, DomainError | ValidationErrors)
        message = describe(exc, self._lang) if known else str(exc)
        self.admin_page.error.show_error(None, message)
        self.set_up_failed.emit(message)
