"""The background worker against a real server: syncs after writes, goes offline, retries on its own timer,
and feeds the status-bar indicator and the "needs attention" panel through queued Qt signals."""

from __future__ import annotations

import json
import queue
import random
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from sync_support import Counters, assert_converged, receive_one

from counter_app.server.process import ServerProcess, free_port
from counter_app.sync.backoff import Backoff
from counter_app.sync.engine import SyncEngine
from counter_app.sync.status import SyncState, SyncStatus
from counter_app.sync.worker import SyncWorker


def wait_status(
    statuses: queue.Queue[SyncStatus], wanted: Callable[[SyncStatus], bool], timeout: float = 60
) -> SyncStatus:
    """Take reported statuses until one matches (each `get` blocks until the worker reports; bounded)."""
    seen = []
    for _ in range(10_000):
        status = statuses.get(timeout=timeout)
        if wanted(status):
            return status
        seen.append(status.state)
    raise AssertionError(f"never reported; saw {seen[-10:]}")


def test_backoff_is_capped_and_jittered() -> None:
    backoff = Backoff(base_s=1.0, cap_s=8.0, rng=random.Random(3))
    delays = [backoff.next_delay() for _ in range(8)]
    assert all(0.5 <= d <= 8.0 for d in delays)
    assert delays[0] <= 1.0 and max(delays[4:]) > 4.0 and len(set(delays)) == len(delays)
    backoff.reset()
    assert backoff.next_delay() <= 1.0


@pytest.mark.slow
def test_worker_syncs_goes_offline_and_retries_on_its_timer(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    port = free_port()
    server = ServerProcess(server_db, port=port).start()
    one = counters.new(1, server.url)
    statuses: queue.Queue[SyncStatus] = queue.Queue()
    exported = threading.Event()
    worker = SyncWorker(
        SyncEngine(one),
        statuses.put,
        interval_s=0.5,
        backoff=Backoff(0.1, 0.5, random.Random(2)),
        on_export=lambda path, count: exported.set(),
    )
    receive_one(one, "Phạm Thị Một")
    worker.start()
    try:
        wait_status(
            statuses, lambda s: s.state is SyncState.ONLINE and s.pending == 0 and s.last_success is not None
        )
        server.kill()
        receive_one(one, "Phạm Thị Hai")
        worker.nudge()
        offline = wait_status(statuses, lambda s: s.state is SyncState.OFFLINE)
        assert offline.pending == 1 and offline.problem == "sync.unreachable"
        worker.request_export(tmp_path / "outbox.json")
        assert exported.wait(30)
        saved = json.loads((tmp_path / "outbox.json").read_text(encoding="utf-8"))
        assert saved["format"] == "quay-mot-cua/outbox" and len(saved["entries"]) == 1
        server = ServerProcess(server_db, port=port).start()  # nobody writes: the timer alone must retry
        wait_status(statuses, lambda s: s.state is SyncState.ONLINE and s.pending == 0)
    finally:
        assert worker.stop()
        server.stop()
    assert_converged(admin, [one])


@pytest.mark.slow
def test_status_bar_and_panel_show_parked_items_and_retry_through_the_worker(
    qtbot, server: ServerProcess, counters: Counters, tmp_path: Path
) -> None:
    from counter_app.gui.bridge import WorkerBridge
    from counter_app.gui.sync_status import NeedsAttentionPanel, SyncStatusIndicator, connect_sync

    one = counters.new(1, server.url)
    bad = receive_one(one, "Đỗ Văn Sai")
    payload = json.loads(one.db.execute_sql("SELECT payload FROM outbox").fetchone()[0])
    payload["code"] = bad.code.replace("-01", "-05")
    one.db.execute_sql("UPDATE outbox SET payload = ?", (json.dumps(payload),))
    receive_one(one, "Đỗ Văn Đúng")
    bridge, indicator, panel = WorkerBridge(), SyncStatusIndicator(), NeedsAttentionPanel()
    qtbot.addWidget(indicator)
    qtbot.addWidget(panel)
    worker = SyncWorker(
        SyncEngine(one), bridge.poster("status"), on_export=bridge.poster("export"), interval_s=30
    )
    connect_sync(bridge, worker, indicator, panel)
    worker.start()
    try:
        qtbot.waitUntil(
            lambda: (
                panel.table.rowCount() == 1
                and indicator.status is not None
                and indicator.status.state is SyncState.NEEDS_ATTENTION
            ),
            timeout=30_000,
        )
        assert "Cần xử lý" in indicator.label.text() and "Chờ gửi: 0" in indicator.label.text()
        assert panel.table.item(0, 0).text() == payload["code"]
        assert panel.table.item(0, 2).text() == "Mã hồ sơ không thuộc dải số của quầy này."
        assert panel.table.item(0, 3).text() == "1"
        panel.table.selectRow(0)
        with qtbot.waitSignal(panel.retry_requested) as asked:
            panel.retry_selected_button.click()
        assert asked.args == [[panel._change_ids[0]]]
        qtbot.waitUntil(
            lambda: panel.table.item(0, 3) is not None and panel.table.item(0, 3).text() == "2",
            timeout=30_000,
        )
        target = tmp_path / "xuat.json"
        with qtbot.waitSignal(panel.export_shown, timeout=30_000):
            panel.export_to(str(target))
        assert "1 thay đổi" in panel.export_label.text()
        assert [e["state"] for e in json.loads(target.read_text(encoding="utf-8"))["entries"]] == ["parked"]
    finally:
        assert worker.stop()


def test_a_write_while_backing_off_is_counted_at_once_without_breaking_the_wait(
    counters: Counters, server_db: str
) -> None:
    """Offline, the worker waits out its backoff; a receipt made meanwhile shows in the status bar's 'waiting to
    send' count at once (it used to keep the old count until the next attempt), and no attempt is made early."""
    server = ServerProcess(server_db, port=free_port()).start()
    one = counters.new(1, server.url)
    server.kill()  # the network is down from here on
    statuses: queue.Queue[SyncStatus] = queue.Queue()
    worker = SyncWorker(SyncEngine(one), statuses.put, interval_s=600, backoff=Backoff(300, 600))
    receive_one(one, "Phạm Thị Một")
    worker.start()
    try:
        first = wait_status(statuses, lambda s: s.state is SyncState.OFFLINE)
        assert first.pending == 1
        cycles = worker.cycles
        receive_one(one, "Phạm Thị Hai")
        worker.nudge()
        again = wait_status(statuses, lambda s: s.pending == 2)
        assert again.state is SyncState.OFFLINE and worker.cycles == cycles  # counted, not sent early
    finally:
        assert worker.stop()
