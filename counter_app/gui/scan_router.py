"""The one way in for every scan, whatever read it: classified once (`core.codes.classify_scan`), sent on by kind.

Readers of scans (the USB scanner typing as a keyboard, `devices/qt_wedge.py`; a scanner on a serial port; the
webcam) call `ScanRouter.handle(text, source)` and nothing else. The router emits one signal per kind and the
main window connects each to the screen it belongs to: a dossier code opens the hand-over, a chip ID card fills
the intake's applicant (or authorised person), form 02's reference reopens the intake waiting for papers, a code
mangled by a Vietnamese input method explains the input method, anything else is named as unrecognised. No reader
decides on its own what a text is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ..core.codes import ScanKind, classify_scan, looks_like_mangled_code
from ..core.errors import ValidationError
from ..core.idcard import IdCard, looks_like_id_card, parse_id_card
from ..core.references import parse_reference
from ..messages import describe
from ..settings import CounterSettings

if TYPE_CHECKING:
    from ..devices.camera import FrameSource
    from ..devices.qt_wedge import ScannerEventFilter
    from .intake.card_camera import CardCameraDialog
    from .main_window import MainWindow
    from .scan_gate import ScanGate

#: Where a scan came from (`handle`'s `source`).
SOURCE_KEYBOARD = "keyboard"  # a USB scanner in keyboard mode, caught by the app-wide event filter
SOURCE_SERIAL = "serial"  # a scanner in USB-COM (virtual serial port) mode
SOURCE_CAMERA = "camera"  # the webcam
#: How much of an unrecognised scan a message repeats.
SHOWN_LENGTH = 60
#: How long a sentence about a scan stays in the status bar.
MESSAGE_MS = 10_000
#: The scanner's terminator as the settings name it (`scanner_terminator`) and as the wedge detector takes it.
TERMINATOR_KEYS = {"enter": "\r", "tab": "\t", "none": ""}


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
    #: The reference on form 02 of an intake kept waiting for papers (`core.references`, printed form): the
    #: intake reopens it.
    supplement_reference_scanned = Signal(str)
    #: Anything else: the sentence saying the scan was not recognised, and its source.
    unknown_scanned = Signal(str, str)

    def __init__(
        self, lang: str, today: Callable[[], date] = date.today, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._today = today
        #: Holds scans while a dialog is open (`gui/scan_gate.py`); set by the gate itself.
        self.gate: ScanGate | None = None

    def handle(self, text: str, source: str = SOURCE_KEYBOARD) -> None:
        """A scan from any reader: decide what it is and emit the signal of its kind (later, when the gate holds it
        while a dialog is open)."""
        text = text.strip()
        if not text:
            return
        if self.gate is not None and self.gate.holds(text, source):
            return
        kind = classify_scan(text)
        if kind is ScanKind.DOSSIER_CODE:
            self.dossier_code_scanned.emit(text)
        elif kind is ScanKind.ID_CARD or looks_like_id_card(text):
            self._card(text, source)
        elif kind is ScanKind.SUPPLEMENT_REFERENCE:
            self.supplement_reference_scanned.emit(parse_reference(text) or text)
        elif looks_like_mangled_code(text):
            self.mangled_code_scanned.emit(text)
        else:
            self.unknown_scanned.emit(
                self.tr("Mã vừa quét không phải mã hồ sơ hay thẻ căn cước: «%1».").replace(
                    "%1", shorten(text)
                ),
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


def camera_reads(text: str) -> bool:
    """What the hand-over's camera takes as read: a dossier code, a form 02 reference or a chip ID card (anything
    else in view, a product's barcode say, is passed over without a word)."""
    return classify_scan(text) is not ScanKind.OTHER


