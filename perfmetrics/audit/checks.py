"""``audit``: check the scores a self-evaluation table published against its own rows.

Codes (docs/selfeval.md): ``missed_but_full`` (a target not met, scored the full weight),
``met_but_docked`` (met, scored below the weight, no 偏差原因 given), ``score_exceeds_weight``,
``unjudgeable`` (target or actual missing or not comparable), ``total_mismatch`` (总分 ≠ the row
scores plus the budget line), ``budget_line_mismatch`` (预算执行 得分 ≠ 分值 × 执行率, or a
printed 执行率 its amounts do not give), ``block_weight_mismatch`` (an 一级 block's points ≠ its
rows' weights) and, when a rule is given, ``score_differs`` (the published score is not the one
the rule gives). Messages are in Chinese.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from perfmetrics.audit.budget import budget_findings
from perfmetrics.audit.rules import Rule, expected_score, explains, infer_rule
from perfmetrics.documents.selfeval.cells import PLACEHOLDERS, fold
from perfmetrics.documents.selfeval.model import SelfEvalRow, SelfEvalTable
from perfmetrics.errors import InputTypeError
from perfmetrics.findings import Finding, Severity
from perfmetrics.judging.bands import BANDS, Bands
from perfmetrics.judging.scoring import ROUNDINGS, RULES
from perfmetrics.values.model import format_decimal

__all__ = ["CODES", "audit", "audit_tables", "has_reason", "has_targets"]

#: Every code the audit reports.
CODES = (
    "missed_but_full",
    "met_but_docked",
    "score_exceeds_weight",
    "unjudgeable",
    "score_differs",
    "total_mismatch",
    "budget_line_mismatch",
    "block_weight_mismatch",
)
#: How far a published total may be from the sum of its parts (a printed 0.01).
_TOTAL_TOLERANCE = Decimal("0.01")
#: Quotes a published name may carry (重庆 “三公经费变动率): left out of a quoted name.
_QUOTES = "“”\"'‘’「」 "
_OUTCOMES = {"met": "已达成", "partial": "部分达成", "not_met": "未达成", "unknown": "无法判断"}


def _n(number: Decimal) -> str:
    """Show a number as published; a computed one with more than two decimals to two."""
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        number = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format_decimal(number)


def has_reason(text: str) -> bool:
    """Say whether a 偏差原因 cell gives a reason (not empty, ``0``, ``无`` or ``—``).

    >>> has_reason("已完工,剩余3%尾款未付"), has_reason("0"), has_reason(" ")
    (True, False, False)
    """
    folded = fold(text)
    return folded not in PLACEHOLDERS and folded != "0"


def _finding(
    code: str,
    message: str,
    table: SelfEvalTable,
    *,
    severity: Severity = Severity.ERROR,
    index: int | None = None,
    row: SelfEvalRow | None = None,
    published: Decimal | None = None,
    expected: Decimal | None = None,
) -> Finding:
    return Finding(
        code=code,
        message=message,
        severity=severity,
        table=table.name,
        row=index,
        indicator=None if row is None else row.level3,
        rule=code,
        published=published,
        expected=expected,
    )


def _docked_note(row: SelfEvalRow) -> str:
    weight, score = row.weight, row.score
    assert weight is not None and score is not None
    if row.item_score is not None and row.item_score == weight and score != weight:
        return (
            f"；单项指标得分{_n(row.item_score)}已等于权重，再乘权重占比{_n(weight)}%"
            f"得{_n(score)}，权重被重复计算"
        )
    if row.coefficient is not None and row.coefficient * weight != score:
        return f"；得分系数{_n(row.coefficient * 100)}%，应得{_n(row.coefficient * weight)}分"
    return ""


def has_targets(table: SelfEvalTable) -> bool:
    """Say whether the table publishes targets or actuals at all.

    A 部门整体 scoring table (一级 | 二级 | 三级 | 指标分值 | 评分标准 | 自评得分) scores each
    row by its standard, not against a target: there is nothing to judge, so nothing is
    "unjudgeable" (scores, weights and totals are still checked).
    """
    return any(row.target or row.actual for row in table.rows)


def _row_findings(
    table: SelfEvalTable, index: int, row: SelfEvalRow, rule: Rule | None, fallback: Rule
) -> list[Finding]:
    if row.part:
        return []
    found: list[Finding] = []
    verdict, weight, score = row.verdict, row.weight, row.score
    name = f"指标“{row.level3.strip(_QUOTES)}”"
    if verdict.met is None and has_targets(table):
        scored = score is not None and score > 0
        message = f"{name}无法判断是否达成：{verdict.reason_zh}"
        if scored:
            assert score is not None
            message += f"，却得分{_n(score)}" + (f"/{_n(weight)}" if weight is not None else "")
        severity = Severity.ERROR if scored else Severity.INFO
        found.append(
            _finding(
                "unjudgeable",
                message,
                table,
                severity=severity,
                index=index,
                row=row,
                published=score,
            )
        )
    if weight is None or score is None:
        return found
    expected = expected_score(row, rule or fallback)
    by_rule = rule is not None and explains(row, rule)
    if score > weight:
        message = f"{name}得分{_n(score)}超过分值{_n(weight)}"
        found.append(
            _finding(
                "score_exceeds_weight",
                message,
                table,
                index=index,
                row=row,
                published=score,
                expected=weight,
            )
        )
    elif by_rule:
        return found  # a stated rule may give a miss full marks (rounded to whole points) or
        # dock a met verdict without a reason (inside its band: rules.md §2a, 合理确定分值)
    elif verdict.met is False and score >= weight and weight > 0:
        outcome = _OUTCOMES[verdict.outcome]
        message = f"{name}{outcome}（{verdict.reason_zh}），却得满分{_n(score)}/{_n(weight)}"
        if has_reason(row.reason):
            message += "；已说明偏差原因但未扣分"
        found.append(
            _finding(
                "missed_but_full",
                message,
                table,
                index=index,
                row=row,
                published=score,
                expected=expected,
            )
        )
    elif verdict.met is True and score < weight and not has_reason(row.reason):
        message = (
            f"{name}已达成（{verdict.reason_zh}），得分{_n(score)}低于分值{_n(weight)}，"
            f"且未说明偏差原因{_docked_note(row)}"
        )
        found.append(
            _finding(
                "met_but_docked",
                message,
                table,
                severity=Severity.WARNING,
                index=index,
                row=row,
                published=score,
                expected=weight,
            )
        )
    elif rule is not None and verdict.met is not None and not explains(row, rule):
        shown = "?" if expected is None else _n(expected)
        message = f"按{rule.describe()}，{name}应得{shown}分，公布为{_n(score)}分"
        found.append(
            _finding(
                "score_differs",
                message,
                table,
                severity=Severity.WARNING,
                index=index,
                row=row,
                published=score,
                expected=expected,
            )
        )
    return found


def _block_findings(table: SelfEvalTable) -> list[Finding]:
    labels = list(dict.fromkeys(row.level1 for row in table.rows if row.level1))
    closed = table.total_score is not None or table.total_weight is not None
    found = []
    for position, label in enumerate(labels):
        points = table.blocks.get(label)
        complete = closed or position + 1 < len(labels)
        rows = [row for row in table.rows if row.level1 == label and not row.part]
        weights = [row.weight for row in rows]
        if points is None or not complete or not rows or None in weights:
            continue
        total = sum((w for w in weights if w is not None), Decimal(0))
        if total != points:
            message = f"一级指标“{label}”标明{_n(points)}分，其下各项分值合计{_n(total)}分"
            found.append(
                _finding(
                    "block_weight_mismatch",
                    message,
                    table,
                    severity=Severity.WARNING,
                    published=points,
                    expected=total,
                )
            )
    return found


def _total_findings(table: SelfEvalTable) -> list[Finding]:
    published = table.total_score
    rows = [row for row in table.rows if not row.part]
    scores = [row.score for row in rows if row.score is not None]
    if published is None or not scores:
        return []
    budget = table.budget
    budget_weight = budget.weight if budget is not None and budget.weight is not None else None
    weights = [row.weight for row in rows]
    if None not in weights:
        points = sum((w for w in weights if w is not None), Decimal(0)) + (budget_weight or 0)
        if points < (table.total_weight or Decimal(100)):
            return []  # rows are missing (a partial table): the total cannot be checked
    rows_sum = sum(scores, Decimal(0))
    budget_score = budget.score if budget is not None and budget.score is not None else Decimal(0)
    expected = rows_sum + budget_score
    if abs(expected - published) <= _TOTAL_TOLERANCE:
        return []
    message = (
        f"总分{_n(published)}与各项得分之和{_n(rows_sum)}加预算执行得分{_n(budget_score)}"
        f"（={_n(expected)}）不符"
    )
    if budget_score and abs(rows_sum - published) <= _TOTAL_TOLERANCE:
        message += "；不含预算执行得分时相符"
    return [_finding("total_mismatch", message, table, published=published, expected=expected)]


def audit(
    table: SelfEvalTable,
    *,
    rule: str | None = None,
    rounding: str | None = None,
    bands: Bands | None = None,
) -> list[Finding]:
    """Check the scores a self-evaluation table published; return what is wrong (in Chinese).

    Args:
        table: a table from :func:`perfmetrics.read_selfeval`.
        rule: the scoring rule the table should follow (``"proportional"``, ``"band"``,
            ``"all_or_nothing"``, ``"attainment"``): rows scored otherwise are reported as
            ``score_differs`` with the expected score. None: the rule is inferred when one
            explains every row (and then nothing differs).
        rounding: the rounding of that rule (``"half_up:1"`` …); also applied to the budget line.
        bands: the bands of worded verdicts under ``rule="band"`` (default: 100–80/80–50/50–0).

    Returns:
        The findings, row by row, then those about the whole table.

    Raises:
        InputTypeError: ``table`` is not a SelfEvalTable; an unknown rule or rounding.

    """
    if not isinstance(table, SelfEvalTable):
        raise InputTypeError(f"audit() takes a SelfEvalTable, not {type(table).__name__}")
    if rule is not None and rule not in RULES:
        raise InputTypeError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    if rounding is not None and rounding not in ROUNDINGS:
        raise InputTypeError(f"unknown rounding {rounding!r}; use one of {', '.join(ROUNDINGS)}")
    given = None
    if rule is not None or rounding is not None or bands is not None:
        given = Rule(rule or "proportional", rounding, bands or BANDS)
    fallback = given or infer_rule(table) or Rule()
    found: list[Finding] = []
    for index, row in enumerate(table.rows):
        found.extend(_row_findings(table, index, row, given, fallback))
    found.extend(_block_findings(table))
    found.extend(
        budget_findings(
            table.budget, table=table.name, rounding=None if given is None else rounding
        )
    )
    found.extend(_total_findings(table))
    return found


def audit_tables(
    tables: Sequence[SelfEvalTable],
    *,
    rule: str | None = None,
    rounding: str | None = None,
    bands: Bands | None = None,
) -> list[Finding]:
    """Audit every table of a document; each finding says which table (``table_index``)."""
    return [
        attrs.evolve(finding, table_index=position)
        for position, table in enumerate(tables)
        for finding in audit(table, rule=rule, rounding=rounding, bands=bands)
    ]
