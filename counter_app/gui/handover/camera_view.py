"""Webcam scanning on the hand-over screen: a live preview with a guide box, fed by the camera worker's threads.

The `CameraWorker` (devices.camera) reads and decodes on its own threads and reports through plain
callbacks. A `WorkerBridge` (gui/bridge.py, the sync worker reports through the same) turns those callbacks, and
the preview frames, into calls on the GUI thread, where only `CameraView` touches widgets. Each start gets a new
bridge, detached when the camera is switched off, so a late report from an old run is never delivered.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHideEvent, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.codes import is_dossier_code
from ...devices.camera import (
    CAMERA_ABSENT,
    CAMERA_BUSY,
    CAMERA_LOST,
    STOP_IDLE,
    STOP_SCANNED,
    CameraWorker,
    FrameSource,
    ScanFilter,
    v4l2_cameras,
)
from ..bridge import WorkerBridge

PREVIEW_SIZE = QSize(448, 252)
PREVIEW_FPS = 15.0
#: Share of the preview the guide box covers (width, height).
GUIDE_BOX = (0.7, 0.5)


def cameras_connected() -> bool | None:
    """Whether the system lists any camera, None when there is nothing to ask. Opening a device that is not there
    takes OpenCV seconds on some systems; asking first answers "no camera" at once. On Linux the kernel's V4L2
    devices are asked directly (the counter opens cameras through V4L2, and the bundle leaves Qt Multimedia out);
    elsewhere Qt Multimedia's QMediaDevices (some 60 ms the first time, then instant)."""
    if sys.platform.startswith("linux"):
        return bool(v4l2_cameras())
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return None
    return bool(QMediaDevices.videoInputs())


def frame_to_image(frame: np.ndarray, size: QSize) -> QImage:
    """A BGR or grey camera frame scaled to fit `size`, as a QImage owning its pixels (safe off the GUI thread)."""
    h, w = frame.shape[:2]
    scale = min(size.width() / w, size.height() / h)
    target = (max(1, int(w * scale)), max(1, int(h * scale)))
    small = cv2.resize(frame, target, interpolation=cv2.INTER_AREA)
    if small.ndim == 2:
        grey = np.ascontiguousarray(small)
        return QImage(
            grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format.Format_Grayscale8
        ).copy()
    rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    return QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()


class PreviewSource:
    """A `FrameSource` that also hands every frame it reads, at most `fps` times a second, to `on_frame`."""

    def __init__(
        self, source: FrameSource, on_frame: Callable[[QImage], None], fps: float = PREVIEW_FPS
    ) -> None:
        self.source = source
        self._on_frame = on_frame
        self._period = 1.0 / fps
        self._last = 0.0

    def open(self) -> None:
        self.source.open()

    def read(self) -> np.ndarray | None:
        frame = self.source.read()
        now = time.monotonic()
        if frame is not None and now - self._last >= self._period:
            self._last = now
            self._on_frame(frame_to_image(frame, PREVIEW_SIZE))
        return frame

    def close(self) -> None:
        self.source.close()


