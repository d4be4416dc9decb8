"""The leaders' figures on the server: the 766 on-time indicator and the counts by status, procedure, field and unit,
for a period, over every counter's dossiers as the server holds them; and the same figures as an XLSX workbook.

Each unit's figures are `core.report.build_report` over that unit's dossiers (the counter's own report, same rules);
the province's are their sum (every figure of a report is a count over dossiers, so the sum of the units' reports
is the report of all their dossiers). The portal's synchronised share is `portal_queue.synced_share`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from openpyxl import Workbook
from openpyxl.styles import Font

from ...core.calendar import VN_TZ, to_local
from ...core.model import Dossier, Status
from ...core.report import ProcedureFigures, Report, build_report
from ...core.serial import dossier_from_dict
from ...core.wire import time_text, utc_now
from .. import portal_queue
from .wording import status_label, word

#: Statuses in which processing has ended: such a dossier last changed before the period can count in nothing.
ENDED = (int(Status.REFUSED), int(Status.WITHDRAWAL_REQUESTED), int(Status.STOPPED)) + (
    int(Status.RESULT_READY),
    int(Status.RETURNED),
)
#: Room for the counters' clocks and the time they took to send a change (server times are when it arrived).
MARGIN = timedelta(days=2)
#: The longest period the figures are computed for at once.
MAX_PERIOD = timedelta(days=3 * 366)


def local_now() -> datetime:
    """The server's clock as the core's naive Vietnam time."""
    return to_local(utc_now())


def local_today() -> date:
    return local_now().date()


@dataclass
class FieldFigures:
    """The figures of one field (lĩnh vực): the sum of its procedures'."""

    name: str
    received: int = 0
    counted: int = 0
    on_time: int = 0
    resolved: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0

    @property
    def late(self) -> int:
        return self.counted - self.on_time

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.counted, 2) if self.counted else None


@dataclass
class UnitFigures:
    agency_id: str
    name: str
    report: Report
    portal: tuple[int, int] | None  # (synchronised, received) when the unit is connected to the portal

    @property
    def portal_rate(self) -> float | None:
        if self.portal is None or not self.portal[1]:
            return None
        return round(100 * self.portal[0] / self.portal[1], 2)


@dataclass
class Figures:
    date_from: date
    date_to: date
    units: list[UnitFigures]
    total: Report
    fields: dict[str, str] = field(default_factory=dict)  # procedure code → its field

    @property
    def by_field(self) -> list[FieldFigures]:
        found: dict[str, FieldFigures] = {}
        for proc in self.total.by_procedure.values():
            name = self.fields.get(proc.code, "") or "—"
            f = found.setdefault(name, FieldFigures(name))
            f.received += proc.received
            f.counted += proc.counted
            f.on_time += proc.on_time
            f.resolved += proc.resolved
            f.resolved_on_time += proc.resolved_on_time
            f.resolved_late += proc.resolved_late
        return sorted(found.values(), key=lambda f: (-f.received, f.name))

    @property
    def procedures(self) -> list[ProcedureFigures]:
        return sorted(self.total.by_procedure.values(), key=lambda p: (-p.received, p.code))

    @property
    def portal(self) -> tuple[int, int] | None:
        connected = [u.portal for u in self.units if u.portal is not None]
        if not connected:
            return None
        return sum(p[0] for p in connected), sum(p[1] for p in connected)

    @property
    def portal_rate(self) -> float | None:
        share = self.portal
        return round(100 * share[0] / share[1], 2) if share and share[1] else None


def unit_ids(m: SimpleNamespace) -> list[str]:
    """Every unit the server knows, in order."""
    return [r.agency_id for r in m.Agency.select(m.Agency.agency_id).order_by(m.Agency.agency_id)]


def unit_names(m: SimpleNamespace) -> dict[str, str]:
    """The names the server knows for units (from their portal connection); the agency ID otherwise."""
    return {r.agency_id: r.unit_name for r in m.PortalUnit.select() if r.unit_name}


def unit_dossiers(m: SimpleNamespace, agency_id: str, date_from: date, date_to: date) -> list[Dossier]:
    """The unit's dossiers that can count in a report for the period: received by its end, and either still open
    or changed on the server since shortly before it began (a dossier whose processing ended earlier counts in
    nothing)."""
    since = time_text(datetime.combine(date_from, time.min, tzinfo=VN_TZ) - MARGIN)
    end = datetime.combine(date_to + timedelta(days=1), time.min)
    p = m.db.param
    rows = m.db.execute_sql(
        f"SELECT data FROM dossiers WHERE agency_id = {p} AND code IS NOT NULL "
        f"AND (status NOT IN ({', '.join(str(s) for s in ENDED)}) OR updated_at >= {p})",
        (agency_id, since),
    )
    found = []
    for (data,) in rows:
        dossier = dossier_from_dict(json.loads(data))
        if dossier.received_at < end:
            found.append(dossier)
    return found


def merge(reports: Sequence[Report], date_from: date, date_to: date, as_of: datetime | None) -> Report:
    """The report of all the dossiers of `reports` (each over its own dossiers): every count summed, whatever
    counts the report holds (its integer fields, its tables of counts, its procedures' counts)."""
    total = Report(date_from, date_to, as_of=as_of)
    counts = [f.name for f in dataclass_fields(Report) if isinstance(getattr(total, f.name), int)]
    for r in reports:
        for name in counts:
            setattr(total, name, getattr(total, name) + getattr(r, name))
        _add(total.by_status, r.by_status)
        _add(total.late_by_unit, r.late_by_unit)
        _add(total.ratings, r.ratings)
        for officer, numbers in r.by_officer.items():
            _add(total.by_officer.setdefault(officer, {}), numbers)
        for code, proc in r.by_procedure.items():
            mine = total.by_procedure.setdefault(code, ProcedureFigures(proc.code, proc.name))
            for f in dataclass_fields(ProcedureFigures):
                value = getattr(proc, f.name)
                if isinstance(value, int):
                    setattr(mine, f.name, getattr(mine, f.name) + value)
    return total


