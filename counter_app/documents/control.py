"""Form 06, the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ): every hand-over and how timely it was.

The slip travels with the paper dossier: each row is one hand-over (who gave, who received, when, both signing),
from the centre to the processing units and back, and the last one hands the result to the citizen. Rows not
yet recorded are printed blank for the officers to fill in by hand, the last one already naming the citizen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from counter_app.core.intake import RECEPTION_UNIT
from counter_app.core.model import Dossier, DossierEvent, Status, UnitConfig
from counter_app.core.statuses import Timeliness
from counter_app.core.steps import receipt_index, step_results
from counter_app.core.text import fold, nfc

from .assets import fonts
from .blocks import document_number
from .layout import PaperSpec, field, grid, header, styles_for, title
from .receipt import receipt_code
from .wording import DOTS, STEP_RESULTS, block, body_name, clock, full_name, moment_text, short_date, text

TITLE = "Phiếu kiểm soát quá trình giải quyết hồ sơ"
#: Names the counter itself goes by in recorded events (the core's, and older spellings): printed as the unit's
#: legal name instead.
RECEPTION_NAMES = frozenset(fold(n) for n in (RECEPTION_UNIT, "Bộ phận Một cửa"))
#: Statuses after which nothing more is handed over (the result went back, or the dossier was stopped or refused).
CLOSED = frozenset({Status.RETURNED, Status.STOPPED, Status.REFUSED})
BY_POST = "qua dịch vụ bưu chính công ích"


@dataclass(frozen=True)
class HandOver:
    """One row of the slip: from which unit to which, when, who gave, who took, the step's result and a note.

    A row not yet recorded has no time (`at` is None) and no names: it is filled in by hand.
    """

    from_unit: str
    to_unit: str
    at: datetime | None = None
    giver: str = ""
    receiver: str = ""
    result: Timeliness | None = None
    note: str = ""


def unit_name(name: str, unit: UnitConfig) -> str:
    """A unit as the slip prints it: the counter under the unit's legal name, any other as recorded."""
    return body_name(unit) if not name or fold(name) in RECEPTION_NAMES else nfc(name)


def _returned_to(event: DossierEvent, dossier: Dossier) -> str:
    """Who the result went to: the person who collected it (and for whom, when not the applicant), or the
    applicant by post."""
    applicant = nfc(dossier.applicant.name)
    method = str(getattr(event.data.get("return_method"), "value", event.data.get("return_method", "")))
    if method == "post":
        return f"{applicant} ({BY_POST})"
    collected = nfc(str(event.data.get("recipient_name") or event.receiver or ""))
    if not collected or fold(collected) == fold(applicant):
        return applicant
    return f"{collected} (nhận thay {applicant})"


def hand_overs(dossier: Dossier, unit: UnitConfig, names: Mapping[str, str] | None) -> list[HandOver]:
    """Every recorded move after receipt to another unit or status; while the dossier is open, blank rows to fill
    in, and the last hand-over (the centre gives the result to the citizen) with the citizen already named."""
    rows: list[HandOver] = []
    start = receipt_index(dossier)
    here, status = "", None
    if start is not None:
        here, status = dossier.history[start].unit, dossier.history[start].to_status
    returned = False
    for event, result in step_results(dossier):
        moved_unit = bool(event.unit) and event.unit != here
        moved_status = event.to_status != (event.from_status or status)
        if event.to_status is Status.RETURNED and event.from_status is not Status.RETURNED:
            rows.append(
                HandOver(
                    unit_name(here, unit),
                    _returned_to(event, dossier),
                    event.at,
                    full_name(event.officer, names),
                    nfc(str(event.data.get("recipient_name") or event.receiver or "")),
                    result,
                    event.note,
                )
            )
            returned = True
        elif moved_unit or moved_status:
            rows.append(
                HandOver(
                    unit_name(here, unit),
                    unit_name(event.unit or here, unit),
                    event.at,
                    full_name(event.officer, names),
                    full_name(event.receiver, names),
                    result,
                    event.note,
                )
            )
        here, status = event.unit or here, event.to_status
    if returned or dossier.status in CLOSED:
        return rows
    centre = body_name(unit)
    if dossier.status is not Status.RESULT_READY:
        if not rows:
            rows.append(HandOver(centre, ""))
        rows.append(HandOver("", centre))
    rows.append(HandOver(centre, nfc(dossier.applicant.name)))
    return rows


