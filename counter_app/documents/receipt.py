"""Form 01, the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), on paper or a thermal roll.

On paper the PDF holds the template's two copies (liên), each on its own pages and marked: one kept with the
dossier, one handed to the person who submitted it. The thermal slip is the citizen's copy alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from counter_app.core.errors import NotConfiguredError, ValidationError
from counter_app.core.model import ApplicantKind, Dossier, UnitConfig
from counter_app.core.text import nfc

from .assets import fonts
from .barcodes import LinearCode, QrSymbol
from .blocks import chosen_return_method, document_number, person_fields, representative_fields
from .layout import (
    MOTTO,
    MOTTO_TITLE,
    SIGN_HINT,
    CopyStart,
    PaperSpec,
    Rule,
    WithLastRows,
    field,
    fitted,
    grid,
    header,
    signatures,
    story_height,
    styles_for,
    table,
    title,
)
from .wording import (
    COLLECT_BY_POST,
    DOTS,
    addressee,
    body_name,
    compact_moment,
    duration,
    fees_text,
    full_name,
    moment_text,
    place_and_date,
    text,
)

TITLE = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
#: The template's two copies: (mark printed after the dossier code, short name for the page footer).
COPIES = (
    ("Liên 1: Lưu", "Liên 1"),
    ("Liên 2: Giao người nộp hồ sơ", "Liên 2"),
)
SHOWN = "Xuất trình"
#: Room to sign under each signature title on the thermal slip.
THERMAL_SIGN_SPACE = 12 * mm


def receipt_code(dossier: Dossier, unit: UnitConfig) -> str:
    """The dossier code a receipt needs; no receipt without an agency ID and a code."""
    if not unit.agency_id.strip():
        raise NotConfiguredError("config.agency_id_missing")
    if not dossier.code:
        raise ValidationError("code", "code.missing")
    return dossier.code


def where_to_collect(dossier: Dossier, unit: UnitConfig) -> str:
    """Item 6 of the template: the unit's own counter under its legal name, or the applicant's address by post."""
    return COLLECT_BY_POST if chosen_return_method(dossier) == "post" else text(body_name(unit))


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
    """No. | component | originals | certified copies | photocopies; the header repeats on each page.

    A paper only shown prints `Xuất trình` across the three count columns instead of counts.
    """
    st = styles_for(spec)
    heads = ["STT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản sao"]
    rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h in heads]]
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []

    def count(n: int) -> Paragraph:
        return Paragraph(str(n) if n else "", st.cell_centre)

    for index, item in enumerate(dossier.components, start=1):
        number, name = Paragraph(str(index), st.cell_centre), Paragraph(text(item.name), st.cell)
        if item.shown:  # seen and handed back (xuất trình): never counted as a copy kept
            rows.append([number, name, Paragraph(f"<i>{SHOWN}</i>", st.cell_centre), "", ""])
            spans.append(("SPAN", (2, index), (4, index)))
        else:
            rows.append(
                [number, name, count(item.originals), count(item.certified_copies), count(item.photocopies)]
            )
    w = spec.frame_width
    built = grid(rows, [w * 0.08, w * 0.55, w * 0.12, w * 0.15, w * 0.10])
    built.setStyle(spans)
    return built


def beside_qr(lines: list[Flowable], qr: QrSymbol, spec: PaperSpec) -> Flowable:
    """The first lines of the receipt with the code's QR at their right, under the Code 128 (never beside it: a
    linear scan would run into the QR), high on the page where a camera held over the top of the slip finds both."""
    return table(
        [[lines, qr]],
        [spec.frame_width - qr.size - 2 * mm, qr.size + 2 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def receipt_copy(
    dossier: Dossier,
    unit: UnitConfig,
    spec: PaperSpec,
    names: Mapping[str, str] | None,
    mark: str,
    qr: QrSymbol | None = None,
) -> list[Flowable]:
    """One copy of form 01 on A5/A4, the template's items in order: code, copy mark, receiving unit, applicant,
    request, 1 components, 2 sets, 3 statutory time, 4 received, 5 appointment, 6 where the result is collected,
    the book entry and both signatures (never alone on a page: the table's last rows go with them)."""
    code = receipt_code(dossier, unit)
    f, st = fonts(), styles_for(spec)
    story: list[Flowable] = [
        header(unit, document_number(dossier), dossier.received_at.date(), spec),
        title(TITLE, spec),
        LinearCode(code, font=f.regular, font_size=spec.body - 2, bar_height=spec.bar_height),
        field("Mã hồ sơ", f"<b>{text(code)}</b> <i>({text(mark)})</i>", spec),
        beside_qr(
            [
                field("Đơn vị tiếp nhận", text(body_name(unit)), spec),
                *person_fields(
                    dossier.applicant,
                    spec,
                    name_label=f"Tiếp nhận hồ sơ của {addressee(dossier.applicant).lower()}",
                    joined=True,
                ),
            ],
            qr or QrSymbol(code),
            spec,
        ),
        *representative_fields(dossier, spec, joined=True),
        field("Nội dung yêu cầu giải quyết", procedure_text(dossier), spec),
    ]
    closing: list[Flowable] = [
        field(
            "2. Số lượng hồ sơ",
            f"{dossier.sets:02d} (bộ); Phí, lệ phí: {text(fees_text(dossier.procedure))}",
            spec,
        ),
        field("3. Thời gian giải quyết hồ sơ theo quy định là", duration(dossier.procedure), spec),
        field("4. Thời gian nhận hồ sơ", moment_text(dossier.received_at), spec),
        field("5. Thời gian trả kết quả giải quyết hồ sơ", moment_text(dossier.appointment), spec, bold=True),
        field("6. Đăng ký nhận kết quả tại", where_to_collect(dossier, unit), spec),
        Paragraph(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: {text(dossier.book_volume) or DOTS}, "
            f"Số thứ tự: {dossier.book_entry or DOTS}",
            st.body,
        ),
        signatures(
            [
                ("Người nộp hồ sơ", SIGN_HINT, submitter_name(dossier)),
                ("Người tiếp nhận hồ sơ", SIGN_HINT, full_name(dossier.officer, names)),
            ],
            spec,
            gap=0,  # every millimetre counts for eight papers on one A5 page
        ),
    ]
    if dossier.components:
        story += [
            Paragraph("1. Thành phần hồ sơ nộp gồm:", st.body),
            WithLastRows(components_table(dossier, spec), closing),
        ]
    else:
        story += [field("1. Thành phần hồ sơ nộp gồm", "không có giấy tờ kèm theo", spec), *closing]
    return story


def receipt_spec(spec: PaperSpec) -> PaperSpec:
    """The type sizes of form 01: on A5 one point smaller than the other forms (10 pt, table 9 pt), so that a
    receipt of up to 8 components stays on one page with its QR beside the first lines (margins of 6.5 and 7 mm,
    inside what office printers print); A4 keeps its sizes."""
    if spec.width > 150 * mm:
        return spec
    return replace(
        spec, top=6.5 * mm, bottom=7 * mm, body=10, header=9.5, sign_space=10.5 * mm, bar_height=6.5 * mm
    )


def receipt_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None
) -> list[Flowable]:
    """Form 01 on A5/A4: both copies, each starting on a new page and numbering its own pages."""
    spec = receipt_spec(spec)
    qr = QrSymbol(receipt_code(dossier, unit))  # encoded once, drawn on both copies
    story: list[Flowable] = []
    for index, (mark, short) in enumerate(COPIES):
        if index:
            story.append(PageBreak())
        story += [CopyStart(short), *receipt_copy(dossier, unit, spec, names, mark, qr)]
    return story


