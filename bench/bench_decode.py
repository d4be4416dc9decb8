"""Decoder benchmark: success rate and time per 1280×720 frame for zxing, zbar and the pipeline.

Each degradation gets the same seeded receipts (a Code128 barcode and a QR code each); a frame counts
as a success for a decoder when every code on it was read. Run `python -m bench.bench_decode`
(or `python bench/bench_decode.py`); the markdown table is printed and saved to bench/out/decode.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter_app.devices.decoding import Decoded, decode_image, decode_zbar, decode_zxing, to_grey  # noqa: E402
from counter_app.devices.samples import DEGRADATIONS, make_scene  # noqa: E402

DECODERS: dict[str, Callable[[np.ndarray], list[Decoded]]] = {
    "zxing": decode_zxing,
    "zbar": decode_zbar,
    "pipeline": decode_image,
}
OUT = Path(__file__).resolve().parent / "out" / "decode.md"


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def run(frames: int, seed: int) -> str:
    """Benchmark every decoder on every degradation; return the markdown report."""
    cv2.setNumThreads(max(1, os.cpu_count() or 1))
    rows = []
    totals: dict[str, list[float]] = {name: [] for name in DECODERS}
    wins: dict[str, int] = dict.fromkeys(DECODERS, 0)
    for degradation in DEGRADATIONS:
        rng = np.random.default_rng(seed)
        scenes = [make_scene(rng, degradation) for _ in range(frames)]
        for name, decode in DECODERS.items():
            decode(to_grey(scenes[0].image))  # warm-up: first calls allocate
            times, ok, per_symbology = [], 0, {"code128": 0, "qr": 0}
            for scene in scenes:
                gray = to_grey(scene.image)
                start = time.perf_counter()
                texts = {d.text for d in decode(gray)}
                times.append((time.perf_counter() - start) * 1000)
                hits = {s for s, text in scene.expected.items() if text in texts}
                ok += hits == set(scene.expected)
                for s in hits:
                    per_symbology[s] += 1
            totals[name] += times
            wins[name] += ok
            rows.append(
                f"| {degradation} | {name} | {100 * ok / frames:.0f} % "
                f"| {100 * per_symbology['code128'] / frames:.0f} % | {100 * per_symbology['qr'] / frames:.0f} % "
                f"| {statistics.median(times):.1f} | {_percentile(times, 95):.1f} |"
            )
        print(rows[-3], rows[-2], rows[-1], sep="\n", file=sys.stderr, flush=True)
    n = frames * len(DEGRADATIONS)
    overall = [
        f"| all | {name} | {100 * wins[name] / n:.0f} % | | | {statistics.median(totals[name]):.1f} "
        f"| {_percentile(totals[name], 95):.1f} |"
        for name in DECODERS
    ]
    header = [
        "# Decoder benchmark",
        "",
        f"{frames} synthetic 1280×720 frames per degradation (seed {seed}), each with a Code128 barcode and a",
        "QR code of a dossier code; success = every code on the frame read. Times are wall-clock ms per frame",
        f"on {os.cpu_count()} CPU cores ({platform.machine()}, Python {platform.python_version()},",
        f"OpenCV {cv2.__version__}).",
        "",
        "| degradation | decoder | success | code128 | qr | median ms | p95 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    return "\n".join([*header, *rows, *overall, ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
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
