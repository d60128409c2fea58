"""Decide whether an actual (完成值) meets its target (指标值): met, margin, reason.

``meets`` converts units through the shared registry, refuses what does not compare
(:class:`UnitMismatchError`), gives a bare target its category's direction, and answers
``met=None`` with a reason when the target cannot be decided (free text, unknown year), never a
guess. Grades (优/良/中/差 tiers) are judged with the same comparisons in
:mod:`perfmetrics.judging.grading`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import regex
from attrs import field, frozen

from perfmetrics.arithmetic import exact
from perfmetrics.boundaries import require_optional_text, require_year
from perfmetrics.errors import InputTypeError, UnitMismatchError
from perfmetrics.judging.alignment import aligned
from perfmetrics.judging.answers import Outcome, restated, stated_outcome
from perfmetrics.judging.categories import Category, category_of
from perfmetrics.judging.changes import change_doubt, change_of
from perfmetrics.judging.directions import direction_of_name, is_duration
from perfmetrics.judging.doubts import bounded, doubtful_actual
from perfmetrics.judging.reasons_zh import chinese_reason
from perfmetrics.judging.verdict_html import verdict_html
from perfmetrics.units.registry import convert
from perfmetrics.values.api import parse
from perfmetrics.values.model import (
    Amount,
    Comparator,
    DateValue,
    PeriodValue,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    Value,
    format_decimal,
)
from perfmetrics.values.normalize import normalize

if TYPE_CHECKING:
    import pint

__all__ = ["Verdict", "as_value", "compare", "effective_op", "meets"]

_DOTTED_NUMBER = regex.compile(r"\d{4}\.\d{1,2}")
#: Qualitative answers read as booleans.
_YES = frozenset({"是", "有", "达到", "已完成", "完成", "yes", "true"})
_NO = frozenset({"否", "无", "未达到", "未完成", "no", "false"})


@frozen
class Verdict:
    """The judgement of one actual against one target.

    Attributes:
        met: True, False, or None when it cannot be decided (``bool(verdict)`` then raises).
        margin_amount: actual minus target, exact, in the target's unit (None if not numeric).
        reason: one readable sentence.
        target, actual: the parsed values that were compared.
        op: the comparator that was applied (the written one, or the category's direction).
        actual_amount: the actual in the target's unit, exact (None if not numeric).
        partial: True when the actual says the target was partly met (``基本达到``, ``部分完成``);
            ``met`` is then False. See :attr:`outcome`.
    """

    met: bool | None
    reason: str
    target: Value = field(repr=False)
    actual: Value = field(repr=False)
    op: Comparator | None = None
    margin_amount: Amount | None = None
    actual_amount: Amount | None = None
    partial: bool = False

    @property
    def outcome(self) -> str:
        """``"met"``, ``"partial"``, ``"not_met"`` or ``"unknown"`` (when ``met`` is None)."""
        if self.met is None:
            return "unknown"
        return "met" if self.met else "partial" if self.partial else "not_met"

    @property
    def reason_zh(self) -> str:
        """The reason in Chinese (``reason`` keeps the English sentence)."""
        return chinese_reason(self)

    @property
    def margin(self) -> pint.Quantity[Any] | None:
        """Actual minus target as a pint Quantity in the target's unit (None if not numeric)."""
        return None if self.margin_amount is None else self.margin_amount.quantity

    def __bool__(self) -> bool:
        """Return ``met``; raise TypeError when it is None, so "unknown" never reads as "no"."""
        if self.met is None:
            raise TypeError(f"cannot say whether the target is met: {self.reason}")
        return self.met

    def _repr_html_(self) -> str:
        return verdict_html(self)


def as_value(value: str | Value, *, year: int | None, role: str) -> Value:
    """Return ``value`` parsed (a str) or placed in ``year`` (a parsed value); ``role`` names it."""
    if isinstance(value, str):
        return parse(value, year=year)
    if isinstance(value, QuantityValue | RangeValue | DateValue | PeriodValue | QualitativeValue):
        return value.resolve(year) if year is not None else value
    raise InputTypeError(f"the {role} must be a str or a parsed value, not {type(value).__name__}")


def _numeric_if_ambiguous(target: Value, actual: Value) -> Value:
    """Read a bare ``2022.11`` actual as the number it also is when the target is a number.

    On its own ``2022.11`` is a month (VALUE_SEMANTICS); judged against ``≥2000元`` it is an amount.
    """
    if isinstance(target, QuantityValue | RangeValue) and isinstance(actual, DateValue):
        text = actual.text.strip()
        if _DOTTED_NUMBER.fullmatch(normalize(text)):
            return QuantityValue(
                op=Comparator.EQ, op_explicit=False, amount=Amount(normalize(text), ""), text=text
            )
    return actual


def effective_op(
    target: Value, category: str | Category | None, indicator: str | None = None
) -> Comparator | None:
    """Return the comparator a target is judged by: the written one, else the category's.

    Without a category a bare number takes the direction of the indicator's name where the name
    decides (``…控制率`` a ceiling, ``…完成率`` a floor; :mod:`perfmetrics.judging.directions`),
    else equality (a bare date: within its span). Under 时效 a bare number that is not a duration (a
    rate: ``预算资金执行率 90%``) also takes the name's direction when the name has one.

    >>> effective_op(parse("100%"), "质量指标"), effective_op(parse("262.96万元"), "成本")
    ('>=', '<=')
    >>> effective_op(parse("100%"), None, "控制率"), effective_op(parse("90%"), "时效", "执行率")
    ('<=', '>=')
    """
    if target.op is None:
        return None
    if target.op_explicit or isinstance(target, RangeValue):
        return target.op
    if change_of(target) is not None:  # `降低10%`: a change of at least 10%, whatever the category
        return Comparator.GE
    by_name = direction_of_name(indicator) if isinstance(target, QuantityValue) else None
    if category is None:
        return by_name or target.op
    kind = category_of(category)
    if isinstance(target, DateValue) and kind is not Category.TIMELINESS:
        return target.op
    if kind is Category.TIMELINESS and by_name is not None and not is_duration(target):
        return by_name
    return kind.bare_direction


@exact
def meets(
    target: str | Value,
    actual: str | Value,
    *,
    category: str | Category | None = None,
    indicator: str | None = None,
    year: int | None = None,
) -> Verdict:
    """Judge ``actual`` against ``target``.

    Args:
        target: the 指标值, as text or parsed.
        actual: the 完成值, as text or parsed (dates may be ISO: ``2025-12-31``). A verdict
            written as the actual (``达成预期指标``, ``部分完成``, ``未达成``) is taken at its word.
        category: the indicator's category (二级指标), giving bare targets their direction.
        indicator: the indicator's name (三级指标); with no category, a bare target takes its
            direction from the name's ending (``…控制率`` ≤, ``…完成率`` ≥).
        year: reference year for dates written without one.

    Returns:
        A :class:`Verdict`.

    Returns ``met=None`` with a reason, never a guess, when the actual gives no one measured
    amount: a bound (``不足96%`` against ``≥95%``), a bare number followed by words that are no
    known unit (``99美元``), a bare fraction against a percentage (``0.96`` for ``≥95%``: write
    ``96%`` or ``0.96%``).

    Raises:
        UnitMismatchError: the two sides measure different things (人 vs 人次, 万元 vs 天).
        UnknownCategoryError: ``category`` names no known category.
        InputTypeError: a side is not a str or parsed value; ``year`` or ``indicator`` of the
            wrong type.
        ParseError: a side is blank text.

    >>> v = meets("≤262.96万元", "2629600元")
    >>> v.met, v.reason
    (True, '2629600元 ≤ 262.96万元 (= 2629600.00元)')
    """
    require_year(year)
    require_optional_text(indicator, "indicator")
    if category is not None:
        category_of(category)  # an unknown category is an error even where it is not needed
    target_value = as_value(target, year=year, role="target")
    actual_value = _numeric_if_ambiguous(target_value, as_value(actual, year=year, role="actual"))
    op = effective_op(target_value, category, indicator)
    verdict = compare(target_value, actual_value, op)
    return attrs.evolve(verdict, op=op) if verdict.op is None else verdict


def compare(target: Value, actual: Value, op: Comparator | None) -> Verdict:
    """Judge two parsed values with the comparator ``op`` (see :func:`effective_op`).

    Raises:
        UnitMismatchError: a number is compared with a date, or units that do not convert.

    """
    stated = _stated(target, actual)
    if stated is not None:
        return stated
    if isinstance(target, QualitativeValue):
        return _judge_text(target, actual)
    if isinstance(actual, QualitativeValue):
        return Verdict(
            None, f"the actual {actual.text!r} states no value to compare", target, actual
        )
    if isinstance(target, QuantityValue | RangeValue):
        if isinstance(actual, RangeValue):
            reason = f"the actual {actual.text or str(actual)!r} is a range, not one amount"
            return Verdict(None, reason, target, actual, op)
        if not isinstance(actual, QuantityValue):
            raise UnitMismatchError(
                getattr(target, "unit", ""), actual.kind.value, "a number is compared with a date"
            )
        doubt = change_doubt(target, actual) or doubtful_actual(target, actual, op)
        if doubt is not None:
            return Verdict(None, doubt, target, actual, op)
        if isinstance(target, RangeValue):
            return _judge_range(target, actual)
        assert op is not None
        return bounded(_judge_quantity(target, actual, op), op, actual)
    if isinstance(actual, QuantityValue | RangeValue):
        raise UnitMismatchError(target.kind.value, actual.unit, "a date is compared with a number")
    return _judge_calendar(target, actual, op)


# ---------------------------------------------------------------------------- quantities
def _shown(actual: QuantityValue, magnitude: Decimal, unit: str) -> str:
    """Write the actual as written, or (with no unit of its own) as read in the target's unit."""
    if actual.unit:
        return f"{format_decimal(actual.magnitude)}{actual.unit}"
    return f"{format_decimal(magnitude)}{unit}"


def _sign(difference: Decimal) -> int:
    return (difference > 0) - (difference < 0)


def _judge_quantity(target: QuantityValue, actual: QuantityValue, op: Comparator) -> Verdict:
    unit = target.unit
    magnitude, how = aligned(target, actual)
    difference = magnitude - target.magnitude
    met = op.holds(_sign(difference))
    shown_target = f"{format_decimal(target.magnitude)}{unit}"
    if actual.unit and actual.unit != unit and not how:
        back = convert(target.magnitude, unit, actual.unit)
        shown_target += f" (= {format_decimal(back)}{actual.unit})"
    relation = op.symbol if met else f"is not {op.symbol}"
    reason = f"{_shown(actual, magnitude, unit)} {relation} {shown_target}{how}"
    return Verdict(
        met, reason, target, actual, op, Amount(difference, unit), Amount(magnitude, unit)
    )


def _judge_range(target: RangeValue, actual: QuantityValue) -> Verdict:
    unit = target.unit
    magnitude, how = aligned(target, actual)
    low = convert(target.lower.magnitude, target.lower.unit, unit)
    high = target.upper.magnitude
    if magnitude < low:
        margin, met = magnitude - low, False
    elif magnitude > high:
        margin, met = magnitude - high, False
    else:
        margin, met = Decimal(0), True
    where = "within" if met else "outside"
    reason = (
        f"{_shown(actual, magnitude, unit)} is {where} "
        f"{format_decimal(low)}-{format_decimal(high)}{unit}{how}"
    )
    return Verdict(
        met, reason, target, actual, Comparator.EQ, Amount(margin, unit), Amount(magnitude, unit)
    )


# ---------------------------------------------------------------------------- calendar
def _bounds(value: DateValue | PeriodValue) -> tuple[dt.date, dt.date] | None:
    if value.start is None or value.end is None:
        return None
    return value.start, value.end


def _judge_calendar(target: Value, actual: Value, op: Comparator | None) -> Verdict:
    assert isinstance(target, DateValue | PeriodValue)
    assert isinstance(actual, DateValue | PeriodValue)
    target_bounds, actual_bounds = _bounds(target), _bounds(actual)
    if target_bounds is None or actual_bounds is None:
        side = "target" if target_bounds is None else "actual"
        return Verdict(None, f"the {side} date has no year: pass year=", target, actual, op)
    (t_start, t_end), (a_start, a_end) = target_bounds, actual_bounds
    shown = f"{a_start}" if a_start == a_end else f"{a_start}..{a_end}"
    if isinstance(target, PeriodValue) or op is Comparator.EQ:
        met = t_start <= a_start and a_end <= t_end
        relation = "within" if met else "not within"
        reason = f"{shown} is {relation} {t_start}..{t_end}"
        return Verdict(met, reason, target, actual, op or Comparator.EQ)
    if op is Comparator.LE:
        met, bound, days = a_end <= t_end, t_end, (a_end - t_end).days
    elif op is Comparator.LT:
        met, bound, days = a_end < t_start, t_start, (a_end - t_start).days
    elif op is Comparator.GE:
        met, bound, days = a_start >= t_start, t_start, (a_start - t_start).days
    else:
        met, bound, days = a_start > t_end, t_end, (a_start - t_end).days
    assert op is not None
    relation = op.symbol if met else f"is not {op.symbol}"
    reason = f"{shown} {relation} {bound} ({abs(days)} days {'late' if days > 0 else 'early'})"
    if days == 0:
        reason = f"{shown} {relation} {bound} (on the day)"
    return Verdict(met, reason, target, actual, op, Amount(Decimal(days), "天"))


# ---------------------------------------------------------------------------- text
def _answer(value: Value) -> bool | None:
    content = value.content if isinstance(value, QualitativeValue) else ""
    if content.lower() in _YES:
        return True
    if content.lower() in _NO:
        return False
    return None


def _stated(target: Value, actual: Value) -> Verdict | None:
    """Judge an actual written as a verdict (达成预期指标, 部分完成, 未达成), or return None.

    A target that is itself a yes/no answer or a verdict word (``否``, a tier ``基本达到``) is
    matched as text instead: ``否`` meets ``否``.
    """
    if not isinstance(actual, QualitativeValue) or _answer(target) is not None:
        return None
    if isinstance(target, QualitativeValue) and stated_outcome(target.text) is not None:
        return None
    outcome = stated_outcome(actual.text)
    if outcome is None:
        return None
    return _worded(outcome, target, actual, f"the actual {actual.text!r} states the outcome")


def _worded(outcome: Outcome, target: Value, actual: Value, reason: str) -> Verdict:
    partial = outcome is Outcome.PARTIAL
    return Verdict(
        outcome.met, f"{reason}: {outcome.value}", target, actual, Comparator.EQ, partial=partial
    )


def _judge_text(target: QualitativeValue, actual: Value) -> Verdict:
    expected, given = _answer(target), _answer(actual)
    if expected is not None and given is not None:
        met = expected == given
        return Verdict(
            met,
            f"{actual.text!r} {'answers' if met else 'does not answer'} {target.text!r}",
            target,
            actual,
            Comparator.EQ,
        )
    if isinstance(actual, QualitativeValue) and actual.content == target.content:
        return Verdict(True, f"{actual.text!r} is the target text", target, actual, Comparator.EQ)
    outcome = restated(target.text, actual.text) if isinstance(actual, QualitativeValue) else None
    if outcome is not None:
        return _worded(outcome, target, actual, f"{actual.text!r} restates {target.text!r}")
    return Verdict(
        None,
        f"the target {target.text!r} is free text; {actual.text!r} cannot be judged against it",
        target,
        actual,
    )
