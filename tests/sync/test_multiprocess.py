"""Several server processes on one PostgreSQL database: counters pushing and pulling through all of them (a
round-robin proxy hands each request to the next process) keep every guarantee of one process: every change
applied exactly once, every feed page complete in commit order, a revoked counter refused by every process, and
failed authentications counted together."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from roundrobin_proxy import RoundRobinProxy
from sync_support import AGENCY, DAY, PROCEDURE, Counters, assert_converged, receive_many, sync_until_quiet

from counter_app.core.ids import new_id
from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Person, Status
from counter_app.core.serial import dossier_to_dict
from counter_app.core.wire import Change, Result, time_text, utc_now
from counter_app.server.admin import add_counter, enrol_installation, lock_agency, revoke_counter
from counter_app.server.apply import BatchApplier
from counter_app.server.database import write_transaction
from counter_app.server.guard import FAILURES_ALLOWED, FIRST_BLOCK_S
from counter_app.server.process import ServerProcess
from counter_app.server.writer import PushWriter
from counter_app.storage.outbox import SyncStateRepository
from counter_app.storage.store import CounterStore
from counter_app.sync.engine import SyncEngine
from counter_app.sync.settings import server_settings

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def backend() -> str:
    """Several processes are for PostgreSQL: every test here runs on it (a SQLite server refuses --workers)."""
    return "postgres"


def start_processes(stack: ExitStack, url: str, count: int) -> list[ServerProcess]:
    return [stack.enter_context(ServerProcess(url, extra_args=["--no-portal"])) for _ in range(count)]


def credential_of(store: CounterStore) -> str:
    settings = server_settings(SyncStateRepository(store.db, store.models))
    assert settings is not None
    return settings.token


def bearer(credential: str, address: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {credential}"}
    if address is not None:  # the server trusts X-Forwarded-For from loopback, as behind nginx
        headers["X-Forwarded-For"] = address
    return headers


def enrolled(url: str, admin: SimpleNamespace, number: int) -> str:
    answer = httpx.post(f"{url}/v1/enrol", headers=bearer(add_counter(admin, AGENCY, number)), timeout=30)
    answer.raise_for_status()
    return str(answer.json()["credential"])


def create_change(counter: int, number: int) -> dict[str, Any]:
    """A counter's `dossier.create` as its outbox sends it: a received dossier with its code in the counter's slot."""
    at = DAY + timedelta(seconds=number)
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=PROCEDURE,
        applicant=Person(f"Trần Thị {number}"),
        at=at,
        officer="canbo",
        counter=counter,
    )
    d = receive(draft, f"{AGENCY}-{at:%y%m%d}-{counter:02d}{number:02d}", at + timedelta(days=3))
    return {
        "change_id": new_id(),
        "kind": "dossier.create",
        "dossier_id": d.id,
        "counter": counter,
        "officer": "canbo",
        "created_at": at.isoformat(timespec="seconds"),
        "payload": dossier_to_dict(d),
    }


def item_key(item: dict[str, Any]) -> tuple[str, str]:
    kind = str(item["kind"])
    if kind == "dossier":
        return kind, str(item["dossier"]["id"])
    if kind == "portal":
        return kind, str(item["dossier_id"])
    return kind, str(item.get("day", ""))


class FeedWatcher:
    """Reads the agency's feed in small pages while counters push, keeping every page: `(after, cursor, items)`."""

    def __init__(self, url: str, credential: str, limit: int = 4) -> None:
        self.url, self.credential, self.limit = url, credential, limit
        self.pages: list[tuple[int, int, dict[tuple[str, str], int]]] = []
        self.stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-watcher", daemon=True)

    def start(self) -> FeedWatcher:
        self._thread.start()
        return self

    def finish(self, timeout: float = 120) -> None:
        self.stop.set()
        self._thread.join(timeout)
        assert not self._thread.is_alive()

    def _run(self) -> None:
        cursor = 0
        with httpx.Client(base_url=self.url, headers=bearer(self.credential), timeout=30) as http:
            while True:
                stopping = self.stop.is_set()
                answer = http.get("/v1/pull", params={"cursor": cursor, "limit": self.limit})
                answer.raise_for_status()
                page = answer.json()
                items = {item_key(i): int(i["cursor"]) for i in page["items"]}
                self.pages.append((cursor, int(page["cursor"]), items))
                cursor = int(page["cursor"])
                if stopping and not page["more"]:
                    return


