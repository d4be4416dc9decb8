"""Forms 02–05: supplement request, refusal, and the two letters: apology with a new date (04), stop notice (05).

Forms 04 and 05 are administrative letters (Decree 30/2020/NĐ-CP, Annex I): `Số: <number>/<symbol>` from the
counter's register (`core.letters`, recorded in the letter's event), "Kính gửi", the body, then "Nơi nhận" on
the left and the signer's authority, position and name on the right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph, Spacer

from counter_app.core.letters import APOLOGY, STOP, LetterNumber, signer_lines
from counter_app.core.model import Dossier, DossierEvent, Status, UnitConfig
from counter_app.core.steps import parse_moment
from counter_app.core.supplement import form_reference
from counter_app.core.text import nfc

from .assets import fonts
from .barcodes import LinearCode, QrSymbol
from .blocks import document_number, last_event, person_fields
from .layout import SIGN_HINT, PaperSpec, Rule, field, header, signatures, styles_for, table, title
from .receipt import beside_qr, procedure_text, submitter_name
from .wording import DOTS, ID_LABELS, addressee, block, body_name, full_name, moment_text, short_date, text

HEAD_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"
#: Titles of the forms as their templates print them (form 05 as a Decree 30 notice: kind, then summary).
APOLOGY_TITLE = "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
STOP_TITLE = "Thông báo"
STOP_SUMMARY = "Về việc dừng giải quyết hồ sơ"
#: The signature of form 04 when the letter does not name its signer's position (the template's wording).
HEAD_OF_AGENCY = "Thủ trưởng cơ quan"
#: Form 02 of an intake not received yet: what the citizen does with it (the counter scans its code or QR).
BRING_BACK = (
    "Khi nộp bổ sung, ông/bà mang theo phiếu này; cán bộ tiếp nhận quét mã trên phiếu để tiếp tục tiếp nhận hồ sơ "
    "với các thông tin đã khai."
)
#: The QR of form 02 beside its first lines: a little smaller than the receipt's, the reference is short.
SUPPLEMENT_QR = 18 * mm


def _code_field(dossier: Dossier, spec: PaperSpec) -> list[Flowable]:
    return [field("Mã hồ sơ", text(dossier.code), spec, bold=True)] if dossier.code else []


def _officer(event: DossierEvent | None, dossier: Dossier) -> str:
    return event.officer if event is not None and event.officer else dossier.officer


def _paragraph(markup: str, spec: PaperSpec) -> Paragraph:
    return Paragraph(markup, styles_for(spec).body)


def letter_number(event: DossierEvent | None, kind: str) -> str:
    """`07/TB-TTPVHCC-Q3` as the letter's event recorded it, or a blank to fill in by hand (`……/TB`)."""
    data = event.data if event is not None else {}
    number, symbol = data.get("letter_number"), data.get("letter_symbol")
    if isinstance(number, int) and not isinstance(number, bool) and isinstance(symbol, str) and symbol:
        return str(LetterNumber(number, nfc(symbol)))
    return f"{DOTS}/{kind}"


