"""Run every benchmark in turn and print their tables (results are copied into docs/BENCHMARKS.md by hand)."""

from __future__ import annotations

import importlib
import platform
import sys
from datetime import date

BENCHES = (
    "bench_storage",
    "bench_encryption",
    "bench_forms",
    "bench_decode",
    "bench_page_scan",
    "bench_capture_keys",
    "bench_attachments",
    "bench_list",
    "bench_gui",
    "bench_sync",
    "bench_province",
)


def main() -> None:
    print(
        f"# {date.today().isoformat()} — {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    for name in BENCHES:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            continue
        print(f"\n## {name}\n", flush=True)
        saved = sys.argv
        sys.argv = [name]
        try:
            module.main()
        finally:
            sys.argv = saved


if __name__ == "__main__":
    main()
