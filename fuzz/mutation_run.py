"""Long seeded mutation fuzz of the error contract: the suite's check (tests/test_fuzz_contract.py),
run for as many values as asked.

    python fuzz/mutation_run.py [COUNT] [SEED]

Prints the counts, the rate, and every escape or silent change (none expected). The mutations
and the contract are in tests/mutations.py.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mutations import run  # noqa: E402


def _rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "tests" / "cases" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def main(count: int = 200_000, seed: int = 1) -> int:
    """Run ``count`` mutations from ``seed``; return 1 when anything broke the contract."""
    texts = sorted(
        {r["text"] for n in ("seed_values.tsv", "national_values.tsv") for r in _rows(n)} - {""}
    )
    pairs = [(r["target"], r["actual"]) for r in _rows("judge_pairs.tsv")]
    start = time.perf_counter()
    tally = run(texts, pairs, count=count, seed=seed, pair_share=0.2)
    seconds = time.perf_counter() - start
    print(
        f"{count} mutations (seed {seed}) of {len(texts)} texts in {seconds:.1f} s "
        f"({count / seconds:.0f}/s): {tally.values} values, {tally.pairs} pairs, "
        f"outcomes {dict(tally.outcomes)}; {len(tally.escapes)} escapes, "
        f"{len(tally.changes)} silent changes"
    )
    for item in [*tally.escapes, *tally.changes]:
        print(" ", item)
    return 1 if tally.escapes or tally.changes else 0


if __name__ == "__main__":
    sys.exit(main(*(int(arg) for arg in sys.argv[1:3])))
