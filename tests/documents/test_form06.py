"""Form 06, the control slip, read back from the PDF: whose dossier it goes with, room for the giver's and the
receiver's signatures at each hand-over, rows still to come left blank, and the last hand-over to the citizen."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from document_samples import APPLICANT_NAME, NAMES, REPRESENTATIVE_NAME, Probe, make_dossier, make_unit
from test_forms import assert_inside_page

from counter_app.core.intake import RECEPTION_UNIT
from counter_app.core.model import Dossier, DossierEvent, Status
from counter_app.documents import FormKind, Paper, render_form
from counter_app.documents.control import hand_overs
from counter_app.documents.wording import DOTS

CENTRE = "Trung tâm Phục vụ hành chính công phường Hai Bà Trưng"


def slip(dossier: Dossier, paper: Paper = Paper.A5) -> bytes:
    return render_form(FormKind.CONTROL, dossier, make_unit(), paper=paper, names=NAMES)


def received_only() -> Dossier:
    """Just received at the counter (the core's own name for it), not yet handed on."""
    base = make_dossier()
    receipt = replace(base.history[0], unit=RECEPTION_UNIT)
    return replace(base, history=(receipt,), status=Status.RECEIVED, unit=RECEPTION_UNIT)


def returned_to(data: dict[str, object], receiver: str = "") -> Dossier:
    base = make_dossier()
    back = replace(base.history[-1], data={"return_method": "counter", **data}, receiver=receiver)
    return replace(base, history=(*base.history[:-1], back))


def test_the_slip_says_whose_dossier_it_goes_with(probe: Probe) -> None:
    text = probe.text(slip(make_dossier()))
    assert f"Kèm theo hồ sơ của: {APPLICANT_NAME}" in text
    assert text.index("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ") < text.index("Kèm theo hồ sơ của")
    assert "Cơ quan phối hợp giải quyết hồ sơ:" in text


def test_every_hand_over_has_a_giver_and_a_receiver_with_room_to_sign(probe: Probe) -> None:
    pdf = slip(make_dossier())
    text = probe.text(pdf)
    rows = text.count("1. Giao:")
    assert rows == 4  # to the civil-status officer, to the leader, back to the centre, to the citizen
    assert text.count("Người giao") == rows and text.count("Người nhận") == rows
    assert "Người giao Trương Thị Ngọc Ánh Người nhận Lê Văn Hùng" in text
    assert "Người giao Lê Văn Hùng Người nhận Phạm Quốc Dũng" in text
    # the room to sign: each giver's name sits at least 5 mm under its "Người giao"
    chars = probe.chars(pdf)
    for name in ("Lê Văn Hùng", "Phạm Quốc Dũng"):
        line = "".join(c[1] for c in chars)
        at = line.index(f"Ngườigiao{name.replace(' ', '')}")  # the character boxes leave out spaces
        label_bottom = chars[at][2][1]
        name_top = chars[at + len("Ngườigiao")][2][3]
        assert label_bottom - name_top >= 5 / 25.4 * 72, name


def test_the_counter_prints_under_the_units_legal_name(probe: Probe) -> None:
    text = probe.text(slip(make_dossier()))
    assert f"1. Giao: {CENTRE} 2. Nhận: Công chức Tư pháp - Hộ tịch" in text
    assert f"1. Giao: Lãnh đạo UBND phường 2. Nhận: {CENTRE}" in text
    assert "Bộ phận" not in text


def test_the_last_hand_over_gives_the_result_to_the_citizen(probe: Probe) -> None:
    text = probe.text(slip(make_dossier()))
    last = text[text.rindex("1. Giao:") :]
    assert last.startswith(f"1. Giao: {CENTRE} 2. Nhận: {APPLICANT_NAME}")
    assert "15 giờ 10 phút, ngày 03/11/2026" in last


def test_a_result_collected_by_someone_else_or_posted_says_so(probe: Probe) -> None:
    by_proxy = probe.text(
        slip(returned_to({"recipient_name": REPRESENTATIVE_NAME}, receiver=REPRESENTATIVE_NAME))
    )
    assert f"2. Nhận: {REPRESENTATIVE_NAME} (nhận thay {APPLICANT_NAME})" in by_proxy
    assert f"Người nhận {REPRESENTATIVE_NAME}" in by_proxy
    by_post = probe.text(slip(returned_to({"return_method": "post"})))
    assert f"2. Nhận: {APPLICANT_NAME} (qua dịch vụ bưu chính công ích)" in by_post


def test_an_open_dossier_leaves_the_hand_overs_to_come_blank_and_names_the_citizen_last(probe: Probe) -> None:
    text = probe.text(slip(received_only()))
    rows = hand_overs(received_only(), make_unit(), NAMES)
    assert [(r.from_unit, r.to_unit, r.at) for r in rows] == [
        (CENTRE, "", None),
        ("", CENTRE, None),
        (CENTRE, APPLICANT_NAME, None),
    ]
    assert f"1. Giao: {CENTRE} 2. Nhận: {DOTS}" in text
    assert f"1. Giao: {DOTS} 2. Nhận: {CENTRE}" in text
    assert f"1. Giao: {CENTRE} 2. Nhận: {APPLICANT_NAME}" in text
    assert text.count(".... giờ .... phút, ngày ..../..../") == 3
    assert "Bộ phận" not in text
    assert text.count("Người giao") == 3 and text.count("Người nhận") == 3


def test_a_dossier_at_a_processing_unit_keeps_one_blank_row_back_to_the_centre(probe: Probe) -> None:
    base = make_dossier()
    at_the_officer = replace(base, history=base.history[:2], status=Status.PROCESSING)
    rows = hand_overs(at_the_officer, make_unit(), NAMES)
    assert [(r.from_unit, r.to_unit) for r in rows] == [
        (CENTRE, "Công chức Tư pháp - Hộ tịch"),
        ("", CENTRE),
        (CENTRE, APPLICANT_NAME),
    ]
    assert rows[0].giver == "Trương Thị Ngọc Ánh" and rows[0].receiver == "Lê Văn Hùng"


def test_a_stopped_dossier_has_no_hand_over_to_come(probe: Probe) -> None:
    base = make_dossier()
    stop = DossierEvent(
        "e9",
        datetime(2026, 10, 29, 10, 0),
        "anh.tt",
        "stop",
        Status.STOPPED,
        Status.PROCESSING,
        unit="Công chức Tư pháp - Hộ tịch",
    )
    stopped = replace(base, history=(*base.history[:2], stop), status=Status.STOPPED)
    rows = hand_overs(stopped, make_unit(), NAMES)
    assert all(r.at is not None for r in rows)
    assert APPLICANT_NAME not in [r.to_unit for r in rows]


@pytest.mark.parametrize("paper", [Paper.A5, Paper.A4])
@pytest.mark.parametrize("build", [make_dossier, received_only])
def test_the_slip_stays_inside_the_page_without_overlaps(probe: Probe, paper: Paper, build) -> None:
    assert_inside_page(probe, slip(build(), paper))
