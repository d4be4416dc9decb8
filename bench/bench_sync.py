"""Sync benchmark: time to push 10,000 queued dossiers, and request latency with 50 concurrent counters,
on SQLite and PostgreSQL, against the real server process on loopback.

Run: .venv/bin/python -m bench.bench_sync [--dossiers 10000] [--counters 50] [--seconds 30] [--backends sqlite postgres]
Writes the table to bench/out/sync.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from counter_app.core.ids import new_id
from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Dossier, Person, Procedure, UnitConfig
from counter_app.core.serial import dossier_to_dict
from counter_app.server.admin import add_counter
from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess, postgres_available, scratch_database
from counter_app.server.schema import migrate
from counter_app.storage.store import CounterStore
from counter_app.sync.engine import SyncEngine
from counter_app.sync.enrol import join_server

AGENCY = "000.00.06.H56"
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", duration=3)
DAY = datetime(2026, 11, 23, 7, 30)
OUT = Path(__file__).resolve().parent / "out" / "sync.md"


@dataclass
class Row:
    backend: str
    scenario: str
    result: str
    target: str
    verdict: str


def build_queue(folder: Path, count: int) -> Path:
    """A counter's data folder with `count` received dossiers waiting in the outbox (made once, copied per run)."""
    store = CounterStore(folder)
    store.set_unit(
        UnitConfig(AGENCY, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU", "UBND PHƯỜNG MẪU", "Phường Mẫu", 1)
    )
    store.replace_catalogue([PROCEDURE])
    procedure = store.procedure(PROCEDURE.code)
    with store.db.atomic():
        for i in range(count):
            at = DAY + timedelta(days=i // 2000, seconds=(i % 2000) * 13)
            draft = new_dossier(
                agency_id=AGENCY,
                procedure=procedure,
                applicant=Person(f"Nguyễn Văn {i}", phone="0912345678"),
                at=at,
                officer="canbo",
                counter=1,
            )

            def decide(allocate: Callable[..., str], d: Dossier = draft, m: datetime = at) -> Dossier:
                return receive(d, allocate(m.date()), m + timedelta(days=3))

            store.dossiers.create(decide, "canbo")
    store.close()
    return folder


def bench_push(url: str, queue: Path, work: Path, count: int, batch: int) -> tuple[float, int]:
    """Seconds for one engine to push the whole queue (every change acknowledged), and how many went."""
    folder = work / f"push-{batch}"
    shutil.copytree(queue, folder)
    db = open_database(url, pool_size=2)
    migrate(db)
    token = add_counter(bind_models(db), AGENCY, 1)
    db.close_all()
    with ServerProcess(url) as server:
        store = CounterStore(folder)
        join_server(store, server.url, token)
        engine = SyncEngine(store, batch_size=batch)
        started = time.perf_counter()
        report = engine.push()
        elapsed = time.perf_counter() - started
        pending = engine.outbox.counts().pending
        engine.close()
        store.close()
    if pending or report.sent != count:
        raise RuntimeError(f"push incomplete: sent {report.sent}, pending {pending}")
    return elapsed, report.sent


def _create_change(counter: int, number: int) -> dict[str, Any]:
    at = DAY + timedelta(seconds=number)
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=PROCEDURE,
        applicant=Person(f"Trần Thị {number}"),
        at=at,
        officer=f"canbo{counter}",
        counter=counter,
    )
    d = receive(draft, f"{AGENCY}-{at:%y%m%d}-{counter:02d}{number:02d}", at + timedelta(days=3))
    return {
        "change_id": new_id(),
        "kind": "dossier.create",
        "dossier_id": d.id,
        "counter": counter,
        "officer": d.officer,
        "created_at": at.isoformat(timespec="seconds"),
        "payload": dossier_to_dict(d),
    }


async def _counter(
    url: str,
    token: str,
    counter: int,
    until: float,
    think_s: float,
    latencies: dict[str, list[float]],
    errors: list[str],
) -> int:
    """One counter: about every `think_s` (±50 %) a push of one new dossier, then a pull of what the others did.

    Records the latency seen by the client and the time the server reports in `Server-Timing`.
    """
    cursor, number, changes = 0, 0, 0
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(counter)

    def note(kind: str, started: float, response: httpx.Response) -> None:
        latencies[kind].append(time.perf_counter() - started)
        timing = response.headers.get("server-timing", "")
        if "dur=" in timing:
            latencies["server"].append(float(timing.split("dur=")[1]) / 1000)

    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as http:
        if think_s:
            await asyncio.sleep(rng.uniform(0, think_s))  # counters do not all start on the same tick
        while time.perf_counter() < until:
            number += 1
            body = {"changes": [_create_change(counter, number)]}
            started = time.perf_counter()
            response = await http.post("/v1/push", json=body)
            note("push", started, response)
            if response.status_code != 200 or response.json()["results"][0]["result"] != "applied":
                errors.append(response.text[:200])
            changes += 1
            started = time.perf_counter()
            response = await http.get("/v1/pull", params={"cursor": cursor, "limit": 500})
            note("pull", started, response)
            if response.status_code == 200:
                cursor = response.json()["cursor"]
            else:
                errors.append(response.text[:200])
            if think_s:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
    return changes


def _enrol(url: str, token: str) -> str:
    """Spend a counter's one-time token as its installation does; the credential it gets is what it sends."""
    response = httpx.post(f"{url}/v1/enrol", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    response.raise_for_status()
    return str(response.json()["credential"])


def _client_process(
    url: str, tokens: dict[int, str], seconds: float, think_s: float
) -> tuple[dict[str, list[float]], list[str], int]:
    """Some of the counters, in one client process (several processes keep the clients from being the bottleneck)."""
    latencies: dict[str, list[float]] = {"push": [], "pull": [], "server": []}
    errors: list[str] = []

    async def run_all() -> int:
        until = time.perf_counter() + seconds
        done = await asyncio.gather(
            *(_counter(url, t, n, until, think_s, latencies, errors) for n, t in tokens.items())
        )
        return sum(done)

    return latencies, errors, asyncio.run(run_all())


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def bench_concurrent(
    url: str, counters: int, seconds: float, think_s: float, processes: int = 5
) -> dict[str, float]:
    db = open_database(url, pool_size=2)
    migrate(db)
    m = bind_models(db)
    tokens = {n: add_counter(m, AGENCY, n) for n in range(1, counters + 1)}
    db.close_all()
    latencies: dict[str, list[float]] = {"push": [], "pull": [], "server": []}
    errors: list[str] = []
    changes = 0
    with ServerProcess(url) as server:
        tokens = {n: _enrol(server.url, t) for n, t in tokens.items()}
        shares = [dict(list(tokens.items())[i::processes]) for i in range(processes)]
        started = time.perf_counter()
        with ProcessPoolExecutor(processes) as pool:
            futures = [
                pool.submit(_client_process, server.url, share, seconds, think_s) for share in shares if share
            ]
            for future in futures:
                lat, err, done = future.result()
                for key in latencies:
                    latencies[key] += lat[key]
                errors += err
                changes += done
        elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, first: {errors[0]}")
    every = latencies["push"] + latencies["pull"]
    return {
        "requests": len(every),
        "rps": len(every) / elapsed,
        "changes_per_s": changes / elapsed,
        "p50": _p(every, 0.5),
        "p95": _p(every, 0.95),
        "p99": _p(every, 0.99),
        "max": _p(every, 1.0),
        "push_p99": _p(latencies["push"], 0.99),
        "pull_p99": _p(latencies["pull"], 0.99),
        "server_p99": _p(latencies["server"], 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=1.0, help="seconds each counter waits between cycles")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--only", choices=("push", "counters"), help="run one of the two scenarios")
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        queue = build_queue(work / "queue", args.dossiers if args.only != "counters" else 0)
        print(f"queued {args.dossiers} dossiers in {time.perf_counter() - started:.1f} s", flush=True)
        for backend in args.backends:
            if backend == "postgres" and not postgres_available():
                print("PostgreSQL not available: skipped", flush=True)
                continue
            for batch in (200, 500) if args.only != "counters" else ():
                with scratch_database(backend, work / backend) as url:
                    (work / backend).mkdir(exist_ok=True)
                    elapsed, sent = bench_push(url, queue, work / f"{backend}-{batch}", args.dossiers, batch)
                rows.append(
                    Row(
                        backend,
                        f"push {sent:,} queued dossiers, batches of {batch}",
                        f"{elapsed:.2f} s ({sent / elapsed:,.0f} changes/s)",
                        "< 10 s",
                        "ok" if elapsed < 10 else "MISSED",
                    )
                )
                print(rows[-1], flush=True)
            for think in (args.think, 0.0) if args.only != "push" else ():
                with scratch_database(backend, work / backend) as url:
                    r = bench_concurrent(url, args.counters, args.seconds, think)
                label = (
                    f"{args.counters} counters, push 1 + pull every ~{think:g} s"
                    if think
                    else (f"{args.counters} counters, no pause (saturation)")
                )
                rows.append(
                    Row(
                        backend,
                        label,
                        f"{r['rps']:.0f} req/s, {r['changes_per_s']:.0f} dossiers/s; p50 {r['p50']:.0f} ms, "
                        f"p95 {r['p95']:.0f} ms, p99 {r['p99']:.0f} ms (push {r['push_p99']:.0f}, pull {r['pull_p99']:.0f}), "
                        f"max {r['max']:.0f} ms ({r['requests']:,} req); p99 time inside the server "
                        f"{r['server_p99']:.0f} ms",
                        "p99 < 200 ms" if think else "(reported)",
                        ("ok" if r["p99"] < 200 else "MISSED") if think else "-",
                    )
                )
                print(rows[-1], flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"Sync benchmark, {datetime.now():%Y-%m-%d}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, server and clients on one machine (loopback); "
        f"load average at the end {load}.",
        "",
        "| database | scenario | result | target | verdict |",
        "|---|---|---|---|---|",
        *(f"| {r.backend} | {r.scenario} | {r.result} | {r.target} | {r.verdict} |" for r in rows),
    ]
    table = "\n".join(lines)
    print(table)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
