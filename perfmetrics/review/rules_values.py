"""Rules on one value cell: measurable, with a unit, a time for 时效, not guessed, well named.

The last two look at the name: not too long, and explained (指标解释).

Each rule takes a :class:`~perfmetrics.review.model.RowContext` and its
:class:`~perfmetrics.review.model.RuleConfig` and yields :class:`~perfmetrics.review.model.Hit` s;
the messages live in the rule set (``default.toml``), not here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from perfmetrics.documents.model import IndicatorRow
from perfmetrics.review.model import Hit, RowContext, RuleConfig
from perfmetrics.review.names import (
    category_match,
    contains_word,
    ending,
    fold,
    is_time,
    percent,
    states_a_unit,
    target_amount,
    with_stated_unit,
)
from perfmetrics.values.model import Amount, Kind, Value, format_decimal
from perfmetrics.values.notices import WarningCode, find_warning, has_warning

__all__ = [
    "description_missing",
    "guessed_value",
    "measurable_value",
    "name_length",
    "timeliness",
    "unit_missing",
]

_DIGIT = regex.compile(r"\d")
_HUNDRED = 100
_GUESS_CODES = {
    "unknown_unit": WarningCode.UNKNOWN_UNIT,
    "multiplier_without_unit": WarningCode.MULTIPLIER_WITHOUT_UNIT,
    "yearless": WarningCode.YEARLESS,
    "ambiguous": WarningCode.AMBIGUOUS,
}
#: The rules that already report an ambiguous value of the categories they cover.
_VALUE_RULES = ("measurable_value", "timeliness")


def _covered(ctx: RowContext) -> bool:
    """Say whether a rule that is on reports this row's value when it has no single target."""
    for rule_id in _VALUE_RULES:
        rule = ctx.table.ruleset.get(rule_id)
        if rule is not None and rule.enabled and category_match(ctx.row, rule.params["categories"]):
            return True
    return False


def _is_rate(name: str) -> bool:
    return bool(ending(name, "rate_ending") or contains_word(name, "satisfaction_word"))


def _several_numbers(value: Value | None) -> bool:
    """Say whether a value was kept as text because it holds numbers but no single target.

    Only written digits count: the parser also hears a number in 一次性 or 第四季度, which are
    words without a target, not several targets.
    """
    return (
        value is not None
        and value.kind is Kind.QUALITATIVE
        and has_warning(value.warnings, WarningCode.AMBIGUOUS)
        and _DIGIT.search(fold(value.text)) is not None
    )


