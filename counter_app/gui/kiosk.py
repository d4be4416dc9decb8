"""The citizens' self-lookup kiosk (`counter-app --kiosk`): scan or type a dossier code, see where the dossier is.

It shows the procedure, the current stage and unit, the appointment and whether the dossier is on time, with
the applicant's name masked and no other personal data. A new scan (or typing) on the result page replaces it at
once. It returns to the start page after a short idle time, counting the seconds down on the result page, and
cannot be left (close, Esc, Alt+F4) without an administrator's password.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

from ..app import accounts, tracking
from ..app.base import CounterApp
from ..app.settings import unit as configured_unit
from ..core.codes import is_dossier_code
from ..core.listing import PublicStatus
from ..core.model import Status, UnitConfig
from ..core.roles import Account, Operation, may
from ..core.statuses import Timeliness
from ..messages import status_name
from ..settings import CounterSettings
from .formats import format_appointment
from .forms.ui_kiosk import Ui_KioskWindow
from .forms.ui_kiosk_unlock_dialog import Ui_UnlockDialog
from .tasks import TaskRunner
from .widgets import accept_button

if TYPE_CHECKING:
    from ..cli.context import CliContext

Clock = Callable[[], datetime]
#: Idle time after which the kiosk goes back to its start page.
IDLE_MS = 30_000
#: How often the countdown looks at the clock (a second is shown as soon as it has passed).
TICK_MS = 200
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_SEPARATORS = re.compile(r"[\s/?=&#,;|]+")


def find_dossier_code(text: str) -> str | None:
    """The dossier code in what was scanned or typed (the whole text, or one part of a longer QR payload)."""
    text = text.strip()
    if is_dossier_code(text):
        return text
    return next((part for part in _SEPARATORS.split(text) if is_dossier_code(part)), None)


class KioskWindow(QWidget):
    """Full-screen self-lookup: a start page with one focused code field, and a result page (ui/kiosk.ui)."""

    lookup_finished = Signal(object)  # PublicStatus, or None when no dossier has the code
    returned_to_start = Signal()
    unlocked = Signal()
    #: Seconds left before the result page goes back to the start page, each time the shown number changes.
    countdown_changed = Signal(int)

    def __init__(
        self,
        app: CounterApp,
        settings: CounterSettings,
        lang: str = "vi",
        parent: QWidget | None = None,
        *,
        clock: Clock = datetime.now,
        idle_ms: int = IDLE_MS,
        wall_clock: Clock = datetime.now,
    ) -> None:
        """`clock`: the time dossiers are judged at (on time or late); `wall_clock`: the time the idle countdown
        runs on (tests move it with their pinned clock)."""
        super().__init__(parent)
        self.app = app
        self.settings = settings
        self.lang = lang
        self.clock = clock
        self.wall_clock = wall_clock
        self.idle = timedelta(milliseconds=idle_ms)
        self.runner = TaskRunner(self)
        self.result: PublicStatus | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self._unlocked = False
        self._deadline: datetime | None = None
        self._shown_seconds = -1
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.idle_timer = QTimer(self)  # looks at the wall clock while the idle countdown runs
        self.idle_timer.setInterval(min(TICK_MS, idle_ms))
        self._build()
        self._connect()
        self.show_start()

    # ---- building ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        """The two pages and their look come from ui/kiosk.ui."""
        self.ui = Ui_KioskWindow()
        self.ui.setupUi(self)
        self.stack = self.ui.stack
        self.start_page, self.result_page = self.ui.startPage, self.ui.resultPage
        self.agency = self.ui.agency  # the unit's name, once read
        self.code = self.ui.code
        self.lookup_button = self.ui.lookupButton
        self.message = self.ui.kioskMessage
        self.values: dict[str, QLabel] = {
            key: getattr(self.ui, f"{key}Value")
            for key in ("code", "name", "procedure", "status", "unit", "appointment", "progress")
        }
        self.back_button = self.ui.againButton
        self.idle_hint = self.ui.idleHint
        self._show_seconds_left(self.idle_seconds())

    def _connect(self) -> None:
        self.code.returnPressed.connect(self._on_code_return_pressed)
        self.lookup_button.clicked.connect(self._on_code_return_pressed)
        self.back_button.clicked.connect(self.show_start)
        self.idle_timer.timeout.connect(self._on_idle_timer_tick)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.runner.submit(configured_unit, self.app, None, on_done=self._on_unit_loaded)

    def _on_unit_loaded(self, unit: UnitConfig | None) -> None:
        self.agency.setText(unit.agency_name if unit else "")

    # ---- pages -------------------------------------------------------------------------------------------------
    def show_kiosk(self) -> None:
        """Full screen, above other windows."""
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.showFullScreen()

    def show_start(self) -> None:
        self.result = None
        self.code.clear()
        self.message.show_error(None, "")
        self.stack.setCurrentWidget(self.start_page)
        self.code.setFocus()
        self.stop_countdown()
        self.returned_to_start.emit()

    def look_up(self, text: str) -> None:
        """Find the dossier in the background; the result page (or a message) follows."""
        code = find_dossier_code(text)
        if code is None:
            self.message.show_error(
                None, self.tr("Mã hồ sơ không đúng định dạng. Hãy quét lại hoặc nhập đúng mã trên giấy hẹn.")
            )
            self.code.selectAll()
            self.restart_countdown()
            return
        self.lookup_button.setEnabled(False)
        self.runner.submit(
            tracking.public_lookup,
            self.app,
            None,
            code,
            self.clock(),
            on_done=self._on_lookup_done,
            on_error=self._on_lookup_failed,
        )

    def _on_lookup_done(self, found: PublicStatus | None) -> None:
        self.lookup_button.setEnabled(True)
        self.restart_countdown()
        if found is None:
            self.message.show_error(
                None, self.tr("Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại mã trên giấy hẹn.")
            )
            self.code.selectAll()
        else:
            self.show_result(found)
        self.lookup_finished.emit(found)

    def _on_lookup_failed(self, _exc: object) -> None:
        self.lookup_button.setEnabled(True)
        self.restart_countdown()
        self.message.show_error(
            None, self.tr("Chưa tra cứu được, xin mời thử lại hoặc liên hệ quầy tiếp nhận.")
        )

    def show_result(self, found: PublicStatus) -> None:
        self.result = found
        v = self.values
        v["code"].setText(found.code)
        v["name"].setText(found.masked_name)
        v["procedure"].setText(found.procedure_name)
        v["status"].setText(status_name(found.status, self.lang))
        v["unit"].setText(found.unit)
        appointment = format_appointment(found.appointment, self.lang)
        if found.rescheduled:
            appointment += " " + self.tr("(đã hẹn lại)")
        v["appointment"].setText(appointment)
        text, colour = self.progress(found)
        v["progress"].setText(
            f"<span style='background:{colour}; padding:4px'>&nbsp;{html.escape(text)}&nbsp;</span>"
        )
        self.stack.setCurrentWidget(self.result_page)
        self.back_button.setFocus()

    def progress(self, found: PublicStatus) -> tuple[str, str]:
        """Whether the dossier is on time, in words (and a matching background colour)."""
        green, red, blue, grey = "#d8f0dc", "#f8d7da", "#e6f2ff", "#eeeeee"
        t = found.timeliness
        if found.status is Status.SUPPLEMENT_REQUESTED and t is Timeliness.IN_TIME:
            return self.tr("Tạm dừng tính hạn: chờ bổ sung giấy tờ"), blue
        texts = {
            Timeliness.IN_TIME: (self.tr("Đang giải quyết, trong hạn"), green),
            Timeliness.OVERDUE: (self.tr("Đã quá hạn hẹn trả"), red),
            Timeliness.EARLY: (self.tr("Đã giải quyết trước hạn"), green),
            Timeliness.ON_TIME: (self.tr("Đã giải quyết đúng hạn"), green),
            Timeliness.LATE: (self.tr("Đã giải quyết, trễ hạn"), red),
        }
        return texts.get(t, (self.tr("Không áp dụng"), grey))

    # ---- the idle countdown ------------------------------------------------------------------------------------
    def idle_seconds(self) -> int:
        return math.ceil(self.idle.total_seconds())

    def seconds_left(self) -> int | None:
        """Whole seconds before the kiosk goes back to its start page (rounded up), None while nothing counts."""
        if self._deadline is None:
            return None
        left = (self._deadline - self.wall_clock()).total_seconds()
        return max(0, math.ceil(left))

    def restart_countdown(self) -> None:
        """Someone used the kiosk: the idle time starts again from the full count."""
        self._deadline = self.wall_clock() + self.idle
        self.idle_timer.start()
        self._show_seconds_left(self.idle_seconds())

    def stop_countdown(self) -> None:
        self._deadline = None
        self.idle_timer.stop()
        self._show_seconds_left(self.idle_seconds())

    def _on_idle_timer_tick(self) -> None:
        if self._deadline is None:
            self.idle_timer.stop()
            return
        left = (self._deadline - self.wall_clock()).total_seconds()
        if left > self.idle.total_seconds() + 1:  # the clock was set back: count from the full time again
            self.restart_countdown()
            return
        if left <= 0:
            self._on_idle_timer_timeout()
            return
        self._show_seconds_left(math.ceil(left))

    def _show_seconds_left(self, seconds: int) -> None:
        if seconds == self._shown_seconds:
            return
        self._shown_seconds = seconds
        self.idle_hint.setText(self.tr("Màn hình sẽ tự quay về trang đầu sau <b>%n</b> giây.", "", seconds))
        self.countdown_changed.emit(seconds)

    def _on_idle_timer_timeout(self) -> None:
        if self.unlock_dialog is not None and self.unlock_dialog.isVisible():
            self.unlock_dialog.reject()
        self.show_start()

    # ---- staying put -------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        touched = event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
        if not touched:
            return False
        if isinstance(event, QKeyEvent) and self._starts_a_new_lookup(watched, event):
            return True
        away_from_start = (
            self.stack.currentWidget() is self.result_page or self.code.text() or self.message.isVisible()
        )
        if away_from_start:
            self.restart_countdown()  # someone is using the kiosk: the idle time starts again
        return False

    def _starts_a_new_lookup(self, watched: QObject, event: QKeyEvent) -> bool:
        """A scan (or typing) while a result is shown: the next citizen's code. The result goes at once, the code
        field takes this key and the rest of the burst, and its Enter looks the new code up."""
        if self.stack.currentWidget() is not self.result_page:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self:
            return False  # the unlock dialog's keys are its own
        if watched is not QApplication.focusWidget() and watched is not self:
            return False  # the copy of the key sent on to a parent
        if event.modifiers() & _COMMAND_MODIFIERS or not event.text() or not event.text().isprintable():
            return False
        self.result = None
        self.code.clear()
        self.message.show_error(None, "")
        self.stack.setCurrentWidget(self.start_page)
        self.code.setFocus()
        self.restart_countdown()
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat())
        QCoreApplication.sendEvent(self.code, copy)
        return True

    def _on_code_return_pressed(self) -> None:
        self.look_up(self.code.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.ask_unlock()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self._unlocked:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.runner.shutdown()
            event.accept()
            return
        event.ignore()
        self.ask_unlock()

    def ask_unlock(self) -> None:
        """Ask for an administrator's username and password; only then may the kiosk close."""
        if self.unlock_dialog is not None and self.unlock_dialog.isVisible():
            return
        self.unlock_dialog = UnlockDialog(self.app, self.runner, self)
        self.unlock_dialog.admin_verified.connect(self._on_unlock_dialog_admin_verified)
        self.unlock_dialog.open()

    def _on_unlock_dialog_admin_verified(self, _account: Account) -> None:
        self._unlocked = True
        self.unlocked.emit()
        self.close()

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked


