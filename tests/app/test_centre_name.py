"""The counter's own steps are recorded under the unit's legal name (Decree 118/2025/NĐ-CP: "Trung tâm Phục vụ
hành chính công cấp xã"), not a generic "Bộ phận tiếp nhận và trả kết quả"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.app import CounterApp, accounts, handover, intake, profile, tracking
from counter_app.core.intake import RECEPTION_UNIT, full_set, new_dossier
from counter_app.core.model import Person, Status, UnitConfig
from counter_app.core.roles import Account

CENTRE = "Trung tâm Phục vụ hành chính công xã An Bình"
UNIT = UnitConfig("G12.18.112", CENTRE, "UBND XÃ AN BÌNH", "An Bình", 3)
FIRST = profile.FirstRun(UNIT, "07:00-11:30,13:30-17:00", "admin", "Đỗ Thị Hoa", "mat-khau-dai-du")
AT = datetime(2026, 11, 30, 9, 0)  # a Monday in office hours


@pytest.fixture
def app(data_dir: Path, clock) -> Iterator[tuple[CounterApp, Account]]:
    app = CounterApp.open(data_dir)
    try:
        profile.set_up(app, None, FIRST)
        yield app, accounts.find(app, None, "admin")
    finally:
        app.close()


def draft(app: CounterApp, account: Account):
    procedure = intake.procedures(app, account)[0]
    citizen = Person("Nguyễn Văn An", "001090012345", address="Thôn 1, xã An Bình", phone="0912345678")
    return new_dossier(
        agency_id=UNIT.agency_id,
        procedure=procedure,
        applicant=citizen,
        at=AT,
        officer=account.username,
        counter=UNIT.counter,
        components=full_set(procedure),
    )


def test_receipt_supplement_and_refusal_are_recorded_under_the_centres_legal_name(app) -> None:
    app, admin = app
    received = intake.receive(app, admin, draft(app, admin)).value
    asked = intake.request_supplement(
        app, admin, draft(app, admin), ["Giấy chứng sinh"], "Thiếu bản chính"
    ).value
    refused = intake.refuse(app, admin, draft(app, admin), "Không thuộc thẩm quyền của xã").value
    for dossier in (received, asked, refused):
        assert dossier.history[-1].unit == CENTRE, dossier.history[-1]
        assert dossier.history[-1].unit != RECEPTION_UNIT


def test_the_return_is_recorded_under_the_centres_legal_name(app) -> None:
    app, admin = app
    dossier = intake.receive(app, admin, draft(app, admin)).value
    tracking.advance(app, admin, dossier.id, Status.PROCESSING, unit="Công chức Tư pháp - Hộ tịch", at=AT)
    ready = tracking.advance(
        app, admin, dossier.id, Status.RESULT_READY, unit="Công chức Tư pháp - Hộ tịch", at=AT
    )
    returned = handover.record(
        app, admin, ready.value, handover.Handover("Nguyễn Văn An", "001090012345"), at=AT
    ).value
    assert returned.status is Status.RETURNED
    assert returned.history[-1].unit == CENTRE
