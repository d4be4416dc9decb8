"""Form 07, the tracking book (Sổ theo dõi hồ sơ): one line per dossier received in a period, as PDF or XLSX.

Each counter enters the dossiers it receives in its own volume of the year (`03/2026` is counter 3's, see
`storage/registers.py`), so entry numbers never collide between counters working offline. A period's book lists
each volume apart, under its own "Quyển số" heading, its lines in entry order; a dossier received before volumes
were kept per counter, or without an entry, is listed under its old volume or at the end without a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.core.model import Dossier, UnitConfig
from counter_app.core.text import nfc

from .blocks import returned_event
from .layout import BOOK_SPEC, build_pdf, grid, styles_for, title
from .wording import body_name, compact_moment, return_method, short_date, text

TITLE = "Sổ theo dõi hồ sơ"
COLUMNS: tuple[tuple[str, float], ...] = (  # heading, share of the table width
    ("STT", 0.035),
    ("Mã hồ sơ", 0.15),
    ("Thủ tục hành chính", 0.13),
    ("Tên tổ chức, cá nhân", 0.10),
    ("Địa chỉ, số điện thoại", 0.13),
    ("Cơ quan chủ trì giải quyết", 0.10),
    ("Ngày, giờ nhận hồ sơ", 0.065),
    ("Ngày, giờ hẹn trả kết quả", 0.065),
    ("Ngày, giờ trả kết quả", 0.065),
    ("Phương thức nhận kết quả", 0.08),
    ("Ký nhận", 0.08),
)


#: The heading of the lines that have no entry in any volume.
NO_VOLUME = "Hồ sơ chưa có số thứ tự trong sổ"


@dataclass(frozen=True)
class BookLine:
    """One line of the book, in printable values; `number` is the entry in `volume` (None: never entered)."""

    volume: str
    number: int | None
    code: str
    procedure: str
    applicant: str
    address_phone: str
    lead_agency: str
    received: datetime
    appointment: datetime | None
    returned: datetime | None
    how_returned: str


def book_lines(
    dossiers: Sequence[Dossier], date_from: date, date_to: date, field: str | None = None
) -> list[BookLine]:
    """Received dossiers (those with a code) of [date_from, date_to] (and of `field` when given), volume by
    volume (`volumes`), each volume in entry order; lines without an entry come last, oldest first."""
    wanted = nfc(field).casefold() if field else None
    chosen = [
        d
        for d in dossiers
        if d.code
        and date_from <= d.received_at.date() <= date_to
        and (wanted is None or nfc(d.procedure.field).casefold() == wanted)
    ]
    chosen.sort(key=_book_order)
    lines = []
    for d in chosen:
        back = returned_event(d)
        contact = "; ".join(nfc(p) for p in (d.applicant.address, d.applicant.phone) if p)
        lines.append(
            BookLine(
                volume=nfc(d.book_volume) if d.book_entry is not None else "",
                number=d.book_entry,
                code=d.code or "",
                procedure=nfc(d.procedure.name),
                applicant=nfc(d.applicant.name),
                address_phone=contact,
                lead_agency=nfc(d.procedure.resolving_agency),
                received=d.received_at,
                appointment=d.new_appointment or d.appointment,
                returned=back.at if back is not None else None,
                how_returned=return_method(back.data.get("return_method")) if back is not None else "",
            )
        )
    return lines


def _book_order(d: Dossier) -> tuple[object, ...]:
    entered = d.book_entry is not None
    return (
        not entered,
        _volume_order(nfc(d.book_volume)) if entered else (0, 0),
        d.book_entry or 0,
        d.received_at,
        d.code or "",
    )


def _volume_order(volume: str) -> tuple[int, int]:
    """`03/2026` → (2026, 3); an old volume named by its year alone (`2026`) before the counters' of that year."""
    slot, _, year = volume.rpartition("/")
    try:
        return int(year), int(slot) if slot else -1
    except ValueError:
        return 0, 0


def volumes(lines: Sequence[BookLine]) -> list[tuple[str, list[BookLine]]]:
    """The lines grouped by volume, in the order `book_lines` gives them ("" for lines without an entry)."""
    groups: list[tuple[str, list[BookLine]]] = []
    for line in lines:
        if not groups or groups[-1][0] != line.volume:
            groups.append((line.volume, []))
        groups[-1][1].append(line)
    return groups