class UnlockDialog(QDialog):
    """Administrator sign-in that lets the kiosk close (ui/kiosk_unlock_dialog.ui); checked off the GUI thread."""

    admin_verified = Signal(object)  # Account
    refused = Signal()

    def __init__(self, app: CounterApp, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._runner = runner
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self.username = self.ui.adminUsername
        self.password = self.ui.adminPassword
        self.error = self.ui.unlockError
        self.buttons = self.ui.buttons
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.username.setFocus()

    def _on_buttons_accepted(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_error(None, self.tr("Hãy nhập tài khoản và mật khẩu quản trị."))
            return
        accept_button(self.buttons).setEnabled(False)
        # a sign-in: counted towards the name's lockout and written to the audit trail
        self._runner.submit(
            accounts.sign_in,
            self._app,
            None,
            username,
            password,
            on_done=self._on_verify_done,
            on_error=lambda _refused: self._on_verify_done(None),
        )

    def _on_verify_done(self, account: Account | None) -> None:
        accept_button(self.buttons).setEnabled(True)
        self.password.clear()
        if account is None or not may(account, Operation.CONFIGURE):
            self.error.show_error(self.password, self.tr("Sai tài khoản quản trị hoặc mật khẩu."))
            self.refused.emit()
            return
        self.admin_verified.emit(account)
        self.accept()


def launch_kiosk(ctx: CliContext) -> int:
    """Open the kiosk on the data folder of `ctx` (as `counter-app --kiosk --data-dir DIR` does) and run it."""
    from .launcher import launch

    return launch(ctx, demo=False, kiosk=True, data_dir_given=True)
