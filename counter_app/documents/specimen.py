"""A specimen unit and dossiers for previewing the forms (sample renderings, benchmarks, settings preview)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from counter_app.core.model import (
    Component,
    Dossier,
    DossierEvent,
    DurationUnit,
    Fee,
    HandedComponent,
    Person,
    Procedure,
    Representative,
    Status,
    UnitConfig,
)

UNIT = UnitConfig(
    agency_id="000.00.06.H56",
    agency_name="Trung tâm Phục vụ hành chính công phường Ba Đình",
    parent_body="UBND phường Ba Đình",
    place="Ba Đình",
    counter=3,
    phone="024 3823 4567",
)

NAMES = {"tranthu": "Trần Thị Thu", "lehung": "Lê Văn Hùng", "phamlan": "Phạm Ngọc Lan"}

PROCEDURE = Procedure(
    code="1.001193",
    name="Đăng ký khai sinh",
    field="Hộ tịch",
    resolving_agency="UBND phường Ba Đình",
    components=(
        Component(1, "Tờ khai đăng ký khai sinh theo mẫu", originals=1),
        Component(2, "Giấy chứng sinh", originals=1),
        Component(3, "Giấy tờ tùy thân của người đi đăng ký", shown_only=True),
    ),
    duration=1,
    duration_unit=DurationUnit.WORKING_DAYS,
    fees=(Fee("Lệ phí đăng ký khai sinh", 8000),),
)

APPLICANT = Person(
    name="Tôn Nữ Thị Huyền Trân",
    identifier="001301012345",
    address="Số 12, ngõ 45 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội",
    phone="0912345678",
    email="huyentran@example.vn",
)


def specimen_dossier(at: datetime | None = None) -> Dossier:
    """A received birth-registration dossier, handed to the civil-status officer and returned."""
    received = at or datetime(2026, 10, 27, 14, 30)
    appointment = received + timedelta(days=1)
    events = (
        DossierEvent("e1", received, "tranthu", "receive", Status.RECEIVED, None, unit="Bộ phận Một cửa"),
        DossierEvent(
            "e2",
            received + timedelta(minutes=20),
            "tranthu",
            "transfer",
            Status.PROCESSING,
            Status.RECEIVED,
            unit="Công chức Tư pháp - Hộ tịch",
            receiver="lehung",
            data={"step_due": (received + timedelta(hours=20)).isoformat()},
        ),
        DossierEvent(
            "e3",
            received + timedelta(hours=18),
            "lehung",
            "advance",
            Status.RESULT_READY,
            Status.PROCESSING,
            unit="Bộ phận Một cửa",
            receiver="tranthu",
            note="Đã ký Giấy khai sinh",
        ),
        DossierEvent(
            "e4",
            received + timedelta(hours=19),
            "tranthu",
            "return",
            Status.RETURNED,
            Status.RESULT_READY,
            unit="Bộ phận Một cửa",
            data={"return_method": "counter"},
        ),
    )
    return Dossier(
        id="0192f0d2-0000-7000-8000-000000000001",
        agency_id=UNIT.agency_id,
        procedure=PROCEDURE,
        applicant=APPLICANT,
        status=Status.RETURNED,
        received_at=received,
        officer="tranthu",
        counter=3,
        code=f"{UNIT.agency_id}-{received:%y%m%d}-0361",
        representative=Representative(
            Person(name="Nguyễn Phước Bảo Long", identifier="001095006789", phone="0987654321"),
            "Giấy ủy quyền số 15/UQ ngày 20/10/2026",
        ),
        components=(
            HandedComponent(1, "Tờ khai đăng ký khai sinh theo mẫu", originals=1),
            HandedComponent(2, "Giấy chứng sinh", originals=1),
            HandedComponent(3, "Giấy tờ tùy thân của người đi đăng ký", shown=True),
        ),
        appointment=appointment,
        unit="Bộ phận Một cửa",
        missing=("Bản chính Giấy chứng sinh", "Giấy tờ chứng minh nơi cư trú"),
        reason="Hồ sơ thiếu giấy tờ theo quy định",
        book_volume="01/2026",
        book_entry=361,
        history=events,
    )


def specimen_apology(at: datetime | None = None) -> Dossier:
    """The specimen dossier late at the civil-status officer, with an apology and a new date."""
    d = specimen_dossier(at)
    late = d.received_at + timedelta(days=2)
    event = DossierEvent(
        "e9",
        late,
        "lehung",
        "apology",
        Status.PROCESSING,
        Status.PROCESSING,
        data={
            "reason": "Cần xác minh thông tin nơi sinh với cơ quan đăng ký hộ tịch khác",
            "new_appointment": (late + timedelta(days=3)).isoformat(),
            "agency": "UBND phường Ba Đình",
            "signer": "Hoàng Minh Đức",
        },
    )
    return replace(
        d, history=(*d.history[:2], event), status=Status.PROCESSING, new_appointment=late + timedelta(days=3)
    )


def specimen_stopped(at: datetime | None = None) -> Dossier:
    """The specimen dossier stopped at the applicant's request."""
    d = specimen_dossier(at)
    event = DossierEvent(
        "e9",
        d.received_at + timedelta(hours=3),
        "tranthu",
        "stop",
        Status.STOPPED,
        Status.PROCESSING,
        data={
            "requested_at": (d.received_at + timedelta(hours=2)).isoformat(),
            "reason": "Công dân rút hồ sơ",
        },
    )
    return replace(
        d,
        id="0192f0d2-0000-7000-8000-000000000002",
        code=f"{UNIT.agency_id}-{d.received_at:%y%m%d}-0362",
        book_entry=362,
        history=(*d.history[:2], event),
        status=Status.STOPPED,
    )