def thermal_header(unit: UnitConfig, day: date, spec: PaperSpec) -> list[Flowable]:
    """The form's two-column header stacked for a 72 mm roll: the national title and motto, the governing body and
    the unit under its name, then the place and date (the code follows as `Mã hồ sơ`, so no `Số:` line)."""
    f, st = fonts(), styles_for(spec)
    width = spec.frame_width
    motto_size = fitted(MOTTO_TITLE, f.bold, spec.header + 1, width)
    motto_title = ParagraphStyle(
        "thermal_motto_title", parent=st.header_bold, fontSize=motto_size, leading=motto_size * 1.2
    )
    motto = ParagraphStyle(
        "thermal_motto", parent=st.header_bold, fontSize=spec.header + 1, leading=(spec.header + 1) * 1.25
    )
    issuing = text(nfc(unit.agency_name).upper())
    governing = text(nfc(unit.parent_body).upper())
    return [
        Paragraph(MOTTO_TITLE, motto_title),
        Paragraph(MOTTO, motto),
        Rule(stringWidth(MOTTO, f.bold, motto.fontSize)),
        Spacer(1, 1 * mm),
        *([Paragraph(governing, st.header)] if governing and governing != issuing else []),
        Paragraph(issuing, st.header_bold),
        Rule(width * 0.3),
        Paragraph(text(place_and_date(unit.place, day)), st.date_line),
    ]


