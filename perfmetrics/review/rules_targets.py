"""Rules on what a target says: its direction, rates, satisfaction and cost against budget.

Rates stay within 100% and are written in percent, directions fit the category or the name,
satisfaction targets reach a floor, and costs stay within the table's budget. Name endings and
words come from the vocabulary (``rate_ending``, ``satisfaction_word``, ``ceiling_ending``,
``floor_ending``); categories and thresholds from the rule set.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from perfmetrics.documents.model import Table
from perfmetrics.errors import PerfmetricsError
from perfmetrics.judging.directions import direction_of_name, name_endings
from perfmetrics.review.model import Hit, RowContext, RuleConfig
from perfmetrics.review.names import (
    bare_name,
    category_match,
    contains_word,
    ending,
    money_amount,
    money_unit,
    percent,
    row_amount,
    target_amount,
    with_stated_unit,
)
from perfmetrics.values.api import parse
from perfmetrics.values.model import (
    Amount,
    Comparator,
    QuantityValue,
    RangeValue,
    Value,
    format_decimal,
)

__all__ = [
    "budget_unit",
    "check_budget_unit",
    "check_floor",
    "cost_over_budget",
    "direction",
    "money_text",
    "rate_over_100",
    "rate_unit",
    "satisfaction_floor",
]

_HUNDRED = Decimal(100)
#: Name endings of rates and degrees (合格率, 满意度): a direction against them is a plain error,
#: while one against a count or a cost (人数 ≤757人) may be a deliberate cap.
_SHARE_ENDS = ("率", "度")


def _percent_text(value: Decimal) -> str:
    return f"{format_decimal(value.normalize() if value == value.to_integral() else value)}%"


def rate_over_100(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a share (合格率, 完成率, 满意度 …) whose target exceeds 100%."""
    row = ctx.row
    if ending(row.level3, "rate_ending") is None:
        return
    amount = row_amount(row)
    share = None if amount is None else percent(amount)
    if share is not None and share > _HUNDRED:
        yield Hit("rate_over_100", ctx.index, {"value": _percent_text(share)})


