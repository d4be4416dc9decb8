"""Form 01 by the template and the law, read back from the PDF: the unit's legal name (Decree 118/2025/NĐ-CP),
both copies, the numbered items, shown papers, free procedures, one A5 page up to 8 components, the signatures
kept with the table, and what `dossier receive` and `setup` record."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from document_samples import NAMES, OFFICER_NAME, Probe, make_dossier, make_unit

from counter_app.app.catalogue import sample
from counter_app.app.settings import lawful_agency_name
from counter_app.core.intake import full_set
from counter_app.core.model import Dossier, Fee, HandedComponent, UnitConfig
from counter_app.documents import FormKind, Paper, render_form
from counter_app.documents.specimen import NAMES as SPECIMEN_NAMES
from counter_app.documents.specimen import UNIT, specimen_dossier
from counter_app.documents.wording import body_name, centre_name

CENTRE_HBT = "Trung tâm Phục vụ hành chính công phường Hai Bà Trưng"
ITEMS = (
    "1. Thành phần hồ sơ nộp gồm:",
    "2. Số lượng hồ sơ: 01 (bộ)",
    "3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc",
    "4. Thời gian nhận hồ sơ: 14 giờ 30 phút, ngày 27/10/2026",
    "5. Thời gian trả kết quả giải quyết hồ sơ: 14 giờ 30 phút, ngày 03/11/2026",
    f"6. Đăng ký nhận kết quả tại: {CENTRE_HBT}",
    "Vào Sổ theo dõi hồ sơ, Quyển số: 02/2026, Số thứ tự: 361",
    "NGƯỜI NỘP HỒ SƠ",
    "NGƯỜI TIẾP NHẬN HỒ SƠ",
)
#: Paper names that fit on one line of the A5 table (the specimen's applicant and representative around them).
ONE_LINE_NAMES = (
    "Tờ khai đăng ký khai sinh theo mẫu",
    "Giấy chứng sinh",
    "Văn bản ủy quyền",
    "Giấy tờ tùy thân của người yêu cầu",
    "Giấy tờ chứng minh nơi cư trú",
    "Biên bản xác nhận việc trẻ bị bỏ rơi",
    "Giấy khám sức khỏe của người nhận con nuôi",
    "Bản sao Giấy khai sinh cũ",
)


def receipt(dossier: Dossier, unit: UnitConfig | None = None, paper: Paper = Paper.A5) -> bytes:
    return render_form(FormKind.RECEIPT, dossier, unit or make_unit(), paper=paper, names=NAMES)


def specimen_with(count: int) -> Dossier:
    """The specimen (applicant, representative, address) with `count` one-line papers, the fourth only shown."""
    papers = tuple(
        HandedComponent(i + 1, f"{ONE_LINE_NAMES[i % len(ONE_LINE_NAMES)]} ({i + 1})", 1, shown=i == 3)
        for i in range(count)
    )
    return replace(specimen_dossier(), components=papers)


# ---- the unit's legal name ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("governing", "centre"),
    [
        ("UBND PHƯỜNG BA ĐÌNH", "Trung tâm Phục vụ hành chính công phường Ba Đình"),
        ("UBND phường Hai Bà Trưng", CENTRE_HBT),
        ("Ủy ban nhân dân xã Kim Liên", "Trung tâm Phục vụ hành chính công xã Kim Liên"),
        ("ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", "Trung tâm Phục vụ hành chính công đặc khu Phú Quốc"),
        ("UBND TỈNH ĐẮK LẮK", "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk"),
        ("Sở Tư pháp", ""),  # names no commune, ward or province: no default, the name must be typed
        ("UBND", ""),
    ],
)
def test_the_lawful_default_name_comes_from_the_governing_body(governing: str, centre: str) -> None:
    assert centre_name(governing) == centre
    assert lawful_agency_name(governing) == centre


def test_an_all_capitals_centre_name_reads_as_the_decree_writes_it_in_running_text() -> None:
    capitals = make_unit(agency_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HAI BÀ TRƯNG")
    assert body_name(capitals) == CENTRE_HBT
    other = make_unit(agency_name="BỘ PHẬN MỘT CỬA SỞ TƯ PHÁP")
    assert body_name(other) == "BỘ PHẬN MỘT CỬA SỞ TƯ PHÁP"  # any other name as configured


@pytest.mark.parametrize("kind", [FormKind.RECEIPT, FormKind.CONTROL])
@pytest.mark.parametrize("paper", [Paper.A5, Paper.A4])
def test_forms_01_and_06_name_the_centre_never_the_one_stop_section(
    probe: Probe, kind: FormKind, paper: Paper
) -> None:
    unit = make_unit(agency_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HAI BÀ TRƯNG")
    text = probe.text(render_form(kind, make_dossier(), unit, paper=paper, names=NAMES))
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HAI BÀ TRƯNG" in text  # the header
    assert CENTRE_HBT in text  # the running text
    assert "Bộ phận" not in text and "BỘ PHẬN" not in text


# ---- two copies, the template's items ------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", [Paper.A5, Paper.A4])
def test_the_receipt_prints_both_copies_each_marked_with_every_numbered_item_in_order(
    probe: Probe, paper: Paper
) -> None:
    pdf = receipt(make_dossier(components=1), paper=paper)
    pages = probe.page_texts(pdf)
    # The long names and addresses of this dossier may take a copy onto a second A5 page: read each copy whole.
    second = next(i for i, page in enumerate(pages) if "Liên 2" in page)
    copies = [" ".join(pages[:second]), " ".join(pages[second:])]
    assert len(pages) == 2 * second  # both copies take the same number of pages
    for page, mark in zip(copies, ("(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)"), strict=True):
        assert f"Mã hồ sơ: 000.00.06.H56-261027-0361 {mark}" in page
        assert f"Đơn vị tiếp nhận: {CENTRE_HBT}" in page
        places = [page.index(item) for item in ITEMS]
        assert places == sorted(places), [item for item in ITEMS]
        assert OFFICER_NAME in page
    assert "Liên 2" not in copies[0] and "(Liên 1" not in copies[1]


def test_a_copy_running_onto_a_second_page_numbers_its_own_pages(probe: Probe) -> None:
    pages = probe.page_texts(receipt(make_dossier(components=12)))
    second = next(i for i, page in enumerate(pages) if "(Liên 2: Giao người nộp hồ sơ)" in page)
    first_copy, second_copy = pages[:second], pages[second:]
    assert "(Liên 1: Lưu)" in first_copy[0]
    assert len(first_copy) == len(second_copy) >= 2
    for copy, name in ((first_copy, "Liên 1"), (second_copy, "Liên 2")):
        assert "– Trang" not in copy[0]  # the first page of each copy carries no page number
        for number, page in enumerate(copy[1:], start=2):
            assert f"000.00.06.H56-261027-0361 – {name} – Trang {number}" in page


# ---- shown papers and fees ---------------------------------------------------------------------------------------


def test_every_shown_only_paper_of_the_catalogue_prints_as_shown_not_as_an_original(probe: Probe) -> None:
    procedures = sample()
    shown_only = [c for p in procedures for c in p.components if c.shown_only]
    # 41 when this was written, each with originals set: all printed as "Bản chính 1" (or 2) before
    assert len(shown_only) >= 40 and all(c.originals for c in shown_only)
    for procedure in procedures:
        handed = full_set(procedure)  # everything handed in, with the catalogue's counts
        d = replace(make_dossier(), procedure=procedure, components=handed, representative=None)
        text = probe.text(receipt(d))
        for component in procedure.components:
            name = " ".join(component.name.split())
            if component.shown_only:
                assert text.count(f"{name} Xuất trình") == 2, (procedure.code, name)  # both copies
                assert f"{name} 1" not in text, (procedure.code, name)
            else:
                assert f"{name} Xuất trình" not in text, (procedure.code, name)


@pytest.mark.parametrize(
    ("fees", "printed"),
    [
        ((Fee("Lệ phí (miễn)", 0),), "Miễn phí"),
        ((Fee("Lệ phí", 0), Fee("Phí", 0)), "Miễn phí"),
        ((), "Miễn phí"),
        ((Fee("Lệ phí", 8000),), "8.000 đồng"),
        ((Fee("Lệ phí", 0), Fee("Phí chứng thực", 2000)), "2.000 đồng"),
    ],
)
def test_a_free_procedure_prints_mien_phi_never_0_dong(
    probe: Probe, fees: tuple[Fee, ...], printed: str
) -> None:
    base = make_dossier(components=1)
    d = replace(base, procedure=replace(base.procedure, fees=fees))
    text = probe.text(receipt(d))
    assert text.count(f"2. Số lượng hồ sơ: 01 (bộ); Phí, lệ phí: {printed}") == 2
    assert "0 đồng" not in text.replace("000 đồng", "")


# ---- one A5 page up to 8 components; the signatures never alone -----------------------------------------------------


@pytest.mark.parametrize("count", range(1, 9))
def test_a_receipt_of_up_to_8_components_fits_one_a5_page_per_copy(probe: Probe, count: int) -> None:
    pdf = render_form(FormKind.RECEIPT, specimen_with(count), UNIT, paper=Paper.A5, names=SPECIMEN_NAMES)
    pages = probe.page_texts(pdf)
    assert len(pages) == 2, f"{count} components: {len(pages)} pages"
    for page in pages:
        assert f"({count})" in page  # the last row is on the page
        assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in page and "Trần Thị Thu" in page


@pytest.mark.parametrize("count", [9, 10, 12, 16, 24, 30])
def test_beyond_that_the_signatures_stay_with_the_last_rows_of_the_table(probe: Probe, count: int) -> None:
    for pdf, last in (
        (receipt(make_dossier(components=count)), f"Giấy tờ số {count}:"),
        (
            render_form(FormKind.RECEIPT, specimen_with(count), UNIT, names=SPECIMEN_NAMES),
            f"({count})",
        ),
    ):
        pages = probe.page_texts(pdf)
        signed = [i for i, page in enumerate(pages) if "NGƯỜI TIẾP NHẬN HỒ SƠ" in page]
        assert len(signed) == 2  # one per copy
        for index in signed:
            page = pages[index]
            assert last in page, (count, index)  # the last row sits on the signatures' page
            assert page.index(last) < page.index("2. Số lượng hồ sơ") < page.index("NGƯỜI NỘP HỒ SƠ")
            assert "STT Tên giấy tờ" in page  # with the table's heading


def test_the_rows_that_move_open_the_next_page_under_the_repeated_heading(probe: Probe) -> None:
    """10 specimen papers no longer fit one A5 page (9 still do): page 2 of each copy opens with the heading and the
    table's last two rows, then the items and signatures; never with the signatures alone."""
    pdf = render_form(FormKind.RECEIPT, specimen_with(10), UNIT, names=SPECIMEN_NAMES)
    pages = probe.page_texts(pdf)
    assert len(pages) == 4
    for first, second in ((pages[0], pages[1]), (pages[2], pages[3])):
        assert "(8)" in first and "(9)" not in first and "NGƯỜI NỘP HỒ SƠ" not in first
        assert second.startswith("STT Tên giấy tờ Bản chính Bản sao chứng thực Bản sao 9 ")
        assert second.index("(10)") < second.index("2. Số lượng hồ sơ") < second.index("NGƯỜI NỘP HỒ SƠ")


