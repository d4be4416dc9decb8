"""Province benchmark: 300 counters of 100 units (3 each) on one PostgreSQL database served by two server
processes, each pulling about every 30 s and pushing at ten times a busy day's rate; then a reconnect storm, 50
counters back from a day offline with 500 queued dossiers each (25,000), while the steady counters go on.

The counters are httpx clients speaking the real wire protocol (`core/wire.py`, as `sync/client.py` does) with
real payloads: dossiers received under the unit's codes, then handed to processing and marked ready (`core.intake`),
each step a `dossier.event` with the state the counter's outbox sends. A busy day is taken as 100 dossiers a
counter, each sent three times (receipt, processing, result ready) in 8 office hours: one change every 96 s; ten
times that is one change every 9.6 s a counter. The storm counters are a fourth counter of the first 50 units,
pushing in batches of 200 as the counters' sync engine does, one batch at a time, then downloading their feed.

Run: .venv/bin/python -m bench.bench_province [--units 100] [--per-unit 3] [--workers 2] [--storm-counters 50]
     [--storm-dossiers 500] [--steady 60] [--after 120]
Writes the table to bench/out/province.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from counter_app.core.ids import new_id
from counter_app.core.intake import advance, full_set, new_dossier, receive
from counter_app.core.model import Component, Dossier, Person, Procedure, Representative, Status
from counter_app.core.serial import dossier_to_dict, event_to_dict
from counter_app.server.admin import add_counter
from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess, postgres_available, scratch_database
from counter_app.server.schema import migrate
from counter_app.storage.dossiers import _state_dict as outbox_state

OUT = Path(__file__).resolve().parent / "out" / "province.md"
DAY = datetime(2026, 11, 24, 7, 30)
PROCEDURE = Procedure(
    "1.001193",
    "Thủ tục đăng ký khai sinh",
    "Hộ tịch",
    components=(
        Component(1, "Tờ khai đăng ký khai sinh theo mẫu", originals=1),
        Component(2, "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", originals=1),
        Component(3, "Giấy tờ tùy thân của người đi đăng ký khai sinh", shown_only=True),
    ),
    duration=1,
    legal_basis="Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP",
)
OFFICER = "canbo"
PUSH_BATCH = 200  # the counters' sync engine pushes at most this many changes at once


def agency_of(unit: int) -> str:
    return f"000.{unit // 100:02d}.{unit % 100:02d}.H56"


class Desk:
    """One counter's work as its outbox sends it: new dossiers received under its code slot, and the next step of
    the oldest open one (to processing, then result ready), each a change of the real wire format."""

    def __init__(self, agency_id: str, counter: int, day: datetime, seed: int) -> None:
        self.agency_id, self.counter = agency_id, counter
        self.clock = day
        self.number = 0
        self.open: deque[Dossier] = deque()
        self.rng = random.Random(seed)

    def _tick(self) -> datetime:
        self.clock += timedelta(seconds=self.rng.randint(20, 90))
        return self.clock

    def create(self) -> dict[str, Any]:
        self.number += 1
        at = self._tick()
        n = self.number
        draft = new_dossier(
            agency_id=self.agency_id,
            procedure=PROCEDURE,
            applicant=Person(
                f"Nguyễn Thị Bích Ngọc {n}",
                identifier=f"0012{self.counter:02d}{n:06d}",
                phone="0912345678",
                address=f"Số {n} đường Lê Lợi, tổ dân phố {n % 30 + 1}, phường Mẫu",
            ),
            representative=Representative(
                Person(f"Trần Văn Hùng {n}", identifier=f"0013{self.counter:02d}{n:06d}"),
                f"Giấy ủy quyền số {n}/2026 được chứng thực ngày 20/11/2026",
            ),
            at=at,
            officer=OFFICER,
            counter=self.counter,
            components=full_set(PROCEDURE),
        )
        code = f"{self.agency_id}-{at:%y%m%d}-{self.counter:02d}{n:02d}"
        d = receive(draft, code, at + timedelta(days=1))
        self.open.append(d)
        return _change("dossier.create", d, dossier_to_dict(d), at)

    def step(self) -> dict[str, Any] | None:
        if not self.open:
            return None
        before = self.open.popleft()
        at = self._tick()
        if before.status is Status.RECEIVED:
            after = advance(
                before, Status.PROCESSING, officer=OFFICER, at=at, unit="Tư pháp", action="processing"
            )
            self.open.append(after)
        else:
            after = advance(before, Status.RESULT_READY, officer=OFFICER, at=at, action="result_ready")
        payload = {
            "dossier_id": after.id,
            "code": after.code,
            "base_version": before.version,
            "event": event_to_dict(after.history[-1]),
            "state": outbox_state(after),
        }
        return _change("dossier.event", after, payload, at)

    def next_change(self) -> dict[str, Any]:
        """A third of the changes receive a dossier, the rest move open ones on (three changes a dossier)."""
        if len(self.open) >= 2 or (self.open and self.rng.random() < 0.5):
            change = self.step()
            if change is not None:
                return change
        return self.create()


def _change(kind: str, d: Dossier, payload: dict[str, Any], at: datetime) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "kind": kind,
        "dossier_id": d.id,
        "counter": d.counter,
        "officer": OFFICER,
        "created_at": at.isoformat(timespec="seconds"),
        "payload": payload,
    }


@dataclass
class Sample:
    start: float  # wall-clock time the request was sent
    kind: str  # push | pull | storm-push | storm-pull
    seconds: float
    server_ms: float


async def _send(
    http: httpx.AsyncClient, method: str, path: str, errors: list[str], **kw: Any
) -> httpx.Response:
    """A request as a counter sends it: a connection the server closed while idle (its keep-alive ran out as the
    request left) is tried again on a new one, as the sync engine's next cycle would; the change ID makes a
    repeated push harmless. Each retry is noted (`retry …`) apart from the errors."""
    for attempt in range(3):
        try:
            return await http.request(method, path, **kw)
        except httpx.TransportError as exc:
            errors.append(f"retry {method} {path}: {type(exc).__name__}")
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _landed(result: dict[str, Any]) -> bool:
    """Applied now, or by an earlier copy of the same push (`ChangeResult.landed`)."""
    return result["result"] == "applied" or (
        result["result"] == "duplicate" and result["original"] == "applied"
    )


def _note(samples: list[Sample], kind: str, start: float, began: float, response: httpx.Response) -> None:
    timing = response.headers.get("server-timing", "")
    server_ms = float(timing.split("dur=")[1]) if "dur=" in timing else float("nan")
    samples.append(Sample(start, kind, time.perf_counter() - began, server_ms))


async def _pull_all(
    http: httpx.AsyncClient, cursor: int, kind: str, samples: list[Sample], errors: list[str]
) -> int:
    while True:
        start, began = time.time(), time.perf_counter()
        response = await _send(http, "GET", "/v1/pull", errors, params={"cursor": cursor, "limit": 500})
        _note(samples, kind, start, began, response)
        if response.status_code != 200:
            errors.append(f"pull {response.status_code} {response.text[:120]}")
            return cursor
        page = response.json()
        cursor = int(page["cursor"])
        if not page["more"]:
            return cursor


async def _steady(
    url: str, credential: str, desk: Desk, t0: float, until: float, pull_s: float, push_s: float,
    samples: list[Sample], errors: list[str], counts: dict[str, int],
) -> None:  # fmt: skip
    """One counter: a pull about every `pull_s`, a push of one change at random times `push_s` apart on average."""
    rng = desk.rng
    next_pull = t0 + rng.uniform(0, pull_s)
    next_push = t0 + rng.expovariate(1 / push_s)
    cursor = 0
    headers = {"Authorization": f"Bearer {credential}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        while min(next_pull, next_push) < until:
            wait = min(next_pull, next_push) - time.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if next_push <= next_pull:
                change = desk.next_change()
                start, began = time.time(), time.perf_counter()
                response = await _send(http, "POST", "/v1/push", errors, json={"changes": [change]})
                _note(samples, "push", start, began, response)
                if response.status_code != 200 or not _landed(response.json()["results"][0]):
                    errors.append(f"push {response.status_code} {response.text[:160]}")
                else:
                    counts[change["kind"]] += 1
                next_push += rng.expovariate(1 / push_s)
            else:
                cursor = await _pull_all(http, cursor, "pull", samples, errors)
                next_pull += rng.uniform(0.8, 1.2) * pull_s


def steady_process(
    url: str, counters: list[tuple[str, int, str]], t0: float, until: float, pull_s: float, push_s: float
) -> tuple[list[Sample], list[str], dict[str, int]]:
    samples: list[Sample] = []
    errors: list[str] = []
    counts = {"dossier.create": 0, "dossier.event": 0}

    async def run() -> None:
        await asyncio.gather(
            *(
                _steady(
                    url,
                    cred,
                    Desk(agency, number, DAY, seed=i),
                    t0,
                    until,
                    pull_s,
                    push_s,
                    samples,
                    errors,
                    counts,
                )  # fmt: skip
                for i, (agency, number, cred) in enumerate(counters)
            )
        )

    asyncio.run(run())
    return samples, errors, counts


async def _storm(
    url: str, credential: str, batches: list[bytes], start_at: float, samples: list[Sample], errors: list[str]
) -> tuple[float, float, int]:
    """One counter back online: its queue pushed batch after batch, then its feed downloaded to the end."""
    headers = {"Authorization": f"Bearer {credential}", "Content-Type": "application/json"}
    applied = 0
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=300) as http:
        await asyncio.sleep(max(0.0, start_at - time.time()))
        for body in batches:
            start, began = time.time(), time.perf_counter()
            response = await _send(http, "POST", "/v1/push", errors, content=body)
            _note(samples, "storm-push", start, began, response)
            if response.status_code != 200:
                errors.append(f"storm push {response.status_code} {response.text[:160]}")
                continue
            applied += sum(_landed(r) for r in response.json()["results"])
        pushed_at = time.time()
        await _pull_all(http, 0, "storm-pull", samples, errors)
    return pushed_at, time.time(), applied


def storm_process(
    url: str, counters: list[tuple[str, int, str]], dossiers: int, start_at: float
) -> tuple[list[Sample], list[str], list[tuple[float, float, int]]]:
    """Prepares every queued change of its counters (before `start_at`), then lets them all reconnect at once."""
    queues: list[list[bytes]] = []
    for agency, number, _ in counters:
        desk = Desk(agency, number, DAY - timedelta(days=1), seed=number)
        changes = [desk.create() for _ in range(dossiers)]
        queues.append(
            [
                json.dumps({"changes": changes[i : i + PUSH_BATCH]}, ensure_ascii=False).encode()
                for i in range(0, len(changes), PUSH_BATCH)
            ]
        )
    samples: list[Sample] = []
    errors: list[str] = []

    async def run() -> list[tuple[float, float, int]]:
        return await asyncio.gather(
            *(
                _storm(url, cred, batches, start_at, samples, errors)
                for (_, _, cred), batches in zip(counters, queues, strict=True)
            )
        )

    return samples, errors, asyncio.run(run())


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def _stats(samples: list[Sample], kinds: tuple[str, ...], start: float, end: float) -> dict[str, float]:
    chosen = [s for s in samples if s.kind in kinds and start <= s.start < end]
    seconds = [s.seconds for s in chosen]
    server = [s.server_ms / 1000 for s in chosen if s.server_ms == s.server_ms]
    return {
        "requests": len(chosen),
        "rps": len(chosen) / (end - start) if end > start else float("nan"),
        "p50": _p(seconds, 0.5),
        "p95": _p(seconds, 0.95),
        "p99": _p(seconds, 0.99),
        "max": _p(seconds, 1.0),
        "push_p99": _p([s.seconds for s in chosen if s.kind == "push"], 0.99),
        "pull_p99": _p([s.seconds for s in chosen if s.kind == "pull"], 0.99),
        "server_p99": _p(server, 0.99),
    }


def _wait_for_workers(server: ServerProcess, workers: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while sum("Application startup complete" in line for line in list(server.log)) < workers:
        if time.monotonic() > deadline:
            raise RuntimeError("server workers did not start:\n" + "\n".join(server.log[-20:]))
        time.sleep(0.1)


def _enrol(url: str, tokens: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    enrolled = []
    with httpx.Client(base_url=url, timeout=60) as http:
        for agency, number, token in tokens:
            response = http.post("/v1/enrol", headers={"Authorization": f"Bearer {token}"})
            response.raise_for_status()
            enrolled.append((agency, number, str(response.json()["credential"])))
    return enrolled


class CpuSampler:
    """Once a second, the CPU seconds used so far by the server's processes and by PostgreSQL's backends serving
    this database (Linux `/proc`), to tell how much of the machine each part took in a window of the run."""

    def __init__(self, url: str, server_pids: list[int]) -> None:
        self.url, self.server_pids = url, server_pids
        self.points: list[tuple[float, float, float]] = []  # (time, server CPU s, PostgreSQL CPU s)
        self._seen: dict[
            int, float
        ] = {}  # backend pid → its CPU seconds when last seen (backends come and go)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cpu-sampler", daemon=True)

    @staticmethod
    def _cpu(pid: int) -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _run(self) -> None:
        db = open_database(self.url, pool_size=1)
        try:
            while not self._stop.wait(1.0):
                rows = db.execute_sql(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                ).fetchall()
                for (pid,) in rows:
                    self._seen[int(pid)] = max(self._seen.get(int(pid), 0.0), self._cpu(int(pid)))
                server = sum(self._cpu(pid) for pid in self.server_pids)
                self.points.append((time.time(), server, sum(self._seen.values())))
        finally:
            db.close()

    def start(self) -> CpuSampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def cores(self, start: float, end: float) -> tuple[float, float]:
        """Cores used on average between `start` and `end`: by the server's processes, by PostgreSQL."""
        inside = [p for p in self.points if start <= p[0] <= end]
        if len(inside) < 2:
            return float("nan"), float("nan")
        (t1, s1, d1), (t2, s2, d2) = inside[0], inside[-1]
        return (s2 - s1) / (t2 - t1), (d2 - d1) / (t2 - t1)


