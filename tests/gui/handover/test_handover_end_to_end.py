"""End to end: a result-ready dossier is scanned, handed over to its verified applicant, rated, and booked."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from handover_samples import APPLICANT, CounterWindow, Keyboard, make_ready, receive, record_handover
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from counter_app.app.handover import Handover
from counter_app.core.intake import rating_of
from counter_app.core.model import Rating, ReturnMethod, Status
from counter_app.devices.qt_wedge import ScannerEventFilter
from counter_app.documents import render_tracking_book, write_tracking_book_xlsx
from counter_app.documents.book import COLUMNS
from counter_app.storage.store import CounterStore

HUMAN_MS = 180


def _book_row(path: Path, code: str) -> dict[str, object]:
    sheet = load_workbook(path).active
    headings = [h for h, _ in COLUMNS]
    for row in sheet.iter_rows(values_only=True):
        if code in row:
            return dict(zip(headings, row, strict=False))
    raise AssertionError(f"{code} is not in the tracking book")


def test_scan_verify_return_rate_and_find_it_in_the_tracking_book(
    qtbot: QtBot,
    counter_window: CounterWindow,
    scanner: ScannerEventFilter,
    keyboard: Keyboard,
    store: CounterStore,
    tmp_path: Path,
) -> None:
    ready = make_ready(store, receive(store))
    code = ready.code or ""
    assert store.dossiers.get(code).status is Status.RESULT_READY
    panel = counter_window.panel
    counter_window.focus(qtbot, counter_window.other_field)

    # The citizen hands over form 01; the officer scans its barcode with the USB scanner.
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        keyboard.scan(code)
    assert panel.steps.currentWidget() is panel.return_form
    assert counter_window.other_field.text() == ""

    # The officer types the number on the citizen's ID card (focus is already there) and confirms with Enter.
    form = panel.return_form
    qtbot.waitUntil(lambda: form.identifier.hasFocus())
    keyboard.type(APPLICANT.identifier + "\r", HUMAN_MS)
    qtbot.waitUntil(lambda: panel.steps.currentWidget() is panel.rating_form, timeout=5000)
    assert form.identifier.text() == APPLICANT.identifier

    # The citizen presses 1 ("Rất hài lòng"); the return and the rating are written together.
    with qtbot.waitSignal(panel.result_returned, timeout=5000) as returned:
        keyboard.type("1", 400)
    after = returned.args[0]
    stored = store.dossiers.get(code)
    assert stored.status is Status.RETURNED
    assert stored.version == after.version
    assert rating_of(stored) is Rating.VERY_SATISFIED
    back = next(e for e in stored.history if e.action == "return")
    assert back.officer == "canbo"
    assert back.data["recipient_id"] == APPLICANT.identifier
    assert back.data["return_method"] == "counter"

    # The tracking book of the day of receipt lists it with the time it was returned.
    day: date = stored.received_at.date()
    book = tmp_path / "so-theo-doi.xlsx"
    write_tracking_book_xlsx(book, store.dossiers.all(), store.require_unit(), day, day)
    row = _book_row(book, code)
    assert row["Tên tổ chức, cá nhân"] == APPLICANT.name
    returned_at = row["Ngày, giờ trả kết quả"]
    assert isinstance(returned_at, datetime)
    assert abs((returned_at - back.at).total_seconds()) < 60
    pdf_text = "".join(
        page.extract_text()
        for page in PdfReader(
            io.BytesIO(render_tracking_book(store.dossiers.all(), store.require_unit(), day, day))
        ).pages
    )
    assert code in pdf_text.replace("\n", "")
    assert f"{back.at:%H:%M}" in pdf_text

    # The card now answers "already returned", and the next citizen can be served.
    assert panel.card.status.text() == "Đã trả kết quả"
    assert "Đánh giá: Rất hài lòng" in panel.card.answer.text()
    assert store.models.Outbox.select().where(store.models.Outbox.dossier_id == stored.id).count() >= 2


def test_the_book_says_how_a_rated_result_was_returned(store: CounterStore, tmp_path: Path) -> None:
    ready = make_ready(store, receive(store))
    handover = Handover(APPLICANT.name, APPLICANT.identifier, ReturnMethod.COUNTER)
    record_handover(store, ready, handover, officer="canbo", at=datetime.now(), rating=Rating.SATISFIED)
    day = ready.received_at.date()
    book = tmp_path / "so-theo-doi.xlsx"
    write_tracking_book_xlsx(book, store.dossiers.all(), store.require_unit(), day, day)
    assert _book_row(book, ready.code or "")["Phương thức nhận kết quả"] == "Trực tiếp"
