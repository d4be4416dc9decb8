"""Page scanning benchmark: detection and correction of a 1920×1080 photograph of a page, and the size of a
corrected A4 page in the PDF.

Each seeded photograph (a rendered page on a wood desk, turned and seen at an angle, with shadow, blur and
noise; `devices.page_samples`) is timed through `detect_page` alone and through detection + correction (the
200 dpi grey page the PDF receives) + JPEG encoding. Run `python -m bench.bench_page_scan`; the markdown table is
printed.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter_app.devices.page_samples import photograph  # noqa: E402
from counter_app.devices.page_scan import correct_page, detect_page, encode_jpeg  # noqa: E402
from counter_app.documents.scans import pdf_from_jpegs  # noqa: E402

ANGLES = ((0, 0), (8, 15), (-15, 25), (25, 10), (-32, 30), (40, 20))
ROUNDS = 5


def main() -> None:
    cv2.setNumThreads(2)
    photos = [photograph(seed, turn_degrees=t, tilt_degrees=k) for seed, (t, k) in enumerate(ANGLES * 2)]
    detect_ms: list[float] = []
    full_ms: list[float] = []
    sizes: list[int] = []
    for _ in range(ROUNDS):
        for photo in photos:
            start = time.perf_counter()
            corners = detect_page(photo.frame)
            middle = time.perf_counter()
            page = encode_jpeg(correct_page(photo.frame, corners))
            end = time.perf_counter()
            detect_ms.append((middle - start) * 1000)
            full_ms.append((end - start) * 1000)
            sizes.append(len(pdf_from_jpegs([page])))

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95) - 1]

    print(f"{len(photos)} photographs × {ROUNDS} rounds, 1920×1080, page → A4 at 200 dpi, grey\n")
    print("| step | median | p95 |")
    print("|---|---|---|")
    print(f"| page detection | {statistics.median(detect_ms):.0f} ms | {p95(detect_ms):.0f} ms |")
    print(f"| detection + correction + JPEG | {statistics.median(full_ms):.0f} ms | {p95(full_ms):.0f} ms |")
    print(
        f"| one-page PDF | {statistics.median(sizes) / 1024:.0f} KB | {max(sizes) / 1024:.0f} KB (largest) |"
    )


if __name__ == "__main__":
    main()