def volume_heading(volume: str) -> str:
    return f"Quyển số: {volume}" if volume else NO_VOLUME


def _period(date_from: date, date_to: date) -> str:
    return f"Từ ngày {short_date(date_from)} đến ngày {short_date(date_to)}"


def render_tracking_book(
    dossiers: Sequence[Dossier],
    unit: UnitConfig,
    date_from: date,
    date_to: date,
    field: str | None = None,
    names: Mapping[str, str] | None = None,
) -> bytes:
    """Form 07 as an A4 landscape PDF; the column headings repeat on every page."""
    spec = BOOK_SPEC
    st = styles_for(spec)
    widths = [spec.frame_width * share for _, share in COLUMNS]
    story: list[Flowable] = [
        Paragraph(text(unit.parent_body.upper()), st.header),
        Paragraph(text(unit.agency_name.upper()), st.header_bold),
        title(TITLE, spec),
        Paragraph(text(f"Lĩnh vực: {field}" if field else "Tất cả lĩnh vực"), st.centre),
        Paragraph(text(_period(date_from, date_to)), st.centre),
    ]
    groups = volumes(book_lines(dossiers, date_from, date_to, field)) or [("", [])]
    for volume, lines in groups:
        rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h, _ in COLUMNS]]
        for line in lines:
            values = [
                "" if line.number is None else str(line.number),
                line.code,
                line.procedure,
                line.applicant,
                line.address_phone,
                line.lead_agency,
                compact_moment(line.received),
                compact_moment(line.appointment),
                compact_moment(line.returned),
                line.how_returned,
                "",
            ]
            rows.append([Paragraph(text(v), st.cell) for v in values])
        story += [
            Spacer(1, 8),
            Paragraph(f"<b>{text(volume_heading(volume))}</b>", st.body),
            grid(rows, widths),
        ]
    return build_pdf(
        story,
        spec,
        title_text=f"{TITLE} {_period(date_from, date_to).lower()}",
        unit=unit,
        subject=field or "",
        footer=TITLE,
    )


def write_tracking_book_xlsx(
    path: Path,
    dossiers: Sequence[Dossier],
    unit: UnitConfig,
    date_from: date,
    date_to: date,
    field: str | None = None,
    names: Mapping[str, str] | None = None,
) -> None:
    """Form 07 as a workbook: title rows, a bold ruled heading row, real date-times, wrapped text."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ theo dõi"
    font = "Times New Roman"
    last = get_column_letter(len(COLUMNS))
    heading_rows = [
        (nfc(unit.agency_name).upper(), True),
        (TITLE.upper(), True),
        (nfc(f"Lĩnh vực: {field}") if field else "Tất cả lĩnh vực", False),
        (_period(date_from, date_to), False),
    ]
    for row, (heading_text, bold) in enumerate(heading_rows, start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=heading_text)
        cell.font = Font(name=font, size=13 if bold else 12, bold=bold)
        cell.alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_row = len(heading_rows) + 2
    for column, (heading, share) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=head_row, column=column, value=heading)
        cell.font = Font(name=font, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = max(6, share * 220)
    row = head_row
    for volume, lines in volumes(book_lines(dossiers, date_from, date_to, field)):
        row += 1
        sheet.merge_cells(f"A{row}:{last}{row}")
        section = sheet.cell(row=row, column=1, value=volume_heading(volume))
        section.font = Font(name=font, size=11, bold=True)
        for line in lines:
            row += 1
            values: list[object] = [
                line.number,
                line.code,
                line.procedure,
                line.applicant,
                line.address_phone,
                line.lead_agency,
                line.received,
                line.appointment,
                line.returned,
                line.how_returned,
                "",
            ]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column, value=value)
                cell.font = Font(name=font, size=11)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                cell.border = border
                if isinstance(value, datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
    sheet.freeze_panes = sheet.cell(row=head_row + 1, column=1)
    sheet.print_title_rows = f"{head_row}:{head_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = f"{TITLE} {_period(date_from, date_to).lower()}"
    book.properties.creator = body_name(unit)
    book.save(path)
