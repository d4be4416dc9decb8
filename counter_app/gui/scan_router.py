"""The one way in for every scan, whatever read it: classified once (`core.codes.classify_scan`), sent on by kind.

Readers of scans (the USB scanner typing as a keyboard, `devices/qt_wedge.py`; a scanner on a serial port; the
webcam) call `ScanRouter.handle(text, source)` and nothing else. The router emits one signal per kind and the
main window connects each to the screen it belongs to: a dossier code opens the hand-over, a chip ID card fills
the intake's applicant (or authorised person), a code mangled by a Vietnamese input method explains the input
method, anything else is named as unrecognised. No reader decides on its own what a text is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from ..core.codes import ScanKind, classify_scan, looks_like_mangled_code
from ..core.errors import ValidationError
from ..core.idcard import looks_like_id_card, parse_id_card
from ..messages import describe

#: Where a scan came from (`handle`'s `source`).
SOURCE_KEYBOARD = "keyboard"  # a USB scanner in keyboard mode, caught by the app-wide event filter
SOURCE_SERIAL = "serial"  # a scanner in USB-COM (virtual serial port) mode
SOURCE_CAMERA = "camera"  # the webcam
#: How much of an unrecognised scan a message repeats.
SHOWN_LENGTH = 60


def shorten(text: str, length: int = SHOWN_LENGTH) -> str:
    """`text` on one line, cut to `length` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"


class ScanRouter(QObject):
    """Classifies each scan and emits the signal of its kind (the main window connects them to the panels)."""

    #: A dossier code (text as scanned, trimmed): the hand-over panel opens it.
    dossier_code_scanned = Signal(str)
    #: A chip ID card's QR code whose fields pass their checks (`core.idcard.IdCard`), and its source.
    id_card_scanned = Signal(object, str)
    #: A text with the card's shape whose fields fail a check: the sentence saying which.
    id_card_refused = Signal(str)
    #: A dossier code's outline with letters no code has (an input method such as Unikey was on).
    mangled_code_scanned = Signal(str)
    #: Anything else: the sentence saying the scan was not recognised, and its source.
    unknown_scanned = Signal(str, str)

    def __init__(
        self, lang: str, today: Callable[[], date] = date.today, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._today = today

    def handle(self, text: str, source: str = SOURCE_KEYBOARD) -> None:
        """A scan from any reader: decide what it is and emit the signal of its kind."""
        text = text.strip()
        if not text:
            return
        kind = classify_scan(text)
        if kind is ScanKind.DOSSIER_CODE:
            self.dossier_code_scanned.emit(text)
        elif kind is ScanKind.ID_CARD or looks_like_id_card(text):
            self._card(text, source)
        elif looks_like_mangled_code(text):
            self.mangled_code_scanned.emit(text)
        else:
            self.unknown_scanned.emit(
                self.tr("Mã vừa quét không phải mã hồ sơ hay thẻ căn cước: «%1».").replace("%1", shorten(text)),
                source,
            )

    def _card(self, text: str, source: str) -> None:
        try:
            card = parse_id_card(text, self._today())
        except ValidationError as exc:
            self.id_card_refused.emit(
                self.tr("Không dùng được thẻ căn cước vừa quét: %1").replace("%1", describe(exc, self._lang))
            )
            return
        self.id_card_scanned.emit(card, source)
