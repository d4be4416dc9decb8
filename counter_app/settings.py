"""The counter's device settings (language, printers, paper, scanner, camera, server, window): one typed wrapper over QSettings.

Every key and its default is declared once below as a `Setting`; code reads `settings.language`, never a
raw QSettings key. Business data (unit, office hours, catalogue) is not here: it lives in the database.
Settings are kept per data folder (`<data folder>/settings.ini`), so a demo profile and a real profile
on one machine do not share printers or geometry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, bytes)

SETTINGS_FILE = "settings.ini"
LANGUAGES = ("vi", "en")
PAPERS = ("a5", "a4", "thermal80")
#: How the barcode scanner reaches the counter (`scanner_mode`).
SCANNER_MODES = ("keyboard", "serial")
#: Forms the counter prints; each remembers its own printer.
FORMS = ("receipt", "supplement", "refusal", "apology", "stop", "control")


class Setting(Generic[T]):
    """One typed key with its default; read and written as an attribute of `CounterSettings`."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default: T = default

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, obj: CounterSettings, owner: type) -> T: ...
    def __get__(self, obj: CounterSettings | None, owner: type) -> Setting[T] | T:
        if obj is None:
            return self
        return obj._read(self.key, self.default)

    def __set__(self, obj: CounterSettings, value: T) -> None:
        obj._write(self.key, value)


class CounterSettings:
    """Typed access to the device settings; pass a QSettings (tests) or use `for_data_dir`."""

    language: Setting[str] = Setting("ui/language", "vi")
    paper: Setting[str] = Setting("print/paper", "a5")
    scanner_max_interval_ms: Setting[int] = Setting("scanner/max_interval_ms", 30)
    scanner_min_length: Setting[int] = Setting("scanner/min_length", 6)
    scanner_prefix: Setting[str] = Setting("scanner/prefix", "")
    scanner_suffix: Setting[str] = Setting("scanner/suffix", "")
    #: What ends a keyboard scanner's scans: "enter", "tab" or "none" (then a pause ends them).
    scanner_terminator: Setting[str] = Setting("scanner/terminator", "enter")
    #: How the barcode scanner sends its scans: typing as a keyboard, or over a serial (USB-COM) port in UTF-8.
    scanner_mode: Setting[str] = Setting("scanner/mode", "keyboard")
    #: The serial scanner's port (`COM3`, `/dev/ttyACM0`), speed and end of message (`cr`, `lf` or `crlf`).
    scanner_serial_port: Setting[str] = Setting("scanner/serial_port", "")
    scanner_serial_baud: Setting[int] = Setting("scanner/serial_baud", 9600)
    scanner_serial_suffix: Setting[str] = Setting("scanner/serial_suffix", "cr")
    camera_index: Setting[int] = Setting("camera/index", 0)
    #: The folder the office scanner saves into ("scan to folder"), watched while digitising; "" when none.
    scan_folder: Setting[str] = Setting("scanner/scan_folder", "")
    server_url: Setting[str] = Setting("server/url", "")
    due_soon_hours: Setting[int] = Setting("dossiers/due_soon_hours", 24)
    last_username: Setting[str] = Setting("signin/last_username", "")
    #: Minutes without keyboard or mouse input before the main window locks (1–120).
    idle_lock_minutes: Setting[int] = Setting("signin/idle_lock_minutes", 10)
    window_geometry: Setting[bytes] = Setting("window/geometry", b"")
    window_state: Setting[bytes] = Setting("window/state", b"")

    def __init__(self, backend: QSettings) -> None:
        self._backend = backend

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> CounterSettings:
        """Settings kept in `<data_dir>/settings.ini`."""
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat))

    @property
    def path(self) -> str:
        return self._backend.fileName()

    def printer_for(self, form: str) -> str:
        """Name of the printer last chosen for `form` ("" = the system default)."""
        return str(self._read(f"print/printer_{self._form(form)}", ""))

    def set_printer_for(self, form: str, printer_name: str) -> None:
        self._write(f"print/printer_{self._form(form)}", printer_name)

    def is_stored(self, setting: Setting[Any]) -> bool:
        """True when a value was saved for `setting` (e.g. `settings.is_stored(CounterSettings.language)`)."""
        return bool(self._backend.contains(setting.key))

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._backend.sync()

    def reset(self) -> None:
        """Forget every stored value (defaults apply again)."""
        self._backend.clear()

    # ---- internals ---------------------------------------------------------------------------------------------
    @staticmethod
    def _form(form: str) -> str:
        if form not in FORMS:
            raise KeyError(form)
        return form

    def _read(self, key: str, default: Any) -> Any:
        raw: Any = self._backend.value(key, None)
        if raw is None:
            return default
        try:
            if isinstance(default, bool):
                return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, bytes):
                return bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
            return str(raw)
        except (TypeError, ValueError):
            return default

    def _write(self, key: str, value: Any) -> None:
        if isinstance(value, bytes):
            value = QByteArray(value)
        self._backend.setValue(key, value)


__all__ = ["FORMS", "LANGUAGES", "PAPERS", "SCANNER_MODES", "CounterSettings", "Setting"]