def read_pages(url: str, credential: str, limit: int) -> list[tuple[int, int, dict[tuple[str, str], int]]]:
    pages = []
    cursor = 0
    with httpx.Client(base_url=url, headers=bearer(credential), timeout=30) as http:
        while True:
            page = http.get("/v1/pull", params={"cursor": cursor, "limit": limit}).json()
            pages.append(
                (cursor, int(page["cursor"]), {item_key(i): int(i["cursor"]) for i in page["items"]})
            )
            cursor = int(page["cursor"])
            if not page["more"]:
                return pages


def assert_pages_complete(
    admin: SimpleNamespace, pages: list[tuple[int, int, dict[tuple[str, str], int]]]
) -> None:
    """Every page holds exactly the feed entries between its cursors (the newest of each item once), the pages
    follow each other without a gap, and the last one ends at the agency's last entry: no log entry was skipped,
    not even one committed by another process while the page was read."""
    L = admin.ChangeLog
    log = [
        (r.log_id, r.kind, r.item_key)
        for r in L.select(L.log_id, L.kind, L.item_key).where(L.agency_id == AGENCY).order_by(L.log_id)
    ]
    assert log, "the feed is empty"
    previous_end = 0
    for after, cursor, items in pages:
        assert after == previous_end
        expected: dict[tuple[str, str], int] = {}
        for log_id, kind, key in log:
            if after < log_id <= cursor:
                expected[(kind, key)] = log_id
        assert items == expected, f"page after {after} up to {cursor}"
        previous_end = cursor
    assert previous_end == log[-1][0]


def test_counters_through_three_processes_keep_every_guarantee(
    counters: Counters, admin: SimpleNamespace, server_db: str
) -> None:
    with ExitStack() as stack:
        servers = start_processes(stack, server_db, 3)
        proxy = stack.enter_context(RoundRobinProxy([s.port for s in servers]))
        stores = [counters.new(n, proxy.url) for n in range(1, 6)]
        watcher = FeedWatcher(proxy.url, enrolled(proxy.url, admin, 9)).start()

        def work(store: CounterStore) -> SyncEngine:
            number = store.require_unit().counter
            engine = SyncEngine(store, batch_size=6, pull_limit=7)
            for turn in range(6):
                made = receive_many(
                    store, 8, at=DAY + timedelta(minutes=10 * turn), prefix=f"Quầy {number}/{turn}"
                )
                for d in made[::3]:
                    store.advance(d.code, Status.PROCESSING, officer="xuly", unit="Tư pháp")
                engine.cycle()
            return engine

        with ThreadPoolExecutor(len(stores)) as pool:
            engines = list(pool.map(work, stores))
        sync_until_quiet(engines, rounds=30)
        watcher.finish()

        assert_converged(
            admin, stores
        )  # every change exactly once, every counter holds what the server holds
        assert admin.Dossier.select().count() == 5 * 6 * 8
        assert min(proxy.sent[s.port] for s in servers) > 0.25 * sum(proxy.sent.values())
        assert len(watcher.pages) > 20
        assert_pages_complete(admin, watcher.pages)  # pages read while three processes committed
        assert_pages_complete(admin, read_pages(proxy.url, credential_of(stores[0]), limit=5))

        # A burst: twelve counters pushing small batches as fast as they can through the three processes, two
        # readers pulling small pages meanwhile; every page they read must be whole.
        burst = [FeedWatcher(proxy.url, enrolled(proxy.url, admin, n), limit=3).start() for n in (10, 11)]
        credentials = {n: enrolled(proxy.url, admin, n) for n in range(12, 24)}

        def push_fast(number: int) -> None:
            with httpx.Client(base_url=proxy.url, headers=bearer(credentials[number]), timeout=60) as http:
                for turn in range(15):
                    batch = [create_change(number, 4 * turn + i + 1) for i in range(4)]
                    answer = http.post("/v1/push", json={"changes": batch})
                    assert [r["result"] for r in answer.json()["results"]] == ["applied"] * 4

        with ThreadPoolExecutor(len(credentials)) as pool:
            list(pool.map(push_fast, credentials))
        for reader in burst:
            reader.finish()
            assert_pages_complete(admin, reader.pages)
        assert admin.Dossier.select().count() == 5 * 6 * 8 + 12 * 15 * 4

        # A revoked counter is refused by every process at once.
        revoked = credential_of(stores[4])
        revoke_counter(admin, AGENCY, 5)
        for s in servers:
            pull = httpx.get(f"{s.url}/v1/pull", headers=bearer(revoked), timeout=30)
            push = httpx.post(f"{s.url}/v1/push", headers=bearer(revoked), json={"changes": []}, timeout=30)
            assert (pull.status_code, pull.json()) == (401, {"error": "auth.revoked"})
            assert (push.status_code, push.json()) == (401, {"error": "auth.revoked"})

        # Failures from one address spread over the three processes block it on all of them.
        guesser, good = "203.0.113.9", credential_of(stores[0])
        spread_before = dict(proxy.sent)
        refused = [
            httpx.get(f"{proxy.url}/v1/pull", headers=bearer(f"guess-{i}", guesser), timeout=30).status_code
            for i in range(FAILURES_ALLOWED)
        ]
        assert refused == [401] * FAILURES_ALLOWED
        assert all(proxy.sent[s.port] - spread_before.get(s.port, 0) <= 4 for s in servers)
        for s in servers:
            blocked = httpx.get(f"{s.url}/v1/pull", headers=bearer(good, guesser), timeout=30)
            assert blocked.status_code == 429 and blocked.json() == {"error": "auth.throttled"}
            assert 1 <= int(blocked.headers["retry-after"]) <= FIRST_BLOCK_S
            assert httpx.get(f"{s.url}/v1/pull", headers=bearer(good), timeout=30).status_code == 200


