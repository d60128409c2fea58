"""Normalizing a 1,000,000-row column drawn from the seed documents' values, against a baseline.

The column repeats the value cells of every indicator row of the four seeds (read with
``read_tables``) in their real proportions, shuffled. Three ways over the same column, in the
same run: ``pm.normalize`` (pandas, each distinct text parsed once), ``pm.parse_many`` (plain
Python), and the naive baseline most tools use today (first number by regex, row by row).
Target: normalize at 500,000 rows/s or more. Run: python benchmarks/bench_batch.py [--rows N]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import perfmetrics as pm
from perfmetrics.values.api import clear_cache

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIRST_NUMBER = re.compile(r"\d+(?:\.\d+)?")
TARGET = 500_000


def seed_cells() -> list[str]:
    """The value cell of every indicator row of the seeds, repeats included."""
    return [row.raw for path in sorted(SEEDS.glob("*.txt")) for row in pm.read_tables(path).rows]


def naive(column: pd.Series) -> None:
    """The first number of each cell, as float: comparators, 万 and units are lost."""
    for text in column:
        match = FIRST_NUMBER.search(text)
        _ = float(match.group()) if match else None


def normalize(column: pd.Series) -> None:
    """The pandas path, parse cache emptied first."""
    clear_cache()
    pm.normalize(column)


def parse_many(column: pd.Series) -> None:
    """The plain-Python path, parse cache emptied first."""
    clear_cache()
    pm.parse_many(column.tolist())


def best_rate(func: Callable[[pd.Series], None], column: pd.Series, rounds: int) -> float:
    """Rows per second of the fastest of ``rounds`` runs (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        func(column)
        best = min(best, time.perf_counter() - start)
    return len(column) / best


def main() -> None:
    """Print rows/s for each way and the ratio to the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cells = seed_cells()
    column = pd.Series(random.Random(2026).choices(cells, k=args.rows), dtype=object)
    print(f"{args.rows:,} rows, {column.nunique():,} distinct, from {len(cells):,} seed cells")
    baseline = best_rate(naive, column, args.rounds)
    print(f"naive first-number regex  {baseline:>12,.0f} rows/s  1.00 x")
    for name, func in (("pm.normalize", normalize), ("pm.parse_many", parse_many)):
        speed = best_rate(func, column, args.rounds)
        mark = "" if func is not normalize else ("  ok" if speed >= TARGET else "  BELOW TARGET")
        print(f"{name:<25} {speed:>12,.0f} rows/s  {speed / baseline:.2f} x{mark}")
    print(f"target: pm.normalize >= {TARGET:,} rows/s")


if __name__ == "__main__":
    main()
