"""Parse throughput on every distinct value of the seed documents, against a naive baseline.

Both are measured in the same run on the same values, so the ratio is what to compare across
machines; absolute numbers move with the machine's load. Run: python benchmarks/bench_parse.py
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import perfmetrics as pm
from perfmetrics.values.api import clear_cache

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "seed_values.tsv"
FIRST_NUMBER = re.compile(r"\d+(?:\.\d+)?")
TARGET_COLD = 30_000
T = TypeVar("T")


def seed_values() -> list[str]:
    """Every distinct value harvested from the four seed documents."""
    with CASES.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle, delimiter="\t")]


def naive(values: list[str]) -> None:
    """What most tools do today: take the first number, lose everything else."""
    for text in values:
        match = FIRST_NUMBER.search(text)
        _ = float(match.group()) if match else None


def cold(values: list[str]) -> None:
    """Parse every value with an empty cache: the grammar does all the work."""
    clear_cache()
    for text in values:
        pm.parse(text)


def warm(values: list[str]) -> None:
    """Parse every value again with the cache filled (repeated columns)."""
    for text in values:
        pm.parse(text)


def rate(func: Callable[[Sequence[T]], None], values: Sequence[T], rounds: int) -> float:
    """Median items per second of ``func(values)`` over ``rounds`` runs."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        func(values)
        timings.append(time.perf_counter() - start)
    return len(values) / statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    values = seed_values()
    pm.parse("≥1")  # build the parser and registry outside the timings
    baseline = rate(naive, values, args.rounds)
    cold_rate = rate(cold, values, args.rounds)
    warm_rate = rate(warm, values, args.rounds)
    print(f"distinct seed values: {len(values)}")
    print(f"naive first-number regex : {baseline:12,.0f} values/s (baseline)")
    for label, measured in (("cold  ", cold_rate), ("cached", warm_rate)):
        ratio = measured / baseline
        print(f"perfmetrics.parse, {label}: {measured:12,.0f} values/s  ({ratio:.4f} x baseline)")
    verdict = "meets" if cold_rate >= TARGET_COLD else "misses"
    print(f"target {TARGET_COLD:,} distinct values/s on one core: {verdict}")


if __name__ == "__main__":
    main()
