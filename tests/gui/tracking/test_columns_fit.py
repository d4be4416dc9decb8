"""Dates and times are never cut in the dossier list and a dossier's path, in English as in Vietnamese: the columns
are as wide as the longest date and time, and every heading fits."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from conftest import fixed_clock, receive_dossier
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from counter_app.gui.app import install_translators, remove_translators
from counter_app.gui.formats import format_datetime
from counter_app.gui.tracking.dossier_page import DossierPage
from counter_app.gui.tracking.list_panel import TIME_COLUMNS, DossierListPanel
from counter_app.gui.tracking.models import widest_datetime

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import build_translations  # noqa: E402


@pytest.fixture(params=["vi", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    translators = []
    if request.param == "en":
        qm = build_translations.compile_ts(build_translations.ts_path("en"), tmp_path / "counter_app_en.qm")
        translators = install_translators(qapp, "en", qm.parent)
    yield request.param
    remove_translators(qapp, translators)


def _fits(view: QTableView, column: int) -> bool:
    """Qt's own measure of the widest cell of the column (what it would not elide) is within the column."""
    return view.sizeHintForColumn(column) <= view.columnWidth(column)


def _headings_fit(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    model = view.model()
    return [
        str(model.headerData(c, header.orientation()))
        for c in range(model.columnCount() - 1)  # the last one stretches
        if header.sectionSizeHint(c) > view.columnWidth(c)
    ]


def test_the_longest_date_and_time_is_measured(lang: str) -> None:
    assert len(widest_datetime(lang)) >= len(format_datetime(datetime(2026, 12, 2, 9, 5), lang))
    assert widest_datetime("en").endswith(", 23:58")


def test_the_list_shows_whole_times_and_headings(
    qtbot: QtBot, make_session, counter_store, lang: str
) -> None:
    receive_dossier(
        counter_store, "Lê Thị Muộn", datetime(2026, 12, 28, 23, 58), at=datetime(2026, 11, 28, 11, 58)
    )
    session = replace(make_session("canbo"), lang=lang)
    panel = DossierListPanel(session, clock=fixed_clock)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    with qtbot.waitSignal(panel.list_loaded, timeout=10000):
        panel.show()
    view = panel.table
    assert view.model().rowCount() > 0
    assert "Dec 2026" in view.model().index(0, TIME_COLUMNS[1]).data() or lang == "vi"
    for column in TIME_COLUMNS:
        assert _fits(view, column), (lang, column, view.sizeHintForColumn(column), view.columnWidth(column))
    assert _headings_fit(view) == []


def test_the_path_of_a_dossier_shows_whole_times(
    qtbot: QtBot, make_session, counter_store, lang: str
) -> None:
    d = receive_dossier(
        counter_store, "Trần Thị Bích", datetime(2026, 12, 2, 16, 0), at=datetime(2026, 11, 28, 9, 5)
    )
    page = DossierPage(replace(make_session("canbo"), lang=lang), clock=fixed_clock)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(d.id)
    view = page.timeline_view
    assert view.model().rowCount() > 0
    assert _fits(view, 0), (lang, view.sizeHintForColumn(0), view.columnWidth(0))
    assert _headings_fit(view) == []
