"""Benchmarks (timings and sizes belong here, not in tests)."""