# ---- what `dossier receive` records ------------------------------------------------------------------------------

RECEIVE = (
    "dossier",
    "receive",
    "--procedure",
    "1.001193",
    "--applicant-name",
    "Tôn Nữ Thị Huyền Trân",
    "--applicant-id",
    "001190012345",
    "--received",
    "2026-11-27T09:00",
    "--json",
)


def _receipt_text(cli, code: str, tmp_path: Path) -> str:
    out = tmp_path / f"{code}.pdf"
    assert cli("print", "receipt", code, "-o", str(out)).code == 0
    return Probe.text(out.read_bytes())


def test_receive_records_conditional_papers_only_when_handed_in(store, cli, clock, tmp_path: Path) -> None:
    procedure = store.procedure("1.001193")
    assert [c.number for c in procedure.components if not c.required] == [3, 4, 5, 7]
    plain = cli(*RECEIVE)
    assert plain.code == 0, plain.err
    d = store.dossiers.get(json.loads(plain.out)["code"])
    assert [c.number for c in d.components] == [1, 2, 6]
    assert next(c for c in d.components if c.number == 6) == HandedComponent(
        6, procedure.component(6).name, shown=True
    )
    text = _receipt_text(cli, d.code, tmp_path)
    assert "Biên bản xác nhận việc trẻ bị bỏ rơi" not in text and "Văn bản ủy quyền" not in text

    authorised = cli(*RECEIVE, "--conditional", "5", "7")
    assert authorised.code == 0, authorised.err
    d = store.dossiers.get(json.loads(authorised.out)["code"])
    assert [c.number for c in d.components] == [1, 2, 5, 6, 7]
    text = _receipt_text(cli, d.code, tmp_path)
    assert text.count("Văn bản ủy quyền (trường hợp ủy quyền) 1") == 2
    assert text.count("Giấy tờ chứng minh nơi cư trú Xuất trình") == 2
    assert "Biên bản xác nhận việc trẻ bị bỏ rơi" not in text


