"""Page sizes, paragraph styles and the building blocks shared by every form: header, title, fields, signatures."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

import counter_app
from counter_app.core.model import UnitConfig
from counter_app.core.text import nfc

from .assets import Fonts, fonts
from .wording import place_and_date, text

MOTTO_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_HINT = "(Ký và ghi rõ họ tên)"


class Paper(str, Enum):
    """Paper a form is printed on."""

    A5 = "a5"
    A4 = "a4"
    THERMAL80 = "thermal80"


@dataclass(frozen=True)
class PaperSpec:
    """Page size, margins (points) and type sizes for one paper."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    body: float
    title: float
    header: float
    sign_space: float
    bar_height: float = 8 * mm

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right


#: Thermal rolls are 80 mm wide with 72 mm printable; the page height is computed per slip.
THERMAL_WIDTH = 80 * mm
SPECS: dict[Paper, PaperSpec] = {
    Paper.A5: PaperSpec(
        width=148 * mm,
        height=210 * mm,
        left=15 * mm,
        right=10 * mm,
        top=8 * mm,
        bottom=8 * mm,
        body=11,
        title=12,
        header=10,
        sign_space=13 * mm,
    ),
    Paper.A4: PaperSpec(
        width=210 * mm,
        height=297 * mm,
        left=30 * mm,
        right=15 * mm,
        top=20 * mm,
        bottom=20 * mm,
        body=13,
        title=14,
        header=12,
        sign_space=22 * mm,
        bar_height=10 * mm,
    ),
    Paper.THERMAL80: PaperSpec(
        width=THERMAL_WIDTH,
        height=200 * mm,
        left=4 * mm,
        right=4 * mm,
        top=4 * mm,
        bottom=4 * mm,
        body=9,
        title=10,
        header=8,
        sign_space=0,
    ),
}
BOOK_SPEC = PaperSpec(
    width=297 * mm,
    height=210 * mm,
    left=20 * mm,
    right=12 * mm,
    top=15 * mm,
    bottom=15 * mm,
    body=10,
    title=14,
    header=12,
    sign_space=0,
)  # A4 landscape


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one paper size."""

    body: ParagraphStyle
    centre: ParagraphStyle
    title: ParagraphStyle
    header: ParagraphStyle
    header_bold: ParagraphStyle
    date_line: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_head: ParagraphStyle
    sign_title: ParagraphStyle
    sign_hint: ParagraphStyle
    small: ParagraphStyle


@cache
def styles_for(spec: PaperSpec) -> Styles:
    """Paragraph styles for `spec`, built once."""
    f = fonts()
    size, lead = spec.body, spec.body * 1.2
    cell = max(spec.body - 1, 8)

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": f.regular, "fontSize": size, "leading": lead}
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    return Styles(
        body=style("body", alignment=TA_LEFT, spaceAfter=size * 0.08),
        centre=style("centre", alignment=TA_CENTER),
        title=style(
            "title",
            fontName=f.bold,
            fontSize=spec.title,
            leading=spec.title * 1.25,
            alignment=TA_CENTER,
            spaceBefore=spec.title * 0.4,
            spaceAfter=spec.title * 0.2,
        ),
        header=style("header", fontSize=spec.header, leading=spec.header * 1.2, alignment=TA_CENTER),
        header_bold=style(
            "header_bold",
            fontName=f.bold,
            fontSize=spec.header,
            leading=spec.header * 1.2,
            alignment=TA_CENTER,
        ),
        date_line=style(
            "date_line",
            fontName=f.italic,
            fontSize=spec.header,
            leading=spec.header * 1.25,
            alignment=TA_CENTER,
        ),
        cell=style("cell", fontSize=cell, leading=cell * 1.2),
        cell_centre=style("cell_centre", fontSize=cell, leading=cell * 1.2, alignment=TA_CENTER),
        cell_head=style("cell_head", fontName=f.bold, fontSize=cell, leading=cell * 1.2, alignment=TA_CENTER),
        sign_title=style("sign_title", fontName=f.bold, alignment=TA_CENTER),
        sign_hint=style(
            "sign_hint", fontName=f.italic, fontSize=size - 1, leading=(size - 1) * 1.2, alignment=TA_CENTER
        ),
        small=style(
            "small", fontName=f.italic, fontSize=size - 2, leading=(size - 2) * 1.2, alignment=TA_CENTER
        ),
    )


def fitted(value: str, font: str, size: float, width: float, smallest: float = 7) -> float:
    """The largest size <= `size` at which `value` fits on one line of `width` points."""
    natural = stringWidth(value, font, 1)
    if natural <= 0:
        return size
    return max(smallest, min(size, int(width / natural * 4) / 4))


def table(
    rows: list[list[object]], widths: Sequence[float], commands: list[tuple], repeat_rows: int = 0
) -> Table:
    """A platypus table whose own cell font is ours too (reportlab would otherwise select Helvetica)."""
    built = Table(rows, colWidths=list(widths), repeatRows=repeat_rows)
    built.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts().regular, 9), *commands]))
    return built


def within_lines(
    markup: str, style: ParagraphStyle, width: float, lines: int, shrink: float = 1.5
) -> Paragraph:
    """A paragraph shrunk by up to `shrink` points so that it wraps to at most `lines` lines, if it can."""
    size = style.fontSize
    while True:
        fitted_style = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.2)
        paragraph = Paragraph(markup, fitted_style)
        paragraph.wrap(width, 1e6)
        if len(paragraph.blPara.lines) <= lines or size <= style.fontSize - shrink:
            return paragraph
        size -= 0.25


class Rule(Flowable):
    """A short centred horizontal rule (under the issuing unit and under the motto)."""

    def __init__(self, length: float, gap: float = 2) -> None:
        super().__init__()
        self.length = length
        self.gap = gap
        self._avail = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = availWidth
        return availWidth, self.gap * 2

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, self.gap, x + self.length, self.gap)


def header(unit: UnitConfig, number: str, day: date, spec: PaperSpec, issuer: str | None = None) -> Table:
    """The two-column header: governing body and issuing unit left, national motto and place/date right."""
    f, st = fonts(), styles_for(spec)
    width = spec.frame_width
    left_w, right_w = width * 0.46, width * 0.54
    inner = right_w - 2
    motto_size = fitted(MOTTO_TITLE, f.bold, spec.header, inner)
    motto_title = ParagraphStyle(
        "motto_title", parent=st.header_bold, fontSize=motto_size, leading=motto_size * 1.2
    )
    motto = ParagraphStyle(
        "motto", parent=st.header_bold, fontSize=spec.header + 0.5, leading=(spec.header + 0.5) * 1.25
    )
    issuing = text(nfc(issuer or unit.agency_name).upper())
    governing = text(nfc(unit.parent_body).upper())
    left = [
        *([Paragraph(governing, st.header)] if governing != issuing else []),
        within_lines(issuing, st.header_bold, left_w - 2, lines=2),
        Rule(left_w * 0.3),
        Paragraph(f"Số: {text(number)}", st.header),
    ]
    right = [
        Paragraph(MOTTO_TITLE, motto_title),
        Paragraph(MOTTO, motto),
        Rule(stringWidth(MOTTO, f.bold, motto.fontSize)),
        Paragraph(text(place_and_date(unit.place, day)), st.date_line),
    ]
    return table(
        [[left, right]],
        [left_w, right_w],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def title(words: str, spec: PaperSpec) -> Paragraph:
    """The centred bold upper-case title."""
    return Paragraph(text(nfc(words).upper()), styles_for(spec).title)


def field(label: str, value: str, spec: PaperSpec, *, bold: bool = False) -> Paragraph:
    """`Label: value` on the body style; `value` is already escaped markup."""
    shown = f"<b>{value}</b>" if bold and value else value
    return Paragraph(f"{text(label)}: {shown}", styles_for(spec).body)


def signatures(
    blocks: Sequence[tuple[str, str, str]], spec: PaperSpec, *, gap: float | None = None
) -> KeepTogether:
    """Side-by-side signature blocks of (title, hint, full name), kept on one page, `gap` below the text above
    (0.4 of a body line unless given)."""
    st = styles_for(spec)
    cells = [
        [
            Paragraph(text(heading.upper()), st.sign_title),
            Paragraph(text(hint), st.sign_hint),
            Spacer(1, spec.sign_space),
            Paragraph(f"<b>{text(name)}</b>" if name else "", st.sign_title),
        ]
        for heading, hint, name in blocks
    ]
    width = spec.frame_width / max(1, len(cells))
    blocks_row = table(
        [list(cells)],
        [width] * len(cells),
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return KeepTogether([Spacer(1, spec.body * 0.4 if gap is None else gap), blocks_row])


def grid(rows: list[list[object]], widths: Sequence[float], *, header_rows: int = 1) -> Table:
    """A ruled table whose header rows repeat on every page it spans."""
    return table(
        rows,
        widths,
        [
            ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ],
        repeat_rows=header_rows,
    )


class CopyStart(Flowable):
    """Marks where one copy (liên) of a form begins: pages are numbered from there, the footer names the copy."""

    ATTRIBUTE = "_counter_copy_start"

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, self.ATTRIBUTE, (self.canv.getPageNumber(), self.label))


class WithLastRows(Flowable):
    """A ruled table and the closing flowables after it (fields, signatures), laid out in turn, where the closing
    part never starts a page alone: when it does not fit after the table, the table's last `rows` rows move to
    the next page with it (the table's heading repeats there)."""

    def __init__(self, grid_table: Table, closing: Sequence[Flowable], rows: int = 2) -> None:
        super().__init__()
        self.grid_table = grid_table
        self.closing = list(closing)
        self.rows = rows
        self._placed: list[tuple[Flowable, float, float, float]] = []

    def _parts(self) -> list[Flowable]:
        flat: list[Flowable] = [self.grid_table]
        for item in self.closing:
            flat += item._content if isinstance(item, KeepTogether) else [item]
        return flat

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._placed, total = [], 0.0
        for index, part in enumerate(self._parts()):
            before = part.getSpaceBefore() if index else 0.0
            height = part.wrap(availWidth, 1e6)[1]
            after = part.getSpaceAfter()
            self._placed.append((part, before, height, after))
            total += before + height + after
        self.width, self.height = availWidth, total
        return availWidth, total

    def draw(self) -> None:
        y = self.height
        for part, before, height, after in self._placed:
            y -= before + height
            part.drawOn(self.canv, 0, y)
            y -= after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        table = self.grid_table
        table.wrap(availWidth, availHeight)
        heights = list(table._rowHeights)
        heading = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
        if len(heights) - heading <= self.rows:
            if getattr(
                self, "_postponed", False
            ):  # already at the top of a page: flow the parts as they come
                return [table, *self.closing]
            return []  # all of it on the next page
        limit = min(availHeight, sum(heights[: len(heights) - self.rows]))
        pieces = table.split(availWidth, limit)
        if len(pieces) < 2:
            return [] if not getattr(self, "_postponed", False) else [table, *self.closing]
        return [pieces[0], WithLastRows(pieces[1], self.closing, self.rows)]


def build_pdf(
    story: list[Flowable],
    spec: PaperSpec,
    *,
    title_text: str,
    unit: UnitConfig,
    subject: str = "",
    footer: str = "",
) -> bytes:
    """Lay out `story` on `spec` and return the PDF, with metadata and embedded subsetted fonts.

    The frame has no inner padding, so `spec.frame_width` is exactly the width flowables get.
    """
    f = fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(spec.width, spec.height),
        leftMargin=spec.left,
        rightMargin=spec.right,
        topMargin=spec.top,
        bottomMargin=spec.bottom,
        title=nfc(title_text),
        author=nfc(unit.agency_name),
        subject=nfc(subject),
        creator=counter_app.APP_NAME,
        lang="vi-VN",
        initialFontName=f.regular,
        initialFontSize=spec.body,
    )
    frame = Frame(
        spec.left,
        spec.bottom,
        spec.frame_width,
        spec.height - spec.top - spec.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPageEnd=_footer(f, spec, nfc(footer)))])
    doc.build(story)
    return buffer.getvalue()


def story_height(story: Sequence[Flowable], width: float) -> float:
    """Height `story` needs in a frame of `width` (used to size a thermal slip to its content)."""
    scratch = Canvas(io.BytesIO())
    total = 0.0
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            total += story_height(flowable._content, width)
            continue
        total += (
            flowable.wrapOn(scratch, width, 1e6)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        )
    return total


def _footer(f: Fonts, spec: PaperSpec, footer: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Pages after the first of each copy: `<footer> – <copy> – Trang N` in the bottom margin, right-aligned
    (drawn when the page ends, so a `CopyStart` on it has been seen)."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        first, copy = getattr(canvas, CopyStart.ATTRIBUTE, (1, ""))
        page = doc.page - first + 1
        if page < 2:
            return
        label = " – ".join(part for part in (footer, copy, f"Trang {page}") if part)
        canvas.saveState()
        canvas.setFont(f.italic, max(spec.body - 3, 7))
        canvas.drawRightString(spec.width - spec.right, spec.bottom / 2, label)
        canvas.restoreState()

    return draw
