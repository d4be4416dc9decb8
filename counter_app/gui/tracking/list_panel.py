"""The dossier list: quick views, filters, search without tone marks, deadline marks, sorting; opens a dossier."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...app import accounts, intake, tracking
from ...app.base import Changes, Scope
from ...core.listing import DossierFilter, QuickView, SortKey, due_soon_limit
from ...core.model import Channel, Procedure, Status
from ...messages import status_name
from ..session import Session
from ..widgets import ErrorLabel
from .models import DossierListModel, ListSource, fit_columns

#: The list's columns holding a date and time: received, deadline.
TIME_COLUMNS = (4, 5)

Clock = Callable[[], datetime]
#: Pause after the last key typed in the search box before the list is filtered.
SEARCH_DELAY_MS = 300
#: Pause after a change elsewhere before the list on screen reloads (a burst of changes reloads it once).
REFRESH_DELAY_MS = 100


class DossierListPanel(QWidget):
    """All dossiers, filtered and sorted in SQL, loaded page by page in the background."""

    dossier_opened = Signal(str)  # dossier ID
    #: Emitted after each (re)load with the number of matching dossiers.
    list_loaded = Signal(int)
    #: The catalogue's procedures and fields are in the filters (after each load of them).
    choices_loaded = Signal()

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, clock: Clock = datetime.now
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.setObjectName("dossierList")
        self._names: dict[str, str] = {}
        self.model = DossierListModel(session.runner, session.lang, self)
        self._sort: tuple[SortKey, bool] = (SortKey.RECEIVED, True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._stale = False  # a change touched the dossiers since the list was loaded
        self._keep: str | None = None  # the dossier to select again after a refresh
        self._build()
        self._connect()
        self._fill_choices()
        # one-time indexes on the writer thread, queued with the other writes; until then the list is only slower
        session.submit(tracking.prepare_list, on_error=self._on_indexes_failed)

    # ---- building ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.view_buttons: dict[QuickView, QPushButton] = {}
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        views = QHBoxLayout()
        views.setSpacing(4)
        for view, text, tip in (
            (QuickView.ALL, self.tr("Tất cả"), self.tr("Mọi hồ sơ")),
            (
                QuickView.DUE_TODAY,
                self.tr("Đến hạn hôm nay"),
                self.tr("Hồ sơ đang giải quyết có hạn trong hôm nay"),
            ),
            (
                QuickView.DUE_SOON,
                self.tr("Đến hạn trong 1 ngày làm việc"),
                self.tr("Hồ sơ đang giải quyết có hạn trong vòng một ngày làm việc tới"),
            ),
            (
                QuickView.LATE,
                self.tr("Quá hạn"),
                self.tr("Đã giải quyết trễ hạn hoặc đang giải quyết mà đã quá hạn"),
            ),
            (
                QuickView.WAITING_SUPPLEMENT,
                self.tr("Chờ bổ sung"),
                self.tr("Đang chờ công dân bổ sung giấy tờ"),
            ),
            (
                QuickView.READY_TO_RETURN,
                self.tr("Chờ trả kết quả"),
                self.tr("Đã xử lý xong, chờ trả cho công dân"),
            ),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"view:{view.value}")
            button.setCheckable(True)
            button.setToolTip(tip)
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            views.addWidget(button)
        self.view_buttons[QuickView.ALL].setChecked(True)
        views.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.refresh_button = QPushButton(self.tr("Làm mới"), self)
        self.refresh_button.setToolTip(self.tr("Tải lại danh sách (Ctrl+R)"))
        views.addWidget(self.count_label)
        views.addWidget(self.refresh_button)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Mã hồ sơ, họ tên, số giấy tờ, điện thoại (gõ không dấu được)")
        )
        self.status = self._combo("status")
        self.procedure = self._combo("procedure")
        self.procedure.setMinimumContentsLength(20)
        self.field = self._combo("field")
        self.officer = self._combo("officer")
        self.channel = self._combo("channel")
        self.unit = self._combo("unit")
        self.period = QCheckBox(self.tr("Tiếp nhận từ"), self)
        self.period.setObjectName("period")
        now = self.clock()
        today = QDate(now.year, now.month, now.day)
        self.date_from = self._date_edit(today.addDays(-30))
        self.date_to = self._date_edit(today)
        self.clear_button = QPushButton(self.tr("Xóa bộ lọc"), self)
        self.clear_button.setObjectName("clearFilters")

        first = QHBoxLayout()
        first.setSpacing(8)
        first.addWidget(self.search, 3)
        first.addWidget(QLabel(self.tr("Trạng thái:"), self))
        first.addWidget(self.status, 2)
        first.addWidget(QLabel(self.tr("Thủ tục:"), self))
        first.addWidget(self.procedure, 4)
        second = QHBoxLayout()
        second.setSpacing(8)
        for label, combo, stretch in (
            (self.tr("Lĩnh vực:"), self.field, 2),
            (self.tr("Cán bộ:"), self.officer, 2),
            (self.tr("Kênh:"), self.channel, 1),
            (self.tr("Đơn vị:"), self.unit, 3),
        ):
            second.addWidget(QLabel(label, self))
            second.addWidget(combo, stretch)
        second.addSpacing(6)
        second.addWidget(self.period)
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("đến"), self))
        second.addWidget(self.date_to)
        second.addWidget(self.clear_button)

        self.table = QTableView(self)
        self.table.setObjectName("dossierTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of(SortKey.RECEIVED), Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.table, (175, 160, 225, 160, 112, 112, 120, 175), TIME_COLUMNS, self.session.lang)
        self.table.installEventFilter(self)
        self.error = ErrorLabel("list", self)
        hint = QLabel(self.tr("Nhấp đúp hoặc nhấn Enter để mở hồ sơ. Nhấp vào tiêu đề cột để sắp xếp."), self)
        hint.setProperty("role", "hint")

        layout = QVBoxLayout(self)
        layout.addLayout(views)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setMinimumWidth(90)
        return combo

    def _date_edit(self, day: QDate) -> QDateEdit:
        edit = QDateEdit(day, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setFixedWidth(112)
        edit.setEnabled(False)
        return edit

    def _fill_choices(self) -> None:
        """Choices that need no query; the catalogue, officers and units come from the background."""
        lang = self.session.lang
        self.status.addItem(self.tr("Tất cả"), None)
        for status in Status:
            self.status.addItem(f"{int(status)}. {status_name(status, lang)}", int(status))
        self.procedure.addItem(self.tr("Tất cả thủ tục"), "")
        self.field.addItem(self.tr("Tất cả"), "")
        self.channel.addItem(self.tr("Tất cả"), None)
        self.channel.addItem(self.tr("Trực tiếp"), int(Channel.IN_PERSON))
        self.channel.addItem(self.tr("Trực tuyến"), int(Channel.ONLINE))
        self.channel.addItem(self.tr("Qua bưu chính"), int(Channel.POST))
        self.officer.addItem(self.tr("Tất cả"), "")
        self.unit.addItem(self.tr("Tất cả"), "")  # the rest when the list is first shown (`load_choices`)

    def load_choices(self) -> None:
        """(Re)load the catalogue's procedures and fields, the officers and the units the filters offer."""
        self.session.submit(intake.procedures, on_done=self._on_procedures_loaded)
        self.session.submit(tracking.filter_choices, on_done=self._on_choices_loaded)
        self.session.submit(accounts.names, on_done=self._on_names_loaded)

    def _on_procedures_loaded(self, procedures: list[Procedure]) -> None:
        keep = (self.procedure.currentData(), self.field.currentData())
        for combo in (self.procedure, self.field):
            while combo.count() > 1:
                combo.removeItem(1)
        for p in procedures:
            self.procedure.addItem(f"{p.code} — {p.name}", p.code)
            self.procedure.setItemData(self.procedure.count() - 1, p.name, Qt.ItemDataRole.ToolTipRole)
        for name in sorted({p.field for p in procedures}):
            self.field.addItem(name, name)
        self._select_data(self.procedure, keep[0])
        self._select_data(self.field, keep[1])
        self.choices_loaded.emit()

    def _on_choices_loaded(self, choices: tuple[list[str], list[str]]) -> None:
        officers, units = choices
        keep = (self.officer.currentData(), self.unit.currentData())
        for combo in (self.officer, self.unit):
            while combo.count() > 1:
                combo.removeItem(1)
        for username in officers:
            self.officer.addItem(username, username)
        for unit in units:
            self.unit.addItem(unit, unit)
        self._name_officers()
        self._select_data(self.officer, keep[0])
        self._select_data(self.unit, keep[1])

    def _on_names_loaded(self, names: dict[str, str]) -> None:
        self._names = names
        self.model.set_names(names)
        self._name_officers()

    def _name_officers(self) -> None:
        for index in range(1, self.officer.count()):
            username = str(self.officer.itemData(index))
            self.officer.setItemText(index, f"{self._names.get(username, username)} ({username})")

    @staticmethod
    def _select_data(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(0, index))

    def _connect(self) -> None:
        self.view_group.buttonClicked.connect(self._on_view_group_clicked)
        self.refresh_button.clicked.connect(self.reload)
        self.search.textEdited.connect(self._on_search_text_edited)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._search_timer.timeout.connect(self.reload)
        for combo in (self.status, self.procedure, self.field, self.officer, self.channel, self.unit):
            combo.activated.connect(self._on_filter_changed)
        self.period.toggled.connect(self._on_period_toggled)
        self.date_from.dateChanged.connect(self._on_date_from_changed)
        self.date_to.dateChanged.connect(self._on_date_to_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.session.runner.changed.connect(self._on_runner_changed)

    # ---- the filter --------------------------------------------------------------------------------------------
    def current_view(self) -> QuickView:
        return next((v for v, b in self.view_buttons.items() if b.isChecked()), QuickView.ALL)

    def current_filter(self) -> DossierFilter:
        """The filter as the officer set it in the bar."""
        status = self.status.currentData()
        channel = self.channel.currentData()
        received_from: date | None = None
        received_to: date | None = None
        if self.period.isChecked():
            received_from = self.date_from.date().toPython()  # type: ignore[assignment]
            received_to = self.date_to.date().toPython()  # type: ignore[assignment]
        return DossierFilter(
            view=self.current_view(),
            statuses=frozenset({Status(status)}) if status is not None else frozenset(),
            procedure_code=str(self.procedure.currentData() or ""),
            field=str(self.field.currentData() or ""),
            officer=str(self.officer.currentData() or ""),
            channel=Channel(channel) if channel is not None else None,
            unit=str(self.unit.currentData() or ""),
            received_from=received_from,
            received_to=received_to,
            text=self.search.text(),
            sort=self._sort[0],
            descending=self._sort[1],
        )

    def show_view(self, view: QuickView) -> None:
        """Switch to a quick view (e.g. from the deadline notice) and reload."""
        self.view_buttons[view].setChecked(True)
        if view in (QuickView.DUE_TODAY, QuickView.DUE_SOON):
            self._set_sort(SortKey.DUE, descending=False)
        self.reload()

    def set_search_text(self, text: str) -> None:
        self.search.setText(text)
        self.reload()

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (self.status, self.procedure, self.field, self.officer, self.channel, self.unit):
            combo.setCurrentIndex(0)
        self.period.setChecked(False)
        self.view_buttons[QuickView.ALL].setChecked(True)
        self.reload()

    def reload(self) -> None:
        """Apply the filter: count and first page in the background; the marks are judged at this moment."""
        self._search_timer.stop()
        self._refresh_timer.stop()
        self._stale = False
        now = self.clock().replace(microsecond=0)
        until = due_soon_limit(now, self.session.settings.due_soon_hours)
        source = ListSource(self.session.app, self.session.account, self.current_filter(), now, until)
        self.model.reload(source)

    def _set_sort(self, key: SortKey, descending: bool) -> None:
        self._sort = (key, descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.column_of(key), order)
        header.blockSignals(False)

    # ---- handlers ----------------------------------------------------------------------------------------------
    def _on_view_group_clicked(self, _button: QPushButton) -> None:
        view = self.current_view()
        if view in (QuickView.DUE_TODAY, QuickView.DUE_SOON):
            self._set_sort(SortKey.DUE, descending=False)
        self.reload()

    def _on_filter_changed(self, _index: int = 0) -> None:
        self.reload()

    def _on_search_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_return_pressed(self) -> None:
        self.reload()
        if self.model.rowCount() > 0:
            self.table.setFocus()

    def _on_period_toggled(self, checked: bool) -> None:
        self.date_from.setEnabled(checked)
        self.date_to.setEnabled(checked)
        self.reload()

    def _on_date_from_changed(self, day: QDate) -> None:
        if self.date_to.date() < day:
            self.date_to.setDate(day)
        if self.period.isChecked():
            self.reload()

    def _on_date_to_changed(self, day: QDate) -> None:
        if self.date_from.date() > day:
            self.date_from.setDate(day)
        if self.period.isChecked():
            self.reload()

    def _on_indexes_failed(self, _exc: object) -> None:
        pass  # the list works without its indexes; the next panel opened tries again

    def _on_model_sort_requested(self, key: SortKey, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()

    def _on_model_loaded(self, total: int) -> None:
        self.error.show_error(None, "")
        shown = f"{total:,}".replace(",", ".")  # 1.234: the plural comes from Qt, the grouping from here
        self.count_label.setText(self.tr("%n hồ sơ", "", total).replace(str(total), shown, 1))
        kept = self.model.row_of(self._keep) if self._keep else -1
        self._keep = None
        if kept >= 0:
            self.table.selectRow(kept)
        elif self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.list_loaded.emit(total)

    def _on_model_load_failed(self, exc: object) -> None:
        self.error.show_error(None, self.tr("Không tải được danh sách: %1").replace("%1", str(exc)))

    def _on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Đang tải…"))

    def _on_table_double_clicked(self, index: object) -> None:
        self.open_current()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.dossier_opened.emit(self.model.summary_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        is_key = (
            watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        )
        if is_key and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
            self.open_current()
            return True
        return super().eventFilter(watched, event)

    # ---- changes made anywhere ---------------------------------------------------------------------------------
    def _on_runner_changed(self, changes: Changes) -> None:
        """A write (here or on another screen) or a download: the list on screen follows at once, a hidden one
        when it is shown again; the filters follow the catalogue and the accounts."""
        if changes.touches(Scope.CATALOGUE):
            self.session.submit(intake.procedures, on_done=self._on_procedures_loaded)
        if changes.touches(Scope.ACCOUNTS):
            self.session.submit(accounts.names, on_done=self._on_names_loaded)
        if changes.touches(Scope.DOSSIERS, Scope.CALENDAR):
            self._stale = True
            if self.isVisible():
                self._refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Load the list again with the same filter, keeping the selected dossier selected."""
        index = self.table.currentIndex()
        self._keep = self.model.summary_at(index.row()).id if index.isValid() else None
        self.reload()
        self.session.submit(tracking.filter_choices, on_done=self._on_choices_loaded)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        if self.model.source is None:  # first shown: nothing is read for a list nobody has looked at
            self.load_choices()
            self.reload()
        elif self._stale:
            self.refresh()
