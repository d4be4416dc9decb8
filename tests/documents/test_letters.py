"""Forms 04 and 05 as administrative letters (Decree 30/2020/NĐ-CP): number and symbol from the counter's
register, the template's title, "Kính gửi", "Nơi nhận", the signer's authority, position and name; and the
numbers two counters give offline never collide."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from document_samples import APPLICANT_NAME, CODE, NAMES, Probe, make_dossier, make_unit, nfd

from counter_app.app import CounterApp, tracking
from counter_app.core.errors import ValidationError
from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.letters import abbreviation, letter_symbol, signer_lines
from counter_app.core.model import Dossier, DossierEvent, Person, Status
from counter_app.documents import FormKind, render_form
from counter_app.storage.demo import DEMO_UNIT, ensure_demo_profile
from counter_app.storage.store import CounterStore

PRINTED = datetime(2026, 11, 5, 8, 15)


def render(kind: FormKind, dossier: Dossier) -> str:
    return Probe.text(render_form(kind, dossier, make_unit(), names=NAMES, printed_at=PRINTED))


def apology_dossier(**data: object) -> Dossier:
    base = make_dossier()
    event = DossierEvent(
        "e9",
        datetime(2026, 10, 30, 15, 0),
        "hung.lv",
        "apology",
        Status.PROCESSING,
        Status.PROCESSING,
        data={
            "reason": nfd("Phải xác minh thông tin với Sở Tư pháp tỉnh Thừa Thiên Huế"),
            "new_appointment": "2026-11-06T14:30:00",
            "agency": nfd("UBND phường Hai Bà Trưng"),
            "signer": nfd("Hoàng Thị Mỹ Duyên"),
            "signer_title": nfd("KT. Chủ tịch / Phó Chủ tịch"),
            "letter_number": 7,
            "letter_symbol": "PXL-UBND-Q3",
            "letter_slot": 3,
            **data,
        },
    )
    return replace(base, history=(*base.history[:3], event), status=Status.PROCESSING)


def stop_dossier(**data: object) -> Dossier:
    base = make_dossier()
    event = DossierEvent(
        "e9",
        datetime(2026, 10, 29, 10, 0),
        "anh.tt",
        "stop",
        Status.STOPPED,
        Status.PROCESSING,
        note=nfd("Công dân xin rút hồ sơ để bổ sung sau"),
        data={
            "requested_at": "2026-10-29T08:00:00",
            "signer": nfd("Nguyễn Thị Minh Hạnh"),
            "signer_title": nfd("Giám đốc"),
            "letter_number": 12,
            "letter_symbol": "TB-TTPVHCC-Q3",
            "letter_slot": 3,
            **data,
        },
    )
    return replace(base, history=(*base.history[:2], event), status=Status.STOPPED)


def test_apology_is_a_letter_with_number_title_addressee_recipients_and_signer() -> None:
    text = render(FormKind.APOLOGY, apology_dossier())
    assert "Số: 07/PXL-UBND-Q3" in text  # two digits below ten, "/" then the symbol
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "ĐỀ NGHỊ GIA HẠN" not in text
    assert f"Kính gửi: Ông/Bà {APPLICANT_NAME}" in text
    assert f"Mã hồ sơ: {CODE}" in text
    assert "Thời gian hẹn trả kết quả giải quyết hồ sơ: 14 giờ 30 phút, ngày 03/11/2026" in text
    assert "Lý do: Phải xác minh thông tin với Sở Tư pháp tỉnh Thừa Thiên Huế" in text
    assert "hẹn lại ngày trả kết quả giải quyết hồ sơ vào 14 giờ 30 phút, ngày 06/11/2026" in text
    assert "Hai Bà Trưng, ngày 30 tháng 10 năm 2026" in text  # dated the day of the apology
    closing = text[text.index("Nơi nhận:") :]
    assert "- Như trên;" in closing and "- Lưu: VT." in closing
    assert "- Trung tâm Phục vụ hành chính công phường Hai Bà Trưng;" in closing  # the centre is told too
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in closing and "(Ký, ghi rõ họ tên và đóng dấu)" in closing
    assert closing.rstrip().endswith("Hoàng Thị Mỹ Duyên")


def test_stop_is_a_notice_with_number_summary_recipients_and_signer() -> None:
    text = render(FormKind.STOP, stop_dossier())
    assert "Số: 12/TB-TTPVHCC-Q3" in text
    assert "THÔNG BÁO Về việc dừng giải quyết hồ sơ" in text
    assert f"Kính gửi: Ông/Bà {APPLICANT_NAME}" in text
    assert "Ngày 29/10/2026, Trung tâm Phục vụ hành chính công phường Hai Bà Trưng nhận được đề nghị" in text
    assert "Lý do: Công dân xin rút hồ sơ để bổ sung sau" in text
    assert "kể từ 10 giờ 00 phút, ngày 29/10/2026" in text
    closing = text[text.index("Nơi nhận:") :]
    assert "- Như trên; - UBND phường Hai Bà Trưng; - Lưu: VT." in closing  # the competent agency is told
    assert "GIÁM ĐỐC" in closing and closing.rstrip().endswith("Nguyễn Thị Minh Hạnh")


def test_a_letter_recorded_without_a_number_leaves_one_to_write_by_hand() -> None:
    bare = {"letter_number": None, "letter_symbol": None, "signer_title": "", "signer": ""}
    text = render(FormKind.APOLOGY, apology_dossier(**bare))
    assert "Số: ……………/PXL" in text
    assert "THỦ TRƯỞNG CƠ QUAN" in text  # the template's wording where the letter names no position
    assert "Số: ……………/TB" in render(FormKind.STOP, stop_dossier(**bare))


def test_symbols_and_signer_lines() -> None:
    assert abbreviation("Trung tâm Phục vụ hành chính công phường Ba Đình") == "TTPVHCC"
    assert abbreviation("Ủy ban nhân dân xã Yên Bái") == abbreviation("UBND phường Ba Đình") == "UBND"
    assert abbreviation("Phòng Văn hóa - Xã hội phường Hai Bà Trưng") == "PVHXH"  # "Xã hội" is no place
    assert (
        abbreviation("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU") == "TTPVHCC"
    )  # capitals, initials still
    assert (abbreviation("ỦY BAN NHÂN DÂN XÃ AN BÌNH"), abbreviation("HĐND XÃ AN BÌNH")) == ("UBND", "HĐND")
    assert letter_symbol("stop", "Trung tâm Phục vụ hành chính công phường Ba Đình", 3) == "TB-TTPVHCC-Q3"
    assert letter_symbol("apology", "UBND phường Ba Đình", 12) == "PXL-UBND-Q12"
    assert signer_lines("KT. Giám đốc / Phó Giám đốc") == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


# ---- numbers given by the application, on two counters of one unit -------------------------------------------


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[tuple[CounterApp, CounterApp]]:
    """Counters 1 and 2 of the demo unit, each on its own database, their clock at Monday 30/11/2026 09:00."""
    opened = []
    for number in (1, 2):
        folder = tmp_path / f"counter-{number}"
        folder.mkdir()
        store = CounterStore(folder)
        ensure_demo_profile(store)
        store.set_unit(replace(DEMO_UNIT, counter=number))
        opened.append(CounterApp(store, clock=lambda: datetime(2026, 11, 30, 9, 0)))
    yield opened[0], opened[1]
    for app in opened:
        app.close()


def received(app: CounterApp, name: str) -> Dossier:
    store = app.store
    unit = store.require_unit()
    procedure = store.procedure("1.004873")
    at = datetime(2026, 11, 30, 8, 0)
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, "001090012345"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return store.dossiers.create(
        lambda allocate: receive(draft, allocate(at.date()), datetime(2026, 12, 3, 8)), "canbo"
    )


def letter_of(app: CounterApp, dossier_id: str) -> str:
    data = app.store.dossiers.get(dossier_id).history[-1].data
    return f"{data['letter_number']:02d}/{data['letter_symbol']}"


def test_two_counters_offline_number_their_letters_apart(apps: tuple[CounterApp, CounterApp]) -> None:
    printed: list[str] = []
    for app in apps:
        officer = app.store.accounts.get("xuly")
        one, two = received(app, "Phan Văn Một"), received(app, "Phan Văn Hai")
        tracking.apologise(
            app,
            officer,
            one.id,
            new_appointment=datetime(2026, 12, 8, 8, 0),
            reason="Chờ xác minh",
            signer="Ngô Thị Ký",
            signer_title="Chủ tịch",
        )
        tracking.advance(app, officer, two.id, Status.STOPPED, action="stop", note="Công dân rút hồ sơ")
        printed += [letter_of(app, one.id), letter_of(app, two.id)]
    assert printed == ["01/PXL-UBND-Q1", "02/TB-TTPVHCC-Q1", "01/PXL-UBND-Q2", "02/TB-TTPVHCC-Q2"]
    assert len(set(printed)) == 4  # one running series per counter and year, told apart by the counter


def test_a_letter_number_is_not_reused_after_its_dossier_came_back_to_a_reinstalled_counter(
    apps: tuple[CounterApp, CounterApp], tmp_path: Path
) -> None:
    first, _ = apps
    officer = first.store.accounts.get("xuly")
    sent = received(first, "Vũ Thị Gửi")
    tracking.advance(first, officer, sent.id, Status.STOPPED, action="stop", note="Công dân rút hồ sơ")
    folder = tmp_path / "counter-1-again"
    folder.mkdir()
    store = CounterStore(folder)
    ensure_demo_profile(store)
    again = CounterApp(store, clock=first.clock)
    try:
        again.store.dossiers.replace_from_server(first.store.dossiers.get(sent.id))
        later = received(again, "Vũ Thị Sau")
        tracking.advance(again, officer, later.id, Status.STOPPED, action="stop", note="Công dân rút hồ sơ")
        assert letter_of(again, later.id) == "02/TB-TTPVHCC-Q1"
    finally:
        again.close()


def test_the_application_refuses_a_new_appointment_outside_working_time(
    apps: tuple[CounterApp, CounterApp],
) -> None:
    app, _ = apps
    officer = app.store.accounts.get("xuly")
    dossier = received(app, "Đỗ Văn Hẹn")
    for wrong, code in (
        (datetime(2026, 12, 6, 9, 0), "new_appointment.not_working_time"),  # a Sunday
        (datetime(2026, 12, 4, 18, 0), "new_appointment.not_working_time"),  # after closing time
        (datetime(2026, 12, 2, 9, 0), "new_appointment.not_later"),  # before the appointment in force
    ):
        with pytest.raises(ValidationError) as refused:
            tracking.apologise(app, officer, dossier.id, new_appointment=wrong, reason="Chờ xác minh")
        assert refused.value.code == code
    assert app.store.dossiers.get(dossier.id).new_appointment is None
    draft = tracking.letter_draft(app, officer, dossier.id, "apology", app.now())
    assert draft.proposed_appointment == datetime(2026, 12, 8, 8, 0)  # Thursday 08:00 + 3 working days
    assert draft.agency == "UBND PHƯỜNG MẪU"  # the catalogue names only "UBND cấp xã": the unit's own


def test_a_stop_request_cannot_postdate_the_stop(apps: tuple[CounterApp, CounterApp]) -> None:
    app, _ = apps
    officer = app.store.accounts.get("xuly")
    dossier = received(app, "Đỗ Văn Dừng")
    with pytest.raises(ValidationError) as refused:
        tracking.advance(
            app,
            officer,
            dossier.id,
            Status.STOPPED,
            action="stop",
            note="Công dân rút hồ sơ",
            data={"requested_at": (app.now() + timedelta(hours=1)).isoformat()},
        )
    assert refused.value.code == "requested_at.after_stop"
    assert app.store.dossiers.get(dossier.id).status is Status.RECEIVED
