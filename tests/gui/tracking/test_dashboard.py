"""The leader's dashboard: the CLI's figures for a period, on cards, charts and tables, and exported to XLSX."""

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
    assert (report.received, report.resolved, report.late, report.overdue_open) == (3, 2, 1, 1)
    assert panel.cards["received"].value.text() == "3"
    assert panel.cards["late"].value.text() == "1"
    assert panel.cards["on_time_rate"].value.text() == "50,0%"
    assert panel.status_chart.chart().series()[0].count() == 1
    late_units = panel.units_chart.chart().series()[0].barSets()[0]
    assert late_units.count() == 1 and late_units.at(0) == 1
    assert panel.procedures.rowCount() == 1 and panel.procedures.item(0, 5).text() == "1"
    out = tmp_path / "bao-cao.xlsx"
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export_to(out)
    book = load_workbook(out)
    assert book.sheetnames[0] == "Tổng hợp"
    assert [row[1].value for row in book["Tổng hợp"].iter_rows(min_row=3, max_row=3)] == [3]


def test_period_presets() -> None:
    today = date(2026, 5, 17)
    assert period_for("this-month", today) == (date(2026, 5, 1), today)
    assert period_for("last-month", today) == (date(2026, 4, 1), date(2026, 4, 30))
    assert period_for("this-quarter", today) == (date(2026, 4, 1), today)
    assert period_for("this-year", today) == (date(2026, 1, 1), today)
    assert period_for("last-7-days", today) == (date(2026, 5, 11), today)
