"""The dossier page takes a component from the office scanner's folder: the files saved while the dialog is open,
one dropped from the list (left on disk), kept as one PDF."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from conftest import receive_dossier
from pypdf import PdfReader, PdfWriter
from pytestqt.qtbot import QtBot

from counter_app.gui.tracking.dossier_page import DossierPage
from counter_app.gui.widgets import accept_button


def _pdf_bytes(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scan_in_two_parts(path: Path, data: bytes) -> None:
    with path.open("wb") as out:
        out.write(data[: len(data) // 2])
        out.flush()
        out.write(data[len(data) // 2 :])


def test_the_dossier_page_takes_scans_and_a_dropped_file_stays_out(
    qtbot: QtBot, make_session, counter_store, tmp_path: Path
) -> None:
    folder = tmp_path / "may-quet"
    folder.mkdir()
    d = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 26, 8, 0))
    session = make_session("canbo")
    session.settings.scan_folder = str(folder)
    page = DossierPage(session, clock=lambda: datetime(2026, 11, 26, 9, 0))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(d.id)
    box = page.attachments
    qtbot.waitUntil(lambda: box.scanner_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(box.scanner_opened, timeout=10000) as opened:
        box.scan(1)
    dialog = opened.args[0]
    _scan_in_two_parts(folder / "a.pdf", _pdf_bytes(1))
    _scan_in_two_parts(folder / "b.pdf", _pdf_bytes(4))
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=15000)
    dialog.list.setCurrentRow(1)
    dialog.remove()  # the wrong paper went through the scanner
    assert [p.name for p in dialog.files()] == ["a.pdf"] and (folder / "b.pdf").exists()
    with qtbot.waitSignal(box.attached, timeout=20000) as attached:
        accept_button(dialog.buttons).click()
    kept = attached.args[0]
    assert (kept.component, kept.pages) == (1, 1)
    assert len(PdfReader(io.BytesIO(counter_store.attachments.read(kept))).pages) == 1