def rate_unit(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a share whose target carries a unit that is not a percentage (``≥95人``).

    Satisfaction measures may also be scores (``≥80分``: ``satisfaction_units``). Bare numbers
    are the ``unit_missing`` rule's.
    """
    row = ctx.row
    amount = row_amount(row)
    if amount is None or not amount.unit or percent(amount) is not None:
        return
    satisfaction = contains_word(row.level3, "satisfaction_word") is not None
    if ending(row.level3, "rate_ending") is None and not satisfaction:
        return
    allowed = set(config.params["allowed_units"])
    if satisfaction:
        allowed.update(config.params["satisfaction_units"])
    if amount.unit not in allowed:
        yield Hit("rate_not_percent", ctx.index, {"unit": amount.unit})


def _is_share(amount: Amount | None) -> bool:
    """Say whether an amount reads as a share: a percentage, a per-mille or a plain number."""
    return amount is not None and (amount.unit == "" or percent(amount) is not None)


def _explicit_op(ctx: RowContext) -> Comparator | None:
    value = ctx.row.value
    if isinstance(value, QuantityValue) and value.op_explicit:
        return value.op
    return None


def _name_reason(name: str, op: Comparator) -> str:
    """Return the ending that gives ``name`` its direction ``op`` (the name itself if hidden)."""
    folded = bare_name(name)
    found = (word for word, given in name_endings().items() if given is op)
    return next((word for word in found if folded.endswith(word)), name)


def direction(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a comparator against the name or the category: ``投诉率 ≥5%``, ``成本 ≥706万元``.

    First a rate or degree decides by its name (:func:`~perfmetrics.judging.directions.
    direction_of_name`: 故障率, 投诉率 … are ceilings, 合格率, 满意度 … floors:
    ``direction_against_rate``); then the category (``ceiling_categories``, ``floor_categories``:
    ``direction_against_category``); then any other name ending (人数, 数量 floors; 时长
    ceilings: ``direction_against_name``). Only a written comparator is judged: a bare target
    takes its direction from the name or the category anyway.
    """
    op = _explicit_op(ctx)
    if op is None or op is Comparator.EQ:
        return
    row, params = ctx.row, config.params
    by_name = direction_of_name(bare_name(row.level3)) if params["by_name"] else None
    reason = "" if by_name is None else _name_reason(row.level3, by_name)
    if by_name is not None and reason.endswith(_SHARE_ENDS):
        if not _is_share(row_amount(row)):
            # 检测及时率 ≤7工作日: a duration under a rate's name; rate_unit reports the
            # mismatch, and the name's direction says nothing about a duration.
            by_name = None
        else:
            yield from _against(ctx, "direction_against_rate", op, by_name, reason)
            return
    ceiling = category_match(row, params["ceiling_categories"])
    floor = category_match(row, params["floor_categories"])
    if ceiling or floor:
        wanted = Comparator.LE if ceiling else Comparator.GE
        yield from _against(ctx, "direction_against_category", op, wanted, ceiling or floor or "")
    elif by_name is not None:
        yield from _against(ctx, "direction_against_name", op, by_name, reason)


def _against(
    ctx: RowContext, code: str, op: Comparator, wanted: Comparator, reason: str
) -> Iterator[Hit]:
    if wanted.is_floor != op.is_floor:
        fields = {"op": op.symbol, "expected": wanted.symbol, "reason": reason}
        yield Hit(code, ctx.index, fields)


@functools.cache
def _floor(text: str) -> Decimal:
    """Return a floor written as ``80%`` (or ``0.8``) in percent.

    Raises:
        ValueError: it is no percentage.

    """
    value: Value | None = None
    problem = "write it as 80%"
    try:
        value = parse(text, strict=True)
    except PerfmetricsError as exc:
        problem = str(exc).splitlines()[0]
    # Raised outside the handler, so that no parse error rides along as the context: its
    # traceback holds parser frames that do not pickle where tblib pickles exception chains
    # (dask installs it), and the RuleSetError built from this must survive pickling.
    amount = target_amount(value)
    share = None if amount is None else percent(amount, fractions=True)
    if share is None:
        raise ValueError(f"floor: {text!r} is not a percentage ({problem})")
    return share


def check_floor(params: dict[str, Any]) -> None:
    """Check ``satisfaction_floor``'s ``floor`` when the rule set is loaded."""
    _floor(params["floor"])


def _satisfaction_share(ctx: RowContext, score_units: list[str], named: bool) -> Decimal | None:
    value = ctx.row.value
    found: Amount | None = None
    if isinstance(value, RangeValue):
        found = value.lower
    elif isinstance(value, QuantityValue) and not value.op.is_ceiling:
        found = value.amount
    amount = with_stated_unit(ctx.row, found)
    if amount is None:
        return None
    if amount.unit in score_units:  # a score out of 100 points reads like a percentage
        return amount.magnitude
    if named and amount.unit == "" and 1 < amount.magnitude <= _HUNDRED:
        return amount.magnitude  # 满意度 95: a percentage without its sign (unit_missing says so)
    return percent(amount, fractions=True)


def satisfaction_floor(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a satisfaction target (满意度指标, or a name with 满意度) below ``floor``.

    A percentage, a fraction (``0.75``), a score (``≥70分``) or, under a name that says 满意度, a
    bare number between 1 and 100 (``60``: a percentage without its sign) is compared; a ceiling
    (``≤90%``) is ``direction``'s.
    """
    row, params = ctx.row, config.params
    in_category = category_match(row, params["categories"]) is not None
    named = contains_word(row.level3, "satisfaction_word") is not None
    if not in_category and not named:
        return
    share = _satisfaction_share(ctx, params["score_units"], named)
    floor = _floor(params["floor"])
    if share is not None and share < floor:
        fields = {"value": _percent_text(share), "floor": _percent_text(floor)}
        yield Hit("satisfaction_below_floor", ctx.index, fields)


def budget_unit(table: Table, default_unit: str) -> tuple[Decimal, str] | None:
    """Return the table's 预算数 and its unit of money, or None when costs cannot be compared.

    A table that states no unit takes ``default_unit`` (the rule's ``default_budget_unit``;
    empty: no comparison). None when there is no 预算数, when it is not above zero (a form left
    at 0.00) or when its unit is not an amount of money (``金额单位：万元`` is 万元).
    """
    total = table.budget.total
    if total is None or total.magnitude <= 0:
        return None
    unit = money_unit(total.unit or table.money_unit or default_unit)
    return None if unit is None else (total.magnitude, unit)


def check_budget_unit(params: dict[str, Any]) -> None:
    """Check a cost rule's ``default_budget_unit`` when the rule set is loaded: money, or empty."""
    text = params["default_budget_unit"]
    if text and money_unit(text) is None:
        raise ValueError(f"default_budget_unit: {text!r} is not a unit of money (元, 万元 …)")


def money_text(amount: Decimal, unit: str) -> str:
    """Write an amount of money with its unit (``262.96万元``)."""
    return f"{format_decimal(amount)}{unit}"


def cost_over_budget(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a cost indicator whose amount alone exceeds the table's 预算数.

    Amounts are converted through the unit registry (``≤27886.27元`` against ``2.79万元``);
    per-unit costs (``元/人``) are not totals and are left alone.
    """
    row = ctx.row
    budget = budget_unit(ctx.table.table, config.params["default_budget_unit"])
    if budget is None or category_match(row, config.params["categories"]) is None:
        return
    total, unit = budget
    amount = money_amount(row, unit, bare_wan_as_yuan=config.params["bare_wan_as_yuan"])
    if amount is not None and amount > total:
        fields = {"amount": money_text(amount, unit), "budget": money_text(total, unit)}
        yield Hit("cost_over_budget", ctx.index, fields)
