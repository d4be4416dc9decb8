"""Digitising the papers while the intake is being taken (số hóa khi tiếp nhận): the selected component of the
checklist, with the document camera, from files, or from the office scanner's folder.

The dossier has no code yet, so each component's pages become a PDF kept in the profile's file store
(`digitise.prepare_*`); the checklist shows it, the draft names it (a crash loses nothing), and the receipt keeps
it as the dossier's attachment in the same write (`intake.receive(..., papers)`). Taking a component again, or
dropping its copy, removes the file that is no longer wanted (`digitise.discard_prepared`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...app import digitise
from ...core.attachments import PreparedPaper
from ...core.errors import DomainError
from ...core.intake import new_dossier
from ...core.model import Person, Procedure
from ...devices.camera import FrameSource, OpenCvSource
from ...messages import describe
from ..scan_folder_dialog import ScanFolderDialog
from ..session import Session
from ..tracking.attachments import FILE_FILTER
from ..tracking.capture_dialog import CaptureDialog
from ..widgets import ErrorLabel
from .checklist import Checklist


class IntakeCaptureDialog(CaptureDialog):
    """The camera capture of a component whose dossier is not received yet: its pages are kept for the receipt."""

    prepared = Signal(object)  # the PreparedPaper

    def __init__(
        self,
        session: Session,
        procedure: Procedure,
        component: int,
        source_factory: Callable[[], FrameSource],
        parent: QWidget,
    ) -> None:
        # the capture names the component from a dossier: an undecided one of this procedure stands in (only its
        # procedure is read; nothing of it is stored)
        stand_in = new_dossier(
            agency_id="",
            procedure=procedure,
            applicant=Person(""),
            at=datetime.now().replace(microsecond=0),
            officer=session.officer,
            counter=0,
        )
        super().__init__(session, stand_in, component, source_factory, parent)

    def save(self) -> None:
        from ...devices.page_scan import encode_jpeg

        if not self.pages:
            return
        self.save_button.setEnabled(False)
        jpegs = [encode_jpeg(page) for page in self.pages]
        self.session.submit(
            digitise.prepare_captured, self.component, jpegs, on_done=self._kept, on_error=self._failed
        )

    def _kept(self, paper: PreparedPaper) -> None:
        self.prepared.emit(paper)
        self.accept()


class IntakePapers(QWidget):
    """The buttons under the checklist that digitise its selected component, and the sentence when that fails."""

    #: A component was digitised (the PreparedPaper), shown in the checklist.
    prepared = Signal(object)
    #: The camera capture opened (the dialog), for tests and screenshots.
    capture_opened = Signal(object)
    #: The scan folder's dialog opened (the dialog), for tests and screenshots.
    scanner_opened = Signal(object)

    def __init__(self, session: Session, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.checklist = checklist
        self.setObjectName("intakePapers")
        self.camera_button = QPushButton(self.tr("Chụp số hóa…"), self)
        self.camera_button.setObjectName("intakeCapture")
        self.camera_button.setToolTip(
            self.tr("Chụp từng trang của thành phần đang chọn bằng camera tài liệu")
        )
        self.files_button = QPushButton(self.tr("Từ tệp…"), self)
        self.files_button.setObjectName("intakeFiles")
        self.files_button.setToolTip(self.tr("Chọn tệp PDF hoặc ảnh đã quét của thành phần đang chọn"))
        self.scanner_button = QPushButton(self.tr("Từ máy quét…"), self)
        self.scanner_button.setObjectName("intakeScanner")
        self.drop_button = QPushButton(self.tr("Bỏ bản số hóa"), self)
        self.drop_button.setObjectName("intakeDropPaper")
        self.message = ErrorLabel("intakePapers", self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.camera_button, self.files_button, self.scanner_button, self.drop_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.camera_button.clicked.connect(self._on_camera_clicked)
        self.files_button.clicked.connect(self._on_files_clicked)
        self.drop_button.clicked.connect(self._on_drop_clicked)
        self.scanner_button.clicked.connect(self.from_scanner)
        self.checklist.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self.checklist.model.modelReset.connect(self.update_buttons)
        self.checklist.model.dataChanged.connect(lambda *_: self.update_buttons())
        self.update_buttons()

    def update_buttons(self) -> None:
        component = self.checklist.current_component()
        self.camera_button.setEnabled(component is not None)
        self.files_button.setEnabled(component is not None)
        folder = self.session.settings.scan_folder
        self.scanner_button.setEnabled(component is not None and bool(folder))
        self.scanner_button.setToolTip(
            self.tr("Nhận các tệp máy quét của phòng lưu vào thư mục %1").replace("%1", folder)
            if folder
            else self.tr("Chưa chọn thư mục máy quét: đặt trong Cài đặt → Thiết bị")
        )
        self.drop_button.setEnabled(
            component is not None and self.checklist.paper(component.number) is not None
        )

    # ---- digitising ------------------------------------------------------------------------------------------------
    def camera_source(self) -> FrameSource:
        """The document camera or webcam chosen in the settings."""
        return OpenCvSource(self.session.settings.camera_index)

    def capture(self) -> IntakeCaptureDialog | None:
        """Open the camera on the selected component."""
        component = self.checklist.current_component()
        procedure = self.checklist.procedure
        if component is None or procedure is None:
            return None
        self.message.show_error(None, "")
        dialog = IntakeCaptureDialog(self.session, procedure, component.number, self.camera_source, self)
        dialog.prepared.connect(self.keep)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.capture_opened.emit(dialog)
        return dialog

    def from_files(self, files: list[Path]) -> None:
        """Digitise the selected component from `files` (PDFs and images, in order)."""
        component = self.checklist.current_component()
        if component is None or not files:
            return
        self.message.show_error(None, "")
        self.session.submit(
            digitise.prepare_component, component.number, files, on_done=self.keep, on_error=self._failed
        )

    def from_scanner(self) -> ScanFolderDialog | None:
        """Open the scan folder's dialog for the selected component; its files become the paper when kept."""
        component = self.checklist.current_component()
        folder = self.session.settings.scan_folder
        if component is None or not folder:
            return None
        self.message.show_error(None, "")
        dialog = ScanFolderDialog(folder, component.name, self)
        dialog.accepted.connect(lambda: self._scanned(component.number, dialog.files()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.scanner_opened.emit(dialog)
        return dialog

    def _scanned(self, number: int, files: list[Path]) -> None:
        if files:
            self.session.submit(
                digitise.prepare_component, number, files, on_done=self.keep, on_error=self._failed
            )

    def keep(self, paper: PreparedPaper) -> None:
        """Show `paper` in the checklist, in place of an earlier copy of the same component (whose file goes)."""
        earlier = self.checklist.paper(paper.component)
        self.checklist.set_paper(paper.component, paper)
        if earlier is not None and earlier.sha256 != paper.sha256:
            self.session.submit(digitise.discard_prepared, [earlier])
        self.update_buttons()
        self.prepared.emit(paper)

    def drop(self) -> None:
        """Forget the selected component's copy and remove its file."""
        component = self.checklist.current_component()
        paper = self.checklist.paper(component.number) if component is not None else None
        if paper is None:
            return
        self.checklist.set_paper(paper.component, None)
        self.session.submit(digitise.discard_prepared, [paper])
        self.update_buttons()

    def _on_camera_clicked(self) -> None:
        self.capture()

    def _on_files_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn tệp PDF hoặc ảnh"), "", FILE_FILTER)
        self.from_files([Path(n) for n in names])

    def _on_drop_clicked(self) -> None:
        self.drop()

    def _failed(self, exc: object) -> None:
        text = describe(exc, self.session.lang) if isinstance(exc, DomainError) else str(exc)
        self.message.show_error(None, text)
