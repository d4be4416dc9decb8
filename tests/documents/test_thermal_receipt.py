"""Form 01 on the 80 mm roll, read back from the PDF: the national header and the unit above the title, the papers
handed in with their counts, the fees, and both signature blocks with room to sign under them."""

from __future__ import annotations

from dataclasses import replace

from document_samples import (
    APPLICANT_NAME,
    CODE,
    NAMES,
    OFFICER_NAME,
    REPRESENTATIVE_NAME,
    Probe,
    make_dossier,
    make_unit,
)

from counter_app.core.model import Dossier, HandedComponent
from counter_app.documents import FormKind, Paper, render_form

MM = 72 / 25.4


def slip(dossier: Dossier | None = None, **unit: object) -> bytes:
    return render_form(
        FormKind.RECEIPT, dossier or make_dossier(), make_unit(**unit), paper=Paper.THERMAL80, names=NAMES
    )


def lines(probe: Probe, pdf: bytes) -> list[tuple[float, str]]:
    """The slip's text as (bottom in points from the page's bottom, text without spaces) per printed line, top to
    bottom (the two signature columns share lines; the loose boxes of one line share their bottom, not their top,
    which tone marks raise)."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for _, ch, (left, bottom, _right, _top), _ in probe.chars(pdf):
        rows.setdefault(round(bottom), []).append((left, ch))
    return [
        (float(bottom), "".join(ch for _, ch in sorted(chars)))
        for bottom, chars in sorted(rows.items(), reverse=True)
    ]


def test_the_slip_carries_the_national_header_and_the_unit_above_the_title(probe: Probe) -> None:
    text = probe.text(slip())
    header = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND PHƯỜNG HAI BÀ TRƯNG",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HAI BÀ TRƯNG",
        "Hai Bà Trưng, ngày 27 tháng 10 năm 2026",  # the day of receipt, as on the paper form
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
    )
    places = [text.index(item) for item in header]
    assert places == sorted(places)
    # the motto is on its own line, whole: never cut by the 72 mm frame
    assert any(line == "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM" for _, line in lines(probe, slip()))


def test_a_unit_named_as_its_governing_body_is_printed_once(probe: Probe) -> None:
    text = probe.text(slip(agency_name="UBND phường Hai Bà Trưng"))
    assert text.count("UBND PHƯỜNG HAI BÀ TRƯNG") == 1


def test_the_slip_lists_every_paper_with_its_counts_and_the_fees(probe: Probe) -> None:
    papers = (
        HandedComponent(1, "Tờ khai đăng ký khai sinh", 1),
        HandedComponent(2, "Giấy chứng sinh", 1, certified_copies=2),
        HandedComponent(3, "Giấy tờ tùy thân của người đi đăng ký", 1, shown=True),
        HandedComponent(4, "Sổ hộ khẩu", 0, photocopies=3),
    )
    text = probe.text(slip(replace(make_dossier(), components=papers)))
    expected = (
        "Thành phần hồ sơ nộp gồm:",
        "1 Tờ khai đăng ký khai sinh Bản chính: 1",
        "2 Giấy chứng sinh Bản chính: 1; Bản sao chứng thực: 2",
        "3 Giấy tờ tùy thân của người đi đăng ký Xuất trình",  # shown and handed back: no count
        "4 Sổ hộ khẩu Bản sao: 3",
        "Số lượng hồ sơ: 01 (bộ); Phí, lệ phí: 8.000 đồng",
    )
    places = [text.index(item) for item in expected]
    assert places == sorted(places)
    assert "Bản chính: 0" not in text


def test_a_slip_without_papers_says_so(probe: Probe) -> None:
    text = probe.text(slip(replace(make_dossier(), components=())))
    assert "Thành phần hồ sơ nộp gồm: không có giấy tờ kèm theo" in text


def test_both_signatures_come_last_with_room_to_sign(probe: Probe) -> None:
    pdf = slip()
    assert probe.pages(pdf) == 1
    text = probe.text(pdf)
    assert text.index("Phí, lệ phí") < text.index("NGƯỜI NỘP HỒ SƠ") < text.index("NGƯỜI TIẾP NHẬN HỒ SƠ")
    assert text.count("(Ký và ghi rõ họ tên)") == 2
    assert REPRESENTATIVE_NAME in text  # the authorised person signs as the submitter
    assert OFFICER_NAME in text
    printed = lines(probe, pdf)
    hint = next(top for top, line in printed if "(Kývàghirõhọtên)" in line)
    officer = next(top for top, line in printed if OFFICER_NAME.replace(" ", "") in line)
    assert hint - officer >= 12 * MM  # 12 mm of paper to sign on
    # below the names (the representative's long one wraps) only the unit's support line
    below = [line for top, line in printed if top < officer - 1]
    assert below[-1] == "Hỗtrợ:02439781234"
    assert "".join(below[:-1]) in REPRESENTATIVE_NAME.replace(" ", "")


def test_a_citizen_without_a_representative_signs_with_their_own_name(probe: Probe) -> None:
    text = probe.text(slip(replace(make_dossier(), representative=None)))
    assert text.index("NGƯỜI NỘP HỒ SƠ") < text.rindex(APPLICANT_NAME)
