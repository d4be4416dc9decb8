"""Reading a chip ID card with the webcam from the intake: a small window with the camera's preview, closed by a read.

It only reads: the text goes back through `card_read` to the scan router (`gui/scan_router.py`), which fills the
form as it does for a scanner, so the webcam and the scanners never decide differently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from ...core.idcard import looks_like_id_card
from ...devices.camera import FrameSource
from ..handover.camera_view import CameraView


class CardCameraDialog(QDialog):
    """The webcam pointed at the QR code of an ID card; emits `card_read(text)` and closes on a read."""

    card_read = Signal(str)

    def __init__(self, source_factory: Callable[[], FrameSource], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardCameraDialog")
        self.setWindowTitle(self.tr("Đọc thẻ căn cước bằng camera"))
        self.view = CameraView(
            source_factory,
            accept=looks_like_id_card,
            hint=self.tr(
                "Đưa mã QR của thẻ vào khung (mặt trước thẻ căn cước công dân, mặt sau thẻ căn cước mới)."
            ),
            parent=self,
        )
        self.close_button = QPushButton(self.tr("Đóng"), self)
        self.close_button.setObjectName("closeCardCamera")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.close_button)
        self.view.code_read.connect(self._on_view_code_read)
        self.close_button.clicked.connect(self.reject)

    def open(self) -> None:
        super().open()
        self.view.start()

    def done(self, result: int) -> None:
        self.view.stop()
        super().done(result)

    def _on_view_code_read(self, text: str) -> None:
        self.accept()  # closed first: the form it fills is in front again when the text arrives
        self.card_read.emit(text)
