"""Bounded, seeded mutation fuzz of the error contract over real values (issue 10).

20,000 mutated values drawn from tests/cases/seed_values.tsv and national_values.tsv (and target
mutations of the judged pairs of judge_pairs.tsv), strict and non-strict: zero escapes (only
PerfmetricsError subclasses leave parse and meets) and zero silent changes (a mutated value reads
as the original, or it is refused). The mutations and the contract are in tests/mutations.py;
fuzz/mutation_run.py runs the same check for longer.
"""

from __future__ import annotations

import functools
import random

import pytest
from conftest import read_cases
from mutations import (
    ANYTHING,
    READ_THROUGH,
    SAME_OR_REFUSED,
    Tally,
    check_value,
    duplicate,
    full_width,
    han_wrap,
    radicals,
    run,
)

#: The suite's budget: mutated values (and pairs) per run, and the seed that makes it repeatable.
COUNT = 20_000
SEED = 10


@functools.cache
def corpus() -> tuple[list[str], list[tuple[str, str]]]:
    """Distinct real value texts and the judged (target, actual) pairs."""
    texts = sorted(
        {
            row["text"]
            for name in ("seed_values.tsv", "national_values.tsv")
            for row in read_cases(name)
            if row["text"].strip()
        }
    )
    pairs = [(row["target"], row["actual"]) for row in read_cases("judge_pairs.tsv")]
    return texts, pairs


def test_mutated_real_values_keep_the_contract() -> None:
    texts, pairs = corpus()
    assert len(texts) > 900
    tally = run(texts, pairs, count=COUNT, seed=SEED, pair_share=0.2)
    assert tally.values + tally.pairs == COUNT
    assert tally.values > 15_000 and tally.pairs > 3_000
    assert tally.escapes == []
    assert tally.changes == []
    # The run is not vacuous: most mutations read through, and some are refused.
    assert tally.outcomes["same"] > tally.values // 2
    assert tally.outcomes["flagged"] > 1_000


def _mutated(mutation: object, text: str, seed: int) -> tuple[str, str]:
    return mutation(random.Random(seed), text)  # type: ignore[operator,no-any-return]


@pytest.mark.parametrize(
    ("mutation", "text", "kind"),
    [
        (han_wrap, "不低于95%", READ_THROUGH),
        (radicals, "≥5人", READ_THROUGH),
        (full_width, "≥95%", READ_THROUGH),
        (duplicate, "≥5人", SAME_OR_REFUSED),
    ],
)
def test_mutations_say_what_they_expect(mutation: object, text: str, kind: str) -> None:
    found = {_mutated(mutation, text, seed)[1] for seed in range(20)}
    assert kind in found
    assert found <= {READ_THROUGH, SAME_OR_REFUSED, ANYTHING}


@pytest.mark.parametrize(
    ("original", "mutated", "kind"),
    [
        # Every row was a silent change before issue 10 (found by this fuzz).
        ("11", "1\xa0\u061c1\u200e\u200b", SAME_OR_REFUSED),
        ("≤78.71万元", "≤78.71万\u2064 \n\u2063 元", READ_THROUGH),
        ("≥5250 万元", "≥5250 万万元", SAME_OR_REFUSED),
        ("≤371.63 万元", "≤371.63 万 万元", SAME_OR_REFUSED),
        ("≥95 百分比", "≥95 百百分比\u0301", SAME_OR_REFUSED),
        ("100百分比", "100百分分比", SAME_OR_REFUSED),
        ("≥32 人次", "≥32 人 人次", SAME_OR_REFUSED),
        ("≥7500 台次/年", "≥7500 台 台次/年", SAME_OR_REFUSED),
        ("<=5300元/户", "<=5300元元/户", SAME_OR_REFUSED),
        ("5000元/人/月", "5000元/人/人/月", SAME_OR_REFUSED),
        ("1万元/月", "1万\u0300元/\u0300元/月", SAME_OR_REFUSED),
        (">=530元/人*月", ">=530元/人*月*月", SAME_OR_REFUSED),
        ("不低于90%", "\u202e不低低于90%", SAME_OR_REFUSED),
        ("2022 年底前完成", "2022 年底年底前完成", SAME_OR_REFUSED),
        ("2025年12月底前", "２02５年12月月底前", SAME_OR_REFUSED),
        # fuzz/mutation_run.py 200000 7: a Latin unit cut or run on.
        ("2km", "2k\nm", SAME_OR_REFUSED),
        ("2km", "2k\u3000m", SAME_OR_REFUSED),
        ("2km", "2km2km", SAME_OR_REFUSED),  # `km2` is km²
        ("2km", "2\xa0km2\xa0km", SAME_OR_REFUSED),
    ],
)
def test_fuzz_findings(original: str, mutated: str, kind: str) -> None:
    tally = Tally()
    check_value(original, mutated, kind, tally)
    assert (tally.escapes, tally.changes) == ([], [])
