"""Digitised papers' upload benchmark: throughput of one large file, and a unit's day of 1,000 papers, from a
counter to the real server process on loopback (SQLite), through the same sync engine the counter runs.

Run: .venv/bin/python -m bench.bench_attachments [--big-mb 100] [--papers 1000]
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Person, Procedure, UnitConfig
from counter_app.core.roles import Role
from counter_app.server.admin import add_counter
from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess
from counter_app.server.schema import migrate
from counter_app.storage.store import CounterStore
from counter_app.sync.engine import SyncEngine
from counter_app.sync.enrol import join_server

AGENCY = "000.00.06.H56"
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", duration=3)
DAY = datetime(2026, 11, 23, 7, 30)
PAPER_BYTES = 150 * 1024  # a corrected A4 page in grey is 130–160 KB (bench_page_scan)


def noise(size: int, seed: int) -> bytes:
    out = bytearray()
    block = hashlib.sha256(f"paper-{seed}".encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 128
    return bytes(out[:size])


def counter(folder: Path, url: str, admin) -> CounterStore:  # type: ignore[no-untyped-def]
    store = CounterStore(folder)
    store.set_unit(
        UnitConfig(AGENCY, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU", "UBND PHƯỜNG MẪU", "Phường Mẫu", 1)
    )
    store.replace_catalogue([PROCEDURE])
    store.accounts.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, "so-ho-tich-2026", by="canbo")
    join_server(store, url, add_counter(admin, AGENCY, 1))
    return store


def received(store: CounterStore, count: int) -> list[str]:
    ids = []
    for i in range(count):
        at = DAY + timedelta(seconds=20 * i)
        draft = new_dossier(
            agency_id=AGENCY, procedure=PROCEDURE, applicant=Person(f"Công dân {i}"), at=at, officer="canbo",
            counter=1,
        )  # fmt: skip
        ids.append(
            store.dossiers.create(
                lambda allocate, d=draft, t=at: receive(d, allocate(t.date()), t), "canbo"
            ).id
        )
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big-mb", type=int, default=50)  # under the 60 MB limit of a paper
    parser.add_argument("--papers", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        url = f"sqlite:///{root / 'server.sqlite3'}"
        db = open_database(url, pool_size=4)
        migrate(db)
        admin = bind_models(db)
        with ServerProcess(url, files_dir=root / "files", extra_args=["--no-portal"]) as server:
            store = counter(root / "counter", server.url, admin)
            ids = received(store, args.papers)
            engine = SyncEngine(store)
            engine.cycle()  # the dossiers first: what is timed is the papers

            big = noise(args.big_mb * 1024 * 1024, 0)
            store.attachments.add(ids[0], kind="result", component=None, name="Kết quả", data=big, pages=1,
                                  officer="canbo", at=DAY)  # fmt: skip
            engine.push()
            start = time.perf_counter()
            report = engine.cycle()
            big_s = time.perf_counter() - start
            assert report.files_sent == 1, report

            for i, dossier_id in enumerate(ids):
                store.attachments.add(dossier_id, kind="component", component=1, name="Tờ khai",
                                      data=noise(PAPER_BYTES, i + 1), pages=1, officer="canbo", at=DAY)  # fmt: skip
            start = time.perf_counter()
            sent = 0
            while sent < args.papers:
                report = engine.cycle()
                assert report.ok, report
                sent += report.files_sent
            day_s = time.perf_counter() - start
            engine.close()
            store.close()
        db.close_all()
    print("| measure | result | target |")
    print("|---|---|---|")
    print(
        f"| one {args.big_mb} MB file, 4 MiB chunks | {args.big_mb / big_s:.0f} MB/s ({big_s:.1f} s) | ≥ 20 MB/s |"
    )
    print(
        f"| {args.papers} papers of {PAPER_BYTES // 1024} KB (records pushed, files uploaded) | {day_s:.1f} s "
        f"({args.papers * PAPER_BYTES / 1024 / 1024 / day_s:.0f} MB/s) | < 60 s |"
    )


if __name__ == "__main__":
    main()
