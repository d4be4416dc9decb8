"""First-run wizard: configures the unit (agency ID, names, place, counter, office hours) and creates the administrator.

Everything is written by one operation (`app.profile.set_up`) on the task runner's writer: hashing the password
and installing the sample catalogue never hold up the window.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from ..app import profile
from ..app.base import CounterApp
from ..core.errors import DomainError, ValidationError, ValidationErrors
from ..core.model import UnitConfig
from ..core.signin import check_new_password
from ..messages import describe
from .accounts_dialog import state_password_policy
from .form_widgets import put_in_place
from .forms.ui_wizard_admin_page import Ui_AdminPage
from .forms.ui_wizard_unit_page import Ui_UnitPage
from .tasks import TaskRunner
from .unit_form import UnitForm


class UnitPage(QWizardPage):
    """The unit's identity (ui/wizard_unit_page.ui around the shared `UnitForm`) and the sample catalogue."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnitPage()
        self.ui.setupUi(self)
        self.form = UnitForm(lang, self)
        put_in_place(self.ui.unitFormSlot, self.form)
        self.seed_catalogue = self.ui.seedCatalogue

    def validatePage(self) -> bool:
        try:
            self.form.validated()
        except ValidationErrors:
            return False
        return True


class AdminPage(QWizardPage):
    """The first administrator's account (ui/wizard_admin_page.ui)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AdminPage()
        self.ui.setupUi(self)
        self.username = self.ui.username
        self.full_name = self.ui.fullName
        self.password = self.ui.password
        self.confirm = self.ui.confirm
        state_password_policy(self.ui.passwordPolicy)
        self.error = self.ui.adminError


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
