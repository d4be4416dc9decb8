"""The dossier list panel: quick views, marks in text and colour, search without tone marks, sorting, paging, opening."""

from __future__ import annotations

from datetime import datetime

from conftest import NOW, fixed_clock, receive_dossier
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from counter_app.core.listing import DeadlineMark, DossierFilter, QuickView, SortKey
from counter_app.gui.tracking.list_panel import DossierListPanel
from counter_app.gui.tracking.models import MARK_COLOURS, DossierListModel, ListSource


def _panel(qtbot: QtBot, session) -> DossierListPanel:
    panel = DossierListPanel(session, clock=fixed_clock)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        panel.show()
    return panel


def _names(panel: DossierListPanel) -> list[str]:
    return [panel.model.summary_at(i).applicant_name for i in range(panel.model.rowCount())]


def _click_view(qtbot: QtBot, panel: DossierListPanel, view: QuickView) -> None:
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        qtbot.mouseClick(panel.view_buttons[view], Qt.MouseButton.LeftButton)


def test_a_late_dossier_is_under_late_and_not_under_due_soon(qtbot: QtBot, session, known) -> None:
    panel = _panel(qtbot, session)
    assert len(_names(panel)) == 5
    _click_view(qtbot, panel, QuickView.LATE)
    assert _names(panel) == ["Lê Thị Muộn"]
    _click_view(qtbot, panel, QuickView.DUE_SOON)
    assert _names(panel) == ["Nguyễn Văn Đức"]
    _click_view(qtbot, panel, QuickView.DUE_TODAY)
    assert _names(panel) == ["Nguyễn Văn Đức"]
    _click_view(qtbot, panel, QuickView.WAITING_SUPPLEMENT)
    assert _names(panel) == ["Đỗ Thị Chờ"]
    _click_view(qtbot, panel, QuickView.READY_TO_RETURN)
    assert _names(panel) == ["Phạm Văn Sớm"]
    assert panel.count_label.text() == "1 hồ sơ"


def test_marks_say_it_in_words_as_well_as_colour(qtbot: QtBot, session, known) -> None:
    panel = _panel(qtbot, session)
    model = panel.model
    column = model.MARK_COLUMN
    marks = {
        model.summary_at(r).applicant_name: (
            model.index(r, column).data(),
            model.index(r, column).data(Qt.ItemDataRole.BackgroundRole),
        )
        for r in range(model.rowCount())
    }
    assert marks["Lê Thị Muộn"] == ("Quá hạn", MARK_COLOURS[DeadlineMark.OVERDUE])
    assert marks["Nguyễn Văn Đức"] == (
        "Sắp đến hạn",
        MARK_COLOURS[DeadlineMark.DUE_SOON],
    )  # 7 h ahead, rule 24 h
    assert marks["Trần Thị Bích"] == ("", None)
    assert marks["Đỗ Thị Chờ"][0] == "Tạm dừng tính giờ"
    session.settings.due_soon_hours = 4
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        panel.reload()
    row = panel.model.row_of(known["due_today"].id)
    assert panel.model.index(row, column).data() == ""  # the rule is read from the settings


def test_filters_and_search_without_tone_marks(qtbot: QtBot, session, known) -> None:
    panel = _panel(qtbot, session)
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        qtbot.keyClicks(panel.search, "nguyen van duc")
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert _names(panel) == ["Nguyễn Văn Đức"]
    panel.search.clear()
    channel = panel.channel.findData(2)  # online
    panel.channel.setCurrentIndex(channel)
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        panel.channel.activated.emit(channel)
    assert _names(panel) == ["Nguyễn Văn Đức"]
    assert panel.current_filter().channel is not None
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        panel.clear_filters()
    assert len(_names(panel)) == 5
    status = panel.status.findData(9)
    panel.status.setCurrentIndex(status)
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        panel.status.activated.emit(status)
    assert _names(panel) == ["Phạm Văn Sớm"]


def test_clicking_a_header_sorts_the_list_in_sql(qtbot: QtBot, session, known) -> None:
    panel = _panel(qtbot, session)
    header = panel.table.horizontalHeader()
    name_column = panel.model.column_of(SortKey.APPLICANT)
    spot = QPoint(header.sectionViewportPosition(name_column) + 10, header.height() // 2)
    for _ in range(2):
        with qtbot.waitSignal(panel.list_loaded, timeout=10000):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        descending = header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
        names = _names(panel)
        assert names == sorted(names, reverse=descending)
        assert panel.current_filter().sort is SortKey.APPLICANT
        assert panel.current_filter().descending is descending
    assert header.sortIndicatorSection() == name_column


def test_enter_or_double_click_opens_the_dossier(qtbot: QtBot, session, known) -> None:
    panel = _panel(qtbot, session)
    panel.table.setFocus()
    panel.table.selectRow(2)
    expected = panel.model.summary_at(2).id
    with qtbot.waitSignal(panel.dossier_opened, timeout=3000) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [expected]
    rect = panel.table.visualRect(panel.model.index(0, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.dossier_opened, timeout=3000) as opened:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [panel.model.summary_at(0).id]


def test_the_model_fetches_further_pages_as_the_view_scrolls(qtbot: QtBot, session, counter_store) -> None:
    for i in range(7):
        receive_dossier(counter_store, f"Người Thứ {i}", datetime(2026, 12, 1, 9, 0))
    panel = DossierListPanel(session, clock=fixed_clock)
    qtbot.addWidget(panel)
    model = DossierListModel(session.runner, "vi", panel, page_size=3)
    until = NOW
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.reload(ListSource(session.app, session.account, DossierFilter(), NOW, until))
    assert (model.rowCount(), model.total) == (3, 7)
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted, timeout=10000):
        model.fetchMore()
    assert model.rowCount() == 6
    with qtbot.waitSignal(model.rowsInserted, timeout=10000):
        model.fetchMore()
    assert model.rowCount() == 7 and not model.canFetchMore()
    assert len({model.summary_at(i).id for i in range(7)}) == 7
