"""Form 01, the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), on paper or a thermal roll.

One copy per PDF: the counter prints it twice when it keeps a paper copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.core.errors import NotConfiguredError, ValidationError
from counter_app.core.model import ApplicantKind, Dossier, UnitConfig

from .assets import fonts
from .barcodes import LinearCode, QrSymbol
from .blocks import chosen_return_method, document_number, person_fields, representative_fields
from .layout import (
    SIGN_HINT,
    PaperSpec,
    field,
    grid,
    header,
    signatures,
    story_height,
    styles_for,
    table,
    title,
)
from .wording import (
    COLLECT_AT_COUNTER,
    COLLECT_BY_POST,
    DOTS,
    addressee,
    compact_moment,
    duration,
    full_name,
    moment_text,
    money,
    text,
)

TITLE = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"


def receipt_code(dossier: Dossier, unit: UnitConfig) -> str:
    """The dossier code a receipt needs; no receipt without an agency ID and a code."""
    if not unit.agency_id.strip():
        raise NotConfiguredError("config.agency_id_missing")
    if not dossier.code:
        raise ValidationError("code", "code.missing")
    return dossier.code


def where_to_collect(dossier: Dossier) -> str:
    return COLLECT_BY_POST if chosen_return_method(dossier) == "post" else COLLECT_AT_COUNTER


def submitter_name(dossier: Dossier) -> str:
    """Who signs as NGƯỜI NỘP HỒ SƠ: the representative, else a citizen applicant, else left blank."""
    if dossier.representative is not None:
        return dossier.representative.person.name
    return dossier.applicant.name if dossier.applicant.kind is ApplicantKind.CITIZEN else ""


def procedure_text(dossier: Dossier) -> str:
    procedure = dossier.procedure
    code = f" (mã thủ tục {text(procedure.code)})" if procedure.code else ""
    return f"{text(procedure.name)}{code}"


def components_table(dossier: Dossier, spec: PaperSpec) -> Flowable:
    """No. | component | originals | certified copies | photocopies; the header repeats on each page."""
    st = styles_for(spec)
    heads = ["STT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản sao"]
    rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h in heads]]

    def count(n: int) -> Paragraph:
        return Paragraph(str(n) if n else "", st.cell_centre)

    for index, item in enumerate(dossier.components, start=1):
        name = text(item.name) + (" <i>(đã xuất trình)</i>" if item.shown else "")
        rows.append(
            [
                Paragraph(str(index), st.cell_centre),
                Paragraph(name, st.cell),
                count(item.originals),
                count(item.certified_copies),
                count(item.photocopies),
            ]
        )
    w = spec.frame_width
    return grid(rows, [w * 0.085, w * 0.435, w * 0.16, w * 0.16, w * 0.16])


def receipt_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None
) -> list[Flowable]:
    """Form 01 on A5/A4: header, title, Code 128 and QR of the code, the request, components, dates, signatures."""
    code = receipt_code(dossier, unit)
    f, st = fonts(), styles_for(spec)
    qr = QrSymbol(code)
    beside_qr: list[Flowable] = [
        field("Mã hồ sơ", text(code), spec, bold=True),
        *person_fields(
            dossier.applicant, spec, name_label=f"Tiếp nhận hồ sơ của {addressee(dossier.applicant).lower()}"
        ),
    ]
    top = table(
        [[beside_qr, qr]],
        [spec.frame_width - qr.size - 2 * mm, qr.size + 2 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    story: list[Flowable] = [
        header(unit, document_number(dossier), dossier.received_at.date(), spec),
        title(TITLE, spec),
        LinearCode(code, font=f.regular, font_size=spec.body - 1, bar_height=spec.bar_height),
        Spacer(1, 1 * mm),
        top,
        field("Đơn vị tiếp nhận", text(unit.agency_name), spec),
        *representative_fields(dossier, spec),
        field("Nội dung yêu cầu giải quyết", procedure_text(dossier), spec),
    ]
    if dossier.components:
        story += [
            Paragraph("Thành phần hồ sơ nộp gồm:", st.body),
            components_table(dossier, spec),
            Spacer(1, 2 * mm),
        ]
    else:
        story.append(field("Thành phần hồ sơ", "không có giấy tờ kèm theo", spec))
    fees = f"; Phí, lệ phí: {money(dossier.procedure.total_fee)}" if dossier.procedure.fees else ""
    story += [
        field("Số lượng hồ sơ", f"{dossier.sets:02d} bộ{fees}", spec),
        field("Thời gian giải quyết hồ sơ theo quy định", duration(dossier.procedure), spec),
        field("Thời gian nhận hồ sơ", moment_text(dossier.received_at), spec),
        field("Thời gian trả kết quả giải quyết hồ sơ", moment_text(dossier.appointment), spec, bold=True),
        field("Nơi nhận kết quả", where_to_collect(dossier), spec),
        field(
            "Vào Sổ theo dõi hồ sơ",
            f"Quyển số: {text(dossier.book_volume) or DOTS}, Số thứ tự: {dossier.book_entry or DOTS}",
            spec,
        ),
        signatures(
            [
                ("Người nộp hồ sơ", SIGN_HINT, submitter_name(dossier)),
                ("Người tiếp nhận hồ sơ", SIGN_HINT, full_name(dossier.officer, names)),
            ],
            spec,
        ),
    ]
    return story


def thermal_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None
) -> list[Flowable]:
    """Form 01 on an 80 mm roll: key fields beside a Code 128 running down the paper, and the QR."""
    code = receipt_code(dossier, unit)
    f, st = fonts(), styles_for(spec)
    linear = LinearCode(code, font=f.regular, font_size=spec.body, bar_height=12 * mm, rotated=True)
    facts: list[Flowable] = [
        field("Mã hồ sơ", text(code), spec, bold=True),
        field("Người nộp", text(dossier.applicant.name), spec, bold=True),
        field("Thủ tục", text(dossier.procedure.name), spec),
        field("Nhận lúc", text(compact_moment(dossier.received_at)), spec),
        field("Hẹn trả", text(compact_moment(dossier.appointment)) or DOTS, spec, bold=True),
        field("Nơi nhận kết quả", where_to_collect(dossier), spec),
        Spacer(1, 2 * mm),
        QrSymbol(code),
    ]
    gap = 2 * mm
    body = table(
        [[linear, facts]],
        [linear.depth + gap, spec.frame_width - linear.depth - gap],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    story: list[Flowable] = [
        Paragraph(text(unit.agency_name.upper()), st.header_bold),
        Paragraph(text(TITLE.upper()), st.title),
        body,
        Spacer(1, 2 * mm),
        field("Người tiếp nhận", text(full_name(dossier.officer, names)), spec),
    ]
    if unit.phone:
        story.append(field("Hỗ trợ", text(unit.phone), spec))
    return story


def thermal_spec(story: list[Flowable], spec: PaperSpec) -> PaperSpec:
    """`spec` with the page as tall as the slip's content (plus a little slack)."""
    height = story_height(story, spec.frame_width) + spec.top + spec.bottom + 2 * mm
    return replace(spec, height=height)
