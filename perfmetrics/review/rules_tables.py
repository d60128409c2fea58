"""Rules on a whole table: required categories present, costs within budget, no repeats."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from perfmetrics.documents.model import IndicatorRow
from perfmetrics.review.model import Hit, RuleConfig, TableContext
from perfmetrics.review.names import category_match, fold, money_amount
from perfmetrics.review.rules_targets import budget_unit, money_text

__all__ = [
    "cost_sum_over_budget",
    "duplicate_indicator",
    "duplicate_name",
    "required_categories",
]


def required_categories(ctx: TableContext, config: RuleConfig) -> Iterator[Hit]:
    """Report each required category (``categories``) that no row of the table stands under.

    Only tables of ``table_kinds`` (project tables by default: department-level goals have no
    categories) with at least one row that names a category are judged.
    """
    table = ctx.table
    if str(table.kind) not in config.params["table_kinds"] or not table.rows:
        return
    if not any(fold(row.level1) or fold(row.level2) for row in table.rows):
        return  # no row names a category (the layout lost the columns): nothing to judge
    for category in config.params["categories"]:
        if not any(category_match(row, [category]) for row in table.rows):
            yield Hit("category_missing", None, {"category": category})


def cost_sum_over_budget(ctx: TableContext, config: RuleConfig) -> Iterator[Hit]:
    """Report cost indicators whose amounts together exceed the table's 预算数.

    Needs two or more amounts of money (one alone is ``cost_over_budget``'s); per-unit costs
    are left out. Parts and a total written side by side add up twice, so this is a warning.
    """
    table = ctx.table
    budget = budget_unit(table, config.params["default_budget_unit"])
    if budget is None:
        return
    total, unit = budget
    amounts: list[Decimal] = []
    for row in table.rows:
        if category_match(row, config.params["categories"]) is None:
            continue
        wan = config.params["bare_wan_as_yuan"]
        amount = money_amount(row, unit, bare_wan_as_yuan=wan)
        if amount is not None:
            amounts.append(amount)
    spent = sum(amounts, Decimal(0))
    if len(amounts) > 1 and spent > total:
        fields = {
            "amount": money_text(spent, unit),
            "budget": money_text(total, unit),
            "count": str(len(amounts)),
        }
        yield Hit("cost_sum_over_budget", None, fields)


def _groups(ctx: TableContext) -> list[list[int]]:
    """Return the indexes of rows sharing a 二级 and 三级 name, for each name met twice."""
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(ctx.table.rows):
        if fold(row.level3):
            seen[fold(row.level2), fold(row.level3)].append(index)
    return [indexes for indexes in seen.values() if len(indexes) > 1]


def _content(row: IndicatorRow) -> tuple[str, str]:
    return fold(row.description), fold(row.raw)


def duplicate_indicator(ctx: TableContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a row that repeats an earlier one: same 二级 and 三级 name, description and value."""
    rows = ctx.table.rows
    for indexes in _groups(ctx):
        first: dict[tuple[str, str], int] = {}
        for index in indexes:
            content = _content(rows[index])
            if content in first:
                yield Hit("duplicate_indicator", index, {"first": str(first[content] + 1)})
            else:
                first[content] = index


def duplicate_name(ctx: TableContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a row named like an earlier one of the same 二级 but with another value or meaning.

    The same name for different targets (three rows of 工作任务完成及时率, told apart only by
    their descriptions) makes the self-evaluation ambiguous; an exact repeat is
    ``duplicate_indicator``'s.
    """
    rows = ctx.table.rows
    for indexes in _groups(ctx):
        head = indexes[0]
        seen = {_content(rows[head])}
        for index in indexes[1:]:
            content = _content(rows[index])
            if content not in seen:
                yield Hit("duplicate_name", index, {"first": str(head + 1)})
            seen.add(content)
