"""The national portal's acknowledgements come down the feed (item `portal`) to every counter of the unit, once per
dossier however often they are told, and make the leaders' synchronised share; a counter that ran an earlier version
(which passed over those items) picks them up once without applying anything else again."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sync_support import AGENCY, Counters, receive_one

from counter_app.app import CounterApp, reports
from counter_app.core.report import Report
from counter_app.core.wire import parse_time
from counter_app.server.admin import log_change, set_day
from counter_app.server.portal_queue import record_held
from counter_app.server.process import ServerProcess
from counter_app.storage.portal_sync import PortalSyncRepository
from counter_app.storage.store import CounterStore
from counter_app.sync import settings as keys
from counter_app.sync.client import PullAnswer
from counter_app.sync.engine import PORTAL_FEED, PORTAL_REPLAY, SyncEngine
from counter_app.sync.status import SyncState

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
NOW = datetime(2026, 11, 30, 9, 0)


def _figures(store: CounterStore) -> Report:
    app = CounterApp(store, clock=lambda: NOW)
    return reports.report(app, store.accounts.get("admin"), *NOVEMBER)


def test_an_acknowledged_dossier_comes_down_once_and_counts_in_the_share(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one, two = counters.new(1, server.url), counters.new(2, server.url)
    held = receive_one(one, "Nguyễn Văn Một")
    receive_one(one, "Trần Thị Hai")
    pusher = SyncEngine(one)
    assert pusher.cycle().ok
    record_held(admin, AGENCY, [held], [])  # the portal acknowledged the first one
    server_time = admin.PortalDossier.get(admin.PortalDossier.dossier_id == held.id).synced_at

    engine = SyncEngine(two)
    report = engine.cycle()
    assert report.ok and report.pull.dossiers == 2 and report.pull.portal == 1
    portal = PortalSyncRepository(two.db)
    assert portal.synced_ids() == frozenset({held.id})
    assert portal.synced_at(held.id) == parse_time(server_time)
    assert two.db.execute_sql("SELECT code FROM portal_sync").fetchall() == [(held.code,)]

    log_change(admin, AGENCY, "portal", held.id)  # told again: recorded once, the first time kept
    again = engine.cycle()
    assert again.ok and again.pull.items == 1 and again.pull.portal == 0
    assert portal.count() == 1 and portal.synced_at(held.id) == parse_time(server_time)

    figures = _figures(two)
    assert (figures.received, figures.portal_synced, figures.portal_synced_rate) == (2, 1, 50.0)
    assert _figures(one).portal_synced == 0  # the first counter has not pulled since
    assert pusher.cycle().pull.portal == 1 and _figures(one).portal_synced_rate == 50.0
    pusher.close()
    engine.close()


def test_a_counter_of_an_earlier_version_reads_the_portal_items_it_passed_over_and_nothing_else(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = counters.new(1, server.url)
    held = receive_one(one)
    engine = SyncEngine(one, pull_limit=2)
    assert engine.cycle().ok
    set_day(admin, AGENCY, date(2026, 12, 31), "off", "Nghỉ theo quyết định của tỉnh")  # the unit's override
    record_held(admin, AGENCY, [held], [])
    assert engine.cycle().pull.portal == 1
    cursor = int(engine.state.get(keys.PULL_CURSOR) or 0)
    assert cursor > 0 and engine.state.get(PORTAL_FEED) == "1"

    # as an earlier version would have left it: the cursor past the portal item, nothing recorded, and since then
    # the counter's own decision on a day the server had published
    one.db.execute_sql("DELETE FROM portal_sync")
    engine.state.set_many({PORTAL_FEED: None})
    one.remove_override(date(2026, 12, 31))

    report = engine.cycle()
    assert report.ok and report.pull.portal == 1
    assert report.pull.calendar_days == 0 and report.pull.dossiers == 0 and report.pull.pages >= 2
    assert PortalSyncRepository(one.db).synced_ids() == frozenset({held.id})
    assert one.overrides() == []  # the server's old calendar item was not applied again
    assert engine.state.get(PORTAL_REPLAY) is None and int(engine.state.get(keys.PULL_CURSOR) or 0) == cursor
    assert engine.cycle().pull.items == 0
    engine.close()


class _Feed:
    """A server's answer to pull, without a server: one page of items."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items

    def pull(self, cursor: int, limit: int) -> PullAnswer:
        fresh = [i for i in self.items if int(i["cursor"]) > cursor]
        return PullAnswer(max([cursor, *(int(i["cursor"]) for i in fresh)]), False, fresh)

    def close(self) -> None:
        pass


def test_unknown_kinds_pass_and_a_broken_portal_item_is_parked_without_stopping_the_feed(
    store: CounterStore,
) -> None:
    feed = _Feed(
        [
            {"kind": "from_a_newer_server", "cursor": 1, "anything": [1, 2]},
            {"kind": "portal", "cursor": 2, "dossier_id": "d-2", "code": None, "synced_at": "not a time"},
            {
                "kind": "portal",
                "cursor": 3,
                "dossier_id": "d-3",
                "synced_at": "2026-11-23T02:00:00.000+00:00",
            },
        ]
    )
    engine = SyncEngine(store, feed)  # type: ignore[arg-type]
    report = engine.pull()
    assert (report.items, report.portal, report.parked_downloads) == (3, 1, 1)
    assert PortalSyncRepository(store.db).synced_ids() == frozenset({"d-3"})
    assert engine.state.get(keys.PULL_CURSOR) == "3"
    status = engine.status()
    assert status.state is SyncState.NEEDS_ATTENTION
    assert [p.reason for p in status.parked] == ["download.invalid"]