@pytest.mark.parametrize(
    ("extra", "sentence"),
    [
        (("--conditional", "1"), "Thành phần số 1 là bắt buộc"),
        (("--conditional", "9"), "không có thành phần số 9"),
        (("--missing", "5", "--conditional", "5"), "không thể vừa thiếu vừa được nộp"),
    ],
)
def test_receive_refuses_papers_that_cannot_be_conditional(
    store, cli, clock, extra: tuple[str, ...], sentence: str
) -> None:
    result = cli(*RECEIVE, *extra)
    assert result.code == 2 and sentence in result.err and "Traceback" not in result.err


# ---- `setup` and the unit form fill the legal name -------------------------------------------------------------


def _setup(cli, tmp_path: Path, *fields: str):
    password = tmp_path / "admin-password"
    password.write_text("quan-tri-phuong-mau\n", encoding="utf-8")
    return cli(
        "setup",
        "--agency-id",
        "000.00.06.H56",
        *fields,
        "--place",
        "Phường Mẫu",
        "--counter",
        "2",
        "--admin-password-file",
        str(password),
    )


def test_first_setup_without_a_name_takes_the_lawful_one(cli, tmp_path: Path) -> None:
    result = _setup(cli, tmp_path, "--parent-body", "UBND PHƯỜNG MẪU")
    assert result.code == 0, result.err
    assert "Đã cấu hình quầy 02 của Trung tâm Phục vụ hành chính công phường Mẫu" in result.out


