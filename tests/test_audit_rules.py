"""No false alarm on a table scored by a stated rule, whatever the rule: the real tables rescored.

Issue 12 asks that rows scored by a stated rule raise no alarm. Two fixtures state their rule
(tests/test_audit.py checks them as published); here every real table of tests/fixtures/selfeval
is rescored as a careful evaluator following each rule the audit knows would score it (every
judged row given the rule's score, the budget line 分值 × 执行率, the 总分 their sum), and the
audit, told the rule, must find nothing but what no rule can fix (rows that cannot be judged,
block points the table's own cells contradict, information).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import perfmetrics as pm
from perfmetrics.audit import Rule, infer_rule
from perfmetrics.audit.budget import expected_budget_score
from perfmetrics.audit.rules import CANDIDATES, expected_score
from perfmetrics.judging.bands import ZHONGJIANG_BANDS

FIXTURES = Path(__file__).parent / "fixtures" / "selfeval"
GRIDS = sorted(FIXTURES.glob("*.grid.tsv"))
#: The rules of rules.md: proportional (exact, rounded to 0.01, to a tenth down, to a point) and
#: all-or-nothing, each as inference tries them (CANDIDATES), and the two band splits.
RULES = [
    *(
        rule
        for rule in CANDIDATES
        if rule.rounding in (None, "half_up:0.01", "down:0.1", "half_up:1")
    ),
    Rule("band", None, ZHONGJIANG_BANDS),
    Rule("band", "half_up:1"),
]
#: What rescoring cannot change: a row without a judgeable target or actual, block points (and
#: findings for information: a printed 执行率 its own amounts do not give).
UNFIXABLE = {"unjudgeable", "block_weight_mismatch"}


def _rescored(table: pm.SelfEvalTable, rule: Rule) -> pm.SelfEvalTable:
    rows = []
    for row in table.rows:
        expected = None if row.part else expected_score(row, rule)
        rows.append(row if expected is None else attrs.evolve(row, score=expected))
    budget = table.budget
    if budget is not None and budget.weight is not None:
        score = expected_budget_score(budget, rounding=rule.rounding)
        budget = attrs.evolve(budget, score=score) if score is not None else budget
    total = table.total_score
    if total is not None:
        scores = [row.score or Decimal(0) for row in rows if not row.part]
        total = sum(scores, Decimal(0)) + (budget.score or 0 if budget else 0)
    return attrs.evolve(table, rows=tuple(rows), budget=budget, total_score=total)


def _id(rule: Rule) -> str:
    bands = "" if rule.bands == Rule().bands else ":zhongjiang"
    return f"{rule.name}:{rule.rounding or 'exact'}{bands}"


@pytest.mark.parametrize("rule", RULES, ids=[_id(rule) for rule in RULES])
@pytest.mark.parametrize("path", GRIDS, ids=[path.name.split(".")[0] for path in GRIDS])
def test_a_table_scored_by_a_rule_raises_no_alarm_under_it(path: Path, rule: Rule) -> None:
    (table,) = pm.read_selfeval(path)
    rescored = _rescored(table, rule)
    told = pm.audit(rescored, rule=rule.name, rounding=rule.rounding, bands=rule.bands)
    assert [(f.code, f.message) for f in told if _alarm(f)] == []
    weighted = [row for row in rescored.rows if row.weight is not None and row.score is not None]
    assert infer_rule(rescored) is not None or not weighted
    # Told no rule, the audit still reports a miss scored in full (whole-point rounding can
    # do that) and a budget line rounded otherwise than exactly; nothing else.
    alone = [f for f in pm.audit(rescored) if _alarm(f)]
    assert {f.code for f in alone} <= {"missed_but_full", "budget_line_mismatch"}
    assert rule.rounding is not None or alone == []


def _alarm(finding: pm.Finding) -> bool:
    """A finding rescoring should have removed (not information, not beyond any rule)."""
    return finding.code not in UNFIXABLE and finding.severity is not pm.Severity.INFO


@pytest.mark.parametrize("path", GRIDS, ids=[path.name.split(".")[0] for path in GRIDS])
def test_a_rescored_table_gives_itself_away_under_another_rule(path: Path) -> None:
    """The converse: scored proportionally, a table with a missed target is caught under
    all-or-nothing (the rules differ exactly on missed rows)."""
    (table,) = pm.read_selfeval(path)
    rescored = _rescored(table, Rule("proportional"))
    missed = [
        row
        for row in rescored.rows
        if row.verdict.met is False and row.weight and row.score and not row.part
    ]
    differs = [f for f in pm.audit(rescored, rule="all_or_nothing") if f.code == "score_differs"]
    assert len(differs) == len(missed)
