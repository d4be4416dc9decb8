"""A dossier's digitised papers on its page: the list, opening one in a PDF viewer, and digitising from files.

Files come from the office scanner's PDFs or from photographs (`app.digitise` finds and flattens photographed
pages); a component is chosen from the procedure's list. Everything runs through the application layer on the
runner, so the list refreshes like any other change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
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
from ...core.roles import Operation
from ...devices.camera import FrameSource, OpenCvSource
from ...messages import describe
from ..pdf_viewer import PdfViewerDialog
from ..scan_folder_dialog import ScanFolderDialog
from ..session import Session
from ..widgets import ErrorLabel, heading
from .capture_dialog import CaptureDialog

FILE_FILTER = "PDF, ảnh (*.pdf *.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp)"


class AttachmentsBox(QWidget):
    """The 'Giấy tờ số hóa' part of the dossier page."""

    #: A paper was kept (the new attachment).
    attached = Signal(object)
    #: The viewer opened on a paper (the dialog), for tests and screenshots.
    viewer_opened = Signal(object)
    #: The camera capture opened (the dialog).
    capture_opened = Signal(object)
    #: The scan folder's dialog opened (the dialog).
    scanner_opened = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dossier: Dossier | None = None
        self.items: list[Attachment] = []
        self.viewer: PdfViewerDialog | None = None
        self.setObjectName("attachmentsBox")
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setMinimumHeight(90)
        self.list.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Mở"), self)
        self.open_button.setObjectName("openAttachment")
        self.camera_button = QPushButton(self.tr("Chụp bằng camera…"), self)
        self.camera_button.setObjectName("captureComponent")
        self.component_button = QPushButton(self.tr("Số hóa thành phần…"), self)
        self.component_button.setObjectName("digitiseComponent")
        self.scanner_button = QPushButton(self.tr("Từ máy quét…"), self)
        self.scanner_button.setObjectName("digitiseFromScanner")
        self.result_button = QPushButton(self.tr("Đính kèm kết quả…"), self)
        self.result_button.setObjectName("attachResult")
        self.message = ErrorLabel("attachment", self)
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.camera_button,
            self.component_button,
            self.scanner_button,
            self.result_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(heading(self.tr("Giấy tờ số hóa"), 11, self))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.open_button.clicked.connect(self.open_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.component_button.clicked.connect(self._pick_component)
        self.camera_button.clicked.connect(self._capture_component)
        self.scanner_button.clicked.connect(self._scan_component)
        self.result_button.clicked.connect(self._pick_result)
        self._update_buttons()

    # ---- showing -------------------------------------------------------------------------------------------------
    def set_dossier(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.message.show_error(None, "")
        self.list.clear()
        self.items = []
        self._update_buttons()
        if dossier is not None:
            self.session.submit(digitise.attachments, dossier.id, on_done=self._show, on_error=self._failed)

    def _show(self, found: list[Attachment]) -> None:
        self.items = list(found)
        self.list.clear()
        for a in self.items:
            which = (
                self.tr("Thành phần %1").replace("%1", str(a.component))
                if a.component is not None
                else self.tr("Kết quả")
            )
            sent = self.tr("đã đồng bộ") if a.synced else self.tr("chưa đồng bộ")
            text = (
                f"{which}: {a.name} — " + self.tr("%n trang", "", a.pages) + f", {a.bytes // 1024} KB, {sent}"
            )
            item = QListWidgetItem(text, self.list)
            item.setToolTip(f"SHA-256 {a.sha256}")
        if not self.items:
            empty = QListWidgetItem(self.tr("Chưa có giấy tờ số hóa."), self.list)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(len(self.items) - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        d = self.dossier
        self.open_button.setEnabled(bool(self.items))
        self.component_button.setEnabled(
            d is not None and d.code is not None and self.session.may(Operation.RECEIVE)
        )
        self.camera_button.setEnabled(self.component_button.isEnabled())
        folder = self.session.settings.scan_folder
        self.scanner_button.setEnabled(self.component_button.isEnabled() and bool(folder))
        self.scanner_button.setToolTip(
            "" if folder else self.tr("Chưa chọn thư mục máy quét: đặt trong Cài đặt → Thiết bị")
        )
        self.result_button.setEnabled(
            d is not None and d.status in digitise.RESULT_STATUSES and self.session.may(Operation.MOVE)
        )

    # ---- opening -------------------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        chosen = self.items[row]
        self.session.submit(
            digitise.read_attachment,
            chosen,
            on_done=lambda data: self._open(chosen, data),
            on_error=self._failed,
        )

    def _open(self, attachment: Attachment, data: bytes) -> None:
        self.viewer = PdfViewerDialog(attachment.name, data, self)
        self.viewer.show()
        self.viewer_opened.emit(self.viewer)

    # ---- digitising ------------------------------------------------------------------------------------------------
    def _choose_component(self) -> int | None:
        if self.dossier is None or not self.dossier.procedure.components:
            return None
        components = list(self.dossier.procedure.components)
        labels = [f"{c.number}. {c.name}" for c in components]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Số hóa thành phần"), self.tr("Thành phần hồ sơ:"), labels, 0, False
        )
        return components[labels.index(chosen)].number if ok else None

    def _pick_component(self) -> None:
        number = self._choose_component()
        if number is not None and (files := self._pick_files()):
            self.attach_files(number, files)

    def _capture_component(self) -> None:
        number = self._choose_component()
        if number is not None:
            self.capture(number)

    def _scan_component(self) -> None:
        number = self._choose_component()
        if number is not None:
            self.scan(number)

    def scan(self, component: int) -> ScanFolderDialog | None:
        """Collect the office scanner's files for one component; they are kept as its paper when accepted."""
        folder = self.session.settings.scan_folder
        if self.dossier is None or not folder:
            return None
        dialog = ScanFolderDialog(folder, self.dossier.procedure.component(component).name, self)
        dialog.accepted.connect(lambda: self._scanned(component, dialog.files()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.scanner_opened.emit(dialog)
        return dialog

    def _scanned(self, component: int, files: list[Path]) -> None:
        if files:
            self.attach_files(component, files)

    def camera_source(self) -> FrameSource:
        """The document camera or webcam chosen in the settings (the hand-over's)."""
        return OpenCvSource(self.session.settings.camera_index)

    def capture(self, component: int) -> CaptureDialog | None:
        """Open the camera capture for one component; the list refreshes once its pages are saved."""
        if self.dossier is None:
            return None
        dialog = CaptureDialog(self.session, self.dossier, component, self.camera_source, self)
        dialog.saved.connect(self._attached)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.capture_opened.emit(dialog)
        return dialog

    def _pick_result(self) -> None:
        files = self._pick_files()
        if files:
            self.attach_files(None, files)

    def _pick_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn tệp PDF hoặc ảnh"), "", FILE_FILTER)
        return [Path(n) for n in names]

    def attach_files(self, component: int | None, files: list[Path]) -> None:
        """Keep `files` as one paper: the component numbered `component`, or the result when None."""
        if self.dossier is None:
            return
        self.message.show_error(None, "")
        if component is None:
            self.session.submit(
                digitise.attach_result, self.dossier.id, files, on_done=self._attached, on_error=self._failed
            )
        else:
            self.session.submit(
                digitise.attach_component,
                self.dossier.id,
                component,
                files,
                on_done=self._attached,
                on_error=self._failed,
            )

    def _attached(self, attachment: Attachment) -> None:
        self.attached.emit(attachment)
        if self.dossier is not None:
            self.set_dossier(self.dossier)

    def _failed(self, exc: object) -> None:
        text = describe(exc, self.session.lang) if isinstance(exc, DomainError) else str(exc)
        self.message.show_error(None, text)
