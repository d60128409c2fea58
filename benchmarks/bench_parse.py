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

import perfmetrics as pm
from perfmetrics.values import fastpath
from perfmetrics.values.api import clear_cache
from perfmetrics.values.normalize import clean

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "seed_values.tsv"
FIRST_NUMBER = re.compile(r"\d+(?:\.\d+)?")
TARGET_COLD = 100_000
TARGET_RATIO = 0.02


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


def rates(
    funcs: Sequence[Callable[[list[str]], None]], values: list[str], rounds: int
) -> list[float]:
    """Median values per second of each ``func(values)``, their rounds interleaved.

    Time is the process's CPU time (``time.process_time``), so other processes on a shared
    machine do not count; interleaving spreads what they still disturb (caches) evenly.
    """
    timings: list[list[float]] = [[] for _ in funcs]
    for _ in range(rounds):
        for func, kept in zip(funcs, timings, strict=True):
            start = time.process_time()
            func(values)
            kept.append(time.process_time() - start)
    return [len(values) / statistics.median(kept) for kept in timings]


def main() -> None:
    """Print the rates, their ratios to the baseline and whether the targets are met."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    values = seed_values()
    # A batch's steady state: the parser and registry built, the fast path compiled (a process
    # compiles it after fastpath.WARM_UP values; a short run reads its few values with Lark).
    pm.parse("≥1")
    fastpath.enabled()
    taken = sum(fastpath.fast_value(text, clean(text)) is not None for text in values)
    baseline, cold_rate, warm_rate = rates((naive, cold, warm), values, args.rounds)
    print(f"distinct seed values: {len(values)} ({taken / len(values):.0%} read by the fast path)")
    print(f"naive first-number regex : {baseline:12,.0f} values/s (baseline)")
    for label, measured in (("cold  ", cold_rate), ("cached", warm_rate)):
        ratio = measured / baseline
        print(f"perfmetrics.parse, {label}: {measured:12,.0f} values/s  ({ratio:.4f} x baseline)")
    ratio = cold_rate / baseline
    verdict = "meets" if cold_rate >= TARGET_COLD and ratio >= TARGET_RATIO else "misses"
    print(
        f"target {TARGET_COLD:,} distinct values/s on one core and {TARGET_RATIO} x baseline: "
        f"{verdict}"
    )


if __name__ == "__main__":
    main()
