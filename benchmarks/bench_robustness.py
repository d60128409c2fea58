"""Parsing time grows linearly with the input: 1,000 → 10,000 → 100,000 characters.

For each input shape the time per character should stay flat (ratio of 100k to 10k near 10).
Checked here, not in a timed test, because machines are shared and noisy.
Run: python benchmarks/bench_robustness.py
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import perfmetrics as pm
from perfmetrics.values.api import clear_cache

SHAPES: dict[str, Callable[[int], str]] = {
    "free text (保障…)": lambda n: "保障" * (n // 2),
    "note after a value": lambda n: "≥95%" + "反映参与人员情况" * (n // 8),
    "digits and spaces": lambda n: "1 " * (n // 2),
    "comparators": lambda n: "≥" * n,
    "nested brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "one long number": lambda n: "9" * n,
    "units after a number": lambda n: "5" + "人" * (n - 1),
}


def seconds(text: str) -> float:
    clear_cache()
    start = time.perf_counter()
    for strict in (False, True):
        with contextlib.suppress(pm.ParseError):
            pm.parse(text, strict=strict)
    return time.perf_counter() - start


def main() -> None:
    pm.parse("≥1")
    print(f"{'shape':<22}{'1k µs/char':>12}{'10k µs/char':>13}{'100k µs/char':>14}{'100k/10k':>10}")
    for name, make in SHAPES.items():
        times = [min(seconds(make(n)) for _ in range(3)) for n in (1_000, 10_000, 100_000)]
        per_char = [t / n * 1e6 for t, n in zip(times, (1_000, 10_000, 100_000), strict=True)]
        ratio = times[2] / times[1]
        verdict = "linear" if ratio < 15 else "SUPERLINEAR"
        cells = "".join(f"{value:>13.2f}" for value in per_char)
        print(f"{name:<22}{cells}{ratio:>9.1f} {verdict}")


if __name__ == "__main__":
    main()
