"""The leader's dashboard: the CLI's figures for a period (the national on-time indicator and the resolved dossiers'
figures beside it), on cards, charts and tables, and exported to XLSX."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from conftest import move, receive_dossier
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from counter_app.core.model import Status
from counter_app.gui.tracking.dashboard import DashboardPanel, period_for

S = Status


def test_dashboard_shows_the_figures_of_the_period_and_exports_them(
    qtbot: QtBot, make_session, counter_store, tmp_path: Path
) -> None:
    p = S.PROCESSING
    move(
        counter_store,
        receive_dossier(counter_store, "Lê Thị Muộn", datetime(2026, 11, 4, 8), at=datetime(2026, 11, 3, 8)),
        (p, datetime(2026, 11, 3, 9)),
        (S.RESULT_READY, datetime(2026, 11, 20, 9)),
    )
    move(
        counter_store,
        receive_dossier(counter_store, "Trần Sớm", datetime(2026, 11, 26, 8)),
        (p, datetime(2026, 11, 23, 9)),
        (S.RESULT_READY, datetime(2026, 11, 24, 9)),
    )
    receive_dossier(counter_store, "Hoàng Chờ", datetime(2026, 11, 25, 8))
    panel = DashboardPanel(make_session("lanhdao"), today=lambda: date(2026, 11, 28))
    qtbot.addWidget(panel)
    assert panel.period() == (date(2026, 11, 1), date(2026, 11, 28))
    with qtbot.waitSignal(panel.report_ready, timeout=20000) as ready:
        panel.show()  # the figures are computed when the dashboard is first shown
    report = ready.args[0]
    # the indicator, judged at 29/11 00:00 (the end of the period, before the pinned 30/11 09:00):
    # Muộn ended late (20/11, due 04/11), Sớm early (24/11, due 26/11), Chờ open past 25/11 → 1 ÷ 3 = 33,3 %
    assert (report.counted, report.on_time, report.finished_late, report.overdue_open) == (3, 1, 1, 1)
    # resolved in the period: Muộn (late) and Sớm (early) → 1 ÷ 2 = 50,0 %
    assert (report.received, report.resolved, report.resolved_late) == (3, 2, 1)
    assert panel.cards["on_time_rate"].value.text() == "33,3%"
    assert panel.cards["resolved_on_time_rate"].value.text() == "50,0%"
    assert panel.cards["counted"].value.text() == "3"
    assert panel.cards["received"].value.text() == "3"
    assert panel.cards["resolved_late"].value.text() == "1"
    assert panel.cards["overdue_open"].value.text() == "1"
    assert (
        panel.state.text()
        == "Số liệu từ 01/11/2026 đến 28/11/2026; hồ sơ chưa xong tính đến 29/11/2026 00:00"
    )
    slices = {
        piece.label().split(":")[0]: piece.value()
        for piece in panel.timeliness_chart.chart().series()[0].slices()
    }
    assert slices == {"Đã xử lý đúng hạn": 1, "Đã xử lý quá hạn": 1, "Đang xử lý quá hạn": 1}
    assert panel.status_chart.chart().series()[0].count() == 1
    late_units = panel.units_chart.chart().series()[0].barSets()[0]
    assert late_units.count() == 1 and late_units.at(0) == 1
    assert panel.procedures.rowCount() == 1
    row = [panel.procedures.item(0, j).text() for j in range(panel.procedures.columnCount())]
    assert row[2:] == ["3", "3", "1", "2", "33,3%", "2", "1", "0", "0,0%"]  # none held by the national portal
    out = tmp_path / "bao-cao.xlsx"
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export_to(out)
    book = load_workbook(out)
    assert book.sheetnames[0] == "Tổng hợp"
    rows = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True) if r and r[0]}
    assert rows["Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (%)"] == 33.33
    assert rows["Tỷ lệ giải quyết đúng hạn trên hồ sơ đã giải quyết (%)"] == 50.0
    assert rows["Tiếp nhận"] == 3


def test_period_presets() -> None:
    today = date(2026, 5, 17)
    assert period_for("this-month", today) == (date(2026, 5, 1), today)
    assert period_for("last-month", today) == (date(2026, 4, 1), date(2026, 4, 30))
    assert period_for("this-quarter", today) == (date(2026, 4, 1), today)
    assert period_for("this-year", today) == (date(2026, 1, 1), today)
    assert period_for("last-7-days", today) == (date(2026, 5, 11), today)
