"""A specimen unit and dossiers for previewing the forms (sample renderings, benchmarks, settings preview).

Each specimen is a lawful case, its history played through the core's event rule (`core.events.apply_event`),
its dates on the working calendar: a supplement request (02) asks for papers the dossier lacks; a refusal (03) is
for a procedure the centre is not competent for, never for missing papers; the apology (04) is dated before the
appointment it postpones and gives a new one in office hours of a working day; the stop (05) follows the
citizen's written request and is recorded in office hours. `tests/documents/test_specimens.py` checks all this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.events import apply_event
from counter_app.core.letters import letter_symbol, proposed_new_appointment
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
#: The calendar the specimens' dates are computed on (national holidays, default office hours).
CALENDAR = WorkingCalendar()
RECEPTION = "Bộ phận Một cửa"
CIVIL_STATUS = "Công chức Tư pháp - Hộ tịch"
#: The specimens' volume of the tracking book: counter 3's book of 2026 (`storage/registers.py`).
VOLUME = "03/2026"

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
MARITAL_STATUS = Procedure(
    code="1.004873",
    name="Cấp Giấy xác nhận tình trạng hôn nhân",
    field="Hộ tịch",
    resolving_agency="UBND phường Ba Đình",
    components=(
        Component(1, "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu", originals=1),
        Component(2, "Giấy tờ tùy thân của người yêu cầu", shown_only=True),
    ),
    duration=3,
    duration_unit=DurationUnit.WORKING_DAYS,
)
#: A procedure the centre does not receive: passports are issued by the provincial police.
PASSPORT = Procedure(
    code="",
    name="Cấp hộ chiếu phổ thông ở trong nước",
    field="Quản lý xuất nhập cảnh",
    resolving_agency="Phòng Quản lý xuất nhập cảnh, Công an thành phố Hà Nội",
)

APPLICANT = Person(
    name="Tôn Nữ Thị Huyền Trân",
    identifier="001301012345",
    address="Số 12, ngõ 45 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội",
    phone="0912345678",
    email="huyentran@example.vn",
)


def _played(draft: Dossier, first: DossierEvent, later: Sequence[DossierEvent], **decided: object) -> Dossier:
    """The draft decided by its intake event, then every later event applied under the core's rule."""
    dossier = draft.with_event(first, **decided)
    for event in later:
        dossier = apply_event(dossier, event)
    return dossier


def _draft(received: datetime, procedure: Procedure = PROCEDURE, **fields: object) -> Dossier:
    return Dossier(
        id=str(fields.pop("id", "0192f0d2-0000-7000-8000-000000000001")),
        agency_id=UNIT.agency_id,
        procedure=procedure,
        applicant=APPLICANT,
        status=Status.SUBMITTED,
        received_at=received,
        officer="tranthu",
        counter=UNIT.counter,
        unit=RECEPTION,
        version=0,
        **fields,  # type: ignore[arg-type]
    )


def _receipt(received: datetime) -> DossierEvent:
    return DossierEvent("e1", received, "tranthu", "receive", Status.RECEIVED, None, unit=RECEPTION)


def _transfer(received: datetime) -> DossierEvent:
    return DossierEvent(
        "e2",
        received + timedelta(minutes=20),
        "tranthu",
        "transfer",
        Status.PROCESSING,
        Status.RECEIVED,
        unit=CIVIL_STATUS,
        receiver="lehung",
        data={"step_due": (received + timedelta(hours=20)).isoformat()},
    )


def _birth_draft(received: datetime, **fields: object) -> Dossier:
    return _draft(
        received,
        representative=Representative(
            Person(name="Nguyễn Phước Bảo Long", identifier="001095006789", phone="0987654321"),
            "Giấy ủy quyền số 15/UQ ngày 20/10/2026",
        ),
        components=(
            HandedComponent(1, "Tờ khai đăng ký khai sinh theo mẫu", originals=1),
            HandedComponent(2, "Giấy chứng sinh", originals=1),
            HandedComponent(3, "Giấy tờ tùy thân của người đi đăng ký", shown=True),
        ),
        book_volume=VOLUME,
        **fields,  # type: ignore[arg-type]
    )


def _code(received: datetime, sequence: str) -> str:
    return f"{UNIT.agency_id}-{received:%y%m%d}-{sequence}"