def test_first_setup_needs_a_name_when_the_governing_body_gives_none(cli, tmp_path: Path) -> None:
    result = _setup(cli, tmp_path, "--parent-body", "Sở Tư pháp")
    assert result.code == 2 and "--agency-name" in result.err


def _type(qtbot, widget, text: str) -> None:
    """Type as an officer does: ASCII as key presses, Vietnamese letters as input-method commits."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def test_the_unit_form_fills_the_legal_name_from_the_governing_body(qtbot) -> None:
    from counter_app.gui.unit_form import UnitForm

    form = UnitForm("vi")
    qtbot.addWidget(form)
    _type(qtbot, form.parent_body, "UBND phường Ba Đình")
    assert form.agency_name.text() == "Trung tâm Phục vụ hành chính công phường Ba Đình"
    form.agency_name.setText("Trung tâm Phục vụ hành chính công phường Ba Đình (cơ sở 2)")  # typed by hand
    _type(qtbot, form.parent_body, " mới")
    assert form.agency_name.text() == "Trung tâm Phục vụ hành chính công phường Ba Đình (cơ sở 2)"
    form.agency_name.clear()
    form.parent_body.setText("UBND xã Kim Liên")
    form.agency_id.setText("000.00.06.H56")
    form.place.setText("Kim Liên")
    unit, _hours = form.validated()
    assert unit.agency_name == "Trung tâm Phục vụ hành chính công xã Kim Liên"