def _add(into: dict, numbers: dict) -> None:  # type: ignore[type-arg]
    for key, value in numbers.items():
        into[key] = into.get(key, 0) + value


def figures(
    m: SimpleNamespace, agency_ids: Iterable[str], date_from: date, date_to: date, now: datetime | None = None
) -> Figures:
    """The figures of the period for these units, each and together (`now`: naive Vietnam time, default the
    server's clock)."""
    now = now or local_now()
    names = unit_names(m)
    units: list[UnitFigures] = []
    fields: dict[str, str] = {}
    start, end = date_from.isoformat(), (date_to + timedelta(days=1)).isoformat()
    for agency_id in agency_ids:
        dossiers = unit_dossiers(m, agency_id, date_from, date_to)
        for d in dossiers:
            fields.setdefault(d.procedure.code, d.procedure.field)
        report = build_report(dossiers, date_from, date_to, now)
        share = (
            portal_queue.synced_share(m, agency_id, start, end)
            if portal_queue.is_connected(m, agency_id)
            else None
        )
        units.append(UnitFigures(agency_id, names.get(agency_id, agency_id), report, share))
    as_of = units[0].report.as_of if units else None
    total = merge([u.report for u in units], date_from, date_to, as_of)
    return Figures(date_from, date_to, units, total, fields)


# ---- the workbook ---------------------------------------------------------------------------------------------------
_BOLD = Font(bold=True)


def _sheet_rows(ws, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:  # type: ignore[no-untyped-def]
    ws.append(list(header))
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
    for row in rows:
        ws.append(list(row))
    for column in ws.columns:
        width = max(len(str(c.value or "")) for c in column)
        ws.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def _unit_row(
    label: str, name: str, r: Report, portal: tuple[int, int] | None, rate: float | None
) -> list[object]:
    return [
        label,
        name,
        r.received,
        r.counted,
        r.on_time,
        r.late,
        r.on_time_rate,
        r.resolved,
        r.resolved_on_time,
        r.resolved_late,
        r.returned,
        portal[0] if portal else None,
        portal[1] if portal else None,
        rate,
    ]


def workbook(f: Figures, lang: str) -> bytes:
    """The figures as an XLSX workbook: summary per unit with the total, by status, by procedure, by field."""
    w = lambda key: word(key, lang)  # noqa: E731
    book = Workbook()
    ws = book.active
    ws.title = w("xlsx_summary")
    ws.append([w("figures_title")])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([w("period"), f"{f.date_from:%d/%m/%Y} – {f.date_to:%d/%m/%Y}"])
    if f.total.as_of is not None:
        ws.append([w("as_of"), f"{f.total.as_of:%d/%m/%Y %H:%M}"])
    ws.append([])
    header = [
        w("agency_id"),
        w("unit_name"),
        w("received"),
        w("counted"),
        w("on_time"),
        w("late"),
        w("on_time_rate"),
        w("resolved"),
        w("resolved_on_time"),
        w("resolved_late"),
        w("returned"),
        w("portal_synced"),
        w("portal_received"),
        w("portal_rate"),
    ]
    rows = [
        _unit_row(u.agency_id, u.name if u.name != u.agency_id else "", u.report, u.portal, u.portal_rate)
        for u in f.units
    ]
    rows.append(_unit_row(w("total"), "", f.total, f.portal, f.portal_rate))
    _sheet_rows(ws, header, rows)
    for cell in ws[ws.max_row]:
        cell.font = _BOLD

    ws = book.create_sheet(w("xlsx_status"))
    status_rows = [
        [int(s), status_label(int(s), lang), f.total.by_status.get(int(s), 0)]
        for s in Status
        if f.total.by_status.get(int(s), 0)
    ]
    _sheet_rows(ws, [w("status_number"), w("status"), w("received")], status_rows)

    ws = book.create_sheet(w("xlsx_procedures"))
    _sheet_rows(
        ws,
        [
            w("procedure_code"),
            w("procedure"),
            w("field"),
            w("received"),
            w("counted"),
            w("on_time"),
            w("late"),
            w("on_time_rate"),
            w("resolved"),
            w("resolved_on_time"),
            w("resolved_late"),
        ],
        (
            [
                p.code,
                p.name,
                f.fields.get(p.code, ""),
                p.received,
                p.counted,
                p.on_time,
                p.late,
                p.on_time_rate,
                p.resolved,
                p.resolved_on_time,
                p.resolved_late,
            ]
            for p in f.procedures
        ),
    )

    ws = book.create_sheet(w("xlsx_fields"))
    _sheet_rows(
        ws,
        [
            w("field"),
            w("received"),
            w("counted"),
            w("on_time"),
            w("late"),
            w("on_time_rate"),
            w("resolved"),
            w("resolved_on_time"),
            w("resolved_late"),
        ],
        (
            [
                x.name,
                x.received,
                x.counted,
                x.on_time,
                x.late,
                x.on_time_rate,
                x.resolved,
                x.resolved_on_time,
                x.resolved_late,
            ]
            for x in f.by_field
        ),
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