def specimen_dossier(at: datetime | None = None) -> Dossier:
    """A received birth-registration dossier, handed to the civil-status officer and returned (01, 06, 07)."""
    received = at or datetime(2026, 10, 27, 14, 30)
    appointment = CALENDAR.appointment_for(received, PROCEDURE.duration, PROCEDURE.duration_unit)
    later = (
        _transfer(received),
        DossierEvent(
            "e3",
            received + timedelta(hours=18),
            "lehung",
            "advance",
            Status.RESULT_READY,
            Status.PROCESSING,
            unit=RECEPTION,
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
            unit=RECEPTION,
            data={"return_method": "counter"},
        ),
    )
    draft = _birth_draft(received, book_entry=361)
    return _played(draft, _receipt(received), later, code=_code(received, "0361"), appointment=appointment)


def specimen_supplement(at: datetime | None = None) -> Dossier:
    """Form 02: the civil-status officer finds the birth certificate handed in is a photocopy and asks, once and
    in writing, for the original; the time until the citizen brings it does not count against the deadline."""
    received = at or datetime(2026, 10, 27, 14, 30)
    appointment = CALENDAR.appointment_for(received, PROCEDURE.duration, PROCEDURE.duration_unit)
    missing = [
        "Bản chính Giấy chứng sinh (hồ sơ đã nộp bản chụp không có chứng thực)",
        "Tờ khai đăng ký khai sinh ghi đầy đủ mục «Nơi sinh» theo Giấy chứng sinh",
    ]
    request = DossierEvent(
        "e3",
        received + timedelta(minutes=50),
        "lehung",
        "supplement_requested",
        Status.SUPPLEMENT_REQUESTED,
        Status.PROCESSING,
        unit=CIVIL_STATUS,
        note="Giấy chứng sinh là bản chụp; tờ khai chưa ghi nơi sinh (Điều 16 Luật Hộ tịch).",
        data={"missing": missing},
    )
    draft = _birth_draft(received, id="0192f0d2-0000-7000-8000-000000000004", book_entry=363)
    return _played(
        draft,
        _receipt(received),
        (_transfer(received), request),
        code=_code(received, "0363"),
        appointment=appointment,
    )


def specimen_refusal(at: datetime | None = None) -> Dossier:
    """Form 03: a passport application brought to the commune's centre, which is not competent for it: the dossier
    is refused with the specific reason and where to apply (it gets no code)."""
    received = at or datetime(2026, 10, 27, 9, 15)
    reason = (
        "Thủ tục cấp hộ chiếu phổ thông không thuộc thẩm quyền giải quyết và không có trong danh mục thủ tục "
        "hành chính tiếp nhận tại Trung tâm; đề nghị ông/bà nộp hồ sơ tại Phòng Quản lý xuất nhập cảnh, Công an "
        "thành phố Hà Nội hoặc trực tuyến trên Cổng Dịch vụ công quốc gia."
    )
    refusal = DossierEvent(
        "e1", received, "tranthu", "refuse", Status.REFUSED, None, unit=RECEPTION, note=reason
    )
    draft = _draft(received, PASSPORT, id="0192f0d2-0000-7000-8000-000000000005")
    return _played(draft, refusal, (), reason=reason)


def specimen_apology(at: datetime | None = None) -> Dossier:
    """Form 04: a marital-status confirmation (3 working days) that needs a check with the commune of a former
    residence; the agency apologises two days before the appointment and gives a new one on the calendar."""
    received = at or datetime(2026, 10, 26, 9, 0)
    appointment = CALENDAR.appointment_for(received, MARITAL_STATUS.duration, MARITAL_STATUS.duration_unit)
    draft = _draft(
        received,
        MARITAL_STATUS,
        id="0192f0d2-0000-7000-8000-000000000003",
        components=(
            HandedComponent(1, "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu", originals=1),
            HandedComponent(2, "Giấy tờ tùy thân của người yêu cầu", shown=True),
        ),
        book_volume=VOLUME,
        book_entry=348,
    )
    dossier = _played(draft, _receipt(received), (_transfer(received),), code=_code(received, "0348"))
    dossier = replace(dossier, appointment=appointment)
    apologised = received + timedelta(days=1, hours=6)  # Tuesday 15:00, the appointment is on Thursday
    agency = "UBND phường Ba Đình"
    event = DossierEvent(
        "e9",
        apologised,
        "lehung",
        "apology",
        Status.PROCESSING,
        Status.PROCESSING,
        unit=CIVIL_STATUS,
        note="Cần xác minh",
        data={
            "reason": "Cần xác minh tình trạng hôn nhân của người yêu cầu tại nơi thường trú trước đây "
            "(UBND xã Tân Lập, tỉnh Phú Thọ); văn bản trả lời xác minh chưa đến.",
            "new_appointment": proposed_new_appointment(CALENDAR, dossier, apologised).isoformat(),
            "agency": agency,
            "signer": "Hoàng Minh Đức",
            "signer_title": "KT. Chủ tịch / Phó Chủ tịch",
            "letter_number": 7,
            "letter_symbol": letter_symbol("apology", agency, UNIT.counter),
            "letter_slot": UNIT.counter,
        },
    )
    return apply_event(dossier, event)


