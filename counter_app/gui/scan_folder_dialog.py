"""Digitising a component from the office scanner: while this dialog is open, every file the scanner saves into the
counter's scan folder (Settings → Thiết bị) is listed here; the officer puts them in order, drops a wrong one (the
file on disk is left alone) and keeps them as the component's paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..devices.scan_folder import ScanFolderError, ScanFolderWatch
from .widgets import ErrorLabel

POLL_MS = 500


class ScanFolderDialog(QDialog):
    """Collects the scans saved into `folder` while it is open; `files()` gives them in the chosen order."""

    #: A whole file arrived in the folder (its path).
    file_arrived = Signal(object)

    def __init__(
        self, folder: str, title: str, parent: QWidget | None = None, *, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scanFolderDialog")
        self.setWindowTitle(self.tr("Quét giấy tờ: %1").replace("%1", title))
        self.setMinimumSize(560, 380)
        self._files: list[Path] = []
        self.hint = QLabel(
            self.tr(
                "Quét giấy tờ trên máy quét của phòng; các tệp lưu vào thư mục %1 sẽ hiện ở đây."
            ).replace("%1", folder),
            self,
        )
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("scannedFiles")
        self.up_button = QPushButton(self.tr("▲ Lên"), self)
        self.down_button = QPushButton(self.tr("▼ Xuống"), self)
        self.remove_button = QPushButton(self.tr("Bỏ khỏi danh sách"), self)
        self.message = ErrorLabel("scanFolder", self)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button = self.buttons.addButton(
            self.tr("Lưu bản số hóa"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        tools = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.up_button.clicked.connect(lambda: self.move_file(-1))
        self.down_button.clicked.connect(lambda: self.move_file(1))
        self.remove_button.clicked.connect(self.remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.watch = ScanFolderWatch(Path(folder))
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        try:
            self.watch.start()
        except ScanFolderError:
            self.message.show_error(
                None,
                self.tr("Không mở được thư mục máy quét %1; hãy kiểm tra thư mục trong Cài đặt.").replace(
                    "%1", folder
                ),
            )
        else:
            self.timer.start()
        self._update_buttons()

    def poll(self) -> None:
        try:
            arrived = self.watch.poll()
        except ScanFolderError:
            self.message.show_error(None, self.tr("Mất kết nối tới thư mục máy quét; đang thử lại…"))
            return
        self.message.show_error(None, "")
        for path in arrived:
            self._files.append(path)
            self.list.addItem(path.name)
            self.list.setCurrentRow(self.list.count() - 1)
            self.file_arrived.emit(path)
        self._update_buttons()

    def files(self) -> list[Path]:
        return list(self._files)

    def move_file(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(self._files) and 0 <= target < len(self._files)):
            return
        self._files[row], self._files[target] = self._files[target], self._files[row]
        self._refill(target)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._files):
            del self._files[row]
            self._refill(min(row, len(self._files) - 1))

    def _refill(self, current: int) -> None:
        self.list.clear()
        self.list.addItems([p.name for p in self._files])
        self.list.setCurrentRow(current)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self._files) - 1)
        self.remove_button.setEnabled(0 <= row < len(self._files))
        self.keep_button.setEnabled(bool(self._files))

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)
