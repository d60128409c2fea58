"""Judging a column of actuals in one call (``frame.pm.judge``) against row-by-row ``pm.meets``.

The frame repeats the indicator rows of the four seeds (target, category) with actuals drawn
near each target, shuffled, as a ministry's roll-up of many projects would. Both ways run in
the same process over the same rows; ``pm.meets`` row by row is the baseline (on a sample, as it
is slow; it already reuses the parse cache). Target: frame.pm.judge at 5x the row-by-row rate or
more, since each distinct (target, actual, category) is judged once.
Run: python benchmarks/bench_judge_frame.py [--rows N]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import time
from pathlib import Path

import pandas as pd

import perfmetrics as pm
import perfmetrics.accessor  # registers DataFrame.pm

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
TARGET = 5.0


def seed_rows() -> list[tuple[str, str, str]]:
    """(target, category, actual) for every quantity row of the seeds, with a nearby actual."""
    rows = []
    rng = random.Random(13)
    for path in sorted(SEEDS.glob("*.txt")):
        for row in pm.read_tables(path, year=2023).rows:
            value = row.value
            if value is None or value.kind != "quantity" or row.category is None:
                continue
            factor = rng.choice(["0.9", "1", "1.1"])
            actual = f"{value.magnitude * pm.Amount(factor, '').magnitude}{value.unit}"
            rows.append((row.raw, row.category.value, actual))
    return rows


def main() -> None:
    """Measure both ways and print rows per second and the ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    base = seed_rows()
    rng = random.Random(7)
    rows = [rng.choice(base) for _ in range(args.rows)]
    frame = pd.DataFrame(rows, columns=["target", "category", "actual"])
    pm.meets("≥1人", "2人")  # warm up the parser and the registry

    start = time.perf_counter()
    judged = frame.pm.judge(target="target", actual="actual", category="category")
    column_rate = len(frame) / (time.perf_counter() - start)

    sample = rows[:5_000]
    start = time.perf_counter()
    for target, category, actual in sample:
        with contextlib.suppress(pm.PerfmetricsError):
            pm.meets(target, actual, category=category)
    row_rate = len(sample) / (time.perf_counter() - start)

    ratio = column_rate / row_rate
    print(f"{len(frame):,} rows, {len(set(rows)):,} distinct pairs, {judged['met'].sum():,} met")
    print(f"pm.meets row by row     {row_rate:12,.0f} rows/s  1.00 x")
    print(f"frame.pm.judge          {column_rate:12,.0f} rows/s  {ratio:.2f} x"
          f"  {'ok' if ratio >= TARGET else 'below target'}")  # fmt: skip
    print(f"target: frame.pm.judge >= {TARGET:.0f} x row by row")


if __name__ == "__main__":
    main()
