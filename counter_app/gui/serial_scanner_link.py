"""The serial (USB-COM) scanner beside the main window: started from the settings, its scans sent to the scan router.

When Settings choose the USB-COM mode, `SerialScannerLink` runs a `devices.qt_serial_scanner.SerialScanner` on the
chosen port and speed. Each message goes to `ScanRouter.handle(text, "serial")`, the same way in as the keyboard
wedge's scans; each problem (port absent, refused, lost; a message that is not UTF-8) becomes a sentence in the
status bar, and the scanner's state stays shown there as a permanent label. Saving Settings applies a changed port,
speed, suffix or mode at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..devices import serial_scanner as serial
from ..devices.qt_serial_scanner import STATE_READY, SerialScanner
from ..messages import describe
from .scan_router import SOURCE_SERIAL

if TYPE_CHECKING:
    from ..settings import CounterSettings
    from .scan_router import ScanRouter
    from .statusbar import CounterStatusBar

#: How long a sentence about the scanner stays in the status bar.
MESSAGE_MS = 10_000
#: The settings a running serial scanner was started with: (port, speed, suffix).
Config = tuple[str, int, str]
#: Problems of the port itself (kept as the state label's tooltip until the port is ready), not of one message.
PORT_PROBLEMS = frozenset(
    {
        serial.SERIAL_NO_PORT,
        serial.SERIAL_NOT_FOUND,
        serial.SERIAL_PERMISSION,
        serial.SERIAL_NOT_SERIAL,
        serial.SERIAL_OPEN_FAILED,
        serial.SERIAL_LOST,
    }
)


class SerialScannerLink(QObject):
    """Owns the serial scanner of one signed-in window (none in keyboard mode) and shows its state."""

    def __init__(
        self,
        settings: CounterSettings,
        router: ScanRouter,
        status: CounterStatusBar,
        lang: str,
        parent: QObject | None = None,
        *,
        enabled: bool = True,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.router = router
        self.status = status
        self.lang = lang
        self.enabled = enabled  # False when this account has no screen a scan could go to
        self.scanner: SerialScanner | None = None
        self._config: Config | None = None
        self._problem = ""

    def wanted(self) -> Config | None:
        """What the settings ask for now: None in keyboard mode (or when disabled)."""
        s = self.settings
        if not self.enabled or s.scanner_mode != "serial":
            return None
        suffix = (
            s.scanner_serial_suffix if s.scanner_serial_suffix in serial.SUFFIXES else serial.DEFAULT_SUFFIX
        )
        return (s.scanner_serial_port.strip(), s.scanner_serial_baud, suffix)

    def apply_settings(self) -> None:
        """Start, restart or stop the scanner so that it runs as the settings say (nothing when they did not change)."""
        wanted = self.wanted()
        if wanted == self._config and (wanted is None) == (self.scanner is None):
            return
        self.stop()
        self._config = wanted
        if wanted is None:
            return
        port, baud, suffix = wanted
        self.scanner = SerialScanner(port, self, baud=baud, suffix=suffix)
        self.scanner.message_scanned.connect(self._on_scanner_message_scanned)
        self.scanner.problem.connect(self._on_scanner_problem)
        self.scanner.state_changed.connect(self._on_scanner_state_changed)
        self._show_state()
        self.scanner.start()

    def stop(self) -> None:
        """Close the port (signing out, quitting, or another mode chosen)."""
        scanner, self.scanner = self.scanner, None
        self._config = None
        self._problem = ""
        if scanner is not None:
            scanner.stop()
            scanner.deleteLater()
        self.status.set_scanner_state("")

    # ---- the scanner's signals ---------------------------------------------------------------------------------
    def _on_scanner_message_scanned(self, text: str) -> None:
        # the window's IdleLock (gui/idle_lock.py), once installed; under its cover the router's gate drops the scan
        lock = getattr(self.parent(), "idle_lock", None)
        if lock is not None and not lock.is_locked:
            lock.note_activity()  # a scan is the officer at work, as a key press is
        self.router.handle(text, SOURCE_SERIAL)

    def _on_scanner_problem(self, problem: serial.SerialScannerError) -> None:
        sentence = describe(problem, self.lang)
        if problem.code in PORT_PROBLEMS:
            self._problem = sentence
            self._show_state()
        self.status.showMessage(sentence, MESSAGE_MS)

    def _on_scanner_state_changed(self, state: str) -> None:
        if state == STATE_READY:
            if self._problem:  # it was away: say it is back
                self.status.showMessage(
                    self.tr("Đã kết nối máy quét ở cổng %1.").replace(
                        "%1", self.scanner.port_name if self.scanner else ""
                    ),
                    MESSAGE_MS,
                )
            self._problem = ""
        self._show_state()

    def _show_state(self) -> None:
        scanner = self.scanner
        if scanner is None:
            self.status.set_scanner_state("")
            return
        port = scanner.port_name or self.tr("chưa chọn cổng")
        if scanner.state == STATE_READY:
            text = self.tr("Máy quét (%1): sẵn sàng").replace("%1", port)
            tooltip = self.tr("Máy quét chế độ cổng COM, tốc độ %1 baud").replace("%1", str(scanner.baud))
        else:  # waiting for the port, or no port chosen
            text = self.tr("Máy quét (%1): chưa kết nối").replace("%1", port)
            tooltip = self._problem
        self.status.set_scanner_state(text, tooltip, ready=scanner.state == STATE_READY)
