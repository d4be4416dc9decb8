"""The leader's dashboard: for a chosen period, the national on-time indicator (Decision 766/QĐ-TTg) and the figures of
the resolved dossiers beside it, the share synchronised to the National Public Service Portal, lateness by unit and
procedure, officers, satisfaction; export to XLSX."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

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
    """One big figure with its name underneath; the national indicator's card stands out."""

    def __init__(self, name: str, key: str, parent: QWidget | None = None, *, emphasis: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi:{key}")
        background, border = ("#e7f1e4", "#8fbf86") if emphasis else ("#f4f8fd", "#c5d6ea")
        self.setStyleSheet(
            f"KpiCard {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
        )
        self.value = QLabel("—", self)
        self.value.setObjectName("value")
        self.value.setStyleSheet("font-size: 18pt; font-weight: bold; color: #1d4e89;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setStyleSheet("color: #1d4e89;")
        self.detail.hide()
        caption = QLabel(name, self)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addWidget(caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)

    def set_detail(self, text: str) -> None:
        """A line under the figure saying what it is made of (the counts behind a share)."""
        self.detail.setText(text)
        self.detail.setVisible(bool(text))


class _Rate(NamedTuple):
    text: str
    value: float | None


class _RateItem(QTableWidgetItem):
    """A percentage cell: shown as written, sorted by its value (no rate first)."""

    def __init__(self, rate: _Rate) -> None:
        super().__init__(rate.text)
        self.rate = -1.0 if rate.value is None else rate.value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _RateItem):
            return self.rate < other.rate
        return super().__lt__(other)


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
        indicator = self._card_row(
            self.tr("Chỉ số 766"),
            self.tr(
                "Chỉ số tiến độ giải quyết (Quyết định 766/QĐ-TTg): hồ sơ đã và đang xử lý trước hạn, đúng hạn trên tổng số hồ sơ tiếp nhận và xử lý trong kỳ, gồm hồ sơ kỳ trước chuyển sang."
            ),
            (
                ("on_time_rate", self.tr("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn")),
                ("counted", self.tr("Hồ sơ tiếp nhận và xử lý trong kỳ")),
                ("carried_over", self.tr("Trong đó kỳ trước chuyển sang")),
                ("on_time", self.tr("Đã và đang xử lý đúng hạn")),
                ("finished_late", self.tr("Đã xử lý quá hạn")),
                ("overdue_open", self.tr("Đang xử lý quá hạn")),
                ("digitised_rate", self.tr("Hồ sơ đã số hóa")),
                ("results_digitised_rate", self.tr("Kết quả đã số hóa")),
            ),
        )
        period = self._card_row(
            self.tr("Trong kỳ"),
            self.tr("Hồ sơ tiếp nhận, giải quyết và trả kết quả trong kỳ"),
            (
                ("received", self.tr("Tiếp nhận trong kỳ")),
                ("portal_synced_rate", self.tr("Đồng bộ Cổng DVCQG")),
                ("resolved", self.tr("Đã giải quyết")),
                ("resolved_late", self.tr("Giải quyết quá hạn")),
                ("resolved_on_time_rate", self.tr("Tỷ lệ đúng hạn trên hồ sơ đã giải quyết")),
                ("returned", self.tr("Đã trả kết quả")),
                ("satisfaction", self.tr("Chỉ số hài lòng")),
            ),
        )
        self.cards["on_time_rate"].setToolTip(
            self.tr(
                "Hồ sơ đã xử lý xong, dừng hoặc rút trong hạn (không tính thời gian chờ bổ sung) cộng hồ sơ đang xử lý còn trong hạn, chia cho tổng số hồ sơ tiếp nhận và xử lý trong kỳ. Hồ sơ đang chờ bổ sung sau lần yêu cầu thứ hai tính là quá hạn."
            )
        )

        self.cards["digitised_rate"].setToolTip(
            self.tr(
                "Hồ sơ tiếp nhận trong kỳ đã số hóa đủ các thành phần bắt buộc, chia cho số hồ sơ tiếp nhận trong kỳ."
            )
        )
        self.cards["results_digitised_rate"].setToolTip(
            self.tr("Hồ sơ giải quyết trong kỳ đã có kết quả điện tử, chia cho số hồ sơ giải quyết trong kỳ.")
        )
        self.cards["portal_synced_rate"].setToolTip(
            self.tr(
                "Hồ sơ tiếp nhận trong kỳ mà Cổng Dịch vụ công quốc gia đã nhận (máy chủ gửi lên Cổng và báo lại cho quầy), chia cho số hồ sơ tiếp nhận trong kỳ; tính đến lúc xem số liệu."
            )
        )

        self.status_chart = chart_view(self.tr("Hồ sơ tiếp nhận theo trạng thái hiện tại"), self)
        self.timeliness_chart = chart_view(self.tr("Tiến độ giải quyết (chỉ số 766)"), self)
        self.satisfaction_chart = chart_view(self.tr("Mức độ hài lòng"), self)
        self.units_chart = chart_view(self.tr("Hồ sơ giải quyết quá hạn theo đơn vị"), self)
        overview = QWidget(self)
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.status_chart, 0, 0)
        grid.addWidget(self.timeliness_chart, 0, 1)
        grid.addWidget(self.units_chart, 1, 0)
        grid.addWidget(self.satisfaction_chart, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.procedures = self._table(
            "procedures",
            (
                self.tr("Mã thủ tục"),
                self.tr("Tên thủ tục"),
                self.tr("Tiếp nhận"),
                self.tr("Tính chỉ số"),
                self.tr("Đúng hạn"),
                self.tr("Quá hạn"),
                self.tr("Tỷ lệ đúng hạn"),
                self.tr("Đã giải quyết"),
                self.tr("Giải quyết quá hạn"),
                self.tr("Đã đồng bộ Cổng DVCQG"),
                self.tr("Tỷ lệ đồng bộ Cổng DVCQG"),
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
        layout.addLayout(indicator)
        layout.addLayout(period)
        layout.addWidget(self.tabs, 1)

    def _card_row(self, title: str, tip: str, cards: tuple[tuple[str, str], ...]) -> QHBoxLayout:
        """A row of cards after a short heading; the first card of the indicator's row stands out."""
        row = QHBoxLayout()
        heading = QLabel(title, self)
        heading.setObjectName("cardRowHeading")
        heading.setToolTip(tip)
        heading.setWordWrap(True)
        heading.setFixedWidth(76)
        heading.setStyleSheet("font-weight: bold; color: #444444;")
        row.addWidget(heading)
        for i, (key, name) in enumerate(cards):
            card = KpiCard(name, key, self, emphasis=key == "on_time_rate" and i == 0)
            card.setToolTip(tip)
            self.cards[key] = card
            row.addWidget(card, 1)
        return row

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
        as_of = f"{report.as_of:%d/%m/%Y %H:%M}" if report.as_of else ""
        self.state.setText(
            self.tr("Số liệu từ %1 đến %2; hồ sơ chưa xong tính đến %3")
            .replace("%1", f"{report.date_from:%d/%m/%Y}")
            .replace("%2", f"{report.date_to:%d/%m/%Y}")
            .replace("%3", as_of)
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
        for key in ("counted", "carried_over", "on_time", "finished_late", "overdue_open"):
            self.cards[key].set_value(str(getattr(r, key)))
        for key in ("received", "resolved", "resolved_late", "returned"):
            self.cards[key].set_value(str(getattr(r, key)))
        self.cards["on_time_rate"].set_value(self._percent(r.on_time_rate))
        self.cards["resolved_on_time_rate"].set_value(self._percent(r.resolved_on_time_rate))
        self.cards["satisfaction"].set_value(self._percent(r.satisfaction_index))
        self.cards["digitised_rate"].set_value(self._percent(r.digitised_rate))
        self.cards["digitised_rate"].set_detail(
            self.tr("%1/%2 hồ sơ").replace("%1", str(r.digitised)).replace("%2", str(r.received))
        )
        self.cards["results_digitised_rate"].set_value(self._percent(r.results_digitised_rate))
        self.cards["results_digitised_rate"].set_detail(
            self.tr("%1/%2 hồ sơ").replace("%1", str(r.results_digitised)).replace("%2", str(r.resolved))
        )
        self.cards["portal_synced_rate"].set_value(self._percent(r.portal_synced_rate))
        self.cards["portal_synced_rate"].set_detail(
            self.tr("%1/%2 hồ sơ").replace("%1", str(r.portal_synced)).replace("%2", str(r.received))
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
                (self.tr("Đã xử lý đúng hạn"), r.finished_on_time, PALETTE[1]),
                (self.tr("Đang xử lý trong hạn"), r.open_in_time, PALETTE[0]),
                (self.tr("Đã xử lý quá hạn"), r.finished_late, PALETTE[3]),
                (self.tr("Đang xử lý quá hạn"), r.overdue_open, PALETTE[8]),
            ],
            self.tr("Chưa có hồ sơ trong kỳ"),
            legend_right=True,
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
                (
                    p.code,
                    p.name,
                    p.received,
                    p.counted,
                    p.on_time,
                    p.late,
                    _Rate(self._percent(p.on_time_rate), p.on_time_rate),
                    p.resolved,
                    p.resolved_late,
                    p.portal_synced,
                    _Rate(self._percent(p.portal_synced_rate), p.portal_synced_rate),
                )
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

    def _percent(self, value: float | None) -> str:
        """A share as the interface writes it: 33,3% in Vietnamese, 33.3% in English, — when there is none."""
        if value is None:
            return "—"
        decimal = "," if self.session.lang == "vi" else "."
        return self.tr("%1%").replace("%1", f"{value:.1f}".replace(".", decimal))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                item: QTableWidgetItem = QTableWidgetItem()
                if isinstance(value, _Rate):
                    item = _RateItem(value)
                elif isinstance(value, int):
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
