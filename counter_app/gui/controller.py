"""The application's flow: first-run wizard when the unit is not configured, sign-in, main window, sign-out."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from ..settings import CounterSettings
from ..storage.accounts import Account
from ..storage.store import CounterStore
from .main_window import MainWindow
from .session import Session
from .signin import DemoCredentials, SignInWindow
from .tasks import TaskRunner
from .widgets import STYLE_SHEET
from .wizard import FirstRunWizard


class CounterController(QObject):
    """Owns the store's task runner and the top-level windows of one run of the application."""

    main_window_shown = Signal(object)
    signed_out = Signal()

    def __init__(
        self,
        store: CounterStore,
        settings: CounterSettings,
        lang: str = "vi",
        demo_credentials: DemoCredentials = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.lang = lang
        self.demo_credentials = demo_credentials
        self.runner = TaskRunner(self)
        self.wizard: FirstRunWizard | None = None
        self.sign_in: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication) and not app.styleSheet():
            app.setStyleSheet(STYLE_SHEET)

    def start(self) -> None:
        """Show the wizard on an unconfigured store, else the sign-in screen."""
        if self.store.unit() is None or not self.store.accounts.any_admin():
            self.wizard = FirstRunWizard(self.store, self.lang)
            self.wizard.configured.connect(self._on_wizard_configured)
            self.wizard.show()
        else:
            self.show_sign_in()

    def show_sign_in(self) -> SignInWindow:
        if self.sign_in is None:
            self.sign_in = SignInWindow(
                self.store.accounts, self.runner, self.settings, self.store.unit(), self.demo_credentials
            )
            self.sign_in.resize(1366, 768)
            self.sign_in.signed_in.connect(self._on_sign_in_signed_in)
        self.sign_in.reset()
        self.sign_in.show()
        return self.sign_in

    def _on_wizard_configured(self, _unit: object) -> None:
        self.show_sign_in()

    def _on_sign_in_signed_in(self, account: Account) -> None:
        session = Session(self.store, self.runner, self.settings, account, self.store.unit(), self.lang)
        window = MainWindow(session)
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
        if window is not None:
            window.close()
            window.deleteLater()
        self.show_sign_in()
        self.signed_out.emit()

    def shutdown(self) -> None:
        """Flush drafts and wait for pending writes (before the store closes)."""
        if self.main_window is not None:
            self.main_window.close()  # flushes the draft through the runner
        self.runner.shutdown()
        self.settings.sync()
