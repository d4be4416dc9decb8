"""Encryption benchmark: receive, search and open on the same profile, plain SQLite against SQLCipher.

Run: .venv/bin/python -m bench.bench_encryption [--size 100000] [--rounds 4] [--keep DIR]
Two profiles are filled with the same dossiers (same seed); the encrypted one gets its key from an in-memory key
store (bench/memory_keyring.py). The measurements then alternate between the modes, round after round, so that
a change of the machine's load falls on both. A third mode opens the plain file through SQLCipher's own SQLite
without a key: Python's sqlite3 and SQLCipher are different SQLite releases, and that line separates the cost of
the encryption from the difference between the releases. Target: encrypted receive and search at most 25 %
slower than plain.
"""

from __future__ import annotations

import argparse
import os
import random
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
from counter_app.storage.store import CounterStore

from .bench_storage import GIVEN, _name, _pct, fill

PLAIN, ENCRYPTED, SAME_ENGINE = "plain (sqlite3)", "encrypted (SQLCipher)", "plain through SQLCipher, no key"
BACKENDS = {PLAIN: "keyring.backends.fail.Keyring", ENCRYPTED: "bench.memory_keyring.MemoryKeyring"}
FOLDERS = {PLAIN: "plain", ENCRYPTED: "encrypted", SAME_ENGINE: "plain"}
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
        store = CounterStore(root / FOLDERS[mode])
        ensure_demo_profile(store)
        t0 = time.perf_counter()
        fill(store, size, random.Random(7))
        store.checkpoint()
        store.close()
    assert looks_encrypted(root / FOLDERS[mode] / "counter.sqlite3") == (mode == ENCRYPTED)
    return time.perf_counter() - t0


def one_round(mode: str, root: Path, rng: random.Random, into: dict[str, list[float]]) -> None:
    with mode_of(mode):
        t0 = time.perf_counter()
        store = CounterStore(root / FOLDERS[mode])  # the check at open reads the whole file (quick_check)
        into["open"].append((time.perf_counter() - t0) * 1000)
        try:
            unit, procedure = store.require_unit(), store.procedure("1.001193")
            for _ in range(RECEIPTS_PER_ROUND):
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
                into["receive"].append((time.perf_counter() - t) * 1000)
            queries = [_name(rng).lower() for _ in range(40)] + [rng.choice(GIVEN) for _ in range(20)]
            for q in [*queries, "nguyen van", "tran thi", "0010", "09"]:
                t = time.perf_counter()
                store.dossiers.search_ids(q, limit=50)
                into["ids"].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                store.dossiers.search(q, limit=50)
                into["search"].append((time.perf_counter() - t) * 1000)
        finally:
            store.close()


def _load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the filled profiles here")
    args = parser.parse_args()
    saved = os.environ.get("PYTHON_KEYRING_BACKEND")
    modes = (PLAIN, ENCRYPTED, SAME_ENGINE)
    samples: dict[str, dict[str, list[float]]] = {
        m: {k: [] for k in ("open", "receive", "ids", "search")} for m in modes
    }
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = args.keep or Path(tmp)
            root.mkdir(parents=True, exist_ok=True)
            fill_s = {m: prepare(m, args.size, root) for m in (PLAIN, ENCRYPTED)}
            load_before, rng = _load(), random.Random(11)
            for _ in range(args.rounds):
                for mode in modes:
                    one_round(mode, root, rng, samples[mode])
            sizes = {m: (root / FOLDERS[m] / "counter.sqlite3").stat().st_size / 2**20 for m in modes}
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
    print(f"| measure | {' | '.join(modes)} | encrypted / plain | encrypted / same engine |")
    print("|---|---|---|---|---|---|")
    ratios = []
    for label, key, q in (
        ("receive p50 ms", "receive", 0.5),
        ("receive p95 ms", "receive", 0.95),
        ("search IDs p50 ms", "ids", 0.5),
        ("search IDs p95 ms", "ids", 0.95),
        ("search + load 50 p50 ms", "search", 0.5),
        ("search + load 50 p95 ms", "search", 0.95),
        ("open with quick_check ms (median)", "open", 0.5),
    ):
        values = [statistics.median(samples[m][key]) if q == 0.5 else _pct(samples[m][key], q) for m in modes]
        ratio, engine_ratio = values[1] / values[0], values[1] / values[2]
        if key != "open":
            ratios.append(ratio)
        print(f"| {label} | {' | '.join(f'{v:.2f}' for v in values)} | {ratio:.2f} | {engine_ratio:.2f} |")
    print(f"| file MiB | {' | '.join(f'{sizes[m]:.0f}' for m in modes)} | | |")
    worst = max(ratios)
    verdict = "met" if worst <= TARGET else "missed"
    print(
        f"\nTarget (receive and search at most {TARGET - 1:.0%} slower): {verdict}, worst ratio {worst:.2f}."
    )


if __name__ == "__main__":
    main()
