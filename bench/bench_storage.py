"""Storage benchmark: receive latency, search latency over 100k and 1M dossiers, database size per dossier.

Run: .venv/bin/python -m bench.bench_storage [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.model import Person
from counter_app.storage.demo import ensure_demo_profile
from counter_app.storage.store import CounterStore

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Quốc", "Thu", "Bảo"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phong",
    "Phúc",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Yến",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def fill(store: CounterStore, count: int, rng: random.Random) -> None:
    """Insert `count` received dossiers quickly (batched transactions, same rows as a real receipt)."""
    unit = store.require_unit()
    procedures = store.procedures()
    start = datetime(2024, 1, 2, 8, 0)
    done = store.dossiers.count()
    batch = 5000
    while done < count:
        with store.db.atomic():
            for i in range(done, min(count, done + batch)):
                p = procedures[i % len(procedures)]
                at = start + timedelta(minutes=7 * i)
                draft = new_dossier(
                    agency_id=unit.agency_id,
                    procedure=p,
                    officer="canbo",
                    counter=unit.counter,
                    applicant=Person(
                        _name(rng), f"0010{rng.randrange(10**8):08d}", phone=f"09{rng.randrange(10**8):08d}"
                    ),
                    at=at,
                    components=full_set(p),
                )
                code = store.dossiers.next_code(unit.agency_id, at.date(), unit.counter)
                store.dossiers._insert(receive(draft, code, at + timedelta(days=3)))
        done = min(count, done + batch)


def measure(size: int, rng: random.Random, root: Path) -> dict[str, float]:
    folder = root / f"n{size}"
    folder.mkdir(exist_ok=True)  # with --keep, a database filled by an earlier run is reused
    store = CounterStore(folder)
    ensure_demo_profile(store)
    t0 = time.perf_counter()
    fill(store, size, rng)
    fill_s = time.perf_counter() - t0
    unit = store.require_unit()
    procedure = store.procedure("1.001193")
    receive_ms = []
    for _ in range(200):
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=procedure,
            applicant=Person(_name(rng), "001090012345"),
            at=datetime.now().replace(microsecond=0),
            officer="canbo",
            counter=unit.counter,
            components=full_set(procedure),
        )
        t = time.perf_counter()
        store.receive(draft)
        receive_ms.append((time.perf_counter() - t) * 1000)
    queries = (
        [_name(rng).lower() for _ in range(100)]
        + [rng.choice(GIVEN) for _ in range(50)]
        + ["nguyen van", "tran thi", "0010", "09"]
    )
    search_ms, ids_ms = [], []
    for q in queries:
        t = time.perf_counter()
        store.dossiers.search_ids(q, limit=50)
        ids_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        store.dossiers.search(q, limit=50)
        search_ms.append((time.perf_counter() - t) * 1000)
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size_bytes = store.path.stat().st_size
    store.close()
    return {
        "size": size,
        "fill_s": fill_s,
        "receive_p50": statistics.median(receive_ms),
        "receive_p95": _pct(receive_ms, 0.95),
        "ids_p50": statistics.median(ids_ms),
        "ids_p95": _pct(ids_ms, 0.95),
        "search_p50": statistics.median(search_ms),
        "search_p95": _pct(search_ms, 0.95),
        "bytes_per_dossier": size_bytes / (size + 200),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the filled databases here")
    args = parser.parse_args()
    rng = random.Random(7)
    print(
        "| dossiers | receive p50 ms | receive p95 ms | search IDs p50 / p95 ms | search + load 50 dossiers"
        " p50 / p95 ms | bytes/dossier | fill s |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            r = measure(size, rng, root)
            print(
                f"| {size:,} | {r['receive_p50']:.2f} | {r['receive_p95']:.2f} | {r['ids_p50']:.2f} / "
                f"{r['ids_p95']:.2f} | {r['search_p50']:.2f} / {r['search_p95']:.2f} | "
                f"{r['bytes_per_dossier']:.0f} | {r['fill_s']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
