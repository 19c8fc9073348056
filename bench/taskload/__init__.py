"""Bench-only tasks and settings for bench/bench_tasks.py (on the worker's PYTHONPATH as
``taskload``; not named bench_*.py so that `make bench` does not run it as a benchmark)."""