def send_together(
    server: ServerProcess, credential: str, batch: list[dict[str, Any]], start: threading.Barrier
) -> httpx.Response:
    start.wait(30)
    return httpx.post(
        f"{server.url}/v1/push", headers=bearer(credential), json={"changes": batch}, timeout=60
    )


def test_one_batch_sent_to_two_processes_at_once_is_applied_once(
    admin: SimpleNamespace, server_db: str
) -> None:
    with ExitStack() as stack:
        servers = start_processes(stack, server_db, 2)
        credential = enrolled(servers[0].url, admin, 1)
        number = 0
        for _ in range(8):  # a counter whose answer was lost sends the batch again, to the other process
            batch = []
            for _ in range(20):
                number += 1
                batch.append(create_change(1, number))
            start = threading.Barrier(2)
            with ThreadPoolExecutor(2) as pool:
                answers = list(pool.map(send_together, servers, [credential] * 2, [batch] * 2, [start] * 2))
            assert [a.status_code for a in answers] == [200, 200]
            results = [a.json()["results"] for a in answers]
            for i, change in enumerate(batch):
                got = sorted((r[i]["result"], r[i]["original"]) for r in results)
                assert got == [("applied", ""), ("duplicate", "applied")], change["change_id"]
    assert admin.Change.select().count() == admin.Dossier.select().count() == number
    assert admin.ChangeLog.select().where(admin.ChangeLog.kind == "dossier").count() == number
    assert {r.result for r in admin.Change.select(admin.Change.result)} == {"applied"}