BLANK_TIME = ".... giờ .... phút, ngày ..../..../........"


def _time_and_signatures(row: HandOver, width: float, spec: PaperSpec, at_least: float) -> Flowable:
    """The hand-over's time across the cell, then side by side `Người giao` and `Người nhận`, room to sign, and
    the names; at least `at_least` tall, so that the rule between the two signatures runs to the row's foot."""
    st = styles_for(spec)
    when = f"{clock(row.at)}, ngày {short_date(row.at)}" if row.at else BLANK_TIME
    half = width / 2

    def person(role: str, name: str) -> list[Flowable]:
        return [
            Paragraph(f"<b>{role}</b>", st.cell_centre),
            Spacer(1, spec.sign_space * 0.55),
            Paragraph(text(name), st.cell_centre),
        ]

    def build(heights: list[float | None] | None) -> Table:
        built = Table(
            [
                [Paragraph(when, st.cell), ""],
                [person("Người giao", row.giver), person("Người nhận", row.receiver)],
            ],
            colWidths=[half, half],
            rowHeights=heights,
        )
        built.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts().regular, 9),
                    ("SPAN", (0, 0), (1, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (1, 0), 0.4, "#000000"),
                    ("LINEAFTER", (0, 1), (0, 1), 0.4, "#000000"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return built

    natural = build(None)
    natural.wrap(width, 1e6)
    top, signing = natural._rowHeights
    return build([top, max(signing, at_least - top)])


def control_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None
) -> list[Flowable]:
    """Form 06 with its hand-over table (header row repeats when the table runs onto another page)."""
    code = receipt_code(dossier, unit)
    st = styles_for(spec)
    w = spec.frame_width
    widths = [w * 0.27, w * 0.42, w * 0.15, w * 0.16]
    heads = ["Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Kết quả giải quyết hồ sơ", "Ghi chú"]
    rows: list[list[object]] = [[Paragraph(h.upper(), st.cell_head) for h in heads]]
    for row in hand_overs(dossier, unit, names):
        units = Paragraph(
            f"1. Giao: {text(row.from_unit) or DOTS}<br/>2. Nhận: {text(row.to_unit) or DOTS}", st.cell
        )
        note = Paragraph(block(row.note), st.cell)
        tallest = max(units.wrap(widths[0] - 6, 1e6)[1], note.wrap(widths[3] - 6, 1e6)[1]) + 4
        outcome = STEP_RESULTS.get(row.result, "") if row.result is not None else ""
        rows.append(
            [
                units,
                _time_and_signatures(row, widths[1], spec, tallest),
                Paragraph(outcome, st.cell_centre),
                note,
            ]
        )
    slip = grid(rows, widths)
    slip.setStyle(
        [
            ("LEFTPADDING", (1, 1), (1, -1), 0),
            ("RIGHTPADDING", (1, 1), (1, -1), 0),
            ("TOPPADDING", (1, 1), (1, -1), 0),
            ("BOTTOMPADDING", (1, 1), (1, -1), 0),
            ("VALIGN", (0, 1), (0, -1), "TOP"),
        ]
    )
    story: list[Flowable] = [
        header(unit, document_number(dossier), dossier.received_at.date(), spec),
        title(TITLE, spec),
        field("Mã hồ sơ", text(code), spec, bold=True),
        field("Kèm theo hồ sơ của", text(dossier.applicant.name), spec, bold=True),
        field("Thủ tục hành chính", text(dossier.procedure.name), spec),
        field(
            "Cơ quan (bộ phận) giải quyết hồ sơ",
            text(dossier.procedure.resolving_agency or body_name(unit)),
            spec,
        ),
        field("Cơ quan phối hợp giải quyết hồ sơ", DOTS, spec),
        field("Thời gian nhận hồ sơ", moment_text(dossier.received_at), spec),
        field("Thời gian hẹn trả kết quả", moment_text(dossier.appointment), spec),
    ]
    if dossier.new_appointment is not None:
        story.append(field("Thời gian hẹn trả kết quả mới", moment_text(dossier.new_appointment), spec))
    story += [Spacer(1, 2 * mm), slip]
    return story
