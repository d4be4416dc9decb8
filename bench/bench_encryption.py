"""Encryption benchmark: receive and search on the same profile, plain SQLite against SQLCipher, side by side.

Run: .venv/bin/python -m bench.bench_encryption [--size 100000] [--keep DIR]
Both profiles are filled with the same dossiers (same seed); the encrypted one gets its key from an in-memory
key store (bench/memory_keyring.py). Target: encrypted receive and search at most 25 % slower than plain.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person
from counter_app.storage.cipher import cipher_version, looks_encrypted
from counter_app.storage.demo import ensure_demo_profile
from counter_app.storage.store import CounterStore

from .bench_storage import GIVEN, _name, _pct, fill

BACKENDS = {"plain": "keyring.backends.fail.Keyring", "encrypted": "bench.memory_keyring.MemoryKeyring"}
RECEIPTS = 200
TARGET = 1.25


def measure(mode: str, size: int, root: Path) -> dict[str, float]:
    os.environ["PYTHON_KEYRING_BACKEND"] = BACKENDS[mode]
    rng = random.Random(7)
    folder = root / mode
    store = CounterStore(folder)
    ensure_demo_profile(store)
    t0 = time.perf_counter()
    fill(store, size, rng)
    fill_s = time.perf_counter() - t0
    store.checkpoint()
    store.close()
    assert looks_encrypted(folder / "counter.sqlite3") == (mode == "encrypted")
    t0 = time.perf_counter()
    store = CounterStore(folder)  # the check at open reads the whole file (quick_check)
    open_s = time.perf_counter() - t0
    unit, procedure = store.require_unit(), store.procedure("1.001193")
    receive_ms = []
    for _ in range(RECEIPTS):
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=procedure,
            applicant=Person(_name(rng), "001090012345"),
            at=datetime(2026, 11, 30, 9, 0),
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
    ids_ms, search_ms = [], []
    for q in queries:
        t = time.perf_counter()
        store.dossiers.search_ids(q, limit=50)
        ids_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        store.dossiers.search(q, limit=50)
        search_ms.append((time.perf_counter() - t) * 1000)
    store.checkpoint()
    size_mb = store.path.stat().st_size / 2**20
    store.close()
    return {
        "fill_s": fill_s,
        "open_s": open_s,
        "receive_p50": statistics.median(receive_ms),
        "receive_p95": _pct(receive_ms, 0.95),
        "ids_p50": statistics.median(ids_ms),
        "ids_p95": _pct(ids_ms, 0.95),
        "search_p50": statistics.median(search_ms),
        "search_p95": _pct(search_ms, 0.95),
        "size_mb": size_mb,
    }


def _load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the filled profiles here")
    args = parser.parse_args()
    saved = os.environ.get("PYTHON_KEYRING_BACKEND")
    load_before = _load()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = args.keep or Path(tmp)
            results = {mode: measure(mode, args.size, root) for mode in BACKENDS}
    finally:
        if saved is None:
            os.environ.pop("PYTHON_KEYRING_BACKEND", None)
        else:
            os.environ["PYTHON_KEYRING_BACKEND"] = saved
    rows = [
        ("receive p50 ms", "receive_p50"),
        ("receive p95 ms", "receive_p95"),
        ("search IDs p50 ms", "ids_p50"),
        ("search IDs p95 ms", "ids_p95"),
        ("search + load 50 p50 ms", "search_p50"),
        ("search + load 50 p95 ms", "search_p95"),
        ("open (quick_check) s", "open_s"),
        ("fill s", "fill_s"),
        ("file MiB", "size_mb"),
    ]
    print(
        f"{args.size:,} dossiers, SQLCipher {cipher_version()}, load (1/5/15 min) {load_before} → {_load()}"
    )
    print("| measure | plain | encrypted | encrypted / plain |")
    print("|---|---|---|---|")
    for label, name in rows:
        plain, encrypted = results["plain"][name], results["encrypted"][name]
        ratio = encrypted / plain if plain else float("nan")
        print(f"| {label} | {plain:.2f} | {encrypted:.2f} | {ratio:.2f} |", flush=True)
    worst = max(results["encrypted"][n] / results["plain"][n] for _, n in rows[:6])
    verdict = "met" if worst <= TARGET else "missed"
    print(
        f"\nTarget (receive and search at most {TARGET - 1:.0%} slower): {verdict}, worst ratio {worst:.2f}."
    )


if __name__ == "__main__":
    main()
