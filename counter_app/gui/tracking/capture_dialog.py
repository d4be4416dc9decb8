"""Digitising a component with the document camera or webcam, page by page.

The live view shows the camera with the page's outline as the worker finds it; a page held still is taken on its
own (Space takes it at once). Pages taken line up below, where they can be moved, turned, taken again or removed
before the component is saved as one PDF. The camera's threads read and analyse (devices.page_camera) and also draw
what the window shows (the scaled, outlined preview; a page's thumbnail), so this window only paints what the bridge
hands it. One preview is in flight at a time: while the window has not shown the last one (busy with the officer's
typing, or the machine loaded), the camera's threads draw none, so previews never queue up in front of key presses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...app import digitise
from ...core.attachments import Attachment
from ...core.errors import DomainError
from ...core.model import Dossier
from ...devices.camera import FrameSource
from ...devices.page_camera import PageCameraWorker
from ...devices.page_scan import PageCorners, encode_jpeg
from ...messages import describe
from ..bridge import WorkerBridge
from ..handover.camera_view import frame_to_image
from ..session import Session
from ..widgets import ErrorLabel

PREVIEW = QSize(640, 360)
THUMB = QSize(120, 170)


def outlined(frame: np.ndarray, corners: PageCorners, size: QSize) -> QImage:
    """The frame scaled for the live view with the page's outline drawn (green when a page is found)."""
    h, w = frame.shape[:2]
    scale = min(size.width() / w, size.height() / h)
    small = cv2.resize(frame, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    if small.ndim == 2:
        small = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)
    if corners.found:
        points = (np.array(corners.points) * scale).astype(np.int32)
        cv2.polylines(small, [points], True, (60, 200, 60), 3)
    return frame_to_image(small, size)


def thumbnail_image(page: np.ndarray) -> QImage:
    """A taken page scaled for the strip (drawn on the camera's thread: about 9 ms for a 200 dpi A4 page)."""
    return frame_to_image(page, THUMB)


def thumbnail(page: np.ndarray) -> QIcon:
    return QIcon(QPixmap.fromImage(thumbnail_image(page)))


