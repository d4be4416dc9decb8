"""The document checklist: one row per catalogue component with counts of copies, shown-only papers, what is missing,
and which components are already digitised (the pages waiting to become the dossier's attachments at receipt)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.attachments import PreparedPaper
from ...core.intake import missing_components
from ...core.model import Component, HandedComponent, Procedure

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """One component and what the officer recorded for it."""

    component: Component
    ticked: bool = False
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0

    def handed(self) -> HandedComponent | None:
        c = self.component
        if c.shown_only:
            return HandedComponent(c.number, c.name, shown=True) if self.ticked else None
        if not self.ticked:
            return None
        return HandedComponent(c.number, c.name, self.originals, self.certified_copies, self.photocopies)


def ticked_row(row: Row) -> Row:
    """Tick a row, pre-filling the counts the catalogue asks for (at least one original)."""
    c = row.component
    if c.shown_only:
        return replace(row, ticked=True)
    counts = (c.originals, c.certified_copies, c.photocopies)
    if not any(counts):
        counts = (1, 0, 0)
    return Row(c, True, *counts)


class ChecklistModel(QAbstractTableModel):
    """Components as table rows: name (tick = received), originals, certified copies, photocopies, shown, digitised."""

    NAME, ORIGINALS, CERTIFIED, PHOTOCOPIES, SHOWN, DIGITISED = range(6)
    COUNT_FIELDS = {ORIGINALS: "originals", CERTIFIED: "certified_copies", PHOTOCOPIES: "photocopies"}

    rows_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        #: Components form 02 asked for (an intake waiting for papers, being finished): marked in words and colour.
        self.requested: frozenset[int] = frozenset()
        #: Components digitised during this intake, by number.
        self.papers: dict[int, PreparedPaper] = {}
        self._if_any = self.tr(" (nếu có)")
        self._asked = self.tr(" — đã yêu cầu bổ sung")
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = (
            self.tr("Thành phần hồ sơ"),
            self.tr("Bản chính"),
            self.tr("Bản sao CT"),
            self.tr("Bản photo"),
            self.tr("Đã xuất trình"),
            self.tr("Số hóa"),
        )
        self._header_tips = (
            self.tr("Đánh dấu các thành phần đã nhận (phím cách)"),
            self.tr("Số bản chính"),
            self.tr("Số bản sao có chứng thực"),
            self.tr("Số bản photo"),
            self.tr("Giấy tờ chỉ xuất trình để đối chiếu, không nộp lại"),
            self.tr("Bản số hóa của thành phần: số trang đã chụp hoặc quét"),
        )

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        numbers = {r.component.number for r in rows}
        self.papers = {n: p for n, p in self.papers.items() if n in numbers}
        self.endResetModel()
        self.rows_changed.emit()

    def set_paper(self, number: int, paper: PreparedPaper | None) -> None:
        if paper is None:
            self.papers.pop(number, None)
        else:
            self.papers[number] = paper
        for i, row in enumerate(self.rows):
            if row.component.number == number:
                cell = self.index(i, self.DIGITISED)
                self.dataChanged.emit(cell, cell)
        self.rows_changed.emit()

    def replace_row(self, row: int, value: Row) -> None:
        self.rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.SHOWN))
        self.rows_changed.emit()

    def toggle(self, row: int) -> None:
        current = self.rows[row]
        self.replace_row(row, Row(current.component) if current.ticked else ticked_row(current))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        shown_only = self.rows[index.row()].component.shown_only
        column = index.column()
        if column == self.NAME and not shown_only or column == self.SHOWN and shown_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if column in self.COUNT_FIELDS and not shown_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        c = row.component
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                asked = self._asked if c.number in self.requested else ""
                return f"{c.number}. {c.name}{'' if c.required else self._if_any}{asked}"
            if column in self.COUNT_FIELDS:
                return "—" if c.shown_only else getattr(row, self.COUNT_FIELDS[column])
            if column == self.DIGITISED and (paper := self.papers.get(c.number)) is not None:
                return "✓ " + self.tr("%n trang", "", paper.pages)
            return None
        if role == Qt.ItemDataRole.EditRole and column in self.COUNT_FIELDS:
            return getattr(row, self.COUNT_FIELDS[column])
        if role == Qt.ItemDataRole.CheckStateRole:
            if column == self.NAME and not c.shown_only or column == self.SHOWN and c.shown_only:
                return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.BackgroundRole and c.number in self.requested:
            return QColor("#e3f4e1") if row.ticked else QColor("#fff1c2")  # brought now / still missing
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and c.required:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            wanted = (
                self.tr("Cần: %1, %2, %3")
                .replace("%1", self.tr("%n bản chính", "", c.originals))
                .replace("%2", self.tr("%n bản sao chứng thực", "", c.certified_copies))
                .replace("%3", self.tr("%n bản photo", "", c.photocopies))
            )
            kind = self.tr("Chỉ xuất trình để đối chiếu") if c.shown_only else wanted
            return "\n".join(part for part in (c.name, kind, c.note) if part)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DIGITISED:
            return QColor("#1e6b2e")
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if checked != row.ticked:
                self.toggle(index.row())
            return True
        if role == Qt.ItemDataRole.EditRole and column in self.COUNT_FIELDS:
            try:
                count = max(0, min(99, int(str(value))))
            except ValueError:
                return False
            counts = {
                "originals": row.originals,
                "certified_copies": row.certified_copies,
                "photocopies": row.photocopies,
            }
            counts[self.COUNT_FIELDS[column]] = count
            changed = Row(
                row.component,
                row.ticked,
                counts["originals"],
                counts["certified_copies"],
                counts["photocopies"],
            )
            ticked = changed.originals + changed.certified_copies + changed.photocopies > 0
            self.replace_row(index.row(), replace(changed, ticked=ticked))
            return True
        return False


class Checklist(QWidget):
    """Table of components, a "tick everything" button and the completeness indicator; emits `changed`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._procedure: Procedure | None = None
        self.model = ChecklistModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("checklistTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (
            ChecklistModel.ORIGINALS,
            ChecklistModel.CERTIFIED,
            ChecklistModel.PHOTOCOPIES,
            ChecklistModel.SHOWN,
            ChecklistModel.DIGITISED,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tick_all_button = QPushButton(self.tr("Đủ tất cả thành phần bắt buộc"), self)
        self.tick_all_button.setObjectName("tickAll")
        self.tick_all_button.setToolTip(self.tr("Đánh dấu đã nhận mọi thành phần bắt buộc (Ctrl+D)"))
        self.tick_all_button.setShortcut("Ctrl+D")
        self.hint = QLabel(self.tr("Phím cách: đánh dấu · gõ số: sửa số bản · chữ đậm: bắt buộc"), self)
        self.hint.setProperty("role", "hint")
        self.status = QLabel(self)
        self.status.setObjectName("completeness")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.tick_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self._connect()
        self._on_model_rows_changed()

    def _connect(self) -> None:
        self.model.rows_changed.connect(self._on_model_rows_changed)
        self.table.horizontalHeader().sectionResized.connect(self._on_header_section_resized)
        self.tick_all_button.clicked.connect(self._on_tick_all_clicked)
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            index = self.table.currentIndex()
            if index.isValid():
                self.model.toggle(index.row())
                return True
        return super().eventFilter(watched, event)

    # ---- API ---------------------------------------------------------------------------------------------------
    @property
    def procedure(self) -> Procedure | None:
        return self._procedure

    def mark_requested(self, numbers: frozenset[int]) -> None:
        """Mark the components form 02 asked for (until the procedure changes)."""
        self.model.requested = numbers
        if self.model.rowCount():
            last = self.model.index(self.model.rowCount() - 1, self.model.DIGITISED)
            self.model.dataChanged.emit(self.model.index(0, 0), last)

    def set_procedure(self, procedure: Procedure | None) -> None:
        self._procedure = procedure
        self.model.requested = frozenset()
        self.model.papers = {}
        self.model.set_rows([Row(c) for c in procedure.components] if procedure else [])
        self.table.resizeRowsToContents()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def tick(self, number: int, ticked: bool = True) -> None:
        row = self._row_of(number)
        if self.model.rows[row].ticked != ticked:
            self.model.toggle(row)

    def set_counts(
        self, number: int, originals: int, certified_copies: int = 0, photocopies: int = 0
    ) -> None:
        row = self._row_of(number)
        value = self.model.rows[row]
        ticked = originals + certified_copies + photocopies > 0
        self.model.replace_row(row, Row(value.component, ticked, originals, certified_copies, photocopies))

    def tick_required(self) -> None:
        for i, row in enumerate(self.model.rows):
            if row.component.required and not row.ticked:
                self.model.replace_row(i, ticked_row(row))

    def current_component(self) -> Component | None:
        """The component of the selected row (what the digitising buttons act on)."""
        index = self.table.currentIndex()
        return self.model.rows[index.row()].component if index.isValid() else None

    def set_paper(self, number: int, paper: PreparedPaper | None) -> None:
        """Show (or, with None, forget) the digitised copy of component `number`."""
        self.model.set_paper(number, paper)

    def paper(self, number: int) -> PreparedPaper | None:
        return self.model.papers.get(number)

    def papers(self) -> list[PreparedPaper]:
        """The components digitised so far, in the procedure's order."""
        return [self.model.papers[n] for n in sorted(self.model.papers)]

    def handed(self) -> list[HandedComponent]:
        return [h for h in (row.handed() for row in self.model.rows) if h is not None]

    def missing(self) -> list[Component]:
        if self._procedure is None:
            return []
        return missing_components(self._procedure, self.handed())

    def is_complete(self) -> bool:
        return self._procedure is not None and not self.missing()

    def to_list(self) -> list[dict[str, object]]:
        return [
            {
                "number": r.component.number,
                "ticked": r.ticked,
                "originals": r.originals,
                "certified_copies": r.certified_copies,
                "photocopies": r.photocopies,
            }
            for r in self.model.rows
        ]

    def from_list(self, items: list[dict[str, object]]) -> None:
        by_number = {int(str(i.get("number"))): i for i in items if isinstance(i, dict)}
        rows = []
        for row in self.model.rows:
            saved = by_number.get(row.component.number)
            if saved is None:
                rows.append(row)
                continue
            rows.append(
                Row(
                    row.component,
                    bool(saved.get("ticked")),
                    int(str(saved.get("originals", 0))),
                    int(str(saved.get("certified_copies", 0))),
                    int(str(saved.get("photocopies", 0))),
                )
            )
        self.model.set_rows(rows)

    # ---- internals ---------------------------------------------------------------------------------------------
    def _row_of(self, number: int) -> int:
        for i, row in enumerate(self.model.rows):
            if row.component.number == number:
                return i
        raise KeyError(number)

    def _on_header_section_resized(self, _index: int, _old: int, _new: int) -> None:
        self.table.resizeRowsToContents()

    def _on_tick_all_clicked(self) -> None:
        self.tick_required()

    def _on_model_rows_changed(self) -> None:
        if self._procedure is None:
            self.status.setText(self.tr("Chọn thủ tục để hiện danh sách thành phần hồ sơ."))
            self.status.setProperty("role", "hint")
        else:
            missing = self.missing()
            if missing:
                names = "; ".join(f"{c.number}. {_short(c.name)}" for c in missing)
                self.status.setText(
                    self.tr("Còn thiếu %n thành phần: %1", "", len(missing)).replace("%1", names)
                )
                self.status.setProperty("role", "error")
            else:
                self.status.setText(self.tr("Đã đủ các thành phần hồ sơ bắt buộc."))
                self.status.setProperty("role", "ok")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.changed.emit()


def _short(name: str, limit: int = 48) -> str:
    """A component name cut at a word boundary for the one-line completeness summary."""
    if len(name) <= limit:
        return name
    return name[:limit].rsplit(" ", 1)[0].rstrip(",;(") + "…"
