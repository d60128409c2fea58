"""Strategies that draw actuals (完成值) meeting or missing a given target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

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
)
from perfmetrics.values.render import render

__all__ = ["actuals_for"]


def _number(value: Decimal, unit: str) -> str:
    return str(Amount(value, unit))


def actuals_for(target: Value | str, *, met: bool = True) -> st.SearchStrategy[str]:
    """Draw actual texts whose verdict against ``target`` (no category) is ``met``.

    Raises:
        InvalidArgument: no actual can give that verdict (``≥0人`` cannot be missed; a free-text
            target can be neither met nor missed except by its own text or a 是/否 answer).
    """
    if isinstance(target, str):
        target = parse(target)
    if isinstance(target, QuantityValue):
        return _quantity_actuals(target, met)
    if isinstance(target, RangeValue):
        return _range_actuals(target, met)
    if isinstance(target, DateValue | PeriodValue):
        return _date_actuals(target, met)
    return _text_actuals(target, met)


def _deltas(scale: Decimal) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=Decimal("0.01"), max_value=max(scale, Decimal(1)), places=2)


def _quantity_actuals(target: QuantityValue, met: bool) -> st.SearchStrategy[str]:
    t, unit, op = target.magnitude, target.unit, target.op
    up = _deltas(t).map(lambda d: _number(t + d, unit))
    same = st.just(_number(t, unit))
    down = _deltas(t).filter(lambda d: d <= t).map(lambda d: _number(t - d, unit))
    can_go_down = t >= Decimal("0.01")
    choices: list[st.SearchStrategy[str]]
    if op is Comparator.GE:
        choices = [up, same] if met else [down]
    elif op is Comparator.GT:
        choices = [up] if met else [same, down]
    elif op is Comparator.LE:
        choices = [same, down] if met else [up]
    elif op is Comparator.LT:
        choices = [down] if met else [same, up]
    else:
        choices = [same] if met else [up, down]
    if not can_go_down:
        choices = [c for c in choices if c is not down]
    if not choices:
        raise InvalidArgument(f"no actual is {'meeting' if met else 'missing'} {render(target)!r}")
    if met and unit == "万元" and op in (Comparator.EQ, Comparator.GE, Comparator.LE):
        choices.append(st.just(_number(t * 10000, "元")))  # the same amount in another unit
    return st.one_of(choices)


def _range_actuals(target: RangeValue, met: bool) -> st.SearchStrategy[str]:
    low, high, unit = target.lower.magnitude, target.upper.magnitude, target.unit
    if met:
        return st.decimals(min_value=low, max_value=high, places=2).map(lambda v: _number(v, unit))
    above = _deltas(high).map(lambda d: _number(high + d, unit))
    if low >= Decimal("0.01"):
        below = _deltas(low).filter(lambda d: d <= low).map(lambda d: _number(low - d, unit))
        return st.one_of(above, below)
    return above


def _date_actuals(target: DateValue | PeriodValue, met: bool) -> st.SearchStrategy[str]:
    if target.start is None or target.end is None:
        raise InvalidArgument("the target has no year; resolve it first (value.resolve(year))")
    start, end = target.start, target.end
    op = target.op if isinstance(target, DateValue) else Comparator.EQ
    days = st.integers(1, 400).map(lambda n: dt.timedelta(days=n))
    inside = st.integers(0, (end - start).days).map(lambda n: start + dt.timedelta(days=n))
    if op is Comparator.LE:
        dates = (days.map(lambda d: end - d) | st.just(end)) if met else days.map(lambda d: end + d)
    elif op is Comparator.GE:
        dates = (
            (days.map(lambda d: start + d) | st.just(start))
            if met
            else days.map(lambda d: start - d)
        )
    elif op is Comparator.LT:
        dates = days.map(lambda d: start - d) if met else inside
    elif op is Comparator.GT:
        dates = days.map(lambda d: end + d) if met else inside
    else:
        dates = inside if met else (days.map(lambda d: end + d) | days.map(lambda d: start - d))
    return dates.map(_date_text)


def _date_text(day: dt.date) -> str:
    """Write a date as tables do (``2025年12月31日``); ISO forms are tested elsewhere."""
    return f"{day.year}年{day.month}月{day.day}日"


def _text_actuals(target: Value, met: bool) -> st.SearchStrategy[str]:
    assert isinstance(target, QualitativeValue)
    if target.content in ("是", "否"):
        if met:
            return st.just(target.content)
        return st.just("否" if target.content == "是" else "是")
    if met:
        return st.sampled_from([target.content, f" {target.content} "])
    raise InvalidArgument(
        f"a free-text target ({target.content!r}) cannot be missed, only undecided"
    )