class CameraView(QWidget):
    """The preview and the camera's state; `start()`/`stop()` it, or let it stop itself after a read."""

    code_read = Signal(str)
    running_changed = Signal(bool)
    problem = Signal(str)  # camera.absent | camera.busy | camera.lost | idle

    def __init__(
        self,
        source_factory: Callable[[], FrameSource],
        *,
        idle_timeout: float = 60.0,
        accept: Callable[[str], bool] = is_dossier_code,
        hint: str = "",
        cameras: Callable[[], bool | None] = cameras_connected,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.source_factory = source_factory
        self.cameras = cameras  # asked before a camera device is opened: False means none is connected
        self.idle_timeout = idle_timeout
        self.accept = accept  # which texts count as read (dossier codes unless told otherwise)
        self.hint = hint  # what to hold up to the camera, if not a receipt
        self._worker: CameraWorker | None = None
        self._bridge: WorkerBridge | None = None
        self._retired: list[tuple[CameraWorker, WorkerBridge]] = []
        self.frames_shown = 0  # preview frames painted since the last start
        self.preview = QLabel(self)
        self.preview.setObjectName("cameraPreview")
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.state = QLabel(self)
        self.state.setObjectName("cameraState")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.state)
        self._paint_idle(self.tr("Camera đang tắt"))

    @property
    def running(self) -> bool:
        return self._worker is not None

    # ---- control ---------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the camera and scan; returns at once (opening happens on the worker's thread)."""
        if self._worker is not None:
            return
        self._prune_retired()
        try:
            device = self.source_factory()
        except Exception:  # a source that cannot even be built counts as an absent camera
            device = None
        if device is None or (getattr(device, "is_device", False) and self.cameras() is False):
            # said at once, with no dark preview left waiting for a camera that is not there
            self._show_problem(CAMERA_ABSENT)
            self.running_changed.emit(False)
            return
        bridge = WorkerBridge()
        self._connect_bridge(bridge)
        source = PreviewSource(device, bridge.poster("frame_ready"))
        worker = CameraWorker(
            source,
            on_code=bridge.poster("code_read"),
            on_error=bridge.poster("failed"),
            on_stopped=bridge.poster("stopped"),
            scan_filter=ScanFilter(idle_timeout=self.idle_timeout, accept=self.accept),
        )
        self._worker, self._bridge = worker, bridge
        self.frames_shown = 0
        self._paint_idle(self.tr("Đang mở camera…"))
        self.preview.show()
        self.state.setText(self.hint or self.tr("Đưa mã vạch hoặc mã QR trên giấy hẹn vào khung."))
        self.state.setProperty("role", "hint")
        self._repolish(self.state)
        worker.start()
        self.running_changed.emit(True)

    def _connect_bridge(self, bridge: WorkerBridge) -> None:
        bridge.on("frame_ready", self._on_bridge_frame_ready)
        bridge.on("code_read", self._on_bridge_code_read)
        bridge.on("failed", self._on_bridge_failed)
        bridge.on("stopped", self._on_bridge_stopped)

    def stop(self, wait: float = 0.0) -> None:
        """Switch the camera off now; its threads finish on their own (up to `wait` seconds are waited for)."""
        if self._worker is None or self._bridge is None:
            return
        worker, bridge = self._worker, self._bridge
        self._worker = self._bridge = None
        bridge.detach()
        worker.stop(timeout=wait)
        self._retired.append((worker, bridge))
        self._prune_retired()
        self._paint_idle(self.tr("Camera đang tắt"))
        self.running_changed.emit(False)

    def wait_stopped(self, timeout: float = 5.0) -> bool:
        """Wait for every camera thread this view started to end (used when the application quits)."""
        deadline = time.monotonic() + timeout
        for worker, _ in self._retired:
            worker.join(max(0.0, deadline - time.monotonic()))
        self._prune_retired()
        return not self._retired

    def _prune_retired(self) -> None:
        self._retired = [(w, b) for w, b in self._retired if w.running]

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        self.stop()  # the panel was switched away or closed: never scan unseen
        super().hideEvent(event)

    # ---- reports from the camera (GUI thread; a detached bridge delivers nothing) -------------------------------
    def _on_bridge_frame_ready(self, image: QImage) -> None:
        self.frames_shown += 1
        self.preview.setPixmap(self._with_guide(image))

    def _on_bridge_code_read(self, text: str) -> None:
        self.state.setText(self.tr("Đã đọc mã %1").replace("%1", text))
        self.code_read.emit(text)

    def _on_bridge_failed(self, code: str) -> None:
        self._show_problem(code)

    def _on_bridge_stopped(self, reason: str) -> None:
        state = self.state.text()
        self.stop()
        if reason == STOP_IDLE:
            self._show_problem(STOP_IDLE)
        elif reason == STOP_SCANNED:
            self.state.setText(state)

    def _show_problem(self, code: str) -> None:
        messages = {
            CAMERA_ABSENT: self.tr(
                "Không tìm thấy camera. Kiểm tra camera đã cắm và chọn đúng số camera trong Cài đặt."
            ),
            CAMERA_BUSY: self.tr(
                "Camera đang được chương trình khác sử dụng. Đóng chương trình đó rồi bật lại."
            ),
            CAMERA_LOST: self.tr(
                "Mất tín hiệu camera (camera bị rút ra hoặc ngừng gửi hình). Cắm lại rồi bật lại."
            ),
            STOP_IDLE: self.tr("Camera đã tự tắt sau %1 giây không đọc được mã.").replace(
                "%1", f"{self.idle_timeout:g}"
            ),
        }
        self.state.setText(messages.get(code, messages[CAMERA_LOST]))
        self.preview.hide()  # no picture to show: the sentence alone, never an empty dark panel
        self.state.setProperty("role", "error")
        self._repolish(self.state)
        self.problem.emit(code)

    # ---- drawing ---------------------------------------------------------------------------------------------
    def _paint_idle(self, text: str) -> None:
        pixmap = QPixmap(PREVIEW_SIZE)
        pixmap.fill(QColor("#2b2f33"))
        painter = QPainter(pixmap)
        painter.setPen(QColor("#d0d4d8"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        self.preview.setPixmap(pixmap)

    def _with_guide(self, image: QImage) -> QPixmap:
        """The frame centred on a dark canvas with the guide box drawn over it."""
        pixmap = QPixmap(PREVIEW_SIZE)
        pixmap.fill(QColor("#2b2f33"))
        painter = QPainter(pixmap)
        x = (PREVIEW_SIZE.width() - image.width()) / 2
        y = (PREVIEW_SIZE.height() - image.height()) / 2
        painter.drawImage(int(x), int(y), image)
        gw, gh = PREVIEW_SIZE.width() * GUIDE_BOX[0], PREVIEW_SIZE.height() * GUIDE_BOX[1]
        box = QRectF((PREVIEW_SIZE.width() - gw) / 2, (PREVIEW_SIZE.height() - gh) / 2, gw, gh)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt.PenStyle.DashLine))
        painter.drawRect(box)
        painter.setPen(QPen(QColor("#35d07f"), 4))
        arm = min(gw, gh) * 0.18
        for cx, cy, dx, dy in (
            (box.left(), box.top(), 1, 1),
            (box.right(), box.top(), -1, 1),
            (box.left(), box.bottom(), 1, -1),
            (box.right(), box.bottom(), -1, -1),
        ):
            painter.drawLine(int(cx), int(cy), int(cx + dx * arm), int(cy))
            painter.drawLine(int(cx), int(cy), int(cx), int(cy + dy * arm))
        painter.end()
        return pixmap

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
