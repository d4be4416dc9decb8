"""The leaders' report as an XLSX workbook: summary, by procedure, by unit and officer, satisfaction."""

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
        "received": "Tiếp nhận",
        "resolved": "Đã giải quyết",
        "returned": "Đã trả kết quả",
        "on_time": "Đúng hạn",
        "early": "Trước hạn",
        "late": "Quá hạn",
        "overdue_open": "Đang quá hạn",
        "on_time_rate": "Tỷ lệ đúng hạn (%)",
        "satisfaction_index": "Chỉ số hài lòng (%)",
        "code": "Mã thủ tục",
        "name": "Tên thủ tục",
        "unit": "Đơn vị",
        "officer": "Cán bộ",
        "period": "Kỳ báo cáo",
    },
    "en": {
        "summary": "Summary",
        "procedures": "By procedure",
        "units": "Late by unit",
        "officers": "By officer",
        "received": "Received",
        "resolved": "Resolved",
        "returned": "Returned",
        "on_time": "On time",
        "early": "Early",
        "late": "Late",
        "overdue_open": "Overdue (open)",
        "on_time_rate": "On-time rate (%)",
        "satisfaction_index": "Satisfaction index (%)",
        "code": "Procedure code",
        "name": "Procedure",
        "unit": "Unit",
        "officer": "Officer",
        "period": "Period",
    },
}


def write_report_xlsx(path: Path, report: Report, unit: UnitConfig, lang: str = "vi") -> None:
    t = LABELS["en" if lang == "en" else "vi"]
    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = t["summary"]
    ws.append([unit.agency_name])
    ws.append([t["period"], f"{report.date_from:%d/%m/%Y} – {report.date_to:%d/%m/%Y}"])
    for key in ("received", "resolved", "returned", "on_time", "early", "late", "overdue_open"):
        ws.append([t[key], getattr(report, key)])
    ws.append([t["on_time_rate"], report.on_time_rate])
    ws.append([t["satisfaction_index"], report.satisfaction_index])
    ws["A1"].font = bold
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 24
    procs = wb.create_sheet(t["procedures"])
    procs.append([t["code"], t["name"], t["received"], t["resolved"], t["on_time"], t["late"]])
    for p in sorted(report.by_procedure.values(), key=lambda p: -p.received):
        procs.append([p.code, p.name, p.received, p.resolved, p.on_time, p.late])
    procs.column_dimensions["B"].width = 70
    units = wb.create_sheet(t["units"])
    units.append([t["unit"], t["late"]])
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