def measurable_value(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a value of a quantitative category (数量, 质量, 时效, 成本) that has no number.

    A 时效 row is left to the ``timeliness`` rule when that rule is on and covers it.
    """
    row = ctx.row
    category = category_match(row, config.params["categories"])
    if category is None:
        return
    timely = ctx.table.ruleset.get("timeliness")
    if timely is not None and timely.enabled and category_match(row, timely.params["categories"]):
        return
    example = config.params["examples"].get(category, "")
    if not row.raw.strip():
        yield Hit("value_empty", ctx.index, {"example": example})
    elif row.value is None or row.value.kind is Kind.QUALITATIVE:
        code = "value_ambiguous" if _several_numbers(row.value) else "value_not_measurable"
        yield Hit(code, ctx.index, {"example": example})


def unit_missing(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a bare number (``≥90``, ``100``) where a unit is expected.

    Numbers written with 万 but no unit are left to ``guessed_value``; with ``allow_fractions``
    a plain number between 0 and 1 (``>0.95``) is taken as a ratio and passes. A row that
    states its unit elsewhere passes: in the name (``公猪舍(≥**平方米)``, ``合格率(%)``) or in a
    计量单位 column (:func:`~perfmetrics.review.names.stated_unit`).
    """
    value = ctx.row.value
    amount = target_amount(value)
    if value is None or amount is None or amount.unit:
        return
    if has_warning(value.warnings, WarningCode.MULTIPLIER_WITHOUT_UNIT):
        return
    if states_a_unit(ctx.row):  # 公猪舍(≥**平方米) 22.8; a 计量单位 column
        return
    if config.params["allow_fractions"] and percent(amount, fractions=True) is not None:
        return
    if _is_rate(ctx.row.level3):
        yield Hit("rate_unit_missing", ctx.index, {"suggestion": _as_percent(value, amount)})
    else:
        yield Hit("unit_missing", ctx.index)


def _as_percent(value: Value, amount: Amount) -> str:
    """Write a bare rate as a percentage: ``≥90`` → ``≥90%``, ``1`` → ``100%``."""
    number = amount.magnitude * 100 if amount.magnitude <= 1 else amount.magnitude
    sign = value.op.symbol if value.op is not None and value.op_explicit else ""
    return f"{sign}{format_decimal(number.normalize())}%"


def _is_time_value(row: IndicatorRow, value: Value, accept_rates: bool) -> bool | None:
    """Say whether a 时效 value names a time; None for a percentage that may be a timely rate.

    A unit the row states elsewhere counts (``完成时限(工作日)`` ``≤5``).
    """
    name, description = row.level3, row.description
    if value.kind in (Kind.DATE, Kind.PERIOD, Kind.RECURRING):
        return True
    amount = with_stated_unit(row, target_amount(value))
    if amount is None:
        return False
    if is_time(amount.unit):
        return True
    share = percent(amount, fractions=True) is not None or (
        # 设备验收及时率 98: a percentage without its sign (unit_missing asks for the sign)
        amount.unit == "" and _is_rate(name) and 1 <= amount.magnitude <= _HUNDRED
    )
    if share and accept_rates:
        return True if contains_word(name + description, "timeliness_word") else None
    return False


def timeliness(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a 时效 value that is not a date, period, deadline, duration or frequency.

    Recurring deadlines (``每月20日前``) count as deadlines. A cell with several numbers and no
    single target (``12月底前100%到位``) is reported as ``timeliness_ambiguous``.

    With ``accept_timely_rates`` a percentage passes when the name or the description says
    what is timely (及时, 按时, 按期 …: words of ``timeliness_word``); a percentage that says
    nothing of time is reported under its own code.
    """
    row = ctx.row
    if category_match(row, config.params["categories"]) is None:
        return
    if row.value is None:
        yield Hit("timeliness_not_time", ctx.index)
        return
    if _several_numbers(row.value):
        yield Hit("timeliness_ambiguous", ctx.index)  # 12月底前100%到位: a deadline and a rate
        return
    accept = config.params["accept_timely_rates"]
    verdict = _is_time_value(row, row.value, accept)
    if verdict is None:
        yield Hit("timeliness_rate_unclear", ctx.index)
    elif not verdict:
        yield Hit("timeliness_not_time", ctx.index)


def guessed_value(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report what the parser had to guess: an unknown unit, 万 with no unit, a note with numbers.

    ``codes`` picks what to report; ``yearless`` (a date without a year) is off by default.
    ``ambiguous`` is a cell with numbers but no single target, kept as text (``第一年按总投资额
    返本20%,分红按8%分红``); rows of the categories ``measurable_value`` or ``timeliness``
    cover are left to them.
    """
    value = ctx.row.value
    if value is None:
        return
    codes = config.params["codes"]
    for code in codes:
        warning_code = _GUESS_CODES.get(code)
        if warning_code is None:
            continue
        if code == "ambiguous" and (_covered(ctx) or not _several_numbers(value)):
            continue
        found = find_warning(value.warnings, warning_code)
        if found is not None:
            amount = target_amount(value)
            unit = amount.unit if amount is not None else ""
            yield Hit(code, ctx.index, _value_fields(value, warning=str(found), unit=unit))
    if "note_with_number" in codes and value.is_structured and _DIGIT.search(value.note):
        yield Hit("note_with_number", ctx.index, _value_fields(value))


def _value_fields(value: Value, **extra: str) -> dict[str, str]:
    return {"value": str(value), "note": value.note, "warning": "", "unit": "", **extra}


def name_length(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a 三级 name longer than ``max_length`` characters (spaces not counted)."""
    length = len(fold(ctx.row.level3))
    limit = config.params["max_length"]
    if length > limit:
        yield Hit("name_too_long", ctx.index, {"length": str(length), "max_length": str(limit)})


def description_missing(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Report a row whose 指标解释 (description) is empty or only repeats the name."""
    description = fold(ctx.row.description)
    if not description or description == fold(ctx.row.level3):
        yield Hit("description_missing", ctx.index)


def check_params(params: dict[str, Any], *, codes: tuple[str, ...]) -> None:
    """Check ``guessed_value``'s ``codes``: each one it can report.

    Raises:
        ValueError: ``"codes: …"`` naming the unknown code.

    """
    unknown = [code for code in params["codes"] if code not in codes]
    if unknown:
        raise ValueError(f"codes: unknown code {unknown[0]!r}; expected some of {list(codes)}")
