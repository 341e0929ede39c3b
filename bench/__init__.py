"""Benchmarks: generators of big inputs and the measurements reported in docs/performance.md."""
