"""Accounts dialog (administrators): create officers, lock and unlock them, reset passwords, change roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..app import accounts
from ..app.base import Op
from ..core.errors import DomainError, ValidationError, ValidationErrors
from ..core.roles import Account, Role
from ..core.signin import MIN_PASSWORD_LENGTH, check_new_password
from ..messages import describe
from .formats import role_name
from .session import Session
from .widgets import ErrorLabel, dialog_buttons

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
    """New password twice; for a new account also username, full name and role."""

    def __init__(self, title: str, new_account: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("newFullName")
        self.role = role_combo(self)
        self.password = QLineEdit(self)
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirmPassword")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel("account", self)
        self.buttons = dialog_buttons(self.tr("Lưu"), self.tr("Hủy"), self)
        form = QFormLayout(self)
        if new_account:
            form.addRow(self.tr("Tên đăng nhập:"), self.username)
            form.addRow(self.tr("Họ và tên:"), self.full_name)
            form.addRow(self.tr("Vai trò:"), self.role)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.confirm)
        form.addRow("", password_policy_hint(self))
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.resize(460, 0)


def password_policy_hint(parent: QWidget) -> QLabel:
    """The stated password policy, shown under every field where a password is set."""
    hint = QLabel(
        QCoreApplication.translate(
            "PasswordPolicy", "Ít nhất %1 ký tự và không phải mật khẩu phổ biến (như 12345678, matkhau123)."
        ).replace("%1", str(MIN_PASSWORD_LENGTH)),
        parent,
    )
    hint.setObjectName("passwordPolicy")
    hint.setProperty("role", "hint")
    hint.setWordWrap(True)
    return hint


def role_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for role in (Role.OFFICER, Role.PROCESSOR, Role.LEADER, Role.ADMIN):
        combo.addItem(role_name(role.value), role.value)
    return combo


class AccountsDialog(QDialog):
    """Lists every account; each change is written by the task runner, then the list is reloaded."""

    accounts_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Quản lý tài khoản"))
        self.model = AccountsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.create_button = QPushButton(self.tr("Tạo tài khoản…"), self)
        self.toggle_button = QPushButton(self.tr("Khóa / mở khóa"), self)
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu…"), self)
        self.role = role_combo(self)
        self.role_button = QPushButton(self.tr("Đổi vai trò"), self)
        self.error = ErrorLabel("accounts", self)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for widget in (
            self.create_button,
            self.toggle_button,
            self.reset_button,
            self.role,
            self.role_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(820, 420)
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
