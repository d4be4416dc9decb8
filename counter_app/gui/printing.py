"""Printing the forms: PDF bytes rendered page by page with QtPdf onto any system printer, with preview and "Save PDF".

Forms are rendered by `app.reports.form_pdf` on the task runner's pool and every print or saved form is recorded
with `app.reports.record_print`; the GUI thread only shows the preview and paints pages onto the printer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QObject, QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from ..app import reports
from ..core.errors import DomainError, ValidationErrors
from ..documents import FormKind, Paper
from ..messages import describe
from .message_boxes import show_error

if TYPE_CHECKING:
    from ..core.model import Dossier
    from .session import Session

#: Highest resolution a page is rasterised at before printing (enough for text and barcodes, small in memory).
MAX_RENDER_DPI = 300


class PdfLoadError(Exception):
    """The bytes are not a PDF QtPdf can open."""


def load_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """Open PDF bytes in memory; the buffer lives as long as the document."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PdfLoadError(str(document.error()))
    return document


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` on `printer`, each page on a sheet of its own size; returns pages printed."""
    pages = document.pageCount()
    if pages == 0:
        return 0
    printer.setFullPage(True)
    _match_page(printer, document.pagePointSize(0))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.printerName() or printer.outputFileName())
    try:
        for page in range(pages):
            if page > 0:
                _match_page(printer, document.pagePointSize(page))
                printer.newPage()
            _paint_page(document, page, printer, painter)
    finally:
        painter.end()
    return pages


def _match_page(printer: QPrinter, points: QSizeF) -> None:
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))


def _paint_page(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    points = document.pagePointSize(page)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    image = document.render(page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
    target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    scale = min(target.width() / image.width(), target.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    painter.drawImage(QRectF(target.x(), target.y(), width, height), image)


def printer_names() -> list[str]:
    """System printers (CUPS queues on Linux), default first."""
    default = QPrinterInfo.defaultPrinterName()
    names = QPrinterInfo.availablePrinterNames()
    return sorted(names, key=lambda n: (n != default, n))


class FormPrinter(QObject):
    """Renders a dossier's form and offers print preview, printing and "Save PDF"; remembers a printer per form."""

    printed = Signal(str, int)  # form kind, pages
    saved = Signal(str)  # the PDF file written by "Save PDF"
    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.dialog: QPrintPreviewDialog | None = None
        self._document: QPdfDocument | None = None
        self._dossier: Dossier | None = None  # the dossier of the form last previewed or saved

    def paper_for(self, kind: str) -> Paper:
        """The paper set in Settings; the thermal roll only takes receipts (other forms go on A5)."""
        paper = Paper(self._session.settings.paper)
        return Paper.A5 if paper is Paper.THERMAL80 and kind != "receipt" else paper

    def render(self, kind: str, dossier: Dossier) -> bytes:
        """PDF bytes of form `kind` (receipt, supplement, refusal …) for `dossier`, at once (a worker's job)."""
        session = self._session
        return reports.form_pdf(session.app, session.account, FormKind(kind), dossier, self.paper_for(kind))

    def printer_for(self, kind: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = self._session.settings.printer_for(kind)
        if name and name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(name)
        printer.setDocName(kind)
        return printer

    def preview(self, kind: str, dossier: Dossier) -> None:
        """Render in the background, then open the print preview."""
        self._dossier = dossier
        self._session.submit(
            reports.form_pdf,
            FormKind(kind),
            dossier,
            self.paper_for(kind),
            on_done=lambda pdf: self.preview_pdf(kind, pdf),
            on_error=self._on_render_failed,
        )

    def preview_pdf(self, kind: str, pdf: bytes) -> QPrintPreviewDialog | None:
        try:
            self._document = load_pdf(pdf, self)
        except PdfLoadError as exc:
            self._report(str(exc))
            return None
        printer = self.printer_for(kind)
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setWindowTitle(self.tr("Xem trước khi in"))
        dialog.resize(900, 700)
        document = self._document
        dialog.paintRequested.connect(lambda target: print_document(document, target))
        dialog.accepted.connect(lambda: self._on_dialog_accepted(kind, printer))
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_pdf(self, kind: str, pdf: bytes, printer: QPrinter | None = None) -> int:
        """Print without a dialog (on the remembered printer unless one is given); returns pages printed."""
        printer = printer or self.printer_for(kind)
        pages = print_document(load_pdf(pdf, self), printer)
        self._record("print", kind, printer.printerName() or printer.outputFileName())
        self.printed.emit(kind, pages)
        return pages

    def save_pdf(self, kind: str, dossier: Dossier, path: Path | None = None) -> None:
        """Write the form to a PDF file (asks where when `path` is None), rendered and written on the pool;
        `saved(path)` follows, or `failed(sentence)`."""
        if path is None:
            suggested = f"{kind}-{dossier.code or dossier.id}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(
                self._parent, self.tr("Lưu PDF"), suggested, self.tr("Tệp PDF (*.pdf)")
            )
            if not chosen:
                return
            path = Path(chosen)
        target = path
        self._session.runner.run(
            self._write_pdf,
            kind,
            dossier,
            target,
            on_done=lambda _size: self._on_pdf_written(kind, dossier, target),
            on_error=self._on_render_failed,
        )

    def _write_pdf(self, kind: str, dossier: Dossier, path: Path) -> int:
        """Runs on the pool: render the form and write the file."""
        return path.write_bytes(self.render(kind, dossier))

    def _on_pdf_written(self, kind: str, dossier: Dossier, path: Path) -> None:
        self._dossier = dossier
        self._record("export", kind, str(path))
        self.saved.emit(str(path))

    def _record(self, what: str, kind: str, target: str) -> None:
        """Every print and saved form goes into the audit trail, written by the task runner's writer."""
        self._session.submit(reports.record_print, what, kind, self._dossier, target)

    def _on_dialog_accepted(self, kind: str, printer: QPrinter) -> None:
        if printer.outputFormat() is QPrinter.OutputFormat.NativeFormat and printer.printerName():
            self._session.settings.set_printer_for(kind, printer.printerName())
        self._record("print", kind, printer.printerName() or printer.outputFileName())
        self.printed.emit(kind, self._document.pageCount() if self._document else 0)

    def _on_render_failed(self, exc: object) -> None:
        if isinstance(exc, DomainError | ValidationErrors):
            self._report(describe(exc, self._session.lang))
        elif isinstance(exc, ImportError):
            self._report(self.tr("Chức năng in phiếu chưa được cài đặt."))
        else:
            self._report(str(exc))

    def _report(self, message: str) -> None:
        self.failed.emit(message)
        if self._parent is not None and self._parent.isVisible():
            show_error(self._parent, self.tr("Không in được"), message)
