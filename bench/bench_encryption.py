"""Encryption benchmark: receive, search and open on the same profile, plain SQLite against SQLCipher.

Run: .venv/bin/python -m bench.bench_encryption [--size 100000] [--rounds 6] [--keep DIR]
Two profiles are filled with the same dossiers (same seed); the encrypted one gets its key from an in-memory key
store (bench/memory_keyring.py), so with --keep only the plain one is reused. Each mode's store is then opened
once and kept open, as the counter window keeps it all day; every receipt and every search is done in each mode
in turn, so that a burst of load on the (shared) machine falls on all of them. The first round after the open (cold
page cache) is reported apart from the others (warm), and opening a store (with its full quick_check) is timed
on its own. A third mode opens the plain file through SQLCipher's own SQLite
without a key: Python's sqlite3 and SQLCipher are different SQLite releases, and that line separates the cost of
the encryption from the difference between the releases. Target: encrypted receive and search at most 25 %
slower than plain.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from unittest import mock

from playhouse.sqlcipher_ext import SqlCipherDatabase

from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person
from counter_app.storage import database
from counter_app.storage.cipher import cipher_version, looks_encrypted
from counter_app.storage.demo import ensure_demo_profile
from counter_app.storage.keystore import KeyMissingError
from counter_app.storage.store import CounterStore

from .bench_storage import GIVEN, _name, _pct, fill

PLAIN, ENCRYPTED, SAME_ENGINE = "plain (sqlite3)", "encrypted (SQLCipher)", "plain through SQLCipher, no key"
BACKENDS = {PLAIN: "keyring.backends.fail.Keyring", ENCRYPTED: "bench.memory_keyring.MemoryKeyring"}
FOLDERS = {PLAIN: "plain", ENCRYPTED: "encrypted", SAME_ENGINE: "plain"}
MODES = (PLAIN, ENCRYPTED, SAME_ENGINE)
RECEIPTS_PER_ROUND = 50
TARGET = 1.25


@contextmanager
def mode_of(mode: str) -> Iterator[None]:
    os.environ["PYTHON_KEYRING_BACKEND"] = BACKENDS.get(mode, BACKENDS[PLAIN])
    if mode != SAME_ENGINE:
        yield
        return

    def keyless(path: object, key: object, pragmas: dict[str, object], **kwargs: object) -> SqlCipherDatabase:
        return SqlCipherDatabase(str(path), pragmas=dict(pragmas), check_same_thread=False)

    with mock.patch.object(database, "peewee_database", keyless):
        yield


def prepare(mode: str, size: int, root: Path) -> float:
    """Fill the mode's profile (kept across runs with --keep); returns the seconds it took."""
    with mode_of(mode):
        try:
            store = CounterStore(root / FOLDERS[mode])
        except KeyMissingError:  # an encrypted profile of an earlier run: its key lived in that run's memory
            shutil.rmtree(root / FOLDERS[mode])
            store = CounterStore(root / FOLDERS[mode])
        ensure_demo_profile(store)
        t0 = time.perf_counter()
        fill(store, size, random.Random(7))
        store.checkpoint()
        store.close()
    assert looks_encrypted(root / FOLDERS[mode] / "counter.sqlite3") == (mode == ENCRYPTED)
    return time.perf_counter() - t0


def time_open(mode: str, root: Path) -> float:
    """Milliseconds to open the mode's store: key store, the check at open (quick_check reads every page)."""
    with mode_of(mode):
        t0 = time.perf_counter()
        store = CounterStore(root / FOLDERS[mode])
        elapsed = (time.perf_counter() - t0) * 1000
        store.close()
    return elapsed


