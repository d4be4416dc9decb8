"""The application's flow: sign-in at once, the profile opened behind it, the wizard when unconfigured, main window, sign-out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from ..app import accounts, profile, settings
from ..app.base import CounterApp
from ..core.errors import DomainError, ValidationErrors
from ..core.model import UnitConfig
from ..core.roles import Account
from ..messages import describe
from ..settings import CounterSettings
from .signin import DemoCredentials, SignInWindow
from .tasks import TaskRunner
from .widgets import STYLE_SHEET

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .wizard import FirstRunWizard

AppOpener = Callable[[], CounterApp]


class CounterController(QObject):
    """Owns the task runner, the open profile (`app`) and the top-level windows of one run of the application.

    Give it an open `app` (tests), or an `open_app` function: then the sign-in screen shows at once and the
    profile is opened (migrated, demo profile filled, first look taken) on a worker while the officer types.
    """

    store_ready = Signal(object)  # CounterApp
    store_failed = Signal(str)
    main_window_shown = Signal(object)
    signed_out = Signal()

    def __init__(
        self,
        app: CounterApp | None,
        settings: CounterSettings,
        lang: str = "vi",
        demo: bool = False,
        open_app: AppOpener | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if app is None and open_app is None:
            raise ValueError("an open profile or a way to open one is needed")
        self.app = app
        self._open_app = open_app
        self.settings = settings
        self.lang = lang
        self.demo = demo
        self.unit: UnitConfig | None = None
        self.runner = TaskRunner(self)
        self.wizard: FirstRunWizard | None = None
        self.sign_in: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        qt = QApplication.instance()
        if isinstance(qt, QApplication) and not qt.styleSheet():
            qt.setStyleSheet(STYLE_SHEET)

    def start(self) -> None:
        """Open the profile if needed, then show the wizard on an unconfigured one, else the sign-in screen."""
        if self.app is not None:  # given open (tests, tools): its first look is taken at once
            self._on_profile_opened((self.app, profile.first_look(self.app, None)))
            return
        self.show_sign_in()
        self.runner.run(self._open, on_done=self._on_profile_opened, on_error=self._on_profile_open_failed)

    def _open(self) -> tuple[CounterApp, profile.FirstLook]:
        """Runs on a worker: open (migrate, fill the demo) and look at the profile."""
        assert self._open_app is not None
        app = self._open_app()
        return app, profile.first_look(app, None)

    def show_sign_in(self) -> SignInWindow:
        if self.sign_in is None:
            self.sign_in = SignInWindow(self.runner, self.settings, lang=self.lang)
            self.sign_in.resize(1366, 768)
            self.sign_in.signed_in.connect(self._on_sign_in_signed_in)
            if self.app is not None:
                self._attach_profile(self.sign_in, self.app)
        self.sign_in.reset()
        self.sign_in.show()
        return self.sign_in

    def _on_profile_opened(self, opened: tuple[CounterApp, profile.FirstLook]) -> None:
        app, look = opened
        self.app, self.unit = app, look.unit
        if look.needs_set_up:
            from .wizard import FirstRunWizard

            if self.sign_in is not None:
                self.sign_in.hide()
            self.wizard = FirstRunWizard(app, self.runner, self.lang)
            self.wizard.configured.connect(self._on_wizard_configured)
            self.wizard.show()
        elif self.sign_in is None:
            self.show_sign_in()
        else:
            self._attach_profile(self.sign_in, app)
        self.store_ready.emit(app)

    def _attach_profile(self, window: SignInWindow, app: CounterApp) -> None:
        if self.demo:
            window.show_demo_credentials(demo_credentials())
        window.attach(app, self.unit)

    def _on_profile_open_failed(self, exc: object) -> None:
        if isinstance(exc, DomainError | ValidationErrors):
            message = describe(exc, self.lang)
        else:
            message = self.tr("Không mở được dữ liệu của quầy: %1").replace("%1", str(exc))
        if self.sign_in is not None:
            self.sign_in.show_failure(message)
        self.store_failed.emit(message)

    def _on_wizard_configured(self, unit: UnitConfig) -> None:
        assert self.app is not None
        self.unit = unit
        window = self.show_sign_in()
        self._attach_profile(window, self.app)

    def _on_sign_in_signed_in(self, account: Account) -> None:
        assert self.app is not None
        self.runner.submit(
            settings.unit,
            self.app,
            account,
            on_done=lambda unit: self._show_main_window(account, unit),
            on_error=lambda _exc: self._show_main_window(account, self.unit),
        )

    def _show_main_window(self, account: Account, unit: UnitConfig | None) -> None:
        from .main_window import MainWindow
        from .session import Session

        assert self.app is not None
        self.unit = unit
        window = MainWindow(Session(self.app, self.runner, self.settings, account, unit, self.lang))
        window.sign_out_requested.connect(self._on_main_window_sign_out_requested)
        self.main_window = window
        window.show()
        if self.sign_in is not None:
            self.sign_in.hide()
        intake = window.panels.get("intake")
        if intake is not None:
            intake.widget.offer_draft()  # type: ignore[attr-defined]
        self.main_window_shown.emit(window)

    def _on_main_window_sign_out_requested(self) -> None:
        window = self.main_window
        self.main_window = None
        if window is not None and self.app is not None:
            self.runner.submit(accounts.sign_out, self.app, window.session.account)  # into the audit trail
        if window is not None:
            window.closed.connect(window.deleteLater)
            window.close()  # it finishes its work behind the sign-in screen, saying what it waits for
        self.show_sign_in()
        self.signed_out.emit()

    def shutdown(self) -> None:
        """Flush drafts and wait for pending writes (before the profile closes)."""
        if self.main_window is not None:
            self.main_window.close_now()  # the event loop has ended: drafts saved, waits bounded
        self.runner.shutdown()
        self.settings.sync()


def demo_credentials() -> DemoCredentials:
    """The demo profile's accounts as the sign-in screen lists them."""
    from .formats import role_name

    return [
        (username, name, role_name(role.value), password)
        for username, name, role, password in profile.demo_accounts()
    ]