def test_a_unique_key_refusing_the_writer_is_answered_as_a_duplicate(admin: SimpleNamespace) -> None:
    """Batches of one agency take turns under its feed lock, in every process. A batch copied to a counter of
    another agency does not wait for that lock: its writer waits on the unique keys instead, until the first
    process commits, and its insert then fails with a unique violation. It is judged again and answered
    `duplicate` (it used to be a server error)."""
    m, db = admin, admin.db
    first_caller = enrol_installation(m, add_counter(m, AGENCY, 2)).caller
    copied = enrol_installation(m, add_counter(m, "000.00.07.H56", 2)).credential
    changes = [Change(**create_change(2, n)) for n in range(1, 6)]
    applied, release = threading.Event(), threading.Event()

    def other_process() -> list[Any]:  # what the first process's writer does, its commit held back
        with db.connection_context(), write_transaction(db):
            lock_agency(m, AGENCY)
            results = BatchApplier(m, first_caller, time_text(utc_now())).apply(changes)
            applied.set()
            assert release.wait(60)
        return results

    writer = PushWriter(m)
    try:
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(other_process)
            assert applied.wait(60)
            ours = writer.enqueue(copied, changes)
            deadline = time.monotonic() + 60
            with db.connection_context():
                while not waiting_on_a_lock(db):
                    assert time.monotonic() < deadline, "the writer never reached the unique key"
                    time.sleep(0.02)
            release.set()
            assert [r.result for r in first.result(60)] == [Result.APPLIED] * 5
            answers = ours.result(60)
    finally:
        writer.close()
    assert [(r.result, r.original) for r in answers] == [(Result.DUPLICATE, "applied")] * 5
    assert m.Change.select().count() == 5 and m.Dossier.select().count() == 5


def waiting_on_a_lock(db: Any) -> bool:
    row = db.execute_sql(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    ).fetchone()
    return bool(row[0])


def make_certificate(folder: Path) -> tuple[Path, Path]:
    import subprocess

    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def wait_for_lines(server: ServerProcess, pattern: str, count: int, timeout: float = 90) -> list[str]:
    deadline = time.monotonic() + timeout
    while True:
        found = [line for line in list(server.log) if re.search(pattern, line)]
        if len(found) >= count:
            return found
        assert time.monotonic() < deadline, "\n".join(server.log[-30:])
        time.sleep(0.05)


@pytest.fixture
def two_workers(server_db: str, admin: SimpleNamespace, tmp_path: Path) -> Iterator[SimpleNamespace]:
    cert, key = make_certificate(tmp_path)
    args = ["--workers", "2", "--api-docs", "--body-timeout", "1", "--portal-interval", "0.5"]
    with ServerProcess(server_db, extra_args=args, certfile=cert, keyfile=key) as server:
        started = wait_for_lines(server, r"Started server process \[\d+\]", 2)
        wait_for_lines(server, r"Application startup complete", 2)
        yield SimpleNamespace(server=server, cert=cert, started=started)


def test_workers_flag_runs_processes_that_keep_the_other_options(
    two_workers: SimpleNamespace, admin: SimpleNamespace
) -> None:
    import socket
    import ssl

    server, cert = two_workers.server, two_workers.cert
    pids = {int(m.group(1)) for line in two_workers.started if (m := re.search(r"\[(\d+)\]", line))}
    assert len(pids) == 2 and server.process is not None and server.process.pid not in pids
    verify = ssl.create_default_context(cafile=str(cert))
    with httpx.Client(base_url=server.url, verify=verify, timeout=30) as http:
        assert http.get("/docs").status_code == 200  # --api-docs reached the workers
        credential = http.post("/v1/enrol", headers=bearer(add_counter(admin, AGENCY, 3))).json()[
            "credential"
        ]
        batch = [create_change(3, n) for n in range(1, 11)]
        pushed = http.post("/v1/push", headers=bearer(credential), json={"changes": batch}).json()
        assert [r["result"] for r in pushed["results"]] == ["applied"] * 10
        pulled = http.get("/v1/pull", headers=bearer(credential), params={"cursor": 0, "limit": 100}).json()
        assert sorted(i["dossier"]["id"] for i in pulled["items"]) == sorted(c["dossier_id"] for c in batch)

    # --body-timeout reached the workers too: a body that stops half-way is answered 408 after a second.
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=30) as raw,
        verify.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        tls.sendall(
            b"POST /v1/audit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {credential}\r\nContent-Length: 100\r\n\r\n".encode()
            + b'{"chain_id": '
        )
        received = b""
        while chunk := tls.recv(65536):  # the server closes the connection after its 408
            received += chunk
    answer = received.decode()
    assert answer.startswith("HTTP/1.1 408") and "request.timeout" in answer
