"""The sync state in the status bar and the "needs attention" panel, fed by the sync worker through queued signals.

Wiring (one place, `connect_sync`): the worker reports through the window's one bridge for worker threads
(`bridge.WorkerBridge`, the camera's too): its callbacks are the bridge's posters, called on the worker thread and
delivered on the GUI thread where the indicator and the panel live. The panel's buttons go back to the worker as
requests; no widget is ever touched from the worker, and the GUI never writes the outbox itself.

    bridge = WorkerBridge()
    worker = SyncWorker(sync.engine(app), on_status=bridge.poster("status"), on_export=bridge.poster("export"))
    connect_sync(bridge, worker, indicator, panel)
    worker.start()
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.wire import ChangeKind
from ..sync.status import SyncState, SyncStatus
from ..sync.wording import describe_sync
from ..sync.worker import SyncWorker
from .bridge import WorkerBridge

STATE_COLOURS = {
    SyncState.ONLINE: "#2e7d32",
    SyncState.OFFLINE: "#757575",
    SyncState.SYNCING: "#1565c0",
    SyncState.NEEDS_ATTENTION: "#c62828",
}


def _when_text(value: str | None) -> str:
    if not value:
        return "—"
    moment = datetime.fromisoformat(value)
    return f"{moment:%H:%M %d/%m/%Y}"


class SyncStatusIndicator(QWidget):
    """A compact status-bar widget: state, pending changes and the age of the oldest, last successful sync."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang  # language of the reason sentences (the session's language)
        self.setObjectName("syncIndicator")
        self.label = QLabel(self.tr("Chưa kết nối máy chủ"), self)
        self.label.setObjectName("syncState")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.label)
        self.status: SyncStatus | None = None

    def state_name(self, state: SyncState) -> str:
        return {
            SyncState.ONLINE: self.tr("Trực tuyến"),
            SyncState.OFFLINE: self.tr("Ngoại tuyến"),
            SyncState.SYNCING: self.tr("Đang đồng bộ"),
            SyncState.NEEDS_ATTENTION: self.tr("Cần xử lý"),
        }[state]

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        name = self.tr("Chưa kết nối máy chủ") if status.server is None else self.state_name(status.state)
        parts = [f'<span style="color:{STATE_COLOURS[status.state]}">●</span> {name}']
        parts.append(self.tr("Chờ gửi: %1").replace("%1", str(status.pending)))
        if status.pending:
            parts.append(self.tr("cũ nhất %1").replace("%1", self.age_text(status.oldest_pending_age_s)))
        if status.parked:
            parts.append(self.tr("%n mục cần xử lý", "", len(status.parked)))
        if status.codes_hold:
            held = describe_sync("codes.on_hold", self.lang)
            parts.append(f'<span style="color:{STATE_COLOURS[SyncState.NEEDS_ATTENTION]}">{held}</span>')
        self.label.setText(" · ".join(parts))
        tips = [self.tr("Đồng bộ thành công gần nhất: %1").replace("%1", _when_text(status.last_success))]
        if status.server:
            tips.append(self.tr("Máy chủ: %1").replace("%1", status.server))
        if status.problem and status.state is not SyncState.ONLINE:
            tips.append(describe_sync(status.problem, self.lang))
        if status.clock_is_off and status.clock_skew_s is not None:
            tips.append(
                self.tr("Đồng hồ máy lệch %1 giây so với máy chủ; hãy chỉnh lại giờ.").replace(
                    "%1", f"{status.clock_skew_s:+.0f}"
                )
            )
        self.label.setToolTip("\n".join(tips))

    def age_text(self, seconds: float | None) -> str:
        """`7 phút`, `1 minute`, `2 hours`: the age of the oldest unsent change, with Qt's plurals (`%n`)."""
        if seconds is None:
            return "—"
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("dưới 1 phút")
        if minutes < 60:
            return self.tr("%n phút", "", minutes)
        if minutes < 48 * 60:
            return self.tr("%n giờ", "", minutes // 60)
        return self.tr("%n ngày", "", minutes // (24 * 60))

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        self.details_requested.emit()


class NeedsAttentionPanel(QWidget):
    """Parked changes with their reason; an administrator retries them or exports the unsent outbox."""

    retry_requested = Signal(object)  # list of change IDs, or None for all
    export_requested = Signal(str)
    export_shown = Signal(str, int)  # file, number of changes written

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("needsAttention")
        self.summary = QLabel(self.tr("Không có mục nào cần xử lý."), self)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Loại thay đổi"),
                self.tr("Lý do"),
                self.tr("Số lần gửi"),
                self.tr("Thời điểm"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.retry_selected_button = QPushButton(self.tr("Gửi lại mục đã chọn"), self)
        self.retry_all_button = QPushButton(self.tr("Gửi lại tất cả"), self)
        self.export_button = QPushButton(self.tr("Xuất ra tệp…"), self)
        self.export_label = QLabel("", self)
        buttons = QHBoxLayout()
        for button in (self.retry_selected_button, self.retry_all_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.export_label)
        self._change_ids: list[str] = []
        self._connect()
        self._update_buttons()

    def _connect(self) -> None:
        self.retry_selected_button.clicked.connect(self._on_retry_selected_clicked)
        self.retry_all_button.clicked.connect(self._on_retry_all_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def _kind_name(self, kind: str) -> str:
        return {
            ChangeKind.DOSSIER_CREATE.value: self.tr("Tiếp nhận hồ sơ"),
            ChangeKind.DOSSIER_EVENT.value: self.tr("Cập nhật hồ sơ"),
        }.get(kind, kind)

    def show_status(self, status: SyncStatus) -> None:
        self.table.setRowCount(len(status.parked))
        self._change_ids = [p.change_id for p in status.parked]
        for row, item in enumerate(status.parked):
            cells = [
                item.code or item.dossier_id or item.change_id,
                self._kind_name(item.kind),
                describe_sync(item.reason, self.lang),
                str(item.attempts),
                item.created_at.replace("T", " "),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{item.reason} · {item.change_id}")
                self.table.setItem(row, column, cell)
        if status.parked:
            self.summary.setText(
                self.tr("%1 thay đổi bị máy chủ từ chối; các thay đổi khác vẫn được gửi.").replace(
                    "%1", str(len(status.parked))
                )
            )
        else:
            self.summary.setText(self.tr("Không có mục nào cần xử lý."))
        self._update_buttons()

    def selected_change_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._change_ids[r] for r in rows if r < len(self._change_ids)]

    def export_to(self, path: str) -> None:
        """Ask for an export of every unsent change to `path` (the button asks for the file first)."""
        self.export_label.setText(self.tr("Đang xuất…"))
        self.export_requested.emit(path)

    def show_export_result(self, path: Path | str, count: int) -> None:
        self.export_label.setText(
            self.tr("Đã xuất %n thay đổi chưa gửi ra %1", "", count).replace("%1", str(path))
        )
        self.export_shown.emit(str(path), count)

    def _update_buttons(self) -> None:
        self.retry_all_button.setEnabled(bool(self._change_ids))
        self.retry_selected_button.setEnabled(bool(self.selected_change_ids()))

    def _on_retry_selected_clicked(self) -> None:
        ids = self.selected_change_ids()
        if ids:
            self.retry_requested.emit(ids)

    def _on_retry_all_clicked(self) -> None:
        self.retry_requested.emit(None)

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất các thay đổi chưa gửi"), "hang-cho-dong-bo.json", self.tr("Tệp JSON (*.json)")
        )
        if path:
            self.export_to(path)


def connect_sync(
    bridge: WorkerBridge, worker: SyncWorker, indicator: SyncStatusIndicator, panel: NeedsAttentionPanel
) -> None:
    """All connections between the worker, the bridge (events "status" and "export") and the two widgets."""
    bridge.on("status", indicator.show_status)
    bridge.on("status", panel.show_status)
    bridge.on("export", panel.show_export_result)
    panel.retry_requested.connect(worker.request_retry)
    panel.export_requested.connect(lambda path: worker.request_export(Path(path)))