def one_round(
    stores: dict[str, CounterStore], rng: random.Random, into: dict[str, dict[str, list[float]]]
) -> None:
    """50 receipts and 64 searches, each done in every mode in turn (a burst of load falls on all of them)."""
    for _ in range(RECEIPTS_PER_ROUND):
        name = _name(rng)
        for mode, store in stores.items():
            unit, procedure = store.require_unit(), store.procedure("1.001193")
            draft = new_dossier(
                agency_id=unit.agency_id,
                procedure=procedure,
                applicant=Person(name, "001090012345"),
                at=datetime(2026, 11, 30, 9, 0),
                officer="canbo",
                counter=unit.counter,
                components=full_set(procedure),
            )
            with mode_of(mode):
                t = time.perf_counter()
                store.receive(draft)
                into[mode]["receive"].append((time.perf_counter() - t) * 1000)
    queries = [_name(rng).lower() for _ in range(40)] + [rng.choice(GIVEN) for _ in range(20)]
    for q in [*queries, "nguyen van", "tran thi", "0010", "09"]:
        for mode, store in stores.items():
            t = time.perf_counter()
            store.dossiers.search_ids(q, limit=50)
            into[mode]["ids"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            store.dossiers.search(q, limit=50)
            into[mode]["search"].append((time.perf_counter() - t) * 1000)


def _load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def measure(size: int, rounds: int, root: Path) -> tuple[dict[str, float], dict[str, dict[str, list[float]]]]:
    """Fill, time the opens, then alternate rounds on stores kept open: samples per mode, "cold" and "warm"."""
    fill_s = {m: prepare(m, size, root) for m in (PLAIN, ENCRYPTED)}
    samples: dict[str, dict[str, list[float]]] = {m: {} for m in MODES}
    for _ in range(3):
        for mode in MODES:
            samples[mode].setdefault("open", []).append(time_open(mode, root))
    stores = {}
    for mode in MODES:
        with mode_of(mode):
            stores[mode] = CounterStore(root / FOLDERS[mode])
    try:
        rng = random.Random(11)
        for r in range(rounds):
            bucket: dict[str, dict[str, list[float]]] = {
                m: {"receive": [], "ids": [], "search": []} for m in MODES
            }
            one_round(stores, rng, bucket)
            for mode in MODES:
                for key, values in bucket[mode].items():
                    samples[mode].setdefault(f"{'cold' if r == 0 else 'warm'} {key}", []).extend(values)
    finally:
        for store in stores.values():
            store.close()
    return fill_s, samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep (and reuse) the filled plain profile here"
    )
    args = parser.parse_args()
    saved = os.environ.get("PYTHON_KEYRING_BACKEND")
    load_before = _load()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = args.keep or Path(tmp)
            root.mkdir(parents=True, exist_ok=True)
            fill_s, samples = measure(args.size, max(2, args.rounds), root)
            sizes = {m: (root / FOLDERS[m] / "counter.sqlite3").stat().st_size / 2**20 for m in MODES}
    finally:
        if saved is None:
            os.environ.pop("PYTHON_KEYRING_BACKEND", None)
        else:
            os.environ["PYTHON_KEYRING_BACKEND"] = saved
    print(
        f"{args.size:,} dossiers, {args.rounds} alternating rounds; Python's SQLite {sqlite3.sqlite_version}, "
        f"SQLCipher {cipher_version()}; load (1/5/15 min) {load_before} → {_load()}; fill s: "
        + ", ".join(f"{m} {s:.0f}" for m, s in fill_s.items())
    )
    print(f"| measure | {' | '.join(MODES)} | encrypted / plain | encrypted / same engine |")
    print("|---|---|---|---|---|---|")
    ratios = []
    for phase in ("warm", "cold"):
        for label, key, q in (
            ("receive p50 ms", "receive", 0.5),
            ("receive p95 ms", "receive", 0.95),
            ("search IDs p50 ms", "ids", 0.5),
            ("search IDs p95 ms", "ids", 0.95),
            ("search + load 50 p50 ms", "search", 0.5),
            ("search + load 50 p95 ms", "search", 0.95),
        ):
            series = [samples[m][f"{phase} {key}"] for m in MODES]
            values = [statistics.median(v) if q == 0.5 else _pct(v, q) for v in series]
            ratio = values[1] / values[0]
            if phase == "warm":
                ratios.append(ratio)
            cells = " | ".join(f"{v:.2f}" for v in values)
            print(f"| {phase}: {label} | {cells} | {ratio:.2f} | {values[1] / values[2]:.2f} |")
    opens = [statistics.median(samples[m]["open"]) for m in MODES]
    print(
        f"| open, with the full quick_check, ms (median of 3) | {' | '.join(f'{v:.0f}' for v in opens)} | "
        f"{opens[1] / opens[0]:.2f} | {opens[1] / opens[2]:.2f} |"
    )
    print(f"| file MiB | {' | '.join(f'{sizes[m]:.0f}' for m in MODES)} | | |")
    worst = max(ratios)
    verdict = "met" if worst <= TARGET else "missed"
    print(
        f"\nTarget (warm receive and search at most {TARGET - 1:.0%} slower): {verdict}, worst ratio {worst:.2f}."
    )


if __name__ == "__main__":
    main()
