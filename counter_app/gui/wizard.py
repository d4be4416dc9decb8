"""First-run wizard: configures the unit (agency ID, names, place, counter, office hours) and creates the administrator."""

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

from ..core.errors import DomainError, ValidationError, ValidationErrors
from ..core.signin import check_new_password
from ..messages import describe
from ..storage.accounts import Role
from ..storage.store import CounterStore
from .accounts_dialog import password_policy_hint
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
    """Writes the unit and the first administrator to the store when finished; emits `configured(UnitConfig)`."""

    configured = Signal(object)

    def __init__(self, store: CounterStore, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._lang = lang
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
        page = self.admin_page
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
        try:
            if not self._store.accounts.any_admin():
                self._store.accounts.create(
                    page.username.text(), page.full_name.text(), Role.ADMIN, page.password.text()
                )
            self._store.set_unit(unit)
            self._store.set_setting("office_hours", str(hours))
            if self.unit_page.seed_catalogue.isChecked() and self._store.catalogue_is_empty():
                from ..storage.catalogue_files import load_seed_catalogue

                self._store.replace_catalogue(load_seed_catalogue())
        except (DomainError, ValidationErrors) as exc:
            page.error.show_error(None, describe(exc, self._lang))
            return False
        page.error.show_error(None, "")
        self.configured.emit(unit)
        return True
