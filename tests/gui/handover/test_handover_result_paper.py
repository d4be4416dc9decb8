"""At hand-over, the electronic result digitised by the processing officer is shown and printed."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from handover_samples import make_ready, receive
from pypdf import PdfReader, PdfWriter
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from counter_app.storage.store import CounterStore


def result_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_result_is_shown_and_printed(qtbot: QtBot, panel, store: CounterStore, tmp_path: Path) -> None:
    ready = make_ready(store, receive(store, at=datetime(2026, 11, 23, 8, 0)))
    store.attachments.add(
        ready.id, kind="result", component=None, name="Kết quả: trích lục khai sinh", data=result_pdf(2),
        pages=2, officer="xuly", at=datetime(2026, 11, 24, 10, 0),
    )  # fmt: skip
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        panel.open_code(ready.code or "")
    qtbot.waitUntil(lambda: panel.result_paper_button.isVisible(), timeout=5000)
    with qtbot.waitSignal(panel.result_paper_opened, timeout=5000) as opened:
        panel.result_paper_button.click()
    viewer = opened.args[0]
    assert viewer.document.pageCount() == 2 and viewer.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "ban-in.pdf"))
    assert viewer.print_to(printer) == 2
    assert len(PdfReader(str(tmp_path / "ban-in.pdf")).pages) == 2
    viewer.close()


def test_no_button_without_an_electronic_result(qtbot: QtBot, panel, store: CounterStore) -> None:
    ready = make_ready(store, receive(store, at=datetime(2026, 11, 23, 8, 0)))
    store.attachments.add(
        ready.id, kind="component", component=1, name="Tờ khai", data=result_pdf(1), pages=1, officer="canbo",
        at=datetime(2026, 11, 23, 8, 5),
    )  # fmt: skip
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        panel.open_code(ready.code or "")
    qtbot.wait(300)
    assert not panel.result_paper_button.isVisible() and panel.result_papers == []
