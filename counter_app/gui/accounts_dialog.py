"""Accounts dialog (administrators): create officers, lock and unlock them, reset passwords, change roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QLabel, QWidget

from ..app import accounts
from ..app.base import Op
from ..core.errors import DomainError, ValidationError, ValidationErrors
from ..core.roles import Account, Role
from ..core.signin import MIN_PASSWORD_LENGTH, check_new_password
from ..messages import describe
from .formats import role_name
from .forms.ui_accounts_dialog import Ui_AccountsDialog
from .forms.ui_password_dialog import Ui_PasswordDialog
from .session import Session

Index = QModelIndex | QPersistentModelIndex


class AccountsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.accounts: list[Account] = []
        self._headers = (
            self.tr("Tên đăng nhập"),
            self.tr("Họ và tên"),
            self.tr("Vai trò"),
            self.tr("Trạng thái"),
        )

    def set_accounts(self, accounts: list[Account]) -> None:
        self.beginResetModel()
        self.accounts = accounts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.accounts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        a = self.accounts[index.row()]
        return (
            a.username,
            a.full_name,
            role_name(a.role.value),
            self.tr("Đang dùng") if a.active else self.tr("Đã khóa"),
        )[index.column()]


class PasswordDialog(QDialog):
    """New password twice; for a new account also username, full name and role (ui/password_dialog.ui)."""

    def __init__(self, title: str, new_account: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.username = self.ui.newUsername
        self.full_name = self.ui.newFullName
        self.role = self.ui.role
        fill_roles(self.role)
        self.password = self.ui.newPassword
        self.confirm = self.ui.confirmPassword
        state_password_policy(self.ui.passwordPolicy)
        self.error = self.ui.accountError
        self.buttons = self.ui.buttons
        for editor in (self.username, self.full_name, self.role):
            self.ui.form.setRowVisible(editor, new_account)
        if not new_account:
            self.resize(self.width(), 0)  # as short as the remaining rows allow
        self.buttons.rejected.connect(self.reject)


def state_password_policy(label: QLabel) -> None:
    """Put the policy's numbers into the sentence a form shows under every field where a password is set."""
    label.setText(label.text().replace("%1", str(MIN_PASSWORD_LENGTH)))


def fill_roles(combo: QComboBox) -> None:
    for role in (Role.OFFICER, Role.PROCESSOR, Role.LEADER, Role.ADMIN):
        combo.addItem(role_name(role.value), role.value)


class AccountsDialog(QDialog):
    """Lists every account; each change is written by the task runner, then the list is reloaded."""

    accounts_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_AccountsDialog()
        self.ui.setupUi(self)
        self.model = AccountsModel(self)
        self.table = self.ui.accountsTable
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.create_button = self.ui.createButton
        self.toggle_button = self.ui.toggleButton
        self.reset_button = self.ui.resetButton
        self.role = self.ui.role
        fill_roles(self.role)
        self.role_button = self.ui.roleButton
        self.error = self.ui.accountsError
        self.ui.closeButton.clicked.connect(self.accept)
        self._connect()
        self.reload()

    def _connect(self) -> None:
        self.create_button.clicked.connect(self._on_create_clicked)
        self.toggle_button.clicked.connect(self._on_toggle_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.role_button.clicked.connect(self._on_role_clicked)

    def reload(self) -> None:
        self.session.submit(accounts.list_accounts, on_done=self._on_accounts_loaded)

    def _on_accounts_loaded(self, accounts: list[Account]) -> None:
        selected = self.selected()
        self.model.set_accounts(accounts)
        row = next((i for i, a in enumerate(accounts) if selected and a.username == selected.username), 0)
        if accounts:
            self.table.selectRow(row)

    def selected(self) -> Account | None:
        index = self.table.currentIndex()
        return self.model.accounts[index.row()] if index.isValid() and self.model.accounts else None

    def _write(self, change: Op[Any], *args: Any) -> None:
        """Run an account change as the signed-in administrator (recorded in the audit trail as theirs)."""
        self.error.show_error(None, "")
        self.session.submit(change, *args, on_done=self._on_written, on_error=self._on_write_failed)

    def _on_written(self, _result: object) -> None:
        self.accounts_changed.emit()
        self.reload()

    def _on_write_failed(self, exc: object) -> None:
        message = (
            describe(exc, self.session.lang) if isinstance(exc, DomainError | ValidationErrors) else str(exc)
        )
        self.error.show_error(None, message)

    def _not_self(self, account: Account | None) -> Account | None:
        if account is not None and account.username == self.session.officer:
            self.error.show_error(
                None, self.tr("Không thể khóa hoặc đổi vai trò của chính tài khoản đang đăng nhập.")
            )
            return None
        return account

    def _on_create_clicked(self) -> None:
        dialog = PasswordDialog(self.tr("Tạo tài khoản"), True, self)
        dialog.buttons.accepted.connect(lambda: self._on_create_accepted(dialog))
        self.password_dialog = dialog
        dialog.open()

    def _on_create_accepted(self, dialog: PasswordDialog) -> None:
        if not self._passwords_match(dialog):
            return
        dialog.accept()
        role = Role(str(dialog.role.currentData()))
        self._write(
            accounts.create,
            dialog.username.text(),
            dialog.full_name.text(),
            role,
            dialog.password.text(),
        )

    def _on_toggle_clicked(self) -> None:
        account = self._not_self(self.selected())
        if account is not None:
            self._write(accounts.set_active, account.username, not account.active)

    def _on_reset_clicked(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = PasswordDialog(
            self.tr("Đặt lại mật khẩu cho %1").replace("%1", account.username), False, self
        )
        dialog.buttons.accepted.connect(lambda: self._on_reset_accepted(dialog, account.username))
        self.password_dialog = dialog
        dialog.open()

    def _on_reset_accepted(self, dialog: PasswordDialog, username: str) -> None:
        if self._passwords_match(dialog):
            dialog.accept()
            self._write(accounts.set_password, username, dialog.password.text())

    def _on_role_clicked(self) -> None:
        account = self._not_self(self.selected())
        if account is not None:
            self._write(
                accounts.set_role,
                account.username,
                Role(str(self.role.currentData())),
            )

    def _passwords_match(self, dialog: PasswordDialog) -> bool:
        """The two entries agree and meet the policy; else the reason is shown and the dialog stays open."""
        try:
            check_new_password(dialog.password.text())
        except ValidationError as exc:
            dialog.error.show_error(dialog.password, describe(exc, self.session.lang))
            return False
        if dialog.password.text() != dialog.confirm.text():
            error = ValidationError("password", "password.mismatch")
            dialog.error.show_error(dialog.confirm, describe(error, self.session.lang))
            return False
        return True