def thermal_components(dossier: Dossier, spec: PaperSpec) -> list[Flowable]:
    """Item 1 on a roll: the papers in a two-column table (No. | name, then its counts spelled out on the line
    below), since the A5 table's five columns do not fit in 72 mm."""
    st = styles_for(spec)
    if not dossier.components:
        return [field("Thành phần hồ sơ nộp gồm", "không có giấy tờ kèm theo", spec)]
    rows: list[list[object]] = [
        [Paragraph("STT", st.cell_head), Paragraph("Tên giấy tờ, số bản", st.cell_head)]
    ]
    for index, item in enumerate(dossier.components, start=1):
        if item.shown:
            counts = SHOWN
        else:
            counts = "; ".join(
                f"{label}: {n}"
                for label, n in (
                    ("Bản chính", item.originals),
                    ("Bản sao chứng thực", item.certified_copies),
                    ("Bản sao", item.photocopies),
                )
                if n
            )
        rows.append(
            [
                Paragraph(str(index), st.cell_centre),
                Paragraph(
                    f"{text(item.name)}<br/><i>{text(counts)}</i>" if counts else text(item.name), st.cell
                ),
            ]
        )
    number = 8.5 * mm
    return [
        Paragraph("Thành phần hồ sơ nộp gồm:", st.body),
        grid(rows, [number, spec.frame_width - number]),
    ]


def thermal_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None
) -> list[Flowable]:
    """Form 01 on an 80 mm roll: the national header and the unit, key fields beside a Code 128 running down the
    paper and the QR, the papers handed in, the fees, and both signatures with room to sign."""
    code = receipt_code(dossier, unit)
    f, st = fonts(), styles_for(spec)
    linear = LinearCode(code, font=f.regular, font_size=spec.body, bar_height=12 * mm, rotated=True)
    facts: list[Flowable] = [
        field("Mã hồ sơ", text(code), spec, bold=True),
        field("Người nộp", text(dossier.applicant.name), spec, bold=True),
        field("Thủ tục", text(dossier.procedure.name), spec),
        field("Nhận lúc", text(compact_moment(dossier.received_at)), spec),
        field("Hẹn trả", text(compact_moment(dossier.appointment)) or DOTS, spec, bold=True),
        field("Nhận kết quả tại", where_to_collect(dossier, unit), spec),
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
        *thermal_header(unit, dossier.received_at.date(), spec),
        Paragraph(text(TITLE.upper()), st.title),
        body,
        Spacer(1, 2 * mm),
        *thermal_components(dossier, spec),
        Spacer(1, 1 * mm),
        field(
            "Số lượng hồ sơ",
            f"{dossier.sets:02d} (bộ); Phí, lệ phí: {text(fees_text(dossier.procedure))}",
            spec,
        ),
        signatures(
            [
                ("Người nộp hồ sơ", SIGN_HINT, submitter_name(dossier)),
                ("Người tiếp nhận hồ sơ", SIGN_HINT, full_name(dossier.officer, names)),
            ],
            replace(spec, sign_space=THERMAL_SIGN_SPACE),
            gap=2 * mm,
        ),
    ]
    if unit.phone:
        story += [Spacer(1, 1 * mm), field("Hỗ trợ", text(unit.phone), spec)]
    return story


def thermal_spec(story: list[Flowable], spec: PaperSpec) -> PaperSpec:
    """`spec` with the page as tall as the slip's content (plus a little slack)."""
    height = story_height(story, spec.frame_width) + spec.top + spec.bottom + 2 * mm
    return replace(spec, height=height)
