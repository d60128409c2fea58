"""Accuracy of perfmetrics on the national corpus, per province and per kind.

Reads tests/cases/national_values.tsv (real 指标值 of published tables, reviewed by hand; sources in
tests/cases/national_sources.md) and reports how many the parser reads exactly as reviewed
(qualitative rows: the kind alone). Known gaps are the rows whose ``gap`` starts with
``known gap:``. Run: ``python benchmarks/bench_accuracy.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "tools"))

from build_national_cases import VALUES, agrees, parser_reading, read_tsv  # noqa: E402


def _table(title: str, total: Counter[str], right: Counter[str]) -> None:
    print(f"\n{title:10} {'values':>7} {'right':>7} {'accuracy':>9}")
    for key in sorted(total, key=lambda k: (-total[k], k)):
        print(f"{key:10} {total[key]:7d} {right[key]:7d} {right[key] / total[key]:9.1%}")


def main() -> None:
    rows = read_tsv(VALUES)
    total: dict[str, Counter[str]] = {"province": Counter(), "kind": Counter()}
    right: dict[str, Counter[str]] = {"province": Counter(), "kind": Counter()}
    wrong = []
    for row in rows:
        ok = agrees(row, parser_reading(row["text"], int(row["year"])))
        for axis in total:
            total[axis][row[axis]] += 1
            right[axis][row[axis]] += ok
        if not ok:
            wrong.append(row)
    _table("province", total["province"], right["province"])
    _table("kind", total["kind"], right["kind"])
    good = len(rows) - len(wrong)
    print(f"\nall: {good}/{len(rows)} = {good / len(rows):.1%} read as reviewed")
    for row in wrong:
        print(f"  {row['province']}\t{row['text']}\t{row['gap']}")


if __name__ == "__main__":
    main()
