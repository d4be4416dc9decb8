"""Fault injection with the real server process: kill -9 either side mid-sync, a proxy that drops, delays and
duplicates, three counters offline for a day, all ending with every dossier and change exactly once everywhere."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from faultproxy import FaultProxy, Faults
from sync_support import DAY, Counters, assert_converged, receive_many, sync_until_quiet

from counter_app.core.codes import parse_code
from counter_app.core.model import Status
from counter_app.server.process import ServerProcess, free_port
from counter_app.sync.client import SyncClient
from counter_app.sync.engine import SyncEngine

pytestmark = pytest.mark.slow


def engine_with_timeout(store, seconds: float, **kw) -> SyncEngine:  # type: ignore[no-untyped-def]
    return SyncEngine(
        store, client_factory=lambda url, token, **k: SyncClient(url, token, timeout=seconds, **k), **kw
    )


def test_server_killed_during_a_push_then_restarted(
    counters: Counters, admin: SimpleNamespace, server_db: str
) -> None:
    port = free_port()
    server = ServerProcess(server_db, port=port).start()
    proxy = FaultProxy(port).start()
    try:
        one = counters.new(1, proxy.url)
        receive_many(one, 400)
        engine = SyncEngine(one, batch_size=25)
        with ThreadPoolExecutor(1) as pool:
            running = pool.submit(engine.cycle)
            assert proxy.wait_for(lambda t: t.pushes_forwarded >= 4, timeout=120)
            server.kill()  # SIGKILL while the fourth batch is on the server
            first = running.result(timeout=120)
        assert first.outcome == "offline"
        assert 0 < engine.outbox.counts().sent < 400
        server = ServerProcess(server_db, port=port).start()
        sync_until_quiet([engine])
        assert_converged(admin, [one])
        engine.close()
    finally:
        proxy.stop()
        server.stop()


def test_client_process_killed_during_a_sync(
    server: ServerProcess, counters: Counters, admin: SimpleNamespace
) -> None:
    proxy = FaultProxy(server.port).start()
    try:
        one = counters.new(1, proxy.url)
        receive_many(one, 1000)
        child = subprocess.Popen(
            [sys.executable, "-m", "counter_app.cli.main", "--data-dir", str(one.data_dir), "sync", "--once"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "COUNTER_APP_LANG": "vi"},
        )
        try:
            assert proxy.wait_for(lambda t: t.pushes_answered >= 2, timeout=120)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        assert child.returncode == -signal.SIGKILL
        engine = SyncEngine(one)
        assert engine.outbox.counts().pending > 0  # it really died half-way
        sync_until_quiet([engine])
        assert_converged(admin, [one])
        engine.close()
    finally:
        proxy.stop()


def test_client_process_killed_while_applying_a_download(
    server: ServerProcess, counters: Counters, admin: SimpleNamespace
) -> None:
    one = counters.new(1, server.url)
    receive_many(one, 300)
    sync_until_quiet([SyncEngine(one)])
    proxy = FaultProxy(server.port).start()
    try:
        two = counters.new(2, proxy.url)
        child = subprocess.Popen(
            [sys.executable, "-m", "counter_app.cli.main", "--data-dir", str(two.data_dir), "sync", "--once"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert proxy.wait_for(lambda t: t.answered >= 2, timeout=120)  # enrol was the first answer
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        engine = SyncEngine(two)
        sync_until_quiet([engine])
        assert_converged(admin, [one, two])
        engine.close()
    finally:
        proxy.stop()


def test_a_proxy_that_drops_delays_and_duplicates(
    server: ServerProcess, counters: Counters, admin: SimpleNamespace
) -> None:
    faults = Faults(drop_request=0.15, drop_response=0.25, duplicate=0.3, delay=0.15, delay_s=1.5)
    proxy = FaultProxy(server.port, seed=6).start()
    try:
        stores = [counters.new(n, proxy.url) for n in (1, 2)]
        proxy.faults = faults
        for store in stores:
            made = receive_many(store, 40, prefix=f"Quầy {store.require_unit().counter}")
            for d in made[::4]:
                store.advance(d.code, Status.PROCESSING, officer="xuly", unit="Tư pháp")
        engines = [engine_with_timeout(s, 1.0, batch_size=10, pull_limit=15) for s in stores]
        duplicates = 0
        for _ in range(40):
            for e in engines:
                duplicates += e.cycle().push.duplicates
        t = proxy.traffic
        assert t.dropped_requests and t.dropped_responses and t.duplicated and t.delayed
        proxy.faults = Faults()
        sync_until_quiet(engines, rounds=30)
        assert_converged(admin, stores)
        assert duplicates > 0  # lost answers were resent and recognised, not applied again
        for e in engines:
            e.close()
    finally:
        proxy.stop()


def test_three_counters_work_offline_for_a_day_then_sync_at_once(
    server: ServerProcess, counters: Counters, admin: SimpleNamespace
) -> None:
    stores = [counters.new(n, server.url) for n in (1, 2, 3)]
    for store in stores:  # a working day without network: nobody syncs
        number = store.require_unit().counter
        morning = receive_many(store, 30, at=DAY, prefix=f"Sáng quầy {number}")
        afternoon = receive_many(store, 30, at=DAY + timedelta(hours=6), prefix=f"Chiều quầy {number}")
        for d in morning[:10]:
            store.advance(
                d.code, Status.PROCESSING, officer="xuly", unit="Tư pháp", at=DAY + timedelta(hours=2)
            )
            store.advance(d.code, Status.RESULT_READY, officer="xuly", at=DAY + timedelta(hours=5))
        for d in afternoon[:3]:
            store.advance(
                d.code, Status.SUPPLEMENT_REQUESTED, officer="xuly", data={"missing": ["Giấy chứng sinh"]}
            )
    engines = [SyncEngine(s, batch_size=50) for s in stores]
    with ThreadPoolExecutor(3) as pool:
        reports = list(pool.map(lambda e: e.cycle(), engines))
    assert all(r.ok and r.push.parked == [] for r in reports)
    assert sum(r.push.sent for r in reports) == 3 * (60 + 20 + 3)
    sync_until_quiet(engines)
    assert_converged(admin, stores)
    for store in stores:
        assert len(store.dossiers.all()) == 180
        mine = [d for d in store.dossiers.all() if d.counter == store.require_unit().counter]
        assert {parse_code(d.code).slot for d in mine if d.code} == {store.require_unit().counter}
    # the next morning counter 3 hands out a result received at counter 1
    first = next(d for d in stores[2].dossiers.all() if d.counter == 1 and d.status is Status.RESULT_READY)
    stores[2].advance(first.code, Status.RETURNED, officer="canbo3", at=datetime(2026, 11, 24, 8, 30))
    sync_until_quiet(engines)
    assert stores[0].dossiers.get(first.code).status is Status.RETURNED
    assert_converged(admin, stores)
    for e in engines:
        e.close()
