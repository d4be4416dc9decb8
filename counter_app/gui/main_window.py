"""The main window: assembles the panels, their menus and shortcuts, and the status bar; it holds no business logic."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from .. import __version__
from ..app.base import Changes, Scope
from ..core.model import Dossier, UnitConfig
from ..core.roles import Operation, Role
from .closing import QUIT, SEND_THEN_QUIT, STAY, CloseWaiter, QuitGuard
from .session import PanelEntry, Session
from .statusbar import CounterStatusBar, encryption_notice
from .tracking import DASHBOARD_SHORTCUT

#: Modules (under counter_app.gui) that contribute a panel through `create_panel(session, parent) -> PanelEntry`,
#: in menu order. A module that is not there yet is skipped.
PANEL_MODULES: tuple[str, ...] = ("intake.panel", "handover.panel")
#: Feature packages (under counter_app.gui) whose `install(window, session)` adds several panels and notices.
FEATURES: tuple[str, ...] = ("tracking",)
#: The screen each role lands on after sign-in, first one present wins: the leader watches the figures, the
#: processing officer works from the list, the receiving officer receives. An administrator lands on intake: the
#: first-run wizard's only account is an administrator, who at a small unit is also the one at the counter (the
#: figures are one key away, F9).
LANDING: dict[Role, tuple[str, ...]] = {
    Role.LEADER: ("dashboard", "tracking"),
    Role.PROCESSOR: ("tracking",),
    Role.OFFICER: ("intake",),
    Role.ADMIN: ("intake", "dashboard"),
}


class MainWindow(QMainWindow):
    """Stack of panels switched from the "Chức năng" menu or their shortcuts (F6, F7 …)."""

    sign_out_requested = Signal()
    panel_changed = Signal(str)
    #: The window really closed: its drafts saved, the task runner's work delivered, the sync worker stopped.
    closed = Signal()
    settings_dialog_opened = Signal(object)

    def __init__(
        self,
        session: Session,
        panel_modules: Sequence[str] = PANEL_MODULES,
        features: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{self.app_name()} {__version__}")
        self.panels: dict[str, PanelEntry] = {}
        self._closed = False
        self._closing: CloseWaiter | None = None
        self._signing_out = False  # the next officer's session sends what waits: no question then
        self._quit_answer = ""  # QUIT or SEND_THEN_QUIT once the officer has answered about quitting
        self._panel_menus: dict[str, QMenu] = {}
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.status = CounterStatusBar(self)
        self.setStatusBar(self.status)
        self.status.follow(session)
        # asking the key store may take a while (D-Bus): on the pool, the sentence arrives when it is known
        session.runner.run(
            encryption_notice, session.app.data_dir, session.lang, on_done=self.status.set_encryption_notice
        )
        self._build_menus()
        self._connect()
        self._load_panels(panel_modules)
        self._connect_outcomes()
        self._install_features(FEATURES if features is None else features)
        self._install_dashboard_refusal()
        self._install_scanner()
        self._install_serial_scanner()
        self._install_sync()
        self._install_quit_guard()
        self._install_idle_lock()
        self._restore_geometry()
        self.show_panel(self.landing_panel())

    # ---- menus -------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.system_menu = bar.addMenu(self.tr("&Hệ thống"))
        self.settings_action = self._menu_action(self.system_menu, self.tr("Cài đặt…"), "Ctrl+,", "settings")
        self.accounts_action = self._menu_action(
            self.system_menu, self.tr("Quản lý tài khoản…"), "", "accounts"
        )
        self.accounts_action.setEnabled(self.session.may(Operation.CONFIGURE))
        self.system_menu.addSeparator()
        self.sign_out_action = self._menu_action(
            self.system_menu, self.tr("Đăng xuất"), "Ctrl+Shift+L", "signOut"
        )
        self.quit_action = self._menu_action(self.system_menu, self.tr("Thoát"), "Ctrl+Q", "quit")
        self.panels_menu = bar.addMenu(self.tr("&Chức năng"))
        self.help_menu = bar.addMenu(self.tr("&Trợ giúp"))
        self.shortcuts_action = self._menu_action(self.help_menu, self.tr("Phím tắt"), "F1", "shortcutsHelp")
        self.about_action = self._menu_action(self.help_menu, self.tr("Giới thiệu"), "", "about")

    def _menu_action(self, menu: QMenu, text: str, shortcut: str, name: str) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        return action

    def _connect(self) -> None:
        self.settings_action.triggered.connect(self._on_settings_triggered)
        self.accounts_action.triggered.connect(self._on_accounts_triggered)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.sign_out_requested.connect(self._on_sign_out_requested)  # first: the controller's close follows
        self.quit_action.triggered.connect(self.close)
        self.shortcuts_action.triggered.connect(self._on_shortcuts_triggered)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.stack.currentChanged.connect(self._on_stack_current_changed)

    # ---- panels ------------------------------------------------------------------------------------------------
    def _load_panels(self, modules: Sequence[str]) -> None:
        for name in modules:
            try:
                module = importlib.import_module(f"{__package__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith(f"{__package__}.{name.split('.')[0]}"):
                    continue  # a panel another part of the project has not delivered yet
                raise
            if not self.session.may(getattr(module, "OPERATION", Operation.VIEW)):
                continue  # the panel's work is not this account's (the core's role rules)
            entry = module.create_panel(self.session, self.stack)
            self.add_panel(entry.key, entry.widget, entry.title, entry.shortcut, entry.actions)
        if not self.panels:
            placeholder = QLabel(self.tr("Vai trò của bạn chưa có chức năng nào trên máy quầy."), self)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.add_panel("empty", placeholder, self.tr("Trống"))

    def _connect_outcomes(self) -> None:
        """What the intake and hand-over panels record is confirmed in the status bar, whatever is shown next."""
        intake, handover = self.panels.get("intake"), self.panels.get("handover")
        if intake is not None:
            intake.widget.dossier_received.connect(self._on_intake_dossier_received)  # type: ignore[attr-defined]
            intake.widget.supplement_recorded.connect(self._on_intake_supplement_recorded)  # type: ignore[attr-defined]
            intake.widget.dossier_refused.connect(self._on_intake_dossier_refused)  # type: ignore[attr-defined]
        if handover is not None:
            handover.widget.result_returned.connect(self._on_handover_result_returned)  # type: ignore[attr-defined]

    def _on_intake_dossier_received(self, dossier: Dossier) -> None:
        self.status.showMessage(self.tr("Đã tiếp nhận hồ sơ %1").replace("%1", dossier.code or ""), 10000)

    def _on_intake_supplement_recorded(self, dossier: Dossier) -> None:
        name = dossier.applicant.name
        self.status.showMessage(self.tr("Đã hướng dẫn bổ sung hồ sơ cho %1").replace("%1", name), 10000)

    def _on_intake_dossier_refused(self, dossier: Dossier) -> None:
        name = dossier.applicant.name
        self.status.showMessage(self.tr("Đã từ chối tiếp nhận hồ sơ của %1").replace("%1", name), 10000)

    def _on_handover_result_returned(self, dossier: Dossier) -> None:
        self.status.showMessage(self.tr("Đã trả kết quả hồ sơ %1").replace("%1", dossier.code or ""), 10000)

    def _install_features(self, features: Sequence[str]) -> None:
        for name in features:
            module = importlib.import_module(f"{__package__}.{name}")
            module.install(self, self.session)

    def _install_dashboard_refusal(self) -> None:
        """F9 for a role without the dashboard says why nothing opens instead of doing nothing."""
        if "dashboard" in self.panels:
            return
        self.dashboard_refusal = QAction(self)
        self.dashboard_refusal.setObjectName("dashboardRefused")
        self.dashboard_refusal.setShortcut(QKeySequence(DASHBOARD_SHORTCUT))
        self.dashboard_refusal.triggered.connect(self._on_dashboard_refusal_triggered)
        self.addAction(self.dashboard_refusal)

    def _on_dashboard_refusal_triggered(self) -> None:
        from .formats import role_name

        self.status.showMessage(
            self.tr(
                "Vai trò %1 không xem được bảng điều hành (F9): bảng này dành cho lãnh đạo và quản trị."
            ).replace("%1", role_name(self.session.account.role.value)),
            10000,
        )

    def landing_panel(self) -> str:
        """The panel this account's role starts on (`LANDING`), else the first one."""
        for key in LANDING.get(self.session.account.role, ()):
            if key in self.panels:
                return key
        return next(iter(self.panels))

    def _install_scanner(self) -> None:
        """Every scan, whatever read it, goes through one router (`gui/scan_router.py`) to the panel its kind
        belongs to; the USB scanner in keyboard mode works whichever widget has focus."""
        from .scan_gate import ScanGate
        from .scan_router import PanelRouting, ScanRouter, keyboard_scanner

        self.scan_router = ScanRouter(self.session.lang, parent=self)
        self.scan_routing = PanelRouting(self, self.scan_router)
        # a scan while a dialog is open waits for the dialog to close (held, and said so)
        self.scan_gate = ScanGate(self, self.scan_router)
        if "handover" not in self.panels and "intake" not in self.panels:
            return
        self.scanner = keyboard_scanner(self.session.settings, self.scan_router, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)

    def _apply_keyboard_scanner_settings(self) -> None:
        """Saved Settings take effect at once: the keyboard scanner's filter is made again from them."""
        if getattr(self, "scanner", None) is None:
            return
        from .scan_router import keyboard_scanner

        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.deleteLater()
        self.scanner = keyboard_scanner(self.session.settings, self.scan_router, self)
        if app is not None:
            app.installEventFilter(self.scanner)

    def _install_serial_scanner(self) -> None:
        """A scanner in USB-COM mode (Settings) feeds the same router as the keyboard's; its state is in the status
        bar, and saving Settings applies a changed port or mode."""
        from .serial_scanner_link import SerialScannerLink

        self.serial_scanner = SerialScannerLink(
            self.session.settings,
            self.scan_router,
            self.status,
            self.session.lang,
            self,
            enabled="handover" in self.panels or "intake" in self.panels,  # scans have somewhere to go
        )
        self.serial_scanner.apply_settings()

    def _install_sync(self) -> None:
        """Start the sync worker of this counter; its state goes to the status bar, parked items to a panel."""
        from .sync_link import SyncLink

        self.sync = SyncLink(self.session, self)
        self.sync_worker, self.sync_indicator = self.sync.worker, self.sync.indicator
        self.sync_panel = self.sync.panel
        self.status.set_sync_indicator(self.sync_indicator)
        if self.session.may(Operation.CONFIGURE):
            self.add_panel("sync", self.sync_panel, self.tr("Đồng bộ"), "F10")
            self.sync_indicator.details_requested.connect(lambda: self.show_panel("sync"))
        else:
            self.sync_panel.hide()
        self.session.runner.changed.connect(self._on_runner_changed)
        self.sync.start()
        worker = self.sync_worker
        self.destroyed.connect(lambda *_: worker.stop(timeout=0))  # a window dropped without closing

    def _on_runner_changed(self, changes: Changes) -> None:
        if changes.touches(Scope.UNIT):  # the next intake's code and forms use the unit as it is now
            from ..app.settings import unit

            self.session.submit(unit, on_done=self._on_unit_loaded)

    def _on_unit_loaded(self, unit: UnitConfig | None) -> None:
        self.session.unit = unit

    def _install_quit_guard(self) -> None:
        """Quitting with changes not yet sent to the server asks first (gui/closing.py)."""
        self.quit_guard = QuitGuard(self.session, self, lambda: self.sync_indicator.status)
        self.quit_guard.answered.connect(self._on_quit_guard_answered)

    def _on_sign_out_requested(self) -> None:
        self._signing_out = True

    def _on_quit_guard_answered(self, answer: str) -> None:
        if answer == STAY:
            return
        self._quit_answer = answer if answer in (QUIT, SEND_THEN_QUIT) else QUIT
        QTimer.singleShot(0, self.close)

    def _install_idle_lock(self) -> None:
        """Cover the window after the configured idle time; the officer's (or an admin's) password opens it."""
        from .idle_lock import IdleLock

        self.idle_lock = IdleLock(self, self.session)
        self.idle_lock.sign_out_requested.connect(self.sign_out_requested)

    def add_panel(
        self, key: str, widget: QWidget, title: str, shortcut: str = "", actions: Sequence[QAction] = ()
    ) -> QAction:
        """Add a page to the stack, an entry (with its shortcut) to "Chức năng", and a menu of its actions."""
        self.panels[key] = PanelEntry(key, widget, title, shortcut, list(actions))
        self.stack.addWidget(widget)
        refusal = getattr(self, "dashboard_refusal", None)
        if refusal is not None and shortcut == DASHBOARD_SHORTCUT:  # a panel added later owns F9
            self.removeAction(refusal)
        switch = self.panels_menu.addAction(title)
        switch.setObjectName(f"show:{key}")
        if shortcut:
            switch.setShortcut(QKeySequence(shortcut))
            switch.setToolTip(f"{title} ({shortcut})")
        switch.triggered.connect(lambda: self.show_panel(key))
        requested = getattr(widget, "activation_requested", None)
        if requested is not None:  # a panel may ask to come to the front (e.g. Ctrl+N from elsewhere)
            requested.connect(lambda: self.show_panel(key))
        if actions:
            menu = QMenu(title, self)
            for action in actions:
                menu.addAction(action)
                if action.shortcutContext() is not Qt.ShortcutContext.WidgetWithChildrenShortcut:
                    self.addAction(action)  # window-wide shortcuts work while another panel is shown
            self.menuBar().insertMenu(self.panels_menu.menuAction(), menu)
            self._panel_menus[key] = menu
        if len(self.panels) == 1:
            self.show_panel(key)
        else:
            self._on_stack_current_changed(self.stack.currentIndex())
        return switch

    def panel(self, key: str) -> QWidget:
        return self.panels[key].widget

    def current_panel_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, e in self.panels.items() if e.widget is current), "")

    def show_panel(self, key: str) -> None:
        self.stack.setCurrentWidget(self.panels[key].widget)

    def _on_stack_current_changed(self, _index: int) -> None:
        key = self.current_panel_key()
        for panel_key, menu in self._panel_menus.items():
            menu.menuAction().setVisible(panel_key == key)
        if key:
            self.setWindowTitle(f"{self.panels[key].title} — {self.app_name()} {__version__}")
            self.panel_changed.emit(key)

    def app_name(self) -> str:
        """The application's name in the window's language (a `tr` of its own: lupdate does not look into f-strings)."""
        return self.tr("Quầy Một cửa")

    # ---- dialogs -----------------------------------------------------------------------------------------------
    def _on_settings_triggered(self) -> None:
        from ..app.settings import office_hours

        self.session.submit(office_hours, on_done=self._on_office_hours_loaded)

    def _on_office_hours_loaded(self, hours: object) -> None:
        from .settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.session, str(hours), self)
        self.settings_dialog.unit_changed.connect(self._on_settings_unit_changed)
        self.settings_dialog.saved.connect(self.serial_scanner.apply_settings)
        self.settings_dialog.saved.connect(self._apply_keyboard_scanner_settings)
        self.settings_dialog.open()
        self.settings_dialog_opened.emit(self.settings_dialog)

    def _on_settings_unit_changed(self, unit: UnitConfig) -> None:
        self.session.unit = unit
        self.status.set_unit(unit)  # at once; the status bar also hears the change itself

    def _on_accounts_triggered(self) -> None:
        if not self.session.may(Operation.CONFIGURE):
            return
        from .accounts_dialog import AccountsDialog

        self.accounts_dialog = AccountsDialog(self.session, self)
        self.accounts_dialog.open()

    def _on_shortcuts_triggered(self) -> None:
        rows: list[tuple[str, str, bool]] = []
        for entry in self.panels.values():
            rows.append((entry.title, entry.shortcut, True))
            for action in entry.actions:
                keys = ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                )
                rows.append((action.text(), keys, False))
        rows.append((self.system_menu.title().replace("&", ""), "", True))
        for action in (self.settings_action, self.sign_out_action, self.quit_action, self.shortcuts_action):
            rows.append(
                (action.text(), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), False)
            )
        html = "".join(
            f"<tr><td>{'<b>' if bold else '&nbsp;&nbsp;'}{text}{'</b>' if bold else ''}</td>"
            f"<td>&nbsp;&nbsp;{keys}</td></tr>"
            for text, keys, bold in rows
        )
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Phím tắt"), f"<table>{html}</table>", parent=self
        )
        box.setObjectName("shortcutsHelp")
        box.open()

    def _on_about_triggered(self) -> None:
        from .message_boxes import AboutDialog

        self.about_box = AboutDialog(self)
        self.about_box.open()

    # ---- lifetime ----------------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.session.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1366, 768)

    def flush(self) -> None:
        """Save what must survive: each panel's draft (if it keeps one) and the window geometry."""
        for entry in self.panels.values():
            save = getattr(entry.widget, "save_draft_now", None)
            if callable(save):
                save()
        self.session.settings.window_geometry = bytes(self.saveGeometry().data())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Sign-out and quit never freeze: the window stays, disabled, with a notice of what it still finishes,
        and closes itself once the task runner and the sync worker are done (each wait bounded)."""
        if self._closed:
            super().closeEvent(event)
            return
        event.ignore()
        if self._closing is not None:
            return
        if not (self._signing_out or self._quit_answer) and self.quit_guard.may_have_unsent():
            self.quit_guard.ask()  # unsent changes are counted and the officer chooses; the answer closes again
            return
        send = self.quit_guard.final_send() if self._quit_answer == SEND_THEN_QUIT else None
        self._stop_working()
        self.setEnabled(False)
        self._closing = CloseWaiter(
            self.session.runner, self.sync_worker, self, send=send, unsent=self.quit_guard.unsent
        )
        self._closing.finished.connect(self._on_closing_finished, Qt.ConnectionType.QueuedConnection)
        self._closing.start()

    def close_now(self, timeout_s: float = 10.0) -> None:
        """Close at once, waiting (bounded) for the runner and the sync worker: for when no event loop runs any
        more (the application has quit)."""
        if self._closed:
            return
        if self._closing is None:
            self._stop_working()
        self.sync_worker.stop(timeout=timeout_s)
        self.session.runner.wait_idle(int(timeout_s * 1000))
        self._on_closing_finished()

    def _stop_working(self) -> None:
        """Take no more work: save what must survive, stop listening, ask the sync worker to end."""
        self.session.runner.changed.disconnect(self._on_runner_changed)
        self.sync.stop_listening()
        scanner = getattr(self, "scanner", None)
        app = QApplication.instance()
        if scanner is not None and app is not None:
            app.removeEventFilter(scanner)
        self.serial_scanner.stop()
        self.idle_lock.stop()
        self.flush()

    def _on_closing_finished(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.close()
        self.closed.emit()
