"""Dossier-list benchmark: with 100k dossiers of varied histories, time to open the list and apply each filter.

Run: .venv/bin/python -m bench.bench_list [--size 100000] [--data-dir DIR] [--repeat 5]
With --data-dir the filled database is kept and reused by the next run. Prints a markdown table and saves it
to bench/out/list.md. Target: every line under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.intake import advance, full_set, new_dossier, receive
from counter_app.core.listing import DossierFilter, QuickView, SortKey
from counter_app.core.model import Channel, Dossier, Person, Procedure, Status
from counter_app.core.statuses import deadline
from counter_app.storage.demo import ensure_demo_profile
from counter_app.storage.dossier_queries import DossierQueries
from counter_app.storage.store import CounterStore

from .bench_storage import _name

#: The moment the list is opened at (a Monday morning); dossiers are received in the year before it.
NOW = datetime(2026, 3, 16, 9, 30)
PAGE = 200
OUT = Path(__file__).parent / "out" / "list.md"
S = Status


def _history(
    d: Dossier, p: Procedure, rng: random.Random, now: datetime, units: list[str], cal: WorkingCalendar
) -> Dossier:
    """Move a received dossier on the way real ones go: transfer, maybe supplements, result, return."""
    assert d.appointment is not None
    unit = rng.choice(units)
    t = d.received_at + timedelta(minutes=rng.randint(10, 180))
    if t >= now:
        return d
    d = advance(d, S.PROCESSING, officer="canbo", at=t, unit=unit, receiver="xuly", action="transfer")
    roll = rng.random()
    if roll < 0.12:  # one supplement request, sometimes a second one
        for _ in range(2 if roll < 0.02 else 1):
            t += timedelta(hours=rng.randint(2, 30))
            if t >= now:
                return d
            d = advance(
                d, S.SUPPLEMENT_REQUESTED, officer="xuly", at=t, data={"missing": ["Bản sao giấy tờ"]}
            )
            t += timedelta(hours=rng.randint(4, 80))
            if t >= now:
                return d
            d = advance(d, S.PROCESSING, officer="canbo", at=t, unit=unit, action="supplement_received")
    elif roll < 0.15:
        t += timedelta(hours=rng.randint(1, 20))
        if t >= now:
            return d
        return advance(d, S.FEES_DUE, officer="xuly", at=t)
    elif roll < 0.17:
        t += timedelta(hours=rng.randint(1, 20))
        if t >= now:
            return d
        d = advance(d, S.WITHDRAWAL_REQUESTED, officer="canbo", at=t)
        return advance(d, S.STOPPED, officer="canbo", at=t + timedelta(hours=1), note="Công dân rút hồ sơ")
    dl = deadline(d)
    due = dl.due if dl else d.appointment
    late = rng.random() < 0.1
    finish = due + timedelta(hours=rng.randint(2, 60)) if late else due - timedelta(hours=rng.randint(0, 40))
    finish = max(finish, t + timedelta(minutes=30))
    if finish >= now:
        return d
    d = advance(d, S.RESULT_READY, officer="xuly", at=finish, unit=unit)
    back = finish + timedelta(hours=rng.randint(1, 96))
    if back >= now or rng.random() < 0.05:
        return d
    return advance(d, S.RETURNED, officer="canbo", at=back, action="return", receiver=d.applicant.name)


def fill(store: CounterStore, count: int, rng: random.Random, now: datetime = NOW) -> None:
    """Insert `count` received dossiers, one every 5 minutes up to `now`, with varied histories (batched)."""
    unit = store.require_unit()
    procedures = store.procedures()
    units = [name for name, _kind in store.processing_units()]
    cal = store.calendar()
    done = store.dossiers.count()
    batch = 5000
    while done < count:
        with store.db.atomic():
            for i in range(done, min(count, done + batch)):
                p = procedures[i % len(procedures)]
                at = now - timedelta(minutes=5 * (count - i))
                draft = new_dossier(
                    agency_id=unit.agency_id,
                    procedure=p,
                    officer=rng.choice(("canbo", "canbo", "lan.nt", "hung.pv")),
                    counter=unit.counter,
                    applicant=Person(
                        _name(rng), f"0010{rng.randrange(10**8):08d}", phone=f"09{rng.randrange(10**8):08d}"
                    ),
                    at=at,
                    components=full_set(p),
                    channel=Channel.ONLINE if rng.random() < 0.2 else Channel.IN_PERSON,
                )
                appointment = cal.appointment_for(at, p.duration, p.duration_unit, p.same_day_cutoff)
                code = store.dossiers.next_code(unit.agency_id, at.date(), unit.counter)
                dossier = _history(receive(draft, code, appointment), p, rng, now, units, cal)
                store.dossiers._insert(replace(dossier, book_volume=str(at.year)))
        done = min(count, done + batch)


def _cases(store: CounterStore) -> list[tuple[str, DossierFilter]]:
    p = store.procedures()[3]
    units = [name for name, _kind in store.processing_units()]
    cases: list[tuple[str, DossierFilter]] = [
        ("open the list (newest first)", DossierFilter()),
        (
            "quick view: due today",
            DossierFilter(view=QuickView.DUE_TODAY, sort=SortKey.DUE, descending=False),
        ),
        (
            "quick view: due within one working day",
            DossierFilter(view=QuickView.DUE_SOON, sort=SortKey.DUE, descending=False),
        ),
        ("quick view: late", DossierFilter(view=QuickView.LATE)),
        ("quick view: waiting for supplement", DossierFilter(view=QuickView.WAITING_SUPPLEMENT)),
        ("quick view: ready to hand over", DossierFilter(view=QuickView.READY_TO_RETURN)),
        ("status: processing", DossierFilter(statuses=frozenset({S.PROCESSING}))),
        ("procedure", DossierFilter(procedure_code=p.code)),
        ("field", DossierFilter(field=p.field)),
        ("officer", DossierFilter(officer="hung.pv")),
        ("channel: online", DossierFilter(channel=Channel.ONLINE)),
        ("unit", DossierFilter(unit=units[0])),
        (
            "received in one month",
            DossierFilter(
                received_from=NOW.date() - timedelta(days=60), received_to=NOW.date() - timedelta(days=30)
            ),
        ),
        ("search without tone marks: 'nguyen van'", DossierFilter(text="nguyen van")),
        ("search + late", DossierFilter(text="tran thi", view=QuickView.LATE)),
        ("sort by applicant name", DossierFilter(sort=SortKey.APPLICANT, descending=False)),
        ("sort by deadline, late view", DossierFilter(view=QuickView.LATE, sort=SortKey.DUE)),
        (
            "procedure + late + sort by unit",
            DossierFilter(procedure_code=p.code, view=QuickView.LATE, sort=SortKey.UNIT),
        ),
    ]
    return cases


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median and best time in ms of `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times), result


def measure(folder: Path, size: int, repeat: int) -> list[str]:
    store = CounterStore(folder)
    ensure_demo_profile(store)
    t0 = time.perf_counter()
    reused = store.dossiers.count() >= size
    fill(store, size, random.Random(7))
    fill_text = "database reused" if reused else f"filled in {time.perf_counter() - t0:.0f} s"
    queries = DossierQueries(store)
    t0 = time.perf_counter()
    queries.ensure_indexes()
    index_s = time.perf_counter() - t0
    cores = os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"Dossiers: {store.dossiers.count():,} · list opened at {NOW:%Y-%m-%d %H:%M} · page of {PAGE} rows · "
        f"{repeat} runs · {fill_text} · first-use indexes {index_s:.1f} s · {cores} cores, load {load:.1f}",
        "",
        "| case | matching | count + first page ms (median / best) | next page ms (median) |",
        "|---|---|---|---|",
    ]
    for label, flt in _cases(store):
        ms, best, page = _timed(lambda flt=flt: queries.open_list(flt, NOW, PAGE), repeat)
        next_ms, _best, _ = _timed(lambda flt=flt: queries.page(flt, NOW, PAGE, PAGE), repeat)
        total = page.total  # type: ignore[attr-defined]
        mark = "" if ms < 100 else " ⚠"
        lines.append(f"| {label} | {total:,} | {ms:.1f}{mark} / {best:.1f} | {next_ms:.1f} |")
    ms, best, alerts = _timed(lambda: queries.deadline_alerts(NOW, NOW + timedelta(hours=24)), repeat)
    found = alerts.overdue_count + alerts.due_soon_count  # type: ignore[attr-defined]
    lines.append(f"| deadline warnings (overdue + due in 24 h) | {found:,} | {ms:.1f} / {best:.1f} | |")
    store.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="keep (and reuse) the filled database here"
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        lines = measure(args.data_dir, args.size, args.repeat)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            lines = measure(Path(tmp), args.size, args.repeat)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
