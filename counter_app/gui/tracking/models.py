"""Qt models of the tracking feature: the lazily paged dossier list and a dossier's timeline."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QStyle, QTableView

from ...app import tracking
from ...app.base import CounterApp
from ...core.listing import (
    DeadlineMark,
    DossierFilter,
    DossierSummary,
    ListPage,
    SortKey,
    TimelineEntry,
    deadline_mark,
    effective_due,
)
from ...core.model import Channel, Status
from ...core.references import reference
from ...core.roles import Account
from ...core.statuses import Timeliness
from ...messages import status_name
from ..formats import format_datetime
from ..tasks import TaskRunner

#: Rows fetched per page while the officer scrolls.
PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex

#: Light backgrounds behind the deadline text (the text says the same thing: colour is never alone).
MARK_COLOURS: dict[DeadlineMark, QColor] = {
    DeadlineMark.OVERDUE: QColor("#f8d7da"),
    DeadlineMark.LATE: QColor("#fde2c8"),
    DeadlineMark.DUE_SOON: QColor("#fff3bf"),
}
STEP_COLOURS: dict[Timeliness, QColor] = {
    Timeliness.LATE: QColor("#f8d7da"),
    Timeliness.EARLY: QColor("#d8f0dc"),
    Timeliness.ON_TIME: QColor("#e6f2ff"),
}


@dataclass(frozen=True)
class ListSource:
    """What the list model loads, for whom: a filter judged at one moment (plain data, safe to use in a worker)."""

    app: CounterApp
    account: Account
    flt: DossierFilter
    now: datetime
    due_soon_until: datetime

    def sorted_by(self, key: SortKey, descending: bool) -> ListSource:
        return replace(self, flt=replace(self.flt, sort=key, descending=descending))


def widest_datetime(lang: str) -> str:
    """The longest date and time `format_datetime` writes in `lang` (`28 Sep 2026, 23:58`), to size columns by."""
    samples = [format_datetime(datetime(2026, month, 28, 23, 58), lang) for month in range(1, 13)]
    return max(samples, key=len)


def fit_columns(view: QTableView, widths: Sequence[int], time_columns: Sequence[int], lang: str) -> None:
    """Give each column at least its width in `widths` and its heading's (with the sort arrow), and each date-time
    column room for the longest date and time of the language, so that neither a heading nor a time is cut
    ("2 Dec 2026, …" in English)."""
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 8
    moment = max(metrics.horizontalAdvance(text) for text in {widest_datetime(lang), widest_datetime("vi")})
    header = view.horizontalHeader()
    for column, width in enumerate(widths):
        wanted = max(width, header.sectionSizeHint(column))
        if column in time_columns:
            wanted = max(wanted, moment + margin)
        view.setColumnWidth(column, wanted)


class DossierListModel(QAbstractTableModel):
    """The dossier list: the first page on (re)load, the next ones as the view scrolls, all read by the runner."""

    loading_changed = Signal(bool)
    #: The number of dossiers matching the filter, after each (re)load.
    loaded = Signal(int)
    load_failed = Signal(object)
    #: The officer clicked a header: the list must be reloaded in that order.
    sort_requested = Signal(object, bool)

    COLUMNS: tuple[SortKey, ...] = (
        SortKey.CODE,
        SortKey.APPLICANT,
        SortKey.PROCEDURE,
        SortKey.STATUS,
        SortKey.RECEIVED,
        SortKey.DUE,
        SortKey.DUE,  # the deadline mark
        SortKey.UNIT,
        SortKey.OFFICER,
    )
    MARK_COLUMN = 6

    def __init__(
        self,
        runner: TaskRunner,
        lang: str = "vi",
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._runner = runner
        self._lang = lang
        self._rows: list[DossierSummary] = []
        self._total = 0
        self._source: ListSource | None = None
        self._generation = 0
        self._loading = False
        self._sort: tuple[SortKey, bool] = (SortKey.RECEIVED, True)
        self._names: Mapping[str, str] = {}
        self._headers = (
            self.tr("Mã hồ sơ"),
            self.tr("Người nộp"),
            self.tr("Thủ tục"),
            self.tr("Trạng thái"),
            self.tr("Tiếp nhận"),
            self.tr("Hạn giải quyết"),
            self.tr("Tình trạng hạn"),
            self.tr("Đơn vị đang xử lý"),
            self.tr("Cán bộ tiếp nhận"),
        )

    # ---- loading -----------------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def source(self) -> ListSource | None:
        return self._source

    def reload(self, source: ListSource) -> None:
        """Forget the rows and load the first page of `source` in the background (older loads are ignored)."""
        self._generation += 1
        generation = self._generation
        self._source = source
        self._sort = (source.flt.sort, source.flt.descending)
        self._set_loading(True)
        self._runner.submit(
            tracking.first_page,
            source.app,
            source.account,
            source.flt,
            source.now,
            self.page_size,
            on_done=lambda page: self._on_first_page_done(generation, page),
            on_error=lambda exc: self._on_load_failed(generation, exc),
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802 (Qt API)
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008, N802 (Qt API)
        if not self.canFetchMore(parent) or self._source is None:
            return
        generation, offset, source = self._generation, len(self._rows), self._source
        self._set_loading(True)
        self._runner.submit(
            tracking.next_page,
            source.app,
            source.account,
            source.flt,
            source.now,
            offset,
            self.page_size,
            on_done=lambda rows: self._on_more_done(generation, offset, rows),
            on_error=lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_first_page_done(self, generation: int, page: ListPage) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()
        self._set_loading(False)
        self.loaded.emit(self._total)

    def _on_more_done(self, generation: int, offset: int, rows: Sequence[DossierSummary]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._set_loading(False)
        if not rows:
            self._total = len(self._rows)  # the list shrank since it was counted
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _on_load_failed(self, generation: int, exc: object) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # ---- reading -----------------------------------------------------------------------------------------------
    def summary_at(self, row: int) -> DossierSummary:
        return self._rows[row]

    def row_of(self, dossier_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == dossier_id), -1)

    def set_names(self, names: Mapping[str, str]) -> None:
        """Officers' full names, shown instead of usernames."""
        self._names = dict(names)
        if self._rows:
            self.dataChanged.emit(self.index(0, 8), self.index(len(self._rows) - 1, 8))

    def mark_of(self, summary: DossierSummary) -> DeadlineMark:
        if self._source is None:
            return DeadlineMark.NONE
        return deadline_mark(summary, self._source.now, self._source.due_soon_until)

    def mark_text(self, mark: DeadlineMark) -> str:
        return {
            DeadlineMark.OVERDUE: self.tr("Quá hạn"),
            DeadlineMark.LATE: self.tr("Trễ hạn"),
            DeadlineMark.DUE_SOON: self.tr("Sắp đến hạn"),
            DeadlineMark.NONE: "",
        }[mark]

    # ---- QAbstractTableModel -----------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.MARK_COLUMN:
            return MARK_COLOURS.get(self.mark_of(s))
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.MARK_COLUMN
            and self.mark_of(s) is DeadlineMark.OVERDUE
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None

    def _text(self, s: DossierSummary, column: int) -> str:
        now = self._source.now if self._source else datetime.now()
        if column == 0:
            if s.code is None and s.status is Status.SUPPLEMENT_REQUESTED:
                return reference(s.id)  # the reference on its form 02, until it is received
            return s.code or self.tr("(chưa cấp mã)")
        if column == 1:
            return s.applicant_name
        if column == 2:
            return s.procedure_name or s.procedure_code
        if column == 3:
            return status_name(s.status, self._lang)
        if column == 4:
            return format_datetime(s.received_at, self._lang)
        if column == 5:
            return format_datetime(effective_due(s, now), self._lang)
        if column == self.MARK_COLUMN:
            mark = self.mark_of(s)
            if mark is DeadlineMark.NONE and s.status is Status.SUPPLEMENT_REQUESTED and s.code:
                return self.tr("Tạm dừng tính giờ")
            if s.status is Status.SUPPLEMENT_REQUESTED:
                return self.tr("Chưa tiếp nhận")
            return self.mark_text(mark)
        if column == 7:
            return s.unit
        return self._names.get(s.officer, s.officer)

    def _tooltip(self, s: DossierSummary, column: int) -> str | None:
        if column == 2:
            return f"{s.procedure_name}\n{s.procedure_code} · {s.field}"
        if column in (1, 3, 7):
            return self._text(s, column)
        if column == 8:
            return s.officer
        if column == 5 and s.appointment is not None:
            text = self.tr("Hẹn trả ban đầu: %1").replace("%1", format_datetime(s.appointment, self._lang))
            if s.supplement_requests:
                text += "\n" + self.tr(
                    "Đã yêu cầu bổ sung %n lần; thời gian chờ bổ sung không tính.", "", s.supplement_requests
                )
            return text
        if column == 0:
            if s.code is None and s.status is Status.SUPPLEMENT_REQUESTED:
                return self.tr("Số tham chiếu trên phiếu yêu cầu bổ sung (mẫu 02); chưa cấp mã hồ sơ")
            return self.tr("Trực tuyến") if s.channel is Channel.ONLINE else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (self.COLUMNS[column], order is Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.sort_requested.emit(*wanted)

    def column_of(self, key: SortKey) -> int:
        return self.COLUMNS.index(key)


class TimelineModel(QAbstractTableModel):
    """A dossier's path: one row per history event, newest last, with the step result beside it."""

    def __init__(self, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._entries: list[TimelineEntry] = []
        self._names: Mapping[str, str] = {}
        self._headers = (
            self.tr("Thời gian"),
            self.tr("Nội dung"),
            self.tr("Đơn vị"),
            self.tr("Người giao"),
            self.tr("Người nhận"),
            self.tr("Kết quả bước"),
            self.tr("Ghi chú"),
        )

    def set_entries(self, entries: Sequence[TimelineEntry], names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._names = dict(names)
        self.endResetModel()

    def entry_at(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2, 6):
            return self._text(e, index.column()) or None
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and index.column() == 5
            and e.result is not None
            and e.hand_over
        ):
            return STEP_COLOURS.get(e.result)
        return None

    def _name(self, username: str) -> str:
        return self._names.get(username, username)

    def _text(self, e: TimelineEntry, column: int) -> str:
        if column == 0:
            return format_datetime(e.at, self._lang)
        if column == 1:
            return self.describe(e)
        if column == 2:
            return e.unit
        if column == 3:
            return self._name(e.giver)
        if column == 4:
            return self._name(e.receiver)
        if column == 5:
            return self.result_text(e.result) if e.hand_over else ""
        note = e.note
        missing = e.data.get("missing")
        if isinstance(missing, list) and missing:
            note = "; ".join(str(m) for m in missing) + (f" — {note}" if note else "")
        return note

    def describe(self, e: TimelineEntry) -> str:
        """What happened, in words: the action's name, or the status the dossier moved to."""
        labels: dict[str, Callable[[], str]] = {
            "receive": lambda: self.tr("Tiếp nhận hồ sơ"),
            "refuse": lambda: self.tr("Từ chối tiếp nhận"),
            "supplement": lambda: self.tr("Hướng dẫn bổ sung khi tiếp nhận"),
            "transfer": lambda: self.tr("Chuyển xử lý"),
            "supplement_received": lambda: self.tr("Nhận hồ sơ bổ sung"),
            "supplement_requested": lambda: self.tr("Yêu cầu bổ sung giấy tờ"),
            "processing": lambda: self.tr("Ghi nhận đang xử lý"),
            "fees_due": lambda: self.tr("Yêu cầu nộp phí, thuế"),
            "result_ready": lambda: self.tr("Đã có kết quả"),
            "withdrawal_requested": lambda: self.tr("Công dân xin rút hồ sơ"),
            "stop": lambda: self.tr("Dừng xử lý"),
            "apology": lambda: self.tr("Xin lỗi, hẹn lại ngày trả"),
            "return": lambda: self.tr("Trả kết quả"),
            "rate": lambda: self.tr("Đánh giá mức độ hài lòng"),
            "note": lambda: self.tr("Ghi chú"),
            "print": lambda: self.tr("In phiếu"),
            "digitise": lambda: self.tr("Số hóa hồ sơ"),
        }
        label = labels.get(e.action)
        if label is not None:
            return label()
        return self.tr("Chuyển sang: %1").replace("%1", status_name(e.to_status, self._lang))

    def result_text(self, result: Timeliness | None) -> str:
        return (
            {
                Timeliness.EARLY: self.tr("Trước hạn"),
                Timeliness.ON_TIME: self.tr("Đúng hạn"),
                Timeliness.LATE: self.tr("Quá hạn"),
            }.get(result, "")
            if result is not None
            else ""
        )
