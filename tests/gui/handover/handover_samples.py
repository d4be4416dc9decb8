"""Dossiers in chosen states, a keyboard that types with timestamps and filmed receipts, for the hand-over tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp, handover
from counter_app.app.handover import Handover, HandoverLookup
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Dossier, Person, Rating, Representative, Status, UnitConfig
from counter_app.documents import FormKind, render_form
from counter_app.gui.handover.panel import HandoverPanel
from counter_app.storage.store import CounterStore

OFFICER = "canbo"
PROCESSOR = "xuly"
APPLICANT = Person(
    "Nguyễn Văn Đức", "001085012345", address="Số 12 phố Hàng Bạc, phường Hoàn Kiếm", phone="0912345678"
)


def record_handover(
    store: CounterStore,
    seen: Dossier,
    given: Handover,
    *,
    officer: str,
    at: datetime,
    rating: Rating | None = None,
    comment: str = "",
) -> Dossier:
    """The hand-over operation as `officer` performs it."""
    app, account = CounterApp(store), store.accounts.get(officer)
    return handover.record(app, account, seen, given, at=at, rating=rating, comment=comment).value


def lookup(store: CounterStore, key: str) -> HandoverLookup:
    return handover.lookup(CounterApp(store), store.accounts.get(OFFICER), key)


def search(store: CounterStore, text: str) -> list[Dossier]:
    return handover.search(CounterApp(store), store.accounts.get(OFFICER), text)


def receive(
    store: CounterStore,
    applicant: Person = APPLICANT,
    at: datetime | None = None,
    representative: Representative | None = None,
) -> Dossier:
    """A complete dossier received at the counter (code, appointment and book entry allocated)."""
    procedure = store.procedures()[0]
    draft = new_dossier(
        agency_id=store.require_unit().agency_id,
        procedure=procedure,
        applicant=applicant,
        at=at or datetime.now().replace(microsecond=0),
        officer=OFFICER,
        counter=store.require_unit().counter,
        components=full_set(procedure),
        representative=representative,
    )
    return store.receive(draft)


def make_ready(store: CounterStore, dossier: Dossier, unit: str = "Công chức Tư pháp - Hộ tịch") -> Dossier:
    """Transfer to a department, then mark the result ready (status 9), as processing would."""
    assert dossier.code is not None
    start = dossier.received_at
    store.advance(dossier.code, Status.PROCESSING, officer=OFFICER, unit=unit, receiver=PROCESSOR, at=start)
    return store.advance(
        dossier.code,
        Status.RESULT_READY,
        officer=PROCESSOR,
        unit="Bộ phận tiếp nhận và trả kết quả",
        at=start,
    )


class Keyboard:
    """Key presses with their own timestamps sent to the focused widget, as a person or a USB scanner types."""

    def __init__(self) -> None:
        self.clock_ms = 500_000

    def _send(self, kind: QEvent.Type, key: int, text: str, modifiers: Qt.KeyboardModifier) -> None:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has keyboard focus"
        event = QKeyEvent(kind, key, modifiers, text)
        event.setTimestamp(self.clock_ms)
        QCoreApplication.sendEvent(target, event)

    def type(self, text: str, gap_ms: int) -> None:
        for ch in text:
            self.clock_ms += gap_ms
            if ch == "\r":
                key, mods = int(Qt.Key.Key_Return), Qt.KeyboardModifier.NoModifier
            else:
                key = ord(ch.upper())
                mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
            self._send(QEvent.Type.KeyPress, key, ch, mods)
            self._send(QEvent.Type.KeyRelease, key, ch, mods)

    def scan(self, code: str) -> None:
        """A scanner burst: 4 ms between keys, then Enter."""
        self.clock_ms += 2_000
        self.type(code + "\r", 4)


# ---- receipts filmed by a "camera" ------------------------------------------------------------------------------
FRAME_SIZE = (1280, 720)
DESK_GREY = 95
VIDEO_DEGRADATIONS = ("clean", "blur", "rotate", "noise", "dark", "small")


def receipt_page(dossier: Dossier, unit: UnitConfig) -> np.ndarray:
    """Form 01 of `dossier` rendered at 150 dpi, as a BGR image."""
    pdf = pdfium.PdfDocument(render_form(FormKind.RECEIPT, dossier, unit))
    try:
        rgb = pdf[0].render(scale=150 / 72).to_numpy()
    finally:
        pdf.close()
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


def filmed(page: np.ndarray, degradation: str, seed: int = 7) -> np.ndarray:
    """The top of the receipt (title, barcode, QR) held in front of a 720p camera, degraded as named."""
    rng = np.random.default_rng(seed)
    crop = page[: page.shape[0] * 45 // 100]
    if degradation == "small":
        crop = cv2.resize(crop, None, fx=0.65, fy=0.65, interpolation=cv2.INTER_AREA)
    width, height = FRAME_SIZE
    frame = np.full((height, width, 3), DESK_GREY, np.uint8)
    h, w = crop.shape[:2]
    top, left = (height - h) // 2, (width - w) // 2
    frame[top : top + h, left : left + w] = crop
    if degradation == "rotate":
        turn = cv2.getRotationMatrix2D((width / 2, height / 2), 25, 1.0)
        frame = cv2.warpAffine(frame, turn, FRAME_SIZE, borderValue=(DESK_GREY,) * 3)
    elif degradation == "blur":
        frame = cv2.GaussianBlur(frame, (0, 0), sigmaX=1.6)
    elif degradation == "noise":
        noisy = frame.astype(np.float32) + rng.normal(0, 25, frame.shape).astype(np.float32)
        frame = np.clip(noisy, 0, 255).astype(np.uint8)
    elif degradation == "dark":
        frame = np.clip(frame.astype(np.float32) * 0.16 + 8, 0, 255).astype(np.uint8)
    elif degradation not in ("clean", "small"):
        raise ValueError(degradation)
    return frame


def write_video(path: Path, frames: list[np.ndarray], repeat: int, fps: float = 15.0) -> Path:
    """An MJPEG video showing each frame `repeat` times, read back later through `cv2.VideoCapture`."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, FRAME_SIZE)
    assert writer.isOpened()
    for frame in frames:
        for _ in range(repeat):
            writer.write(frame)
    writer.release()
    return path


def empty_desk() -> np.ndarray:
    return np.full((FRAME_SIZE[1], FRAME_SIZE[0], 3), DESK_GREY, np.uint8)


@dataclass
class CounterWindow:
    """A window like the counter's: another panel's text field beside the hand-over panel."""

    window: QWidget
    other_field: QLineEdit
    panel: HandoverPanel

    def focus(self, qtbot: QtBot, widget: QWidget) -> None:
        self.window.activateWindow()
        widget.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
