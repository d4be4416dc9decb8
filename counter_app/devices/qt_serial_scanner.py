"""A barcode scanner in USB-COM mode, read through `QSerialPort`: its messages, its problems, and reopening it.

`SerialScanner` opens the configured port at the configured speed (8 data bits, no parity, one stop bit), reads
bytes as they arrive (`readyRead`, never blocking the GUI thread) and hands them to `SerialFramer`. Each complete
message is emitted as `message_scanned(text)`, for the same scan handling as the keyboard wedge's scans. What goes
wrong is emitted as `problem(SerialScannerError)`, a code worded in `messages.py`: a port that cannot be opened
(absent, no permission or held by another program, not a serial port), a port lost while open (the scanner
unplugged), a message that is not UTF-8 or too long, bytes without the expected suffix. A port that is absent or
lost is tried again on a timer and reopened as soon as it is back; `state_changed` tells the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort

from .serial_scanner import (
    DEFAULT_BAUD,
    DEFAULT_SUFFIX,
    MAX_MESSAGE_BYTES,
    SERIAL_LOST,
    SERIAL_NO_PORT,
    SERIAL_NOT_FOUND,
    SERIAL_NOT_SERIAL,
    SERIAL_OPEN_FAILED,
    SERIAL_PERMISSION,
    Received,
    SerialFramer,
    SerialScannerError,
)

STATE_OFF = "off"
STATE_READY = "ready"
STATE_WAITING = "waiting"  # the port is not there (yet, or any more): tried again on a timer

#: How often an absent or lost port is tried again, and how long bytes may wait for their suffix.
RETRY_MS = 3000
PAUSE_MS = 1000

_OPEN_ERRORS = {
    QSerialPort.SerialPortError.DeviceNotFoundError: SERIAL_NOT_FOUND,
    QSerialPort.SerialPortError.PermissionError: SERIAL_PERMISSION,
    QSerialPort.SerialPortError.UnsupportedOperationError: SERIAL_NOT_SERIAL,
}
#: Errors of an open port that mean it is gone (an unplugged USB device reads as an I/O error).
_LOST_ERRORS = (QSerialPort.SerialPortError.ResourceError, QSerialPort.SerialPortError.ReadError)


class SerialScanner(QObject):
    """One serial scanner on `port` (`COM3`, `/dev/ttyACM0`, a pseudo-terminal): `start()`, then signals."""

    message_scanned = Signal(str)
    problem = Signal(object)  # SerialScannerError
    state_changed = Signal(str)  # STATE_OFF | STATE_READY | STATE_WAITING

    def __init__(
        self,
        port: str,
        parent: QObject | None = None,
        *,
        baud: int = DEFAULT_BAUD,
        suffix: str = DEFAULT_SUFFIX,
        max_bytes: int = MAX_MESSAGE_BYTES,
        retry_ms: int = RETRY_MS,
        pause_ms: int = PAUSE_MS,
    ) -> None:
        super().__init__(parent)
        self.port_name = port.strip()
        self.baud = baud
        self.framer = SerialFramer(suffix, max_bytes)
        self.state = STATE_OFF
        self.last_problem: SerialScannerError | None = None
        self._port = QSerialPort(self)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._connect()

    def _connect(self) -> None:
        self._port.readyRead.connect(self._on_port_ready_read)
        self._port.errorOccurred.connect(self._on_port_error_occurred)
        self._retry.timeout.connect(self._on_retry_timeout)
        self._pause.timeout.connect(self._on_pause_timeout)

    # ---- lifetime ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the port now; when it is not there, say so and keep trying."""
        if not self.port_name:
            self._announce(SERIAL_NO_PORT)
            self._set_state(STATE_OFF)
            return
        self._try_open()

    def stop(self) -> None:
        """Close the port and stop trying; nothing more is emitted but `state_changed(off)`."""
        self._retry.stop()
        self._pause.stop()
        if self._port.isOpen():
            self._port.close()
        self.framer.reset()
        self._set_state(STATE_OFF)

    @property
    def is_open(self) -> bool:
        return self._port.isOpen()

    def _try_open(self) -> None:
        self._port.setPortName(self.port_name)
        if not self._port.open(QSerialPort.OpenModeFlag.ReadWrite) and not self._open_read_only():
            self._wait(_OPEN_ERRORS.get(self._port.error(), SERIAL_OPEN_FAILED))
            return
        if not self._configure():
            self._port.close()
            self._wait(SERIAL_OPEN_FAILED)
            return
        self._port.setDataTerminalReady(
            True
        )  # some scanners send only then; a pseudo-terminal has no DTR line
        self._port.clearError()
        self.framer.reset()
        self.last_problem = None
        self._set_state(STATE_READY)
        if self._port.bytesAvailable():
            self._on_port_ready_read()

    def _open_read_only(self) -> bool:
        """A port that may be read but not written (its permissions) still delivers scans."""
        if self._port.error() != QSerialPort.SerialPortError.PermissionError:
            return False
        return self._port.open(QSerialPort.OpenModeFlag.ReadOnly)

    def _configure(self) -> bool:
        port = self._port
        return (
            port.setBaudRate(self.baud)
            and port.setDataBits(QSerialPort.DataBits.Data8)
            and port.setParity(QSerialPort.Parity.NoParity)
            and port.setStopBits(QSerialPort.StopBits.OneStop)
            and port.setFlowControl(QSerialPort.FlowControl.NoFlowControl)
        )

    def _wait(self, code: str) -> None:
        """The port is not usable: say why (once per reason) and try again later."""
        self._announce(code, detail=self._port.errorString())
        self._set_state(STATE_WAITING)
        self._retry.start()

    # ---- reading -----------------------------------------------------------------------------------------------
    def _on_port_ready_read(self) -> None:
        for received in self.framer.feed(bytes(self._port.readAll().data())):
            self._deliver(received)
        if self.framer.pending:
            self._pause.start()
        else:
            self._pause.stop()

    def _on_pause_timeout(self) -> None:
        received = self.framer.drop_pending()
        if received is not None:
            self._deliver(received)

    def _deliver(self, received: Received) -> None:
        if received.problem:
            self.problem.emit(SerialScannerError(received.problem, port=self.port_name))
        else:
            self.message_scanned.emit(received.text)

    # ---- losing the port and getting it back -------------------------------------------------------------------
    def _on_port_error_occurred(self, error: QSerialPort.SerialPortError) -> None:
        if error in _LOST_ERRORS and self.state == STATE_READY:
            QTimer.singleShot(0, self, self._on_port_lost)  # not from inside the port's own notifier

    def _on_port_lost(self) -> None:
        if self.state != STATE_READY:
            return
        self._pause.stop()
        self._port.close()
        self.framer.reset()
        self.last_problem = None
        self._wait(SERIAL_LOST)

    def _on_retry_timeout(self) -> None:
        if self.state == STATE_WAITING:
            self._try_open()

    def _announce(self, code: str, detail: str = "") -> None:
        """Emit `problem` unless it only repeats the last one (an unplugged port is absent on every retry)."""
        last = self.last_problem.code if self.last_problem is not None else ""
        if code == last or (last == SERIAL_LOST and code == SERIAL_NOT_FOUND):
            return
        self.last_problem = SerialScannerError(code, port=self.port_name, detail=detail)
        self.problem.emit(self.last_problem)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)


__all__ = ["PAUSE_MS", "RETRY_MS", "STATE_OFF", "STATE_READY", "STATE_WAITING", "SerialScanner"]
