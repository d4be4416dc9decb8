"""Printing the forms: PDF bytes rendered with QtPdf onto a QPrinter (a PDF file here, a CUPS queue when one exists)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person
from counter_app.gui.printing import FormPrinter, load_pdf, print_document
from counter_app.gui.session import Session
from counter_app.gui.tasks import TaskRunner
from counter_app.settings import CounterSettings
from counter_app.storage.store import CounterStore

A5_POINTS = (419.5, 595.3)


@pytest.fixture
def received(counter_store: CounterStore):
    procedure = counter_store.procedure("1.001193")
    unit = counter_store.require_unit()
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person("Lê Thị Hồng", "001190012345"),
        at=datetime(2026, 3, 4, 9, 30),
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return counter_store.receive(draft)


@pytest.fixture
def session(qapp, counter_store: CounterStore, settings: CounterSettings):
    account = counter_store.accounts.get("canbo")
    runner = TaskRunner()
    yield Session(CounterApp(counter_store), runner, settings, account, counter_store.unit(), "vi")
    runner.shutdown()


def pdf_output(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_receipt_prints_every_page_at_its_own_size(session: Session, received, tmp_path: Path) -> None:
    printer = FormPrinter(session)
    pdf = printer.render("receipt", received)
    source_pages = load_pdf(pdf).pageCount()
    out = tmp_path / "printed.pdf"
    assert printer.print_pdf("receipt", pdf, pdf_output(out)) == source_pages
    reader = PdfReader(out)
    assert len(reader.pages) == source_pages >= 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A5_POINTS, abs=2)
    assert reader.pages[0].images, "the page is painted as an image of the rendered PDF"


def test_joined_forms_print_every_page_in_order(session: Session, tmp_path: Path, received) -> None:
    one = FormPrinter(session).render("receipt", received)
    pages = len(PdfReader(io.BytesIO(one)).pages)
    writer = PdfWriter()
    for _ in range(2):
        writer.append(PdfReader(io.BytesIO(one)))
    joined = tmp_path / "joined.pdf"
    writer.write(joined)
    out = tmp_path / "out.pdf"
    assert print_document(load_pdf(joined.read_bytes()), pdf_output(out)) == 2 * pages
    assert len(PdfReader(out).pages) == 2 * pages


def test_save_pdf_writes_the_form_off_the_gui_thread(
    qtbot: QtBot, session: Session, received, tmp_path: Path
) -> None:
    printer = FormPrinter(session)
    with qtbot.waitSignal(printer.saved, timeout=20000) as saved:
        printer.save_pdf("receipt", received, tmp_path / "form01.pdf")
    path = Path(saved.args[0])
    assert path == tmp_path / "form01.pdf" and PdfReader(path).pages
    text = PdfReader(path).pages[0].extract_text()
    assert received.code in text


def test_preview_remembers_the_printer_chosen_for_each_form(qtbot: QtBot, session: Session, received) -> None:
    printer = FormPrinter(session)
    dialog = printer.preview_pdf("receipt", printer.render("receipt", received))
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    dialog.reject()
    assert session.settings.printer_for("receipt") == ""


def _pdf_queue() -> str | None:
    if shutil.which("lpstat") is None:
        return None
    try:
        listing = subprocess.run(["lpstat", "-p"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) > 1 and parts[0] == "printer" and "pdf" in parts[1].lower():
            return parts[1]
    return None


def _cups_pdf_output_dir() -> Path:
    """Where cups-pdf writes the jobs of the user running the tests (its `Out` setting, ${HOME}/PDF on Debian)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", str(Path.home())))


def test_prints_through_the_cups_pdf_queue(qtbot: QtBot, session: Session, received) -> None:
    queue = _pdf_queue()
    if queue is None or queue not in QPrinterInfo.availablePrinterNames():
        pytest.skip("no CUPS queue named like 'PDF' (cups-pdf with a running cupsd) on this machine")
    session.settings.set_printer_for("receipt", queue)
    printer = FormPrinter(session)
    target = printer.printer_for("receipt")
    assert target.printerName() == queue
    before = subprocess.run(["lpstat", "-W", "completed", "-o", queue], capture_output=True, text=True).stdout
    output_dir = _cups_pdf_output_dir()
    earlier = set(output_dir.glob("*.pdf")) if output_dir.is_dir() else set()
    assert printer.print_pdf("receipt", printer.render("receipt", received), target) >= 1

    def job_completed() -> bool:
        done = subprocess.run(
            ["lpstat", "-W", "completed", "-o", queue], capture_output=True, text=True
        ).stdout
        return len(done.splitlines()) > len(before.splitlines())

    qtbot.waitUntil(job_completed, timeout=60000)

    # the spooled job came out of the cups-pdf backend as a real PDF with the receipt on it
    def printed() -> list[Path]:
        return sorted(set(output_dir.glob("*.pdf")) - earlier) if output_dir.is_dir() else []

    qtbot.waitUntil(lambda: bool(printed()), timeout=30000)
    assert len(PdfReader(str(printed()[-1])).pages) >= 1

    # the printer chosen in the preview is remembered for that form only
    session.settings.set_printer_for("receipt", "")
    dialog = printer.preview_pdf("receipt", printer.render("receipt", received))
    qtbot.addWidget(dialog)
    dialog.printer().setPrinterName(queue)
    dialog.accept()
    assert session.settings.printer_for("receipt") == queue
    assert session.settings.printer_for("refusal") == ""


def test_prints_and_saved_forms_go_into_the_audit_trail(
    qtbot: QtBot, session: Session, received, tmp_path: Path
) -> None:
    printer = FormPrinter(session)
    with qtbot.waitSignal(printer.saved, timeout=20000):
        printer.save_pdf("receipt", received, tmp_path / "phieu.pdf")
    printer.print_pdf("receipt", printer.render("receipt", received), pdf_output(tmp_path / "in.pdf"))

    def recorded() -> list[tuple[str, str]]:
        return [(e.kind, e.actor) for e in session.app.store.audit.entries() if e.dossier_id == received.id]

    qtbot.waitUntil(lambda: ("print", "canbo") in recorded(), timeout=10000)
    assert ("export", "canbo") in recorded()
    assert session.app.store.audit.verify().ok
