"""Checks of the budget line (预算执行率): 得分 = 分值 × 执行率, and the 执行率 as printed.

The rate is recomputed from the amounts (全年执行数 ÷ 全年预算数, else ÷ 年初预算数) when they are
printed, else the printed 执行率 is used. A total line of zeros above a 其中 line that holds the
money (池州 tables: ``0 0 0 10 0 0``) is scored from its parts. A printed 执行率 that its own
amounts do not round to (上海普陀: 86.19% for 215457.6 ÷ 250000 = 86.18%) is reported for
information.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from perfmetrics.audit.rules import TOLERANCE
from perfmetrics.documents.selfeval.cells import fold
from perfmetrics.documents.selfeval.model import BudgetLine
from perfmetrics.findings import Finding, Severity
from perfmetrics.judging.scoring import budget_score
from perfmetrics.values.model import format_decimal

__all__ = ["CODE", "budget_findings", "expected_budget_score"]

CODE = "budget_line_mismatch"


def _percent(rate: Decimal) -> str:
    return f"{format_decimal((rate * 100).quantize(Decimal('0.01')))}%"


def _from_parts(line: BudgetLine) -> tuple[Decimal, Decimal] | None:
    """Return (budget, executed) summed over the parts, when the total line holds no money."""
    amounts = (line.initial, line.adjusted, line.executed)
    if any(amount is not None and amount.magnitude != 0 for amount in amounts):
        return None
    budget = sum((p.budget.magnitude for p in line.parts if p.budget), Decimal(0))
    executed = sum((p.executed.magnitude for p in line.parts if p.executed), Decimal(0))
    return (budget, executed) if budget > 0 else None


def _rate(line: BudgetLine) -> Decimal | None:
    parts = _from_parts(line)
    if parts is not None:
        return parts[1] / parts[0]
    computed = line.computed_rate
    return computed if computed is not None else line.rate


def expected_budget_score(line: BudgetLine, *, rounding: str | None = None) -> Decimal | None:
    """Return 分值 × 执行率 for the line (None without a 分值 or a rate)."""
    rate = _rate(line)
    if line.weight is None or rate is None:
        return None
    return budget_score(line.weight, rate, rounding=rounding)


def _printed_precision(text: str) -> Decimal | None:
    """Return the quantum of a printed percentage (``86.19%`` → 0.0001 as a fraction)."""
    folded = fold(text).rstrip("%")
    if not folded or not fold(text).endswith("%"):
        return None
    decimals = len(folded.partition(".")[2])
    return Decimal(1).scaleb(-(decimals + 2))


def budget_findings(
    line: BudgetLine | None, *, table: str | None, rounding: str | None = None
) -> list[Finding]:
    """Return the findings on a table's budget line (an empty list when it is consistent)."""
    if line is None or line.score is None or line.weight is None:
        return []
    expected = expected_budget_score(line, rounding=rounding)
    if expected is None:
        return []
    found: list[Finding] = []
    near = expected == line.score if rounding else abs(expected - line.score) <= TOLERANCE
    parts = _from_parts(line)
    shown = format_decimal(expected.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    rate = _rate(line)
    assert rate is not None
    if parts is not None and not near:
        names = "、".join(p.label for p in line.parts if p.executed) or "其中"
        message = (
            f"预算执行行“{line.label or '年度资金总额'}”金额为0，执行率和得分为"
            f"{format_decimal(line.score)}，但“{names}”行有预算{format_decimal(parts[0])}、"
            f"执行{format_decimal(parts[1])}：执行率应为{_percent(rate)}，得分应为{shown}"
        )
    elif not near:
        message = (
            f"预算执行得分{format_decimal(line.score)}不等于分值{format_decimal(line.weight)}"
            f"×执行率{_percent(rate)}（={shown}）"
        )
    else:
        message = ""
    if message:
        found.append(
            Finding(
                code=CODE,
                message=message,
                table=table,
                rule=CODE,
                published=line.score,
                expected=expected,
            )
        )
    found.extend(_printed_rate(line, table=table, score_ok=near))
    return found


def _printed_rate(line: BudgetLine, *, table: str | None, score_ok: bool) -> list[Finding]:
    computed, quantum = line.computed_rate, _printed_precision(line.rate_text)
    if computed is None or quantum is None or line.rate is None or _from_parts(line):
        return []
    if computed.quantize(quantum, rounding=ROUND_HALF_UP) == line.rate.quantize(quantum):
        return []
    assert line.executed is not None and line.budget is not None
    return [
        Finding(
            code=CODE,
            message=(
                f"执行率印为{line.rate_text}，按执行数{format_decimal(line.executed.magnitude)}"
                f"÷预算数{format_decimal(line.budget.magnitude)}计算为{_percent(computed)}"
                + ("（得分按金额计算无误）" if score_ok else "")
            ),
            severity=Severity.INFO,
            table=table,
            rule=CODE,
            published=line.rate,
            expected=computed,
        )
    ]
