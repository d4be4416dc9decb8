"""Decoder benchmark: success rate and time per 1280×720 frame for zxing, zbar and the pipeline.

Each degradation gets the same seeded receipts (a Code128 barcode and a QR code each); a frame counts
as a success for a decoder when every code on it was read. The "empty desk" row times frames with no
receipt (what a camera mostly sees); there, success means nothing was read. "pipeline (camera)" is the
pipeline without its last, slowest step, as the camera worker runs it.

Run `python -m bench.bench_decode` (or `python bench/bench_decode.py`); the markdown table is printed
and saved to bench/out/decode.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter_app.devices.decoding import Decoded, decode_image, decode_zbar, decode_zxing, to_grey  # noqa: E402
from counter_app.devices.samples import DEGRADATIONS, empty_frame, make_scene  # noqa: E402

Decoder = Callable[[np.ndarray], list[Decoded]]


def _camera_pipeline(gray: np.ndarray) -> list[Decoded]:
    return decode_image(gray, thorough=False)


DECODERS: dict[str, Decoder] = {
    "zxing": decode_zxing,
    "zbar": decode_zbar,
    "pipeline": decode_image,
    "pipeline (camera)": _camera_pipeline,
}
OUT = Path(__file__).resolve().parent / "out" / "decode.md"
HEADER = (
    "| frames | decoder | success | code128 | qr | median ms | p95 ms | median CPU ms |\n"
    "|---|---|---|---|---|---|---|---|"
)


@dataclass
class Tally:
    """Outcome of one decoder on one set of frames."""

    frames: int = 0
    successes: int = 0
    read: dict[str, int] = field(default_factory=lambda: {"code128": 0, "qr": 0})
    times_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)

    def row(self, label: str, decoder: str) -> str:
        def pct(n: int) -> str:
            return f"{100 * n / self.frames:.0f} %"

        symbologies = " | ".join(pct(n) if n or label != "empty desk" else "" for n in self.read.values())
        p95 = float(np.percentile(np.asarray(self.times_ms), 95))
        median = statistics.median(self.times_ms)
        cpu = statistics.median(self.cpu_ms)
        return f"| {label} | {decoder} | {pct(self.successes)} | {symbologies} | {median:.1f} | {p95:.1f} | {cpu:.1f} |"


def measure(decode: Decoder, frames: list[tuple[np.ndarray, dict[str, str]]]) -> Tally:
    tally = Tally(frames=len(frames))
    decode(frames[0][0])  # warm-up: first calls allocate
    for gray, expected in frames:
        start, cpu_start = time.perf_counter(), time.process_time()
        texts = {d.text for d in decode(gray)}
        tally.times_ms.append((time.perf_counter() - start) * 1000)
        tally.cpu_ms.append((time.process_time() - cpu_start) * 1000)
        hits = {s for s, text in expected.items() if text in texts}
        tally.successes += hits == set(expected) and (bool(expected) or not texts)
        for s in hits:
            tally.read[s] += 1
    return tally


def _load() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def run(count: int, seed: int) -> str:
    """Benchmark every decoder on every degradation; return the markdown report."""
    rows: list[str] = []
    overall = {name: Tally() for name in DECODERS}
    for degradation in DEGRADATIONS:
        rng = np.random.default_rng(seed)
        frames = [
            (to_grey(s.image), s.expected) for s in (make_scene(rng, degradation) for _ in range(count))
        ]
        for name, decode in DECODERS.items():
            tally = measure(decode, frames)
            rows.append(tally.row(degradation, name))
            total = overall[name]
            total.frames += tally.frames
            total.successes += tally.successes
            total.times_ms += tally.times_ms
            total.cpu_ms += tally.cpu_ms
            print(rows[-1], file=sys.stderr, flush=True)
    rng = np.random.default_rng(seed)
    empty: list[tuple[np.ndarray, dict[str, str]]] = [(to_grey(empty_frame(rng)), {}) for _ in range(count)]
    rows += [measure(decode, empty).row("empty desk", name) for name, decode in DECODERS.items()]
    summary = [
        f"| all receipts | {name} | {100 * t.successes / t.frames:.0f} % | | "
        f"| {statistics.median(t.times_ms):.1f} | {float(np.percentile(np.asarray(t.times_ms), 95)):.1f} "
        f"| {statistics.median(t.cpu_ms):.1f} |"
        for name, t in overall.items()
    ]
    intro = [
        "# Decoder benchmark",
        "",
        f"{count} synthetic 1280×720 frames per row (seed {seed}); each receipt carries a Code128 barcode and",
        "a QR code of a dossier code; success = every code on the frame read (on the empty desk: nothing",
        "read). Times are ms per frame in one process: wall-clock, and CPU time of the process (all its",
        "threads; steadier than wall-clock when other work shares the machine), on "
        f"{os.cpu_count()} CPU cores ({platform.machine()}, Python {platform.python_version()}, "
        f"OpenCV {cv2.__version__}); load average at the end: {_load()}.",
        "",
        HEADER,
    ]
    return "\n".join([*intro, *rows, *summary, ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Decoder benchmark (see the module docstring).")
    parser.add_argument("--frames", type=int, default=40, help="frames per degradation")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    report = run(args.frames, args.seed)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