def _closing(
    recipients: Sequence[str], title_text: str, hint: str, name: str, spec: PaperSpec
) -> KeepTogether:
    """ "Nơi nhận" on the left (bold italic label, one smaller line per recipient, "Lưu: VT." last) and the
    signer on the right (authority and position in bold capitals, the hint, room to sign, the name in bold)."""
    st, f = styles_for(spec), fonts()
    size = max(spec.body - 2, 8)
    label = ParagraphStyle("recipients_label", parent=st.body, fontName=f.bold_italic, fontSize=size + 1)
    item = ParagraphStyle("recipients", parent=st.body, fontSize=size, leading=size * 1.2, spaceAfter=0)
    lines = [f"- {text(r)};" for r in recipients] + ["- Lưu: VT."]
    left = [Paragraph("Nơi nhận:", label), *(Paragraph(line, item) for line in lines)]
    heading = signer_lines(title_text) or [HEAD_OF_AGENCY.upper()]
    right = [
        *(Paragraph(text(line), st.sign_title) for line in heading),
        Paragraph(text(hint), st.sign_hint),
        Spacer(1, spec.sign_space),
        Paragraph(f"<b>{text(name)}</b>" if name else "", st.sign_title),
    ]
    width = spec.frame_width
    row = table(
        [[left, right]],
        [width * 0.45, width * 0.55],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return KeepTogether([Spacer(1, spec.body * 0.6), row])


def _recipients(addressed: str, *others: str) -> list[str]:
    """ "Như trên" (the addressee above), then each other body once."""
    out = ["Như trên"]
    for other in others:
        name = nfc(other)
        if name and name.casefold() not in {o.casefold() for o in out} and name != addressed:
            out.append(name)
    return out


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
    found_by = form_reference(dossier)
    return [
        header(unit, document_number(dossier), (event.at if event else printed).date(), spec),
        title("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", spec),
        LinearCode(found_by, font=fonts().regular, font_size=spec.body - 2, bar_height=spec.bar_height),
        beside_qr(
            [
                *(_code_field(dossier, spec) or [_reference_field(found_by, spec)]),
                field("Hồ sơ của", f"<b>{text(dossier.applicant.name)}</b>", spec),
                field("Nội dung yêu cầu giải quyết", procedure_text(dossier), spec),
                *person_fields(dossier.applicant, spec)[1:],
            ],
            QrSymbol(found_by, symbol_size=SUPPLEMENT_QR),
            spec,
        ),
        _paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", spec),
        *listing,
        field("Lý do", block(dossier.reason) or DOTS, spec),
        _paragraph(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với "
            f"<b>{text(officer) or DOTS}</b> theo số điện thoại <b>{phone}</b> để được hướng dẫn.",
            spec,
        ),
        *([] if dossier.code else [_paragraph(BRING_BACK, spec)]),
        signatures([("Người hướng dẫn", SIGN_HINT, officer)], spec),
    ]


def _reference_field(found_by: str, spec: PaperSpec) -> Flowable:
    """The reference of an intake not received yet: what finds it again when the citizen brings the papers."""
    return field("Số tham chiếu", f"<b>{text(found_by)}</b> <i>(chưa cấp mã hồ sơ)</i>", spec)


def refusal_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None, printed: datetime
) -> list[Flowable]:
    """Form 03: who applied for what, and the specific reason the dossier is refused."""
    event = last_event(dossier, lambda e: e.to_status is Status.REFUSED or e.action == "refuse")
    return [
        header(unit, document_number(dossier), (event.at if event else printed).date(), spec),
        title("Phiếu từ chối tiếp nhận giải quyết hồ sơ", spec),
        field("Đơn vị tiếp nhận", text(body_name(unit)), spec),
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
    agency = nfc(str(data.get("agency") or "")) or body_name(unit)
    new_date = parse_moment(data.get("new_appointment")) or dossier.new_appointment
    reason = str(data.get("reason") or dossier.reason)
    person = dossier.applicant
    you = addressee(person).lower()
    identifier = (
        f", {ID_LABELS[person.id_type].lower()} {text(person.identifier)}" if person.identifier else ""
    )
    return [
        header(
            unit, letter_number(event, APOLOGY), (event.at if event else printed).date(), spec, issuer=agency
        ),
        title(APOLOGY_TITLE, spec),
        _paragraph(f"Kính gửi: {addressee(person)} <b>{text(person.name)}</b>{identifier}", spec),
        _paragraph(
            f"Ngày {short_date(dossier.received_at)}, {text(body_name(unit))} tiếp nhận hồ sơ đề nghị giải quyết "
            f"thủ tục {procedure_text(dossier)} của {you}.",
            spec,
        ),
        field("Mã hồ sơ", text(dossier.code or DOTS), spec, bold=True),
        field("Thời gian hẹn trả kết quả giải quyết hồ sơ", moment_text(dossier.appointment), spec),
        _paragraph(
            f"Tuy nhiên đến nay, {text(agency)} chưa trả kết quả giải quyết hồ sơ cho {you}. Lý do: "
            f"{block(reason) or DOTS}",
            spec,
        ),
        _paragraph(
            f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của {you}. {text(agency)} xin lỗi {you} "
            f"và hẹn lại ngày trả kết quả giải quyết hồ sơ vào <b>{moment_text(new_date)}</b>.",
            spec,
        ),
        _paragraph(f"Rất mong nhận được sự thông cảm của {you} vì sự chậm trễ này./.", spec),
        _closing(
            _recipients(person.name, body_name(unit) if agency != body_name(unit) else ""),
            str(data.get("signer_title") or ""),
            HEAD_HINT,
            nfc(str(data.get("signer") or "")),
            spec,
        ),
    ]


def stop_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None, printed: datetime
) -> list[Flowable]:
    """Form 05: processing stops at the applicant's request; a notice signed by the unit's head."""
    event = last_event(dossier, lambda e: e.action == "stop" or e.to_status is Status.STOPPED)
    data = event.data if event is not None else {}
    requested = parse_moment(data.get("requested_at"))
    reason = str(data.get("reason") or (event.note if event is not None else "") or dossier.reason)
    you = addressee(dossier.applicant).lower()
    body = body_name(unit)
    requested_text = short_date(requested) if requested else DOTS
    st = styles_for(spec)
    summary = ParagraphStyle(
        "summary", parent=st.title, fontSize=spec.body, leading=spec.body * 1.25, spaceBefore=0
    )
    return [
        header(unit, letter_number(event, STOP), (event.at if event else printed).date(), spec),
        title(STOP_TITLE, spec),
        Paragraph(text(STOP_SUMMARY), summary),
        Rule(spec.frame_width * 0.25),
        Spacer(1, spec.body * 0.4),
        _paragraph(f"Kính gửi: {addressee(dossier.applicant)} <b>{text(dossier.applicant.name)}</b>", spec),
        _paragraph(
            f"Ngày {requested_text}, {text(body)} nhận được đề nghị của {you} về việc dừng giải quyết hồ sơ sau:",
            spec,
        ),
        *_code_field(dossier, spec),
        field("Thủ tục hành chính", procedure_text(dossier), spec),
        field("Thời gian nhận hồ sơ", moment_text(dossier.received_at), spec),
        field("Lý do", block(reason) or DOTS, spec),
        _paragraph(
            f"{text(body)} thông báo dừng giải quyết hồ sơ nêu trên"
            + (f" kể từ {moment_text(event.at)}" if event is not None else "")
            + f" và trả lại hồ sơ cho {you}./.",
            spec,
        ),
        _closing(
            _recipients(dossier.applicant.name, dossier.procedure.resolving_agency),
            str(data.get("signer_title") or ""),
            HEAD_HINT,
            nfc(str(data.get("signer") or "")),
            spec,
        ),
    ]