class PanelRouting(QObject):
    """The main window's part: each kind of scan to the panel it belongs to, or a sentence in the status bar.

    A dossier code opens the hand-over. A card fills the intake's applicant (the authorised person when that
    section has focus), bringing the intake to the front, except on the hand-over screen, where it looks for the
    card holder's dossiers instead. A code mangled by an input method gets the hand-over's hint about Unikey.
    """

    def __init__(self, window: MainWindow, router: ScanRouter) -> None:
        super().__init__(window)
        self.window = window
        self.router = router
        settings = window.session.settings
        #: Opens the webcam for the intake's "read the card with the camera" (tests give a recorded one).
        self.camera_source: Callable[[], FrameSource] = lambda: _webcam(settings.camera_index)
        self.card_camera: CardCameraDialog | None = None
        intake = self._panel("intake")
        if intake is not None:
            intake.applicant.card_bar.camera_button.show()
            intake.applicant.card_bar.camera_clicked.connect(self._on_card_bar_camera_clicked)
        handover = self._panel("handover")
        if handover is not None:  # the hand-over's camera reads what a scanner reads, and goes the same way
            handover.camera_view.accept = camera_reads
            handover.camera_view.code_read.disconnect(handover._on_camera_view_code_read)
            handover.camera_view.code_read.connect(lambda text: router.handle(text, SOURCE_CAMERA))
        router.dossier_code_scanned.connect(self._on_router_dossier_code_scanned)
        router.id_card_scanned.connect(self._on_router_id_card_scanned)
        router.id_card_refused.connect(self._on_router_id_card_refused)
        router.mangled_code_scanned.connect(self._on_router_mangled_code_scanned)
        router.supplement_reference_scanned.connect(self._on_router_supplement_reference_scanned)
        router.unknown_scanned.connect(self._on_router_unknown_scanned)

    def _panel(self, key: str) -> Any:
        entry = self.window.panels.get(key)
        return entry.widget if entry is not None else None

    def _tell(self, sentence: str) -> None:
        self.window.statusBar().showMessage(sentence, MESSAGE_MS)

    def _on_router_dossier_code_scanned(self, code: str) -> None:
        handover = self._panel("handover")
        if handover is None:
            self._tell(
                self.tr(
                    "Mã hồ sơ %1: tài khoản này không trả kết quả; tìm hồ sơ trong danh sách hồ sơ."
                ).replace("%1", code)
            )
            return
        handover.open_code(code)

    def _on_router_id_card_scanned(self, card: IdCard, _source: str) -> None:
        handover, intake = self._panel("handover"), self._panel("intake")
        if handover is not None and self.window.current_panel_key() == "handover":
            handover.find_card_holder(card)
            return
        if intake is None:
            self._tell(self.tr("Thẻ căn cước dùng để điền người nộp ở màn hình Tiếp nhận hồ sơ."))
            return
        target = None if self.window.current_panel_key() == "intake" else "applicant"
        self.window.show_panel("intake")
        intake.applicant.fill_from_card(card, target)

    def _on_router_id_card_refused(self, sentence: str) -> None:
        intake = self._panel("intake")
        if intake is not None and self.window.current_panel_key() == "intake":
            intake.applicant.show_card_problem(sentence)
        self._tell(sentence)

    def _on_router_mangled_code_scanned(self, text: str) -> None:
        handover = self._panel("handover")
        if handover is not None:
            handover.show_rejected_scan(text)
        else:
            self._tell(
                self.tr(
                    "Mã vừa quét không phải mã hồ sơ hợp lệ: «%1». Kiểm tra bộ gõ tiếng Việt (Unikey) đang tắt."
                ).replace("%1", shorten(text))
            )

    def _on_router_supplement_reference_scanned(self, reference: str) -> None:
        intake = self._panel("intake")
        if intake is None:
            self._tell(
                self.tr(
                    "Phiếu yêu cầu bổ sung %1: hồ sơ chưa được tiếp nhận; cán bộ tiếp nhận tiếp tục hồ sơ này ở màn "
                    "hình Tiếp nhận hồ sơ."
                ).replace("%1", reference)
            )
            return
        intake.continue_intake(reference)  # brings the intake to the front

    def _on_router_unknown_scanned(self, sentence: str, _source: str) -> None:
        self._tell(sentence)

    def _on_card_bar_camera_clicked(self) -> None:
        from .intake.card_camera import CardCameraDialog  # OpenCV loads only when the camera is used

        if self.card_camera is None:  # one window, made once and opened again each time
            self.card_camera = CardCameraDialog(lambda: self.camera_source(), self.window)
            self.card_camera.card_read.connect(self._on_card_camera_card_read)
        self.card_camera.open()

    def _on_card_camera_card_read(self, text: str) -> None:
        self.router.handle(text, SOURCE_CAMERA)


def keyboard_scanner(settings: CounterSettings, router: ScanRouter, parent: QObject) -> ScannerEventFilter:
    """The app-wide filter for a USB scanner in keyboard mode, configured from the settings, feeding `router`."""
    from ..devices.qt_wedge import ScannerEventFilter

    scanner = ScannerEventFilter(
        parent,
        max_interval_ms=settings.scanner_max_interval_ms,
        min_length=settings.scanner_min_length,
        prefix=settings.scanner_prefix,
        suffix=settings.scanner_suffix,
        terminator=TERMINATOR_KEYS.get(settings.scanner_terminator, "\r"),
    )
    scanner.scanned.connect(lambda text: router.handle(text, SOURCE_KEYBOARD))
    return scanner


def _webcam(index: int) -> FrameSource:
    from ..devices.camera import OpenCvSource

    return OpenCvSource(index)
