"""`meets` throughput on target/actual pairs built from the seed values, next to parsing.

Each pair is a seed target and an actual derived from it (the same amount, or a date within),
so every verdict is decided. Parse throughput on the same targets is measured in the same run:
the ratio is what to compare across machines. Run: python benchmarks/bench_judge.py
"""

from __future__ import annotations

import argparse

from bench_parse import rate, seed_values

import perfmetrics as pm
from perfmetrics.values.api import clear_cache


def pairs() -> list[tuple[str, str]]:
    """Seed targets with an actual each (the target's own amount, or its end date)."""
    out = []
    for text in seed_values():
        value = pm.parse(text, year=2022)
        if isinstance(value, pm.QuantityValue):
            out.append((text, str(value.amount)))
        elif isinstance(value, pm.DateValue | pm.PeriodValue) and value.end is not None:
            out.append((text, value.end.isoformat()))
    return out


def run_meets(work: list[tuple[str, str]]) -> None:
    clear_cache()
    for target, actual in work:
        pm.meets(target, actual, year=2022)


def run_parse(work: list[tuple[str, str]]) -> None:
    clear_cache()
    for target, _ in work:
        pm.parse(target, year=2022)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    work = pairs()
    pm.meets("≥1人", "2人")  # build parser and registry outside the timings
    parse_rate = rate(run_parse, work, args.rounds)
    meets_rate = rate(run_meets, work, args.rounds)
    print(f"target/actual pairs from the seeds: {len(work)}")
    print(f"parse(target), cold cache : {parse_rate:10,.0f} /s (baseline)")
    print(
        f"meets(target, actual)     : {meets_rate:10,.0f} /s  "
        f"({meets_rate / parse_rate:.2f} x parse)"
    )


if __name__ == "__main__":
    main()
