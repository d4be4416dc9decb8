"""Time the form renderers: milliseconds per PDF over repeated renders (median, p95), as a markdown table.

Run: .venv/bin/python -m bench.bench_forms [--runs 50]; the table is also saved to bench/out/forms.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from counter_app.documents import FormKind, Paper, render_form, render_tracking_book
from counter_app.documents.specimen import NAMES, UNIT, specimen_apology, specimen_dossier, specimen_stopped

PRINTED = datetime(2026, 10, 28, 9, 0)
TARGET_RECEIPT_MS = 100.0


def cases() -> list[tuple[str, Callable[[], bytes]]]:
    """(label, render call) for every form and paper worth timing."""
    dossier = specimen_dossier()
    subjects = {FormKind.APOLOGY: specimen_apology(), FormKind.STOP: specimen_stopped()}
    out: list[tuple[str, Callable[[], bytes]]] = []
    for kind in FormKind:
        subject = subjects.get(kind, dossier)
        out.append(
            (
                f"{kind.value} (A5)",
                lambda s=subject, k=kind: render_form(k, s, UNIT, names=NAMES, printed_at=PRINTED),
            )
        )
    out.append(
        ("receipt (A4)", lambda: render_form(FormKind.RECEIPT, dossier, UNIT, paper=Paper.A4, names=NAMES))
    )
    out.append(
        ("receipt (thermal 80)", lambda: render_form(FormKind.RECEIPT, dossier, UNIT, paper=Paper.THERMAL80))
    )
    book = [dossier, specimen_stopped()] * 25
    out.append(
        (
            "tracking book, 50 lines",
            lambda: render_tracking_book(book, UNIT, date(2026, 10, 1), date(2026, 10, 31)),
        )
    )
    return out


def measure(render: Callable[[], bytes], runs: int) -> tuple[float, float, int]:
    """Median and 95th percentile in ms after one warm-up render, and the PDF size in bytes."""
    size = len(render())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--save", type=Path, default=Path(__file__).resolve().parent / "out" / "forms.md")
    args = parser.parse_args(argv)
    lines = [
        f"Renders per form: {args.runs} (after one warm-up)",
        "",
        "| form | median ms | p95 ms | PDF KiB |",
        "| --- | ---: | ---: | ---: |",
    ]
    print("\n".join(lines), flush=True)
    receipt_median = 0.0
    for label, render in cases():
        median, p95, size = measure(render, args.runs)
        if label == "receipt (A5)":
            receipt_median = median
        lines.append(f"| {label} | {median:.1f} | {p95:.1f} | {size / 1024:.0f} |")
        print(lines[-1], flush=True)
    verdict = "met" if receipt_median < TARGET_RECEIPT_MS else "MISSED"
    lines += ["", f"Target: form 01 under {TARGET_RECEIPT_MS:.0f} ms (median): {verdict}."]
    print("\n".join(lines[-2:]))
    args.save.parent.mkdir(parents=True, exist_ok=True)
    args.save.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
