"""The sign-in screen: username and password checked off the GUI thread; the demo profile shows its credentials.

The check (`app.accounts.sign_in`) runs on the writer thread: it counts failures towards a lockout and
records every attempt in the audit trail. A refusal comes back as a `SignInRefused` code and is shown as the
sentence `messages.describe` gives it (wrong credentials, or how many minutes to wait).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..app import accounts
from ..app.base import CounterApp
from ..core.errors import DomainError
from ..core.model import UnitConfig
from ..core.roles import Account
from ..messages import describe
from ..settings import CounterSettings
from .tasks import TaskRunner
from .widgets import ErrorLabel, centre_card, heading

#: (username, full name, role label, password) rows shown on the demo sign-in screen.
DemoCredentials = Sequence[tuple[str, str, str, str]]


class SignInWindow(QWidget):
    """Asks for an officer's credentials and emits `signed_in(Account)` when they are right."""

    signed_in = Signal(object)
    sign_in_failed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        settings: CounterSettings,
        parent: QWidget | None = None,
        lang: str = "vi",
    ) -> None:
        super().__init__(parent)
        self._app: CounterApp | None = None
        self._lang = lang
        self._waiting_for_store = False
        self._runner = runner
        self._settings = settings
        self.setObjectName("signIn")
        self.setWindowTitle(self.tr("Đăng nhập — Quầy Một cửa"))
        self._build()
        self._connect()
        self.reset()

    def attach(self, app: CounterApp, unit: UnitConfig | None) -> None:
        """The profile is open: show the unit and check credentials (also those typed while it was opening)."""
        self._app = app
        if unit is not None:
            counter = self.tr("Quầy số %1").replace("%1", str(unit.counter))
            self.unit_label.setText(f"<b>{unit.agency_name}</b><br>{counter}")
            self.unit_label.show()
        if self._waiting_for_store:
            self._waiting_for_store = False
            self._on_sign_in_clicked()

    def show_failure(self, message: str) -> None:
        """The data could not be opened: say so where the officer looks."""
        self._waiting_for_store = False
        self._set_busy(False)
        self.sign_in_button.setEnabled(False)
        self.error.show_error(None, message)

    def _build(self) -> None:
        card = QFrame(self)
        card.setObjectName("signInCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(460)
        title = heading(self.tr("Quầy Một cửa"), 18, card)
        subtitle = QLabel(self.tr("Bộ phận tiếp nhận và trả kết quả"), card)
        subtitle.setProperty("role", "hint")
        self.unit_label = QLabel(card)
        self.unit_label.setObjectName("unitLabel")
        self.unit_label.setWordWrap(True)
        self.unit_label.hide()
        self.username = QLineEdit(card)
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("ví dụ: canbo"))
        self.password = QLineEdit(card)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel("signin", card)
        self.sign_in_button = QPushButton(self.tr("Đăng nhập"), card)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setToolTip(self.tr("Đăng nhập (Enter)"))

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addWidget(self.unit_label)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignRight)
        self.demo_box: QFrame | None = None
        self._card_layout = inner

        centre_card(self, card)

    def show_demo_credentials(self, demo: DemoCredentials) -> None:
        """List the demo profile's accounts under the form (once)."""
        if self.demo_box is None and demo:
            self.demo_box = self._demo_box(demo)
            self._card_layout.addSpacing(6)
            self._card_layout.addWidget(self.demo_box)

    def _demo_box(self, demo: DemoCredentials) -> QFrame:
        box = QFrame(self)
        box.setObjectName("demoCredentials")
        box.setProperty("role", "banner")
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(14)
        note = QLabel(self.tr("<b>Bản trình diễn</b> — dữ liệu mẫu, có thể dùng các tài khoản sau:"), box)
        note.setWordWrap(True)
        grid.addWidget(note, 0, 0, 1, 3)
        for row, (username, full_name, role, password) in enumerate(demo, start=1):
            grid.addWidget(QLabel(f"<b>{username}</b>", box), row, 0)
            grid.addWidget(QLabel(password, box), row, 1)
            grid.addWidget(QLabel(f"{role} — {full_name}", box), row, 2)
        return box

    def _connect(self) -> None:
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self.username.returnPressed.connect(self._on_username_return)
        self.password.returnPressed.connect(self._on_sign_in_clicked)
        self.username.textEdited.connect(self._on_credentials_edited)
        self.password.textEdited.connect(self._on_credentials_edited)

    # ---- behaviour ---------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Empty password, last username remembered, focus where the officer types next."""
        self.password.clear()
        self.error.show_error(None, "")
        self._set_busy(False)
        last = self._settings.last_username
        if last and not self.username.text():
            self.username.setText(last)
        (self.password if self.username.text() else self.username).setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Đang kiểm tra…") if busy else self.tr("Đăng nhập"))

    def _on_username_return(self) -> None:
        self.password.setFocus()

    def _on_credentials_edited(self, _text: str) -> None:
        self.error.show_error(None, "")

    def _on_sign_in_clicked(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_error(None, self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            (self.username if not username else self.password).setFocus()
            return
        self._set_busy(True)
        if self._app is None:
            self._waiting_for_store = True  # checked as soon as the data is open
            return
        self._runner.submit(
            accounts.sign_in,
            self._app,
            None,
            username,
            password,
            on_done=self._on_verify_done,
            on_error=self._on_verify_error,
        )

    def _on_verify_done(self, account: Account) -> None:
        self._set_busy(False)
        self._settings.last_username = account.username
        self.password.clear()
        self.signed_in.emit(account)

    def _on_verify_error(self, exc: object) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):  # refused: wrong credentials, or a wait after repeated failures
            self.password.clear()
            self.password.setFocus()
            self.error.show_error(self.password, describe(exc, self._lang))
        else:
            self.error.show_error(None, self.tr("Không kiểm tra được tài khoản: %1").replace("%1", str(exc)))
        self.sign_in_failed.emit()
