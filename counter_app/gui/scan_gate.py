"""Scans that arrive while a dialog is open wait for it to close: held, announced, then handled; never applied
underneath the dialog.

A modal dialog (a refusal's reason, Settings, a question) is a conversation the officer is in the middle of; a scan
then must not switch the window behind it to another dossier or fill the form behind it. `ScanGate` sits at the
router's door (`ScanRouter.gate`): while `QApplication.activeModalWidget()` is set, a scan from the USB or serial
scanner is held (the latest one, which replaces any held before), a note in the dialog and in the status bar says so,
and the scan goes through the router as soon as the last dialog has closed. A card read by the camera goes through
at once: the camera's own window is the dialog it was read in. A window that is closing drops what it held. While
the idle lock covers the window, every scan is dropped with a sentence: nothing changes under the cover.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QLabel,
    QMainWindow,
    QWidget,
)

from ..core.codes import ScanKind, classify_scan

#: Where scans come from that the gate never holds (see the module's docstring).
PASSES_THROUGH = frozenset({"camera"})
#: How long the sentence about a scan dropped under the idle lock stays in the status bar.
LOCKED_MS = 10_000


@dataclass(frozen=True)
class HeldScan:
    text: str
    source: str


class ScanGate(QObject):
    """Holds the scans that come while a modal dialog is open; hands them to the router when it has closed."""

    #: A scan was held; the sentence said about it.
    scan_held = Signal(str)
    #: The held scan goes to the router now (its text).
    scan_released = Signal(str)

    def __init__(self, window: QMainWindow, router: object) -> None:
        super().__init__(window)
        self.window = window
        self.router = router
        self.held: HeldScan | None = None
        self.note: QLabel | None = None
        self._dialog: QWidget | None = None
        self._sentence = ""
        router.gate = self  # type: ignore[attr-defined]

    def holds(self, text: str, source: str) -> bool:
        """True when the scan must wait (it is held and announced) or is dropped (the counter is locked: nothing
        changes under the idle lock's cover; the officer unlocks and scans again); False to let the router handle
        it now."""
        lock = getattr(self.window, "idle_lock", None)
        if lock is not None and lock.is_locked:
            self.window.statusBar().showMessage(
                self.tr("Máy quầy đang khóa: mở khóa rồi quét lại."), LOCKED_MS
            )
            return True
        if source in PASSES_THROUGH:
            return False
        dialog = QApplication.activeModalWidget()
        if dialog is None or not self.window.isEnabled():
            return False
        self.held = HeldScan(text, source)
        self._sentence = self.describe(text)
        self._watch(dialog)
        self._announce(dialog)
        self.scan_held.emit(self._sentence)
        return True

    def describe(self, text: str) -> str:
        """What the note says about a held scan (a card's personal data is not repeated)."""
        kind = classify_scan(text)
        if kind is ScanKind.DOSSIER_CODE:
            what = self.tr("mã hồ sơ %1").replace("%1", text)
        elif kind is ScanKind.ID_CARD:
            what = self.tr("thẻ căn cước")
        else:
            what = self.tr("một mã")
        return self.tr("Đã nhận một lần quét (%1); sẽ xử lý khi đóng hộp thoại này.").replace("%1", what)

    # ---- the dialog ----------------------------------------------------------------------------------------------
    def _watch(self, dialog: QWidget) -> None:
        if self._dialog is dialog:
            return
        self._forget_dialog()
        self._dialog = dialog
        dialog.installEventFilter(self)
        dialog.destroyed.connect(self._on_dialog_destroyed)

    def _forget_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.removeEventFilter(self)
            dialog.destroyed.disconnect(self._on_dialog_destroyed)
        if self.note is not None and shiboken6.isValid(self.note):
            self.note.deleteLater()
        self.note = None

    def _announce(self, dialog: QWidget) -> None:
        """The sentence at the foot of the dialog (when its layout takes one) and in the window's status bar."""
        if self.note is None or not shiboken6.isValid(self.note):
            self.note = self._add_note(dialog)
        if self.note is not None:
            self.note.setText(self._sentence)
        self.window.statusBar().showMessage(self._sentence)

    def _add_note(self, dialog: QWidget) -> QLabel | None:
        layout = dialog.layout()
        note = QLabel(dialog)
        note.setObjectName("heldScanNote")
        note.setWordWrap(True)
        note.setStyleSheet(
            "#heldScanNote { background: #fff4ce; border: 1px solid #d9a400; border-radius: 4px; padding: 4px 8px; }"
        )
        if isinstance(layout, QGridLayout):
            layout.addWidget(note, layout.rowCount(), 0, 1, max(1, layout.columnCount()))
        elif isinstance(layout, QFormLayout):
            layout.addRow(note)
        elif isinstance(layout, QBoxLayout):
            layout.addWidget(note)
        else:
            note.deleteLater()
            return None
        note.show()
        return note

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._dialog and event.type() == QEvent.Type.Hide:
            # after the dialog's own answer has been acted on (its `finished` handlers run first)
            QTimer.singleShot(0, self._on_dialog_closed)
        return False

    def _on_dialog_destroyed(self, *_args: object) -> None:
        self._dialog = None
        self.note = None
        QTimer.singleShot(0, self._on_dialog_closed)

    def _on_dialog_closed(self) -> None:
        if self.held is None:
            self._forget_dialog()
            return
        if self._dialog is not None and shiboken6.isValid(self._dialog) and self._dialog.isVisible():
            return  # shown again meanwhile
        dialog = QApplication.activeModalWidget()
        if dialog is not None:  # another dialog is still open (one opened from the other): wait for it too
            self._watch(dialog)
            self._announce(dialog)
            return
        self._forget_dialog()
        held, self.held = self.held, None
        if self.window.statusBar().currentMessage() == self._sentence:
            self.window.statusBar().clearMessage()
        if not self.window.isEnabled():
            return  # the window is closing (signed out, quit): nothing more is opened in it
        self.scan_released.emit(held.text)
        self.router.handle(held.text, held.source)  # type: ignore[attr-defined]
