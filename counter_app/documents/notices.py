"""Forms 02–05: supplement request, refusal, apology with a new date, and the stop-processing notice."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph

from counter_app.core.model import Dossier, DossierEvent, Status, UnitConfig
from counter_app.core.steps import parse_moment
from counter_app.core.text import nfc

from .blocks import document_number, last_event, person_fields
from .layout import SIGN_HINT, PaperSpec, field, header, signatures, styles_for, title
from .receipt import procedure_text, submitter_name
from .wording import DOTS, ID_LABELS, addressee, block, full_name, moment_text, short_date, text

HEAD_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"


def _code_field(dossier: Dossier, spec: PaperSpec) -> list[Flowable]:
    return [field("Mã hồ sơ", text(dossier.code), spec, bold=True)] if dossier.code else []


def _officer(event: DossierEvent | None, dossier: Dossier) -> str:
    return event.officer if event is not None and event.officer else dossier.officer


def _paragraph(markup: str, spec: PaperSpec) -> Paragraph:
    return Paragraph(markup, styles_for(spec).body)


def supplement_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None, printed: datetime
) -> list[Flowable]:
    """Form 02: what is missing, why, and whom to call."""
    event = last_event(
        dossier, lambda e: e.to_status is Status.SUPPLEMENT_REQUESTED or e.action == "supplement"
    )
    officer = full_name(_officer(event, dossier), names)
    st = styles_for(spec)
    items = [
        ListItem(Paragraph(text(item), st.body), value=i) for i, item in enumerate(dossier.missing, start=1)
    ]
    listing: list[Flowable] = (
        [
            ListFlowable(
                items,
                bulletType="1",
                bulletFormat="%s.",
                bulletFontName=st.body.fontName,
                bulletFontSize=spec.body,
                leftIndent=6 * mm,
            )
        ]
        if items
        else [_paragraph(DOTS, spec)]
    )
    phone = text(unit.phone) if unit.phone else DOTS
    return [
        header(unit, document_number(dossier), (event.at if event else printed).date(), spec),
        title("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", spec),
        *_code_field(dossier, spec),
        field("Hồ sơ của", f"<b>{text(dossier.applicant.name)}</b>", spec),
        field("Nội dung yêu cầu giải quyết", procedure_text(dossier), spec),
        *person_fields(dossier.applicant, spec)[1:],
        _paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", spec),
        *listing,
        field("Lý do", block(dossier.reason) or DOTS, spec),
        _paragraph(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với "
            f"<b>{text(officer) or DOTS}</b> theo số điện thoại <b>{phone}</b> để được hướng dẫn.",
            spec,
        ),
        signatures([("Người hướng dẫn", SIGN_HINT, officer)], spec),
    ]


def refusal_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None, printed: datetime
) -> list[Flowable]:
    """Form 03: who applied for what, and the specific reason the dossier is refused."""
    event = last_event(dossier, lambda e: e.to_status is Status.REFUSED or e.action == "refuse")
    return [
        header(unit, document_number(dossier), (event.at if event else printed).date(), spec),
        title("Phiếu từ chối tiếp nhận giải quyết hồ sơ", spec),
        field("Đơn vị tiếp nhận", text(unit.agency_name), spec),
        *person_fields(
            dossier.applicant, spec, name_label=f"Tiếp nhận hồ sơ của {addressee(dossier.applicant).lower()}"
        ),
        *_code_field(dossier, spec),
        field("Nội dung yêu cầu giải quyết", procedure_text(dossier), spec),
        _paragraph(
            "Qua xem xét, đơn vị tiếp nhận thông báo từ chối tiếp nhận, giải quyết hồ sơ này "
            f"với lý do cụ thể như sau: <b>{block(dossier.reason) or DOTS}</b>",
            spec,
        ),
        _paragraph(
            f"Xin thông báo để {addressee(dossier.applicant).lower()} được biết và thực hiện./.", spec
        ),
        signatures(
            [
                ("Người nộp hồ sơ", SIGN_HINT, submitter_name(dossier)),
                ("Người tiếp nhận hồ sơ", SIGN_HINT, full_name(_officer(event, dossier), names)),
            ],
            spec,
        ),
    ]


def apology_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None, printed: datetime
) -> list[Flowable]:
    """Form 04: the late agency apologises, says why, and gives the new date; signed by its head."""
    event = last_event(dossier, lambda e: e.action == "apology")
    data = event.data if event is not None else {}
    agency = nfc(str(data.get("agency") or "")) or nfc(unit.agency_name)
    new_date = parse_moment(data.get("new_appointment")) or dossier.new_appointment
    reason = str(data.get("reason") or dossier.reason)
    person = dossier.applicant
    you = addressee(person).lower()
    identifier = (
        f", {ID_LABELS[person.id_type].lower()} {text(person.identifier)}" if person.identifier else ""
    )
    return [
        header(unit, document_number(dossier), (event.at if event else printed).date(), spec, issuer=agency),
        title("Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết", spec),
        _paragraph(f"Kính gửi: {addressee(person)} <b>{text(person.name)}</b>{identifier}", spec),
        _paragraph(
            f"Ngày {short_date(dossier.received_at)}, {text(unit.agency_name)} tiếp nhận hồ sơ đề nghị giải quyết "
            f"thủ tục {procedure_text(dossier)} của {you}; mã hồ sơ <b>{text(dossier.code or DOTS)}</b>.",
            spec,
        ),
        field("Thời gian hẹn trả kết quả giải quyết hồ sơ", moment_text(dossier.appointment), spec),
        _paragraph(
            f"Tuy nhiên, đến nay {text(agency)} chưa trả kết quả giải quyết hồ sơ cho {you}. Lý do: "
            f"{block(reason) or DOTS}",
            spec,
        ),
        _paragraph(
            f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của {you}. {text(agency)} xin lỗi {you} "
            f"và đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào <b>{moment_text(new_date)}</b>.",
            spec,
        ),
        _paragraph(f"Rất mong nhận được sự thông cảm của {you}./.", spec),
        signatures([("Thủ trưởng cơ quan", HEAD_HINT, nfc(str(data.get("signer") or "")))], spec),
    ]


def stop_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None, printed: datetime
) -> list[Flowable]:
    """Form 05: processing stops at the applicant's request."""
    event = last_event(dossier, lambda e: e.action == "stop" or e.to_status is Status.STOPPED)
    data = event.data if event is not None else {}
    requested = parse_moment(data.get("requested_at"))
    reason = str(data.get("reason") or dossier.reason)
    you = addressee(dossier.applicant).lower()
    requested_text = short_date(requested) if requested else DOTS
    return [
        header(unit, document_number(dossier), (event.at if event else printed).date(), spec),
        title("Thông báo dừng giải quyết hồ sơ", spec),
        _paragraph(f"Kính gửi: {addressee(dossier.applicant)} <b>{text(dossier.applicant.name)}</b>", spec),
        _paragraph(
            f"Ngày {requested_text}, {text(unit.agency_name)} nhận được đề nghị của {you} "
            "về việc dừng giải quyết hồ sơ sau:",
            spec,
        ),
        *_code_field(dossier, spec),
        field("Thủ tục hành chính", procedure_text(dossier), spec),
        field("Thời gian nhận hồ sơ", moment_text(dossier.received_at), spec),
        field("Lý do", block(reason) or DOTS, spec),
        _paragraph(
            f"{text(unit.agency_name)} thông báo dừng giải quyết hồ sơ nêu trên"
            + (f" kể từ {moment_text(event.at)}" if event is not None else "")
            + f" và trả lại hồ sơ cho {you}./.",
            spec,
        ),
        signatures([("Đại diện đơn vị", SIGN_HINT, full_name(_officer(event, dossier), names))], spec),
    ]
