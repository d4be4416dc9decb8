"""Cutting the byte stream of a serial (USB-COM) barcode scanner into messages: suffix, UTF-8, NFC, a length bound.

A 2D scanner in USB-COM mode (a virtual serial port) sends each code it reads as bytes followed by its suffix
(CR, LF or CR LF). Unlike keyboard mode it sends UTF-8 as it is, so a chip ID card's Vietnamese name arrives
intact. The bytes come in chunks of any size: a message may be split across several reads, and one read may hold
several messages. `SerialFramer` takes the chunks as they come and returns what they complete, each either a
message's text (NFC) or a problem code worded in `messages.py` (`serial.not_utf8`, `serial.too_long`). It holds
no Qt: `qt_serial_scanner.py` feeds it from `QSerialPort`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from counter_app.core.errors import DomainError

#: The suffixes a scanner may end its messages with (the setting's values), and their bytes.
SUFFIXES: dict[str, bytes] = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n"}
DEFAULT_SUFFIX = "cr"
#: The speeds offered in Settings (bits per second; USB-COM scanners ignore it, real serial ones do not).
BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
DEFAULT_BAUD = 9600
#: A chip ID card's QR holds about 150 bytes and a QR code at most 2,953: longer is not a scan.
MAX_MESSAGE_BYTES = 4096
#: Bytes trimmed from both ends of a message: C0 controls and DEL (a CR or LF of another suffix, STX/ETX framing).
_EDGE_CONTROLS = bytes([*range(0x20), 0x7F])

SERIAL_NO_PORT = "serial.no_port"
SERIAL_NOT_FOUND = "serial.not_found"
SERIAL_PERMISSION = "serial.permission"
SERIAL_NOT_SERIAL = "serial.not_serial"
SERIAL_OPEN_FAILED = "serial.open_failed"
SERIAL_LOST = "serial.lost"
SERIAL_NOT_UTF8 = "serial.not_utf8"
SERIAL_TOO_LONG = "serial.too_long"
SERIAL_NO_SUFFIX = "serial.no_suffix"


class SerialScannerError(DomainError):
    """The serial scanner could not be opened, was lost, or sent something that is not a message (params: port)."""

    code = SERIAL_LOST


@dataclass(frozen=True)
class Received:
    """One complete message: its text, or the code of what was wrong with its bytes (`text` then empty)."""

    text: str = ""
    problem: str = ""


class SerialFramer:
    """Collects chunks of bytes and returns the messages (or problems) each chunk completes, in order."""

    def __init__(self, suffix: str = DEFAULT_SUFFIX, max_bytes: int = MAX_MESSAGE_BYTES) -> None:
        if suffix not in SUFFIXES:
            raise ValueError(f"unknown suffix {suffix!r}; one of {sorted(SUFFIXES)}")
        self.suffix = suffix
        self.max_bytes = max_bytes
        self._separator = SUFFIXES[suffix]
        self._buffer = bytearray()
        self._overflowed = False  # dropping the rest of a message that was too long, up to its suffix

    @property
    def pending(self) -> bool:
        """True while bytes wait for their suffix."""
        return bool(self._buffer) or self._overflowed

    def feed(self, chunk: bytes) -> list[Received]:
        """Add the bytes just read; return every message they complete."""
        self._buffer += chunk
        done: list[Received] = []
        while True:
            end = self._buffer.find(self._separator)
            if end < 0:
                break
            frame = bytes(self._buffer[:end])
            del self._buffer[: end + len(self._separator)]
            if self._overflowed:
                self._overflowed = False  # the tail of a message already reported as too long
                continue
            received = self._message(frame)
            if received is not None:
                done.append(received)
        if len(self._buffer) > self.max_bytes:
            self._buffer.clear()
            if not self._overflowed:
                self._overflowed = True
                done.append(Received(problem=SERIAL_TOO_LONG))
        return done

    def drop_pending(self) -> Received | None:
        """Forget bytes that never got their suffix (the caller saw a long pause): `serial.no_suffix` when there
        were any, so the officer learns the scanner's suffix is not the one set."""
        had_text = bool(self._buffer.strip(_EDGE_CONTROLS))
        self.reset()
        return Received(problem=SERIAL_NO_SUFFIX) if had_text else None

    def reset(self) -> None:
        self._buffer.clear()
        self._overflowed = False

    def _message(self, frame: bytes) -> Received | None:
        frame = frame.strip(_EDGE_CONTROLS)
        if not frame:
            return None  # an empty line, or the LF of a CR LF when the suffix is set to CR
        if len(frame) > self.max_bytes:
            return Received(problem=SERIAL_TOO_LONG)
        try:
            text = frame.decode("utf-8")
        except UnicodeDecodeError:
            return Received(problem=SERIAL_NOT_UTF8)
        text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
        return Received(text=text) if text else None


__all__ = [
    "BAUD_RATES",
    "DEFAULT_BAUD",
    "DEFAULT_SUFFIX",
    "MAX_MESSAGE_BYTES",
    "SUFFIXES",
    "Received",
    "SerialFramer",
    "SerialScannerError",
]
