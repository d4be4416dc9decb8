"""Vietnamese wording on the forms, and the shipped fonts found and registered once."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from reportlab.pdfbase import pdfmetrics

from counter_app import shipped
from counter_app.core.model import DurationUnit, Procedure
from counter_app.documents import assets, wording


def test_dates_and_times_read_the_vietnamese_way() -> None:
    moment = datetime(2026, 1, 5, 7, 5)
    assert wording.moment_text(moment) == "07 giờ 05 phút, ngày 05/01/2026"
    assert wording.moment_text(None) == wording.DOTS
    assert wording.compact_moment(moment) == "07:05 05/01/2026"
    assert wording.long_date(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert wording.long_date(date(2026, 10, 27)) == "ngày 27 tháng 10 năm 2026"
    assert wording.long_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"  # months from March: no zero
    assert wording.place_and_date("Ba Đình", date(2026, 2, 1)) == "Ba Đình, ngày 01 tháng 02 năm 2026"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (8000, "8.000 đồng"),
        (0, "0 đồng"),
        (1250000, "1.250.000 đồng"),
        (500, "500 đồng"),
        (-20000, "-20.000 đồng"),
    ],
)
def test_money(amount: int, expected: str) -> None:
    assert wording.money(amount) == expected


def test_durations() -> None:
    def proc(n: float, unit: DurationUnit) -> Procedure:
        return Procedure("1.0", "Thủ tục", "Hộ tịch", duration=n, duration_unit=unit)

    assert wording.duration(proc(5, DurationUnit.WORKING_DAYS)) == "5 ngày làm việc"
    assert wording.duration(proc(0.5, DurationUnit.WORKING_DAYS)) == "0,5 ngày làm việc"
    assert wording.duration(proc(30, DurationUnit.DAYS)) == "30 ngày"
    assert wording.duration(proc(4, DurationUnit.HOURS)) == "4 giờ làm việc"


def test_text_is_nfc_and_safe_for_markup() -> None:
    assert wording.text("Công ty A & B <TNHH>") == "Công ty A &amp; B &lt;TNHH&gt;"
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" typed as base letters and combining marks
    assert wording.text(decomposed) == "Nguyễn"
    assert wording.block("dòng một\n\ndòng hai") == "dòng một<br/>dòng hai"
    assert wording.full_name("anh.tt", {"anh.tt": "Trương Thị Ngọc Ánh"}) == "Trương Thị Ngọc Ánh"
    assert wording.full_name("unknown", None) == "unknown"
    assert wording.return_method("post") == "Qua dịch vụ bưu chính công ích"
    assert wording.return_method("drone") == "drone"


def test_fonts_ship_with_the_app_and_register_once() -> None:
    folder = shipped.fonts()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (folder / f"LiberationSerif-{face}.ttf").is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL-LiberationSerif.txt").read_text()
    first = assets.fonts()
    assert assets.fonts() is first
    font = pdfmetrics.getFont(first.regular)
    for ch in "ẮẰẲẴẶắằẳẵặƠơƯưỰựỸỹĐđ":
        assert ord(ch) in font.face.charToGlyph, ch  # type: ignore[attr-defined]
