"""The leaders' dashboard shows the share of the period's received dossiers that the National Public Service Portal
holds ("Đồng bộ Cổng DVCQG": the rate and the counts, also per procedure), and follows the sync worker when the
server's feed says the portal holds one more."""

from __future__ import annotations

from datetime import date, datetime

from conftest import receive_dossier
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter_app.gui.sync_link import SyncLink
from counter_app.gui.tracking.dashboard import DashboardPanel
from counter_app.storage.portal_sync import PortalSyncRepository
from counter_app.sync.engine import CycleReport, PullReport

SYNCED_AT = "2026-11-24T02:00:00.000+00:00"


def test_the_portal_card_shows_the_rate_and_counts_and_follows_a_sync(
    qtbot: QtBot, make_session, counter_store
) -> None:
    made = [
        receive_dossier(counter_store, name, datetime(2026, 11, 27, 17), at=datetime(2026, 11, 23, 8 + i))
        for i, name in enumerate(("Lê Văn Một", "Trần Thị Hai", "Phạm Văn Ba"))
    ]
    portal = PortalSyncRepository(counter_store.db)
    for d in made[:2]:
        portal.record(d.id, d.code, SYNCED_AT)
    session = make_session("lanhdao")
    panel = DashboardPanel(session, today=lambda: date(2026, 11, 28))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.report_ready, timeout=20000):
        panel.show()
    card = panel.cards["portal_synced_rate"]
    assert (
        card.value.text() == "66,7%" and card.detail.text() == "2/3 hồ sơ" and card.detail.isVisibleTo(card)
    )
    assert card.findChildren(type(card.value))[-1].text() == "Đồng bộ Cổng DVCQG"
    headers = [panel.procedures.horizontalHeaderItem(j).text() for j in range(panel.procedures.columnCount())]
    row = dict(zip(headers, (panel.procedures.item(0, j).text() for j in range(len(headers))), strict=True))
    assert (row["Đã đồng bộ Cổng DVCQG"], row["Tỷ lệ đồng bộ Cổng DVCQG"]) == ("2", "66,7%")

    # the portal acknowledges the third: the worker's cycle brings the feed item and the figures follow
    window = QWidget()
    qtbot.addWidget(window)
    link = SyncLink(session, window)
    portal.record(made[2].id, made[2].code, SYNCED_AT)
    with qtbot.waitSignal(panel.report_ready, timeout=20000):
        link.bridge.poster("cycle")(CycleReport(pull=PullReport(items=1, portal=1)))
    assert card.value.text() == "100,0%" and card.detail.text() == "3/3 hồ sơ"
    link.stop_listening()
