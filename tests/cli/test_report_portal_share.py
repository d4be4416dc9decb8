"""`counter-app report` shows the share of the period's received dossiers that the national portal holds: JSON keys
`portal_synced` and `portal_synced_rate` (per unit and per procedure), a line of text, and the workbook's rows."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Dossier, Person
from counter_app.storage.portal_sync import PortalSyncRepository
from counter_app.storage.store import CounterStore

PERIOD = ("--from", "2026-11-01", "--to", "2026-11-30")


def _receive(store: CounterStore, name: str, at: datetime) -> Dossier:
    unit = store.require_unit()
    p = store.procedure("1.001193")
    return store.receive(
        new_dossier(
            agency_id=unit.agency_id,
            procedure=p,
            applicant=Person(name, "001090012345"),
            at=at,
            officer="canbo",
            counter=unit.counter,
            components=full_set(p),
        )
    )


def _four_received_three_held(store: CounterStore) -> None:
    made = [_receive(store, f"Công dân {i}", datetime(2026, 11, 2 + i, 8, 0)) for i in range(4)]
    october = _receive(store, "Người tháng trước", datetime(2026, 10, 20, 8, 0))
    portal = PortalSyncRepository(store.db)
    for d in [*made[:3], october]:  # the October one is held too, but not received in November
        portal.record(d.id, d.code, "2026-11-25T02:00:00.000+00:00")


def test_report_json_and_text_carry_the_portal_share(store: CounterStore, cli, clock) -> None:
    empty = json.loads(cli("report", *PERIOD, "--json").out)
    assert (empty["received"], empty["portal_synced"], empty["portal_synced_rate"]) == (0, 0, None)

    _four_received_three_held(store)
    result = cli("report", *PERIOD, "--json")
    assert result.code == 0, result.err
    figures = json.loads(result.out)
    assert (figures["received"], figures["portal_synced"], figures["portal_synced_rate"]) == (4, 3, 75.0)
    [birth] = figures["by_procedure"]
    assert (birth["received"], birth["portal_synced"], birth["portal_synced_rate"]) == (4, 3, 75.0)

    text = cli("report", *PERIOD).out
    assert "Đã đồng bộ lên Cổng Dịch vụ công quốc gia: 75% (3/4)" in text
    english = cli("report", *PERIOD, lang="en").out
    assert "Synchronised to the National Public Service Portal: 75% (3/4)" in english


def test_the_workbook_has_the_portal_rows(store: CounterStore, cli, clock, tmp_path: Path) -> None:
    _four_received_three_held(store)
    out = tmp_path / "bao-cao.xlsx"
    assert cli("report", *PERIOD, "-o", str(out)).code == 0
    book = load_workbook(out)
    rows = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    assert rows["  trong đó đã đồng bộ lên Cổng Dịch vụ công quốc gia"] == 3
    assert rows["Tỷ lệ hồ sơ tiếp nhận đã đồng bộ lên Cổng Dịch vụ công quốc gia (%)"] == 75.0
    header, first = list(book["Theo thủ tục"].iter_rows(values_only=True))[:2]
    columns = dict(zip(header, first, strict=True))
    assert columns["Đã đồng bộ lên Cổng DVCQG"] == 3 and columns["Tỷ lệ đồng bộ lên Cổng DVCQG (%)"] == 75.0
