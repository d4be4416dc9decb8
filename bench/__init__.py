"""Benchmarks: each script prints a markdown table; results are recorded in docs/BENCHMARKS.md."""
