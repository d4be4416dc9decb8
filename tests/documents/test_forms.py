"""Every form: NFC text read back from the PDF, only the embedded Liberation Serif, nothing outside the page."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta

import numpy as np
import pytest
from document_samples import (
    ADDRESS,
    APPLICANT_NAME,
    CODE,
    NAMES,
    OFFICER_NAME,
    PROCEDURE_NAME,
    REPRESENTATIVE_NAME,
    Probe,
    make_dossier,
    make_unit,
    nfd,
)

from counter_app.core.errors import NotConfiguredError, ValidationError
from counter_app.core.model import DossierEvent, Status
from counter_app.documents import FormKind, Paper, render_form

PRINTED = datetime(2026, 11, 5, 8, 15)
PAPERS = [Paper.A5, Paper.A4]


def render(kind: FormKind, dossier=None, unit=None, paper: Paper = Paper.A5) -> bytes:
    return render_form(
        kind, dossier or make_dossier(), unit or make_unit(), paper=paper, names=NAMES, printed_at=PRINTED
    )


def assert_inside_page(probe: Probe, pdf: bytes, margin: float = 8.0) -> None:
    """Every glyph box lies at least `margin` points inside the page, and no two glyphs overlap."""
    chars = probe.chars(pdf)
    assert chars
    for page, ch, (left, bottom, right, top), (width, height) in chars:
        assert left >= margin and bottom >= margin, (page, ch, left, bottom)
        assert right <= width - margin and top <= height - margin, (page, ch, right, top)
    for number in {c[0] for c in chars}:
        on_page = [c for c in chars if c[0] == number]
        boxes = np.array([c[2] for c in on_page])  # left, bottom, right, top
        w = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(
            boxes[:, None, 0], boxes[None, :, 0]
        )
        h = np.minimum(boxes[:, None, 3], boxes[None, :, 3]) - np.maximum(
            boxes[:, None, 1], boxes[None, :, 1]
        )
        shared = np.clip(w, 0, None) * np.clip(h, 0, None)
        area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        smaller = np.minimum(area[:, None], area[None, :])
        np.fill_diagonal(shared, 0)
        i, j = np.unravel_index(np.argmax(shared - 0.3 * smaller), shared.shape)
        assert shared[i, j] <= 0.3 * smaller[i, j], (
            f"glyphs overlap on page {number}: {on_page[i][1]!r} {on_page[i][2]} / {on_page[j][1]!r} {on_page[j][2]}"
        )


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", list(FormKind))
def test_form_prints_names_and_code_as_nfc_in_embedded_liberation_only(
    probe: Probe, kind: FormKind, paper: Paper
) -> None:
    pdf = render(kind, paper=paper)
    text = probe.text(pdf)
    assert APPLICANT_NAME in text
    assert CODE in text
    assert unicodedata.is_normalized("NFC", text)
    if kind in (FormKind.RECEIPT, FormKind.REFUSAL, FormKind.SUPPLEMENT):
        assert ADDRESS in text
    fonts = probe.fonts(pdf)
    assert fonts
    assert all("LiberationSerif" in f.name and f.embedded for f in fonts), fonts
    assert b"Helvetica" not in pdf
    meta = probe.metadata(pdf)
    assert meta["/Author"] == "Trung tâm Phục vụ hành chính công phường Hai Bà Trưng"
    assert CODE in meta["/Title"]


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", list(FormKind))
def test_form_text_stays_inside_the_page_without_overlaps(probe: Probe, kind: FormKind, paper: Paper) -> None:
    assert_inside_page(probe, render(kind, paper=paper))


def test_receipt_lists_the_request_and_signatures(probe: Probe) -> None:
    text = probe.text(render(FormKind.RECEIPT))
    for expected in (
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        REPRESENTATIVE_NAME,
        PROCEDURE_NAME,
        "Thời gian nhận hồ sơ: 14 giờ 30 phút, ngày 27/10/2026",
        "14 giờ 30 phút, ngày 03/11/2026",
        "5 ngày làm việc",
        "8.000 đồng",
        "6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công phường Hai Bà Trưng",
        "Quyển số: 02/2026, Số thứ tự: 361",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        OFFICER_NAME,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hai Bà Trưng, ngày 27 tháng 10 năm 2026",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HAI BÀ TRƯNG",
    ):
        assert expected in text, expected


def test_receipt_by_post_says_so(probe: Probe) -> None:
    base = make_dossier()
    receipt = replace(base.history[0], data={"return_method": "post"})
    d = replace(base, history=(receipt,), status=Status.RECEIVED)
    text = probe.text(render(FormKind.RECEIPT, d))
    assert "Đăng ký nhận kết quả tại: Địa chỉ của người nộp hồ sơ, qua dịch vụ bưu chính công ích" in text
    assert "Đăng ký nhận kết quả tại: Trung tâm" not in text


def test_long_component_list_flows_onto_more_pages_with_the_table_heading_repeated(probe: Probe) -> None:
    pdf = render(FormKind.RECEIPT, make_dossier(components=30))
    pages = probe.page_texts(pdf)
    assert len(pages) >= 2
    text = " ".join(pages)
    for i in range(1, 31):
        assert f"Giấy tờ số {i}: bản sao giấy khai sinh" in text
    for page in pages:
        if "Giấy tờ số" in page:
            assert "Bản sao chứng thực" in page  # the heading row repeats
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in pages[-1] and OFFICER_NAME in pages[-1]
    assert f"{CODE} – Liên 1 – Trang 2" in pages[1]
    assert_inside_page(probe, pdf)


def test_the_page_check_catches_overflow_and_overlap(probe: Probe) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from counter_app.documents.assets import fonts

    def sample(*strings: tuple[float, float, str]) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(300, 300))
        canvas.setFont(fonts().regular, 12)
        for x, y, value in strings:
            canvas.drawString(x, y, value)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    assert_inside_page(probe, sample((20, 100, "Nguyễn Văn Đức"), (20, 120, "Trần Thị Thu")))
    with pytest.raises(AssertionError):
        assert_inside_page(probe, sample((250, 100, "Nguyễn Văn Đức tràn lề phải")))
    with pytest.raises(AssertionError):
        assert_inside_page(probe, sample((20, 100, "Nguyễn Văn Đức"), (22, 102, "Trần Thị Thu")))


def test_supplement_numbers_what_is_missing_and_whom_to_call(probe: Probe) -> None:
    text = probe.text(render(FormKind.SUPPLEMENT))
    assert "1. Bản chính Giấy chứng sinh" in text
    assert "2. Giấy tờ chứng minh nơi cư trú của người yêu cầu" in text
    assert "Lý do: Hồ sơ thiếu thành phần theo quy định tại Luật Hộ tịch" in text
    assert "024 3978 1234" in text
    assert "NGƯỜI HƯỚNG DẪN" in text
    assert OFFICER_NAME in text


def test_refusal_without_a_code_still_prints(probe: Probe) -> None:
    d = make_dossier(code=None, status=Status.REFUSED, history=())
    text = probe.text(render(FormKind.REFUSAL, d))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Hồ sơ thiếu thành phần theo quy định tại Luật Hộ tịch" in text
    assert "Số: ……" in text
    assert "Hai Bà Trưng, ngày 05 tháng 11 năm 2026" in text  # no refusal event: the printing date


def test_apology_uses_the_apology_event(probe: Probe) -> None:
    base = make_dossier()
    apology = DossierEvent(
        "e9",
        datetime(2026, 11, 4, 9, 0),
        "hung.lv",
        "apology",
        Status.PROCESSING,
        Status.PROCESSING,
        data={
            "reason": nfd("Phải xác minh thông tin với Sở Tư pháp tỉnh Thừa Thiên Huế"),
            "new_appointment": "2026-11-10T16:00:00",
            "agency": nfd("Phòng Văn hóa - Xã hội phường Hai Bà Trưng"),
            "signer": nfd("Hoàng Thị Mỹ Duyên"),
        },
    )
    d = replace(base, history=(*base.history[:3], apology), status=Status.PROCESSING)
    text = probe.text(render(FormKind.APOLOGY, d))
    assert "PHÒNG VĂN HÓA - XÃ HỘI PHƯỜNG HAI BÀ TRƯNG" in text
    assert "Phải xác minh thông tin với Sở Tư pháp tỉnh Thừa Thiên Huế" in text
    assert "16 giờ 00 phút, ngày 10/11/2026" in text
    assert "Hoàng Thị Mỹ Duyên" in text
    assert "THỦ TRƯỞNG CƠ QUAN" in text
    assert "Hai Bà Trưng, ngày 04 tháng 11 năm 2026" in text


def test_stop_notice_reads_the_stop_event_and_falls_back_to_the_dossier_reason(probe: Probe) -> None:
    base = make_dossier()
    stop = DossierEvent(
        "e9",
        datetime(2026, 10, 29, 10, 0),
        "anh.tt",
        "stop",
        Status.STOPPED,
        Status.PROCESSING,
        data={"requested_at": "2026-10-28T09:00:00", "reason": nfd("Công dân xin rút hồ sơ để bổ sung sau")},
    )
    text = probe.text(render(FormKind.STOP, replace(base, history=(*base.history[:2], stop))))
    assert "Ngày 28/10/2026" in text
    assert "Công dân xin rút hồ sơ để bổ sung sau" in text
    bare = replace(stop, data={})
    text = probe.text(render(FormKind.STOP, replace(base, history=(*base.history[:2], bare))))
    assert "Hồ sơ thiếu thành phần theo quy định tại Luật Hộ tịch" in text


def test_control_slip_rates_each_hand_over(probe: Probe) -> None:
    text = probe.text(render(FormKind.CONTROL))
    # e2 (counter, no due of its own) days before the appointment → early; the civil-status step, due
    # 30/10 17:00, handed on at 10:00 that day → on time; the leader's step, due 02/11 17:00, ended 03/11 → late;
    # the return at 15:10 on 03/11, after the 14:30 appointment → late.
    assert text.count("Trước hạn") == 1
    assert text.count("Đúng hạn") == 1
    assert text.count("Quá hạn") == 2
    assert "Người giao Lê Văn Hùng Người nhận Phạm Quốc Dũng" in text
    assert "Đã ký duyệt, chuyển trả kết quả" in text
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: UBND phường Hai Bà Trưng" in text


def test_thermal_is_only_for_receipts() -> None:
    with pytest.raises(ValueError):
        render(FormKind.REFUSAL, paper=Paper.THERMAL80)


def test_receipt_needs_an_agency_id_and_a_code() -> None:
    with pytest.raises(NotConfiguredError):
        render(FormKind.RECEIPT, unit=make_unit(agency_id=""))
    with pytest.raises(ValidationError):
        render(FormKind.RECEIPT, make_dossier(code=None))


def test_thermal_receipt_is_one_80mm_page_with_the_key_fields(probe: Probe) -> None:
    pdf = render(FormKind.RECEIPT, paper=Paper.THERMAL80)
    assert probe.pages(pdf) == 1
    text = probe.text(pdf)
    for expected in (
        CODE,
        APPLICANT_NAME,
        PROCEDURE_NAME,
        "14:30 27/10/2026",
        "14:30 03/11/2026",
        OFFICER_NAME,
    ):
        assert expected in text, expected
    chars = probe.chars(pdf)
    width = chars[0][3][0]
    assert abs(width - 80 / 25.4 * 72) < 0.5
    assert all(
        box[0] >= 4 * 72 / 25.4 - 0.5 and box[2] <= width - 4 * 72 / 25.4 + 0.5 for _, _, box, _ in chars
    )
    assert_inside_page(probe, pdf, margin=3.0)


def test_a_later_reprint_keeps_the_receipt_date(probe: Probe) -> None:
    later = render_form(
        FormKind.RECEIPT, make_dossier(), make_unit(), printed_at=PRINTED + timedelta(days=30)
    )
    assert "ngày 27 tháng 10 năm 2026" in probe.text(later)