def _share(items: list[Any], parts: int) -> list[list[Any]]:
    return [items[i::parts] for i in range(parts) if items[i::parts]]


def run(args: argparse.Namespace, url: str) -> tuple[list[str], dict[str, Any]]:
    db = open_database(url, pool_size=2)
    migrate(db)
    m = bind_models(db)
    steady_tokens = [
        (agency_of(u), n, add_counter(m, agency_of(u), n))
        for u in range(args.units)
        for n in range(1, args.per_unit + 1)
    ]
    storm_number = args.per_unit + 1
    storm_tokens = [
        (agency_of(u), storm_number, add_counter(m, agency_of(u), storm_number))
        for u in range(args.storm_counters)
    ]
    pg_version = str(db.execute_sql("SHOW server_version").fetchone()[0])
    db.close()
    extra = ["--workers", str(args.workers), "--no-portal"] if args.workers > 1 else ["--no-portal"]
    with ServerProcess(url, extra_args=extra) as server:
        _wait_for_workers(server, args.workers)
        assert server.process is not None
        pids = [
            server.process.pid,
            *map(int, re.findall(r"Started server process \[(\d+)\]", "\n".join(server.log))),
        ]
        sampler = CpuSampler(url, sorted(set(pids))).start()
        steady = _enrol(server.url, steady_tokens)
        storm = _enrol(server.url, storm_tokens)
        t0 = time.time() + 5  # the storm counters make their queues during the warm-up
        storm_at = t0 + args.warm + args.steady
        until = storm_at + args.after
        processes = args.client_processes
        with ProcessPoolExecutor(processes + args.storm_processes) as pool:
            steady_jobs = [
                pool.submit(steady_process, server.url, share, t0, until, args.pull_every, args.push_every)
                for share in _share(steady, processes)
            ]
            storm_jobs = [
                pool.submit(storm_process, server.url, share, args.storm_dossiers, storm_at)
                for share in _share(storm, args.storm_processes)
            ]
            samples: list[Sample] = []
            errors: list[str] = []
            counts = {"dossier.create": 0, "dossier.event": 0}
            storm_ends: list[tuple[float, float, int]] = []
            for job in steady_jobs:
                s, e, c = job.result()
                samples += s
                errors += e
                for k in counts:
                    counts[k] += c[k]
            for storm_job in storm_jobs:
                s, e, ends = storm_job.result()
                samples += s
                errors += e
                storm_ends += ends
        sampler.stop()
        workers = sorted(
            {int(x) for x in re.findall(r"Started server process \[(\d+)\]", "\n".join(server.log))}
        )
    db = open_database(url, pool_size=2)
    m = bind_models(db)
    stored = m.Dossier.select().count()
    not_applied = m.Change.select().where(m.Change.result != "applied").count()
    size = int(db.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0])
    db.close()
    storm_applied = sum(a for _, _, a in storm_ends)
    pushed_at = max((p for p, _, _ in storm_ends), default=float("nan"))
    caught_up_at = max((c for _, c, _ in storm_ends), default=float("nan"))
    retries = [e for e in errors if e.startswith("retry ")]
    errors = [e for e in errors if not e.startswith("retry ")]
    result = {
        "pg_version": pg_version,
        "workers": len(workers),
        "steady": _stats(samples, ("push", "pull"), t0 + args.warm, storm_at),
        "during": _stats(samples, ("push", "pull"), storm_at, pushed_at),
        "after": _stats(samples, ("push", "pull"), max(pushed_at, caught_up_at), until),
        "cpu_steady": sampler.cores(t0 + args.warm, storm_at),
        "cpu_storm": sampler.cores(storm_at, pushed_at),
        "storm_s": pushed_at - storm_at,
        "storm_caught_up_s": caught_up_at - storm_at,
        "storm_applied": storm_applied,
        "storm_batch_p99": _p([s.seconds for s in samples if s.kind == "storm-push"], 0.99),
        "counts": counts,
        "stored": stored,
        "not_applied": not_applied,
        "size": size,
        "errors": errors,
        "retries": len(retries),
    }
    expected = counts["dossier.create"] + storm_applied
    if stored != expected or not_applied or errors:
        raise RuntimeError(
            f"stored {stored} dossiers, expected {expected}; {not_applied} changes not applied; "
            f"{len(errors)} errors, first: {errors[:1]}"
        )
    return errors, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--per-unit", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="server processes (counter-server --workers)")
    parser.add_argument("--pull-every", type=float, default=30.0, help="seconds between a counter's pulls")
    parser.add_argument(
        "--push-every", type=float, default=9.6, help="mean seconds between a counter's changes"
    )
    parser.add_argument("--storm-counters", type=int, default=50)
    parser.add_argument("--storm-dossiers", type=int, default=500)
    parser.add_argument("--warm", type=float, default=20.0, help="seconds of load before measuring")
    parser.add_argument("--steady", type=float, default=60.0, help="seconds measured before the storm")
    parser.add_argument(
        "--after", type=float, default=120.0, help="seconds the steady counters go on after it"
    )
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--storm-processes", type=int, default=2)
    args = parser.parse_args()
    if not postgres_available():
        raise SystemExit("PostgreSQL on 127.0.0.1:5432 is needed")
    with (
        tempfile.TemporaryDirectory(prefix="bench-province-") as tmp,
        scratch_database("postgres", Path(tmp)) as url,
    ):
        _, r = run(args, url)
    steady_counters = args.units * args.per_unit
    storm_total = args.storm_counters * args.storm_dossiers
    s, d, a = r["steady"], r["during"], r["after"]

    def latency(x: dict[str, float]) -> str:
        return (
            f"{x['rps']:.0f} req/s; p50 {x['p50']:.0f} ms, p95 {x['p95']:.0f} ms, p99 {x['p99']:.0f} ms "
            f"(push {x['push_p99']:.0f}, pull {x['pull_p99']:.0f}), max {x['max']:.0f} ms ({x['requests']:,} req); "
            f"p99 inside the server {x['server_p99']:.0f} ms"
        )

    cpu_s, cpu_d = r["cpu_steady"], r["cpu_storm"]
    rows = [
        (
            f"steady: {steady_counters} counters of {args.units} units, pull every ~{args.pull_every:g} s, "
            f"one change every ~{args.push_every:g} s each",
            latency(s) + f"; CPU: server {cpu_s[0]:.2f} cores, PostgreSQL {cpu_s[1]:.2f} cores",
            "p99 < 200 ms",
            "ok" if s["p99"] < 200 else "MISSED",
        ),
        (
            f"storm: {args.storm_counters} counters back with {args.storm_dossiers} queued dossiers each "
            f"({storm_total:,}), batches of {PUSH_BATCH}",
            f"all applied in {r['storm_s']:.1f} s ({r['storm_applied'] / r['storm_s']:,.0f} dossiers/s; p99 of a "
            f"batch {r['storm_batch_p99']:.0f} ms); storm counters' feeds downloaded after {r['storm_caught_up_s']:.1f} s; "
            f"CPU: server {cpu_d[0]:.2f} cores, PostgreSQL {cpu_d[1]:.2f} cores",
            "< 30 s",
            "ok" if r["storm_s"] < 30 else "MISSED",
        ),
        ("steady counters during the storm", latency(d), "p99 < 1 s", "ok" if d["p99"] < 1000 else "MISSED"),
        ("steady counters after the storm", latency(a), "(reported)", "-"),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"Province benchmark, {datetime.now():%Y-%m-%d}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL {r['pg_version']}, {r['workers']} server processes "
        f"(`--workers {args.workers}`), server, database and clients on one machine (loopback); "
        f"load average at the end {load}.",
        f"Changes pushed by the steady counters: {r['counts']['dossier.create']:,} receipts and "
        f"{r['counts']['dossier.event']:,} steps; {r['stored']:,} dossiers stored, every change applied once "
        f"(database {r['size'] / 2**20:,.0f} MiB, {r['size'] / max(1, r['stored']) / 1024:.1f} KiB a dossier); "
        f"{r['retries']} requests sent again on a new connection (the server had closed the idle one).",
        "",
        "| scenario | result | target | verdict |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {v} |" for a, b, c, v in rows),
    ]
    table = "\n".join(lines)
    print(table)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
