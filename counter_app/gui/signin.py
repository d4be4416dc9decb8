"""The sign-in screen: username and password checked off the GUI thread; the demo profile shows its credentials.

The check (`app.accounts.sign_in`) runs on the writer thread: it counts failures towards a lockout and
records every attempt in the audit trail. A refusal comes back as a `SignInRefused` code and is shown as the
sentence `messages.describe` gives it (wrong credentials, or how many minutes to wait).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from ..app import accounts
from ..app.base import CounterApp
from ..core.errors import DomainError
from ..core.model import UnitConfig
from ..core.roles import Account
from ..messages import describe
from ..settings import CounterSettings
from .forms.ui_signin import Ui_SignInWindow
from .tasks import TaskRunner

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
        """The layout comes from ui/signin.ui; the demo box, when there is one, is added under the form."""
        self.ui = Ui_SignInWindow()
        self.ui.setupUi(self)
        self.unit_label = self.ui.unitLabel
        self.unit_label.hide()
        self.username = self.ui.username
        self.password = self.ui.password
        self.error = self.ui.signInError
        self.sign_in_button = self.ui.signInButton
        self.demo_box: QFrame | None = None
        self._card_layout = self.ui.cardLayout

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
        """Empty password, last username remembered and selected, focus on the username: the next officer at the
        counter is often another one, whose name replaces it as they type; the same one presses Enter (or Tab)."""
        self.password.clear()
        self.error.show_error(None, "")
        self._set_busy(False)
        last = self._settings.last_username
        if last and not self.username.text():
            self.username.setText(last)
        self.username.setFocus()
        self.username.selectAll()

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
