"""A PDF shown page after page (QtPdf), with a print button: digitised papers and electronic results."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .printing import print_document


class PdfViewerDialog(QDialog):
    """One digitised paper, every page, scrolled through (QtPdf)."""

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.setWindowTitle(title)
        self.resize(720, 700)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        pages = QLabel(self.tr("%n trang", "", self.document.pageCount()), self)
        pages.setObjectName("pdfPages")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.print_button = buttons.addButton(self.tr("In…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("pdfPrint")
        self.print_button.clicked.connect(self._on_print_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(pages)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

    def print_to(self, printer: QPrinter) -> int:
        """Every page on `printer`, each on a sheet of its own size; returns the pages printed."""
        return print_document(self.document, printer)

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
