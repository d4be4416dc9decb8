"""Form 07, the tracking book: period and field filters, returned time and method, PDF and XLSX agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from document_samples import (
    ADDRESS,
    APPLICANT_NAME,
    CODE,
    PROCEDURE_NAME,
    Probe,
    make_dossier,
    make_unit,
    nfd,
)
from openpyxl import load_workbook

from counter_app.core.model import Procedure
from counter_app.documents import render_tracking_book, write_tracking_book_xlsx

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


def land_dossier():
    """A dossier of another field (land), received in October, not yet returned."""
    base = make_dossier(components=1)
    return replace(
        base,
        id="land",
        code="000.00.06.H56-261015-0302",
        received_at=datetime(2026, 10, 15, 8, 5),
        procedure=Procedure("1.004227", nfd("Đăng ký biến động quyền sử dụng đất"), nfd("Đất đai")),
        history=base.history[:2],
        book_entry=None,
    )


def november_dossier():
    base = make_dossier(components=1)
    return replace(base, id="nov", code="000.00.06.H56-261102-0301", received_at=datetime(2026, 11, 2, 9, 0))


def test_book_pdf_lists_the_period_oldest_first_with_return_details(probe: Probe) -> None:
    pdf = render_tracking_book([make_dossier(), land_dossier(), november_dossier()], make_unit(), *OCTOBER)
    text = probe.text(pdf)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/10/2026 đến ngày 31/10/2026" in text
    assert CODE in text and "000.00.06.H56-261015-0302" in text
    assert "000.00.06.H56-261102-0301" not in text
    assert text.index("000.00.06.H56-261015-0302") < text.index(CODE)
    assert APPLICANT_NAME in text and ADDRESS in text and "0912345678" in text
    assert "15:10 03/11/2026" in text and "Trực tiếp" in text  # returned, and how
    assert "UBND phường Hai Bà Trưng" in text  # lead agency
    assert all("LiberationSerif" in f.name and f.embedded for f in probe.fonts(pdf))
    meta = probe.metadata(pdf)
    assert meta["/Author"] == "Trung tâm Phục vụ hành chính công phường Hai Bà Trưng"


def test_book_filters_by_field(probe: Probe) -> None:
    text = probe.text(
        render_tracking_book([make_dossier(), land_dossier()], make_unit(), *OCTOBER, field=nfd("Hộ tịch"))
    )
    assert "Lĩnh vực: Hộ tịch" in text
    assert CODE in text and "000.00.06.H56-261015-0302" not in text


def test_long_book_repeats_its_heading_on_every_page(probe: Probe) -> None:
    many = [
        replace(make_dossier(components=1), id=f"d{i}", code=f"000.00.06.H56-261027-03{i:02d}", book_entry=i)
        for i in range(1, 41)
    ]
    pdf = render_tracking_book(many, make_unit(), *OCTOBER)
    pages = probe.page_texts(pdf)
    assert len(pages) >= 3
    assert all("Phương thức nhận kết quả" in page for page in pages)
    assert all(f"000.00.06.H56-261027-03{i:02d}" in " ".join(pages) for i in range(1, 41))


def test_book_xlsx_holds_the_same_lines(tmp_path: Path) -> None:
    path = tmp_path / "so-theo-doi.xlsx"
    write_tracking_book_xlsx(
        path, [november_dossier(), make_dossier(), land_dossier()], make_unit(), *OCTOBER
    )
    sheet = load_workbook(path).active
    rows = [
        row for row in sheet.iter_rows(values_only=True) if row and row[1] and str(row[1]).startswith("000.")
    ]
    assert [r[1] for r in rows] == ["000.00.06.H56-261015-0302", CODE]
    first, second = rows
    assert first[0] == 1  # no book entry of its own: its position in the listing
    assert second[0] == 361  # the dossier's own book entry
    assert second[2] == PROCEDURE_NAME and second[3] == APPLICANT_NAME
    assert second[4] == f"{ADDRESS}; 0912345678"
    assert second[6] == datetime(2026, 10, 27, 14, 30)
    assert second[7] == datetime(2026, 10, 27, 14, 30) + timedelta(days=7)
    assert second[8] == datetime(2026, 11, 3, 15, 10) and second[9] == "Trực tiếp"
    assert first[8] is None and first[9] in (None, "")
    header = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "STT")
    assert header[-1] == "Ký nhận" and len(header) == 11