def specimen_stopped(at: datetime | None = None) -> Dossier:
    """Form 05: the citizen asks in writing, the next morning, to withdraw the dossier; the centre stops it in
    office hours, before the appointment, and says so in a notice signed by its director."""
    received = at or datetime(2026, 10, 27, 14, 30)
    appointment = CALENDAR.appointment_for(received, PROCEDURE.duration, PROCEDURE.duration_unit)
    requested = datetime.combine((received + timedelta(days=1)).date(), datetime.min.time()).replace(hour=8)
    withdrawal = DossierEvent(
        "e3",
        requested,
        "tranthu",
        "withdrawal_requested",
        Status.WITHDRAWAL_REQUESTED,
        Status.PROCESSING,
        unit=CIVIL_STATUS,
        note="Đơn xin rút hồ sơ của người yêu cầu",
    )
    stop = DossierEvent(
        "e4",
        requested + timedelta(hours=1, minutes=30),
        "tranthu",
        "stop",
        Status.STOPPED,
        Status.WITHDRAWAL_REQUESTED,
        unit=CIVIL_STATUS,
        note="Người yêu cầu xin rút hồ sơ để bổ sung giấy tờ của người cha và nộp lại sau.",
        data={
            "requested_at": requested.isoformat(),
            "signer": "Nguyễn Thị Minh Hạnh",
            "signer_title": "Giám đốc",
            "letter_number": 12,
            "letter_symbol": letter_symbol("stop", UNIT.agency_name, UNIT.counter),
            "letter_slot": UNIT.counter,
        },
    )
    draft = _birth_draft(received, id="0192f0d2-0000-7000-8000-000000000002", book_entry=362)
    return _played(
        draft,
        _receipt(received),
        (_transfer(received), withdrawal, stop),
        code=_code(received, "0362"),
        appointment=appointment,
    )


def specimen_other_counter(at: datetime | None = None) -> Dossier:
    """A dossier counter 1 of the same unit received: entered in counter 1's own volume (`01/2026`), so the
    unit's book shows two volumes whose entry numbers never collide."""
    received = at or datetime(2026, 10, 27, 9, 10)
    appointment = CALENDAR.appointment_for(received, PROCEDURE.duration, PROCEDURE.duration_unit)
    draft = replace(
        _birth_draft(received, id="0192f0d2-0000-7000-8000-000000000006", book_entry=212),
        counter=1,
        book_volume="01/2026",
        applicant=replace(APPLICANT, name="Lương Thế Vinh", identifier="001088004321", email=""),
    )
    return _played(
        draft,
        _receipt(received),
        (_transfer(received),),
        code=_code(received, "0112"),
        appointment=appointment,
    )


def specimen_supplement_at_intake(at: datetime | None = None) -> Dossier:
    """Form 02 at the counter: the citizen brings the declaration without the birth certificate; the dossier is not
    received (no code), the officer explains once what is missing, and the form's reference finds the intake again
    when the citizen comes back (`core.supplement`)."""
    received = at or datetime(2026, 10, 27, 9, 10)
    draft = _draft(
        received,
        id="0192f0d2-0000-7000-8000-000000000007",
        components=(HandedComponent(1, PROCEDURE.components[0].name, originals=1),),
    )
    asked = DossierEvent(
        "e1",
        received,
        "tranthu",
        "supplement",
        Status.SUPPLEMENT_REQUESTED,
        None,
        unit=RECEPTION,
        note="Chưa có Giấy chứng sinh (Điều 16 Luật Hộ tịch).",
        data={"missing": ["Giấy chứng sinh (bản chính)"]},
    )
    return _played(
        draft,
        asked,
        (),
        missing=("Giấy chứng sinh (bản chính)",),
        reason="Chưa có Giấy chứng sinh (Điều 16 Luật Hộ tịch).",
    )
