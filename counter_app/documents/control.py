"""Form 06, the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ): every hand-over and how timely it was."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.core.model import Dossier, DossierEvent, UnitConfig
from counter_app.core.statuses import Timeliness
from counter_app.core.steps import receipt_index, step_results

from .blocks import document_number
from .layout import PaperSpec, field, grid, header, styles_for, title
from .receipt import receipt_code
from .wording import STEP_RESULTS, clock, full_name, moment_text, short_date, text


@dataclass(frozen=True)
class HandOver:
    """One row of the slip: from which unit to which, when, who gave, who took, and the step's result."""

    event: DossierEvent
    from_unit: str
    to_unit: str
    giver: str
    receiver: str
    result: Timeliness | None


def hand_overs(dossier: Dossier, names: Mapping[str, str] | None) -> list[HandOver]:
    """Receipt, then every later event that moved the dossier to another unit or status."""
    rows: list[HandOver] = []
    start = receipt_index(dossier)
    unit, status = "", None
    if start is not None:
        receipt = dossier.history[start]
        rows.append(
            HandOver(
                receipt, "", receipt.unit, dossier.applicant.name, full_name(receipt.officer, names), None
            )
        )
        unit, status = receipt.unit, receipt.to_status
    for event, result in step_results(dossier):
        moved_unit = bool(event.unit) and event.unit != unit
        moved_status = event.to_status != (event.from_status or status)
        if moved_unit or moved_status:
            rows.append(
                HandOver(
                    event,
                    unit,
                    event.unit or unit,
                    full_name(event.officer, names),
                    full_name(event.receiver, names),
                    result,
                )
            )
        unit, status = event.unit or unit, event.to_status
    return rows


def control_story(
    dossier: Dossier, unit: UnitConfig, spec: PaperSpec, names: Mapping[str, str] | None
) -> list[Flowable]:
    """Form 06 with its hand-over table (header row repeats when the table runs onto another page)."""
    code = receipt_code(dossier, unit)
    st = styles_for(spec)
    heads = ["Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Kết quả giải quyết hồ sơ", "Ghi chú"]
    rows: list[list[object]] = [[Paragraph(h.upper(), st.cell_head) for h in heads]]
    for row in hand_overs(dossier, names):
        units = (f"Giao: {text(row.from_unit)}<br/>" if row.from_unit else "") + f"Nhận: {text(row.to_unit)}"
        people = [f"{clock(row.event.at)},<br/>ngày {short_date(row.event.at)}"]
        if row.giver:
            people.append(f"Người giao: {text(row.giver)}")
        if row.receiver:
            people.append(f"Người nhận: {text(row.receiver)}")
        outcome = STEP_RESULTS.get(row.result, "") if row.result is not None else ""
        rows.append(
            [
                Paragraph(units, st.cell),
                Paragraph("<br/>".join(people), st.cell),
                Paragraph(outcome, st.cell_centre),
                Paragraph(text(row.event.note), st.cell),
            ]
        )
    w = spec.frame_width
    story: list[Flowable] = [
        header(unit, document_number(dossier), dossier.received_at.date(), spec),
        title("Phiếu kiểm soát quá trình giải quyết hồ sơ", spec),
        field("Mã hồ sơ", text(code), spec, bold=True),
        field("Người nộp hồ sơ", text(dossier.applicant.name), spec),
        field("Thủ tục hành chính", text(dossier.procedure.name), spec),
        field("Cơ quan giải quyết", text(dossier.procedure.resolving_agency or unit.agency_name), spec),
        field("Thời gian nhận hồ sơ", moment_text(dossier.received_at), spec),
        field("Thời gian hẹn trả kết quả", moment_text(dossier.appointment), spec),
    ]
    if dossier.new_appointment is not None:
        story.append(field("Thời gian hẹn trả kết quả mới", moment_text(dossier.new_appointment), spec))
    story += [Spacer(1, 2 * mm), grid(rows, [w * 0.25, w * 0.37, w * 0.16, w * 0.22])]
    return story
