"""The application's flow: sign-in at once, the store opened behind it, the wizard when unconfigured, main window, sign-out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from ..core.errors import DomainError, ValidationErrors
from ..messages import describe
from ..settings import CounterSettings
from ..storage.accounts import Account
from .signin import DemoCredentials, SignInWindow
from .tasks import TaskRunner
from .widgets import STYLE_SHEET

if TYPE_CHECKING:
    from ..storage.store import CounterStore
    from .main_window import MainWindow
    from .wizard import FirstRunWizard

StoreOpener = Callable[[], "CounterStore"]


class CounterController(QObject):
    """Owns the task runner, the store and the top-level windows of one run of the application.

    Give it an open `store`, or an `open_store` function: then the sign-in screen shows at once and the
    store is opened (migrated, demo profile filled) on a worker while the officer types.
    """

    store_ready = Signal(object)
    store_failed = Signal(str)
    main_window_shown = Signal(object)
    signed_out = Signal()

    def __init__(
        self,
        store: CounterStore | None,
        settings: CounterSettings,
        lang: str = "vi",
        demo: bool = False,
        open_store: StoreOpener | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if store is None and open_store is None:
            raise ValueError("a store or a way to open one is needed")
        self.store = store
        self._open_store = open_store
        self.settings = settings
        self.lang = lang
        self.demo = demo
        self.runner = TaskRunner(self)
        self.wizard: FirstRunWizard | None = None
        self.sign_in: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication) and not app.styleSheet():
            app.setStyleSheet(STYLE_SHEET)

    def start(self) -> None:
        """Open the store if needed, then show the wizard on an unconfigured store, else the sign-in screen."""
        if self.store is not None:
            self._on_store_opened(self.store)
            return
        self.show_sign_in()
        assert self._open_store is not None
        self.runner.run(self._open_store, on_done=self._on_store_opened, on_error=self._on_store_open_failed)

    def show_sign_in(self) -> SignInWindow:
        if self.sign_in is None:
            self.sign_in = SignInWindow(self.runner, self.settings, lang=self.lang)
            self.sign_in.resize(1366, 768)
            self.sign_in.signed_in.connect(self._on_sign_in_signed_in)
            if self.store is not None:
                self._attach_store(self.sign_in, self.store)
        self.sign_in.reset()
        self.sign_in.show()
        return self.sign_in

    def _on_store_opened(self, store: CounterStore) -> None:
        self.store = store
        if store.unit() is None or not store.accounts.any_admin():
            from .wizard import FirstRunWizard

            if self.sign_in is not None:
                self.sign_in.hide()
            self.wizard = FirstRunWizard(store, self.lang)
            self.wizard.configured.connect(self._on_wizard_configured)
            self.wizard.show()
        elif self.sign_in is None:
            self.show_sign_in()
        else:
            self._attach_store(self.sign_in, store)
        self.store_ready.emit(store)

    def _attach_store(self, window: SignInWindow, store: CounterStore) -> None:
        if self.demo:
            window.show_demo_credentials(demo_credentials())
        window.attach(store.accounts, store.unit())

    def _on_store_open_failed(self, exc: object) -> None:
        if isinstance(exc, DomainError | ValidationErrors):
            message = describe(exc, self.lang)
        else:
            message = self.tr("Không mở được dữ liệu của quầy: %1").replace("%1", str(exc))
        if self.sign_in is not None:
            self.sign_in.show_failure(message)
        self.store_failed.emit(message)

    def _on_wizard_configured(self, _unit: object) -> None:
        assert self.store is not None
        window = self.show_sign_in()
        self._attach_store(window, self.store)

    def _on_sign_in_signed_in(self, account: Account) -> None:
        from .main_window import MainWindow
        from .session import Session

        assert self.store is not None
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
        if window is not None and self.store is not None:
            self.runner.write(self.store.accounts.sign_out, window.session.officer)  # into the audit trail
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


def demo_credentials() -> DemoCredentials:
    """The demo profile's accounts as the sign-in screen lists them."""
    from ..storage.demo import DEMO_ACCOUNTS
    from .formats import role_name

    return [
        (username, name, role_name(role.value), password) for username, name, role, password in DEMO_ACCOUNTS
    ]
