"""Self-evaluation scores (绩效自评表 得分) under the rules jurisdictions actually use.

``score(target, actual, weight, rule=..., rounding=...)`` returns an exact Decimal in [0, weight].

Rules (``rule=``):

- ``"all_or_nothing"``: the full weight when the target is met, else 0.
  ``score("≥95%", "93%", 10, rule="all_or_nothing")`` → 0.
- ``"proportional"`` (default): the full weight when met; otherwise actual/target of the weight for
  floors and target/actual for ceilings, clipped to [0, weight]. ``score("≥95%", "76%", 10)`` →
  10 × 76/95 = 8; ``score("≤100万元", "125万元", 10)`` → 10 × 100/125 = 8. A bare target without
  category (equality) scores min/max of the two; a range scores against its nearer end.
- ``"attainment"``: weight × the actual rate itself, for rate and satisfaction indicators:
  ``score("≥90%", "98%", 10, rule="attainment")`` → 9.8.

Dates and text targets score the full weight or 0, and raise :class:`UndecidableError` when the
verdict is unknown. Rounding (``rounding=``): None keeps the exact Decimal; ``"down:0.1"`` and
``"down:1"`` truncate to a tenth or a whole point; ``"half_up:0.01"`` (also ``half_up:0.1``,
``half_up:1``) rounds half up.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from perfmetrics.errors import (
    InputTypeError,
    UndecidableError,
    UnitMismatchError,
)
from perfmetrics.judging.categories import Category
from perfmetrics.judging.meets import meets
from perfmetrics.units.registry import convert
from perfmetrics.values.api import parse
from perfmetrics.values.model import Comparator, QuantityValue, RangeValue, Value

__all__ = ["ROUNDINGS", "RULES", "score"]

RULES = ("all_or_nothing", "proportional", "attainment")

#: Rounding habits of published tables: name → (Decimal rounding mode, quantum).
ROUNDINGS: dict[str, tuple[str, Decimal]] = {
    "down:0.1": (ROUND_DOWN, Decimal("0.1")),
    "down:1": (ROUND_DOWN, Decimal("1")),
    "down:0.01": (ROUND_DOWN, Decimal("0.01")),
    "half_up:0.01": (ROUND_HALF_UP, Decimal("0.01")),
    "half_up:0.1": (ROUND_HALF_UP, Decimal("0.1")),
    "half_up:1": (ROUND_HALF_UP, Decimal("1")),
}


def _weight(weight: Decimal | int | float | str) -> Decimal:
    """Read a weight: a number, or a percentage of a 100-point table (``"10%"`` is 10 points)."""
    if isinstance(weight, bool):
        raise InputTypeError("a weight is a number, not a bool")
    if isinstance(weight, Decimal | int):
        value = Decimal(weight)
    elif isinstance(weight, float):
        value = Decimal(str(weight))
    elif isinstance(weight, str):
        parsed = parse(weight)
        if not isinstance(parsed, QuantityValue) or parsed.unit not in ("", "%", "分"):
            raise InputTypeError(f"a weight is a number of points or a percentage, not {weight!r}")
        value = parsed.magnitude
    else:
        raise InputTypeError(f"a weight is a number, not {type(weight).__name__}")
    if not value.is_finite() or value < 0:
        raise InputTypeError(f"a weight must be a finite number ≥ 0, not {weight!r}")
    return value


def _ratio(part: Decimal, whole: Decimal) -> Decimal:
    try:
        return part / whole if whole > 0 else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def _proportion(target: Value, actual_in_target_unit: Decimal, op: Comparator) -> Decimal:
    """How much of the weight an unmet numeric target still earns, before clipping."""
    a = actual_in_target_unit
    if isinstance(target, RangeValue):
        low = convert(target.lower.magnitude, target.lower.unit, target.unit)
        return _ratio(a, low) if a < low else _ratio(target.upper.magnitude, a)
    assert isinstance(target, QuantityValue)
    t = target.magnitude
    if op.is_floor:
        return _ratio(a, t)
    if op.is_ceiling:
        return _ratio(t, a)
    return _ratio(min(a, t), max(a, t))


def _rounded(value: Decimal, rounding: str | None) -> Decimal:
    if rounding is None:
        return value
    if rounding not in ROUNDINGS:
        raise InputTypeError(f"unknown rounding {rounding!r}; use one of {', '.join(ROUNDINGS)}")
    mode, quantum = ROUNDINGS[rounding]
    return value.quantize(quantum, rounding=mode)


def score(
    target: str | Value,
    actual: str | Value,
    weight: Decimal | int | float | str,
    *,
    category: str | Category | None = None,
    rule: str = "proportional",
    rounding: str | None = None,
    year: int | None = None,
) -> Decimal:
    """Return the points an actual earns against its target, in [0, weight].

    Raises:
        UndecidableError: the verdict is unknown (free-text target, date without a year).
        UnitMismatchError: the two sides do not compare, or ``attainment`` on a non-rate.
        InputTypeError: an unknown rule or rounding, or a weight that is not a number ≥ 0.

    >>> score("≥95%", "76%", 10), score("≤100万元", "125万元", 10)
    (Decimal('8.0'), Decimal('8.0'))
    >>> score("≥90%", "98%", 10, rule="attainment"), score("≥95%", "93%", 10, rule="all_or_nothing")
    (Decimal('9.80'), Decimal('0'))
    """
    if rule not in RULES:
        raise InputTypeError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    points = _weight(weight)
    verdict = meets(target, actual, category=category, year=year)
    if verdict.met is None:
        raise UndecidableError(f"cannot score: {verdict.reason}")
    if rule == "attainment":
        actual_value = verdict.actual
        if not isinstance(actual_value, QuantityValue) or actual_value.unit not in ("%", "‰", ""):
            raise UnitMismatchError(
                "%",
                getattr(actual_value, "unit", actual_value.kind.value),
                "the attainment rule scores rates (%, or a fraction)",
            )
        rate = convert(actual_value.magnitude, actual_value.unit, "")
        earned = points * rate
    elif verdict.met:
        earned = points
    elif rule == "all_or_nothing" or verdict.actual_amount is None:
        earned = Decimal(0)  # all or nothing, or a date or text target: nothing when missed
    else:
        assert verdict.op is not None
        earned = points * _proportion(verdict.target, verdict.actual_amount.magnitude, verdict.op)
    clipped = min(max(earned, Decimal(0)), points)
    return _rounded(clipped, rounding)