class CaptureDialog(QDialog):
    """Takes the pages of one component and saves them as its digitised copy."""

    page_taken = Signal(int)  # how many pages there are now
    saved = Signal(object)  # the Attachment

    def __init__(
        self,
        session: Session,
        dossier: Dossier,
        component: int,
        source_factory: Callable[[], FrameSource],
        parent: QWidget | None = None,
        *,
        steady_frames: int = 4,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dossier = dossier
        self.component = component
        self.source_factory = source_factory
        self.steady_frames = steady_frames
        self.pages: list[np.ndarray] = []
        self._retake_at: int | None = None
        self._worker: PageCameraWorker | None = None
        self._bridge: WorkerBridge | None = None
        self._preview_shown = threading.Event()  # set: the window is ready for the next preview
        self._icons: list[tuple[np.ndarray, QIcon]] = []  # each page's thumbnail, made once per page
        self.previews_shown = 0
        self.setObjectName("captureDialog")
        name = dossier.procedure.component(component).name
        self.setWindowTitle(self.tr("Số hóa: %1").replace("%1", name))
        self.preview = QLabel(self)
        self.preview.setObjectName("capturePreview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #202020; color: #dddddd;")
        self.preview.setText(self.tr("Đang mở camera…"))
        self.hint = QLabel(
            self.tr("Đặt trang giấy dưới camera và giữ yên: trang được chụp tự động (hoặc nhấn Cách)."), self
        )
        self.hint.setWordWrap(True)
        self.strip = QListWidget(self)
        self.strip.setObjectName("capturedPages")
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setIconSize(THUMB)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setFixedHeight(THUMB.height() + 48)
        self.capture_button = QPushButton(self.tr("Chụp ngay (Cách)"), self)
        self.capture_button.setObjectName("captureNow")
        self.left_button = QPushButton(self.tr("◀ Lên trước"), self)
        self.left_button.setObjectName("pageEarlier")
        self.right_button = QPushButton(self.tr("Ra sau ▶"), self)
        self.right_button.setObjectName("pageLater")
        self.rotate_button = QPushButton(self.tr("Xoay ⟳"), self)
        self.rotate_button.setObjectName("pageRotate")
        self.retake_button = QPushButton(self.tr("Chụp lại"), self)
        self.retake_button.setObjectName("pageRetake")
        self.delete_button = QPushButton(self.tr("Xóa trang"), self)
        self.delete_button.setObjectName("pageDelete")
        self.save_button = QPushButton(self.tr("Lưu bản số hóa"), self)
        self.save_button.setObjectName("captureSave")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.message = ErrorLabel("capture", self)
        tools = QHBoxLayout()
        for b in (self.capture_button, self.left_button, self.right_button, self.rotate_button):
            tools.addWidget(b)
        for b in (self.retake_button, self.delete_button):
            tools.addWidget(b)
        tools.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.hint)
        layout.addWidget(self.strip)
        layout.addLayout(tools)
        layout.addLayout(bottom)
        self.capture_button.clicked.connect(self.capture_now)
        self.left_button.clicked.connect(lambda: self.move_page(-1))
        self.right_button.clicked.connect(lambda: self.move_page(1))
        self.rotate_button.clicked.connect(self.rotate_page)
        self.retake_button.clicked.connect(self.retake_page)
        self.delete_button.clicked.connect(self.delete_page)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.strip.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()

    # ---- the camera ------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._worker is not None:
            return
        bridge = WorkerBridge()
        bridge.on("preview", self._on_preview)
        bridge.on("page", self._on_page)
        bridge.on("failed", self._on_failed)
        post_page = bridge.poster("page")
        self._preview_shown.set()
        worker = PageCameraWorker(
            self.source_factory(),
            on_preview=self._preview_poster(bridge),
            on_page=lambda page: post_page(page, thumbnail_image(page)),
            on_error=bridge.poster("failed"),
            on_stopped=lambda _reason: None,
            steady_frames=self.steady_frames,
        )
        self._worker, self._bridge = worker, bridge
        worker.start()

    def _preview_poster(self, bridge: WorkerBridge) -> Callable[[np.ndarray, PageCorners], None]:
        """The worker's `on_preview` (called on the camera's thread): draws and posts a preview only when the window
        has shown the previous one; otherwise the frame is let go (the next analysis brings a newer one)."""
        post_preview, ready = bridge.poster("preview"), self._preview_shown

        def offer(frame: np.ndarray, corners: PageCorners) -> None:
            if not ready.is_set():
                return
            ready.clear()
            post_preview(outlined(frame, corners, PREVIEW), corners.found)

        return offer

    def stop(self) -> None:
        if self._worker is None or self._bridge is None:
            return
        self._bridge.detach()
        self._worker.stop(timeout=2.0)
        self._worker = self._bridge = None

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self.start()

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Space:
            self.capture_now()
            return
        super().keyPressEvent(event)

    def capture_now(self) -> None:
        if self._worker is not None:
            self._worker.capture_now()

    def _on_preview(self, image: QImage, found: bool) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.previews_shown += 1
        self.hint.setText(
            self.tr("Đã thấy trang giấy: giữ yên để chụp.")
            if found
            else self.tr("Đặt trang giấy dưới camera và giữ yên: trang được chụp tự động (hoặc nhấn Cách).")
        )
        self._preview_shown.set()

    def _on_page(self, page: np.ndarray, thumb: QImage | None = None) -> None:
        if self._retake_at is not None and self._retake_at <= len(self.pages):
            index = self._retake_at
            self._retake_at = None
        else:
            index = len(self.pages)
        self.pages.insert(index, page)
        if thumb is not None:
            self._icons.append((page, QIcon(QPixmap.fromImage(thumb))))
        self._refresh_strip(index)
        self.page_taken.emit(len(self.pages))

    def _on_failed(self, code: str) -> None:
        self.message.show_error(None, describe(DomainError(code), self.session.lang))

    # ---- the pages ---------------------------------------------------------------------------------------------
    def _icon(self, page: np.ndarray) -> QIcon:
        """The page's thumbnail: the one made when it was taken, or a new one for a page turned or added since."""
        for kept, icon in self._icons:
            if kept is page:
                return icon
        return thumbnail(page)

    def _refresh_strip(self, current: int) -> None:
        icons = [self._icon(page) for page in self.pages]
        self._icons = list(zip(self.pages, icons, strict=True))  # pages removed or turned let theirs go
        self.strip.clear()
        for number, icon in enumerate(icons, start=1):
            item = QListWidgetItem(icon, self.tr("Trang %1").replace("%1", str(number)), self.strip)
            item.setSizeHint(QSize(THUMB.width() + 16, THUMB.height() + 36))
        if self.pages:
            self.strip.setCurrentRow(max(0, min(current, len(self.pages) - 1)))
        self._update_buttons()

    def _selected(self) -> int | None:
        row = self.strip.currentRow()
        return row if 0 <= row < len(self.pages) else None

    def move_page(self, step: int) -> None:
        row = self._selected()
        if row is None or not 0 <= row + step < len(self.pages):
            return
        self.pages[row], self.pages[row + step] = self.pages[row + step], self.pages[row]
        self._refresh_strip(row + step)

    def rotate_page(self) -> None:
        row = self._selected()
        if row is not None:
            self.pages[row] = cv2.rotate(self.pages[row], cv2.ROTATE_90_CLOCKWISE)
            self._refresh_strip(row)

    def retake_page(self) -> None:
        """Remove the selected page; the next page taken goes in its place."""
        row = self._selected()
        if row is not None:
            del self.pages[row]
            self._retake_at = row
            self._refresh_strip(row)
            self.hint.setText(
                self.tr("Chụp lại trang %1: đặt trang dưới camera.").replace("%1", str(row + 1))
            )

    def delete_page(self) -> None:
        row = self._selected()
        if row is not None:
            del self.pages[row]
            self._refresh_strip(row)

    def _update_buttons(self) -> None:
        row = self._selected()
        for b in (self.rotate_button, self.retake_button, self.delete_button):
            b.setEnabled(row is not None)
        self.left_button.setEnabled(row is not None and row > 0)
        self.right_button.setEnabled(row is not None and row < len(self.pages) - 1)
        self.save_button.setEnabled(bool(self.pages))

    # ---- saving ----------------------------------------------------------------------------------------------
    def save(self) -> None:
        if not self.pages:
            return
        self.save_button.setEnabled(False)
        jpegs = [encode_jpeg(page) for page in self.pages]
        self.session.submit(
            digitise.attach_captured,
            self.dossier.id,
            self.component,
            jpegs,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, attachment: Attachment) -> None:
        self.saved.emit(attachment)
        self.accept()

    def _failed(self, exc: object) -> None:
        text = describe(exc, self.session.lang) if isinstance(exc, DomainError) else str(exc)
        self.message.show_error(None, text)
        self._update_buttons()
