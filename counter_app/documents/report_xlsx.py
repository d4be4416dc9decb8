"""The leaders' report as an XLSX workbook: summary (the national on-time indicator first), by procedure, by unit and
officer, satisfaction."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from ..core.model import UnitConfig
from ..core.report import Report

LABELS = {
    "vi": {
        "summary": "Tổng hợp",
        "procedures": "Theo thủ tục",
        "units": "Quá hạn theo đơn vị",
        "officers": "Theo cán bộ",
        "period": "Kỳ báo cáo",
        "as_of": "Hồ sơ chưa xong tính đến",
        "indicator": "Chỉ số tiến độ giải quyết (Quyết định 766/QĐ-TTg)",
        "on_time_rate": "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (%)",
        "counted": "Hồ sơ tiếp nhận và xử lý trong kỳ",
        "carried_over": "  trong đó kỳ trước chuyển sang",
        "on_time": "Đã và đang xử lý trước hạn, đúng hạn",
        "late": "Đã và đang xử lý quá hạn",
        "finished_on_time": "Đã xử lý đúng hạn (gồm trước hạn)",
        "finished_early": "  trong đó trước hạn",
        "finished_late": "Đã xử lý quá hạn",
        "open_in_time": "Đang xử lý trong hạn",
        "overdue_open": "Đang xử lý quá hạn",
        "stopped": "Dừng xử lý, rút hồ sơ (đã tính ở trên)",
        "period_figures": "Hồ sơ trong kỳ",
        "received": "Tiếp nhận",
        "portal_synced": "  trong đó đã đồng bộ lên Cổng Dịch vụ công quốc gia",
        "portal_synced_rate": "Tỷ lệ hồ sơ tiếp nhận đã đồng bộ lên Cổng Dịch vụ công quốc gia (%)",
        "proc_portal_synced": "Đã đồng bộ lên Cổng DVCQG",
        "proc_portal_rate": "Tỷ lệ đồng bộ lên Cổng DVCQG (%)",
        "resolved": "Đã giải quyết",
        "resolved_on_time": "Giải quyết đúng hạn (gồm trước hạn)",
        "resolved_early": "Giải quyết trước hạn",
        "resolved_late": "Giải quyết quá hạn",
        "resolved_on_time_rate": "Tỷ lệ giải quyết đúng hạn trên hồ sơ đã giải quyết (%)",
        "returned": "Đã trả kết quả",
        "satisfaction_index": "Chỉ số hài lòng (%)",
        "code": "Mã thủ tục",
        "name": "Tên thủ tục",
        "proc_rate": "Tỷ lệ trước hạn, đúng hạn (%)",
        "unit": "Đơn vị",
        "officer": "Cán bộ",
    },
    "en": {
        "summary": "Summary",
        "procedures": "By procedure",
        "units": "Late by unit",
        "officers": "By officer",
        "period": "Period",
        "as_of": "Open dossiers judged at",
        "indicator": "Progress indicator (Decision 766/QĐ-TTg)",
        "on_time_rate": "On-time rate, national indicator (%)",
        "counted": "Received and processed in the period",
        "carried_over": "  of which carried over",
        "on_time": "Processed or being processed on time",
        "late": "Processed or being processed late",
        "finished_on_time": "Ended on time (incl. early)",
        "finished_early": "  of which early",
        "finished_late": "Ended late",
        "open_in_time": "Open, in time",
        "overdue_open": "Open, overdue",
        "stopped": "Stopped or withdrawn (counted above)",
        "period_figures": "Dossiers in the period",
        "received": "Received",
        "portal_synced": "  of which synchronised to the National Public Service Portal",
        "portal_synced_rate": "Received dossiers synchronised to the National Public Service Portal (%)",
        "proc_portal_synced": "Synchronised to the national portal",
        "proc_portal_rate": "Synchronised to the national portal (%)",
        "resolved": "Resolved",
        "resolved_on_time": "Resolved on time (incl. early)",
        "resolved_early": "Resolved early",
        "resolved_late": "Resolved late",
        "resolved_on_time_rate": "Resolved on time, of those resolved (%)",
        "returned": "Returned",
        "satisfaction_index": "Satisfaction index (%)",
        "code": "Procedure code",
        "name": "Procedure",
        "proc_rate": "On-time rate (%)",
        "unit": "Unit",
        "officer": "Officer",
    },
}

#: The summary's rows under each heading, in order (each a `Report` attribute).
INDICATOR_ROWS = (
    "on_time_rate",
    "counted",
    "carried_over",
    "on_time",
    "late",
    "finished_on_time",
    "finished_early",
    "finished_late",
    "open_in_time",
    "overdue_open",
    "stopped",
)
PERIOD_ROWS = (
    "received",
    "portal_synced",
    "portal_synced_rate",
    "resolved",
    "resolved_on_time",
    "resolved_early",
    "resolved_late",
    "resolved_on_time_rate",
    "returned",
    "satisfaction_index",
)


def write_report_xlsx(path: Path, report: Report, unit: UnitConfig, lang: str = "vi") -> None:
    t = LABELS["en" if lang == "en" else "vi"]
    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = t["summary"]
    ws.append([unit.agency_name])
    ws.append([t["period"], f"{report.date_from:%d/%m/%Y} – {report.date_to:%d/%m/%Y}"])
    ws.append([t["as_of"], f"{report.as_of:%d/%m/%Y %H:%M}" if report.as_of else ""])
    for heading, rows in (("indicator", INDICATOR_ROWS), ("period_figures", PERIOD_ROWS)):
        ws.append([])
        ws.append([t[heading]])
        ws.cell(ws.max_row, 1).font = bold
        for key in rows:
            ws.append([t[key], getattr(report, key)])
    ws["A1"].font = bold
    ws.column_dimensions["A"].width = 56
    ws.column_dimensions["B"].width = 24
    procs = wb.create_sheet(t["procedures"])
    procs.append(
        [
            t["code"],
            t["name"],
            t["received"],
            t["counted"],
            t["on_time"],
            t["late"],
            t["proc_rate"],
            t["resolved"],
            t["resolved_on_time"],
            t["resolved_late"],
            t["proc_portal_synced"],
            t["proc_portal_rate"],
        ]
    )
    for p in sorted(report.by_procedure.values(), key=lambda p: (-p.received, p.code)):
        procs.append(
            [
                p.code,
                p.name,
                p.received,
                p.counted,
                p.on_time,
                p.late,
                p.on_time_rate,
                p.resolved,
                p.resolved_on_time,
                p.resolved_late,
                p.portal_synced,
                p.portal_synced_rate,
            ]
        )
    procs.column_dimensions["B"].width = 70
    units = wb.create_sheet(t["units"])
    units.append([t["unit"], t["resolved_late"]])
    for name, count in sorted(report.late_by_unit.items(), key=lambda kv: -kv[1]):
        units.append([name, count])
    units.column_dimensions["A"].width = 40
    officers = wb.create_sheet(t["officers"])
    officers.append([t["officer"], t["received"], t["returned"]])
    for name, figures in sorted(report.by_officer.items()):
        officers.append([name, figures.get("received", 0), figures.get("returned", 0)])
    for sheet in (procs, units, officers):
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
    wb.save(path)
