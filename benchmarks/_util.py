"""Small helpers shared by the benchmark scripts (timing, medians, a machine baseline)."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))


def median_seconds(fn: Callable[[], object], runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def calibration() -> float:
    """A fixed pure-Python workload, timed in the same run, so figures from different machines
    can be compared (ratio = figure / calibration)."""
    def work() -> int:
        total = 0
        for i in range(200_000):
            total += i % 7
        return total
    return median_seconds(work, runs=7)


def report(name: str, seconds: float, goal: float | None = None,
           baseline: float | None = None, baseline_name: str = "") -> None:
    line = f"{name:<58} {seconds * 1000:9.3f} ms"
    if goal is not None:
        verdict = "ok" if seconds <= goal else "OVER GOAL"
        line += f"   goal {goal * 1000:g} ms ({verdict})"
    if baseline:
        line += f"   {seconds / baseline:6.2f}x {baseline_name}"
    print(line)
