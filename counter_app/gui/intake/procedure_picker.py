"""Procedure picker: a search box and a table filtered live, ignoring tone marks, with code, field, time and fees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Procedure
from ...core.text import fold
from ..formats import format_duration, format_money

Index = QModelIndex | QPersistentModelIndex


def matches(folded_haystack: str, words: Sequence[str]) -> bool:
    """Every folded word appears in the folded text (the store's catalogue search rule)."""
    return all(word in folded_haystack for word in words)


@dataclass(frozen=True)
class _Row:
    """A procedure with its folded search text and display cells, computed once per catalogue load."""

    procedure: Procedure
    folded: str
    folded_name: str
    cells: tuple[str, str, str, str, str]
    tooltip: str


class ProcedureTableModel(QAbstractTableModel):
    """The catalogue as a table; `set_filter` keeps the procedures whose code, name or field match."""

    CODE, NAME, FIELD, DURATION, FEES = range(5)

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._all: list[_Row] = []
        self._shown: list[_Row] = []
        self._headers = (
            self.tr("Mã"),
            self.tr("Tên thủ tục"),
            self.tr("Lĩnh vực"),
            self.tr("Thời hạn"),
            self.tr("Phí, lệ phí"),
        )

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        self.beginResetModel()
        self._all = [self._row(p) for p in procedures]
        self._shown = list(self._all)
        self.endResetModel()

    def _row(self, p: Procedure) -> _Row:
        duration, money = format_duration(p), format_money(p.total_fee, self._lang)
        fees = "; ".join(f"{f.name}: {format_money(f.amount, self._lang)}" for f in p.fees)
        return _Row(
            p,
            fold(f"{p.code} {p.name} {p.field}"),
            fold(p.name),
            (p.code, p.name, p.field, duration, money),
            f"{p.code} — {p.name}\n{p.field} · {duration}\n{fees}",
        )

    def set_filter(self, query: str) -> None:
        """Keep matching procedures; those whose name holds the typed words together, and shorter names, first."""
        phrase = fold(query)
        words = phrase.split()
        found = [r for r in self._all if matches(r.folded, words)]
        if phrase:
            found.sort(
                key=lambda r: (phrase not in r.folded_name, r.procedure.code != phrase, len(r.procedure.name))
            )
        if [r.procedure.code for r in found] == [r.procedure.code for r in self._shown]:
            return  # same rows (e.g. a space typed): nothing to redraw
        self.beginResetModel()
        self._shown = found
        self.endResetModel()

    def procedure_at(self, row: int) -> Procedure:
        return self._shown[row].procedure

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._shown) if r.procedure.code == code), -1)

    def find(self, code: str) -> Procedure | None:
        return next((r.procedure for r in self._all if r.procedure.code == code), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.FEES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProcedurePicker(QWidget):
    """Type to filter (tone marks optional), arrows to move, Enter to choose; emits `procedure_chosen`."""

    procedure_chosen = Signal(object)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("procedureSearch")
        self.search.setPlaceholderText(
            self.tr("Tìm thủ tục: gõ tên, mã hoặc lĩnh vực (không cần dấu), ví dụ «khai sinh»")
        )
        self.search.setClearButtonEnabled(True)
        self.model = ProcedureTableModel(lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("procedureTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProcedureTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (
            ProcedureTableModel.CODE,
            ProcedureTableModel.FIELD,
            ProcedureTableModel.DURATION,
            ProcedureTableModel.FEES,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._connect()

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return)
        self.search.installEventFilter(self)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        self.model.set_procedures(procedures)
        for column in (ProcedureTableModel.CODE, ProcedureTableModel.DURATION, ProcedureTableModel.FEES):
            self.table.resizeColumnToContents(column)  # once per catalogue, not on every keystroke
        self.table.setColumnWidth(
            ProcedureTableModel.FIELD, min(120, self.table.sizeHintForColumn(ProcedureTableModel.FIELD))
        )
        self._on_search_text_changed(self.search.text())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current(self) -> Procedure | None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount() == 1:
            return self.model.procedure_at(0)
        return self.model.procedure_at(index.row()) if index.isValid() else None

    def choose(self, code: str) -> Procedure | None:
        """Choose a procedure by code (restoring a draft); returns it, or None if it left the catalogue."""
        procedure = self.model.find(code)
        if procedure is not None:
            self.show_chosen(code)
            self.procedure_chosen.emit(procedure)
        return procedure

    def show_chosen(self, code: str) -> None:
        """Highlight the chosen procedure's row when the list shows it (a reopened intake, a restored draft), so
        the list and the "Đã chọn" line never name two different procedures."""
        for row in range(self.model.rowCount()):
            if self.model.procedure_at(row).code == code:
                self.table.selectRow(row)
                index = self.model.index(row, 0)
                self.table.scrollTo(index)
                # again once laid out: a panel shown by the same scan has not sized its list yet
                QTimer.singleShot(0, self.table, lambda index=index: self.table.scrollTo(index))
                return
        self.table.clearSelection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        ):
            self._move_selection(event.key())
            return True
        return super().eventFilter(watched, event)

    def _move_selection(self, key: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        row = self.table.currentIndex().row()
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[
            Qt.Key(key)
        ]
        row = min(max(row + step if row >= 0 else 0, 0), rows - 1)
        self.table.selectRow(row)

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_filter(text)
        rows = self.model.rowCount()
        if rows and self.table.currentIndex().row() != 0:
            self.table.selectRow(0)
        self.count_label.setText(
            self.tr("%n thủ tục phù hợp — ↑↓ để chọn, Enter để dùng", "", rows)
            if rows
            else self.tr("Không có thủ tục nào phù hợp.")
        )

    def _on_search_return(self) -> None:
        procedure = self.current()
        if procedure is not None:
            self.procedure_chosen.emit(procedure)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.procedure_chosen.emit(self.model.procedure_at(index.row()))
