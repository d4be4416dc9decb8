"""Application-wide Qt event filter that catches USB scanner (keyboard wedge) input anywhere in the app.

Install one `ScannerEventFilter` on the QApplication. It feeds the focused widget's key presses, with
their own timestamps, to a `WedgeDetector` (see `wedge.py` for the hold-back approach):

* keys that may belong to a scan are held back; if the burst turns out to be typing (too slow, not ended by the
  scanner's suffix, or not something a scanner reads, however fast) they are re-delivered, in order and
  synchronously, to the widget that had focus when they were typed;
* a completed scan emits `scanned(text)` (the main window hands it to `gui.scan_router.ScanRouter.handle`, which
  decides what it is); its characters and its Enter never reach the widget;
* a pause timer decides a burst that is not followed by another key.

Keys with Ctrl/Alt/Meta, non-text keys, auto-repeat and synthetic events without a timestamp are never
held (held keys are delivered first, so order is kept). Key releases pass through untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from .wedge import WedgeDetector, WedgeResult, looks_scanned

_BLOCKING_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)


@dataclass(frozen=True)
class HeldKey:
    """A key press held back: a copy of the event and the widget it was meant for."""

    event: QKeyEvent
    target: QWidget


class ScannerEventFilter(QObject):
    """Swallows scanner bursts app-wide and reports them; lets human typing through unchanged."""

    #: A burst taken for a scan: its text without prefix and suffix.
    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_interval_ms: int = 30,
        min_length: int = 6,
        prefix: str = "",
        suffix: str = "",
        terminator: str = "\r",
        pause_margin_ms: int = 20,
        accept: Callable[[str], bool] = looks_scanned,
    ) -> None:
        super().__init__(parent)
        self.detector: WedgeDetector[HeldKey] = WedgeDetector(
            max_interval_ms, min_length, prefix, suffix, terminator, accept
        )
        self._replaying = False
        self._since_last_key = QElapsedTimer()
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.setInterval(max_interval_ms + pause_margin_ms)
        self._pause_timer.timeout.connect(self._on_pause_timer_timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return False  # the window-level copy and propagation to parents are not ours
        if event.key() in _MODIFIER_KEYS:
            return False  # Shift presses come between a scanner's upper-case letters
        char = self._char_of(event)
        if char is None:
            self._deliver(self.detector.flush())
            return False
        self._since_last_key.restart()
        result = self.detector.feed(char, int(event.timestamp()), HeldKey(self._copy(event), watched))
        self._apply(result)
        if self.detector.holding:
            self._pause_timer.start()
        else:
            self._pause_timer.stop()
        return result.swallow

    def _char_of(self, event: QKeyEvent) -> str | None:
        """The character to feed the detector, or None for keys that are never held."""
        if event.timestamp() == 0 or event.isAutoRepeat() or event.modifiers() & _BLOCKING_MODIFIERS:
            return None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = "\r"
        elif event.key() == Qt.Key.Key_Tab:
            text = "\t"
        else:
            text = event.text()
        terminator = self.detector.terminator
        if (terminator and text == terminator) or (len(text) == 1 and text.isprintable()):
            return text
        return None

    def _on_pause_timer_timeout(self) -> None:
        if self._since_last_key.isValid() and self._since_last_key.elapsed() < self.detector.max_interval_ms:
            self._pause_timer.start()  # a key came in meanwhile; wait for the real pause
            return
        self._apply(self.detector.pause())

    def _apply(self, result: WedgeResult[HeldKey]) -> None:
        self._deliver(result.release)
        if result.scanned is not None:
            self.scanned.emit(result.scanned)

    def _deliver(self, keys: tuple[HeldKey, ...]) -> None:
        """Send held keys, in order and synchronously, to the widgets they were typed into."""
        self._replaying = True
        try:
            for held in keys:
                if shiboken6.isValid(held.target):
                    QCoreApplication.sendEvent(held.target, held.event)
        finally:
            self._replaying = False

    @staticmethod
    def _copy(event: QKeyEvent) -> QKeyEvent:
        copy = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        copy.setTimestamp(event.timestamp())
        return copy
