"""The leader's dashboard: for a chosen period, the national figures, lateness by unit and procedure, officers, satisfaction; export to XLSX."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...app import accounts, reports
from ...app.base import Changes, Scope
from ...core.model import Status
from ...core.report import Report
from ...messages import status_name
from ..session import Session
from ..widgets import ErrorLabel
from .charts import PALETTE, chart_view, set_bars, set_pie

Today = Callable[[], date]


def period_for(preset: str, today: date) -> tuple[date, date]:
    """The dates of a preset period: this-month, last-month, this-quarter, this-year, last-7-days."""
    if preset == "last-month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if preset == "this-quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        return today.replace(month=first_month, day=1), today
    if preset == "this-year":
        return today.replace(month=1, day=1), today
    if preset == "last-7-days":
        return today - timedelta(days=6), today
    return today.replace(day=1), today


class KpiCard(QFrame):
    """One big figure with its name underneath."""

    def __init__(self, name: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi:{key}")
        self.setStyleSheet("KpiCard { background: #f4f8fd; border: 1px solid #c5d6ea; border-radius: 6px; }")
        self.value = QLabel("—", self)
        self.value.setObjectName("value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1d4e89;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(name, self)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.value)
        layout.addWidget(caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


class DashboardPanel(QWidget):
    """Figures of a period computed in the background by `core.report.build_report` (the CLI's figures)."""

    report_ready = Signal(object)  # Report
    exported = Signal(str)  # path of the workbook
    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *, today: Today = date.today) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.report: Report | None = None
        self._names: dict[str, str] = {}
        self._stale = False  # figures shown before a change they count
        self.setObjectName("dashboard")
        self._build()
        self._connect()
        self._on_preset_activated(0)

    # ---- building ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.preset = QComboBox(self)
        self.preset.setObjectName("preset")
        for key, text in (
            ("this-month", self.tr("Tháng này")),
            ("last-month", self.tr("Tháng trước")),
            ("this-quarter", self.tr("Quý này")),
            ("this-year", self.tr("Năm nay")),
            ("last-7-days", self.tr("7 ngày qua")),
        ):
            self.preset.addItem(text, key)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.show_button = QPushButton(self.tr("Xem số liệu"), self)
        self.show_button.setObjectName("showReport")
        self.show_button.setProperty("role", "primary")
        self.export_button = QPushButton(self.tr("Xuất Excel…"), self)
        self.export_button.setObjectName("exportXlsx")
        self.export_button.setEnabled(False)
        self.state = QLabel(self)
        self.state.setProperty("role", "hint")
        self.error = ErrorLabel("dashboard", self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kỳ báo cáo:"), self))
        top.addWidget(self.preset)
        top.addWidget(QLabel(self.tr("từ"), self))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("đến"), self))
        top.addWidget(self.date_to)
        top.addWidget(self.show_button)
        top.addWidget(self.state, 1)
        top.addWidget(self.export_button)

        self.cards: dict[str, KpiCard] = {}
        cards = QHBoxLayout()
        for key, name in (
            ("received", self.tr("Tiếp nhận")),
            ("resolved", self.tr("Đã giải quyết")),
            ("returned", self.tr("Đã trả kết quả")),
            ("on_time", self.tr("Đúng hạn (gồm trước hạn)")),
            ("late", self.tr("Giải quyết quá hạn")),
            ("on_time_rate", self.tr("Tỷ lệ đúng hạn")),
            ("overdue_open", self.tr("Đang quá hạn")),
            ("satisfaction", self.tr("Chỉ số hài lòng")),
        ):
            card = KpiCard(name, key, self)
            self.cards[key] = card
            cards.addWidget(card)

        self.status_chart = chart_view(self.tr("Hồ sơ tiếp nhận theo trạng thái hiện tại"), self)
        self.timeliness_chart = chart_view(self.tr("Kết quả giải quyết"), self)
        self.satisfaction_chart = chart_view(self.tr("Mức độ hài lòng"), self)
        self.units_chart = chart_view(self.tr("Hồ sơ quá hạn theo đơn vị"), self)
        overview = QWidget(self)
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.status_chart, 0, 0)
        grid.addWidget(self.timeliness_chart, 0, 1)
        grid.addWidget(self.units_chart, 1, 0)
        grid.addWidget(self.satisfaction_chart, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        self.procedures = self._table(
            "procedures",
            (
                self.tr("Mã thủ tục"),
                self.tr("Tên thủ tục"),
                self.tr("Tiếp nhận"),
                self.tr("Đã giải quyết"),
                self.tr("Đúng hạn"),
                self.tr("Quá hạn"),
            ),
        )
        self.officers = self._table(
            "officers", (self.tr("Cán bộ"), self.tr("Tiếp nhận"), self.tr("Đã trả kết quả"))
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(overview, self.tr("Tổng quan"))
        self.tabs.addTab(self.procedures, self.tr("Theo thủ tục"))
        self.tabs.addTab(self.officers, self.tr("Theo cán bộ"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)

    def _table(self, name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(False)
        table.setSortingEnabled(True)
        return table

    def _connect(self) -> None:
        self.preset.activated.connect(self._on_preset_activated)
        self.show_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.date_from.dateChanged.connect(self._on_date_from_changed)
        self.date_to.dateChanged.connect(self._on_date_to_changed)
        self.session.runner.changed.connect(self._on_runner_changed)

    # ---- loading -----------------------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def refresh(self) -> None:
        """Compute the figures of the chosen period in the background (the same ones `counter-app report` prints)."""
        start, end = self.period()
        self.show_button.setEnabled(False)
        self._stale = False
        self.state.setText(self.tr("Đang tính số liệu…"))
        self.session.submit(
            reports.report, start, end, on_done=self._on_report_done, on_error=self._on_report_failed
        )
        self.session.submit(accounts.names, on_done=self._on_names_loaded)

    def _on_report_done(self, report: Report) -> None:
        self.show_button.setEnabled(True)
        self.state.setText(
            self.tr("Số liệu từ %1 đến %2")
            .replace("%1", f"{report.date_from:%d/%m/%Y}")
            .replace("%2", f"{report.date_to:%d/%m/%Y}")
        )
        self.error.show_error(None, "")
        self.show_report(report)
        self.report_ready.emit(report)

    def _on_report_failed(self, exc: object) -> None:
        self.show_button.setEnabled(True)
        self.state.setText("")
        self.error.show_error(None, self.tr("Không tính được số liệu: %1").replace("%1", str(exc)))
        self.failed.emit(str(exc))

    def _on_names_loaded(self, names: dict[str, str]) -> None:
        self._names = names
        if self.report is not None:
            self._fill_officers(self.report)

    def show_report(self, r: Report) -> None:
        self.report = r
        self.export_button.setEnabled(True)
        percent = self.tr("%1%")
        decimal = "," if self.session.lang == "vi" else "."
        for key in ("received", "resolved", "returned", "on_time", "late", "overdue_open"):
            self.cards[key].set_value(str(getattr(r, key)))
        rate, index = r.on_time_rate, r.satisfaction_index
        self.cards["on_time_rate"].set_value(
            "—" if rate is None else percent.replace("%1", f"{rate:.1f}".replace(".", decimal))
        )
        self.cards["satisfaction"].set_value(
            "—" if index is None else percent.replace("%1", f"{index:.1f}".replace(".", decimal))
        )
        lang = self.session.lang
        statuses = [
            (f"{s}. {status_name(s, lang)}", r.by_status.get(int(s), 0))
            for s in Status
            if r.by_status.get(int(s))
        ]
        set_bars(self.status_chart, statuses, horizontal=True)
        set_pie(
            self.timeliness_chart,
            [
                (self.tr("Trước hạn"), r.early, PALETTE[1]),
                (self.tr("Đúng hạn"), r.on_time - r.early, PALETTE[0]),
                (self.tr("Quá hạn"), r.late, PALETTE[3]),
            ],
            self.tr("Chưa có hồ sơ giải quyết"),
        )
        units = sorted(r.late_by_unit.items(), key=lambda kv: (-kv[1], kv[0]))
        set_bars(self.units_chart, units[:8], horizontal=True, colour=PALETTE[3])
        set_pie(
            self.satisfaction_chart,
            [
                (self.tr("Rất hài lòng"), r.ratings.get(1, 0), PALETTE[1]),
                (self.tr("Hài lòng"), r.ratings.get(2, 0), PALETTE[0]),
                (self.tr("Không hài lòng"), r.ratings.get(3, 0), PALETTE[3]),
            ],
            self.tr("Chưa có đánh giá"),
        )
        self._fill(
            self.procedures,
            [
                (p.code, p.name, p.received, p.resolved, p.on_time, p.late)
                for p in sorted(r.by_procedure.values(), key=lambda p: (-p.late, -p.received, p.code))
            ],
        )
        self._fill_officers(r)

    def _fill_officers(self, r: Report) -> None:
        names = self._names
        self._fill(
            self.officers,
            [
                (f"{names.get(k, k)} ({k})", v.get("received", 0), v.get("returned", 0))
                for k, v in sorted(r.by_officer.items())
            ],
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                item = QTableWidgetItem()
                if isinstance(value, int):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setText(str(value))
                table.setItem(i, j, item)
        table.setSortingEnabled(True)

    # ---- export ------------------------------------------------------------------------------------------------
    def export_to(self, path: Path) -> None:
        """Write the shown figures to an XLSX workbook in the background."""
        if self.report is None:
            return
        report = self.report
        self.session.submit(
            reports.save_report,
            report.date_from,
            report.date_to,
            path,
            self.session.lang,
            on_done=lambda _figures: self._on_export_done(path),
            on_error=self._on_report_failed,
        )

    def _on_export_button_clicked(self) -> None:
        if self.report is None:
            return
        suggested = f"bao-cao-{self.report.date_from:%Y%m%d}-{self.report.date_to:%Y%m%d}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất báo cáo"), suggested, self.tr("Bảng tính Excel (*.xlsx)")
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def _on_export_done(self, path: Path) -> None:
        self.state.setText(self.tr("Đã xuất báo cáo: %1").replace("%1", path.name))
        self.exported.emit(str(path))

    # ---- period ------------------------------------------------------------------------------------------------
    def _on_preset_activated(self, index: int) -> None:
        start, end = period_for(str(self.preset.itemData(index)), self.today())
        self.set_period(start, end)

    def _on_date_from_changed(self, day: QDate) -> None:
        if self.date_to.date() < day:
            self.date_to.setDate(day)

    def _on_date_to_changed(self, day: QDate) -> None:
        if self.date_from.date() > day:
            self.date_from.setDate(day)

    def _on_runner_changed(self, changes: Changes) -> None:
        """Dossiers, accounts or the calendar changed: the figures on screen follow now, hidden ones when shown."""
        if not changes.touches(Scope.DOSSIERS, Scope.ACCOUNTS, Scope.CALENDAR) or self.report is None:
            return
        self._stale = True
        if self.isVisible() and self.show_button.isEnabled():
            self.refresh()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        if (self.report is None or self._stale) and self.show_button.isEnabled():
            self.refresh()
